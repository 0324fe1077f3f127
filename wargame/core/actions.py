"""The catalogue of actions a government can order, and the shape of an order.

Each action has an *effect kind* (what adjudication does with it), an escalation
value (added to the tension between the actor and its target), costs, the crisis
stages in which it may be ordered and the kind of target it takes. Campaigns may
disable actions, retune their numbers, or add variants of an existing effect kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from types import MappingProxyType


class Target(str, Enum):
    NONE = "none"  # the acting state itself
    STATE = "state"  # any other state
    ALLY = "ally"  # a state sharing an alliance or consultation pact with the actor
    INSTITUTION = "institution"  # an institution the actor belongs to


class Effect(str, Enum):
    """What adjudication does with an action. Campaign variants reuse these."""

    SUPPORT = "support"  # public backing for the target
    CONDEMN = "condemn"  # public pressure on the target
    DEMARCHE = "demarche"
    RECALL = "recall"  # recall ambassador
    MEDIATE = "mediate"  # lowers every tension around the target
    CONSULT = "consult"  # request consultation under a consultation clause
    MEETING = "meeting"  # call a meeting of a collective-security body
    TABLE = "table"  # table a draft resolution for the next diplomacy phase
    PROPOSE_CEASEFIRE = "propose_ceasefire"
    ACCEPT_CEASEFIRE = "accept_ceasefire"
    SANCTION = "sanction"  # magnitude = how hard the sanctions bite, 0..1
    LIFT_SANCTIONS = "lift_sanctions"
    AID = "aid"  # magnitude = share of GDP given
    READINESS = "readiness"  # magnitude = readiness level reached (1 raised, 2 mobilised)
    DEPLOY = "deploy"  # magnitude = share of forces sent to the ally
    EXERCISE = "exercise"
    BLOCKADE = "blockade"
    CYBER = "cyber"
    STRIKE = "strike"  # a limited strike: an armed attack without occupation
    INVADE = "invade"  # an armed attack that can take territory
    DEFEND = "defend"  # come to the defence of an attacked state
    LIBERATE = "liberate"  # a counter-offensive against an occupier's garrison
    REQUEST_HELP = "request_help"  # a victim asks a state for help (UN Charter Art. 51)
    PEACEKEEPERS = "peacekeepers"
    STAND_DOWN = "stand_down"  # withdraw forces, lower readiness, give back territory
    SPENDING = "spending"  # magnitude = points of GDP added to defence spending
    NOTICE = "notice"  # give notice of withdrawal from an institution (Covenant Art. 1(3))
    NON_RECOGNITION = "non_recognition"  # refuse to recognise a conquest (Stimson, 1932)


ACTIVE = frozenset(
    {"peace", "tension", "incident", "consultation", "sanctions", "collective_response",
     "armed_conflict", "settlement"}
)
CRISIS = ACTIVE - {"peace"}
HOT = frozenset({"incident", "consultation", "sanctions", "collective_response",
                 "armed_conflict", "settlement"})
FIGHTING = frozenset({"collective_response", "armed_conflict"})


@dataclass(frozen=True)
class ActionSpec:
    id: str
    name: str
    category: str  # diplomatic, economic, military, domestic
    effect: Effect
    target: Target
    escalation: float
    stages: frozenset[str] = ACTIVE
    magnitude: float = 0.0
    cost_economy: float = 0.0  # % of the actor's GDP
    cost_support: float = 0.0  # public support points
    description: str = ""

    @property
    def risk(self) -> str:
        """The escalation risk in words."""
        e = self.escalation
        if e < 0:
            return "calms the crisis"
        if e == 0:
            return "no escalation"
        if e <= 3:
            return "low escalation"
        if e <= 8:
            return "moderate escalation"
        if e <= 15:
            return "high escalation"
        return "severe escalation: an act of war"


def _a(*args, **kw) -> ActionSpec:
    return ActionSpec(*args, **kw)


_ACTIONS = (
    # diplomatic
    _a("support_statement", "Statement of support", "diplomatic", Effect.SUPPORT, Target.STATE, 0,
       description="Publicly back a state; lifts its public support."),
    _a("condemn", "Condemnation", "diplomatic", Effect.CONDEMN, Target.STATE, 2, CRISIS,
       description="Condemn a state's conduct in public."),
    _a("demarche", "Démarche", "diplomatic", Effect.DEMARCHE, Target.STATE, 1,
       description="A formal diplomatic protest, delivered in private."),
    _a("recall_ambassador", "Recall ambassador", "diplomatic", Effect.RECALL, Target.STATE, 4,
       CRISIS, cost_support=0.0, description="Recall your ambassador for consultations."),
    _a("offer_mediation", "Offer mediation", "diplomatic", Effect.MEDIATE, Target.STATE, -3,
       CRISIS, description="Offer good offices; lowers tension around the state."),
    _a("request_consultation", "Request consultation", "diplomatic", Effect.CONSULT,
       Target.INSTITUTION, 1, ACTIVE,
       description="Ask the members of an institution to consult together on a threat: "
                   "one member is enough (NATO's Art. 4 works this way)."),
    _a("call_meeting", "Call an emergency meeting", "diplomatic", Effect.MEETING,
       Target.INSTITUTION, 1, CRISIS,
       description="Bring the dispute before a collective-security body such as the UN "
                   "Security Council; any state may (UN Charter Art. 35)."),
    _a("table_resolution", "Table a resolution", "diplomatic", Effect.TABLE, Target.INSTITUTION,
       1, CRISIS, description="Put a draft to a vote in the next diplomacy phase."),
    _a("propose_ceasefire", "Propose a ceasefire", "diplomatic", Effect.PROPOSE_CEASEFIRE,
       Target.STATE, -2, HOT, description="Offer a ceasefire; it holds if accepted."),
    _a("accept_ceasefire", "Accept a ceasefire", "diplomatic", Effect.ACCEPT_CEASEFIRE,
       Target.STATE, -10, HOT, description="Accept a ceasefire the other side proposed."),
    # economic
    _a("targeted_sanctions", "Targeted sanctions", "economic", Effect.SANCTION, Target.STATE, 3,
       CRISIS, magnitude=0.3, description="Asset freezes and travel bans on the leadership."),
    _a("financial_sanctions", "Financial sanctions", "economic", Effect.SANCTION, Target.STATE, 5,
       CRISIS, magnitude=0.6, description="Cut banks off from payments and markets."),
    _a("trade_embargo", "Trade embargo", "economic", Effect.SANCTION, Target.STATE, 7, CRISIS,
       magnitude=1.0, description="Stop all trade; bites hardest, costs you your trade."),
    _a("lift_sanctions", "Lift sanctions", "economic", Effect.LIFT_SANCTIONS, Target.STATE, -3,
       ACTIVE, description="End your sanctions on a state."),
    _a("aid_victim", "Aid to the victim", "economic", Effect.AID, Target.STATE, 0, CRISIS,
       magnitude=0.2, cost_economy=0.2, description="Give economic and military aid."),
    # military
    _a("raise_readiness", "Raise readiness", "military", Effect.READINESS, Target.NONE, 2,
       magnitude=1, cost_economy=0.05, description="Put forces on alert: +15% strength."),
    _a("mobilise", "Mobilise", "military", Effect.READINESS, Target.NONE, 6, CRISIS,
       magnitude=2, cost_economy=0.3, cost_support=3,
       description="Call up reserves: +35% strength; costly and alarming."),
    _a("deploy_to_ally", "Deploy forces to an ally", "military", Effect.DEPLOY, Target.ALLY, 2,
       magnitude=0.1, cost_economy=0.05,
       description="Station a tenth of your forces with an ally: reassurance and tripwire."),
    _a("joint_exercise", "Joint exercise", "military", Effect.EXERCISE, Target.ALLY, 3,
       cost_economy=0.02, description="Exercise with an ally; shows resolve."),
    _a("blockade", "Blockade", "military", Effect.BLOCKADE, Target.STATE, 12, CRISIS,
       magnitude=0.5, cost_economy=0.1, description="Stop the target's shipping: an incident."),
    _a("cyber_attack", "Cyber attack", "military", Effect.CYBER, Target.STATE, 8, CRISIS,
       magnitude=0.3, description="A deniable hybrid attack on infrastructure."),
    _a("limited_strike", "Limited strike", "military", Effect.STRIKE, Target.STATE, 18, CRISIS,
       cost_support=4, description="An armed attack on military targets."),
    _a("invasion", "Invasion", "military", Effect.INVADE, Target.STATE, 30, CRISIS,
       cost_economy=0.5, cost_support=8, description="Send forces across the border."),
    _a("defend_ally", "Come to an ally's defence", "military", Effect.DEFEND, Target.STATE, 10,
       CRISIS, cost_economy=0.3, cost_support=3,
       description="Fight beside a state under armed attack."),
    _a("contribute_peacekeepers", "Contribute peacekeepers", "military", Effect.PEACEKEEPERS,
       Target.STATE, -3, CRISIS, cost_economy=0.05,
       description="Send troops under a peacekeeping mandate."),
    _a("stand_down", "Stand down and withdraw", "military", Effect.STAND_DOWN, Target.NONE, -5,
       description="Lower readiness, bring forces home, give back occupied land."),
    # domestic
    _a("raise_spending", "Raise defence spending", "domestic", Effect.SPENDING, Target.NONE, 0,
       magnitude=0.5, cost_support=2, description="+0.5% of GDP on defence (burden sharing)."),
    # added later: at the end, so that the actions before keep their numbers
    _a("counter_offensive", "Counter-offensive", "military", Effect.LIBERATE, Target.STATE, 12,
       CRISIS, cost_economy=0.3, cost_support=2,
       description="Attack the occupier's garrison in an occupied state to take the land "
                   "back: the victim, its treaty allies, states it asked for help and "
                   "members acting under an authorisation may."),
    _a("request_assistance", "Request assistance (Art. 51)", "diplomatic",
       Effect.REQUEST_HELP, Target.STATE, 0, CRISIS,
       description="Under armed attack, ask a state to help defend you: collective "
                   "self-defence needs the victim's request (UN Charter Art. 51)."),
    _a("give_notice", "Give notice of withdrawal", "diplomatic", Effect.NOTICE,
       Target.INSTITUTION, 0,
       description="Announce that you will leave an institution whose treaty allows it: "
                   "you stay a member, bound by it, until the notice period has run "
                   "(League Covenant Art. 1(3): two years)."),
    _a("refuse_recognition", "Refuse to recognise a conquest", "diplomatic",
       Effect.NON_RECOGNITION, Target.STATE, 2, CRISIS,
       description="Declare that you will recognise no territory the state has taken by "
                   "force (the Stimson doctrine, 1932): land it holds scores nothing for it."),
)

CATALOGUE = MappingProxyType({a.id: a for a in _ACTIONS})
"""The default actions, by id."""


class Measure(str, Enum):
    """What a draft resolution would decide."""

    STATEMENT = "statement"  # a joint statement of concern
    CONDEMN = "condemn"
    CEASEFIRE = "ceasefire"  # demand a ceasefire
    SANCTIONS = "sanctions"
    USE_OF_FORCE = "use_of_force"
    PEACEKEEPING = "peacekeeping"
    SUSPEND = "suspend"
    REFER = "refer"  # refer a blocked matter to an assembly (Uniting for Peace): procedural
    EXPEL = "expel"  # declare a member no longer a member (League Covenant Art. 16(4))
    NON_RECOGNITION = "non_recognition"  # recognise no conquest of the target (11 March 1932)


MEASURE_NOUN = {Measure.STATEMENT: "statements", Measure.CONDEMN: "condemnation",
                Measure.CEASEFIRE: "ceasefire demands", Measure.SANCTIONS: "sanctions",
                Measure.USE_OF_FORCE: "force", Measure.PEACEKEEPING: "peacekeeping",
                Measure.SUSPEND: "suspension", Measure.REFER: "referrals",
                Measure.EXPEL: "expulsion", Measure.NON_RECOGNITION: "non-recognition"}
"""Each measure as a noun, for sentences about kinds of draft."""


@dataclass(frozen=True)
class Order:
    """One instruction from one government for this round.

    ``target`` is a state id (or empty), ``institution`` an institution id for
    institutional actions, ``measure`` the content of a tabled draft.
    """

    nation: str
    action: str
    target: str = ""
    institution: str = ""
    measure: str = ""
    forces: float = 0.0  # share of the available forces committed; 0: the action's default

    def key(self) -> tuple[str, str, str, str]:
        return (self.action, self.target, self.institution, self.measure)

    def to_dict(self) -> dict:
        d: dict = {"nation": self.nation, "action": self.action}
        if self.target:  # then the others given, in this order
            d["target"] = self.target
        if self.institution:
            d["institution"] = self.institution
        if self.measure:
            d["measure"] = self.measure
        if self.forces:
            d["forces"] = self.forces
        return d
