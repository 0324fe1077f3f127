"""Scoring: each state's private objectives, met or not, at the end of the game."""

from __future__ import annotations

from dataclasses import dataclass

from .recognition import refusing
from .model import Objective, ObjectiveKind as K, World
from .state import GameState

# The objective kinds met() compares with, read once: in Python 3.11 each
# ``K.KEEP_TERRITORY`` in a function goes through EnumType.__getattr__'s hook (hundreds
# of instructions and an allocation); a module name is one load.
(KEEP_TERRITORY, AVOID_WAR, STAY_OUT_OF_FIGHTING, CRISIS_RESOLVED, ALLIANCE_CREDIBLE,
 ALLIANCE_DISCREDITED, AGGRESSOR_WITHDRAWS, GAIN_TERRITORY, LOW_COSTS, KEEP_SUPPORT,
 TARGET_SANCTIONED, KEEP_CREDIBILITY, PROTECT_TERRITORY, MEASURE_ADOPTED) = (
    K.KEEP_TERRITORY, K.AVOID_WAR, K.STAY_OUT_OF_FIGHTING, K.CRISIS_RESOLVED,
    K.ALLIANCE_CREDIBLE, K.ALLIANCE_DISCREDITED, K.AGGRESSOR_WITHDRAWS,
    K.GAIN_TERRITORY, K.LOW_COSTS, K.KEEP_SUPPORT, K.TARGET_SANCTIONED,
    K.KEEP_CREDIBILITY, K.PROTECT_TERRITORY, K.MEASURE_ADOPTED)


@dataclass(frozen=True)
class Score:
    total: int
    possible: int
    results: tuple[tuple[Objective, bool], ...]


def met(world: World, state: GameState, nation: str, obj: Objective) -> bool:
    ns = state.nations[nation]
    if obj.kind is KEEP_TERRITORY:
        return ns.territory >= 99.5
    if obj.kind is AVOID_WAR:  # a campaign's end condition may declare war too
        return state.stage != "war" and state.outcome != "war"
    if obj.kind is STAY_OUT_OF_FIGHTING:  # never attacked, attacking or fighting for others
        return ns.losses == 0
    if obj.kind is CRISIS_RESOLVED:  # by the crisis machine, or a campaign's end
        return state.stage in ("resolved", "settlement") or \
            state.outcome in ("resolved", "settled")
    if obj.kind is ALLIANCE_CREDIBLE:
        return state.institutions[obj.target].credibility >= \
            world.institution[obj.target].credibility
    if obj.kind is ALLIANCE_DISCREDITED:
        return state.institutions[obj.target].credibility < \
            world.institution[obj.target].credibility
    if obj.kind is AGGRESSOR_WITHDRAWS:
        return not any(k[0] == obj.target and v > 0 for k, v in state.occupation.items())
    if obj.kind is GAIN_TERRITORY:  # land held without title scores nothing
        return state.occupation.get((nation, obj.target), 0.0) >= obj.threshold and \
            not refusing(state, nation)
    if obj.kind is LOW_COSTS:
        start = world.nation[nation].economy
        return ns.costs <= start * obj.threshold / 100
    if obj.kind is KEEP_SUPPORT:
        return ns.support >= obj.threshold
    if obj.kind is TARGET_SANCTIONED:  # sanctions in force, or a blockade (a quarantine,
        # a closed canal) in the last round: both squeeze its trade at the end
        return any(obj.target in s.sanctioning for s in state.nations.values()) or \
            state.nations[obj.target].blockaded == state.round
    if obj.kind is KEEP_CREDIBILITY:
        return ns.credibility >= obj.threshold
    if obj.kind is PROTECT_TERRITORY:  # 0: all of it, as keep_territory
        return state.nations[obj.target].territory >= (obj.threshold or 99.5)
    if obj.kind is MEASURE_ADOPTED:
        return any(d.adopted and d.institution == obj.institution and d.measure == obj.measure
                   and obj.target in ("", d.target) for d in state.drafts)
    raise ValueError(f"unknown objective kind {obj.kind}")  # pragma: no cover


WORDS = {
    KEEP_TERRITORY: "Lose none of your territory.",
    AVOID_WAR: "The crisis does not end in general war.",
    STAY_OUT_OF_FIGHTING: "Your forces never have to fight.",
    CRISIS_RESOLVED: "See the crisis resolved or settled.",
    ALLIANCE_CREDIBLE: "{target} ends at least as credible as it began.",
    ALLIANCE_DISCREDITED: "{target} ends less credible than it began.",
    AGGRESSOR_WITHDRAWS: "{target} holds no one else's land at the end.",
    GAIN_TERRITORY: "Hold at least {threshold:g}% of {target}'s territory.",
    LOW_COSTS: "Keep the crisis's costs to you under {threshold:g}% of your GDP.",
    KEEP_SUPPORT: "Keep public support at {threshold:g} or more.",
    TARGET_SANCTIONED: "{target} is under sanctions or blockade at the end.",
    KEEP_CREDIBILITY: "Keep your credibility at {threshold:g} or more.",
    PROTECT_TERRITORY: "{target} keeps {share} its territory.",
    MEASURE_ADOPTED: "{institution} adopts {measure}{against}.",
}
MEASURE_WORDS = {"statement": "a statement", "sanctions": "sanctions", "use_of_force": "an authorisation of force",
                 "peacekeeping": "a peacekeeping mission", "suspend": "a suspension",
                 "refer": "a referral to the General Assembly",
                 "condemn": "a condemnation", "ceasefire": "a ceasefire demand",
                 "expel": "an expulsion", "non_recognition": "a refusal to recognise conquests"}


def describe(world: World, obj: Objective) -> str:
    """The objective in words: the campaign's own text, or a sentence made from it."""
    if obj.text:
        return obj.text
    share = f"at least {obj.threshold:g}% of" if 0 < obj.threshold < 99.5 else "all of"
    against = ""
    if obj.target and obj.kind is MEASURE_ADOPTED:
        against = f" against {world.name_of(obj.target)}"
    return WORDS[obj.kind].format(target=world.name_of(obj.target) if obj.target else "",
                                  threshold=obj.threshold, share=share, against=against,
                                  institution=world.name_of(obj.institution),
                                  measure=MEASURE_WORDS.get(obj.measure, obj.measure))


def score(world: World, state: GameState) -> dict[str, Score]:
    out: dict[str, Score] = {}
    for n in world.nations:
        results = tuple((o, met(world, state, n.id, o)) for o in n.objectives)
        out[n.id] = Score(
            total=sum(o.points for o, ok in results if ok),
            possible=sum(o.points for o in n.objectives),
            results=results,
        )
    return out
