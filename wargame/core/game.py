"""The small verb API of a game: ask what is legal, give orders, resolve, look.

A game is its world, its seed and the ordered list of inputs it accepted
(``Game.inputs``); :meth:`Game.replay` rebuilds the same game from them. The
engine never calls a user interface: interfaces and computer players call it.

>>> from wargame.core import Game, Order, demo_world
>>> game = Game(demo_world(), seed=7)
>>> game.advance(); game.advance()          # briefing -> diplomacy -> orders
>>> game.submit_orders("north", [Order("north", "mobilise")])
>>> events = game.resolve()                 # resolution and aftermath
>>> game.round
2
"""

from __future__ import annotations

import random
from collections.abc import Iterable

from . import foresee, legal, machine, negotiation, offers
from .actions import Order
from .adjudicate import resolve as adjudicate
from .clauses import decide_drafts, open_drafts
from .context import Round
from .errors import IllegalOrder, PhaseError
from .events import Event, Kind
from .hashing import state_hash
from .scripted import due, fire
from .membership import is_active, is_member
from .model import World
from .rules import Vote
from .scoring import Score, score
from .state import Draft, GameState
from .terms import Term
from .burden import attacked_in, first_strikes
from .view import NewsIndex, TalkIndex, View, make_view, refreshed, shared_part


