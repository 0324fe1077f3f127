"""Checks across a campaign: references, rules that cannot work, impossible numbers.

The shapes (:mod:`.shapes`) check each value alone; this module checks values
against each other: that a member is a state, a veto holder a member, a vote
threshold within the membership, an objective's target of the right kind. Every
problem is reported at its place; checking goes on so all are found at once.
"""

from __future__ import annotations

from ..core.actions import CATALOGUE, Effect, Measure
from ..core.ladder import CEILING_GAP, DEFAULT_LADDER
from ..core.legal import MEASURE_CLAUSE
from .errors import did_you_mean
from .fmt import (BINDS_WORDS, CLAUSE_FIELDS, OBJECTIVE_MEASURE, OBJECTIVE_OPTIONAL,
                  OBJECTIVE_TARGET, OBJECTIVE_THRESHOLD,
                  RULE_OPTIONS)
from .shapes import BAD, Reader

MAGNITUDE = {Effect.READINESS: (1, 2, "1 (raised) or 2 (mobilised)"),
             Effect.SANCTION: (0, 1, "above 0 to 1"), Effect.DEPLOY: (0, 1, "above 0 to 1"),
             Effect.BLOCKADE: (0, 1, "above 0 to 1"), Effect.CYBER: (0, 1, "above 0 to 1"),
             Effect.AID: (0, 5, "above 0 to 5 (% of GDP)"),
             Effect.SPENDING: (0, 5, "above 0 to 5 (points of GDP)")}


def typed(text: str) -> str:
    """A name as players type it: 'Use_of-force ' and 'use of FORCE' are the same."""
    return " ".join(text.replace("_", " ").replace("-", " ").casefold().split())


def an(word: str) -> str:
    return f"an {word}" if word[:1] in "aeiou" else f"a {word}"


def ok(value) -> bool:
    return value is not None and value is not BAD


def items(mapping) -> list:
    """(key, value) pairs of a mapping that read well; nothing if it did not."""
    return [(k, v) for k, v in mapping.items() if ok(v)] if isinstance(mapping, dict) else []


def entries(seq) -> list:
    return [(i, v) for i, v in enumerate(seq) if ok(v)] if isinstance(seq, list) else []


def _rung_name(rung: dict) -> str:
    """A rung's name for a message; its id (or "?") when the name is missing, which
    is reported on its own."""
    name = rung.get("name")
    return name if ok(name) else str(rung.get("id") if ok(rung.get("id")) else "?")


