"""The host of a networked game: the only holder of the game, its seats and its clock.

:class:`Host` knows nothing of sockets (``wargame.net.server`` carries its messages;
the instructor's console calls it directly). A connection is any object with
``push(message)`` and ``close(reason)``. Every input the game accepts, a player's or
the computer's or the instructor's, is written to the append-only host journal
(:class:`HostJournal`, one JSON line each, flushed to disk) *before* the answer goes
out; a full save with backups is written when the game starts and after every
round. ``Host.resume(SAVE)`` brings back the game, its seats and codes, and every
accepted input after that save.

The phases move on by themselves when every human seat has ended its turn; by the
clock, when the instructor set a deadline for the phase; or when the instructor
ends the phase. Seats that nobody has joined are played by the computer.
"""

from __future__ import annotations

import copy
import logging
import time
from collections import deque
from pathlib import Path

from ..core import Game, Order
from ..saves.appendlog import AppendLog
from ..core.errors import WargameError
from ..core.terms import Term
from ..text.port import LocalSeat, PublicCampaign
from ..textsafe import clean_input, one_line
from . import codec, schema
from .viewtext import ViewTexts, body, difference, message
from .seats import Seat, new_codes, norm_code, seat_for

log = logging.getLogger("wargame.net")

PHASES = ("diplomacy", "orders")  # the phases in which players take turns
MISSING = ("none", "computer")  # what a seat that has not ended its turn gets
JOURNAL_SUFFIX = ".host.jsonl"


class Refused(Exception):
    """A request the host refuses; the text is the reason, for the player."""


class HostJournal(AppendLog):
    """The host journal: one JSON object a line, appended, flushed and synced before the
    caller goes on (:class:`~wargame.saves.appendlog.AppendLog`).

    Entries: ``host`` (first: codes, campaign, seed), ``in`` (a game input, numbered),
    ``start``, ``joined``, ``seat`` (handed to or from the computer), ``end`` (a turn
    ended), ``computer`` (the computer acted in a phase), ``clock``, ``missing`` and
    ``pause``."""


class Raw(str):
    """A reply's data that is JSON text already (a view): :meth:`Host.request` then
    returns the reply as text, not as a message to dump."""


