"""The crisis loop as two `transitions` state machines shared by every game.

``CRISIS`` moves a game between crisis stages; its triggers are caused by
adjudicated events (:class:`Facts`) and guarded by conditions on them. ``ROUND``
cycles the phases of a round, nested inside whatever stage the crisis is in.

Both machines are built once at import (a Machine costs about a millisecond to
build) and hold no models: a game keeps only the *names* of its stage and phase,
and events are fired on it through the machine's
public ``events`` table. Any object with ``stage`` and ``phase`` attributes
(the game's :class:`~wargame.core.state.GameState`) is a model. Nothing here is resolved from strings supplied by a
campaign file.
"""

from __future__ import annotations

from dataclasses import dataclass

from transitions import Machine

STAGES = (
    "peace",
    "tension",
    "incident",
    "consultation",
    "sanctions",
    "collective_response",
    "armed_conflict",
    "settlement",
    "resolved",
    "war",
)
TERMINAL = ("resolved", "war")
PHASES = ("briefing", "diplomacy", "orders", "resolution", "aftermath")


@dataclass(frozen=True)
class Facts:
    """What adjudication found this round; the guards read only this."""

    level: float = 0.0  # crisis escalation after this round
    tension_mark: float = 12.0
    incident_mark: float = 38.0
    war_mark: float = 85.0
    incident: bool = False  # a blockade, cyber attack or clash short of armed attack
    armed_attack: bool = False  # a limited strike or invasion this round
    occupation: bool = False  # a state's land is held by another with no ceasefire
    consultation: bool = False  # a consultation or meeting opened this round
    sanctions_active: bool = False  # any state sanctioning, or sanctions adopted this round
    collective_action: bool = False  # assistance obligations, allies defending, force authorised
    ceasefire: bool = False  # a ceasefire agreed this round
    ceasefire_broken: bool = False  # a ceasefire broken this round (by an attack or a blockade)
    quiet_rounds: int = 0  # rounds in a row without hostile acts
    fighting_rounds: int = 0  # rounds in a row with armed attacks
    war_rounds: int = 0  # rounds in a row, this one included, of new aggression (an armed
    # attack that is not a victim striking back) with the crisis at the war mark
    stage_rounds: int = 1  # rounds spent in the current stage, this one included


# guards: each takes the EventData the machine passes (send_event=True)
def _f(event) -> Facts:
    return event.kwargs["facts"]


def above_tension(event) -> bool:
    return _f(event).level >= _f(event).tension_mark


def below_tension(event) -> bool:
    f = _f(event)
    return f.level < f.tension_mark and f.quiet_rounds >= 1


def incident(event) -> bool:
    f = _f(event)
    return f.incident or f.level >= f.incident_mark


def contained(event) -> bool:
    f = _f(event)
    return (not f.incident and not f.armed_attack and not f.occupation
            and f.level < f.incident_mark)


def consultation(event) -> bool:
    return _f(event).consultation


def no_consultation(event) -> bool:
    return not _f(event).consultation


def sanctions_active(event) -> bool:
    return _f(event).sanctions_active


def no_sanctions(event) -> bool:
    return not _f(event).sanctions_active


def collective_action(event) -> bool:
    return _f(event).collective_action


def armed_attack(event) -> bool:
    return _f(event).armed_attack


def fighting_stopped(event) -> bool:
    f = _f(event)
    return not f.armed_attack and not f.occupation and f.quiet_rounds >= 1


WAR_ROUNDS = 2
"""Rounds running of new aggression at the war mark that make a general war."""


def general_war(event) -> bool:
    """The general-war event: :data:`WAR_ROUNDS` rounds running in which some state
    committed new aggression with the crisis at the war mark (``Facts.war_rounds``).
    It is an event, not a level: conventional acts stop just below the rung that
    requires it (``Ladder.ceiling``), and the event lifts the crisis onto it."""
    return _f(event).war_rounds >= WAR_ROUNDS


def ceasefire(event) -> bool:
    return _f(event).ceasefire


def ceasefire_broken(event) -> bool:
    f = _f(event)
    return f.ceasefire_broken and not f.ceasefire


def settled(event) -> bool:
    f = _f(event)
    return f.stage_rounds >= 2 and f.quiet_rounds >= 2 and f.level < f.tension_mark


def long_quiet(event) -> bool:
    f = _f(event)
    return f.stage_rounds >= 3 and f.quiet_rounds >= 3 and f.level < f.tension_mark


_UP_TO_SANCTIONS = ["peace", "tension", "incident", "consultation"]
_NOT_FIGHTING = _UP_TO_SANCTIONS + ["sanctions", "collective_response", "settlement"]

