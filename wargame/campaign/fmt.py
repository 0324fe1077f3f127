"""Campaign file format v1: every key a campaign file may hold, with its shape.

This table is the one source of truth: the loader reads files with it and
:mod:`.schema` turns it into the JSON Schema at ``campaigns/schema/``. The
documentation strings become the hover texts in an instructor's editor.
"""

from __future__ import annotations

from ..core.actions import Measure
from ..core.injects import ADJUSTABLE, Test
from ..core.ladder import CEILING_GAP, EVENTS
from ..core.model import ClauseKind, ObjectiveKind, Strength
from ..core.rules import RULES, PartiesRule
from .lint import WARNINGS
from .shapes import (Bool, Either, Enum, Field as F, Id, IdMap, List, ListOrAll, Num, Obj,
                     OneKey, Ratio, Text)

FORMAT = 1
STAGES = ("peace", "tension", "incident", "consultation", "sanctions", "collective_response",
          "armed_conflict", "settlement")
"""Crisis stages a game may start in and actions may be allowed in (not the ends)."""
OUTCOMES = ("resolved", "settled", "frozen", "war")
POLICIES = ("default", "random", "passive")
"""Computer policies a campaign may name (wargame.ai.registry.BUILTIN; a test keeps
them equal). Policies from other packages are chosen on the command line."""

# Rules that depend on a "kind": the checker enforces them, the schema states them.
OBJECTIVE_TARGET = {"alliance_credible": "institution", "alliance_discredited": "institution",
                    "aggressor_withdraws": "state",
                    "gain_territory": "state", "target_sanctioned": "state",
                    "protect_territory": "state"}
OBJECTIVE_OPTIONAL = {"threshold": ("protect_territory",), "target": ("measure_adopted",)}
"""Kinds that may give these keys without needing them."""
OBJECTIVE_MEASURE = ("measure_adopted",)
"""Kinds that name an institution and a measure (both required)."""
OBJECTIVE_THRESHOLD = {"gain_territory": "the % of the target's territory to hold",
                       "low_costs": "the most it may spend, % of GDP",
                       "keep_support": "the lowest acceptable public support, 0-100",
                       "keep_credibility": "the lowest acceptable credibility, 0-100"}
CLAUSE_FIELDS = {"requested_by": ("consultation",),
                 "trigger": ("collective_defence",), "strength": ("collective_defence",),
                 "binding": ("sanctions",), "requires": ("use_of_force_authorisation",),
                 "authorises": ("use_of_force_authorisation",),
                 "min_contribution": ("collective_defence",),
                 "decline_costs": ("collective_defence", "sanctions"),
                 "ipso_facto": ("sanctions",), "on_request": ("collective_defence",)}
RULE_OPTIONS = {"votes": ("qualified_majority",), "veto": ("qualified_majority",),
                "abstention_blocks": ("unanimity",), "of_members": ("simple_majority",),
                "share": ("fraction",), "of": ("fraction",),
                "constructive_abstention": ("unanimity",)}
CLAUSE_REQUIRED = {"collective_defence": ("strength",)}
BINDS_WORDS = ("all", "yes_voters")
"""The words ``binds:`` takes besides an institution id or a list of states."""
RULE_REQUIRED = {"qualified_majority": ("votes",)}


def _when(key: str, value: str, then: dict) -> dict:
    return {"if": {"properties": {key: {"const": value}}, "required": [key]}, "then": then}


def _kind_rules(key: str, kinds, allowed: dict, required: dict) -> list[dict]:
    """JSON Schema if/then rules: which keys each kind needs, which it may not have."""
    out = []
    for kind in kinds:
        banned = [k for k, owners in allowed.items() if kind not in owners]
        then: dict = {}
        if required.get(kind):
            then["required"] = list(required[kind])
        if banned:
            then["not"] = {"anyOf": [{"required": [k]} for k in banned]}
        if then:
            out.append(_when(key, kind, then))
    return out


SHARE = Num(0, 1)
PERCENT = Num(0, 100)


def _ids(of: str, min: int = 0) -> List:
    return List(Id(of=of), min=min)


PERSONALITY = Obj(title="a personality", fields={
    "aggression": F(SHARE, "How readily it uses force and coercion, 0 to 1."),
    "risk_tolerance": F(SHARE, "How much risk of escalation it accepts, 0 to 1."),
    "loyalty": F(SHARE, "How reliably it honours its alliance obligations, 0 to 1."),
    "multilateralism": F(SHARE, "How much it prefers acting through institutions, 0 to 1."),
    "free_riding": F(SHARE, "How much it lets allies carry the costs, 0 to 1."),
})