class Host:
    """One game for the network: seats, codes, the clock, the journal and the saves."""

    def __init__(self, game: Game, source, *, folder: Path | None = None,
                 codes: dict[str, str] | None = None, policies=None, title: str = "",
                 save=True):
        from ..ai import ComputerPlayers

        self.game = game
        self.source = source  # what save_game needs: a Campaign, a path or a WorldSource
        self.title = title or game.world.title
        self.campaign = PublicCampaign.of(game.world, self.title)
        self.campaign_data = codec.encode_campaign(self.campaign)
        codes = codes or new_codes(list(game.world.ids))
        self.seats = {n: Seat(n, codes[n]) for n in game.world.ids}
        self.local = {n: LocalSeat(game, n, self.campaign) for n in game.world.ids}
        self.computer = ComputerPlayers(game.world, game.seed, None, policies or {})
        self.started = False
        self.paused = False
        self.missing = "none"
        self.deadlines: dict[str, float | None] = {p: None for p in PHASES}
        self.due: float | None = None  # time.monotonic() when the phase ends by the clock
        self.left: float | None = None  # seconds left, while paused
        self.version = 0
        self.failures: dict[str, int] = {}  # peer -> wrong codes in a row
        self.lines: deque[str] = deque(maxlen=300)  # what happened, for the console
        self.listeners: list = []  # callables told after every change (the console)
        self.folder = Path(folder) if folder else None
        self.saving = save
        self.saved: Path | None = None
        self.journal: HostJournal | None = None
        self.written = 0  # game inputs written to the journal
        self.acted: tuple = ()  # (round, phase) the computer last acted in
        self.texts = ViewTexts()  # the views' JSON, written once per game input
        self.sent: dict = {}  # connection -> the view fields it was last pushed
        self.known: dict = {}  # connection -> the game's inputs it was last told of
        self.stale: set = set()  # connections told "changed" since their last push
        self._telling = False  # the clients' notes are to go out a moment from now
        self._told = -1  # self.version when the clients were last sent their status
        # how the clients' status notes are sent: at once here; the server sends them a
        # moment later (server.NOTES_EVERY), one round of notes for many changes
        self.soon = None
        # how the once-a-round full save is run: at once here; the server defers it a
        # moment, so that the new phase's views go out first (the journal has it all)
        self.later = lambda fn: fn()

    # ----------------------------------------------------------- the record
    def open_journal(self) -> None:
        """The first save and the journal beside it (a new game)."""
        self.save()
        from ..saves.journal import record

        game_id = record(self.game).game_id
        folder = self.saved.parent if self.saved else (self.folder or Path("."))
        self.journal = HostJournal(folder / f"{game_id}{JOURNAL_SUFFIX}")
        self.journal.write({"t": "host", "v": schema.VERSION, "seed": self.game.seed,
                            "codes": {n: s.code for n, s in self.seats.items()},
                            "title": self.title})
        self._commit()

    def _note(self, entry: dict) -> None:
        if self.journal is not None:
            self.journal.write(entry)

    def _commit(self) -> None:
        """Every input the game accepted since the last call, into the journal."""
        inputs = self.game.inputs
        while self.written < len(inputs):
            self._note({"t": "in", "n": self.written, "e": inputs[self.written]})
            self.written += 1

    def meta(self) -> dict:
        return {"host": {"codes": {n: s.code for n, s in self.seats.items()},
                         "computer": [n for n, s in self.seats.items() if s.pinned]}}

    def save(self) -> Path | None:
        if not self.saving:
            return None
        from ..saves import SaveWriteError, save_game

        try:
            self.saved = save_game(self.game, self.source, self.folder, meta=self.meta())
        except SaveWriteError as exc:
            self.say(f"The game could not be saved: {exc}")
            return None
        return self.saved

    @classmethod
    def resume(cls, path, *, policies=None, folder=None) -> "Host":
        """The game of a host that stopped (or was killed): its last save, then every
        input the journal beside it accepted after that save, its seats and codes.
        :class:`~wargame.saves.SaveError` or :class:`ValueError` (one line) if not."""
        from ..saves import load_save
        from ..saves.journal import record

        loaded = load_save(path)
        game = loaded.game
        game_id = record(game).game_id
        where = Path(loaded.path).parent / f"{game_id}{JOURNAL_SUFFIX}"
        if not where.exists():
            raise ValueError(f"{where} is not there: this save was not made by "
                             "'wargame host', or its journal was moved")
        entries = HostJournal.read(where)
        if not entries or entries[0].get("t") != "host":
            raise ValueError(f"{where} is not a host journal")
        codes = entries[0].get("codes") or (loaded.meta.get("host") or {}).get("codes")
        if not isinstance(codes, dict) or set(codes) != set(game.world.ids):
            raise ValueError(f"{where}: the join codes do not match the campaign's states")
        host = cls(game, loaded.campaign or loaded.source, folder=folder or loaded.folder,
                   codes=codes, policies=policies or dict(
                       getattr(loaded.campaign, "policies", None) or {}),
                   title=loaded.title)
        host.computer.recall(game)
        ended: dict[str, tuple] = {}
        for e in entries[1:]:
            t = e.get("t")
            if t == "in" and e.get("n") == len(game.inputs):
                game.apply(e["e"])
            elif t == "in" and e.get("n", 0) > len(game.inputs):
                raise ValueError(f"{where}: input {len(game.inputs) + 1} is missing")
            elif t == "start":
                host.started = True
            elif t == "seat" and e.get("nation") in host.seats:
                s = host.seats[e["nation"]]
                s.pinned, s.joined = bool(e.get("computer")), bool(e.get("joined", s.joined))
            elif t == "joined" and e.get("nation") in host.seats:
                host.seats[e["nation"]].joined = True
            elif t == "end" and e.get("nation") in host.seats:
                ended[e["nation"]] = (e.get("round"), e.get("phase"))
            elif t == "computer":
                host.acted = (e.get("round"), e.get("phase"))
            elif t == "clock" and e.get("phase") in PHASES:
                host.deadlines[e["phase"]] = e.get("seconds")
            elif t == "missing" and e.get("how") in MISSING:
                host.missing = e["how"]
            elif t == "pause":
                host.paused = bool(e.get("paused"))
        host.written = len(game.inputs)
        host.journal = HostJournal(where)
        now = (game.round, game.phase)
        for n, when in ended.items():
            host.seats[n].ended = tuple(when) == now
        host.say(f"Resumed at round {game.round}, {game.phase} phase, with "
                 f"{len(game.inputs)} inputs.")
        if host.started and not game.over:
            if game.phase == "briefing":
                host._enter()
            else:
                if game.phase == "orders" and host.acted != now:
                    host._computer_orders()
                host._arm_clock()
        return host

    # ----------------------------------------------------------- news for the console
    def say(self, text: str) -> None:
        line = f"{time.strftime('%H:%M:%S')} {one_line(text)}"
        self.lines.append(line)
        log.info(text)

    def _changed(self, views: bool = False) -> None:
        """Tell every client: its status always; its view (``views``), or that its view
        changed, when the game accepted an input since they were last told (a view is
        the game's inputs seen by one government: a turn ended changes no view).

        Views go out at once, and the status with them (a client never sees a new
        phase's view under the old phase's status). Otherwise the status and the
        "changed" note are snapshots: with a server (``soon`` set) they go out a moment
        later, once for all the changes made meanwhile (27 governments ending their
        turns at once cost one round of notes, not 27). A reply carries both to the
        connection that asked (:meth:`request`), before anything else it reads; a
        connection already told of every input gets no note (:attr:`known`)."""
        self.version += 1
        if views:
            for s in self.seats.values():
                for c in s.conns:
                    self.push_view(c, s.nation)
        if self.soon is None or views:  # a new phase: its status with its view
            self._tell()
        elif not self._telling:
            self.soon(self._tell_later)
            self._telling = True
        for f in list(self.listeners):
            f()

    def _tell_later(self) -> None:
        self._telling = False
        if self._told != self.version:  # else they were told at a phase change meanwhile
            self._tell()

    def _tell(self) -> None:
        """Push every client its status, and a "changed" note to each that has not
        been told of every input the game accepted (its view may have changed)."""
        self._told = self.version
        inputs = len(self.game.inputs)
        note = None
        common = self.status()
        texts: dict[tuple, str] = {}  # a status differs only by role and turn over
        for s in self.seats.values():
            for c in s.conns:
                mine = (s.role(c), bool(s.ended or s.computer))
                if mine not in texts:
                    texts[mine] = schema.dump(schema.make("status", status=dict(
                        common, role=mine[0], turn_over=mine[1])))
                if self._tell_changed(c, inputs):
                    note = note or schema.dump(schema.make("changed", version=self.version))
                    c.push(note)
                c.push(texts[mine])

    def _tell_changed(self, conn, inputs: int) -> bool:
        """Whether ``conn`` is to be told its view may have changed (it has not been
        told of every input); it is told now (the caller sends the note or reply)."""
        if self.known.get(conn, -1) == inputs:
            return False
        self.known[conn] = inputs
        self.stale.add(conn)
        return True

    def view_fields(self, nation: str) -> dict[str, str]:
        """A government's view, as the JSON text of each field. A view changes only
        when the game accepts an input (the game is its inputs), so it is written once
        per input, and the parts that views share once for all of them."""
        return self.texts.fields(len(self.game.inputs), nation,
                                 lambda: self.game.view(nation))

    def push_view(self, conn, nation: str) -> None:
        """Send ``conn`` its government's view as it is now: the whole view the first
        time, then a ``patch`` of the fields that differ from the last one it was
        sent (the client keeps the view it was pushed and applies the patch)."""
        now = self.view_fields(nation)
        before = self.sent.get(conn)
        self.sent[conn] = now
        self.known[conn] = len(self.game.inputs)
        if before is None:
            conn.push(message("view", now))
        else:
            patch = difference(now, before)
            if patch or conn in self.stale:  # empty: "what you were pushed is current"
                conn.push(message("patch", patch))
        self.stale.discard(conn)

    # ----------------------------------------------------------- joining
    def join(self, code: str, conn, peer: str = "?") -> Seat:
        """Seat ``conn`` at the government its code opens; :class:`Refused` otherwise
        (the caller slows down the next try: :meth:`delay`)."""
        seat = seat_for(self.seats, code) if norm_code(code) else None
        if seat is None:
            self.failures[peer] = self.failures.get(peer, 0) + 1
            self.say(f"A wrong join code from {peer} (try {self.failures[peer]}).")
            raise Refused("that code opens no government of this game")
        self.failures.pop(peer, None)
        seat.conns.append(conn)
        if not seat.joined:
            seat.joined = True
            self._note({"t": "joined", "nation": seat.nation})
        self.say(f"{self.name(seat.nation)}: {getattr(conn, 'name', '') or 'a player'} "
                 f"joined from {peer} as {seat.role(conn)}.")
        self._changed()
        return seat

    def delay(self, peer: str) -> float:
        """Seconds to wait before answering a wrong code: doubling, up to 8."""
        k = self.failures.get(peer, 0)
        return 0.0 if k == 0 else min(0.25 * 2 ** (k - 1), 8.0)

    def leave(self, conn) -> None:
        for s in self.seats.values():
            if conn in s.conns:
                was = s.role(conn)
                s.conns.remove(conn)
                self.sent.pop(conn, None)
                self.known.pop(conn, None)
                self.stale.discard(conn)
                self.say(f"{self.name(s.nation)}: a {was} left"
                         + (f"; {getattr(s.conns[0], 'name', '') or 'an adviser'} is the "
                            f"speaker now." if was == "speaker" and s.conns else "."))
                self._changed()
                return

    def seat_of(self, conn) -> Seat | None:
        return next((s for s in self.seats.values() if conn in s.conns), None)

    def name(self, nation: str) -> str:
        return self.campaign.name_of(nation)

    # ----------------------------------------------------------- status
    def seconds_left(self) -> float | None:
        if self.left is not None:
            return self.left
        if self.due is None:
            return None
        return max(0.0, self.due - time.monotonic())

    def status(self, seat: Seat | None = None, conn=None) -> dict:
        g = self.game
        left = self.seconds_left()
        return {"round": g.round, "phase": g.phase, "stage": g.stage, "over": g.over,
                "started": self.started, "paused": self.paused,
                "deadline": None if left is None else round(left, 1),
                "ended": [n for n, s in self.seats.items() if s.ended or s.computer],
                "humans": self.humans(),  # played by people (the others by the computer)
                # the name each connected delegation's speaker gave
                "players": {n: getattr(s.conns[0], "name", "") for n, s in self.seats.items()
                            if s.conns and not s.computer},
                "role": seat.role(conn) if seat is not None else "",
                "turn_over": bool(seat and (seat.ended or seat.computer)),
                "version": self.version, "note": ""}

    # ----------------------------------------------------------- requests
    def request(self, conn, msg: dict) -> dict | str:
        """The reply to one checked client message (never raises for bad input): a
        message, or its text when it carries a view. It carries the connection's
        status after the request, and whether the game took an input it was not told
        of (by this request or anyone's: its view may have changed): the client knows
        both before it reads the reply, and no separate note is sent to it for them."""
        rid = msg["id"]
        seat = self.seat_of(conn)
        try:
            data = self._request(conn, msg)
            error = ""
        except Refused as exc:
            data, error = None, str(exc)
        except (codec.CodecError, WargameError, ValueError, KeyError, TypeError) as exc:
            data, error = None, f"malformed request ({one_line(exc)[:200]})"
            self.say(f"A malformed {msg['type']} request was refused: {error}")
        self._commit()  # before the answer goes out
        changed = seat is not None and self._tell_changed(conn, len(self.game.inputs))
        status = self.status(seat, conn) if seat is not None else None
        if isinstance(data, Raw):  # a view: its text as written, put in the reply
            return (f'{{"v":{schema.VERSION},"type":"reply","id":{rid},"error":"",'
                    f'"data":{data},"status":{schema.dump(status)},'
                    f'"changed":{"true" if changed else "false"}}}')
        if status is None:
            return schema.make("reply", id=rid, error=error, data=data)
        return schema.make("reply", id=rid, error=error, data=data, status=status,
                           changed=changed)

    def _request(self, conn, msg: dict):
        seat = self.seat_of(conn)
        if seat is None:
            raise Refused("join with a code first")
        t, local = msg["type"], self.local[seat.nation]
        if t == "get":
            what = msg["what"]
            if what == "view":
                return Raw(body(self.view_fields(seat.nation)))
            if what == "news":
                since = max(0, msg.get("since", 0))
                return codec.encode(codec.EVENTS, local.public_news()[since:])
            if what == "orders":
                return codec.encode(codec.ORDERS, local.orders())
            if what == "score":
                return codec.encode(codec.Score, local.score())
            if what == "last_due_in":
                return local.last_due_in()
            return self.status(seat, conn)
        if t == "check":
            return local.check(self._order(msg["order"]))
        if t == "consequences":
            return local.consequences(self._order(msg["order"]))
        if t == "term_problem":
            return local.term_problem(codec.decode(Term, msg["term"]), msg["due_in"],
                                      codec.decode(codec.TERMS, msg["already"]))
        if t == "cannot_pass":
            return local.cannot_pass(msg["institution"], msg["measure"], msg["target"])
        self._may_act(seat, conn)
        if t == "end_turn":
            return self.end_turn(seat.nation)
        before = len(self.game.inputs)
        if t == "orders":
            error = local.give_orders(codec.decode(codec.ORDERS, msg["orders"]))
        elif t == "vote":
            error = local.vote(msg["draft"], msg["vote"])
        elif t == "message":
            error = local.message(self._ids(msg["to"]),
                                  clean_input(msg["text"], lines=False).strip())
        elif t == "answer":
            error = local.answer(msg["proposal"], msg["reply"])
        elif t in ("propose", "counter"):
            terms = codec.decode(codec.TERMS, msg["terms"])
            if t == "propose":
                pid, error = local.propose(self._ids(msg["to"]), terms, msg["institution"],
                                           msg["due_in"])
            else:
                pid, error = local.counter(msg["proposal"], terms, msg["due_in"])
            if error:
                raise Refused(error)
            self._after(before, seat)
            return pid
        else:  # pragma: no cover - the schema lists no other type
            raise Refused(f"unknown request {t!r}")
        if error:
            raise Refused(error)
        self._after(before, seat)
        return ""

    def _after(self, before: int, seat: Seat) -> None:
        if len(self.game.inputs) > before:
            self._commit()
            self._changed()

    @staticmethod
    def _order(data) -> Order:
        return codec.decode(Order, data)

    @staticmethod
    def _ids(to) -> list[str]:
        if not all(isinstance(x, str) for x in to) or len(to) > 100:
            raise Refused("the recipients must be a list of state ids")
        return list(to)

    def _may_act(self, seat: Seat, conn) -> None:
        g = self.game
        if not self.started:
            raise Refused("the game has not started yet: the instructor starts it")
        if g.over:
            raise Refused("the game is over")
        if self.paused:
            raise Refused("the game is paused by the instructor")
        if seat.computer:
            raise Refused("the instructor has handed your government to the computer")
        role = seat.role(conn)
        if role != "speaker":
            speaker = getattr(seat.conns[0], "name", "") or "the first of your team to join"
            raise Refused(f"only your delegation's speaker ({speaker}) acts for "
                          f"{self.name(seat.nation)}; advisers see everything and advise")
        if seat.ended:
            raise Refused("you have ended your turn; the phase goes on when every "
                          "government has ended its turn")

    # ----------------------------------------------------------- the phases
    def end_turn(self, nation: str) -> str:
        seat = self.seats[nation]
        if self.game.phase not in PHASES:
            raise Refused(f"there is no turn to end in the {self.game.phase} phase")
        seat.ended = True
        self._note({"t": "end", "nation": nation, "round": self.game.round,
                    "phase": self.game.phase})
        self.say(f"{self.name(nation)} ended its turn ({self.game.phase}).")
        self._changed()
        self._settle()
        return ""

    def humans(self) -> list[str]:
        return [n for n, s in self.seats.items() if not s.computer]

    def _settle(self) -> None:
        """Move on when every human seat has ended its turn (and some seat is human)."""
        if not self.started or self.paused or self.game.over:
            return
        humans = self.humans()
        if humans and all(self.seats[n].ended for n in humans):
            self.end_phase(None, by="every government ended its turn")

    def start(self) -> None:
        if self.started:
            return
        self.started = True
        self._note({"t": "start"})
        self.say(f"The game starts with {len(self.humans())} human governments.")
        self._enter()

    def _players(self, nations):
        sub = copy.copy(self.computer)
        sub.policies = {n: p for n, p in self.computer.policies.items() if n in nations}
        return sub

    def _computer_orders(self) -> None:
        g = self.game
        self._players([n for n, s in self.seats.items() if s.computer]).give_orders(g)
        self.acted = (g.round, g.phase)
        self._commit()
        self._note({"t": "computer", "round": g.round, "phase": g.phase})

    def _enter(self) -> None:
        """A new phase has begun: briefing moves on to diplomacy at once; the computer
        gives its orders at the start of the orders phase; every client gets its view."""
        g = self.game
        if not g.over and g.phase == "briefing":
            g.advance()
            self._commit()
        for s in self.seats.values():
            s.ended = False
        if g.over:
            self.due = self.left = None
            self.say(f"The game is over: {g.outcome}.")
            self.save()
            self._changed(views=True)
            return
        if g.phase == "orders":
            self._computer_orders()
        self._arm_clock()
        self.say(f"Round {g.round}, {g.phase} phase.")
        self._changed(views=True)

    def _arm_clock(self) -> None:
        secs = self.deadlines.get(self.game.phase)
        self.left = None
        self.due = None if not secs else time.monotonic() + secs
        if self.paused and self.due is not None:
            self.left, self.due = secs, None

    def end_phase(self, missing: str | None = None, by: str = "the instructor") -> None:
        """End the phase now: seats that have not ended their turn give nothing
        (``none``) or the computer decides for them (``computer``)."""
        g = self.game
        if not self.started or g.over or g.phase not in PHASES:
            return
        missing = missing or self.missing
        late = [n for n in self.humans() if not self.seats[n].ended]
        if late and by != "every government ended its turn":
            self.say(f"The {g.phase} phase ends ({by}); "
                     f"{'the computer decides' if missing == 'computer' else 'nothing is given'}"
                     f" for {', '.join(self.name(n) for n in late)}.")
        if g.phase == "diplomacy":
            who = [n for n, s in self.seats.items() if s.computer]
            if missing == "computer":
                who += late
            players = self._players(who)
            players.answer(g)
            players.vote(g)
            g.advance()
        else:
            if missing == "computer":
                self._players([n for n in late if not g.orders_of(n)]).give_orders(g)
            g.resolve()
        self._commit()
        resolved = g.phase == "briefing" or g.over
        self._enter()
        if resolved:
            self.later(self.save)  # once a round: the full save, with backups

    def tick(self) -> None:
        """Called about once a second: the phase ends when its clock runs out."""
        if self.due is not None and not self.paused and time.monotonic() >= self.due:
            self.due = None
            self.end_phase(None, by="the clock ran out")

    # ----------------------------------------------------------- the instructor
    def pause(self, on: bool = True) -> None:
        if on == self.paused:
            return
        self.paused = on
        self._note({"t": "pause", "paused": on})
        if on:
            self.left, self.due = self.seconds_left(), None
        elif self.left is not None:
            self.due, self.left = time.monotonic() + self.left, None
        self.say("The game is paused." if on else "The game goes on.")
        self._changed()
        self._settle()

    def set_deadline(self, phase: str, seconds: float | None) -> None:
        if phase not in PHASES:
            raise Refused(f"a deadline is for the {' or '.join(PHASES)} phase")
        seconds = float(seconds) if seconds else None
        self.deadlines[phase] = seconds
        self._note({"t": "clock", "phase": phase, "seconds": seconds})
        if self.game.phase == phase and self.started:
            self._arm_clock()
        self.say(f"The {phase} phase has {'no deadline' if not seconds else f'{seconds:g} s'}.")
        self._changed()

    def set_missing(self, how: str) -> None:
        if how not in MISSING:
            raise Refused(f"missing orders count as {' or '.join(MISSING)}")
        self.missing = how
        self._note({"t": "missing", "how": how})

    def hand(self, nation: str, computer: bool) -> None:
        """Hand a seat to the computer (``computer``) or back to its players."""
        s = self.seats[nation]
        s.pinned = computer
        if not computer:
            s.joined = True
        self._note({"t": "seat", "nation": nation, "computer": computer, "joined": s.joined})
        self.say(f"{self.name(nation)} is played by "
                 f"{'the computer' if computer else 'its players'} now.")
        g = self.game
        if computer and self.started and g.phase == "orders" and not s.ended \
                and not g.orders_of(nation):
            self._players([nation]).give_orders(g)
            self._commit()
        if not computer:
            s.ended = False
        self._changed()
        self._settle()

    def fire(self, inject_id: str) -> None:
        try:
            self.game.fire_inject(inject_id)
        except WargameError as exc:
            raise Refused(str(exc)) from None
        self._commit()
        self.say(f"The inject {inject_id} was fired by the instructor.")
        self._changed(views=True)

    def news(self, text: str, to=()) -> None:
        try:
            self.game.announce(clean_input(text, lines=False), to)
        except WargameError as exc:
            raise Refused(str(exc)) from None
        self._commit()
        self.say("News sent to " + (", ".join(self.name(n) for n in to) if to else "all")
                 + ".")
        self._changed(views=True)

    def close(self, reason: str = "the host stopped") -> None:
        for s in self.seats.values():
            for c in list(s.conns):
                c.close(reason)
        if self.journal is not None:
            try:
                self.journal.close()
            except OSError as exc:
                self.say(f"The host journal could not be written to disk: {exc}")
