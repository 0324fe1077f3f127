"""A government's seat at a game on another computer: :class:`RemoteSeat`.

:class:`RemoteSeat` has the methods of :class:`wargame.text.port.Seat`, so the text
mode's desk plays through it exactly as through a :class:`~wargame.text.port.LocalSeat`.
It holds what the host sends this seat and nothing else: the seat's view, the public
campaign, the status of the phase. Its connection (:class:`Link`) runs aiohttp in a
thread of its own, so the seat's methods are plain blocking calls; what the host
pushes (a new view, the phase's status) is taken in as it arrives.
"""

from __future__ import annotations

import asyncio
import itertools
import threading
from urllib.parse import urlsplit, urlunsplit

import aiohttp

from ..core import Order, View
from ..core.events import Event
from ..core.scoring import Score
from ..core.terms import Term
from ..text.port import PublicCampaign
from . import codec, schema

TIMEOUT = 30.0  # seconds to wait for the host's answer


class JoinRefused(Exception):
    """The host would not seat us (the text says why)."""


class Disconnected(Exception):
    """The connection to the host is gone."""


def ws_url(url: str) -> str:
    """The WebSocket address of a host given as ``http://host:port/``, ``host:port`` or
    ``ws://host:port/ws``."""
    url = url.strip()
    if "://" not in url:
        url = "http://" + url
    parts = urlsplit(url)
    scheme = {"http": "ws", "https": "wss", "ws": "ws", "wss": "wss"}.get(parts.scheme)
    if scheme is None or not parts.hostname:
        raise ValueError(f"{url!r} is not a host's address (e.g. http://192.168.1.20:8765/)")
    path = parts.path if parts.path.rstrip("/") else schema.PATH
    return urlunsplit((scheme, parts.netloc, path, "", ""))


class Link:
    """The connection: a thread with an event loop, an aiohttp WebSocket, requests
    matched to replies by id, and what the host pushes kept as it comes."""

    def __init__(self, url: str, code: str, name: str = "", *, capture: bool = False,
                 timeout: float = TIMEOUT):
        self.url, self.code, self.name, self.timeout = ws_url(url), code, name, timeout
        self.frames: list[str] | None = [] if capture else None  # every frame received
        self.cond = threading.Condition()
        self.pending: dict[int, asyncio.Future] = {}
        self.ids = itertools.count(1)
        self.welcome: dict = {}
        self.status: dict = {}
        self.view_data: dict | None = None
        self.pushed: dict | None = None  # the last view the host pushed, patched
        self.version = 0  # bumped by every push that may change what the seat sees
        self.closed = ""  # why the link is closed ('' while open)
        self.refusals: list[str] = []
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True,
                                       name="wargame-link")
        self.thread.start()
        self.session = self.ws = None
        self.reader: asyncio.Task | None = None
        self._run(self._open(), timeout)

    def _run(self, coro, timeout: float | None = None):
        fut = asyncio.run_coroutine_threadsafe(coro, self.loop)
        try:
            return fut.result(timeout or self.timeout)
        except TimeoutError:
            fut.cancel()
            raise Disconnected("the host did not answer in time") from None

    async def _open(self) -> None:
        self.session = aiohttp.ClientSession()
        try:
            self.ws = await self.session.ws_connect(self.url, max_msg_size=schema.MAX_SERVER_FRAME,
                                                    heartbeat=30.0)
        except (aiohttp.ClientError, OSError) as exc:
            await self.session.close()
            raise Disconnected(f"cannot reach the host at {self.url} ({exc})") from None
        await self.ws.send_str(schema.dump(schema.make("hello", id=0, code=self.code,
                                                       name=self.name)))
        msg = None
        while msg is None or msg["type"] not in ("welcome", "bye"):
            m = await self.ws.receive()
            if m.type != aiohttp.WSMsgType.TEXT:
                msg = None
                break
            msg = self._take(m)
        if msg is None or msg["type"] != "welcome":
            reason = (msg or {}).get("reason") or "the host closed the connection"
            await self.session.close()
            raise JoinRefused(reason)
        self.reader = self.loop.create_task(self._read())

    def _take(self, m) -> dict | None:
        if m.type != aiohttp.WSMsgType.TEXT:
            return None
        if self.frames is not None:
            self.frames.append(m.data)
        try:
            msg = schema.parse(m.data, "server")
        except schema.SchemaError as exc:
            self.refusals.append(f"the host sent a malformed message: {exc}")
            return None
        with self.cond:
            kind = msg["type"]
            if kind == "welcome":
                self.welcome, self.status = msg, msg["status"]
            elif kind == "status":
                self.status = msg["status"]
            elif kind == "view":
                self.pushed = self.view_data = msg["view"]
                self.version += 1
            elif kind == "patch":  # the fields that differ from the last view pushed
                if self.pushed is not None:
                    self.pushed = {**self.pushed, **msg["view"]}
                self.view_data = self.pushed  # None: ask for it
                self.version += 1
            elif kind == "changed":
                self.view_data = None
                self.version += 1
            elif kind == "refused":
                self.refusals.append(msg["reason"])
            elif kind == "bye":
                self.closed = msg["reason"]
            elif kind == "reply":  # the status after the request, before its answer
                if msg.get("status") is not None:
                    self.status = msg["status"]
                if msg.get("changed"):
                    self.view_data = None
                    self.version += 1
            self.cond.notify_all()
        return msg

    async def _read(self) -> None:
        try:
            async for m in self.ws:
                msg = self._take(m)
                if msg is not None and msg["type"] == "reply":
                    fut = self.pending.pop(msg["id"], None)
                    if fut is not None and not fut.done():
                        fut.set_result(msg)
        finally:
            with self.cond:
                self.closed = self.closed or "the connection to the host was lost"
                self.cond.notify_all()
            for fut in self.pending.values():
                if not fut.done():
                    fut.set_exception(Disconnected(self.closed))
            await self.session.close()

    async def _ask(self, msg: dict) -> dict:
        fut = self.loop.create_future()
        self.pending[msg["id"]] = fut
        await self.ws.send_str(schema.dump(msg))
        return await fut

    def request(self, kind: str, **fields) -> tuple[str, object]:
        """(error, data) of one request; :class:`Disconnected` if the link is gone."""
        if self.closed:
            raise Disconnected(self.closed)
        msg = schema.check(schema.make(kind, id=next(self.ids), **fields), "client")
        try:
            reply = self._run(self._ask(msg))
        except (ConnectionError, RuntimeError, aiohttp.ClientError) as exc:
            raise Disconnected(str(exc) or "the connection to the host was lost") from None
        return reply["error"], reply["data"]

    def send_raw(self, text: str | bytes) -> None:
        """Send a frame as it is (tests of what the host does with bad frames)."""
        coro = self.ws.send_bytes(text) if isinstance(text, bytes) else self.ws.send_str(text)
        self._run(coro)

    def wait(self, predicate, timeout: float | None = None) -> bool:
        """Block until ``predicate(link)`` holds or the link closes; its last value."""
        with self.cond:
            return self.cond.wait_for(lambda: predicate(self) or bool(self.closed), timeout)

    def close(self) -> None:
        async def shut():
            if self.ws is not None and not self.ws.closed:
                await self.ws.close()
            if self.reader is not None:  # it ends with the socket; let it finish
                await asyncio.wait({self.reader}, timeout=2)
            if self.session is not None:
                await self.session.close()
        try:
            self._run(shut(), 5)
        except Disconnected:
            pass
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