STANCE = Obj(title="a stance on enforcement", fields={
    "legalism": F(SHARE, "How much the target's conduct decides its votes (who struck "
                  "first, who holds whose land) rather than its ties, 0 to 1 (default 0.5)."),
    "interventionism": F(SHARE, "How far it backs coercion by institutions (sanctions, "
                         "force, suspension) rather than non-interference, 0 to 1 "
                         "(default 0.5)."),
})

OBJECTIVE = Obj(title="an objective", fields={
    "kind": F(Enum(values=tuple(k.value for k in ObjectiveKind)),
              "What the state wants at the end of the game.", required=True),
    "points": F(Num(1, 100, integer=True), "Points scored if it is met.", required=True),
    "target": F(Id(of="state or institution"),
                "The state (or, for alliance_credible and alliance_discredited, the "
                "institution) it is about; for measure_adopted, the state the measure must "
                "concern (default: any)."),
    "threshold": F(Num(0, 100), "The number it is measured against: % of territory "
                   "(gain_territory; protect_territory, default 100), % of GDP (low_costs), "
                   "or a 0-100 level."),
    "institution": F(Id(of="institution"), "measure_adopted: the body that must adopt it."),
    "measure": F(Enum(values=tuple(m.value for m in Measure)),
                 "measure_adopted: the measure it must adopt."),
    "text": F(Text(), "The objective in words, shown to the player."),
}, extra={"allOf": _kind_rules(
    "kind", [k.value for k in ObjectiveKind],
    {"target": tuple(OBJECTIVE_TARGET) + OBJECTIVE_OPTIONAL["target"],
     "threshold": tuple(OBJECTIVE_THRESHOLD) + OBJECTIVE_OPTIONAL["threshold"],
     "institution": OBJECTIVE_MEASURE, "measure": OBJECTIVE_MEASURE},
    {k.value: tuple(f for f, table in (("target", OBJECTIVE_TARGET),
                                       ("threshold", OBJECTIVE_THRESHOLD)) if k.value in table)
     + (("institution", "measure") if k.value in OBJECTIVE_MEASURE else ())
     for k in ObjectiveKind})})

STATE = Obj(title="a state", fields={
    "name": F(Text(), "The state's name as players read it.", required=True),
    "region": F(Id(of="region"), "Where it lies; alliance scopes list regions.",
                required=True),
    "military": F(Num(0, 100000), "Military power index, comparable between states.",
                  required=True),
    "economy": F(Num(0, 1000000, above=True), "GDP in billions of US dollars.",
                 required=True),
    "defence_spending": F(Num(0, 50), "Defence spending, % of GDP.", required=True),
    "support": F(PERCENT, "Public support and stability, 0-100 (default 60)."),
    "resolve": F(PERCENT, "Resolve, 0-100 (default 50)."),
    "nuclear": F(Bool(), "Whether it has nuclear weapons (default false)."),
    "credibility": F(PERCENT, "Record of keeping commitments, 0-100 (default 60)."),
    "population": F(Num(0, 10000), "Population in millions: needed by the members of an "
                    "institution with constructive_abstention (the blocking third of TEU "
                    "Art. 31(1))."),
    "trade": F(IdMap(value=SHARE, of="state"),
               "Share of its total trade with each partner state, 0 to 1."),
    "objectives": F(List(OBJECTIVE), "What it wants; scored at the end."),
    "personality": F(PERSONALITY, "How the computer plays it."),
    "stance": F(STANCE, "How it votes on measures against a state and on the use of "
                "force: its stance on enforcement."),
    "policy": F(Enum(values=POLICIES), "Which computer player plays it when no human "
                "does: default (driven by the personality), random or passive "
                "(default: default)."),
    "briefing": F(Text(), "Private briefing: only this state's player reads it."),
})

