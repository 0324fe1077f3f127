"""What a government makes of its view: a memory of the news and a reading of the round.

A view shows the latest news only; a government remembers. :class:`Memory`
keeps, from the events a state has seen, who has been hostile to whom (decaying
like the escalation ladder's tension), who attacked whom, whose forces stand in
which country (tripwires) and who sanctions whom. :class:`Reading` is one
round's picture: lookups by id into the view, open obligations, threats.

Everything here is built from the view and the immutable world; nothing reads
the game state.
"""

from __future__ import annotations

from collections.abc import Mapping
from operator import attrgetter, is_

from ..core.actions import Effect
from ..core.events import Event, Kind
from ..core.model import ObjectiveKind, World
from ..core.perworld import per_world
from ..core.state import Status
from ..core.view import InstitutionView, PublicNation, View

FRIENDLY = {Effect.SUPPORT: 1.0, Effect.EXERCISE: 2.0, Effect.AID: 2.0, Effect.DEFEND: 4.0,
            Effect.LIBERATE: 4.0}  # what an act of reassurance shows of a state's resolve
HOSTILE_EFFECTS = {Effect.DEMARCHE, Effect.CONDEMN, Effect.RECALL, Effect.CYBER, Effect.BLOCKADE,
                   Effect.STRIKE, Effect.INVADE, Effect.SANCTION}  # acts against their target
DEPLOY_SHOWN = 4.0
KEPT_SHOWN = 2.0
HOSTILE_KINDS = {Kind.ACTION, Kind.ARMED_ATTACK, Kind.BLOCKADE, Kind.INTELLIGENCE,
                 Kind.PRIVATE_ACTION, Kind.INJECT}
LEARNT = HOSTILE_KINDS | {  # the kinds of event a memory learns from; others it skips
    Kind.DEPLOYMENT, Kind.WITHDRAWAL, Kind.TERRITORY, Kind.CEASEFIRE_AGREED,
    Kind.CEASEFIRE_BROKEN, Kind.SANCTIONS_IMPOSED, Kind.SANCTIONS_LIFTED, Kind.OBLIGATION_KEPT,
    Kind.CONSULTATION_OPENED, Kind.ASSISTANCE_REQUESTED, Kind.ENGAGEMENT}
BLOCKADE_WEIGHT = 12.0
CYBER_WEIGHT = 8.0

# The enum members the loops below compare with, read once: in Python 3.11 each
# ``Kind.ACTION`` in a function goes through EnumType.__getattr__'s hook (hundreds of
# instructions and an allocation); a module name is one load.
(ACTION, ARMED_ATTACK, ASSISTANCE_REQUESTED, BLOCKADE, CEASEFIRE_AGREED,
 CEASEFIRE_BROKEN, CONSULTATION_OPENED, DEPLOYMENT, ENGAGEMENT, INTELLIGENCE,
 OBLIGATION_KEPT, PRIVATE_ACTION, SANCTIONS_IMPOSED, SANCTIONS_LIFTED, TERRITORY,
 WITHDRAWAL) = (
    Kind.ACTION, Kind.ARMED_ATTACK, Kind.ASSISTANCE_REQUESTED, Kind.BLOCKADE,
    Kind.CEASEFIRE_AGREED, Kind.CEASEFIRE_BROKEN, Kind.CONSULTATION_OPENED,
    Kind.DEPLOYMENT, Kind.ENGAGEMENT, Kind.INTELLIGENCE, Kind.OBLIGATION_KEPT,
    Kind.PRIVATE_ACTION, Kind.SANCTIONS_IMPOSED, Kind.SANCTIONS_LIFTED, Kind.TERRITORY,
    Kind.WITHDRAWAL)
OPEN = Status.OPEN
AID_SHOWN = FRIENDLY[Effect.AID]  # aid sent: the resolve it shows


