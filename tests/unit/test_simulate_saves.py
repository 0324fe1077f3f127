"""`wargame simulate --save-dir`: every finished game is a save that replays to its end."""

import io
import json
from pathlib import Path

from wargame.saves import load_save
from wargame.simulate import Params, run

TUTORIAL = str(Path(__file__).resolve().parents[2] / "campaigns" / "tutorial.yaml")


def test_each_simulated_game_is_saved_and_loads_with_its_outcome(tmp_path):
    out = io.StringIO()
    code = run(Params(campaign=TUTORIAL, games=3, seed=5, json=True, jobs=2,
                      save_dir=str(tmp_path)), out, io.StringIO())
    assert code == 0
    games = json.loads(out.getvalue())["games"]
    files = sorted(tmp_path.glob("sim-5_game-*.json"))
    assert len(files) == 3
    for game, path in zip(games, files):
        loaded = load_save(path)
        assert loaded.game.over and loaded.game.outcome == game["outcome"]
        assert len(loaded.game.state.history) == game["rounds"]