RULE = Obj(title="a decision rule", fields={
    "rule": F(Enum(values=tuple(RULES)), "The decision rule.", required=True),
    "votes": F(Num(1, 1000, integer=True),
               "qualified_majority: how many yes votes are needed."),
    "veto": F(_ids("state"), "qualified_majority: members whose no vote is a veto."),
    "abstention_blocks": F(Bool(), "unanimity: whether an abstention blocks (default false)."),
    "of_members": F(Bool(), "simple_majority: count a majority of all members, not of "
                    "votes cast (default false)."),
    "constructive_abstention": F(Bool(), "unanimity: a member may declare its abstention "
                                 "(vote 'declared'); declarations by at least a third of the "
                                 "members with at least a third of their population block "
                                 "the decision (TEU Art. 31(1)). Every member then needs a "
                                 "population. Default false."),
    "share": F(Ratio(), "fraction: the share of yes votes needed, e.g. 2/3 (default 2/3)."),
    "of": F(Enum(values=("voting", "entitled")),
            "fraction: a share of the members present and voting, yes and no alone (UN "
            "General Assembly, Charter Art. 18(2)), or of every member entitled to vote, "
            "whatever it does (Rio Treaty Art. 17; parties to the dispute are not entitled "
            "when parties_to_dispute is abstain, Art. 18). Default voting."),
}, extra={"allOf": _kind_rules("rule", tuple(RULES), RULE_OPTIONS, RULE_REQUIRED)})

DECLINE = Obj(title="decline costs", fields={
    "credibility": F(PERCENT, "Credibility the member loses (default 10)."),
    "alliance_credibility": F(PERCENT, "Credibility the institution loses (default 5)."),
    "support": F(PERCENT, "Public support the member loses (default 0)."),
})

CLAUSE = Obj(title="a clause", fields={
    "id": F(Id(of="clause"), "A short id, unique in the institution (e.g. art5).",
            required=True),
    "kind": F(Enum(values=tuple(k.value for k in ClauseKind)), "What the clause does.",
              required=True),
    "title": F(Text(), "How players see it named, e.g. 'Art. 5'."),
    "requested_by": F(Enum(values=("any_member",)),
                      "consultation: who may ask (one member is enough)."),
    "trigger": F(Enum(values=("armed_attack_on_member_in_scope",)),
                 "collective_defence: what sets it off."),
    "strength": F(Enum(values=tuple(s.value for s in Strength)),
                  "collective_defence: how strongly it binds each member."),
    "binding": F(Bool(), "sanctions: binding on every member (true) or voluntary (false)."),
    "requires": F(Enum(values=("sanctions_tried",)),
                  "use_of_force_authorisation: only after sanctions (a teaching "
                  "simplification of UN Art. 42, which does not require them to be tried "
                  "first)."),
    "authorises": F(Bool(), "use_of_force_authorisation: whether an adopted draft "
                    "authorises the members to use force against its target, as the UN "
                    "Security Council's Art. 42 does (default true)."),
    "min_contribution": F(Num(0, 1), "collective_defence: the least military "
                          "contribution that honours an obligation, as a share of the "
                          "member's forces (default 0.05): forces fighting for the victim, "
                          "freeing its land or deployed to it. Aid and sanctions honour a "
                          "clause that is not automatic whatever this share."),
    "decline_costs": F(DECLINE, "What a member pays for declining an obligation under it."),
    "on_request": F(Bool(), "collective_defence: members owe assistance only once the "
                    "victim asks one of them for help (request_assistance): \"at the request "
                    "of this participating State\" (CSTO Art. 4). Default false: the attack "
                    "alone obliges."),
    "ipso_facto": F(Bool(), "sanctions: a member that resorts to war in disregard of its "
                    "covenants obliges every other member at once, without a vote, to "
                    "sanction it (League Covenant Art. 16(1)); each may decline at the "
                    "clause's decline_costs (default false)."),
}, extra={"allOf": _kind_rules("kind", [k.value for k in ClauseKind], CLAUSE_FIELDS,
                               CLAUSE_REQUIRED)})