class Memory:
    """What one state has learnt from the events it has seen, round after round."""

    _SHARES = True  # starts from the chronicle of its world (a Chronicle does not)

    def __init__(self, world: World, nation: str, shared: bool = True):
        """``shared`` False: it learns every event itself, never from the chronicle
        (what a shared memory must equal; tests compare them)."""
        self.nation = nation
        self.actions = world.actions
        self.keep = 1.0 - world.ladder.decay
        self.done = 0  # last round whose events were taken in
        self.hostility: dict[tuple[str, str], float] = {}  # (actor, target) -> level
        self.attacks: dict[tuple[str, str], int] = {}  # (attacker, victim) -> last round
        self.tripwires: dict[tuple[str, str], float] = {}  # (owner, host) -> forces
        self.sanctions: dict[tuple[str, str], float] = {}  # (sender, target) -> bite
        self.taken: dict[str, float] = {}  # victim -> territory this state holds
        self.truces: dict[tuple[str, str], int] = {}  # sorted pair -> round agreed
        # resolve shown: (actor, protected state) -> weight of its acts of reassurance
        self.shown: dict[tuple[str, str], float] = {}
        self.shown_to: dict[str, dict[str, float]] = {}  # the same, by protected state
        self.shown_any: dict[str, float] = {}  # actor -> obligations kept, anywhere
        self.asked: dict[str, int] = {}  # victims that asked this state for help -> round
        self.freed: dict[str, int] = {}  # land it holds -> counter-offensives suffered there
        self.pushed: dict[str, float] = {}  # land -> strongest counter-offensive / garrison
        self.freeing: dict[str, int] = {}  # occupied land -> last round a counter-offensive
        self.consulted: dict[str, int] = {}  # institution -> last round consultations opened
        self.blockades: dict[tuple[str, str], int] = {}  # (blockader, target) -> last round
        # while this state has seen no private event it learns from, what it knows of
        # the others (the COMMON fields) is the memory every such state of the game
        # shares (:class:`Chronicle`), worked out once a round for all of them
        self._chronicle: Chronicle | None = _root(world) if shared and self._SHARES \
            else None
        # while every private event it has learnt from was a hostile act alone
        # (HOSTILITY_ONLY), it keeps its own hostility but the other COMMON fields are
        # still those of this chronicle, shared (read only): see _take_hostile
        self._public: Chronicle | None = None
        self._by_target: dict[str, list[tuple[str, float]]] | None = None

    def take_in(self, view: View) -> None:
        """Learn from the events of finished rounds not yet taken in."""
        self._take(view.news, view.private, view.round - 1)

    def recall(self, news: list[Event], private: list[Event], last: int) -> None:
        """Learn from every event the state has seen up to round ``last``, round by
        round as :meth:`take_in` does when it is called each round: a game loaded from
        a save, whose views hold only the latest news, is remembered whole."""
        for r in range(self.done + 1, last + 1):
            self._take(news, private, r)

    def _take(self, news, private, last: int) -> None:
        if last <= self.done:
            return
        fresh = _public(news, self.done, last, self.actions)
        mine = [_digest(e, self.actions) for e in private
                if self.done < e.round <= last and e.kind in LEARNT]
        chronicle = self._chronicle
        if chronicle is not None and not mine:
            # the public events alone: the shared memory learns them
            after = chronicle.after(fresh, last)
            self._share(after)
            for ev in after.own.get(self.nation, ()):
                self._learn_own(ev)
            self.done = last
            return
        base = chronicle or self._public
        if base is not None:
            if all(ev.kind in HOSTILITY_ONLY for ev, _ in mine) and (
                    not mine or last == self.done + 1):
                self._take_hostile(base, fresh, mine, last)
                return
            # private events it learns more from: its own memory from now on
            self._fork(base, None if chronicle is not None else self.hostility)
        if mine:  # the public events, then its own, each in the log's order
            fresh = fresh + tuple(mine)
            if last > self.done + 1:  # several rounds: by round (stable: that order in each)
                fresh = sorted(fresh, key=lambda x: x[0].round)
        self._by_target = None
        self._apply(fresh, last)

    def _take_hostile(self, base: "Chronicle", fresh, mine: list, last: int) -> None:
        """Learn the public events ``fresh`` and its own ``mine`` (hostile acts alone,
        HOSTILITY_ONLY) of the rounds up to ``last``, as :meth:`_apply` would: every
        COMMON field but hostility is then the chronicle's after ``fresh`` (no private
        event of these kinds changes them), taken as it is; its own hostility decays
        and grows by the public acts (listed once for all such memories), then its
        own, in that order."""
        after = base.after(fresh, last)
        hostility = self.hostility  # its own, or the chronicle's while it shared that
        self._share(after)
        self._chronicle, self._public = None, after
        for ev in after.own.get(self.nation, ()):
            self._learn_own(ev)
        if hostility:
            k = self.keep ** (last - self.done)
            hostility = {key: v * k for key, v in hostility.items() if v * k >= 0.5}
        else:
            hostility = {}
        for key, weight in after.hostile_acts():
            hostility[key] = min(100.0, hostility.get(key, 0.0) + weight)
        for key, weight in _hostile_acts(mine, self.actions):
            hostility[key] = min(100.0, hostility.get(key, 0.0) + weight)
        self.hostility = hostility
        self.done = last

    def _apply(self, fresh, last: int) -> None:
        """Learn ``fresh`` (events with their digests, in order), the events of the
        rounds after :attr:`done` up to ``last``."""
        rounds = last - self.done
        if self.hostility:
            k = self.keep ** rounds
            self.hostility = {key: v * k for key, v in self.hostility.items() if v * k >= 0.5}
        hostility = self.hostility
        for ev, act in fresh:
            if act is None:
                self._learn(ev)
            elif act:  # an action: what _learn does with it, worked out beforehand
                a, t, w, weight = act
                if w:
                    self._show(a, t, w)
                if weight:
                    hostility[(a, t)] = min(100.0, hostility.get((a, t), 0.0) + weight)
        self.done = last

    def _learn(self, ev: Event) -> None:
        kind = ev.kind
        if kind not in LEARNT:
            return
        a, t = ev.actor, ev.target
        if kind is ACTION:  # most events: _resolve and the hostile branch below, at once
            if a and t:
                ref, actions = ev.ref, self.actions
                if ref in actions or ev.value > 0:
                    w = FRIENDLY.get(actions[ref].effect, 0.0) if ref else AID_SHOWN
                    if w:
                        self._show(a, t, w)
                if a != t:
                    if not ref or (ref in actions and actions[ref].effect not in HOSTILE_EFFECTS):
                        return  # support, aid, exercises, mediation: not hostile acts
                    weight = ev.value if ev.value > 0 else 0.0
                    if weight:
                        self.hostility[(a, t)] = min(100.0, self.hostility.get((a, t), 0.0)
                                                     + weight)
            return
        self._resolve(ev)
        if kind in HOSTILE_KINDS and a and t and a != t:
            weight = _hostile_weight(ev, self.actions)
            if weight:
                self.hostility[(a, t)] = min(100.0, self.hostility.get((a, t), 0.0) + weight)
            if kind is ARMED_ATTACK:
                self.attacks[(a, t)] = ev.round
            elif kind is BLOCKADE:  # a use of force (UNGA Res. 3314, Art. 3(c))
                self.blockades[(a, t)] = ev.round
        elif kind is DEPLOYMENT and a and t:
            self.tripwires[(a, t)] = self.tripwires.get((a, t), 0.0) + ev.value
        elif kind is WITHDRAWAL and a:
            for key in [k for k in self.tripwires if k[0] == a]:
                del self.tripwires[key]
            if a == self.nation:
                self.taken.clear()
        elif kind is TERRITORY and a == self.nation and t:
            self.taken[t] = self.taken.get(t, 0.0) + ev.value
        elif kind is CEASEFIRE_AGREED and a and t:
            self.truces[(a, t) if a < t else (t, a)] = ev.round
        elif kind is CEASEFIRE_BROKEN and a and t:
            self.truces.pop((a, t) if a < t else (t, a), None)
        elif kind is SANCTIONS_IMPOSED and a and t:
            self.sanctions[(a, t)] = ev.value
        elif kind is SANCTIONS_LIFTED and a and t:
            self.sanctions.pop((a, t), None)

    def _resolve(self, ev: Event) -> None:
        """Acts that show a state's resolve to stand by another, and requests for help."""
        a, t, kind = ev.actor, ev.target, ev.kind
        if kind is ACTION and a and t and (ev.ref in self.actions or ev.value > 0):
            # an action by id, or (no id, a sum) aid sent
            w = FRIENDLY.get(self.actions[ev.ref].effect, 0.0) if ev.ref else AID_SHOWN
            if w:
                self._show(a, t, w)
        elif kind is DEPLOYMENT and a and t:
            self._show(a, t, DEPLOY_SHOWN)
        elif kind is OBLIGATION_KEPT and a:
            self.shown_any[a] = self.shown_any.get(a, 0.0) + KEPT_SHOWN
        elif kind is CONSULTATION_OPENED and ev.institution:
            self.consulted[ev.institution] = ev.round
        elif kind is ASSISTANCE_REQUESTED and t == self.nation and a:
            self.asked[a] = ev.round
        elif kind is ENGAGEMENT and ev.ref == "counter_offensive" and t:
            self.freeing[t] = ev.round  # a counter-offensive on t's land
        if kind is ENGAGEMENT and ev.ref == "counter_offensive" and a == self.nation:
            self.freed[t] = self.freed.get(t, 0) + 1
            # how much stronger than its garrison the counter-offensive was
            self.pushed[t] = max(self.pushed.get(t, 0.0), ev.value)

    def _learn_own(self, ev: Event) -> None:
        """What :meth:`_learn` learns of an event about this state itself (the OWN
        fields), for a memory whose COMMON fields are shared: the chronicle's
        :attr:`Chronicle.own` lists the events, by state."""
        kind, a, t = ev.kind, ev.actor, ev.target
        if kind is ASSISTANCE_REQUESTED:
            self.asked[a] = ev.round
        elif kind is ENGAGEMENT:
            self.freed[t] = self.freed.get(t, 0) + 1
            self.pushed[t] = max(self.pushed.get(t, 0.0), ev.value)
        elif kind is WITHDRAWAL:
            self.taken.clear()
        else:  # TERRITORY
            self.taken[t] = self.taken.get(t, 0.0) + ev.value

    # _share and _fork set the COMMON fields one by one, by name: writing them through
    # self.__dict__ would turn the object's attributes into a plain dict, and every
    # later read of a memory's field (the policies make thousands a round) slower
    def _share(self, chronicle: "Chronicle") -> None:
        """Take ``chronicle``'s COMMON fields as its own (read only: shared)."""
        c = self._chronicle = chronicle
        self.hostility, self.attacks, self.tripwires, self.sanctions = (
            c.hostility, c.attacks, c.tripwires, c.sanctions)
        self.truces, self.shown, self.shown_to, self.shown_any = (
            c.truces, c.shown, c.shown_to, c.shown_any)
        self.consulted, self.blockades, self.freeing = c.consulted, c.blockades, c.freeing
        self._by_target = None

    def _fork(self, chronicle: "Chronicle", hostility: dict | None = None) -> None:
        """Copies of the shared COMMON fields, to learn private events into (its own
        ``hostility`` kept, if given, instead of a copy of the chronicle's)."""
        self._chronicle = self._public = None
        c = chronicle
        self.hostility, self.attacks, self.tripwires, self.sanctions = (
            dict(c.hostility), dict(c.attacks), dict(c.tripwires), dict(c.sanctions))
        self.truces, self.shown, self.shown_any = (
            dict(c.truces), dict(c.shown), dict(c.shown_any))
        self.consulted, self.blockades, self.freeing = (
            dict(c.consulted), dict(c.blockades), dict(c.freeing))
        self.shown_to = {k: dict(v) for k, v in c.shown_to.items()}
        if hostility is not None:
            self.hostility = hostility
        self._by_target = None

    def shared_memo(self) -> dict | None:
        """While this memory is shared (:class:`Chronicle`), a dict every state that
        shares it may keep what it works out from it and the public view this round,
        for the others to find (keyed by what else it depends on); else None."""
        c = self._chronicle
        return c.memo if c is not None else None

    def hostility_by_target(self) -> dict[str, list[tuple[str, float]]]:
        """target -> (actor, level) of the hostility remembered against it, in the
        order of :attr:`hostility` (grouped once a round; shared while the memory is).
        Read it; do not change it."""
        if self._chronicle is not None:
            return self._chronicle.hostility_by_target()
        by = self._by_target
        if by is None:
            by = self._by_target = _group(self.hostility)
        return by

    def _show(self, a: str, t: str, w: float) -> None:
        v = self.shown[(a, t)] = self.shown.get((a, t), 0.0) + w
        self.shown_to.setdefault(t, {})[a] = v

    # ------------------------------------------------------------ queries
    def shown_to_by_others(self, state: str, besides: str) -> float:
        """The resolve shown for ``state`` by every actor but ``besides``: the sum of
        ``shown`` over those pairs, in the same order."""
        return sum(v for a, v in self.shown_to.get(state, {}).items() if a != besides)

    def consulted_since(self, institution: str, since: int) -> bool:
        return institution in self.consulted and self.consulted[institution] >= since

    def friends_of(self, state: str) -> list[str]:
        """States that have shown support for ``state`` (support, exercises, aid,
        deployments, fighting for it), in a stable order."""
        return sorted(self.shown_to.get(state, ()))

    def hostility_to(self, target: str) -> dict[str, float]:
        return {a: v for (a, t), v in self.hostility.items() if t == target}

    def tripwire_in(self, host: str, besides: str = "") -> float:
        return sum(v for (o, h), v in self.tripwires.items() if h == host and o != besides)

    def in_truce(self, a: str, b: str) -> bool:
        return ((a, b) if a < b else (b, a)) in self.truces

    def attackers_of(self, victim: str, since: int) -> list[str]:
        return [a for (a, v), r in self.attacks.items() if v == victim and r >= since]


