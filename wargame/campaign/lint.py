"""Warnings: things a campaign may legally say but probably does not mean.

Runs on a campaign that loaded without errors, with both the data (for
positions) and the built :class:`World` (for the rules as the engine sees them).
"""

from __future__ import annotations

from ..core.actions import Effect
from ..core.injects import Condition, Test
from ..core.model import ClauseKind, World
from ..core.rules import Consensus, PartiesRule, Unanimity
from .shapes import Reader

WARNINGS = {
    "no_objectives": "a state has no objectives",
    "unusable_clause": "a clause can never be used",
    "inject_never_fires": "an inject can never fire",
    "end_never_holds": "an end condition can never hold",
    "retuned_and_disabled": "an action is retuned but also disabled",
    "region_used_once": "a region is used by one state only and looks like a typo",
    "scope_region_unused": "no state lies in a scope region that looks like a typo",
}
"""Every warning by name: a campaign silences one with ``quiet: [name, ...]``."""

DRAFTED = {ClauseKind.SANCTIONS: "sanctions", ClauseKind.USE_OF_FORCE: "use_of_force",
           ClauseKind.PEACEKEEPING: "peacekeeping", ClauseKind.SUSPENSION: "suspend"}


def never(conds: tuple[Condition, ...], rounds: int, round_: int = 0) -> str:
    """Why these conditions can never all hold in a game of ``rounds`` rounds, or ''."""
    at_least, below = 0.0, 101.0
    for c in conds:
        t, v = c.test, c.value
        if t is Test.ROUND_AT_LEAST and v > (round_ or rounds):
            return f"round_at_least {v:g} comes after round {round_ or rounds}"
        if t is Test.QUIET_ROUNDS_AT_LEAST and v > (round_ or rounds):
            return f"{v:g} quiet rounds cannot happen by round {round_ or rounds}"
        if t in (Test.TERRITORY_BELOW, Test.SUPPORT_BELOW, Test.ESCALATION_BELOW) and v <= 0:
            return f"nothing is below {v:g}"
        if t is Test.ESCALATION_AT_LEAST:
            at_least = max(at_least, v)
        if t is Test.ESCALATION_BELOW:
            below = min(below, v)
    if at_least > 100:
        return "escalation never exceeds 100"
    if at_least >= below:
        return f"escalation cannot be at least {at_least:g} and below {below:g} at once"
    stages = {c.stage for c in conds if c.test is Test.STAGE_IS}
    if len(stages) > 1:
        return f"the crisis cannot be at {' and '.join(sorted(stages))} at once"
    fired = {c.inject for c in conds if c.test is Test.FIRED}
    both = sorted(fired & {c.inject for c in conds if c.test is Test.NOT_FIRED})
    if both:
        return f"inject '{both[0]}' cannot have fired and not fired at once"
    return ""


def distance(a: str, b: str) -> int:
    """Edits (insert, delete, change, swap two neighbours) turning ``a`` into ``b``."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def typo_of(word: str, known) -> str:
    """A known word that ``word`` is probably a misspelling of, or ''."""
    limit = min(2, len(word) // 4)
    near = [k for k in known if k != word and distance(word, k) <= limit]
    return min(near, key=lambda k: (distance(word, k), k)) if near else ""


class Linter:
    def __init__(self, r: Reader, data: dict, world: World):
        self.r, self.d, self.w = r, data, world
        self.effects = {a.effect for a in world.actions.values()}
        quiet = data.get("quiet")
        self.quiet = set(quiet) if isinstance(quiet, list) else set()

    def warn(self, name, path, message, hint="", key=False):
        assert name in WARNINGS, name
        if name in self.quiet:
            return
        self.r.warn(self.r.at(path, key), message, hint, name)

    def run(self) -> None:
        w = self.w
        for n in w.nations:
            if not n.objectives:
                self.warn("no_objectives", ("states", n.id), f"'{n.id}' has no objectives",
                          "its player can score nothing; add at least one objective", key=True)
        self.regions()
        tabled = {(e.institution, e.measure) for i in w.injects for e in i.effects if e.institution}
        for inst in w.institutions:
            for i, c in enumerate(inst.clauses):
                why = self.untriggerable(inst, c, tabled)
                if why:
                    self.warn("unusable_clause", ("institutions", inst.id, "clauses", i),
                              f"clause '{c.id}' of '{inst.id}' can never be used: {why}")
        for i, inj in enumerate(w.injects):
            why = never(inj.when, w.rounds_limit, inj.round)
            if inj.round > w.rounds_limit:
                why = f"round {inj.round} comes after the last round ({w.rounds_limit})"
            elif inj.probability <= 0:
                why = "its probability is 0"
            elif any(c.test is Test.FIRED and c.inject == inj.id for c in inj.when):
                why = "it waits until it has fired itself (fired: its own id)"
            if why:
                self.warn("inject_never_fires", ("injects", i), f"inject '{inj.id}' can never fire: {why}")
        for i, e in enumerate(w.end_conditions):
            why = never(e.when, w.rounds_limit)
            if why:
                self.warn("end_never_holds", ("end", i), f"this end condition can never hold: {why}")
        acts = self.d.get("actions") or {}
        for aid in acts.get("retune", {}):
            if aid in acts.get("disable", ()):
                self.warn("retuned_and_disabled", ("actions", "retune", aid), f"'{aid}' is retuned but also disabled",
                          "remove one of the two", key=True)

    def untriggerable(self, inst, c, tabled) -> str:
        regions = {self.w.nation[m].region for m in inst.members}
        if c.kind is ClauseKind.CONSULTATION and Effect.CONSULT not in self.effects:
            return "no action requests consultation (request_consultation is disabled)"
        if c.kind is ClauseKind.COLLECTIVE_DEFENCE:
            if not self.effects & {Effect.STRIKE, Effect.INVADE}:
                return "no action is an armed attack (strikes and invasions are disabled)"
            if not any(inst.scope.covers(r) for r in regions):
                return "no member lies inside its scope"
        kind = DRAFTED.get(c.kind)
        if kind and Effect.TABLE not in self.effects and (inst.id, kind) not in tabled:
            return "nobody can table a draft (table_resolution is disabled and no inject " \
                   "tables one)"
        if c.kind is ClauseKind.USE_OF_FORCE and c.requires_sanctions_tried \
                and not inst.has(ClauseKind.SANCTIONS):
            return "it requires sanctions first, but the institution has no sanctions clause"
        if c.kind is ClauseKind.SUSPENSION and isinstance(inst.rule, (Consensus, Unanimity)) \
                and inst.rule.parties is not PartiesRule.ABSTAIN:
            return "the state to be suspended can block it (use consensus_minus_one, or " \
                   "parties_to_dispute: abstain)"
        return ""

    def regions(self) -> None:
        used: dict[str, list[str]] = {}
        for n in self.w.nations:
            used.setdefault(n.region, []).append(n.id)
        common = [r for r, states in used.items() if len(states) > 1]
        for region, states in used.items():
            close = typo_of(region, common) if len(states) == 1 else ""
            if close:
                self.warn("region_used_once", ("states", states[0], "region"),
                          f"region '{region}' is used by '{states[0]}' only",
                          f"did you mean '{close}'?")
        for inst in self.w.institutions:
            for i, region in enumerate(inst.scope.regions):
                close = "" if region in used else typo_of(region, used)
                if close:
                    self.warn("scope_region_unused",
                              ("institutions", inst.id, "scope", "regions", i),
                              f"no state lies in scope region '{region}'",
                              f"did you mean '{close}'?")
