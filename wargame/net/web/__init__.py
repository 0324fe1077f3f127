"""The join client in a browser (``wargame host --web``), served with textual-serve.

The host's own web server (:mod:`wargame.net.server`) also answers:

- ``/``: the page (:file:`page.html`, :file:`page.css`, :file:`page.js` here), a
  terminal drawn by textual-serve's ``textual.js`` (xterm.js);
- ``/terminal``: the page's WebSocket. Each browser that opens it gets a process of
  its own running ``wargame join http://127.0.0.1:PORT/`` (the full-screen client,
  joining this same host; :mod:`.seat` ends it if the host is killed), whose screen
  the page shows: textual-serve's ``AppService`` carries keys and screen between the
  two;
- ``/download/KEY``: a file a browser's app hands to its browser (a screenshot
  from the command palette), as textual-serve does;
- ``/static/textual/``: textual-serve's script, terminal style and fonts (Roboto
  Mono, Apache License 2.0, in the textual-serve package); ``/static/wargame/``:
  this page's style and script.

The page asks nothing of any other computer: textual-serve's own template loads its
font from the internet, this one does not, and every page is sent with a
Content-Security-Policy that lets the browser load nothing from elsewhere.

At most :data:`MAX_BROWSERS` browser processes run at once; one more is refused.
Imported only by ``--web``: the game's start-up never loads textual-serve.
"""

from __future__ import annotations

import html
import logging
import mimetypes
import os
import shlex
import sys
from pathlib import Path
from string import Template

from aiohttp import web

log = logging.getLogger("wargame.net")
mimetypes.add_type("font/ttf", ".ttf")  # not known to every system's table

HERE = Path(__file__).resolve().parent
MAX_BROWSERS = 60  # browser processes at once: a class of 30, each reloading once
FONT_SIZE = 16
# the browser may load only from this host (and open its WebSocket here)
POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
          "font-src 'self'; img-src 'self' data:; connect-src 'self'; "
          "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


def textual_serve_dir() -> Path:
    import textual_serve

    return Path(textual_serve.__file__).resolve().parent


def join_command(url: str) -> str:
    """The shell command a browser's process runs: this Python's ``wargame join``, as
    the host's own child (``exec``: no shell in between), ending with the host
    (:mod:`wargame.net.web.seat`)."""
    command = shlex.join([sys.executable, "-m", "wargame.net.web.seat", url])
    return command if os.name == "nt" else "exec " + command  # Windows' shell has none


def local_url(bind: str, port: int) -> str:
    """Where a process on the host's own computer reaches the host."""
    if bind in ("", "0.0.0.0", "::", "localhost"):
        bind = "127.0.0.1"
    return f"http://[{bind}]:{port}/" if ":" in bind else f"http://{bind}:{port}/"


class Web:
    """The browser routes of one host. ``command(port)`` is the shell command each
    browser's process runs (by default :func:`join_command` at :func:`local_url`)."""

    def __init__(self, title: str, bind: str, port_of, command=None, say=None):
        from textual_serve.server import Server as TextualServe

        self.title, self.bind, self.port_of = title, bind, port_of
        self.say = say or log.info  # what the instructor reads (the console's log)
        _to_console(self.say)
        self.command = command or (lambda port: join_command(local_url(bind, port)))
        self.page = Template((HERE / "page.html").read_text(encoding="utf-8"))
        self.serve = TextualServe("", title=title)  # only its WebSocket handler is used
        self.browsers = 0

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get("/", self.index)
        app.router.add_get("/terminal", self.terminal)
        # what a browser's app hands it (a screenshot from the command palette)
        app.router.add_get("/download/{key}", self.serve.handle_download)
        app.router.add_static("/static/textual/", textual_serve_dir() / "static")
        app.router.add_get("/static/wargame/{name}", self.own)
        app.on_response_prepare.append(_policy)

    async def index(self, request: web.Request) -> web.Response:
        text = self.page.substitute(
            title=html.escape(self.title), font_size=FONT_SIZE,
            socket=html.escape(f"ws://{request.host}/terminal", quote=True))
        return web.Response(text=text, content_type="text/html")

    async def own(self, request: web.Request) -> web.FileResponse:
        name = request.match_info["name"]
        if name not in ("page.css", "page.js"):
            raise web.HTTPNotFound()
        return web.FileResponse(HERE / name)

    async def terminal(self, request: web.Request) -> web.StreamResponse:
        if self.browsers >= MAX_BROWSERS:
            self.say(f"A browser at {request.remote} was refused: {self.browsers} "
                     "are playing already.")
            raise web.HTTPServiceUnavailable(text=f"{MAX_BROWSERS} browsers are playing "
                                                  "already; close one and reload")
        self.serve.command = self.command(self.port_of())
        self.browsers += 1
        try:
            return await self.serve.handle_websocket(request)
        finally:
            self.browsers -= 1


class _Said(logging.Handler):
    """textual-serve's warnings (a browser's app that failed to start) for the
    instructor, as one line each."""

    def __init__(self, say):
        super().__init__(logging.WARNING)
        self.said = say

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.said(f"Browser page: {record.getMessage()}")
        except Exception:  # noqa: BLE001 - a log line never stops the server
            pass


def _to_console(say) -> None:
    served = logging.getLogger("textual-serve")
    for h in [h for h in served.handlers if isinstance(h, _Said)]:
        served.removeHandler(h)
    served.addHandler(_Said(say))
    served.propagate = False


async def _policy(request: web.Request, response: web.StreamResponse) -> None:
    response.headers["Content-Security-Policy"] = POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