COMMON = ("hostility", "attacks", "tripwires", "sanctions", "truces", "shown", "shown_to",
          "shown_any", "consulted", "blockades", "freeing")
"""The fields of a :class:`Memory` learnt from events whatever state sees them; the
others (``taken``, ``asked``, ``freed``, ``pushed``) are about the state itself."""


HOSTILITY_ONLY = frozenset({PRIVATE_ACTION, INTELLIGENCE, Kind.INJECT})
"""The kinds of event of which a memory learns a hostile act alone (no other field:
see Memory._learn and _resolve)."""


def _hostile_weight(ev: Event, actions) -> float:
    """How much hostility a hostile kind of event (HOSTILE_KINDS, an actor and a
    target apart) shows of its actor to its target."""
    kind = ev.kind
    if kind is BLOCKADE:
        return BLOCKADE_WEIGHT
    if kind is INTELLIGENCE:
        return CYBER_WEIGHT
    if kind in (ACTION, PRIVATE_ACTION) and (
            not ev.ref and ev.actor  # aid sent (economy.py), a lapsed ceasefire offer
            or ev.ref in actions and actions[ev.ref].effect not in HOSTILE_EFFECTS):
        return 0.0  # support, aid, exercises, mediation: not hostile acts
    return ev.value if ev.value > 0 else 0.0


