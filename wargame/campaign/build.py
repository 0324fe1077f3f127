"""Turn a checked campaign (plain data read by :mod:`.fmt`) into core objects.

Runs only on data without errors, so it may assume every reference resolves.
Each campaign feature maps onto one core type: states onto :class:`Nation`
(personality, private briefing and all), institutions onto :class:`Institution`,
the ladder onto :class:`Ladder`, action overrides onto ``World.actions`` (the
catalogue with ``dataclasses.replace``), injects and end conditions onto
:class:`Inject` and :class:`EndCondition`.
"""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType

from ..core.actions import CATALOGUE, ActionSpec
from ..core.injects import Change, Condition, EndCondition, Inject, Test
from ..core.injects import Effect as InjectEffect
from ..core.ladder import DEFAULT_LADDER, Ladder, Rung
from ..core.model import (Binds, BindsKind, Clause, ClauseKind, DeclineCost, Institution,
                          MapSpec, Nation, Objective, ObjectiveKind, Personality, Scope,
                          Stance, Strength, World)
from ..core.rules import (RULES, DecisionRule, Fraction, PartiesRule, QualifiedMajority,
                          SimpleMajority, Unanimity)


def nation(sid: str, s: dict) -> Nation:
    p = s.get("personality", {})
    st = s.get("stance", {})
    base = Personality()
    return Nation(
        id=sid, name=s["name"], region=s["region"], military=float(s["military"]),
        economy=float(s["economy"]), defence_spending=float(s["defence_spending"]),
        support=float(s.get("support", 60.0)), resolve=float(s.get("resolve", 50.0)),
        nuclear=s.get("nuclear", False), credibility=float(s.get("credibility", 60.0)),
        trade=MappingProxyType({k: float(v) for k, v in s.get("trade", {}).items()}),
        objectives=tuple(
            Objective(ObjectiveKind(o["kind"]), o["points"], o.get("target", ""),
                      float(o.get("threshold", 0.0)), o.get("text", ""),
                      o.get("institution", ""), o.get("measure", ""))
            for o in s.get("objectives", ())),
        personality=Personality(**{k: float(p.get(k, getattr(base, k)))
                                   for k in base.__dataclass_fields__ if k != "stance"},
                                stance=Stance(**{k: float(st.get(k, getattr(Stance(), k)))
                                                 for k in Stance.__dataclass_fields__})),
        briefing=s.get("briefing", "").strip(),
        population=float(s.get("population", 0.0)),
    )


def rule(spec, parties: str, population: dict | None = None) -> DecisionRule:
    party = PartiesRule(parties)
    if isinstance(spec, str):
        return RULES[spec](parties=party)
    name = spec["rule"]
    if name == "qualified_majority":
        return QualifiedMajority(parties=party, required=spec["votes"],
                                 veto=tuple(spec.get("veto", ())))
    if name == "unanimity":
        constructive = spec.get("constructive_abstention", False)
        return Unanimity(parties=party, abstention_blocks=spec.get("abstention_blocks", False),
                         constructive=constructive,
                         population=tuple(sorted((population or {}).items()))
                         if constructive else ())
    if name == "simple_majority":
        return SimpleMajority(parties=party, of_members=spec.get("of_members", False))
    if name == "fraction":
        return Fraction(parties=party, share=tuple(spec.get("share", (2, 3))),
                        of=spec.get("of", "voting"))
    return RULES[name](parties=party)


def clause(c: dict) -> Clause:
    d = c.get("decline_costs", {})
    base = DeclineCost()
    return Clause(
        id=c["id"], kind=ClauseKind(c["kind"]), title=c.get("title", ""),
        strength=Strength(c.get("strength", Strength.AS_IT_DEEMS_NECESSARY.value)),
        binding=c.get("binding", True),
        requires_sanctions_tried=c.get("requires") == "sanctions_tried",
        authorising=c.get("authorises", True),
        min_contribution=float(c.get("min_contribution", Clause.min_contribution)),
        decline_costs=DeclineCost(**{k: float(d.get(k, getattr(base, k)))
                                     for k in base.__dataclass_fields__}),
        ipso_facto=c.get("ipso_facto", False),
        on_request=c.get("on_request", False),
    )


