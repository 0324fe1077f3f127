"""The crisis machine: which event moves which stage where, and the diagram is current."""

import pytest

from wargame.core import machine
from wargame.core.machine import Facts
from wargame.docsgen import MACHINE_DOC, crisis_machine_doc


class Model:
    def __init__(self, stage: str, phase: str = "briefing"):
        self.stage, self.phase = stage, phase


QUIET = dict(quiet_rounds=1)

CASES = [
    # (stage, facts, expected trigger, expected stage)
    ("peace", Facts(level=15), "tension_rose", "tension"),
    ("peace", Facts(level=5), None, "peace"),
    ("tension", Facts(level=20, incident=True), "incident_occurred", "incident"),
    ("tension", Facts(level=40), "incident_occurred", "incident"),  # grey-zone level
    ("tension", Facts(level=20, consultation=True), "consultation_opened", "consultation"),
    ("incident", Facts(level=30, consultation=True, incident=True), "consultation_opened",
     "consultation"),
    ("consultation", Facts(level=30, sanctions_active=True), "sanctions_imposed", "sanctions"),
    ("sanctions", Facts(level=40, collective_action=True), "collective_response",
     "collective_response"),
    ("tension", Facts(level=40, armed_attack=True, sanctions_active=True), "armed_attack",
     "armed_conflict"),
    ("collective_response", Facts(level=70, armed_attack=True), "armed_attack",
     "armed_conflict"),
    ("armed_conflict", Facts(level=90, armed_attack=True, fighting_rounds=2, war_rounds=2),
     "general_war", "war"),
    ("armed_conflict", Facts(level=90, armed_attack=True, fighting_rounds=1, war_rounds=1), None,
     "armed_conflict"),
    # two rounds of fighting, but only the last at the war mark: not yet a general war
    ("armed_conflict", Facts(level=90, armed_attack=True, fighting_rounds=2, war_rounds=1), None,
     "armed_conflict"),
    ("armed_conflict", Facts(level=70, ceasefire=True), "ceasefire_agreed", "settlement"),
    ("settlement", Facts(level=50, armed_attack=True), "armed_attack", "armed_conflict"),
    ("settlement", Facts(level=5, quiet_rounds=2, stage_rounds=2), "crisis_resolved",
     "resolved"),
    ("settlement", Facts(level=5, quiet_rounds=1, stage_rounds=2), None, "settlement"),
    ("settlement", Facts(level=5, quiet_rounds=5, stage_rounds=1), None, "settlement"),
    # a blockade across the ceasefire: the settlement is over (an attack is armed_attack)
    ("settlement", Facts(level=30, incident=True, ceasefire_broken=True), "ceasefire_broken",
     "incident"),
    ("settlement", Facts(level=60, armed_attack=True, ceasefire_broken=True), "armed_attack",
     "armed_conflict"),
    ("settlement", Facts(level=30, ceasefire=True, ceasefire_broken=True), None, "settlement"),
    # de-escalation
    ("armed_conflict", Facts(level=50, quiet_rounds=1), "fighting_stopped",
     "collective_response"),
    ("collective_response", Facts(level=30, sanctions_active=True, **QUIET),
     "response_stood_down", "sanctions"),
    ("collective_response", Facts(level=30, **QUIET), "response_stood_down", "tension"),
    ("sanctions", Facts(level=20), "sanctions_lifted", "tension"),
    ("consultation", Facts(level=5, **QUIET), "consultation_closed", "tension"),
    ("consultation", Facts(level=20, **QUIET), None, "consultation"),
    ("incident", Facts(level=20), "incident_contained", "tension"),
    ("tension", Facts(level=5, **QUIET), "tension_eased", "peace"),
    ("tension", Facts(level=5), None, "tension"),  # not yet a quiet round
    ("peace", Facts(level=0, quiet_rounds=3, stage_rounds=3), "crisis_resolved", "resolved"),
    ("peace", Facts(level=0, quiet_rounds=9, stage_rounds=2), None, "peace"),
    # an occupation without a ceasefire keeps the fighting stage
    ("armed_conflict", Facts(level=20, occupation=True, quiet_rounds=4), None,
     "armed_conflict"),
    ("collective_response", Facts(level=20, occupation=True, quiet_rounds=4), None,
     "collective_response"),
    ("resolved", Facts(level=99, armed_attack=True), None, "resolved"),  # terminal
    ("war", Facts(level=0, ceasefire=True, quiet_rounds=9), None, "war"),  # terminal
]


@pytest.mark.parametrize("stage,facts,trigger,dest", CASES,
                         ids=[f"{c[0]}->{c[3]}" for c in CASES])
def test_transition(stage, facts, trigger, dest):
    m = Model(stage)
    assert machine.step(m, facts) == trigger
    assert m.stage == dest


def test_round_phases_cycle():
    m = Model("tension")
    seen = [machine.next_phase(m) for _ in range(5)]
    assert seen == ["diplomacy", "orders", "resolution", "aftermath", "briefing"]


@pytest.mark.parametrize("phase", machine.PHASES)
def test_next_phase_moves_as_the_round_machine_does(phase):
    # next_phase looks the move up; the machine's own trigger must agree from every phase
    looked_up, triggered = Model("tension", phase), Model("tension", phase)
    machine.next_phase(looked_up)
    machine.ROUND.events["advance"].trigger(triggered)
    assert looked_up.phase == triggered.phase != phase


def test_next_phase_refuses_what_is_not_a_phase():
    # as the machine itself does: "State 'lunch' is not a registered state"
    with pytest.raises(ValueError, match="not a registered state"):
        machine.next_phase(Model("tension", "lunch"))


def test_one_machine_shared_and_modelless():
    # games keep only names; the shared machines never collect models
    for _ in range(50):
        machine.step(Model("peace"), Facts(level=20))
    assert machine.CRISIS.models == []
    assert machine.ROUND.models == []


def test_every_stage_reachable_and_every_trigger_documented():
    dests = {t["dest"] for t in machine.TRANSITIONS}
    assert set(machine.STAGES) - {"peace", "tension"} <= dests
    text = MACHINE_DOC.read_text(encoding="utf-8")
    for t in machine.TRIGGERS:
        assert f"`{t}`" in text


def test_diagram_is_current():
    assert MACHINE_DOC.read_text(encoding="utf-8") == crisis_machine_doc(), (
        "docs/crisis-machine.md is out of date: run `python -m wargame.docsgen`"
    )


@pytest.mark.parametrize("before,aggression,now,expected", [
    (1, [("north", "east")], 84, 2),  # a second round of new aggression at the war mark
    (0, [("north", "east")], 90, 1),
    (1, [], 84, 0),  # a round without new aggression (a victim striking back): start again
    (1, [("north", "east")], 80, 0),  # below the mark
])
def test_rounds_of_new_aggression_at_the_war_mark(before, aggression, now, expected):
    from types import SimpleNamespace

    from wargame.core.adjudicate import _war_rounds
    from wargame.core.ladder import DEFAULT_LADDER

    r = SimpleNamespace(state=SimpleNamespace(war_rounds=before, escalation=now),
                        world=SimpleNamespace(ladder=DEFAULT_LADDER))
    assert DEFAULT_LADDER.war == 84
    assert _war_rounds(r, aggression) == expected
