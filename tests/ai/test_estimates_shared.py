"""What the aggressor and the voters work out once and share (wargame/ai/estimate.py:
each possible helper's facts once a reading, the sanctions in force once a reading,
the stationed forces grouped once per facts of war; wargame/ai/votes.py: the facts
of war every voter reads alike) must be exactly what the plain definitions give: a
difference in the last bit of a chance could change a decision."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from wargame.ai import estimate
from wargame.ai.estimate import (FRIEND_WITHOUT_TREATY, HOME_ADVANTAGE, LIBERATION_SHARE,
                                 SHOWN_BASE, SHOWN_FULL, believed, coalition, defenders,
                                 sanctions_exposure, stationed_in)
from wargame.ai.runner import ComputerPlayers
from wargame.ai.votes import _at_war
from wargame.campaign import load_campaign
from wargame.campaign.bundled import find_campaign
from wargame.core.game import Game
from wargame.core.legal import READINESS_MULTIPLIER
from wargame.core.view import Holding, Side, Stationed, WarFacts

BALTIC = load_campaign(find_campaign("baltic-flashpoint")).world


def _plain_helpers(r, victim: str, attacker: str, memory) -> dict[str, float]:
    """The helpers as the aggressor weighed them before anything was shared."""
    out = defenders(r.world, r.institution, r.state, victim, attacker)
    for m in memory.friends_of(victim):
        if m not in (victim, attacker) and m not in out:
            out[m] = FRIEND_WITHOUT_TREATY * believed(r.state(m).credibility)
    mine = r.world.allies[attacker]
    tripwires = {x.owner for x in r.view.war.stationed if x.host == victim}
    for m in list(out):
        if m in mine:
            out[m] *= 0.2
        shown = memory.shown.get((m, victim), 0.0) + 0.3 * memory.shown_any.get(m, 0.0)
        kept = sum(1 for ob in r.view.obligations if ob.debtor == m and ob.status.value == "kept")
        declined = sum(1 for ob in r.view.obligations
                       if ob.debtor == m and ob.status.value == "declined")
        p = out[m] * (SHOWN_BASE + (1 - SHOWN_BASE) * min(1.0, shown / SHOWN_FULL)) * (
            0.5 ** declined)
        p *= 1.0 + 0.1 * min(kept, 3)
        if m in tripwires:
            p = max(p, 0.85)
        out[m] = min(1.0, p)
    return out


def _home(r, n: str) -> float:
    return estimate.forces_at_home(r.view, n) * READINESS_MULTIPLIER[r.state(n).readiness]


def _plain_coalition(r, victim: str, attacker: str, memory, foresight: bool):
    friends = _plain_helpers(r, victim, attacker, memory)
    later = _home(r, victim) * HOME_ADVANTAGE * LIBERATION_SHARE
    full = whole = 0.0
    shown = declined = 0
    for m, p in friends.items():
        later += p * _home(r, m) * LIBERATION_SHARE
        them = r.state(m)
        power_ = them.military * READINESS_MULTIPLIER[them.readiness]
        full += p * power_
        whole += power_
        shown += memory.shown.get((m, victim), 0.0) > 0
        declined += any(ob.debtor == m and ob.status.value == "declined"
                        for ob in r.view.obligations)
    if foresight:
        later += sum(x.forces for x in r.view.war.stationed
                     if x.host == victim and x.owner != attacker) * 0.5
    record = f"{shown} of {len(friends)} have shown support, {declined} declined a duty"
    return later, full, friends, record, full / whole if whole else 0.0


def _plain_exposure(r, trade, victim: str, friends: dict, now: bool) -> float:
    cover = {s: b for (s, t), b in r.memory.sanctions.items() if t == r.nation}
    if not now:
        for m, p in friends.items():
            cover[m] = max(cover.get(m, 0.0), 0.6 * p)
        cover[victim] = max(cover.get(victim, 0.0), 0.6)
    return min(1.0, sum(trade.get(s, 0.0) * b for s, b in cover.items()))


def test_the_aggressors_estimates_equal_their_plain_definitions_in_played_games():
    compared = 0
    for seed in (1, 2):
        game = Game(BALTIC, seed)
        players = ComputerPlayers(BALTIC, seed)
        while not game.over:
            players.play_round(game)
            for n, policy in players.policies.items():
                r = policy._last_read
                targets = policy._targets(r) if r is not None else {}
                for t in targets:  # asked again after the round: from the reading's memos
                    fore = policy.skill.foresight
                    coal = coalition(r, t, n, policy.memory, fore)
                    plain = _plain_coalition(r, t, n, policy.memory, fore)
                    assert (coal.later, coal.full, coal.friends, coal.record,
                            coal.confidence) == plain, (seed, game.round, n, t)
                    assert list(coal.friends) == list(plain[2])  # the same order too
                    for now in (False, True):
                        assert sanctions_exposure(r, policy.trade, t, coal.friends, now) == \
                            _plain_exposure(r, policy.trade, t, coal.friends, now)
                    for besides in ("", n):
                        assert stationed_in(r.view, t, besides) == sum(
                            x.forces for x in r.view.war.stationed
                            if x.host == t and x.owner != besides)
                    compared += 1
    assert compared > 20  # the Baltic aggressor weighs its targets every round


STATES = ["a", "b", "c", "d", "e"]
sides = st.builds(Side, st.sampled_from(STATES), st.sampled_from(STATES), st.integers(1, 5),
                  st.lists(st.sampled_from(STATES), max_size=3).map(tuple),
                  st.sampled_from([0, 0, 3]))
holdings = st.builds(Holding, st.sampled_from(STATES), st.sampled_from(STATES),
                     st.floats(0.1, 100.0), st.floats(0.0, 50.0))
stationed = st.builds(Stationed, st.sampled_from(STATES), st.sampled_from(STATES),
                      st.floats(0.1, 50.0))


@settings(max_examples=200)
@given(st.lists(sides, max_size=6).map(tuple), st.lists(holdings, max_size=5).map(tuple),
       st.lists(stationed, max_size=6).map(tuple))
def test_the_facts_of_war_read_once_equal_the_searches_each_voter_made(conflicts, held, away):
    war = WarFacts(holdings=held, conflicts=conflicts, stationed=away)
    aggressors, holding, defended, at_war = _at_war(war)
    for t in STATES:
        ongoing = [c for c in conflicts if not c.ended]
        assert aggressors.get(t, []) == sorted({c.victim for c in ongoing if c.attacker == t})
        lands = [h.land for h in held if h.occupier == t]
        assert holding.get(t) == (lands[0] if lands else None)
        assert (t in defended) == (any(c.victim == t for c in ongoing)
                                   or any(t in c.side for c in ongoing))
        assert (t in at_war) == any(t in (c.attacker, c.victim) for c in ongoing)
    view = type("V", (), {"war": war})()
    for host in STATES:
        for besides in ["", *STATES]:
            assert stationed_in(view, host, besides) == sum(
                x.forces for x in away if x.host == host and x.owner != besides)