def institution(iid: str, inst: dict, states: dict | None = None) -> Institution:
    scope = inst.get("scope")
    people = {m: float((states or {}).get(m, {}).get("population", 0.0))
              for m in inst["members"]}
    return Institution(
        id=iid, name=inst["name"], members=tuple(inst["members"]),
        rule=rule(inst["decides_by"], inst.get("parties_to_dispute", "vote"), people),
        clauses=tuple(clause(c) for c in inst.get("clauses", ())),
        scope=Scope(tuple(scope["regions"])) if scope else Scope(),
        credibility=float(inst.get("credibility", 60.0)),
        binds=binds(inst.get("binds")),
        regional_of=inst.get("regional_arrangement", ""),
        refers_from=inst.get("uniting_for_peace", ""),
        moratorium_days=inst.get("moratorium_days", 0),
        withdrawal_notice_days=inst.get("withdrawal_notice_days", 0),
    )


def binds(spec) -> Binds:
    """``binds:`` as the core's :class:`Binds` (see the field's documentation)."""
    if spec is None:
        return Binds()
    if isinstance(spec, list):
        return Binds(BindsKind.STATES, tuple(spec))
    if spec in (BindsKind.ALL.value, BindsKind.YES_VOTERS.value):
        return Binds(BindsKind(spec))
    return Binds(BindsKind.INSTITUTION, (spec,))


def ladder(lad: dict | None) -> Ladder:
    if not lad:
        return DEFAULT_LADDER
    rungs = tuple(Rung(float(r["level"]), r["id"], r["name"], r.get("requires", ""))
                  for r in lad["rungs"]) if "rungs" in lad else DEFAULT_LADDER.rungs
    marks = {k: float(lad.get(k, getattr(DEFAULT_LADDER, k)))
             for k in ("tension", "incident", "armed_attack", "war", "decay")}
    return Ladder(rungs=rungs, **marks)


_NUMBERS = ("escalation", "magnitude", "cost_economy", "cost_support")


def _tuned(spec: ActionSpec, t: dict, **extra) -> ActionSpec:
    changes = {k: t[k] for k in ("name", "description", "category") if k in t}
    changes.update({k: float(t[k]) for k in _NUMBERS if k in t})
    if "stages" in t:
        changes["stages"] = frozenset(t["stages"])
    return replace(spec, **changes, **extra)


def actions(acts: dict | None):
    if not acts:
        return CATALOGUE
    out = dict(CATALOGUE)
    for aid, t in acts.get("retune", {}).items():
        out[aid] = _tuned(out[aid], t)
    for aid in acts.get("disable", ()):
        out.pop(aid, None)
    for aid, v in acts.get("add", {}).items():
        out[aid] = _tuned(CATALOGUE[v["like"]], v, id=aid)
    return MappingProxyType(out)


def condition(c: tuple, members: dict | None = None) -> Condition:
    """A condition; ``members``: each institution's members at the start (by id)."""
    test, v = c
    t = Test(test)
    if t is Test.STAGE_IS:
        return Condition(t, stage=v)
    if t in (Test.UNDER_ATTACK, Test.SANCTIONED):
        return Condition(t, state=v)
    if t in (Test.FIRED, Test.NOT_FIRED):
        return Condition(t, inject=v)
    if t in (Test.TERRITORY_BELOW, Test.TERRITORY_AT_LEAST, Test.SUPPORT_BELOW):
        return Condition(t, state=v["state"], value=float(v["value"]))
    if t is Test.ADOPTED:
        return Condition(t, institution=v["institution"], measure=v.get("measure", ""),
                         target=v.get("against", ""))
    if t is Test.AT_WAR:
        if isinstance(v, str):
            return Condition(t, state=v)
        return Condition(t, state=v["state"], target=v.get("with", ""), role=v.get("as", ""))
    if t is Test.NOT:
        return Condition(t, inner=condition(v, members))
    if t is Test.MEMBER_OF:  # value 1: a member from the start
        return Condition(t, state=v["state"], institution=v["institution"],
                         value=1.0 if v["state"] in (members or {}).get(v["institution"], ())
                         else 0.0)
    return Condition(t, value=float(v))