def _hostile_acts(events, actions) -> list[tuple[tuple[str, str], float]]:
    """((actor, target), weight) of the hostility ``events`` (with their digests,
    in order) add, as Memory._apply adds it."""
    out = []
    for ev, act in events:
        if act is None:
            a, t = ev.actor, ev.target
            if ev.kind in HOSTILE_KINDS and a and t and a != t:
                weight = _hostile_weight(ev, actions)
                if weight:
                    out.append(((a, t), weight))
        elif act and act[3]:
            out.append(((act[0], act[1]), act[3]))
    return out


def _group(hostility: dict) -> dict[str, list[tuple[str, float]]]:
    by: dict[str, list[tuple[str, float]]] = {}
    for (a, t), v in hostility.items():
        by.setdefault(t, []).append((a, v))
    return by


class Chronicle(Memory):
    """The memory of the public events alone, shared by every state of a game that
    has seen no private event it learns from: what they all know alike, learnt once a
    round instead of once per state. Exactly what each of them would have learnt (the
    same events in the same order, the same arithmetic); its OWN fields stay empty,
    and :attr:`own` lists the events that are about a state itself, by state, for
    each memory to learn. Never changed once made: the next round is a new one."""

    _SHARES = False

    def __init__(self, world: World):
        super().__init__(world, "")
        self.nation = None  # no state's own: no event is about it
        self.own: dict[str, list[Event]] = {}
        self._next: tuple | None = None  # (fresh, last, the chronicle after them)
        self.memo: dict = {}  # see Memory.shared_memo
        self._fresh: tuple = ()  # the events it learnt last (its round's)
        self._acts: list | None = None  # the hostility they add (hostile_acts)

    def after(self, fresh: tuple, last: int) -> "Chronicle":
        """This chronicle after the public events ``fresh`` (with their digests) of
        the rounds up to ``last``: made by the first state to read them, then shared."""
        found = self._next
        if found is not None and found[1] == last:
            was = found[0]  # the same events (views of other phases hold other tuples)
            if was is fresh:
                return found[2]
            if len(was) == len(fresh) and all(x[0] is y[0] for x, y in zip(was, fresh)):
                self._next = (fresh, last, found[2])  # the next state finds this tuple
                return found[2]
        nxt = object.__new__(Chronicle)
        nxt.__dict__.update(self.__dict__)
        for name in COMMON:
            setattr(nxt, name, dict(getattr(self, name)))
        nxt.shown_to = {k: dict(v) for k, v in self.shown_to.items()}
        nxt._next = nxt._by_target = nxt._acts = None
        nxt.memo = {}
        nxt._fresh = fresh
        nxt._apply(fresh, last)
        own: dict[str, list[Event]] = {}
        for ev, act in fresh:  # the events Memory._learn learns about a state itself
            if act is not None:
                continue
            kind, a, t = ev.kind, ev.actor, ev.target
            if kind is ASSISTANCE_REQUESTED:
                if t and a:
                    own.setdefault(t, []).append(ev)
            elif kind is ENGAGEMENT:
                if ev.ref == "counter_offensive" and a:
                    own.setdefault(a, []).append(ev)
            elif kind is WITHDRAWAL:
                if a:
                    own.setdefault(a, []).append(ev)
            elif kind is TERRITORY and a and t:
                own.setdefault(a, []).append(ev)
        nxt.own = own
        self._next = (fresh, last, nxt)
        return nxt

    def hostility_by_target(self) -> dict[str, list[tuple[str, float]]]:
        by = self._by_target
        if by is None:
            by = self._by_target = _group(self.hostility)
        return by

    def hostile_acts(self) -> list[tuple[tuple[str, str], float]]:
        """The hostility the events it learnt last add (:func:`_hostile_acts`): listed
        once for every memory that keeps its own hostility. Read it only."""
        acts = self._acts
        if acts is None:
            acts = self._acts = _hostile_acts(self._fresh, self.actions)
        return acts


