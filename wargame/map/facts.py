"""What the map says about each state, from one government's view only.

Everything here is public (every government's map shows the same facts; only
"you" differs): public numbers, alliances, who holds whose land and with what
garrison, forces stationed abroad, sanctions, armed conflicts, the public ledger
of obligations, and the attacks, counter-offensives and blockades of the latest
round resolved (from the public news).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..core.events import Event, Kind
from ..core.view import View, WarFacts
from ..textsafe import one_line

UNRESOLVED = ("briefing", "diplomacy", "orders")
BLOC_COLOURS = 8  # alliances with a colour of their own; more share "other alliance"


@dataclass(frozen=True)
class Mark:
    """Something that happened in the latest round resolved, between two states."""

    kind: str  # "attack", "counter" (a counter-offensive) or "blockade"
    actor: str  # attacker; for a counter-offensive, the land fighting back
    target: str  # attacked; for a counter-offensive, the occupier pushed back
    taken: float = 0.0  # % of the target's land taken in this attack


@dataclass(frozen=True)
class StateFacts:
    id: str
    name: str  # one line, control characters made visible
    short: str  # 2-4 letters, unique on the map
    bloc: int  # index into MapFacts.blocs; -1: in no alliance
    memberships: tuple[str, ...]  # names of every institution it belongs to
    own: bool
    territory: float  # % of its own land it holds
    held_by: tuple[tuple[str, float, float], ...]  # (occupier, % of this land, garrison)
    holds: tuple[tuple[str, float, float], ...]  # (land, % of it, garrison)
    hosts: tuple[tuple[str, float], ...]  # (owner, forces): others' forces stationed here
    abroad: tuple[tuple[str, float], ...]  # (host, forces): its forces stationed elsewhere
    sanctioned_by: tuple[str, ...]
    sanctions: tuple[str, ...]
    fighting: tuple[str, ...]  # states it is in an armed conflict with now
    military: float
    economy: float
    nuclear: bool


@dataclass(frozen=True)
class MapFacts:
    round: int
    marks_round: int  # the round the marks are from (0: none resolved yet)
    own: str  # "" on a map for everyone (a report)
    states: dict[str, StateFacts]
    blocs: tuple[str, ...]  # alliance names; a state's bloc indexes this
    marks: tuple[Mark, ...]
    sanctions: tuple[tuple[str, str], ...]  # (sender, target)
    duties: tuple[tuple[str, str, str], ...]  # open obligations: (debtor, toward, what)

    def name(self, sid: str) -> str:
        s = self.states.get(sid)
        return s.name if s else one_line(sid)


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal (wide East Asian characters take two)."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if
               unicodedata.combining(ch) else 1 for ch in text)


def fit(text: str, cols: int) -> str:
    """``text`` cut to ``cols`` columns (with "…" when cut)."""
    if width(text) <= cols:
        return text
    out, used = "", 0
    for ch in text:
        w = width(ch)
        if used + w > cols - 1:
            break
        out, used = out + ch, used + w
    return out + "…"


def shorts(names: dict[str, str]) -> dict[str, str]:
    """A short label per state, unique: initials of a name of several words ("UK",
    "ROK", "S12"), else its first three letters ("EST"); a clash takes other letters."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for sid, name in names.items():
        words = [w for w in name.replace("-", " ").split() if w]
        letters = [c for c in name.upper() if c.isalnum()]
        if len(words) > 1:
            first = "".join(w if w.isdigit() else w[0] for w in words).upper()[:4]
        else:
            first = "".join(letters[:3])
        tries = [first] + ["".join((letters[0], a, b)) for i, a in enumerate(letters[1:], 1)
                           for b in letters[i + 1:]] if letters else [first]
        label = next((t for t in tries if t and t not in taken), None)
        n = 2
        while label is None or label in taken:
            label = f"{(first or sid[:2].upper())[:2]}{n}"
            n += 1
        out[sid] = label
        taken.add(label)
    return out


def marks_round(view: View) -> int:
    if view.outcome or view.phase not in UNRESOLVED:
        return view.round
    return view.round - 1


def map_facts(view: View, news: list[Event] | tuple[Event, ...] | None = None) -> MapFacts:
    """The map's facts for the government of ``view``. ``news``: every public event so
    far (the game screen passes them; the view keeps only the latest)."""
    public = [e for e in (view.news if news is None else news) if e.public]
    return facts_from(
        states=view.states, institutions=view.institutions, war=view.war,
        obligations=view.obligations, news=public, round_=view.round,
        marks_at=marks_round(view), own=view.nation)


