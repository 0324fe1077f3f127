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