_ROOTS: dict[int, tuple] = {}


def _root(world: World) -> Chronicle:
    """The empty chronicle of ``world``, where every memory of its games starts."""
    return per_world(_ROOTS, world, Chronicle)


# [(news, after, last, actions, the events picked, their digests)]: one tuple, replaced
# whole, so that a reader in another thread (a Dask worker's) never mixes two moments;
# the other _LAST_ caches of this module are kept the same way
_LAST_PUBLIC: list = [(None, -1, -1, None, [], ())]
_ROUND = attrgetter("round")


def _public(news, after: int, last: int, actions) -> tuple[tuple, ...]:
    """The public events of rounds ``after`` + 1 to ``last`` a memory learns from, in
    the order of the log, each with its :func:`_digest`. Every government is given
    the same news (one tuple, shared by the views of a moment), so they are picked
    out and digested once for all; the news of a later moment of the same round
    (the same events picked, more of this round after them) give the same tuple."""
    cached = _LAST_PUBLIC[0]
    same = cached[1] == after and cached[2] == last and cached[3] is actions
    if same and cached[0] is news:
        return cached[5]
    picked = [e for e in news if after < e.round <= last and e.kind in LEARNT]
    if same and len(picked) == len(cached[4]) and all(map(is_, picked, cached[4])):
        out = cached[5]
    else:
        events = sorted(picked, key=_ROUND)  # stable: the log's order in a round
        out = tuple(_digest(e, actions) for e in events)
    if type(news) is tuple:  # immutable: safe to remember by identity
        _LAST_PUBLIC[0] = (news, after, last, actions, picked, out)
    return out


