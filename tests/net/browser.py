"""A real headless Chromium driven over the DevTools protocol (CDP), for the tests of
the page that plays in a browser (``wargame host --web``).

Debian's ``chromium`` is started with ``--remote-debugging-port=0``; this talks to
one page of it over a WebSocket (aiohttp). xterm.js draws the terminal on a canvas,
so the screen is read from the terminal's buffer: a script added before the page's
own ones catches the ``Terminal`` object textual.js creates (it assigns it to a
``terminal`` property) and keeps it as ``window.__wargameTerminals``.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import aiohttp

INSTALL = ("the browser tests need Debian's chromium: apt-get install -y chromium "
           "chromium-driver (CI installs them in .ci/run)")

# catches every object assigned to a "terminal" property (textual.js: this.terminal =
# new Terminal(...)) and keeps those that look like an xterm.js Terminal
CATCH_TERMINAL = """
(() => {
  window.__wargameTerminals = [];
  Object.defineProperty(Object.prototype, "terminal", {
    configurable: true,
    set(value) {
      Object.defineProperty(this, "terminal", {value, writable: true,
                                               configurable: true, enumerable: true});
      if (value && value.buffer && typeof value.write === "function") {
        window.__wargameTerminals.push(value);
      }
    },
  });
})();
"""

SCREEN = """
(() => {
  const t = (window.__wargameTerminals || [])[0];
  if (!t) return null;
  const b = t.buffer.active, out = [];
  for (let i = 0; i < t.rows; i++) {
    const line = b.getLine(b.viewportY + i);
    out.push(line ? line.translateToString(true) : "");
  }
  return out.join("\\n");
})()
"""


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class Browser:
    """One headless Chromium with one page; ``async with Browser(path) as b``."""

    def __init__(self, path: str, width: int = 1200, height: int = 800):
        self.path, self.width, self.height = path, width, height
        self.events: list[tuple[str, dict]] = []
        self.ids = 0
        self.waiting: dict[int, asyncio.Future] = {}

    async def __aenter__(self) -> "Browser":
        self.profile = tempfile.mkdtemp(prefix="wargame-chromium-")
        self.proc = subprocess.Popen(
            [self.path, "--headless=new", "--no-sandbox", "--disable-gpu",
             "--disable-dev-shm-usage",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions",
             "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--disable-default-apps", "--metrics-recording-only",
             "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1",
             f"--user-data-dir={self.profile}",
             f"--window-size={self.width},{self.height}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = Path(self.profile) / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while not (port_file.exists() and port_file.read_text().count("\n") >= 1):
            if time.monotonic() > deadline or self.proc.poll() is not None:
                await self.close()
                raise RuntimeError("chromium did not start")
            await asyncio.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        self.session = aiohttp.ClientSession()
        async with self.session.get(f"http://127.0.0.1:{port}/json/list") as r:
            pages = [t for t in await r.json() if t.get("type") == "page"]
        self.ws = await self.session.ws_connect(pages[0]["webSocketDebuggerUrl"],
                                                max_msg_size=0)
        self.reader = asyncio.create_task(self._read())
        return self

    async def __aexit__(self, *exc) -> None:
        await self.close()

    async def close(self) -> None:
        if getattr(self, "reader", None):
            self.reader.cancel()
        if getattr(self, "session", None):
            await self.session.close()
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)

    async def _read(self) -> None:
        async for m in self.ws:
            msg = json.loads(m.data)
            if "id" in msg and msg["id"] in self.waiting:
                self.waiting.pop(msg["id"]).set_result(msg)
            elif "method" in msg:
                self.events.append((msg["method"], msg.get("params", {})))

    async def send(self, method: str, **params) -> dict:
        self.ids += 1
        fut = asyncio.get_running_loop().create_future()
        self.waiting[self.ids] = fut
        await self.ws.send_str(json.dumps({"id": self.ids, "method": method,
                                           "params": params}))
        msg = await asyncio.wait_for(fut, 30)
        if "error" in msg:
            raise RuntimeError(f"{method}: {msg['error']}")
        return msg.get("result", {})

    async def evaluate(self, script: str):
        res = await self.send("Runtime.evaluate", expression=script, returnByValue=True)
        return res.get("result", {}).get("value")

    async def open(self, url: str) -> None:
        for domain in ("Page", "Network", "Runtime", "Log"):
            await self.send(f"{domain}.enable")
        await self.send("Page.addScriptToEvaluateOnNewDocument", source=CATCH_TERMINAL)
        await self.send("Page.navigate", url=url)

    async def screen(self) -> str:
        return await self.evaluate(SCREEN) or ""

    async def wait_for_text(self, text: str, limit: float = 60.0) -> str:
        """The terminal's screen once it shows ``text``; AssertionError with the last
        screen if it does not within ``limit`` seconds."""
        deadline = time.monotonic() + limit
        seen = ""
        while time.monotonic() < deadline:
            seen = await self.screen()
            if text in seen:
                return seen
            await asyncio.sleep(0.25)
        raise AssertionError(f"{text!r} never appeared on the page; it showed:\n{seen}")

    async def type(self, text: str) -> None:
        """Keys typed into the page's terminal, as a person would (one key at a time)."""
        await self.evaluate("window.__wargameTerminals[0].focus()")
        for ch in text:
            await self.send("Input.dispatchKeyEvent", type="keyDown", key=ch, text=ch)
            await self.send("Input.dispatchKeyEvent", type="keyUp", key=ch)

    async def enter(self) -> None:
        for kind in ("keyDown", "keyUp"):
            await self.send("Input.dispatchKeyEvent", type=kind, key="Enter", code="Enter",
                            windowsVirtualKeyCode=13, nativeVirtualKeyCode=13,
                            **({"text": "\r"} if kind == "keyDown" else {}))

    def requested(self) -> list[str]:
        """Every address the page asked for: documents, scripts, styles, fonts,
        images, fetches and WebSockets."""
        urls = [p["request"]["url"] for m, p in self.events if m == "Network.requestWillBeSent"]
        urls += [p["url"] for m, p in self.events if m == "Network.webSocketCreated"]
        return urls

    def problems(self) -> list[str]:
        """Errors the page met: uncaught exceptions, console errors, refused loads."""
        out = [p["exceptionDetails"].get("text", "") + " " +
               str(p["exceptionDetails"].get("exception", {}).get("description", ""))
               for m, p in self.events if m == "Runtime.exceptionThrown"]
        out += [f'{p["entry"]["text"]} {p["entry"].get("url", "")}' for m, p in self.events
                if m == "Log.entryAdded" and p["entry"]["level"] == "error"]
        out += [" ".join(str(a.get("value", "")) for a in p.get("args", []))
                for m, p in self.events
                if m == "Runtime.consoleAPICalled" and p.get("type") == "error"]
        out += [p.get("errorText", "") + " " + p.get("blockedReason", "")
                for m, p in self.events if m == "Network.loadingFailed"]
        return out