INSTITUTION = Obj(title="an institution", fields={
    "name": F(Text(), "The institution's name.", required=True),
    "members": F(ListOrAll(Id(of="state"), min=1),
                 "Member states, or all (every state in the campaign: a General Assembly "
                 "when every state is a UN member).", required=True),
    "decides_by": F(Either(simple=Enum(values=tuple(RULES)), full=RULE),
                    "Decision rule: a name, or a mapping with rule and its options.",
                    required=True),
    "parties_to_dispute": F(Enum(values=tuple(p.value for p in PartiesRule)),
                            "Whether parties to a dispute vote on it (default vote)."),
    "scope": F(Obj(title="a scope", fields={
        "regions": F(_ids("region", min=1), "Regions its collective defence covers.",
                     required=True)}),
        "Where collective defence applies; no scope: everywhere."),
    "credibility": F(PERCENT, "How far others believe it will act, 0-100 (default 60)."),
    "binds": F(Either(simple=Id(of="institution"), full=_ids("state", min=1)),
               "Whom its binding decisions (binding sanctions) oblige: a list of states; an "
               "institution id (its members); all (every state in the campaign: the UN "
               "Security Council when all are UN members, Charter Art. 25); or yes_voters "
               "(only those who vote for a decision: Arab League Pact Art. 7). Default: its "
               "own members."),
    "clauses": F(List(CLAUSE), "What the institution can do."),
    "regional_arrangement": F(Id(of="institution"), "A regional arrangement under Chapter "
                              "VIII of the UN Charter (NATO, the EU, the OAS, the Arab "
                              "League...): the Security Council, by id, without whose "
                              "authorisation it may not authorise force against a state "
                              "(Art. 53(1)), and which it informs of every decision "
                              "(Art. 54)."),
    "uniting_for_peace": F(Id(of="institution"), "An assembly (a General Assembly): the "
                           "Security Council, by id, that may refer to it, by a procedural "
                           "vote no veto blocks, a matter a veto has blocked (GA Res. "
                           "377A(V)); it may then recommend sanctions, force or "
                           "peacekeeping against that state, and never before."),
    "moratorium_days": F(Num(1, 3650, integer=True), "Days after the institution reports "
                         "on a dispute (its first vote on a draft concerning either party) "
                         "before its members may resort to war (League Covenant Art. 12: "
                         "90, three months). A war before that report or before the days "
                         "have passed breaches the covenant and sets off an ipso_facto "
                         "sanctions clause; a war after them does not (the Covenant's gap)."),
    "withdrawal_notice_days": F(Num(1, 3650, integer=True), "Days of notice a member must "
                                "give to withdraw (League Covenant Art. 1(3): 730, two "
                                "years). Until they have passed it is still a member, bound "
                                "by every obligation; then it leaves. Leave it out for a "
                                "treaty with no withdrawal clause (the UN Charter): members "
                                "then cannot give notice."),
})

RUNG = Obj(title="a rung", fields={
    "level": F(PERCENT, "Escalation level, 0-100.", required=True),
    "id": F(Id(of="rung"), "A short id.", required=True),
    "name": F(Text(), "The rung's name.", required=True),
    "requires": F(Enum(values=EVENTS), "The event that alone reaches this rung: "
                  "general_war (the general-war rule) or nuclear_use (no action makes one). "
                  "Conventional acts stop {:g} below the lowest such rung.".format(CEILING_GAP)),
})

LADDER = Obj(title="the ladder", fields={
    "rungs": F(List(RUNG, min=1), "Rungs from level 0 upwards (default: Kahn-like ladder)."),
    "tension": F(Num(0, 100, above=True), "Level at which a dispute becomes a crisis."),
    "incident": F(PERCENT, "Level of grey-zone and hybrid attacks."),
    "armed_attack": F(PERCENT, "Level of an armed attack."),
    "war": F(PERCENT, "The war mark: two rounds running of new aggression with the crisis "
             "at or above it are a general war, and the game is lost. At most the "
             "ceiling below a rung that requires an event."),
    "decay": F(Num(0, 0.99), "Share of tension that fades each round (default 0.15)."),
})

_TUNABLE = {
    "name": F(Text(), "The action's name."),
    "description": F(Text(), "What it does, in a sentence."),
    "category": F(Enum(values=("diplomatic", "economic", "military", "domestic")),
                  "Where it is listed."),
    "escalation": F(Num(-30, 50), "Tension it adds between actor and target."),
    "magnitude": F(Num(0, 10), "Its strength; meaning depends on the effect kind."),
    "cost_economy": F(Num(0, 10), "Cost to the actor, % of GDP."),
    "cost_support": F(Num(0, 50), "Cost to the actor, public support points."),
    "stages": F(List(Enum(values=STAGES), min=1), "Crisis stages in which it may be ordered."),
}
VARIANT = Obj(title="an action variant", fields={
    "like": F(Id(of="action"), "The existing action it is a variant of.", required=True),
    **_TUNABLE,
    "name": F(Text(), "The action's name.", required=True),
})
ACTIONS = Obj(title="actions", fields={
    "disable": F(_ids("action"), "Actions not available in this campaign."),
    "retune": F(IdMap(value=Obj(title="a retuned action", fields=_TUNABLE), of="action"),
                "New numbers or texts for existing actions."),
    "add": F(IdMap(value=VARIANT, of="action"), "New actions, each a variant of an existing one."),
})