def _digest(ev: Event, actions) -> tuple:
    """(event, what it shows): for an action, (actor, target, resolve shown, hostility)
    as Memory._learn works them out, or () if it shows nothing; None for any other
    kind of event (Memory._learn reads it)."""
    if ev.kind is not ACTION:
        return ev, None
    a, t = ev.actor, ev.target
    if not (a and t):
        return ev, ()
    ref = ev.ref
    w = 0.0
    if ref in actions or ev.value > 0:  # an action by id, or (no id, a sum) aid sent
        w = FRIENDLY.get(actions[ref].effect, 0.0) if ref else AID_SHOWN
    weight = 0.0
    if a != t and ref and not (ref in actions and actions[ref].effect not in HOSTILE_EFFECTS):
        weight = ev.value if ev.value > 0 else 0.0  # support, aid, mediation: none
    return ev, ((a, t, w, weight) if w or weight else ())


# id(commitments) -> (commitments, debtor -> its open ones): the views of a moment
# share one ledger, but a party to a secret deal sees it too (a ledger of its own),
# so the last few ledgers are kept, each with the tuple it was made from
_PROMISES: dict[int, tuple] = {}


def open_commitments(view: View, nation: str) -> list:
    """``nation``'s open commitments in the view's ledger, in its order (the ledger is
    grouped once for every government that shares it). Read them; do not change them."""
    ledger = view.commitments
    found = _PROMISES.get(id(ledger))
    if found is None or found[0] is not ledger:
        if len(_PROMISES) >= 16:
            _PROMISES.clear()
        by: dict[str, list] = {}
        for c in ledger:
            if c.status is OPEN:
                by.setdefault(c.debtor, []).append(c)
        found = _PROMISES[id(ledger)] = (ledger, by)
    return found[1].get(nation, _NONE_OPEN)


