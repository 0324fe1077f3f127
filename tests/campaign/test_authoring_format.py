"""What an instructor can now say in a campaign file: conditions on liberated land,
adopted measures and wars, `not`; effects that request help and station forces;
objectives on a third state's land and on measures; named warnings and `quiet:`.

Each is checked where a user meets it: the loader builds it, the engine honours it
in a game, the words a player reads, and the schema an editor uses accepts it.
"""

from __future__ import annotations

import textwrap

import pytest

from wargame.campaign import load_campaign
from wargame.campaign.schema import schema
from wargame.core import Game, Order
from wargame.core.conflicts import basis_for
from wargame.core.injects import Condition
from wargame.core.injects import Test as Check
from wargame.core.model import ObjectiveKind
from wargame.core.scoring import describe, met
from wargame.core.state import Conflict, Draft, GameState

from . import draft07

GULF = """\
format: 1
title: Gulf
briefing: Iraq may invade Kuwait.
rounds: 6
states:
  iraq: {name: Iraq, region: gulf, military: 300, economy: 50, defence_spending: 10,
         objectives: [{kind: gain_territory, target: kuwait, threshold: 50, points: 10}]}
  kuwait: {name: Kuwait, region: gulf, military: 20, economy: 30, defence_spending: 3,
           objectives: [{kind: keep_territory, points: 10}]}
  saudi:
    name: Saudi Arabia
    region: gulf
    military: 80
    economy: 120
    defence_spending: 6
    objectives:
      - {kind: protect_territory, target: kuwait, points: 5}
      - {kind: protect_territory, target: saudi, threshold: 80, points: 2}
      - {kind: measure_adopted, institution: unsc, measure: sanctions, target: iraq, points: 5}
  usa: {name: United States, region: north_america, military: 2000, economy: 6000,
        defence_spending: 5, objectives: [{kind: measure_adopted, institution: unsc,
        measure: sanctions, points: 3}]}
institutions:
  unsc:
    name: Security Council
    members: [usa, iraq, saudi, kuwait]
    decides_by: {rule: qualified_majority, votes: 3, veto: [usa]}
    clauses: [{id: art41, kind: sanctions, binding: true}]
"""

INJECTS = """\
injects:
  - id: invited
    when:
      - under_attack: kuwait
      - not: {at_war: {state: usa, with: iraq}}
    effects:
      - request_assistance: {by: saudi, from: [usa, kuwait]}
      - deploy: {by: usa, to: saudi, share: 0.25}
  - id: liberated
    repeat: true
    when:
      - fired: invited
      - territory_at_least: {state: kuwait, value: 100}
      - adopted: {institution: unsc, measure: sanctions, against: iraq}
      - not: {at_war: iraq}
    effects: [{news: Kuwait is free.}]
"""


def load(tmp_path, text: str):
    path = tmp_path / "gulf.yaml"
    path.write_text(text, encoding="utf-8")
    return load_campaign(path)


def test_the_loader_builds_every_new_condition(tmp_path):
    c = load(tmp_path, GULF + INJECTS)
    invited, liberated = c.world.injects
    assert invited.when[1] == Condition(Check.NOT, inner=Condition(
        Check.AT_WAR, state="usa", target="iraq"))
    assert liberated.when[1:] == (
        Condition(Check.TERRITORY_AT_LEAST, state="kuwait", value=100.0),
        Condition(Check.ADOPTED, institution="unsc", measure="sanctions", target="iraq"),
        Condition(Check.NOT, inner=Condition(Check.AT_WAR, state="iraq")))
    assert c.warnings == ()


def test_the_schema_accepts_the_new_keys(tmp_path):
    import yaml

    data = yaml.safe_load(GULF + INJECTS + "quiet: [no_objectives]\n")
    assert draft07.errors(schema(), data) == []
    data["injects"][0]["effects"][1]["deploy"]["share"] = 2
    assert draft07.errors(schema(), data) != []


def _state(world) -> GameState:
    return GameState.start(world)


@pytest.mark.parametrize("cond, change, before, after", [
    (Condition(Check.TERRITORY_AT_LEAST, state="kuwait", value=100.0),
     lambda st: setattr(st.nations["kuwait"], "territory", 99.0), True, False),
    (Condition(Check.NOT, inner=Condition(Check.TERRITORY_BELOW, state="kuwait", value=50.0)),
     lambda st: setattr(st.nations["kuwait"], "territory", 40.0), True, False),
    (Condition(Check.ADOPTED, institution="unsc", measure="sanctions", target="iraq"),
     lambda st: st.drafts.append(Draft("d1", "unsc", "usa", "sanctions", "iraq", 1,
                                       decided=True, adopted=True)), False, True),
    (Condition(Check.ADOPTED, institution="unsc"),  # any measure, any target
     lambda st: st.drafts.append(Draft("d1", "unsc", "usa", "condemn", "kuwait", 1,
                                       decided=True, adopted=True)), False, True),
    (Condition(Check.ADOPTED, institution="unsc", measure="sanctions"),  # tabled, rejected
     lambda st: st.drafts.append(Draft("d1", "unsc", "usa", "sanctions", "iraq", 1,
                                       decided=True, adopted=False)), False, False),
    (Condition(Check.AT_WAR, state="iraq"),
     lambda st: st.conflicts.append(Conflict("iraq", "kuwait", 1)), False, True),
    (Condition(Check.AT_WAR, state="usa", target="iraq"),  # on the victim's side
     lambda st: st.conflicts.append(Conflict("iraq", "kuwait", 1, side=["usa"])), False, True),
    (Condition(Check.AT_WAR, state="saudi"),  # a bystander
     lambda st: st.conflicts.append(Conflict("iraq", "kuwait", 1, side=["usa"])), False, False),
    (Condition(Check.AT_WAR, state="kuwait", target="iraq"),  # a ceasefire ended it
     lambda st: st.conflicts.append(Conflict("iraq", "kuwait", 1, ended=3)), False, False),
])
def test_conditions_follow_the_state_of_play(tmp_path, cond, change, before, after):
    st = _state(load(tmp_path, GULF).world)
    assert cond.holds(st) is before
    change(st)
    assert cond.holds(st) is after


