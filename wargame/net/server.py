"""The transport of a networked game: aiohttp WebSockets in front of a :class:`Host`.

One WebSocket a client, at :data:`~wargame.net.schema.PATH`. A frame larger than
:data:`~wargame.net.schema.MAX_CLIENT_FRAME` closes that connection (aiohttp
refuses it with close code 1009); a frame that is not a valid message is refused
with the reason, and after :data:`STRIKES` of them the connection is closed. Every
refusal is logged; the game goes on. A wrong code is answered only after a delay
that doubles with each wrong try from the same address.

Nothing leaves the server before the journal holds it: every message a connection
sends waits until the journal lines written before it was queued are on disk
(:class:`GroupCommit`). While one sync to disk runs (in a worker thread), the loop
goes on accepting inputs; the next sync covers all of them at once, and only then
are their answers sent.
"""

from __future__ import annotations

import asyncio
import logging

from aiohttp import WSMsgType, web

from ..textsafe import clean_input
from . import schema
from .host import Host, Refused

log = logging.getLogger("wargame.net")

STRIKES = 5  # malformed messages before a connection is closed
HELLO_WITHIN = 60.0  # seconds a new connection has to give its code
QUEUE_LIMIT = 2000  # messages waiting for a client that does not read: then it is dropped
NOTES_EVERY = 0.05  # seconds: the status notes of the changes made within it go out once
HOST_KEY = web.AppKey("host", Host)
# a status or a "something changed" note is a snapshot: of several waiting for one
# client, only the newest is sent
_SNAPSHOTS = ('{"v":%d,"type":"status",' % schema.VERSION,
              '{"v":%d,"type":"changed",' % schema.VERSION)


class GroupCommit:
    """Group commit for the host journal: :meth:`until` returns once the journal's
    lines up to a mark are on disk (:meth:`AppendLog.sync`, in the saves package). One
    sync (in a worker thread) serves every waiter whose lines were written before it
    began; lines written while it runs wait for the next one."""

    def __init__(self, host: Host):
        self.host = host
        self.running: asyncio.Future | None = None
        self.syncs = 0  # syncs run, for the tests and benchmarks

    def mark(self) -> int:
        j = self.host.journal
        return j.written if j is not None else 0

    async def until(self, mark: int) -> None:
        while True:
            j = self.host.journal
            if j is None or j.synced >= mark or j.file.closed:
                return
            if self.running is None:
                self.running = asyncio.ensure_future(self._sync(j))
            await asyncio.shield(self.running)

    async def _sync(self, journal) -> None:
        try:
            self.syncs += 1
            await asyncio.to_thread(journal.sync)
        except (OSError, ValueError) as exc:  # closed under it, or the disk failed
            if not journal.file.closed:
                self.host.say(f"The host journal could not be written to disk ({exc}): "
                              "nothing more is answered.")
                raise
        finally:
            self.running = None


COMMIT_KEY = web.AppKey("commit", GroupCommit)


class Connection:
    """One client's WebSocket, as the host sees it: ``push`` queues a message and a
    writer task sends them in order, each once the journal holds what came before it."""

    def __init__(self, ws: web.WebSocketResponse, peer: str, commit: GroupCommit):
        self.ws, self.peer, self.name = ws, peer, ""
        self.commit = commit
        self.queue: asyncio.Queue = asyncio.Queue()
        self.closing = False

    def push(self, msg) -> None:
        if self.closing:
            return
        if self.queue.qsize() > QUEUE_LIMIT:
            log.warning("%s reads nothing: dropped", self.peer)
            self.close("you fell too far behind; join again")
            return
        self.queue.put_nowait((self.commit.mark(),
                               msg if isinstance(msg, str) else schema.dump(msg)))

    def close(self, reason: str) -> None:
        if not self.closing:
            mark = self.commit.mark()
            self.queue.put_nowait((mark, schema.dump(schema.make("bye", reason=reason))))
            self.queue.put_nowait((mark, None))
            self.closing = True

    async def writer(self) -> None:
        try:
            while True:
                batch = [await self.queue.get()]
                while not self.queue.empty():
                    batch.append(self.queue.get_nowait())
                await self.commit.until(max(mark for mark, _ in batch))
                for text in _newest(batch):
                    if text is None:
                        await self.ws.close()
                        return
                    try:
                        await self.ws.send_str(text)
                    except ValueError as exc:  # not Unicode text: never leave it silent
                        log.error("%s: a message could not be sent (%s): closed",
                                  self.peer, exc)
                        await self.ws.close(message=b"the host could not send a message")
                        return
        except (ConnectionError, RuntimeError, asyncio.CancelledError):
            return
        except OSError:  # the journal cannot be synced: answer nothing it does not hold
            await self.ws.close(message=b"the host cannot write its journal")


def _newest(batch: list[tuple[int, str | None]]) -> list[str | None]:
    """The texts of a batch in order, less each status or "changed" note that a later
    one of the same kind makes stale before any other message (a reply or a view)
    comes between them: a client reads every reply with the status sent before it."""
    out: list[str | None] = []
    later: set[str] = set()  # kinds of snapshot sent after this point, before a reply
    for _, text in reversed(batch):
        kind = next((k for k in _SNAPSHOTS if text.startswith(k)), None) if text else None
        if kind is None:
            later.clear()
        elif kind in later:
            continue
        else:
            later.add(kind)
        out.append(text)
    out.reverse()
    return out