_NONE_OPEN: list = []  # what a debtor without open promises is given (never changed)


# [(war facts, their memo)]: one tuple, replaced whole, so that a reader in another
# thread (a Dask worker's) never mixes two moments
_LAST_WAR: list = [None]


def war_memo(war) -> dict:
    """A memo for what every government works out alike of the public facts of war
    (``view.war``): the same dict while the views of a moment share those facts, a new
    one for new facts (facts that may still change, lists rather than tuples, get a
    fresh dict each time: nothing is remembered of them). Its entries are read, never
    changed."""
    kept = _LAST_WAR[0]
    if kept is not None and kept[0] is war:
        return kept[1]
    memo: dict = {}
    if type(war.stationed) is tuple and type(war.holdings) is tuple and \
            type(war.conflicts) is tuple:  # immutable: safe to remember by identity
        _LAST_WAR[0] = (war, memo)
    return memo


_LAST_LEDGER: list = [(None, None, None)]  # [(obligations, war facts, what _ledger found)]


def _ledger(view: View) -> tuple[dict[str, list], dict[str, list[str]]]:
    """(debtor -> its open obligations, victim -> attackers of record), from the
    public ledger of obligations and the facts of war: the same for every government
    at one moment (the views share those tuples), so worked out once for all. Read
    them; do not change them."""
    cached = _LAST_LEDGER[0]
    if cached[0] is view.obligations and cached[1] is view.war:
        return cached[2]
    owed: dict[str, list] = {}
    # victim -> attackers of record: the public ledger of open obligations, the
    # ongoing conflicts and the land held (lawful force against an aggressor is none)
    attacked: dict[str, list[str]] = {}
    for o in view.obligations:
        if o.status is OPEN:
            owed.setdefault(o.debtor, []).append(o)
            if o.action == "assist":
                attacked.setdefault(o.beneficiary, [])
                if o.against not in attacked[o.beneficiary]:
                    attacked[o.beneficiary].append(o.against)
    pairs = [(c.attacker, c.victim) for c in view.war.conflicts if not c.ended]
    pairs += [(h.occupier, h.land) for h in view.war.holdings]
    for a, v in pairs:
        attacked.setdefault(v, [])
        if a not in attacked[v]:
            attacked[v].append(a)
    _LAST_LEDGER[0] = (view.obligations, view.war, (owed, attacked))
    return owed, attacked