def facts_from(states, institutions, war: WarFacts, obligations, news, round_: int,
               marks_at: int, own: str = "") -> MapFacts:
    """The map's facts from public parts: ``states`` (PublicNation), ``institutions``
    (InstitutionView or core Institution: .name, .members and clause texts), the
    war facts, the ledger's obligations and the public news."""
    names = {s.id: one_line(s.name) for s in states}
    short = shorts(names)
    alliances = _alliances(institutions, len(states))
    blocs: list[str] = []
    bloc_of: dict[str, int] = {}
    for s in states:
        mine = [i for i in alliances if s.id in i.members]
        if not mine:
            continue
        best = max(mine, key=lambda i: (len(i.members), -alliances.index(i)))
        label = one_line(best.name)
        if label not in blocs and len(blocs) < BLOC_COLOURS:
            blocs.append(label)
        bloc_of[s.id] = blocs.index(label) if label in blocs else BLOC_COLOURS
    live = [c for c in war.conflicts if not c.ended]
    out = {}
    for s in states:
        sid = s.id
        foes = [c.victim if c.attacker == sid else c.attacker for c in live
                if sid in (c.attacker, c.victim)]
        foes += [c.attacker for c in live if sid in c.side and sid not in
                 (c.attacker, c.victim)]
        out[sid] = StateFacts(
            id=sid, name=names[sid], short=short[sid], bloc=bloc_of.get(sid, -1),
            memberships=tuple(one_line(i.name) for i in institutions if sid in i.members),
            own=sid == own, territory=s.territory,
            held_by=tuple((h.occupier, h.share, h.garrison) for h in war.holdings
                          if h.land == sid),
            holds=tuple((h.land, h.share, h.garrison) for h in war.holdings
                        if h.occupier == sid),
            hosts=tuple((d.owner, d.forces) for d in war.stationed if d.host == sid),
            abroad=tuple((d.host, d.forces) for d in war.stationed if d.owner == sid),
            sanctioned_by=tuple(x.sender for x in war.sanctions if x.target == sid),
            sanctions=tuple(x.target for x in war.sanctions if x.sender == sid),
            fighting=tuple(dict.fromkeys(foes)),
            military=s.military, economy=s.economy, nuclear=s.nuclear)
    blocs_out = tuple(blocs) + (("other alliance",) if BLOC_COLOURS in bloc_of.values()
                                else ())
    return MapFacts(
        round=round_, marks_round=max(marks_at, 0), own=own, states=out, blocs=blocs_out,
        marks=_marks(news, marks_at, out),
        sanctions=tuple((x.sender, x.target) for x in war.sanctions),
        duties=tuple((o.debtor, o.beneficiary or o.against,
                      "assist" if o.action == "assist" else "sanction")
                     for o in obligations if getattr(o.status, "value", o.status) == "open"),
    )


def _alliances(institutions, n_states: int) -> list:
    """Institutions that colour the map: those with a collective-defence clause; if
    there are none, every institution that does not hold every state."""
    def defence(i) -> bool:
        clauses = getattr(i, "clauses", ())
        return any(getattr(c, "kind", None) is not None and
                   getattr(c.kind, "value", "") == "collective_defence"
                   or isinstance(c, str) and c.endswith(": collective defence")
                   for c in clauses)

    found = [i for i in institutions if defence(i)]
    return found or [i for i in institutions if len(i.members) < n_states]


def _marks(news, at: int, states) -> tuple[Mark, ...]:
    if at < 1:
        return ()
    events = [e for e in news if e.round == at and e.actor in states and e.target in states]
    taken = {(e.actor, e.target): e.value for e in events if e.kind is Kind.TERRITORY}
    out: list[Mark] = []
    for e in events:
        if e.kind is Kind.ARMED_ATTACK:
            out.append(Mark("attack", e.actor, e.target, taken.get((e.actor, e.target), 0.0)))
        elif e.kind is Kind.ENGAGEMENT and e.ref == "counter_offensive":
            out.append(Mark("counter", e.target, e.actor))
        elif e.kind is Kind.BLOCKADE:
            out.append(Mark("blockade", e.actor, e.target))
    return tuple(dict.fromkeys(out))