class RemoteSeat:
    """A :class:`~wargame.text.port.Seat` over a network connection."""

    def __init__(self, link: Link):
        self.link = link
        self.nation: str = link.welcome["nation"]
        self.campaign: PublicCampaign = codec.decode_campaign(link.welcome["campaign"])
        self._view: tuple[int, View] | None = None
        self._news: tuple[int, list[Event]] | None = None

    @classmethod
    def join(cls, url: str, code: str, name: str = "", **kw) -> "RemoteSeat":
        return cls(Link(url, code, name, **kw))

    # ------------------------------------------------------------ status
    @property
    def status(self) -> dict:
        return self.link.status

    @property
    def role(self) -> str:
        return self.link.status.get("role", "")

    def close(self) -> None:
        self.link.close()

    # ------------------------------------------------------------ reading
    def _get(self, what: str, **fields):
        error, data = self.link.request("get", what=what, **fields)
        if error:
            raise Disconnected(error)
        return data

    def view(self) -> View:
        with self.link.cond:
            version, pushed = self.link.version, self.link.view_data
        if self._view is not None and self._view[0] == version:
            return self._view[1]
        view = codec.decode_view(pushed if pushed is not None else self._get("view"))
        self._view = (version, view)
        return view

    def public_news(self) -> list[Event]:
        version = self.link.version
        if self._news is None or self._news[0] != version:
            self._news = (version, codec.decode(codec.EVENTS, self._get("news", since=0)))
        return list(self._news[1])

    def orders(self) -> list[Order]:
        return codec.decode(codec.ORDERS, self._get("orders"))

    def score(self) -> Score:
        return codec.decode(Score, self._get("score"))

    def last_due_in(self) -> int:
        return int(self._get("last_due_in"))

    def _data(self, kind: str, **fields):
        error, data = self.link.request(kind, **fields)
        return error if error else data

    def check(self, order: Order) -> str:
        return self._data("check", order=codec.encode(Order, order))

    def consequences(self, order: Order) -> list[str]:
        out = self._data("consequences", order=codec.encode(Order, order))
        return out if isinstance(out, list) else [out]

    def term_problem(self, term: Term, due_in: int, already: list[Term]) -> str:
        return self._data("term_problem", term=codec.encode(Term, term), due_in=due_in,
                          already=codec.encode(codec.TERMS, list(already)))

    def cannot_pass(self, institution: str, measure: str, target: str) -> str:
        return self._data("cannot_pass", institution=institution, measure=measure,
                          target=target)

    # ------------------------------------------------------------ verbs
    def _do(self, kind: str, **fields) -> str:
        try:
            error, _ = self.link.request(kind, **fields)
        except Disconnected as exc:
            return f"the connection to the host is lost ({exc})"
        return error

    def give_orders(self, orders: list[Order]) -> str:
        return self._do("orders", orders=codec.encode(codec.ORDERS, list(orders)))

    def vote(self, draft: str, vote: str) -> str:
        return self._do("vote", draft=draft, vote=vote)

    def message(self, to: list[str], text: str) -> str:
        return self._do("message", to=list(to), text=text)

    def answer(self, proposal: str, reply: str) -> str:
        return self._do("answer", proposal=proposal, reply=reply)

    def propose(self, to: list[str], terms: list[Term], institution: str = "",
                due_in: int = 1) -> tuple[str, str]:
        error, data = self.link.request("propose", to=list(to),
                                        terms=codec.encode(codec.TERMS, list(terms)),
                                        institution=institution, due_in=due_in)
        return ("", error) if error else (str(data), "")

    def counter(self, proposal: str, terms: list[Term], due_in: int = 1) -> tuple[str, str]:
        error, data = self.link.request("counter", proposal=proposal,
                                        terms=codec.encode(codec.TERMS, list(terms)),
                                        due_in=due_in)
        return ("", error) if error else (str(data), "")

    def end_turn(self) -> str:
        return self._do("end_turn")


__all__ = ["Disconnected", "JoinRefused", "Link", "RemoteSeat", "ws_url"]