async def _socket(request: web.Request) -> web.WebSocketResponse:
    host: Host = request.app[HOST_KEY]
    ws = web.WebSocketResponse(max_msg_size=schema.MAX_CLIENT_FRAME, heartbeat=30.0)
    await ws.prepare(request)
    peer = request.remote or "?"
    conn = Connection(ws, peer, request.app[COMMIT_KEY])
    writer = asyncio.create_task(conn.writer())
    seated = False
    strikes = 0
    try:
        while True:
            try:
                m = await ws.receive(timeout=None if seated else HELLO_WITHIN)
            except asyncio.TimeoutError:
                host.say(f"{peer} gave no code in {HELLO_WITHIN:g} s: closed.")
                break
            if m.type in (WSMsgType.CLOSE, WSMsgType.CLOSING, WSMsgType.CLOSED):
                break
            if m.type == WSMsgType.ERROR:
                host.say(f"{peer}: connection closed ({_why(ws.exception())}).")
                break
            try:
                if m.type != WSMsgType.TEXT:
                    raise schema.SchemaError("a message must be a text frame")
                msg = schema.parse(m.data, "client")
            except schema.SchemaError as exc:
                strikes += 1
                host.say(f"{peer}: a malformed message was refused ({exc}).")
                conn.push(schema.make("refused", reason=str(exc)))
                if strikes >= STRIKES:
                    conn.close("too many malformed messages")
                    break
                continue
            if not seated:
                if msg["type"] != "hello":
                    conn.push(schema.make("refused", reason="give your join code first"))
                    continue
                await asyncio.sleep(host.delay(peer))  # earlier wrong codes slow this one
                conn.name = clean_input(msg["name"], lines=False).strip()[:40]
                try:
                    seat = host.join(msg["code"], conn, peer)
                except Refused as exc:
                    await asyncio.sleep(host.delay(peer))
                    conn.close(str(exc))
                    break
                seated = True
                status = host.status(seat, conn)
                conn.push(schema.make("welcome", nation=seat.nation,
                                      campaign=host.campaign_data, role=status["role"],
                                      status=status))
                host.push_view(conn, seat.nation)
                continue
            if msg["type"] == "hello":
                host.say(f"{peer} ({host.seat_of(conn).nation}) tried a second code on "
                         "one connection: refused.")
                conn.push(schema.make("reply", id=msg["id"], data=None,
                                      error="this connection is seated already; a code "
                                            "opens its own connection"))
                continue
            conn.push(host.request(conn, msg))
    finally:
        if seated:
            host.leave(conn)
        conn.close("closed")
        await writer
    return ws


def _why(exc) -> str:
    text = str(exc or "no reason")
    if "size" in text.lower() or "too big" in text.lower():
        return f"a message over {schema.MAX_CLIENT_FRAME} bytes"
    return text[:200]


async def _home(request: web.Request) -> web.Response:
    host: Host = request.app[HOST_KEY]
    return web.Response(text=f"wargame host: {host.title}\nJoin with: wargame join "
                             f"http://{request.host}/ (and your code)\n")


def make_app(host: Host, commit: GroupCommit | None = None, browsers=None) -> web.Application:
    """The host's web application; ``browsers`` (a :class:`wargame.net.web.Web`) adds
    the page that plays in a browser, at ``/``."""
    app = web.Application(client_max_size=schema.MAX_CLIENT_FRAME)
    app[HOST_KEY] = host
    app[COMMIT_KEY] = commit or GroupCommit(host)
    app.router.add_get(schema.PATH, _socket)
    if browsers is None:
        app.router.add_get("/", _home)
    else:
        browsers.add_routes(app)
    return app


class Server:
    """The running server: ``await start()``, ``await stop()``; ``port`` once started.
    ``web``: also serve the join client to browsers (:mod:`wargame.net.web`);
    ``web_command(port)``: the shell command a browser's process runs instead of
    ``wargame join`` (for tests)."""

    def __init__(self, host: Host, bind: str = "127.0.0.1", port: int = schema.DEFAULT_PORT,
                 *, web: bool = False, web_command=None):
        self.host, self.bind, self.port = host, bind, port
        self.browsers = None
        if web:
            from .web import Web

            self.browsers = Web(host.title, bind, lambda: self.port, web_command,
                                say=host.say)
        self.runner: web.AppRunner | None = None
        self._ticker: asyncio.Task | None = None
        self.commit = GroupCommit(host)

    async def start(self) -> int:
        if self.host.journal is not None:
            self.host.journal.each = False  # synced by self.commit before any answer
        self.runner = web.AppRunner(make_app(self.host, self.commit, self.browsers),
                                    access_log=None,
                                    handle_signals=False)
        await self.runner.setup()
        site = web.TCPSite(self.runner, self.bind, self.port)
        await site.start()
        self.port = self.runner.addresses[0][1]
        loop = asyncio.get_running_loop()
        self.host.later = lambda fn: loop.call_later(0.05, fn)
        self.host.soon = lambda fn: loop.call_later(NOTES_EVERY, fn)
        self._ticker = asyncio.create_task(self._tick())
        return self.port

    async def _tick(self) -> None:
        while True:
            await asyncio.sleep(0.5)
            try:
                self.host.tick()
                # what nobody waits for (the console's own changes) is on disk soon too
                await self.commit.until(self.commit.mark())
            except Exception:  # never let the clock stop the server
                log.exception("the phase clock failed")

    @property
    def url(self) -> str:
        where = self.bind if ":" not in self.bind else f"[{self.bind}]"
        return f"http://{where}:{self.port}/"

    async def stop(self, reason: str = "the host stopped") -> None:
        self.host.close(reason)
        await asyncio.sleep(0.05)  # the writers send their goodbyes
        if self._ticker is not None:
            self._ticker.cancel()
        if self.runner is not None:
            await self.runner.cleanup()
