"""The loader maps every campaign feature onto the core, and warns where it should."""

from __future__ import annotations

import io
import textwrap

import pytest

from wargame.campaign import Campaign, CampaignError, CampaignErrors, load_campaign
from wargame.campaign import source
from wargame.campaign.validate import run
from wargame.core import CATALOGUE
from wargame.core.injects import Change
from wargame.core.injects import Test as Check
from wargame.core.rules import (ConsensusMinusOne, PartiesRule, QualifiedMajority,
                                SimpleMajority, Unanimity)

BASE = """\
format: 1
title: Test
author: A. Teacher
description: Two states.
version: "2.1"
players: 2
seed: 99
rounds: 5
briefing: |
  Public briefing.
states:
  red:
    name: Red
    region: east
    military: 100
    economy: 500
    defence_spending: 3
    nuclear: true
    trade: {blue: 0.25}
    personality: {aggression: 0.9, loyalty: 0.1}
    objectives:
      - {kind: gain_territory, target: blue, threshold: 10, points: 7, text: Take it.}
    briefing: Red's secret.
  blue:
    name: Blue
    region: west
    military: 50
    economy: 400
    defence_spending: 2
    objectives: [{kind: keep_territory, points: 5}]
"""


def load(tmp_path, extra: str = "", base: str = BASE) -> Campaign:
    path = tmp_path / "c.yaml"
    path.write_text(base + textwrap.dedent(extra), encoding="utf-8")
    return load_campaign(path)


def warnings(tmp_path, extra: str, base: str = BASE) -> list[str]:
    return [w.message for w in load(tmp_path, extra, base).warnings]


def test_metadata_and_briefings(tmp_path):
    c = load(tmp_path)
    assert (c.title, c.author, c.description, c.version, c.players, c.seed, c.rounds) == \
        ("Test", "A. Teacher", "Two states.", "2.1", 2, 99, 5)
    assert c.briefing == "Public briefing." and c.private_briefing("red") == "Red's secret."
    red = c.world.nation["red"]
    assert red.nuclear and red.trade == {"blue": 0.25} and red.personality.aggression == 0.9
    assert red.personality.risk_tolerance == 0.5  # the core's default
    obj = red.objectives[0]
    assert (obj.kind.value, obj.target, obj.threshold, obj.points, obj.text) == \
        ("gain_territory", "blue", 10.0, 7, "Take it.")
    assert c.world.rounds_limit == 5 and c.summary()["objectives"] == 2


def test_no_for_norway_stays_a_word(tmp_path):
    base = BASE.replace("  blue:\n", "  no:\n").replace("{blue: 0.25}", "{no: 0.25}") \
        .replace("target: blue", "target: no")
    c = load(tmp_path, """\
        institutions:
          nordic:
            name: Nordic pact
            members: [red, no]
            decides_by: {rule: qualified_majority, votes: 2, veto: [no]}
        """, base)
    assert "no" in c.world.nation and c.world.nation["red"].trade == {"no": 0.25}
    assert c.world.institution["nordic"].members == ("red", "no")
    assert c.world.institution["nordic"].rule.veto == ("no",)


def test_decision_rules_and_their_options(tmp_path):
    c = load(tmp_path, """\
        institutions:
          a: {name: A, members: [red, blue], decides_by: {rule: unanimity, abstention_blocks: true}}
          b: {name: B, members: [red, blue], decides_by: {rule: simple_majority, of_members: true}}
          c: {name: C, members: [red, blue], decides_by: consensus_minus_one, parties_to_dispute: abstain}
          d: {name: D, members: [red, blue], decides_by: {rule: qualified_majority, votes: 2}, parties_to_dispute: chapter_vi_only}
        """)
    i = c.world.institution
    assert i["a"].rule == Unanimity(abstention_blocks=True)
    assert i["b"].rule == SimpleMajority(of_members=True)
    assert i["c"].rule == ConsensusMinusOne(parties=PartiesRule.ABSTAIN)
    assert i["d"].rule == QualifiedMajority(required=2, parties=PartiesRule.CHAPTER_VI_ONLY)


def test_clauses_scope_and_decline_costs(tmp_path):
    c = load(tmp_path, """\
        institutions:
          pact:
            name: Pact
            members: [red, blue]
            decides_by: consensus
            scope: {regions: [east, west]}
            credibility: 70
            clauses:
              - {id: art4, kind: consultation, title: Art. 4}
              - {id: art5, kind: collective_defence, strength: constitutional_processes, decline_costs: {credibility: 25, support: 3}}
              - {id: sanctions, kind: sanctions, binding: false}
              - {id: force, kind: use_of_force_authorisation, requires: sanctions_tried}
        """)
    pact = c.world.institution["pact"]
    cd = pact.clauses[1]
    assert pact.scope.regions == ("east", "west") and pact.credibility == 70
    assert cd.strength.value == "constitutional_processes"
    assert (cd.decline_costs.credibility, cd.decline_costs.alliance_credibility,
            cd.decline_costs.support) == (25, 5, 3)
    assert pact.clauses[0].label == "Art. 4" and not pact.clauses[2].binding
    assert pact.clauses[3].requires_sanctions_tried


