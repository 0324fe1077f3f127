"""Shared test settings: no test writes into the checkout's saves/ folder or the
player's settings."""

import pytest


@pytest.fixture(autouse=True)
def _saves_in_a_temporary_folder(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("WARGAME_SAVES_DIR", str(tmp_path_factory.mktemp("saves")))
    monkeypatch.setenv("WARGAME_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
