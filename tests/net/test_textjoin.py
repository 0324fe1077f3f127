"""`wargame join URL --text`: two text clients play the tutorial to its end."""

import io
import threading

from wargame.net.textjoin import run

from helpers import hosting


def test_two_text_clients_play_the_tutorial_to_the_end(tmp_path):
    with hosting("tutorial", tmp_path) as host_run:
        host = host_run.host
        outs, codes = {}, {}

        def client(nation, first_line):
            lines = iter([host.seats[nation].code, first_line])
            out = io.StringIO()
            outs[nation] = out
            codes[nation] = run(host_run.url, None, nation, ask=lambda p: next(lines, ""),
                                out=out, err=out)

        threads = [threading.Thread(target=client, args=(n, line)) for n, line in
                   (("belmark", "message ardenia: Talk before you sail."),
                    ("ardenia", ""))]
        for t in threads:
            t.start()
        for _ in range(100):
            if all(host.seats[n].conns for n in ("belmark", "ardenia")):
                break
            threading.Event().wait(0.05)
        host_run.call(host.start)
        for t in threads:
            t.join(60)
        assert codes == {"belmark": 0, "ardenia": 0}
        b, a = outs["belmark"].getvalue(), outs["ardenia"].getvalue()
        assert "You lead Belmark" in b and "Keep Belport." in b
        assert "Take Belport." not in b and "Take Belport." in a  # each its own objectives
        assert "The game is over. Your score:" in b and "The game is over. Your score:" in a
        assert any(m.text == "Talk before you sail." for m in host.game.view("ardenia").messages)
        assert host.game.over


def test_the_text_client_starts_without_textual():
    """`wargame join URL --text` is for scripts and screen readers: its start-up
    loads no Textual (the full-screen client is imported only without --text)."""
    import subprocess
    import sys

    code = ("import sys, wargame.cli, wargame.net.commands, wargame.net.textjoin; "
            "wargame.cli._parser(); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual' "
            "or m.startswith('wargame.tui')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_join_without_a_terminal_says_to_use_text(capsys, monkeypatch):
    from wargame.cli import main

    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    assert main(["join", "http://127.0.0.1:9/"]) == 2  # pytest's output is no terminal
    assert "needs a terminal for its screens; use --text" in capsys.readouterr().err
    assert main(["join", "ftp://nowhere"]) == 2
    assert "is not a host's address" in capsys.readouterr().err
