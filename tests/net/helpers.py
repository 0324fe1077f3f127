"""A real host on 127.0.0.1 in a thread of its own, for the network tests."""

from __future__ import annotations

import asyncio
import contextlib
import subprocess
import threading

from wargame.campaign import load_campaign
from wargame.core import Game
from wargame.net.host import Host
from wargame.net.server import Server


class Running:
    """A host and its server, running on an event loop in a thread."""

    def __init__(self, host: Host):
        self.host = host
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.server = Server(host, "127.0.0.1", 0)
        self.port = self.call_async(self.server.start())
        self.url = f"http://127.0.0.1:{self.port}/"

    def call_async(self, coro, timeout=30):
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def call(self, fn, *args, **kw):
        """Run ``fn`` on the host's loop (as the console does) and return its result."""
        async def run():
            return fn(*args, **kw)
        return self.call_async(run())

    def stop(self):
        self.call_async(self.server.stop())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


def make_host(campaign: str, folder, **kw) -> Host:
    c = load_campaign(f"campaigns/{campaign}.yaml")
    game = Game(c.world, c.seed)
    host = Host(game, c, folder=folder, policies=dict(c.policies), title=c.title, **kw)
    host.open_journal()
    return host


@contextlib.contextmanager
def hosting(campaign: str, folder, **kw):
    host = make_host(campaign, folder, **kw)
    run = Running(host)
    try:
        yield run
    finally:
        run.stop()


PHASES = ("diplomacy", "orders")


def key(seat) -> tuple:
    st = seat.status
    return st.get("round"), st.get("phase")


def my_turn(seat) -> bool:
    st = seat.status
    return bool(st.get("started") and not st.get("paused") and st.get("phase") in PHASES
                and st.get("role") == "speaker" and not st.get("turn_over")) \
        or bool(st.get("over"))


def play_turn(seat, timeout: float = 20.0) -> bool:
    """Wait for this seat's turn and play it as a simple scripted player: in the orders
    phase the first legal order with a target (or none); then end the turn. False at
    the end of the game."""
    from wargame.core import Order

    assert seat.link.wait(lambda lk: my_turn(seat), timeout), f"no turn for {seat.nation}"
    if seat.status.get("over"):
        return False
    if seat.status["phase"] == "orders":
        view = seat.view()
        opt = next((o for o in view.options if o.targets), None)
        if opt is not None:
            order = Order(seat.nation, opt.action.id, opt.targets[0])
            if not seat.check(order):
                assert seat.give_orders([order]) == ""
    assert seat.end_turn() == ""
    return True


def start_host(args: list[str], folder) -> tuple[subprocess.Popen, str]:
    """``wargame host ARGS --headless --port 0`` in a process of its own, saving in
    ``folder``; its output goes to ``folder/host.out`` (never a pipe nobody reads).
    Returns the process and the address it listens on."""
    import re
    import sys
    import time
    from pathlib import Path

    out = Path(folder) / "host.out"
    with open(out, "w") as f:
        proc = subprocess.Popen([sys.executable, "-m", "wargame", "host", *args,
                                 "--headless", "--port", "0", "--saves-dir", str(folder)],
                                cwd=Path(__file__).resolve().parents[2], stdout=f,
                                stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        m = re.search(r"Listening on (\S+)", out.read_text())
        if m:
            return proc, m.group(1)
        if proc.poll() is not None:
            break
        time.sleep(0.1)
    proc.kill()
    raise AssertionError("the host did not start:\n" + out.read_text())


def read_codes(path) -> dict[str, str]:
    """The codes file ``--codes`` writes, as {state id: code}."""
    import re
    from pathlib import Path

    out = {}
    for line in Path(path).read_text().splitlines():
        m = re.match(r"(\S{4}-\S{4})\s+.*\((\w+)\)$", line)
        if m:
            out[m.group(2)] = m.group(1)
    return out
