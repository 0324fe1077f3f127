"""Every TUI test saves into its own temporary folder, never the checkout's saves/."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def saves_folder(tmp_path, monkeypatch):
    folder = tmp_path / "saves"
    monkeypatch.setenv("WARGAME_SAVES_DIR", str(folder))
    return folder
