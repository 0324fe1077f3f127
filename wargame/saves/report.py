"""The after-action report: what happened in a game and why, for an instructor to hand out.

:func:`after_action` reads a game (its final state and event log) into an
:class:`AfterAction` of plain rows; :mod:`wargame.saves.render` writes it as
Markdown (an ASCII/Unicode chart in a code block) or HTML (an inline SVG chart).
Nothing secret is left at the end of a game, but the timeline lists public events
only: private intelligence and démarches belong to the players who saw them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.burden import attacked_in, attackers_in, burden_sharing
from ..core.clauses import VOTE_WORDS, draft_words, roll_call
from ..core.events import Kind
from ..core.injects import teaching_note
from ..core.game import OUTCOMES, Game
from ..core.rules import with_names
from ..core.scoring import describe
from ..core.state import Status

STAGE_NAMES = {
    "peace": "peace", "tension": "tension", "incident": "incident",
    "consultation": "consultation", "sanctions": "sanctions",
    "collective_response": "collective response", "armed_conflict": "armed conflict",
    "settlement": "settlement", "resolved": "resolved", "war": "war",
}

# what each kind of turning point is called in the timeline
TURNING = {
    Kind.STAGE_CHANGED: "stage",
    Kind.RUNG_CROSSED: "threshold",
    Kind.GENERAL_WAR: "threshold",
    Kind.ARMED_ATTACK: "attack",
    Kind.TERRITORY: "attack",
    Kind.CEASEFIRE_PROPOSED: "ceasefire",
    Kind.CEASEFIRE_AGREED: "ceasefire",
    Kind.CEASEFIRE_BROKEN: "ceasefire",
    Kind.DRAFT_DECIDED: "decision",
    Kind.PROPOSAL_DECIDED: "decision",
    Kind.AUTHORISED: "decision",
    Kind.SUSPENDED: "decision",
    Kind.REFERRED: "decision",
    Kind.MEETING_CALLED: "diplomacy",
    Kind.CONSULTATION_OPENED: "diplomacy",
    Kind.SANCTIONS_IMPOSED: "sanctions",
    Kind.SANCTIONS_LIFTED: "sanctions",
    Kind.OBLIGATION_DECLINED: "obligation",
    Kind.OUTSIDE_SCOPE: "obligation",
    Kind.COMMITMENT_MADE: "commitment",
    Kind.COMMITMENT_BROKEN: "commitment",
    Kind.INJECT: "news",
    Kind.GAME_OVER: "end",
}


@dataclass(frozen=True)
class Point:
    round: int
    kind: str  # a TURNING label
    text: str


@dataclass(frozen=True)
class Threshold:
    round: int
    rung: str
    level: float
    up: bool


@dataclass(frozen=True)
class Duty:
    """A treaty obligation or a negotiated commitment, and what became of it."""

    what: str  # "obligation" or "commitment"
    debtor: str
    text: str
    created: int
    due: int
    status: str  # open, kept, declined, broken, lapsed


@dataclass(frozen=True)
class BurdenLine:
    nation: str
    spending: float
    contribution_share: float
    benefit_share: float
    ratio: float
    free_rider: bool
    exempt: str = ""  # why the 3/4 rule does not judge it (burden.ATTACKED, ...)


@dataclass(frozen=True)
class ScoreLine:
    nation: str
    player: str
    total: int
    possible: int
    met: tuple[str, ...]
    missed: tuple[str, ...]
    credibility: tuple[float, float]  # at the start, at the end


@dataclass(frozen=True)
class VoteLine:
    """One decided draft and who voted how (names, in member order)."""

    round: int
    institution: str
    subject: str  # "sanctions against Russia"
    adopted: bool
    reason: str
    groups: tuple[tuple[str, tuple[str, ...]], ...]  # ("yes", (names...)), ...


@dataclass
class AfterAction:
    title: str
    description: str
    outcome: str  # resolved, settled, frozen, war, or '' (unfinished)
    outcome_text: str
    rounds: int  # rounds played (resolved)
    rounds_limit: int
    seed: int
    stage: str
    start_level: float
    curve: list[float]  # crisis level at the end of each round
    marks: list[tuple[str, float]]  # (name, level): the ladder's marks
    rungs: list[tuple[str, float]]
    timeline: list[Point] = field(default_factory=list)
    thresholds: list[Threshold] = field(default_factory=list)
    duties: list[Duty] = field(default_factory=list)
    burden: dict[str, list[BurdenLine]] = field(default_factory=dict)
    scores: list[ScoreLine] = field(default_factory=list)
    votes: list[VoteLine] = field(default_factory=list)
    institutions: list[tuple[str, float, float]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # where the report came from
    designer_notes: str = ""  # the campaign's notes: simplifications, units
    sources: list[str] = field(default_factory=list)  # the campaign's sources
    # the map: (caption, SVG) at the start, after each round and at the end; and the
    # start and the end as text drawings (wargame.map), for the Markdown report
    maps: list[tuple[str, str]] = field(default_factory=list)
    text_maps: list[tuple[str, list[str]]] = field(default_factory=list)

    @property
    def peak(self) -> float:
        return max(self.curve, default=self.start_level)

    @property
    def free_riders(self) -> list[tuple[str, str]]:
        return [(inst, line.nation) for inst, lines in self.burden.items()
                for line in lines if line.free_rider]

    def kept_broken(self) -> dict[str, dict[str, int]]:
        """Per debtor: how many duties of each status."""
        out: dict[str, dict[str, int]] = {}
        for d in self.duties:
            out.setdefault(d.debtor, {}).setdefault(d.status, 0)
            out[d.debtor][d.status] += 1
        return out


def _grouped(events, world) -> list[Point]:
    """Turning points, with a round's many alike events folded into one line."""
    out: list[Point] = []
    by_round: dict[int, list] = {}
    for e in events:
        by_round.setdefault(e.round, []).append(e)
    for rnd, evs in by_round.items():
        consult: dict[tuple[str, str], list[str]] = {}
        sanctions: dict[tuple[Kind, str], list[str]] = {}
        made = 0
        for e in evs:
            if e.kind is Kind.CONSULTATION_OPENED:
                consult.setdefault((e.institution, e.ref), []).append(world.name_of(e.actor))
            elif e.kind in (Kind.SANCTIONS_IMPOSED, Kind.SANCTIONS_LIFTED) and e.target:
                sanctions.setdefault((e.kind, e.target), []).append(world.name_of(e.actor))
            elif e.kind is Kind.COMMITMENT_MADE:
                made += 1
        done_c, done_s, done_m = set(), set(), False
        for e in evs:
            label = TURNING[e.kind]
            if e.kind is Kind.CONSULTATION_OPENED:
                key = (e.institution, e.ref)
                if key in done_c:
                    continue
                done_c.add(key)
                who = consult[key]
                if len(who) > 1:
                    clause = e.text.split(" under ", 1)[-1].split(";", 1)[0]
                    out.append(Point(rnd, label, f"{_and(who)} request consultations under "
                                     f"{clause}."))
                    continue
            elif e.kind in (Kind.SANCTIONS_IMPOSED, Kind.SANCTIONS_LIFTED) and e.target:
                key = (e.kind, e.target)
                if key in done_s:
                    continue
                done_s.add(key)
                who = sanctions[key]
                if len(who) > 1:
                    verb = "impose sanctions on" if e.kind is Kind.SANCTIONS_IMPOSED \
                        else "lift their sanctions on"
                    out.append(Point(rnd, label, f"{_and(who)} {verb} "
                                     f"{world.name_of(e.target)}."))
                    continue
            elif e.kind is Kind.COMMITMENT_MADE and made > 1:
                if done_m:
                    continue
                done_m = True
                out.append(Point(rnd, label, f"{made} commitments are made (see the ledger)."))
                continue
            out.append(Point(rnd, label, e.text))
    return out