def test_ladder_start_and_orders(tmp_path):
    c = load(tmp_path, """\
        orders_per_round: 2
        start: {stage: incident, escalation: 20, tensions: [{between: [red, blue], level: 30}]}
        ladder:
          rungs: [{level: 0, id: calm, name: Calm}, {level: 50, id: war, name: War}]
          tension: 10
          decay: 0.2
        """)
    w = c.world
    assert [r.id for r in w.ladder.rungs] == ["calm", "war"]
    assert (w.ladder.tension, w.ladder.incident, w.ladder.decay) == (10, 38, 0.2)
    assert (w.start_stage, w.start_escalation, w.orders_per_round) == ("incident", 20, 2)
    assert w.start_tensions == (("red", "blue", 30.0),)


def test_action_overrides_disable_retune_and_add_variants(tmp_path):
    c = load(tmp_path, """\
        actions:
          disable: [invasion]
          retune:
            trade_embargo: {escalation: 9, stages: [sanctions, armed_conflict]}
          add:
            patrol: {like: joint_exercise, name: Patrol, escalation: 1}
        """)
    acts = c.world.actions
    assert "invasion" not in acts and len(acts) == len(CATALOGUE)
    assert acts["trade_embargo"].escalation == 9
    assert acts["trade_embargo"].stages == frozenset({"sanctions", "armed_conflict"})
    assert acts["trade_embargo"].magnitude == CATALOGUE["trade_embargo"].magnitude
    patrol = acts["patrol"]
    assert (patrol.id, patrol.name, patrol.effect, patrol.target) == \
        ("patrol", "Patrol", CATALOGUE["joint_exercise"].effect, CATALOGUE["joint_exercise"].target)


def test_injects_and_end_conditions(tmp_path):
    c = load(tmp_path, """\
        institutions:
          council: {name: Council, members: [red, blue], decides_by: consensus, clauses: [{id: s, kind: sanctions}]}
        injects:
          - id: one
            round: 2
            probability: 0.5
            repeat: true
            when: [{stage_is: incident}, {territory_below: {state: blue, value: 90}}]
            effects:
              - news: Public news.
              - news: {to: blue, text: A secret.}
              - adjust: {state: red, field: support, by: -5, text: Protests.}
              - incident: {by: red, against: blue, tension: 8}
              - table_draft: {by: blue, institution: council, measure: sanctions, target: red}
        end:
          - when: [{quiet_rounds_at_least: 2}, {escalation_below: 10}]
            outcome: resolved
            text: Over.
        """)
    inj = c.world.injects[0]
    assert (inj.id, inj.round, inj.probability, inj.repeat) == ("one", 2, 0.5, True)
    assert [w.test for w in inj.when] == [Check.STAGE_IS, Check.TERRITORY_BELOW]
    assert inj.when[1].state == "blue" and inj.when[1].value == 90
    kinds = [e.change for e in inj.effects]
    assert kinds == [Change.NEWS, Change.NEWS, Change.ADJUST, Change.INCIDENT, Change.TABLE_DRAFT]
    assert inj.effects[1].private and inj.effects[1].state == "blue"
    assert inj.effects[2].field == "support" and inj.effects[2].value == -5
    end = c.world.end_conditions[0]
    assert end.outcome == "resolved" and end.text == "Over." and len(end.when) == 2