class Game:
    def __init__(self, world: World, seed: int = 0):
        self.world = world
        self.seed = seed
        self.rng = random.Random(seed)
        self.state = GameState.start(world)
        self.log: list[Event] = []
        self.inputs: list[dict] = []
        self._orders: dict[str, list[Order]] = {}
        self._round_start = 0
        self._shared = None  # (key, Shared): the public part of views, until the game moves
        self._version = 0  # bumped by every verb that changes what all governments see
        self._voted = False  # votes cast since the public part was built (only drafts moved)
        self._committed = False  # commitments made since then (by accepted proposals)
        self._legal_memo: tuple = (None, {})  # (key, memo) for legal.options
        # (key, state -> the options its view offered, found by action id: offers.offered)
        self._offered: tuple = (None, {})
        self._talk = 0  # bumped by every message, proposal, answer and counter
        self._talk_key: tuple | None = None  # the moment self._talks was brought up to
        self._talks = TalkIndex()  # each state's messages and proposals, for views
        self._news = NewsIndex()
        # (log entries read, victims, who struck first in each pair): from the log as it grows
        self._fights: tuple[int, set[str], dict] = (0, set(), {})
        self._brief()

    # ------------------------------------------------------------- queries
    @property
    def round(self) -> int:
        return self.state.round

    @property
    def stage(self) -> str:
        return self.state.stage

    @property
    def phase(self) -> str:
        return self.state.phase

    @property
    def over(self) -> bool:
        return bool(self.state.outcome)

    @property
    def outcome(self) -> str:
        return self.state.outcome

    def legal_actions(self, nation: str) -> list[legal.Option]:
        self._known(nation)
        return legal.options(self.world, self.state, nation)

    def check(self, order: Order) -> None:
        """Raise :class:`IllegalOrder` with the reason if ``order`` is not legal now."""
        legal.check(self.world, self.state, order)

    def war_consequences(self, order: Order) -> list[str]:
        """What an act of war may bring about, in sentences from public facts:
        alliances covering the target, forces stationed there, institutions that could
        answer and who could block them; for a blockade across a ceasefire, that it
        breaks it; empty for any other order."""
        return foresee.war_consequences(self.world, self.state, order)

    def stand_down_consequences(self, order: Order) -> list[str]:
        """What standing down gives up (land held, forces abroad, readiness); empty
        for any other order or when there is nothing to give up."""
        return foresee.stand_down_consequences(self.world, self.state, order)

    def draft_cannot_pass(self, institution: str, measure: str, target: str) -> str:
        """Why such a draft would fail even with every member who may vote in favour
        ('' if it could pass)."""
        return foresee.draft_cannot_pass(self.world, self.state, institution, measure, target)

    def orders_of(self, nation: str) -> list[Order]:
        return list(self._orders.get(nation, ()))

    def drafts(self) -> list[Draft]:
        return open_drafts(self.state)

    def view(self, nation: str) -> View:
        self._known(nation)
        # orders and messages are private: giving them does not change what all see
        key = self._moment()
        if self._shared is None or self._shared[0] != key:
            self._shared = (key, shared_part(self.world, self.state, self.victims(),
                                             self.attackers()))
            self._voted = self._committed = False
        elif self._voted or self._committed:  # a vote changes the open drafts' tallies,
            # an accepted proposal the commitments: nothing else all governments see
            self._shared = (key, refreshed(self._shared[1], self.state, self._voted,
                                           self._committed))
            self._voted = self._committed = False
        self._news.update(self.log)
        news, private = self._news.of(nation)
        st = self.state  # each state's messages and proposals: brought up to date once a
        talk_key = (self._version, self._talk, len(st.messages), len(st.proposals))  # moment
        if self._talk_key != talk_key:
            self._talks.update(st)
            self._talk_key = talk_key
        options: list[legal.Option] = []
        if self.phase == "orders":  # what every state's options read: once, like `shared`
            if self._legal_memo[0] != key:
                self._legal_memo = (key, {})  # (the key of an orders phase)
            options, found = offers.offered(self.world, self.state, nation,
                                            self._legal_memo[1])
            if self._offered[0] != key:
                self._offered = (key, {})
            self._offered[1][nation] = found  # what submit_orders may read
        return make_view(self.world, self.state, self.log, nation, options,
                         self._shared[1], news, private, self._talks.of(nation))

    def _moment(self) -> tuple:
        """What keys the public part of views and the orders phase's options memo:
        the verbs that change what every government sees bump the version."""
        return (self._version, self.state.round, self.state.stage)

    def public_news(self) -> list[Event]:
        """Every public event so far: the same for every government (a view holds
        only the latest ones)."""
        self._news.update(self.log)
        return list(self._news.public)

    def victims(self) -> set[str]:
        """Every state attacked so far in the game (read from the log as it grows)."""
        return self._read_fights()[1]

    def attackers(self) -> set[str]:
        """Every state that struck first in a quarrel so far in the game."""
        return set(self._read_fights()[2].values())

    def _read_fights(self) -> tuple[int, set[str], dict]:
        read, hit, first = self._fights
        if read < len(self.log):
            new = self.log[read:]
            self._fights = (len(self.log), hit | attacked_in(new), first_strikes(new, first))
        return self._fights

    def seen_by(self, nation: str) -> tuple[list[Event], list[Event]]:
        """Everything ``nation`` has seen so far, whole: the public news and its own
        private events (a view holds only the latest of each)."""
        self._known(nation)
        self._news.update(self.log)
        return list(self._news.public), list(self._news.private.get(nation, []))

    def scores(self) -> dict[str, Score]:
        return score(self.world, self.state)

    def state_hash(self) -> str:
        return state_hash(self.state, self.rng)

    # --------------------------------------------------------------- verbs
    def advance(self) -> list[Event]:
        """Move to the next phase: briefing -> diplomacy -> orders -> (resolve)."""
        self._not_over()
        if self.phase == "orders":
            return self.resolve()
        events: list[Event] = []
        if self.phase == "diplomacy":
            r = Round(self.world, self.state, self.rng, [])
            decide_drafts(r)
            negotiation.decide_institution_proposals(r)
            events = r.events
            self.log.extend(events)
        if events or self.phase != "diplomacy":  # deciding nothing changes nothing all
            self._version += 1  # governments see but the phase (views read it apart)
        machine.next_phase(self.state)
        self.inputs.append({"verb": "advance"})
        return events

    def vote(self, nation: str, draft_id: str, vote: Vote | str) -> None:
        """Cast or change ``nation``'s vote on an open draft (diplomacy phase)."""
        self._not_over()
        self._in("diplomacy", "vote")
        self._known(nation)
        v = vote if isinstance(vote, Vote) else Vote.parse(vote)
        draft = next((d for d in self.drafts() if d.id == draft_id), None)
        if draft is None:
            raise IllegalOrder(f"there is no open draft {draft_id!r}")
        inst = self.world.institution[draft.institution]
        if not is_member(self.world, self.state, inst.id, nation):
            raise IllegalOrder(f"{self.world.name_of(nation)} is not a member of {inst.name}")
        if not is_active(self.world, self.state, inst.id, nation):
            raise IllegalOrder(f"{self.world.name_of(nation)} is suspended from {inst.name}")
        if v is _DECLARED and not getattr(inst.rule, "constructive", False):
            raise IllegalOrder(f"{inst.name} has no formal abstention (constructive "
                               "abstention, TEU Art. 31(1)): vote abstain")
        if v is _ABSENT:
            draft.votes.pop(nation, None)
        else:
            draft.votes[nation] = v._value_  # v.value, without the enum's property
            boycott = self.state.institutions[inst.id].boycotting
            if nation in boycott:  # a vote is a return: the seat is taken again
                boycott.remove(nation)
                self._version += 1  # every government sees the institution change
        self._voted = True  # the drafts' tallies moved (a refused vote moves none)
        self.inputs.append({"verb": "vote", "nation": nation, "draft": draft_id,
                            "vote": v._value_})

    def send_message(self, sender: str, recipients: Iterable[str], text: str) -> str:
        """Send a private message; only the sender and recipients will ever see it."""
        self._talking(sender)
        self._talk += 1
        msg = negotiation.send_message(self.world, self.state, sender, list(recipients), text)
        self.inputs.append({"verb": "message", "nation": sender, "to": list(msg.recipients),
                            "text": msg.text})
        return msg.id

    def propose(self, nation: str, to: Iterable[str], terms: Iterable[Term],
                institution: str = "", due_in: int = 1, expires_in: int = 1) -> str:
        """Propose terms to other states, or table them in an institution (``to`` ignored).

        Each term must be one its party could keep within ``due_in`` rounds, or the
        proposal is refused with the reason (:class:`IllegalOrder`)."""
        self._talking(nation)
        self._talk += 1
        terms = list(terms)
        p = negotiation.propose(self.world, self.state, nation, list(to), terms, institution,
                                due_in, expires_in)
        self.inputs.append({"verb": "propose", "nation": nation, "to": list(to),
                            "terms": [t.to_dict() for t in terms], "institution": institution,
                            "due_in": due_in, "expires_in": expires_in})
        where = f" in {self.world.name_of(institution)}" if institution else ""
        self._note(Kind.PROPOSAL_MADE, f"{self.world.name_of(nation)} proposes{where} "
                   f"({p.id}): " + "; ".join(t.describe(self.world) for t in p.terms) + ".",
                   actor=nation, institution=institution, ref=p.id,
                   visible_to=() if institution else (nation, *p.to))
        return p.id

    def answer(self, nation: str, proposal_id: str, reply: str) -> None:
        """Accept or reject a proposal made to ``nation`` ('accept' or 'reject')."""
        self._talking(nation)
        self._talk += 1
        try:
            reply = negotiation.Answer(reply)
        except ValueError:
            raise IllegalOrder(f"answer 'accept' or 'reject', not {reply!r}") from None
        made = negotiation.answer(self.world, self.state, nation, proposal_id, reply)
        self.inputs.append({"verb": "answer", "nation": nation, "proposal": proposal_id,
                            "reply": reply.value})
        p = negotiation.find(self.state, proposal_id)
        self._note(Kind.PROPOSAL_ANSWERED, f"{self.world.name_of(nation)} "
                   f"{reply.value}s proposal {p.id}.", actor=nation, ref=p.id,
                   institution=p.institution,
                   visible_to=() if p.institution else (p.by, *p.to))
        if made:  # commitments (public, or the parties') change; an answer alone is private
            self._committed = True
            r = Round(self.world, self.state, self.rng, [])
            negotiation.announce(r, made)
            self.log.extend(r.events)

    def counter(self, nation: str, proposal_id: str, terms: Iterable[Term],
                due_in: int = 1) -> str:
        """Reject a proposal and answer it with other terms to the same parties (between
        states only: nothing every government sees changes)."""
        self._talking(nation)
        self._talk += 1
        terms = list(terms)
        p = negotiation.counter(self.world, self.state, nation, proposal_id, terms, due_in)
        self.inputs.append({"verb": "counter", "nation": nation, "proposal": proposal_id,
                            "terms": [t.to_dict() for t in terms], "due_in": due_in})
        self._note(Kind.PROPOSAL_MADE, f"{self.world.name_of(nation)} counters "
                   f"{proposal_id} with {p.id}: "
                   + "; ".join(t.describe(self.world) for t in p.terms) + ".",
                   actor=nation, ref=p.id, visible_to=(nation, *p.to))
        return p.id

    def submit_orders(self, nation: str, orders: Iterable[Order]) -> None:
        """Set ``nation``'s orders for this round (replacing earlier ones)."""
        self._not_over()
        self._in("orders", "give orders")
        self._known(nation)
        orders = list(orders)
        for o in orders:
            if o.nation != nation:
                raise IllegalOrder(f"an order for {o.nation} cannot be given by {nation}", o)
        # the options of this state's view of this very moment, if it was given one
        moment, offered = self._offered
        offered = offered.get(nation) if moment == self._moment() else None
        legal.check_all(self.world, self.state, orders, offered)
        self._orders[nation] = orders
        self.inputs.append({"verb": "orders", "nation": nation,
                            "orders": [o.to_dict() for o in orders]})

    def fire_inject(self, inject_id: str) -> list[Event]:
        """Fire one of the campaign's injects now, whatever its round and conditions (an
        instructor's choice); the record of fired injects notes it as usual."""
        self._version += 1
        self._not_over()
        self._talking_phase("fire an inject")
        inject = next((i for i in self.world.injects if i.id == inject_id), None)
        if inject is None:
            raise IllegalOrder(f"there is no inject {inject_id!r} in this campaign")
        self.inputs.append({"verb": "inject", "id": inject_id})
        r = Round(self.world, self.state, self.rng, [])
        self.state.fired.append(inject.id)
        fire(r, inject)
        self.log.extend(r.events)
        return r.events

    def announce(self, text: str, to: Iterable[str] = ()) -> Event:
        """A news item written by the instructor: public, or seen only by ``to``."""
        self._version += 1
        self._not_over()
        self._talking_phase("send news")
        to = tuple(dict.fromkeys(to))
        for n in to:
            self._known(n)
        text = str(text).strip()
        if not text:
            raise IllegalOrder("a news item needs some text")
        if len(text) > MAX_NEWS:
            raise IllegalOrder(f"a news item is at most {MAX_NEWS} characters")
        self.inputs.append({"verb": "news", "text": text, "to": list(to)})
        ev = Event(self.state.round, Kind.INJECT, text, ref=INSTRUCTOR, visible_to=to)
        self.log.append(ev)
        return ev

    def resolve(self) -> list[Event]:
        """Adjudicate the round's orders, run the aftermath and open the next round."""
        self._version += 1
        self._not_over()
        self._in("orders", "resolve the round")
        self.inputs.append({"verb": "resolve"})
        machine.next_phase(self.state)  # resolution
        earlier = self.log[self._round_start:]
        events = adjudicate(self.world, self.state, self._orders, self.rng, earlier)
        self._orders = {}
        machine.next_phase(self.state)  # aftermath
        st = self.state
        after = Round(self.world, st, self.rng, [])
        for inject in self.world.injects:
            if due(inject, st, st.fired) and (
                inject.probability >= 1 or self.rng.random() < inject.probability
            ):
                st.fired.append(inject.id)
                fire(after, inject)
        events.extend(after.events)
        self.log.extend(events)
        st.history.append(round(st.escalation, 6))
        ending = ""
        if st.stage in machine.TERMINAL:
            st.outcome = st.stage
        else:
            for end in self.world.end_conditions:
                if all(c.holds(st) for c in end.when):
                    st.outcome, ending = end.outcome, end.text
                    break
        if not st.outcome and st.round >= self.world.rounds_limit:
            st.outcome = "settled" if st.stage == "settlement" else "frozen"
        if st.outcome:
            ev = Event(st.round, Kind.GAME_OVER,
                       ending or f"The game is over: {OUTCOMES[st.outcome]}", ref=st.outcome)
            self.log.append(ev)
            events.append(ev)
            return events
        st.round += 1
        machine.next_phase(self.state)  # briefing
        events.extend(self._brief())
        return events

    def apply(self, entry: dict) -> None:
        """Apply one recorded input (the inverse of what the verbs append)."""
        verb = entry.get("verb")
        if verb == "advance":
            self.advance()
        elif verb == "vote":
            self.vote(entry["nation"], entry["draft"], entry["vote"])
        elif verb == "orders":
            self.submit_orders(entry["nation"], [Order(**o) for o in entry["orders"]])
        elif verb == "resolve":
            self.resolve()
        elif verb == "message":
            self.send_message(entry["nation"], entry["to"], entry["text"])
        elif verb == "propose":
            self.propose(entry["nation"], entry["to"],
                         [Term.from_dict(t) for t in entry["terms"]], entry["institution"],
                         entry["due_in"], entry["expires_in"])
        elif verb == "answer":
            self.answer(entry["nation"], entry["proposal"], entry["reply"])
        elif verb == "counter":
            self.counter(entry["nation"], entry["proposal"],
                         [Term.from_dict(t) for t in entry["terms"]], entry["due_in"])
        elif verb == "inject":
            self.fire_inject(entry["id"])
        elif verb == "news":
            self.announce(entry["text"], entry["to"])
        else:
            raise ValueError(f"unknown input {verb!r}")

    @classmethod
    def replay(cls, world: World, seed: int, inputs: Iterable[dict],
               to_round: int | None = None) -> "Game":
        """Rebuild a game from its inputs (up to the start of ``to_round``)."""
        game = cls(world, seed)
        for entry in inputs:
            if to_round is not None and game.round >= to_round:
                break
            game.apply(entry)
        return game

    @classmethod
    def restore(cls, world: World, seed: int, state: GameState, rng: random.Random,
                log: list[Event], inputs: list[dict]) -> "Game":
        """A game as it was at a round boundary, without replaying it (saves use this).

        ``state``, ``rng`` and ``log`` must be those right after a round's briefing
        (or at the end of the game); ``inputs`` those accepted so far."""
        game = cls.__new__(cls)
        game.world, game.seed, game.rng, game.state = world, seed, rng, state
        game.log, game.inputs = log, inputs
        game._orders = {}
        start = len(log) - 1
        while start > 0 and log[start].kind is not Kind.ROUND_STARTED:
            start -= 1
        game._round_start = max(start, 0)
        game._shared, game._version, game._news = None, 0, NewsIndex()
        game._voted = game._committed = False
        game._legal_memo, game._offered = (None, {}), (None, {})
        game._talk, game._talk_key, game._talks = 0, None, TalkIndex()
        game._fights = (0, set(), {})
        return game

    # ------------------------------------------------------------- helpers
    def _brief(self) -> list[Event]:
        st = self.state
        self._round_start = len(self.log)
        rung = self.world.ladder.rung_at(st.escalation)
        ev = Event(st.round, Kind.ROUND_STARTED,
                   f"Round {st.round} of {self.world.rounds_limit}: the crisis is at "
                   f"{st.stage.replace('_', ' ')}, escalation {st.escalation:.0f} "
                   f"({rung.name}).", value=st.escalation, ref=st.stage)
        self.log.append(ev)
        return [ev]

    def _note(self, kind: Kind, text: str, **kw) -> None:
        self.log.append(Event(self.state.round, kind, text, **kw))

    def _talking(self, nation: str) -> None:
        self._not_over()
        self._known(nation)
        if self.phase not in ("briefing", "diplomacy", "orders"):
            raise PhaseError(f"no negotiation during the {self.phase} phase")

    def _talking_phase(self, what: str) -> None:
        if self.phase not in ("briefing", "diplomacy", "orders"):
            raise PhaseError(f"you can {what} only before the round resolves")

    def _in(self, phase: str, what: str) -> None:
        if self.phase != phase:
            raise PhaseError(f"you can {what} only in the {phase} phase; "
                             f"this is the {self.phase} phase")

    def _not_over(self) -> None:
        if self.state.outcome:
            raise PhaseError("the game is over")

    def _known(self, nation: str) -> None:
        if nation not in self.world.nation:
            raise IllegalOrder(f"there is no state {nation!r} in this campaign")


# read once (Python 3.11 reads a member from its class in a function through a slow
# hook): the votes Game.vote treats apart, on every vote of every state
_DECLARED, _ABSENT = Vote.DECLARED, Vote.ABSENT
MAX_NEWS = 2000  # characters in an instructor's news item
INSTRUCTOR = "instructor"  # the ref of an instructor's news item


OUTCOMES = {
    "resolved": "the crisis is resolved.",
    "settled": "a ceasefire holds; the crisis is settled but not resolved.",
    "frozen": "the crisis is frozen: no war, no settlement.",
    "war": "the crisis has ended in war.",
}
