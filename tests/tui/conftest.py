"""Every TUI test saves into its own temporary folder, never the checkout's saves/, and
keeps its settings (the theme) in another, never the user's config folder."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def saves_folder(tmp_path, monkeypatch):
    folder = tmp_path / "saves"
    monkeypatch.setenv("WARGAME_SAVES_DIR", str(folder))
    monkeypatch.setenv("WARGAME_CONFIG_DIR", str(tmp_path / "config"))
    return folder