_STATE_VALUE = Obj(title="a condition", fields={
    "state": F(Id(of="state"), "The state.", required=True),
    "value": F(Num(0, 100), "The level.", required=True),
})
_CONDITIONS = {
    Test.ROUND_AT_LEAST.value: F(Num(1, 1000, integer=True), "From this round on."),
    Test.STAGE_IS.value: F(Enum(values=STAGES + ("resolved", "war")),
                           "The crisis is at this stage."),
    Test.ESCALATION_AT_LEAST.value: F(PERCENT, "The crisis level is at least this."),
    Test.ESCALATION_BELOW.value: F(PERCENT, "The crisis level is below this."),
    Test.UNDER_ATTACK.value: F(Id(of="state"), "This state is under armed attack."),
    Test.TERRITORY_BELOW.value: F(_STATE_VALUE, "A state holds less than value % of its land."),
    Test.TERRITORY_AT_LEAST.value: F(_STATE_VALUE, "A state holds at least value % of its "
                                     "land (100: all of it, e.g. liberated)."),
    Test.SANCTIONED.value: F(Id(of="state"), "Some state sanctions this state."),
    Test.SUPPORT_BELOW.value: F(_STATE_VALUE, "A state's public support is below value."),
    Test.QUIET_ROUNDS_AT_LEAST.value: F(Num(1, 1000, integer=True),
                                        "Rounds in a row without hostile acts."),
    Test.FIRED.value: F(Id(of="inject"), "This inject has fired (in an earlier round, or "
                        "listed earlier and fired in the same aftermath)."),
    Test.NOT_FIRED.value: F(Id(of="inject"), "This inject has not fired yet, e.g. "
                            "'no armed attack yet' after an inject on under_attack."),
    Test.ADOPTED.value: F(Obj(title="an adopted measure", fields={
        "institution": F(Id(of="institution"), "The body that adopted it.", required=True),
        "measure": F(Enum(values=tuple(m.value for m in Measure)),
                     "Which measure (default: any)."),
        "against": F(Id(of="state"), "The state it concerns (default: any)."),
    }), "A body has adopted a measure (in this game, so far)."),
    Test.AT_WAR.value: F(Either(simple=Id(of="state"), full=Obj(title="a war", fields={
        "state": F(Id(of="state"), "The state.", required=True),
        "with": F(Id(of="state"), "The state on the other side (default: anyone)."),
        "as": F(Enum(values=("attacker", "defender")), "Only as the attacker of record "
                "(who struck first), or only as a defender (the victim or a state fighting "
                "for it); default: either."),
    })), "A state is in an ongoing armed conflict: as the attacker of record, its victim "
        "or a state fighting for the victim (until a ceasefire holds)."),
    Test.MEMBER_OF.value: F(Obj(title="a membership", fields={
        "state": F(Id(of="state"), "The state.", required=True),
        "institution": F(Id(of="institution"), "The body.", required=True),
    }), "A state is a member of a body now: a member from the start that has not left, "
        "withdrawn or been expelled, or a state that has joined."),
}
CONDITION = OneKey(title="condition", variants={
    **_CONDITIONS,
    Test.NOT.value: F(OneKey(title="condition", variants=_CONDITIONS),
                      "The condition under it does not hold, e.g. "
                      "{not: {at_war: iraq}}."),
})