# Order matters: after each round the engine fires the first trigger (in this
# order) whose transition is possible, so the most serious event wins.
TRANSITIONS = [
    {"trigger": "general_war", "source": "armed_conflict", "dest": "war",
     "conditions": [general_war]},
    {"trigger": "armed_attack", "source": _NOT_FIGHTING, "dest": "armed_conflict",
     "conditions": [armed_attack]},
    {"trigger": "ceasefire_broken", "source": "settlement", "dest": "incident",
     "conditions": [ceasefire_broken]},
    {"trigger": "ceasefire_agreed",
     "source": ["incident", "consultation", "sanctions", "collective_response", "armed_conflict"],
     "dest": "settlement", "conditions": [ceasefire]},
    {"trigger": "collective_response", "source": ["incident", "consultation", "sanctions"],
     "dest": "collective_response", "conditions": [collective_action]},
    {"trigger": "sanctions_imposed", "source": _UP_TO_SANCTIONS, "dest": "sanctions",
     "conditions": [sanctions_active]},
    {"trigger": "consultation_opened", "source": ["peace", "tension", "incident"],
     "dest": "consultation", "conditions": [consultation]},
    {"trigger": "incident_occurred", "source": ["peace", "tension"], "dest": "incident",
     "conditions": [incident]},
    {"trigger": "tension_rose", "source": "peace", "dest": "tension",
     "conditions": [above_tension]},
    # de-escalation
    {"trigger": "fighting_stopped", "source": "armed_conflict", "dest": "collective_response",
     "conditions": [fighting_stopped]},
    {"trigger": "response_stood_down", "source": "collective_response", "dest": "sanctions",
     "conditions": [contained, sanctions_active]},
    {"trigger": "response_stood_down", "source": "collective_response", "dest": "tension",
     "conditions": [contained, no_sanctions]},
    {"trigger": "sanctions_lifted", "source": "sanctions", "dest": "tension",
     "conditions": [no_sanctions, contained]},
    # members who consulted or met this round are still consulting: the stage stays
    {"trigger": "consultation_closed", "source": "consultation", "dest": "tension",
     "conditions": [contained, below_tension, no_consultation]},
    {"trigger": "incident_contained", "source": "incident", "dest": "tension",
     "conditions": [contained]},
    {"trigger": "tension_eased", "source": "tension", "dest": "peace",
     "conditions": [below_tension]},
    {"trigger": "crisis_resolved", "source": "settlement", "dest": "resolved",
     "conditions": [settled]},
    {"trigger": "crisis_resolved", "source": "peace", "dest": "resolved",
     "conditions": [long_quiet]},
]
TRIGGERS = tuple(dict.fromkeys(t["trigger"] for t in TRANSITIONS))

CRISIS = Machine(
    model=None,
    states=list(STAGES),
    transitions=TRANSITIONS,
    initial="peace",
    auto_transitions=False,
    queued=True,
    send_event=True,
    model_attribute="stage",
    ignore_invalid_triggers=True,
)

ROUND = Machine(
    model=None,
    states=list(PHASES),
    transitions=[
        {"trigger": "advance", "source": a, "dest": b}
        for a, b in zip(PHASES, PHASES[1:] + PHASES[:1])
    ],
    initial="briefing",
    auto_transitions=False,
    queued=True,
    model_attribute="phase",
)


def _holds(transitions, data: "_Probe") -> bool:
    """Whether every guard of one of ``transitions`` holds."""
    return any(all(c.func(data) == c.target for c in t.conditions) for t in transitions)


_FROM: dict[str, tuple] = {}  # stage -> see _from (CRISIS never changes once built)


def _from(stage: str) -> tuple[tuple[str, tuple], ...]:
    """(trigger, its transitions from ``stage``) for each trigger that has some, in the
    order of TRIGGERS (most serious first)."""
    found = _FROM.get(stage)
    if found is None:
        found = _FROM[stage] = tuple(
            (t, tuple(CRISIS.events[t].transitions[stage])) for t in TRIGGERS
            if CRISIS.events[t].transitions.get(stage))
    return found


@dataclass
class _Probe:
    """Stands in for transitions' EventData when asking whether a guard holds."""

    facts: Facts

    @property
    def kwargs(self):
        return {"facts": self.facts}


def possible_triggers(model, facts: Facts) -> list[str]:
    """Triggers that would move the crisis now, most serious first."""
    data = _Probe(facts)
    return [t for t, transitions in _from(model.stage) if _holds(transitions, data)]


def step(model, facts: Facts) -> str | None:
    """Fire the most serious possible trigger; return its name, or None."""
    data = _Probe(facts)
    for trigger, transitions in _from(model.stage):
        if _holds(transitions, data):  # the guards of the others need not be asked
            CRISIS.events[trigger].trigger(model, facts=facts)
            return trigger
    return None


def _plain_cycle(machine: Machine) -> dict[str, str]:
    """phase -> the next, read from ``machine``'s 'advance' transitions when they, its
    states and the machine have no conditions or callbacks: then a lookup moves a model
    exactly as the machine would (a game moves phase five times a round, and a trigger
    costs a hundred times more); else {} (every move goes through the machine)."""
    ts = [t for group in machine.events["advance"].transitions.values() for t in group]
    plain = all(not (t.conditions or t.before or t.after or t.prepare)
                for t in ts)
    plain = plain and all(not (s.on_enter or s.on_exit) for s in machine.states.values())
    plain = plain and not (machine.before_state_change or machine.after_state_change
                           or machine.prepare_event or machine.finalize_event)
    return {t.source: t.dest for t in ts} if plain else {}


NEXT_PHASE = _plain_cycle(ROUND)


def next_phase(model) -> str:
    after = NEXT_PHASE.get(model.phase)
    if after is None:  # not a phase: the machine refuses it (MachineError)
        ROUND.events["advance"].trigger(model)
    else:
        model.phase = after
    return model.phase


def mermaid() -> str:
    """The crisis machine as a mermaid state diagram (docs/crisis-machine.md)."""
    lines = ["stateDiagram-v2", "    [*] --> tension"]
    for t in TRANSITIONS:
        sources = t["source"] if isinstance(t["source"], list) else [t["source"]]
        guards = " and ".join(c.__name__ for c in t["conditions"])
        for s in sources:
            lines.append(f"    {s} --> {t['dest']}: {t['trigger']} [{guards}]")
    for s in TERMINAL:
        lines.append(f"    {s} --> [*]")
    lines.append("    state \"each round\" as round {")
    for a, b in zip(PHASES, PHASES[1:]):
        lines.append(f"        {a} --> {b}")
    lines.append(f"        {PHASES[-1]} --> {PHASES[0]}: next round")
    lines.append("    }")
    return "\n".join(lines) + "\n"
