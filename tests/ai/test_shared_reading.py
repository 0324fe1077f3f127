"""Computer players share what they all work out alike (wargame/ai/reading.py:
Chronicle; DefaultPolicy._read): a state's memory is the public events' shared
memory until it sees a private event, and an ally's threat is estimated once for
every state with the same partners. What each state knows and decides must be
exactly what it would have worked out alone."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given, settings, strategies as st

from wargame.ai.reading import COMMON, LEARNT, Memory, Reading, open_commitments
from wargame.ai.runner import ComputerPlayers
from wargame.campaign import load_campaign
from wargame.campaign.bundled import find_campaign
from wargame.core.events import Event
from wargame.core.game import Game
from wargame.core.negotiation import Commitment
from wargame.core.state import Status
from wargame.core.terms import Term, TermKind
from wargame.core.worlds import demo_world

BALTIC = load_campaign(find_campaign("baltic-flashpoint")).world
PRIVATE = {"_chronicle", "_public", "_by_target"}  # how it is kept, not what it knows


def _known(memory: Memory) -> dict:
    return {k: v for k, v in vars(memory).items() if k not in PRIVATE}


def _play_and_compare(world, seed: int) -> tuple[int, int, int]:
    """Play a game; after every round, each policy's memory must equal a memory
    that learnt the same views alone, and each shared threat estimate the policy's
    own. Returns (memories compared while shared, while on their own, of those on
    their own the ones that kept only their hostility and shared the rest)."""
    game = Game(world, seed)
    players = ComputerPlayers(world, seed)
    alone = {n: Memory(world, n, shared=False) for n in world.ids}
    shared = own = hostile_only = 0
    while not game.over:
        players.play_round(game)
        for n, policy in players.policies.items():
            r = policy._last_read
            if r is not None:  # its last orders' reading: threats shared or its own
                for ally, threat in list(r.threats.items()):
                    assert threat == policy._threat_to(r, ally), (game.round, n, ally)
                _compare_judgements(policy, r, alone[n], game.round)
            view = game.view(n)
            policy.memory.take_in(view)
            alone[n].take_in(view)
            assert _known(policy.memory) == _known(alone[n]), (game.round, n)
            # the hostile acts it weighs, listed once for the states alike: as it
            # would pick them out of its own memory
            hostility, partners = alone[n].hostility, policy.partners
            assert list(policy._hostile_gravity().items()) == list(_gravest(n, partners,
                                                                              hostility).items())
            assert [x for x in policy._strong_acts()
                    if x[0] != n and x[1] != n and x[1] not in partners] == [
                (a, t, v) for (a, t), v in hostility.items()
                if not (t in partners or t == n or a == n or v < 5.0)]
            if policy.memory.shared_memo() is not None:
                shared += 1
            else:
                own += 1
                kept = policy.memory._public
                if kept is not None:  # its hostility alone is its own
                    hostile_only += 1
                    assert policy.memory.hostility is not kept.hostility
                    assert all(getattr(policy.memory, name) is getattr(kept, name)
                               for name in COMMON if name != "hostility")
    return shared, own, hostile_only


def _compare_judgements(policy, r, alone: Memory, rnd: int) -> None:
    """What a policy works out once for the states alike, or cuts short, against
    the plain definitions worked out from its own reading (the memory it read then
    is ``alone`` before this round's events: only the orders' reading is checked)."""
    n, partners = policy.nation, policy.partners
    threats = [(policy._threat_to(r, a), a) for a in partners]
    # the partners threatened at 0.2 or more, in the partners' order, and the gravest
    assert policy._threatened_partners(r) == [x for x in threats if x[0] >= 0.2], (rnd, n)
    assert policy._worst_ally_threat(r) == max((t for t, _ in threats), default=0.0)
    for _, a in threats:  # the reassurance others gave, as _reassure weighs it
        plain = policy.memory.shown_to_by_others(a, n)
        assert min(1.0, policy._covered(r, a) / 8.0) == min(1.0, plain / 8.0), (rnd, n, a)
    # culprits: the gravest hostile act of each actor, in the order they first act
    gravest = _gravest(n, partners, alone.hostility)
    assert list(policy._hostile_gravity().items()) == list(gravest.items()), (rnd, n)
    # and the attackers first, as a bystander or a party judges them (in that order:
    # ties between equally grave culprits keep it); nothing it deliberated changed the
    # table it may share with the states alike
    culprits: dict[str, float] = {}
    for victim, attackers in r.attacked.items():
        grave = 1.0 if victim == n or victim in partners else \
            0.5 + 0.45 * policy.p.stance.legalism
        for a in attackers:
            if a != n and (grave >= 1.0 or policy.ties(r, a) < 0.6):
                culprits[a] = max(culprits.get(a, 0.0), grave)
    for a, g in gravest.items():
        culprits[a] = max(culprits.get(a, 0.0), g)
    assert list(policy._culprits(r).items()) == list(culprits.items()), (rnd, n)


def _gravest(n: str, partners, hostility: dict) -> dict[str, float]:
    """Actor -> its gravest act against ``n`` or a partner, min(0.7, level / 40), by
    a state neither ``n`` nor a partner, in the order the actors first act."""
    gravest: dict = {}
    for (a, t), h in hostility.items():
        if a != n and (t == n or t in partners) and a not in partners:
            gravest[a] = max(gravest.get(a, 0.0), min(0.7, h / 40.0))
    return gravest


def test_baltic_memories_shared_and_forked_equal_memories_learnt_alone():
    shared, own, hostile_only = _play_and_compare(BALTIC, 7)
    # most states share the chronicle; those that saw private intelligence do not,
    # but keep only their record of hostility apart (the hostile acts they saw alone)
    assert shared > own > 0
    assert hostile_only > 0


@settings(max_examples=6, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2 ** 32))
def test_any_game_memories_equal_memories_learnt_alone(seed):
    _play_and_compare(demo_world(), seed)
    _play_and_compare(BALTIC, seed)


# ---------------------------------------------------------------- any events at all
# Games seldom give a state that shares the chronicle news about itself (land it
# took, a request for help, a counter-offensive it led): random news do.
DEMO = demo_world()
KINDS = sorted(LEARNT, key=lambda k: k.value)
REFS = ["", "counter_offensive", "invasion", "condemn", "support_statement", "aid_victim",
        "deploy_to_ally", "cyber_attack"]  # action ids of the world, or none
IDS = ["", *DEMO.ids]


@st.composite
def _news(draw):
    """Events of rounds 1..5 in order, some seen by a few states only."""
    events = []
    for rnd in range(1, 6):
        for _ in range(draw(st.integers(0, 8))):
            events.append(Event(
                rnd, draw(st.sampled_from(KINDS)), "news", actor=draw(st.sampled_from(IDS)),
                target=draw(st.sampled_from(IDS)), institution=draw(st.sampled_from(
                    ["", "league"])), value=draw(st.sampled_from([0.0, 3.0, 12.5, 40.0, 99.0])),
                ref=draw(st.sampled_from(REFS)),
                visible_to=draw(st.sampled_from([(), (), (), ("east",), ("north", "west")]))))
    return events


@settings(max_examples=200, deadline=None)
@given(events=_news(), by_round=st.booleans())
def test_any_news_a_shared_memory_equals_one_learnt_alone(events, by_round):
    """Every state learns the same public news (and its own private ones), round by
    round as in play or all at once as a loaded game recalls them."""
    news = tuple(e for e in events if e.public)
    memories = {n: (Memory(DEMO, n), Memory(DEMO, n, shared=False)) for n in DEMO.ids}
    for n, (shared, alone) in memories.items():
        private = [e for e in events if not e.public and n in e.visible_to]
        if by_round:
            for last in range(1, 6):
                seen = tuple(e for e in news if e.round <= last)
                for m in (shared, alone):
                    m.recall(seen, private, last)
        else:
            for m in (shared, alone):
                m.recall(news, private, 5)
        assert _known(shared) == _known(alone), n


# ---------------------------------------------------------------- reassurance weighed
@settings(max_examples=200, deadline=None)
@given(shown=st.dictionaries(st.sampled_from(["a", "b", "c", "d", "e", "me"]),
                             st.sampled_from([1.0, 2.0, 4.0, 0.5, 3.7, 10.0]), max_size=6),
       besides=st.sampled_from(["a", "me", "nobody"]))
def test_reassurance_is_added_up_only_as_far_as_it_is_weighed(shown, besides):
    """_reassure weighs min(1, covered / 8): the sum it cuts short at 8 weighs the
    same as the whole sum, and below 8 it is the whole sum, to the last bit."""
    from wargame.ai.allies import COVERED, _reassured

    whole = sum(v for a, v in shown.items() if a != besides)
    cut = _reassured(shown, besides)
    assert min(1.0, cut / COVERED) == min(1.0, whole / COVERED)
    if whole < COVERED:
        assert cut == whole


_LEDGER = st.lists(st.tuples(st.sampled_from(["a", "b", "c"]),
                             st.sampled_from([Status.OPEN, Status.KEPT, Status.BROKEN])),
                   max_size=8)


def _ledger(rows, tag: str) -> tuple[Commitment, ...]:
    return tuple(Commitment(f"{tag}{i}", "p1", Term(debtor, TermKind.AID, target="z"),
                            ("z",), "", 1, 2, status) for i, (debtor, status) in enumerate(rows))


@settings(max_examples=200, deadline=None)
@given(public=_LEDGER, secret=_LEDGER,
       asks=st.lists(st.tuples(st.booleans(), st.sampled_from(["a", "b", "c", "d"])),
                     max_size=12))
def test_open_commitments_read_from_several_ledgers_in_any_order(public, secret, asks):
    """The parties to a secret deal see a ledger of their own beside the public one:
    whatever order the governments' views are read in, each is given the open
    promises of its own ledger, in its order."""
    ledgers = (_ledger(public, "c"), _ledger(public, "c") + _ledger(secret, "s"))
    for mine, nation in asks:
        view = SimpleNamespace(commitments=ledgers[mine])
        assert open_commitments(view, nation) == [
            c for c in ledgers[mine] if c.debtor == nation and c.status is Status.OPEN]


def test_a_reading_finds_each_state_of_its_own_view():
    """Readings of views of different moments each find the public numbers of their
    own view (the table by id is remade when the views' states change)."""
    game = Game(BALTIC, 5)
    players = ComputerPlayers(BALTIC, 5)
    policy = players.policies["estonia"]
    before = game.view("estonia")
    players.play_round(game)
    after = game.view("estonia")
    assert after.states is not before.states
    for view in (before, after, before):
        r = Reading(view, BALTIC, policy.memory, policy._state_pos, policy._inst_pos)
        for s in view.states:
            assert r.state(s.id) is s


def test_a_reading_keeps_only_the_tensions_above_zero():
    """A reading's tension table holds the states in a dispute with it (tension above
    zero), whatever the view's table holds; a table of such tensions alone is read as
    it is, so each state's tension reads the same."""
    game = Game(BALTIC, 5)
    policy = ComputerPlayers(BALTIC, 5).policies["estonia"]
    view = game.view("estonia")
    assert view.tension and min(view.tension.values()) > 0  # as the game keeps it
    for table, kept in (
            ({"russia": 12.0, "latvia": 0.0, "poland": -3.0}, {"russia": 12.0}),
            ({"russia": 12.0, "latvia": 4.0}, {"russia": 12.0, "latvia": 4.0}),
            ({}, {}),
            (dict(view.tension), dict(view.tension))):
        seen = SimpleNamespace(**{k: getattr(view, k) for k in (
            "nation", "me", "states", "obligations", "war", "objectives")}, tension=table)
        r = Reading(seen, BALTIC, policy.memory, policy._state_pos, policy._inst_pos)
        assert dict(r.tension) == kept
        for state in ("russia", "latvia", "poland", "finland"):
            assert r.tension.get(state, 0.0) == kept.get(state, 0.0)


def test_the_leading_power_is_stronger_than_every_partner():
    """A state leads its alliance (it offers its allies forces, it rallies them to
    sanction an aggressor) when its own power exceeds each partner's public power: at
    every round of a Baltic game, for every state with partners."""
    from wargame.ai.estimate import public_power
    game = Game(BALTIC, 3)
    players = ComputerPlayers(BALTIC, 3)
    seen = set()
    while not game.over and game.round <= 6:
        players.play_round(game)
        if game.over:
            break
        for n, policy in players.policies.items():
            if not policy.partners:
                continue
            r = policy._read(game.view(n))
            mine = policy._own_power(r)
            leads = all(public_power(r.state(m)) < mine for m in policy.partners)
            assert policy._leads(r) is leads, (game.round, n)
            seen.add(leads)
    assert seen == {True, False}  # both kinds of state were met


def test_a_memory_takes_or_copies_every_field_states_learn_alike():
    """_share and _fork name the COMMON fields one by one (faster reads later): each
    must take every one of them, shared as is, or copied to learn private events into."""
    from wargame.ai.reading import COMMON, Chronicle

    world = demo_world(rounds=4)
    chronicle = Chronicle(world)
    for i, name in enumerate(COMMON):  # a distinct value in each, to tell them apart
        setattr(chronicle, name, {f"key-{i}": {"inner": i}})
    shared, forked = Memory(world, world.ids[0]), Memory(world, world.ids[0])
    shared._share(chronicle)
    forked._fork(chronicle)
    for name in COMMON:
        theirs = getattr(chronicle, name)
        assert getattr(shared, name) is theirs, name
        assert getattr(forked, name) == theirs and getattr(forked, name) is not theirs, name
    assert forked.shown_to["key-6"] is not chronicle.shown_to["key-6"]  # its inner dicts too
    # a memory that kept its own hostility goes on with it, and copies the rest
    own = {("east", "west"): 3.0}
    later = Memory(world, world.ids[0])
    later._fork(chronicle, own)
    assert later.hostility is own
    assert later.attacks == chronicle.attacks and later.attacks is not chronicle.attacks
