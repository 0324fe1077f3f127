"""The game in a browser (``wargame host --web``), in a real headless Chromium: the
page loads, a code is typed, the seat's briefing appears; the page asks nothing of
any computer but the host. With CI=true a missing browser fails the test; elsewhere
it is skipped, saying how to install it."""

from __future__ import annotations

import asyncio
import os
from urllib.parse import urlsplit

import pytest

from browser import INSTALL, Browser, find_chromium
from helpers import read_codes, start_host


def chromium() -> str:
    path = find_chromium()
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(INSTALL)
        pytest.skip(INSTALL)
    return path


def test_a_student_types_a_code_in_a_browser_and_reads_the_briefing(tmp_path):
    path = chromium()
    codes_file = tmp_path / "codes.txt"
    proc, url = start_host(["tutorial", "--web", "--codes", str(codes_file),
                            "--start-after", "1"], tmp_path)
    try:
        code = read_codes(codes_file)["belmark"]
        requested, problems = asyncio.run(asyncio.wait_for(_play(path, url, code), 240))
    finally:
        proc.terminate()
        proc.wait(20)
    assert any(u.endswith("/terminal") or "/terminal?" in u for u in requested)
    assert any("RobotoMono" in u for u in requested)  # the font, from the host
    elsewhere = [u for u in requested if urlsplit(u).hostname != "127.0.0.1"
                 and not u.startswith(("data:", "blob:"))]
    assert elsewhere == [], "the page asked another computer for these"
    assert problems == []


async def _play(path: str, url: str, code: str) -> tuple[list[str], list[str]]:
    async with Browser(path) as b:
        # textual.js would fetch a "ping" address given in the page's query: not here
        await b.open(url + "?ping=http://203.0.113.9/ping")
        await b.wait_for_text("join code", 90)
        await b.type(code.lower().replace("-", ""))  # typed as a student might
        await b.enter()
        screen = await b.wait_for_text("Alone you cannot hold", 90)  # belmark's briefing
        assert "Belmark" in screen
        assert "Ardenia's" not in screen  # another government's briefing is not shown
        return b.requested(), b.problems()