@pytest.mark.parametrize("extra, message", [
    ("states:\n  green: {name: G, region: west, military: 1, economy: 1, defence_spending: 1}\n",
     None),  # a second 'states' is a duplicate key: an error, tested in the corpus
    ("injects:\n  - {id: late, round: 9, effects: [{news: Too late.}]}\n",
     "inject 'late' can never fire: round 9 comes after the last round (5)"),
    ("injects:\n  - {id: never, probability: 0, effects: [{news: No.}]}\n",
     "inject 'never' can never fire: its probability is 0"),
    ("injects:\n  - {id: odd, when: [{escalation_at_least: 50}, {escalation_below: 40}], "
     "effects: [{news: No.}]}\n",
     "inject 'odd' can never fire: escalation cannot be at least 50 and below 40 at once"),
    ("end:\n  - {when: [{round_at_least: 8}], outcome: resolved}\n",
     "this end condition can never hold: round_at_least 8 comes after round 5"),
    ("actions: {disable: [request_consultation]}\ninstitutions:\n  p: {name: P, members: "
     "[red, blue], decides_by: consensus, clauses: [{id: c, kind: consultation}]}\n",
     "clause 'c' of 'p' can never be used: no action requests consultation "
     "(request_consultation is disabled)"),
    ("actions: {disable: [table_resolution]}\ninstitutions:\n  p: {name: P, members: "
     "[red, blue], decides_by: consensus, clauses: [{id: s, kind: sanctions}]}\n",
     "clause 's' of 'p' can never be used: nobody can table a draft (table_resolution is "
     "disabled and no inject tables one)"),
    ("institutions:\n  p: {name: P, members: [red, blue], decides_by: consensus, scope: "
     "{regions: [south]}, clauses: [{id: d, kind: collective_defence, strength: automatic}]}\n",
     "clause 'd' of 'p' can never be used: no member lies inside its scope"),
    ("institutions:\n  p: {name: P, members: [red, blue], decides_by: consensus, clauses: "
     "[{id: f, kind: use_of_force_authorisation, requires: sanctions_tried}]}\n",
     "clause 'f' of 'p' can never be used: it requires sanctions first, but the institution "
     "has no sanctions clause"),
    ("institutions:\n  p: {name: P, members: [red, blue], decides_by: consensus, clauses: "
     "[{id: x, kind: suspension}]}\n",
     "clause 'x' of 'p' can never be used: the state to be suspended can block it (use "
     "consensus_minus_one, or parties_to_dispute: abstain)"),
    ("institutions:\n  p: {name: P, members: [red, blue], decides_by: consensus, scope: "
     "{regions: [esat]}}\n", "no state lies in scope region 'esat'"),
    ("actions: {disable: [mobilise], retune: {mobilise: {escalation: 3}}}\n",
     "'mobilise' is retuned but also disabled"),
])
def test_warnings_for_what_is_legal_but_probably_wrong(tmp_path, extra, message):
    if message is None:
        with pytest.raises(CampaignErrors):
            load(tmp_path, extra)
        return
    assert warnings(tmp_path, extra) == [message]


def test_a_state_without_objectives_and_a_misspelt_region_are_warned(tmp_path):
    base = BASE.replace("    objectives: [{kind: keep_territory, points: 5}]\n", "") + \
        "  green: {name: G, region: east, military: 1, economy: 1, defence_spending: 1, " \
        "objectives: [{kind: avoid_war, points: 1}]}\n" \
        "  white: {name: W, region: eats, military: 1, economy: 1, defence_spending: 1, " \
        "objectives: [{kind: avoid_war, points: 1}]}\n"
    c = load(tmp_path, "", base)
    assert [(w.line, w.message, w.hint) for w in c.warnings] == [
        (24, "'blue' has no objectives", "its player can score nothing; add at least one "
             "objective"),
        (31, "region 'eats' is used by 'white' only", "did you mean 'east'?")]


def test_validate_prints_warnings_and_exits_0(tmp_path):
    path = tmp_path / "w.yaml"
    path.write_text(BASE + "injects:\n  - {id: late, round: 9, effects: [{news: x}]}\n")
    out = io.StringIO()
    assert run([str(path)], out) == 0
    text = out.getvalue()
    assert ": OK: Test (version 2.1): 2 states, 0 institutions, 0 clauses, 1 inject, " \
        "2 objectives; 5 rounds, seed 99; 1 warning" in text
    assert "w.yaml:32:5: warning: inject 'late' can never fire" in text


def test_errors_are_sorted_and_printed_one_per_line():
    errs = CampaignErrors([CampaignError("f.yaml", 9, 2, "later", "fix it"),
                           CampaignError("f.yaml", 3, 7, "first")])
    assert str(errs) == "f.yaml:3:7: first\nf.yaml:9:2: later\n    hint: fix it"


@pytest.mark.skipif(source.CParser is None, reason="PyYAML without libyaml")
def test_libyaml_and_pure_python_compose_the_same_nodes():
    from wargame.campaign import bundled_campaigns

    def shape(node):
        value = node.value
        if isinstance(value, list):
            value = [tuple(map(shape, v)) if isinstance(v, tuple) else shape(v) for v in value]
        return (node.tag, value, node.start_mark.line, node.start_mark.column,
                getattr(node, "style", None))

    for path in bundled_campaigns():
        text = path.read_text(encoding="utf-8") + "\nx: &a [é, 'ü', \"ÿ\"]\n"
        fast, slow = [], []
        assert shape(source.compose(text, lambda *a: fast.append(a))) == \
            shape(source._compose(text, lambda *a: slow.append(a)))
        assert fast == slow and len(fast) == 1


def test_a_campaign_loads_from_bytes_named_by_its_path(tmp_path):
    c = load_campaign("embedded.yaml", data=BASE.encode())
    assert c.title == "Test"
    with pytest.raises(CampaignErrors) as info:
        load_campaign("embedded.yaml", data=BASE.replace("military: 50", "military: x").encode())
    assert str(info.value).startswith("embedded.yaml:27:15: 'military' must be a number")


def test_a_loaded_world_survives_pickling():
    import pickle

    from wargame.campaign import DEFAULT_CAMPAIGN

    world = load_campaign(DEFAULT_CAMPAIGN).world
    again = pickle.loads(pickle.dumps(world))
    assert again.ids == world.ids and dict(again.actions) == dict(world.actions)
    assert again.nation["estonia"].trade == world.nation["estonia"].trade