class Checker:
    def __init__(self, r: Reader, data: dict):
        self.r, self.d = r, data
        self.guarantees: set[tuple] = set()  # the inject's adopted conditions, as checked
        self.states = set(data.get("states") or ()) if isinstance(data.get("states"), dict) \
            else set()
        insts = data.get("institutions")
        self.insts = set(insts) if isinstance(insts, dict) else set()
        for _, inst in items(insts):  # members: all -> every state, in the file's order
            if isinstance(inst, dict) and inst.get("members") == "all":
                inst["members"] = list(data["states"]) if self.states else BAD
        self.injects = {inj["id"] for _, inj in entries(data.get("injects"))
                        if isinstance(inj, dict) and ok(inj.get("id"))}

    def err(self, path, message, hint="", key=False):
        self.r.error(self.r.at(path, key), message, hint)

    def ref(self, path, ident, kind="state", key=False) -> bool:
        pool = self.states if kind == "state" else self.insts
        if ident in pool:
            return True
        self.err(path, f"'{ident}' is not {'a state' if kind == 'state' else 'an institution'}"
                 " in this campaign", did_you_mean(ident, pool, f"the {kind}s are"), key)
        return False

    def run(self) -> None:
        d = self.d
        if ok(d.get("format")) and d["format"] != 1:
            self.err(("format",), f"this file is in format {d['format']}; this version of "
                     "wargame reads format 1", "upgrade wargame, or write the file in format 1")
        for sid, s in items(d.get("states")):
            self.state(sid, s)
        self.alike("states", "state")
        self.alike("institutions", "institution")
        start = d.get("start") if isinstance(d.get("start"), dict) else {}
        for i, t in entries(start.get("tensions")):
            self.tension(("start", "tensions", i, "between"), t.get("between"))
        self.start_levels(start)
        for iid, inst in items(d.get("institutions")):
            self.institution(iid, inst)
        if ok(d.get("ladder")):
            self.ladder(d["ladder"])
        if ok(d.get("actions")):
            self.actions(d["actions"])
        seen: dict[str, int] = {}
        for i, inj in entries(d.get("injects")):
            if ok(inj.get("id")):
                if inj["id"] in seen:
                    self.err(("injects", i, "id"), f"two injects are called '{inj['id']}'",
                             f"the first is item {seen[inj['id']] + 1}; rename one")
                seen.setdefault(inj["id"], i)
            for j, c in entries(inj.get("when")):
                self.condition(("injects", i, "when", j), c)
            self.guarantees = {tuple(c[1].get(k) for k in ("institution", "measure", "against"))
                               for _, c in entries(inj.get("when"))
                               if c[0] == "adopted" and isinstance(c[1], dict)}
            for j, e in entries(inj.get("effects")):
                self.effect(("injects", i, "effects", j), e)
            self.guarantees = set()
        for i, end in entries(d.get("end")):
            for j, c in entries(end.get("when")):
                self.condition(("end", i, "when", j), c)
        if ok(d.get("map")):
            self.map(d["map"])

    def map(self, m) -> None:
        """Places name states and no two share a cell; a latitude needs its longitude;
        a border joins two different states."""
        taken: dict[tuple, str] = {}
        for sid, place in items(m.get("states")):
            path = ("map", "states", sid)
            if not self.ref(path, sid, key=True) or not isinstance(place, dict):
                continue
            if ("lat" in place) != ("lon" in place):
                self.err(path, f"'{sid}' has a {'lat' if 'lat' in place else 'lon'} but no "
                         f"{'lon' if 'lat' in place else 'lat'}", "give both, or neither")
            at = (place.get("col"), place.get("row"))
            if not all(ok(v) for v in at) or not all(isinstance(v, int) for v in at):
                continue
            if at in taken:
                self.err(path, f"'{sid}' and '{taken[at]}' are both at col {at[0]}, "
                         f"row {at[1]}", "give each state its own cell", key=True)
            taken.setdefault(at, sid)
        for i, pair in entries(m.get("borders")):
            path = ("map", "borders", i)
            if not isinstance(pair, list):
                continue
            if len(pair) != 2:
                self.err(path, f"a border is between two states, not {len(pair)}",
                         "write e.g. [estonia, russia]")
            for j, s in entries(pair):
                self.ref(path + (j,), s)
            if len(pair) == 2 and ok(pair[0]) and pair[0] == pair[1]:
                self.err(path + (1,), "a border is between two different states")

    def alike(self, section: str, kind: str) -> None:
        """Two states (or institutions) whose names or ids are the same as players type
        them (any case, _ or - for spaces) could not be told apart: ``--as BELMARK``
        would pick one of 'Belmark' and 'BELMARK' at random."""
        owner: dict[str, str] = {}
        for ident, entry in items(self.d.get(section)):
            name = entry.get("name") if isinstance(entry, dict) else None
            for field, text in (("id", ident), ("name", name)):
                if not isinstance(text, str) or not typed(text):
                    continue
                other = owner.setdefault(typed(text), ident)
                if other != ident:
                    path = (section, ident) + (("name",) if field == "name" else ())
                    self.err(path, f"{kind} '{ident}' is called '{text}', which players "
                             f"cannot tell from {kind} '{other}' when they type a name",
                             "give each a name that differs in more than capitals, spaces, "
                             "_ or -", key=field == "id")
                    break

    def tension(self, path, between) -> None:
        if not isinstance(between, list):
            return
        if len(between) != 2:
            self.err(path, f"a tension is between two states, not {len(between)}",
                     "write e.g. between: [russia, estonia]")
        for i, s in entries(between):
            self.ref(path + (i,), s)
        if len(between) == 2 and ok(between[0]) and between[0] == between[1]:
            self.err(path + (1,), "a tension is between two different states")

    # ----------------------------------------------------------------- states
    def state(self, sid, s) -> None:
        base = ("states", sid)
        total = 0.0
        for partner, share in items(s.get("trade")):
            total += share
            if partner == sid:
                self.err(base + ("trade", partner), f"'{sid}' cannot trade with itself",
                         "list only its partners", key=True)
            else:
                self.ref(base + ("trade", partner), partner, key=True)
        if total > 1.0 + 1e-9:
            self.err(base + ("trade",), f"the trade shares of '{sid}' add up to {total:.2f}",
                     "each is a share of the state's total trade: together at most 1")
        for i, o in entries(s.get("objectives")):
            self.objective(sid, base + ("objectives", i), o)

    def objective(self, sid, path, o) -> None:
        kind = o.get("kind")
        if not ok(kind):
            return
        want = OBJECTIVE_TARGET.get(kind)
        target = o.get("target")
        if want and "target" not in o:
            self.err(path, f"{an(kind)} objective needs a target {want}",
                     f"add 'target:' with the {want}'s id")
        elif not want and "target" in o and kind not in OBJECTIVE_OPTIONAL["target"]:
            self.err(path + ("target",), f"{an(kind)} objective takes no target",
                     "remove the target")
        elif ok(target) and "target" in o:
            if self.ref(path + ("target",), target, want or "state") and \
                    kind == "gain_territory" and target == sid:
                self.err(path + ("target",), "a state cannot gain its own territory")
        need = OBJECTIVE_THRESHOLD.get(kind)
        if need and "threshold" not in o:
            self.err(path, f"{an(kind)} objective needs a threshold: {need}",
                     "add 'threshold:' with a number")
        elif not need and "threshold" in o and kind not in OBJECTIVE_OPTIONAL["threshold"]:
            self.err(path + ("threshold",), f"{an(kind)} objective takes no threshold",
                     "remove the threshold")
        elif need and o.get("threshold") == 0 and kind in ("gain_territory", "low_costs"):
            self.err(path + ("threshold",), f"{an(kind)} threshold of 0 cannot be meant",
                     f"it is {need}")
        self.objective_measure(path, kind, o)

    def objective_measure(self, path, kind, o) -> None:
        """measure_adopted names a body and a measure it can decide; others neither."""
        if kind not in OBJECTIVE_MEASURE:
            for k in ("institution", "measure"):
                if k in o:
                    self.err(path + (k,), f"{an(kind)} objective takes no {k}",
                             f"remove the {k}")
            return
        for k in ("institution", "measure"):
            if k not in o:
                self.err(path, f"{an(kind)} objective needs {an(k)}",
                         f"add '{k}:' (which body must adopt which measure)")
        iid, measure = o.get("institution"), o.get("measure")
        if not ok(iid) or not self.ref(path + ("institution",), iid, "institution"):
            return
        inst = self.d["institutions"][iid]
        if ok(measure) and ok(inst):
            self.decidable(path + ("measure",), iid, inst, measure)

    def decidable(self, path, iid, inst, measure) -> None:
        """An error when ``inst`` has no clause that lets it decide on ``measure``."""
        kinds = {c.get("kind") for _, c in entries(inst.get("clauses"))}
        need = MEASURE_CLAUSE.get(Measure(measure))
        if need is not None and need.value not in kinds:
            self.err(path, f"'{iid}' has no {need.value} clause, so it never decides on "
                     f"{measure}", "add the clause, or choose another measure or body")

    # ----------------------------------------------------------- institutions
    def institution(self, iid, inst) -> None:
        base = ("institutions", iid)
        members: list[str] = []
        for i, m in entries(inst.get("members")):
            if m in members:
                self.err(base + ("members", i), f"'{m}' is listed twice as a member of '{iid}'")
            elif self.ref(base + ("members", i), m):
                members.append(m)
        raw = inst.get("members")
        clean = isinstance(raw, list) and len(members) == len(raw)
        if clean and len(members) == 1:
            self.err(base + ("members",), f"'{iid}' has only one member",
                     "an institution needs at least two members")
        rule = inst.get("decides_by")
        if rule == "qualified_majority":
            self.err(base + ("decides_by",), "qualified_majority needs the number of votes",
                     "write: decides_by: {rule: qualified_majority, votes: 9}")
        elif isinstance(rule, dict):
            self.rule(iid, base + ("decides_by",), rule, members, clean)
        kinds: dict[str, str] = {}
        ids: set[str] = set()
        for i, c in entries(inst.get("clauses")):
            self.clause(iid, base + ("clauses", i), c, kinds, ids)
        if "binds" in inst:
            self.binds(iid, base + ("binds",), inst["binds"])
        self.links(iid, base, inst, kinds)

    def links(self, iid, base, inst, kinds) -> None:
        """regional_arrangement and uniting_for_peace name another institution; the
        Council a regional arrangement answers to can authorise force."""
        for key in ("regional_arrangement", "uniting_for_peace"):
            other = inst.get(key)
            if not ok(other):
                continue
            if other == iid:
                self.err(base + (key,), f"'{iid}' cannot name itself in {key}",
                         "name the Security Council, by its id")
            elif self.ref(base + (key,), other, "institution"):
                council = self.d["institutions"].get(other)
                clauses = [c for _, c in entries(council.get("clauses"))] \
                    if isinstance(council, dict) else []
                if key == "regional_arrangement" and "use_of_force_authorisation" in kinds \
                        and not any(c.get("kind") == "use_of_force_authorisation"
                                    for c in clauses):
                    self.err(base + (key,), f"'{iid}' may authorise force only with the "
                             f"authorisation of '{other}', which has no "
                             "use_of_force_authorisation clause (UN Charter Art. 53(1))",
                             f"give '{other}' the clause, or remove '{iid}''s")
    def binds(self, iid, path, spec) -> None:
        """``binds:``: a list of states, an institution id, all or yes_voters."""
        words = "binds takes a list of states, an institution id, all or yes_voters"
        if isinstance(spec, list):
            seen: set[str] = set()
            for i, s in entries(spec):
                if s in seen:
                    self.err(path + (i,), f"'{s}' is listed twice in binds of '{iid}'")
                elif self.ref(path + (i,), s):
                    seen.add(s)
            return
        if not ok(spec) or spec in BINDS_WORDS or spec in self.insts:
            return
        if spec in self.states:
            self.err(path, f"binds of '{iid}' names the state '{spec}' alone",
                     f"{words}: write binds: [{spec}] for one state")
            return
        self.err(path, f"'{spec}' is not an institution in this campaign, nor all or "
                 "yes_voters", did_you_mean(spec, sorted(self.insts) + list(BINDS_WORDS),
                                            "the choices are") or words)

    def rule(self, iid, path, rule, members, clean) -> None:  # noqa: C901
        name = rule.get("rule")
        if not ok(name):
            return
        for option, owners in RULE_OPTIONS.items():
            if option in rule and name not in owners:
                self.err(path + (option,), f"'{option}' applies only to {' and '.join(owners)}"
                         f", not {name}", f"remove '{option}'", key=True)
        if name == "unanimity" and rule.get("constructive_abstention") is True and clean:
            states = self.d.get("states") if isinstance(self.d.get("states"), dict) else {}
            missing = [m for m in members if isinstance(states.get(m), dict)
                       and not states[m].get("population")]
            if missing:
                self.err(path + ("constructive_abstention",), f"constructive abstention in "
                         f"'{iid}' weighs the population, but {', '.join(missing[:5])}"
                         f"{' and others' if len(missing) > 5 else ''} "
                         f"{'has' if len(missing) == 1 else 'have'} none",
                         "give each member 'population:' (millions)", key=True)
        if name != "qualified_majority":
            return
        votes = rule.get("votes")
        if "votes" not in rule:
            self.err(path, "qualified_majority needs 'votes': how many yes votes pass a "
                     "motion", "add e.g. 'votes: 9'")
        elif ok(votes) and clean and votes > len(members):
            self.err(path + ("votes",), f"{votes} votes are required but '{iid}' has only "
                     f"{len(members)} members", "lower 'votes' or add members")
        seen: set[str] = set()
        for i, v in entries(rule.get("veto")):
            if v in seen:
                self.err(path + ("veto", i), f"'{v}' holds the veto twice")
            elif v not in members:
                self.err(path + ("veto", i), f"veto holder '{v}' is not a member of '{iid}'",
                         "a veto holder must be listed in members")
            seen.add(v)

    def clause(self, iid, path, c, kinds, ids) -> None:
        kind, cid = c.get("kind"), c.get("id")
        if ok(cid):
            if cid in ids:
                self.err(path + ("id",), f"'{iid}' has two clauses called '{cid}'")
            ids.add(cid)
        if not ok(kind):
            return
        if kind in kinds:
            self.err(path + ("kind",), f"'{iid}' has two {kind} clauses ('{kinds[kind]}' and "
                     f"'{cid}')", "an institution has at most one clause of each kind")
        kinds.setdefault(kind, cid if ok(cid) else "?")
        for key, owners in CLAUSE_FIELDS.items():
            if key in c and kind not in owners:
                self.err(path + (key,), f"'{key}' applies only to {' and '.join(owners)} "
                         f"clauses, not {kind}", f"remove '{key}'", key=True)
        if kind == "collective_defence" and "strength" not in c:
            self.err(path, "a collective_defence clause needs a strength",
                     "add 'strength:' automatic, as_it_deems_necessary (NATO Art. 5) or "
                     "constitutional_processes (ANZUS Art. IV)")

    def start_levels(self, start) -> None:
        """The crisis cannot start above the ceiling of conventional escalation."""
        top, rung = self.ceiling()
        if rung is None:
            return
        hint = (f"'{_rung_name(rung)}' ({rung['level']:g}) requires the event "
                f"{rung['requires']}: conventional escalation stops at {top:g}")
        level = start.get("escalation")
        if ok(level) and level > top:
            self.err(("start", "escalation"), f"the crisis cannot start at {level:g}, above "
                     f"{top:g}", hint)
        for i, t in entries(start.get("tensions")):
            if ok(t.get("level")) and t["level"] > top:
                self.err(("start", "tensions", i, "level"), f"a tension cannot start at "
                         f"{t['level']:g}, above {top:g}", hint)

    def rungs(self) -> list:
        """The ladder's rungs as read (the default ladder's when the file has none)."""
        lad = self.d.get("ladder")
        if isinstance(lad, dict) and "rungs" in lad:
            return [r for _, r in entries(lad.get("rungs")) if ok(r.get("level"))]
        return [{"level": r.level, "id": r.id, "name": r.name, "requires": r.requires}
                for r in DEFAULT_LADDER.rungs if r.requires] + \
            [{"level": r.level, "id": r.id, "name": r.name} for r in DEFAULT_LADDER.rungs
             if not r.requires]

    def ceiling(self):
        """(the ceiling of conventional escalation, the lowest rung requiring an
        event), or (100, None) when no rung requires one (``Ladder.ceiling``)."""
        needing = sorted((r for r in self.rungs() if ok(r.get("requires"))),
                         key=lambda r: r["level"])
        if not needing:
            return 100.0, None
        return max(0.0, needing[0]["level"] - CEILING_GAP), needing[0]

    # --------------------------------------------------------------- ladder
    def ladder(self, lad) -> None:
        rungs = entries(lad.get("rungs"))
        ids: set[str] = set()
        last = None
        for i, rung in rungs:
            level = rung.get("level")
            if ok(rung.get("id")):
                if rung["id"] in ids:
                    self.err(("ladder", "rungs", i, "id"), f"two rungs are called '{rung['id']}'")
                ids.add(rung["id"])
            if not ok(level):
                continue
            if last is None and i == 0 and level != 0:
                self.err(("ladder", "rungs", i, "level"), "the first rung must be at level 0")
            elif last is not None and level <= last:
                self.err(("ladder", "rungs", i, "level"), f"rung levels must rise: {level:g} "
                         f"comes after {last:g}", "order the rungs from 0 upwards")
            last = level
        marks = [(k, lad.get(k) if ok(lad.get(k)) else getattr(DEFAULT_LADDER, k))
                 for k in ("tension", "incident", "armed_attack", "war")]
        for (a, va), (b, vb) in zip(marks, marks[1:]):
            if va > vb:
                where = ("ladder", b) if b in lad else ("ladder", a)
                self.err(where, f"the ladder's {b} mark ({vb:g}) is below its {a} mark "
                         f"({va:g})", "marks rise: tension <= incident <= armed_attack <= war")
        self.requirements(lad, rungs, marks[-1][1])

    def requirements(self, lad, rungs, war) -> None:
        """Rungs that require an event: each event once, and everything conventional
        acts must reach (the rungs below, the war mark) at or under the ceiling."""
        seen: dict[str, int] = {}
        for i, rung in rungs:
            event = rung.get("requires")
            if not ok(event):
                continue
            if event in seen:
                self.err(("ladder", "rungs", i, "requires"), f"two rungs require the event "
                         f"'{event}'", f"the first is item {seen[event] + 1}; keep one")
            seen.setdefault(event, i)
        top, first = self.ceiling()
        if first is None:
            return
        name = f"'{_rung_name(first)}' ({first['level']:g}) requires the event " \
            f"{first['requires']}"
        for i, rung in rungs:
            level = rung.get("level")
            if ok(level) and not ok(rung.get("requires")) and top < level < first["level"]:
                self.err(("ladder", "rungs", i, "level"), f"rung '{rung.get('id')}' "
                         f"({level:g}) can never be reached", f"{name}, so conventional acts "
                         f"stop at {top:g}: lower this rung to {top:g} or less")
        if first["level"] == 0:
            self.err(("ladder", "rungs", 0, "requires"), "the first rung cannot require "
                     "an event", "the crisis starts on it")
        elif war > top:
            self.err(("ladder", "war") if "war" in lad else ("ladder",),
                     f"the war mark ({war:g}) lies above {top:g}, where conventional acts "
                     "stop, so no war could ever become general",
                     f"{name}: set war: {top:g} (or lower)")

    # -------------------------------------------------------------- actions
    def actions(self, acts) -> None:
        disabled: list[str] = []
        added = acts.get("add") if isinstance(acts.get("add"), dict) else {}
        for i, a in entries(acts.get("disable")):
            if a in disabled:
                self.err(("actions", "disable", i), f"'{a}' is disabled twice")
            elif a not in CATALOGUE:
                self.err(("actions", "disable", i), f"there is no action '{a}' to disable",
                         did_you_mean(a, CATALOGUE, "the actions are"))
            disabled.append(a)
        for aid, t in items(acts.get("retune")):
            path = ("actions", "retune", aid)
            if aid not in CATALOGUE:
                self.err(path, f"there is no action '{aid}' to retune",
                         did_you_mean(aid, list(CATALOGUE) + list(added), "the actions are"),
                         key=True)
                continue
            self.magnitude(path, CATALOGUE[aid], t)
        for aid, v in items(added):
            path = ("actions", "add", aid)
            if aid in CATALOGUE:
                self.err(path, f"'{aid}' is already an action", "retune it, or give the new "
                         "action another id", key=True)
            like = v.get("like")
            if not ok(like):
                continue
            if like not in CATALOGUE:
                self.err(path + ("like",), f"'{like}' is not an action of the catalogue",
                         did_you_mean(like, CATALOGUE, "the actions are"))
                continue
            self.magnitude(path, CATALOGUE[like], v)
        if len(set(disabled) & set(CATALOGUE)) == len(CATALOGUE) and not added:
            self.err(("actions", "disable"), "every action is disabled",
                     "the states need something to do")

    def magnitude(self, path, base, t) -> None:
        if "magnitude" not in t or not ok(t["magnitude"]):
            return
        m = t["magnitude"]
        rule = MAGNITUDE.get(base.effect)
        if rule is None:
            self.err(path + ("magnitude",), f"magnitude means nothing for {base.effect.value} "
                     f"actions like '{base.id}'", "remove it")
            return
        lo, hi, words = rule
        bad = m not in (1, 2) if base.effect is Effect.READINESS else not lo < m <= hi
        if bad:
            self.err(path + ("magnitude",), f"a {base.effect.value} magnitude must be {words}, "
                     f"not {m:g}")

    # ------------------------------------------------------ injects and ends
    def condition(self, path, cond) -> None:
        test, value = cond
        if test in ("under_attack", "sanctioned"):
            self.ref(path + (test,), value)
        elif test in ("fired", "not_fired") and ok(value) and value not in self.injects:
            self.err(path + (test,), f"'{value}' is not an inject in this campaign",
                     did_you_mean(value, self.injects, "the injects are")
                     or "give the id of an inject listed under injects")
        elif test in ("territory_below", "territory_at_least", "support_below") and \
                ok(value.get("state")):
            self.ref(path + (test, "state"), value["state"])
        elif test == "adopted":
            if ok(value.get("against")):
                self.ref(path + (test, "against"), value["against"])
            iid = value.get("institution")
            if ok(iid) and self.ref(path + (test, "institution"), iid, "institution"):
                inst, measure = self.d["institutions"][iid], value.get("measure")
                if ok(inst) and ok(measure):
                    self.decidable(path + (test, "measure"), iid, inst, measure)
        elif test == "at_war":
            if isinstance(value, str):
                self.ref(path + (test,), value)
                return
            for k in ("state", "with"):
                if ok(value.get(k)):
                    self.ref(path + (test, k), value[k])
        elif test == "not" and ok(value):
            self.condition(path + (test,), value)
        elif test == "member_of":
            if ok(value.get("state")):
                self.ref(path + (test, "state"), value["state"])
            if ok(value.get("institution")):
                self.ref(path + (test, "institution"), value["institution"], "institution")

    def effect(self, path, eff) -> None:
        kind, v = eff
        p = path + (kind,)
        if kind == "news" and isinstance(v, dict) and ok(v.get("to")):
            self.ref(p + ("to",), v["to"])
        elif kind == "adjust" and ok(v.get("state")):
            self.ref(p + ("state",), v["state"])
        elif kind == "incident":
            for k in ("by", "against"):
                if ok(v.get(k)):
                    self.ref(p + (k,), v[k])
            if ok(v.get("by")) and v.get("by") == v.get("against"):
                self.err(p + ("against",), "an incident needs two different states")
        elif kind == "table_draft":
            self.draft(p, v)
        elif kind in ("join", "leave", "give_notice"):
            sid, iid = v.get("state"), v.get("institution")
            if ok(sid):
                self.ref(p + ("state",), sid)
            if ok(iid) and self.ref(p + ("institution",), iid, "institution"):
                inst = self.d["institutions"][iid]
                if kind == "give_notice" and isinstance(inst, dict) and \
                        not inst.get("withdrawal_notice_days"):
                    self.err(p + ("institution",), f"'{iid}' provides for no withdrawal, so "
                             "no member can give notice", f"give '{iid}' "
                             "withdrawal_notice_days (the Covenant's Art. 1(3): 730), or "
                             "use leave")
        elif kind == "refuse_recognition":
            by, occupier = v.get("by"), v.get("occupier")
            if ok(occupier):
                self.ref(p + ("occupier",), occupier)
            if ok(by) and by not in self.insts:
                self.ref(p + ("by",), by)
            if ok(by) and by == occupier:
                self.err(p + ("by",), "a state cannot refuse to recognise its own conquests")
        elif kind in ("boycott", "return"):
            sid, iid = v.get("state"), v.get("institution")
            if ok(sid) and self.ref(p + ("state",), sid) and ok(iid) and \
                    self.ref(p + ("institution",), iid, "institution"):
                inst = self.d["institutions"][iid]
                members = [m for _, m in entries(inst.get("members"))] \
                    if isinstance(inst, dict) and isinstance(inst.get("members"), list) \
                    else None  # 'members: all' has every state
                if members is not None and sid not in members:
                    self.err(p + ("state",), f"'{sid}' is not a member of '{iid}', so it "
                             f"cannot {kind} {'it' if kind == 'boycott' else 'to it'}")
        elif kind in ("request_assistance", "deploy"):
            other = "from" if kind == "request_assistance" else "to"
            if ok(v.get("by")):
                self.ref(p + ("by",), v["by"])
            asked = v.get(other)
            for i, t in ([(None, asked)] if isinstance(asked, str) else entries(asked)):
                where = p + (other,) + ((i,) if i is not None else ())
                if ok(t) and self.ref(where, t) and t == v.get("by"):
                    self.err(where, "a state cannot " + ("ask itself for help" if other ==
                                                         "from" else "deploy to itself"))

    def draft(self, p, v) -> None:
        by, iid, target, measure = (v.get(k) for k in ("by", "institution", "target", "measure"))
        if ok(target):
            self.ref(p + ("target",), target)
        if not ok(iid) or not self.ref(p + ("institution",), iid, "institution"):
            return
        inst = self.d["institutions"][iid]
        if not ok(inst):
            return
        members = [m for _, m in entries(inst.get("members"))]
        if ok(by) and self.ref(p + ("by",), by) and by not in members:
            self.err(p + ("by",), f"'{by}' is not a member of '{iid}' and cannot table a "
                     "draft there", f"the members are: {', '.join(members)}")
        if not ok(measure):
            return
        kinds = {c.get("kind"): c for _, c in entries(inst.get("clauses"))}
        need = MEASURE_CLAUSE.get(Measure(measure))
        if need is not None and need.value not in kinds:
            self.err(p + ("measure",), f"'{iid}' has no {need.value} clause, so it cannot "
                     f"decide on {measure}", "add the clause, or choose another measure")
        elif measure in ("suspend", "expel") and ok(target) and target not in members:
            self.err(p + ("target",), f"'{target}' is not a member of '{iid}', so it cannot "
                     f"be {'suspended' if measure == 'suspend' else 'expelled'}")
        elif measure == "refer":
            self.err(p + ("measure",), "a referral under Uniting for Peace needs a veto "
                     "first, so an inject cannot table it", "players may table it once a "
                     "draft has been vetoed")
        elif measure in ("sanctions", "use_of_force", "peacekeeping") and \
                ok(inst.get("uniting_for_peace")) and \
                (inst["uniting_for_peace"], "refer", target) not in self.guarantees:
            self.err(p + ("measure",), f"'{iid}' may recommend {measure.replace('_', ' ')} "
                     "only on a matter the Council has referred to it, so an inject can "
                     "table it only after the referral",
                     f"add the condition {{adopted: {{institution: "
                     f"{inst['uniting_for_peace']}, measure: refer, against: {target}}}}} to "
                     "the inject's when, or table a condemnation instead")
        elif measure == "use_of_force" and ok(inst.get("regional_arrangement")) and \
                (inst["regional_arrangement"], "use_of_force", target) not in self.guarantees:
            self.err(p + ("measure",), f"'{iid}' is a regional arrangement: it may authorise "
                     "force only after the Council has (UN Charter Art. 53(1)), so an inject "
                     "can table it only after the Council's authorisation",
                     f"add the condition {{adopted: {{institution: "
                     f"{inst['regional_arrangement']}, measure: use_of_force, against: "
                     f"{target}}}}} to the inject's when, or table the draft in the Council")
        elif need is not None and kinds[need.value].get("requires") == "sanctions_tried" \
                and (iid, "sanctions", target) not in self.guarantees:
            self.err(p + ("measure",), f"'{iid}' may authorise force only after sanctions, "
                     "so an inject can table it only once they are adopted",
                     f"add the condition {{adopted: {{institution: {iid}, measure: sanctions, "
                     f"against: {target}}}}} to the inject's when, or table sanctions instead")