_AWAY = Obj(title="a member and a body", fields={
    "state": F(Id(of="state"), "The member.", required=True),
    "institution": F(Id(of="institution"), "The body.", required=True),
    "text": F(Text(), "News announcing it."),
})
EFFECT = OneKey(title="effect", variants={
    "news": F(Either(simple=Text(), full=Obj(title="a news item", fields={
        "text": F(Text(), "The news.", required=True),
        "to": F(Id(of="state"), "Only this state learns it (intelligence)."),
    })), "News for everyone, or intelligence for one state."),
    "adjust": F(Obj(title="an adjustment", fields={
        "state": F(Id(of="state"), "The state whose number changes.", required=True),
        "field": F(Enum(values=ADJUSTABLE), "Which number.", required=True),
        "by": F(Num(-100000, 100000), "How much to add (negative: take away).", required=True),
        "text": F(Text(), "News announcing it."),
    }), "Change one of a state's numbers."),
    "incident": F(Obj(title="an incident", fields={
        "by": F(Id(of="state"), "The state that causes it.", required=True),
        "against": F(Id(of="state"), "The state it hits.", required=True),
        "tension": F(Num(0, 100), "Tension added between the two.", required=True),
        "text": F(Text(), "News describing it."),
    }), "An incident that raises tension between two states."),
    "table_draft": F(Obj(title="a draft", fields={
        "by": F(Id(of="state"), "The member that tables it.", required=True),
        "institution": F(Id(of="institution"), "Where it is voted.", required=True),
        "measure": F(Enum(values=tuple(m.value for m in Measure)), "What it would decide.",
                     required=True),
        "target": F(Id(of="state"), "The state it concerns.", required=True),
        "text": F(Text(), "News announcing it."),
    }), "Put a draft resolution on the table; it is voted next diplomacy phase."),
    "request_assistance": F(Obj(title="a request for assistance", fields={
        "by": F(Id(of="state"), "The state asking (the victim, or a state that fears it "
                "will be one).", required=True),
        "from": F(Either(simple=Id(of="state"), full=_ids("state", min=1)),
                  "The state or states asked.", required=True),
        "text": F(Text(), "News announcing it."),
    }), "A state asks others to help defend it (collective self-defence, UN Charter "
        "Art. 51): those asked may then fight for it lawfully, as if it had used the "
        "request_assistance action; an invitation to station troops is one."),
    "deploy": F(Obj(title="a deployment", fields={
        "by": F(Id(of="state"), "The state sending forces.", required=True),
        "to": F(Id(of="state"), "The state that hosts them.", required=True),
        "share": F(Num(0, 1, above=True), "The share of the sender's forces at home that "
                   "goes (e.g. 0.2).", required=True),
        "text": F(Text(), "News announcing it."),
    }), "Forces are stationed in another state (they defend it if it is attacked, and "
        "count towards the sender's obligations to it)."),
    "boycott": F(_AWAY, "A member stays away from a body, as the Soviet Union stayed away "
                 "from the Security Council from January to August 1950: it casts no vote "
                 "there (its absence is no veto) until it returns, by the effect return or "
                 "by voting there itself."),
    "return": F(_AWAY, "A boycotting member comes back to the body and votes again."),
    "join": F(_AWAY, "A state becomes a member of a body (an accession): it votes there "
              "and owes and is owed its obligations from now on."),
    "leave": F(_AWAY, "A member leaves a body at once (a denunciation the story needs "
               "now); for a withdrawal with the treaty's notice, use give_notice."),
    "give_notice": F(_AWAY, "A member gives notice of withdrawal, as Japan did from the "
                     "League on 27 March 1933: it stays a member, bound, until the body's "
                     "withdrawal_notice_days have passed, then leaves."),
    "refuse_recognition": F(Obj(title="a refusal to recognise", fields={
        "by": F(Id(of="state or institution"), "The state or the body that refuses.",
                required=True),
        "occupier": F(Id(of="state"), "The state whose conquests it will not recognise.",
                      required=True),
        "text": F(Text(), "News announcing it."),
    }), "A state or a body refuses to recognise territory taken by force (the Stimson "
        "doctrine, 7 January 1932; the League Assembly, 11 March 1932): the occupier's "
        "gain_territory objectives are not met while anyone refuses, and its credibility "
        "falls by 2. Nothing happens if the occupier holds no land then."),
})

def _conditions_misplaced(where: str) -> dict:
    """A condition written as a key of an inject or an end: say where it goes."""
    return {name: f"'{name}' is a condition: put it in the list under when, as "
                  f"'when: [{{{name}: ...}}]'" + where
            for name in CONDITION.variants if name != "round"}