def effect(e: tuple) -> InjectEffect:
    kind, v = e
    if kind == "news":
        if isinstance(v, str):
            return InjectEffect(Change.NEWS, text=v.strip())
        return InjectEffect(Change.NEWS, text=v["text"].strip(), state=v.get("to", ""),
                            private="to" in v)
    if kind == "adjust":
        return InjectEffect(Change.ADJUST, state=v["state"], field=v["field"],
                            value=float(v["by"]), text=v.get("text", "").strip())
    if kind == "incident":
        return InjectEffect(Change.INCIDENT, state=v["by"], target=v["against"],
                            value=float(v["tension"]), text=v.get("text", "").strip())
    if kind == "request_assistance":
        asked = (v["from"],) if isinstance(v["from"], str) else tuple(v["from"])
        return InjectEffect(Change.REQUEST_ASSISTANCE, state=v["by"], targets=asked,
                            text=v.get("text", "").strip())
    if kind == "refuse_recognition":
        return InjectEffect(Change.REFUSE_RECOGNITION, state=v["by"], target=v["occupier"],
                            text=v.get("text", "").strip())
    if kind in ("boycott", "return", "join", "leave", "give_notice"):
        return InjectEffect(Change(kind), state=v["state"], institution=v["institution"],
                            text=v.get("text", "").strip())
    if kind == "deploy":
        return InjectEffect(Change.DEPLOY, state=v["by"], target=v["to"],
                            value=float(v["share"]), text=v.get("text", "").strip())
    return InjectEffect(Change.TABLE_DRAFT, state=v["by"], institution=v["institution"],
                        measure=v["measure"], target=v["target"],
                        text=v.get("text", "").strip())


def inject(i: dict, members: dict | None = None) -> Inject:
    return Inject(id=i["id"], effects=tuple(effect(e) for e in i["effects"]),
                  round=i.get("round", 0),
                  when=tuple(condition(c, members) for c in i.get("when", ())),
                  probability=float(i.get("probability", 1.0)), repeat=i.get("repeat", False),
                  teaching=i.get("teaching", False))


def end(e: dict, members: dict | None = None) -> EndCondition:
    return EndCondition(when=tuple(condition(c, members) for c in e["when"]),
                        outcome=e["outcome"],
                        text=e.get("text", "").strip())


def world(d: dict) -> World:
    start = d.get("start", {})
    members = {k: v["members"] for k, v in d.get("institutions", {}).items()}
    return World(
        title=d["title"],
        nations=tuple(nation(k, v) for k, v in d["states"].items()),
        institutions=tuple(institution(k, v, d["states"])
                           for k, v in d.get("institutions", {}).items()),
        ladder=ladder(d.get("ladder")),
        actions=actions(d.get("actions")),
        rounds_limit=d.get("rounds", 12),
        start_stage=start.get("stage", "tension"),
        start_escalation=float(start.get("escalation", 0.0)),
        start_tensions=tuple((t["between"][0], t["between"][1], float(t["level"]))
                             for t in start.get("tensions", ())),
        orders_per_round=d.get("orders_per_round", 3),
        briefing=d["briefing"].strip(),
        injects=tuple(inject(i, members) for i in d.get("injects", ())),
        end_conditions=tuple(end(e, members) for e in d.get("end", ())),
        days_per_round=float(d.get("days_per_round", 30)),
        map=map_spec(d.get("map")),
    )


def map_spec(m: dict | None) -> MapSpec:
    """The ``map`` section as the core's :class:`MapSpec` (places, coordinates, borders)."""
    if not m:
        return MapSpec()
    states = m.get("states", {})
    return MapSpec(
        places=MappingProxyType({k: (int(v["col"]), int(v["row"])) for k, v in states.items()}),
        coords=MappingProxyType({k: (float(v["lat"]), float(v["lon"]))
                                 for k, v in states.items() if "lat" in v and "lon" in v}),
        borders=tuple((b[0], b[1]) for b in m.get("borders", ())))