def _round(game, orders=()):
    while game.phase != "orders":
        game.advance()
    for o in orders:
        game.submit_orders(o.nation, [o])
    game.resolve()


def test_a_request_by_inject_makes_helping_lawful_and_deployed_forces_arrive(tmp_path):
    world = load(tmp_path, GULF + INJECTS).world
    game = Game(world, 1)
    usa_home = game.state.nations["usa"].military
    assert basis_for(world, game.state, "usa", "saudi", "iraq") == ""
    _round(game, [Order("iraq", "invasion", target="kuwait")])
    texts = [e.text for e in game.log if e.ref == "invited"]
    assert "Saudi Arabia asks United States and Kuwait for help in its defence" in texts[0]
    assert ("saudi", "usa") in game.state.requests
    assert basis_for(world, game.state, "usa", "saudi", "iraq").startswith("at Saudi Arabia")
    stationed = game.state.nations["usa"].deployed["saudi"]
    assert stationed == pytest.approx(usa_home * 0.25)
    assert "deploys forces to Saudi Arabia (strength 500)" in texts[1]


def test_objectives_on_a_third_states_land_and_on_measures(tmp_path):
    world = load(tmp_path, GULF).world
    saudi = {o.target or o.kind.value: o for o in world.nation["saudi"].objectives}
    kuwait_land, own_land, sanctions = (world.nation["saudi"].objectives)
    assert describe(world, kuwait_land) == "Kuwait keeps all of its territory."
    assert describe(world, own_land) == "Saudi Arabia keeps at least 80% of its territory."
    assert describe(world, sanctions) == \
        "Security Council adopts sanctions against Iraq."
    any_sanctions = world.nation["usa"].objectives[0]
    assert describe(world, any_sanctions) == "Security Council adopts sanctions."
    st = _state(world)
    assert met(world, st, "saudi", kuwait_land) and met(world, st, "saudi", own_land)
    assert not met(world, st, "saudi", sanctions)
    st.nations["kuwait"].territory = 99.0
    st.drafts.append(Draft("d1", "unsc", "usa", "sanctions", "kuwait", 1, decided=True,
                           adopted=True))
    assert not met(world, st, "saudi", kuwait_land)
    assert not met(world, st, "saudi", sanctions)  # against the wrong state
    assert met(world, st, "usa", any_sanctions)
    st.drafts.append(Draft("d2", "unsc", "usa", "sanctions", "iraq", 2, decided=True,
                           adopted=True))
    assert met(world, st, "saudi", sanctions)
    assert saudi["kuwait"].kind is ObjectiveKind.PROTECT_TERRITORY


NO_OBJECTIVES = textwrap.dedent("""\
    format: 1
    title: Quiet
    briefing: Two states.
    states:
      red: {name: Red, region: east, military: 100, economy: 500, defence_spending: 3}
      blue: {name: Blue, region: east, military: 50, economy: 400, defence_spending: 2,
             objectives: [{kind: keep_territory, points: 5}]}
    """)


def test_a_warning_names_itself_and_quiet_silences_only_that_one(tmp_path):
    c = load(tmp_path, NO_OBJECTIVES)
    (w,) = c.warnings
    assert w.name == "no_objectives"
    assert "add 'no_objectives' to the campaign's quiet: list" in str(w)
    assert load(tmp_path, NO_OBJECTIVES + "quiet: [no_objectives]\n").warnings == ()
    other = load(tmp_path, NO_OBJECTIVES + "quiet: [region_used_once]\n")
    assert [x.name for x in other.warnings] == ["no_objectives"]


def test_an_inject_may_table_force_once_its_condition_guarantees_sanctions(tmp_path):
    force = """\
injects:
  - id: all_necessary_means
    when:
      - adopted: {institution: unsc, measure: sanctions, against: iraq}
    effects:
      - table_draft: {by: usa, institution: unsc, measure: use_of_force, target: iraq}
"""
    text = GULF.replace("clauses: [{id: art41, kind: sanctions, binding: true}]",
                        "clauses: [{id: art41, kind: sanctions, binding: true}, "
                        "{id: art42, kind: use_of_force_authorisation, "
                        "requires: sanctions_tried}]")
    assert load(tmp_path, text + force).world.injects[0].id == "all_necessary_means"
    from wargame.campaign import CampaignErrors

    with pytest.raises(CampaignErrors, match="only once they are adopted"):
        load(tmp_path, text + force.replace("against: iraq}", "against: kuwait}"))