def _and(names: list[str]) -> str:
    names = list(dict.fromkeys(names))
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def after_action(game: Game, title: str = "", description: str = "",
                 players: dict[str, str] | None = None, notes: list[str] | None = None,
                 campaign=None, maps: bool = True) -> AfterAction:
    """Everything the report shows, from the game's final state and its event log
    (the maps of each round by replaying its inputs; ``maps=False`` leaves them out)."""
    world, st, log = game.world, game.state, game.log
    players = players or {}
    ladder = world.ladder
    start = next((e.value for e in log if e.kind is Kind.ROUND_STARTED), st.escalation)
    aa = AfterAction(
        title=title or world.title, description=description, outcome=st.outcome,
        outcome_text=(OUTCOMES.get(st.outcome, st.outcome) if st.outcome else
                      f"the game was saved in round {st.round}, before its end."),
        rounds=len(st.history), rounds_limit=world.rounds_limit, seed=game.seed,
        stage=st.stage, start_level=start, curve=list(st.history),
        marks=[("tension", ladder.tension), ("incident", ladder.incident),
               ("armed attack", ladder.armed_attack), ("war", ladder.war)],
        rungs=[(r.name, r.level) for r in ladder.rungs],
        notes=list(notes or ()),
        designer_notes=(getattr(campaign, "notes", "") or "").strip(),
        sources=list(getattr(campaign, "sources", ()) or ()),
    )
    public = [e for e in log if not e.visible_to and e.kind in TURNING
              and not teaching_note(world.injects, e)]
    aa.timeline = _grouped(public, world)
    # from the curve (start, then each round's end), so that rises caused by campaign
    # events, which the engine does not announce as rung crossings, count too
    levels = [start, *st.history]
    aa.thresholds = [Threshold(i, rung.name, rung.level, up)
                     for i in range(1, len(levels))
                     for rung, up in ladder.crossed(levels[i - 1], levels[i])]
    for ob in st.obligations:
        whom = world.name_of(ob.beneficiary) if ob.beneficiary else ""
        what = (f"assist {whom} against {world.name_of(ob.against)}" if ob.action == "assist"
                else f"{ob.action} {world.name_of(ob.against)}")
        inst = world.institution.get(ob.institution)
        clause = inst.clause_label(ob.clause) if inst else ob.clause
        aa.duties.append(Duty("obligation", world.name_of(ob.debtor),
                              f"{what} ({world.name_of(ob.institution)} {clause}, "
                              f"{ob.strength.value.replace('_', ' ')})",
                              ob.created, ob.due, ob.status.value))
    for c in st.commitments:
        where = f" (in {world.name_of(c.institution)})" if c.institution else ""
        aa.duties.append(Duty("commitment", world.name_of(c.debtor),
                              f"{c.term.describe(world)}{where}", c.created, c.due,
                              c.status.value))
    for inst, rows in burden_sharing(world, st, attacked_in(log), attackers_in(log)).items():
        aa.burden[world.name_of(inst)] = [
            BurdenLine(world.name_of(r.nation), r.spending, r.contribution_share,
                       r.benefit_share, r.ratio, r.free_rider, r.exempt)
            for r in sorted(rows, key=lambda r: r.ratio)]
    for n, sc in game.scores().items():
        met = tuple(describe(world, o) for o, ok in sc.results if ok)
        missed = tuple(describe(world, o) for o, ok in sc.results if not ok)
        who = players.get(n, "") if players else ""
        if players and not who:
            who = "computer"  # the save names its human players: the rest were computers
        aa.scores.append(ScoreLine(world.name_of(n), who, sc.total, sc.possible,
                                   met, missed, (world.nation[n].credibility,
                                                 st.nations[n].credibility)))
    aa.scores.sort(key=lambda s: (-(s.total / s.possible if s.possible else 0), s.nation))
    drafts = {d.id: d for d in st.drafts}
    for e in log:
        d = drafts.get(e.ref) if e.kind is Kind.DRAFT_DECIDED else None
        if d is not None:
            groups = tuple((VOTE_WORDS[k], tuple(map(world.name_of, who)))
                           for k, who in roll_call(world, st, d).items() if who)
            aa.votes.append(VoteLine(e.round, world.name_of(d.institution),
                                     draft_words(world, d), d.adopted,
                                     with_names(d.reason, world.name_of), groups))
    aa.institutions = [(i.name, i.credibility, st.institutions[i.id].credibility)
                       for i in world.institutions]
    if maps:
        _add_maps(aa, game)
    return aa