INJECT = Obj(title="an inject", misplaced=_conditions_misplaced(
    " (an inject's own 'round:' fires it in that round only)"), fields={
    "id": F(Id(of="inject"), "A short id, unique in the campaign.", required=True),
    "round": F(Num(1, 1000, integer=True), "Fires at the end of this round only."),
    "when": F(List(CONDITION), "Conditions that must all hold."),
    "probability": F(SHARE, "Chance it fires when due, 0 to 1 (default 1)."),
    "repeat": F(Bool(), "Fire again each time it is due (default false: once)."),
    "teaching": F(Bool(), "A note for new players, such as a tutorial's tips (default "
                  "false): its news is read in the briefing but left out of the debrief's "
                  "turning points and the after-action report."),
    "effects": F(List(EFFECT, min=1), "What happens.", required=True),
})

END = Obj(title="an end condition", misplaced=_conditions_misplaced(""), fields={
    "when": F(List(CONDITION, min=1), "Conditions that must all hold.", required=True),
    "outcome": F(Enum(values=OUTCOMES), "How the crisis ends.", required=True),
    "text": F(Text(), "What the players are told."),
})

PLACE = Obj(title="a place on the map", fields={
    "col": F(Num(0, 99, integer=True), "Column on the map's grid, 0 at the left (west).",
             required=True),
    "row": F(Num(0, 99, integer=True), "Row on the map's grid, 0 at the top (north).",
             required=True),
    "lat": F(Num(-90, 90), "Latitude of its capital, in degrees (north positive): "
             "for reference and for other tools; the grid decides the drawing."),
    "lon": F(Num(-180, 180), "Longitude of its capital, in degrees (east positive)."),
})

MAP = Obj(title="the map", fields={
    "states": F(IdMap(value=PLACE, of="state"),
                "Where each state sits on a small schematic grid: one cell per state, "
                "neighbours in neighbouring cells. A state left out is placed "
                "automatically in a free cell near the states it is tied to."),
    "borders": F(List(_ids("state", min=2)),
                 "Pairs of states that touch, e.g. [estonia, russia]: drawn as links on "
                 "the map and used to place states left out."),
})

CAMPAIGN = Obj(title="the campaign", fields={
    "format": F(Num(1, 1000, integer=True), "The format version: 1.", required=True),
    "title": F(Text(), "The campaign's title.", required=True),
    "author": F(Text(), "Who wrote it."),
    "description": F(Text(), "A paragraph saying what the campaign is about."),
    "version": F(Text(), "The campaign's own version, e.g. '1.0'."),
    "players": F(Num(1, 50, integer=True), "Suggested number of human players."),
    "seed": F(Num(0, 2**32 - 1, integer=True), "Default random seed (default 0)."),
    "rounds": F(Num(1, 100, integer=True), "Rounds before the game ends (default 12)."),
    "days_per_round": F(Num(1, 365), "How many days a round stands for (default 30): rules "
                        "counted in days (a moratorium) last that many rounds, rounded "
                        "up."),
    "orders_per_round": F(Num(1, 10, integer=True), "Orders each state may give a round "
                          "(default 3)."),
    "start": F(Obj(title="the start", fields={
        "stage": F(Enum(values=STAGES), "Crisis stage at the start (default tension)."),
        "escalation": F(PERCENT, "Crisis level at the start (default 0)."),
        "tensions": F(List(Obj(title="a tension", fields={
            "between": F(_ids("state", min=2), "The two states.", required=True),
            "level": F(PERCENT, "Tension between them at the start, 0-100.", required=True),
        })), "Tension between pairs of states at the start."),
    }), "Where the crisis starts."),
    "briefing": F(Text(), "Public scenario briefing: every player reads it.", required=True),
    "notes": F(Text(), "Designer's notes: sources of the facts, simplifications."),
    "sources": F(List(Text()), "Sources of the facts, one per item."),
    "states": F(IdMap(value=STATE, of="state", min=2), "The states, by id.", required=True),
    "institutions": F(IdMap(value=INSTITUTION, of="institution"),
                      "Alliances and collective-security bodies, by id."),
    "ladder": F(LADDER, "The escalation ladder (optional: a default ships)."),
    "actions": F(ACTIONS, "Changes to the catalogue of actions."),
    "injects": F(List(INJECT), "Scripted events."),
    "end": F(List(END), "Conditions that end the game early."),
    "quiet": F(List(Enum(values=tuple(WARNINGS))), "Warnings the author has read and "
               "meant: each name silences that warning in this file (every warning "
               "shows its name)."),
    "map": F(MAP, "Where the states sit on the game's map (optional: without it the "
             "map is laid out automatically from regions, borders and ties)."),
})
