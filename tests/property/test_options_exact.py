"""Legal options are exactly the legal orders, in any state random play reaches: every
(action, target, institution) an option offers passes the rules' check, and every
one the check passes is offered. The options are made from plans and lazy target
lists (wargame.core.offers), so this is what keeps them honest."""

from hypothesis import HealthCheck, given, settings, strategies as st

from wargame.core import Game, Order, demo_world, generated_world
from wargame.core.actions import Effect, Target
from wargame.core.errors import IllegalOrder
from wargame.core.legal import check
from wargame.core.offers import Targets, options

from positions import orders_phase

WORLDS = {"demo": demo_world(rounds=8), "gen10": generated_world(10, seed=2, rounds=8)}


def offered(world, state, nation) -> set[tuple[str, str, str]]:
    out = set()
    for opt in options(world, state, nation):
        if opt.action.effect is Effect.TABLE:
            continue  # a draft's legality also depends on its measure
        for t in opt.targets or ("",):
            for i in opt.institutions or ("",):
                out.add((opt.action.id, t, i))
    return out


def legal(world, state, nation) -> set[tuple[str, str, str]]:
    out = set()
    insts = tuple(x.id for x in world.institutions)
    for spec in world.actions.values():
        if spec.effect is Effect.TABLE:
            continue
        # an order names a state or an institution, as its action says (an extra field
        # is ignored by the check, and offered by no option)
        by_institution = spec.target is Target.INSTITUTION
        for t in ("",) if by_institution else ("",) + world.ids:
            for i in insts if by_institution else ("",):
                try:
                    check(world, state, Order(nation, spec.id, t, i))
                except IllegalOrder:
                    continue
                out.add((spec.id, t, i))
    return out


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(WORLDS)), st.integers(0, 10 ** 6), st.integers(1, 7))
def test_options_are_exactly_the_orders_the_rules_allow(name, seed, rounds):
    world = WORLDS[name]
    game = orders_phase(world, seed, rounds)
    if game.over:
        return
    for nation in world.ids:
        assert offered(world, game.state, nation) == legal(world, game.state, nation)
        # the game's views (which share facts between states) offer the same
        assert list(game.view(nation).options) == options(world, game.state, nation)


def test_lazy_targets_behave_as_the_tuple_they_stand_for():
    world = WORLDS["gen10"]
    game = Game(world, 1)
    game.advance()
    game.advance()
    for opt in options(world, game.state, "s003"):
        if isinstance(opt.targets, Targets):
            listed = tuple(opt.targets)
            assert len(opt.targets) == len(listed) and bool(opt.targets) == bool(listed)
            assert opt.targets == listed and listed == opt.targets
            assert hash(opt.targets) == hash(listed)
            assert all(t in opt.targets for t in listed)
            assert [t for t in ("s003", "s004", "nowhere", "") if t in opt.targets] == \
                [t for t in ("s003", "s004", "nowhere", "") if t in listed]
            assert opt.targets[0] == listed[0] and opt.targets[-1] == listed[-1]


def _verdict(world, state, orders, offered=None) -> str:
    from wargame.core.legal import check_all

    try:
        check_all(world, state, orders, offered)
    except IllegalOrder as exc:
        return str(exc)
    return "legal"


# (more examples than most: a save replays orders through the whole check, so an
# order accepted on the view's options alone and refused by the whole check would
# make the save unloadable)
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(WORLDS)), st.integers(0, 10 ** 6), st.integers(1, 7),
       st.sampled_from([0.0, 0.5, 1.0, 1.5, -0.2]))
def test_orders_checked_against_the_views_options_get_the_same_verdict(name, seed, rounds,
                                                                       forces):
    # submit_orders checks an order its view offered only for its forces: every order,
    # offered or not, must get exactly the verdict (and reason) of the whole check
    world = WORLDS[name]
    game = orders_phase(world, seed, rounds)
    if game.over:
        return
    insts = ("",) + tuple(x.id for x in world.institutions)
    from wargame.core.offers import offered as offered_by_id

    for nation in world.ids:
        offered = list(game.view(nation).options)
        # as the game keeps them: by each action's place in the state's plan
        listed, by_id = offered_by_id(world, game.state, nation)
        assert list(listed) == offered
        for spec in world.actions.values():
            for t in ("", nation) + world.ids[:4]:
                for i in insts[:3]:
                    order = Order(nation, spec.id, t, i, forces=forces)
                    whole = _verdict(world, game.state, [order])
                    assert _verdict(world, game.state, [order], offered) == whole
                    assert _verdict(world, game.state, [order], by_id) == whole
