"""Shared test settings: no test writes into the checkout's saves/ folder or the
player's settings."""

import pytest


@pytest.fixture(autouse=True, scope="session")
def _no_checkout_folders_for_wider_fixtures(tmp_path_factory):
    """Module- and session-scoped fixtures are set up before the per-test ones below:
    they too save into a temporary folder (a game played once for a whole module)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("WARGAME_SAVES_DIR", str(tmp_path_factory.mktemp("saves-shared")))
        mp.setenv("WARGAME_CONFIG_DIR", str(tmp_path_factory.mktemp("config-shared")))
        yield


@pytest.fixture(autouse=True)
def _saves_in_a_temporary_folder(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("WARGAME_SAVES_DIR", str(tmp_path_factory.mktemp("saves")))
    monkeypatch.setenv("WARGAME_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
