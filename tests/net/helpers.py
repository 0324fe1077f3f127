"""A real host on 127.0.0.1 in a thread of its own, for the network tests."""

from __future__ import annotations

import asyncio
import contextlib
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
