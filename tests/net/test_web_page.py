"""The page ``wargame host --web`` serves, without a browser: what it loads, what it
escapes, the policy that keeps it on the host, and the cap on browser processes."""

from __future__ import annotations

import re

import aiohttp
import pytest

from wargame.net import web as webmod
from wargame.net.host import Host
from wargame.net.server import Server

from helpers import Running, make_host

pytest.importorskip("textual_serve")


class WebRunning(Running):
    """Running, with the browser page served too."""

    def __init__(self, host: Host, command=None):
        self.host = host
        import asyncio
        import threading

        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.server = Server(host, "127.0.0.1", 0, web=True, web_command=command)
        self.port = self.call_async(self.server.start())
        self.url = f"http://127.0.0.1:{self.port}/"


def fetch(run: Running, path: str) -> tuple[int, dict, bytes]:
    async def get():
        async with aiohttp.ClientSession() as s:
            async with s.get(run.url.rstrip("/") + path) as r:
                return r.status, dict(r.headers), await r.read()
    return run.call_async(get())


@pytest.fixture
def served(tmp_path):
    host = make_host("tutorial", tmp_path)
    host.title = '<script>alert("x")</script> & "Harbour"'  # a campaign's title is data
    run = WebRunning(host)
    yield run
    run.stop()


def test_the_page_loads_only_from_the_host_and_escapes_the_title(served):
    status, headers, body = fetch(served, "/")
    page = body.decode()
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    links = re.findall(r'(?:src|href)="([^"]*)"', page)
    assert links and all(u.startswith("/") or u.startswith("data:") for u in links), links
    assert f'data-session-websocket-url="ws://127.0.0.1:{served.port}/terminal"' in page
    policy = headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "connect-src 'self'" in policy
    assert "googleapis" not in page
    for path in [u for u in links if u.startswith("/")]:
        got, _, data = fetch(served, path)
        assert got == 200 and data, path
    status, _, css = fetch(served, "/static/wargame/page.css")
    fonts = re.findall(r'url\("([^"]+)"\)', css.decode())
    assert fonts and all(u.startswith("/static/") for u in fonts)
    for path in fonts:
        got, headers, data = fetch(served, path)
        assert got == 200 and data[:4] == b"\x00\x01\x00\x00", path  # a TrueType font


def test_only_the_pages_own_files_are_served(served):
    assert fetch(served, "/static/wargame/__init__.py")[0] == 404
    assert fetch(served, "/static/wargame/..%2f__init__.py")[0] == 404
    assert fetch(served, "/static/textual/../../server.py")[0] == 404


def test_a_download_the_browsers_apps_did_not_offer_is_not_found(served):
    status, _, body = fetch(served, "/download/0123456789abcdef")
    assert status == 404 and b"not found" in body


def test_a_browser_over_the_limit_is_refused_with_the_reason(served, monkeypatch):
    monkeypatch.setattr(webmod, "MAX_BROWSERS", 0)
    status, _, body = fetch(served, "/terminal")
    assert status == 503 and b"browsers are playing already" in body
    assert any("was refused" in line for line in served.host.lines)  # the console says


def test_each_browser_runs_wargame_join_at_this_host():
    cmd = webmod.join_command(webmod.local_url("0.0.0.0", 8765))
    assert cmd.startswith("exec ")  # the host's own child: it ends with the host
    assert cmd.endswith("-m wargame.net.web.seat http://127.0.0.1:8765/")
    assert webmod.local_url("192.168.1.20", 9000) == "http://192.168.1.20:9000/"
    assert webmod.local_url("::", 9000) == "http://127.0.0.1:9000/"
    assert webmod.local_url("fe80::1", 9000) == "http://[fe80::1]:9000/"


def test_a_browser_whose_app_fails_to_start_is_told_in_the_console(tmp_path):
    import shlex
    import sys
    import time

    host = make_host("tutorial", tmp_path)
    failing = shlex.join([sys.executable, "-c", "import sys; sys.exit(3)"])
    run = WebRunning(host, command=lambda port: failing)
    try:
        async def open_terminal():
            session = aiohttp.ClientSession()
            ws = await session.ws_connect(run.url + "terminal?width=80&height=24")
            return session, ws
        session, ws = run.call_async(open_terminal())
        deadline = time.monotonic() + 30
        while not any("failed to start" in line for line in host.lines):
            assert time.monotonic() < deadline, list(host.lines)
            time.sleep(0.1)

        async def shut():
            await ws.close()
            await session.close()
        run.call_async(shut())
    finally:
        run.stop()


def test_a_browsers_process_ends_when_the_host_is_killed(tmp_path):
    """Else it would join again after --resume: an invisible speaker in the seat."""
    import os
    import signal

    import psutil

    from helpers import start_host

    proc, url = start_host(["tutorial", "--web"], tmp_path)
    try:
        async def open_page():
            async with aiohttp.ClientSession() as s:
                async with s.ws_connect(url + "terminal?width=80&height=24") as ws:
                    seen = b""
                    while b"join code" not in seen:  # the browser's app is up
                        m = await ws.receive(timeout=60)
                        assert m.type == aiohttp.WSMsgType.BINARY, m
                        seen += m.data
                    children = psutil.Process(proc.pid).children(recursive=True)
                    os.kill(proc.pid, signal.SIGKILL)
                    return children
        import asyncio

        children = asyncio.run(open_page())
        assert children
        gone, alive = psutil.wait_procs(children, 20)
        assert alive == [], [p.cmdline() for p in alive]
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(10)