_LAST_STATES: list = [(None, None)]  # [(a view's states, id -> its entry)]


def _states_by_id(states: tuple, pos: dict[str, int]) -> dict[str, PublicNation]:
    """id -> entry of a view's ``states`` (in world order, ``pos``): the views of a
    moment share that tuple (immutable), so the table is made once for all their
    readings and kept with the tuple it was made from. Read it; do not change it."""
    cached = _LAST_STATES[0]
    if cached[0] is not states:
        cached = _LAST_STATES[0] = (states, {ident: states[i] for ident, i in pos.items()})
    return cached[1]


class Reading:
    """One round's picture for one state, built from its view and the world."""

    def __init__(self, view: View, world: World, memory: Memory, state_pos: dict[str, int],
                 inst_pos: dict[str, int], points: dict | None = None):
        self.view = view
        self.world = world
        self.memory = memory
        self.nation = view.nation
        self.me = view.me
        self._inst_pos = inst_pos
        # state(ident): the view's public numbers of a state, a lookup in a table made
        # once for every reading of the same states (the views of a moment share them)
        self.state = _states_by_id(view.states, state_pos).__getitem__
        # state -> tension with it, above zero: the view's own read-only table when it
        # holds no other (as the game keeps it), else a filtered copy
        tension = view.tension
        self.tension: Mapping[str, float] = tension if not tension or min(
            tension.values()) > 0 else {s: t for s, t in tension.items() if t > 0}
        owed, self.attacked = _ledger(view)
        self.my_obligations = owed.get(self.nation, ())  # shared: read it only
        self.objectives = view.objectives
        # (kinds, target) -> points of those objectives: a policy keeps one for all its
        # readings (its objectives are the world's, the same every round)
        self._points: dict = {} if points is None else points
        total = self._points.get("total")
        if total is None:
            total = self._points["total"] = sum(o.points for o in view.objectives) or 1
        self.total_points = total
        self.memo: dict = {}  # what the policy worked out from this reading, by name
        self.threats: dict[str, float] = {}  # ally -> how gravely threatened (the policy's)
        self._hostile: dict[str, list[tuple[str, float]]] | None = None

    def hostility_to(self, target: str) -> list[tuple[str, float]]:
        """(actor, level) of the hostility remembered against ``target``, in the
        memory's order (grouped once per reading)."""
        if self._hostile is None:
            self._hostile = self.memory.hostility_by_target()
        return self._hostile.get(target, [])

    # state(ident) -> PublicNation is set in __init__ (see _states_by_id)

    def institution(self, ident: str) -> InstitutionView:
        return self.view.institutions[self._inst_pos[ident]]

    def points(self, *kinds: ObjectiveKind, target: str | None = None) -> int:
        key = (kinds, target)  # the objectives never change: once per policy
        found = self._points.get(key)
        if found is None:
            found = self._points[key] = sum(
                o.points for o in self.objectives
                if o.kind in kinds and (target is None or o.target == target))
        return found

    def weight(self, *kinds: ObjectiveKind, target: str | None = None) -> float:
        """Share of this state's objective points riding on these kinds (once per
        policy, like :meth:`points`)."""
        key = ("weight", kinds, target)
        found = self._points.get(key)
        if found is None:
            found = self._points[key] = self.points(*kinds, target=target) / self.total_points
        return found

    def attackers(self) -> set[str]:
        return {a for atk in self.attacked.values() for a in atk}