def _add_maps(aa: AfterAction, game: Game) -> None:
    from ..map.draw import draw
    from ..map.history import maps_by_round
    from ..map.layout import layout
    from ..map.svg import svg_map

    lay = layout(game.world)
    shown = maps_by_round(game)
    aa.maps = [(label if label in ("Start", "End") else f"After {label.lower()}",
                svg_map(facts, lay, caption=label)) for label, facts in shown]
    for label, facts in (shown[0], shown[-1]) if len(shown) > 1 else shown[:1]:
        blocs: dict[str, list[str]] = {name: [] for name in (*facts.blocs, "no bloc")}
        for sid in lay.order:
            s = facts.states[sid]
            name = facts.blocs[s.bloc] if 0 <= s.bloc < len(facts.blocs) else "no bloc"
            blocs.setdefault(name, []).append(s.name)
        key = ["Blocs: " + "; ".join(f"{b}: {', '.join(n)}" for b, n in blocs.items() if n)]
        # a code block shows text as it is; only a backtick could end it
        lines = [line.rstrip().replace("`", "'") for line in draw(facts, lay, "medium").text()]
        aa.text_maps.append((label, lines + key))


STATUS_WORDS = {Status.KEPT.value: "kept", Status.BROKEN.value: "broken",
                Status.DECLINED.value: "declined", Status.LAPSED.value: "lapsed",
                Status.OPEN.value: "open"}
