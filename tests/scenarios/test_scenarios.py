"""Scenario tests as data: a world, orders and votes per round, the events expected.

Each ``cases/*.yaml`` file is one case, in the spirit of the Diplomacy rules-test
suite (DATC). How to write one: ``docs/scenario-tests.md``.

Each round the runner plays the verb API exactly as an interface would:
``advance()`` (briefing -> diplomacy), the votes, ``advance()`` (diplomacy ->
orders; drafts are decided here), the refused orders and votes (each must raise
:class:`IllegalOrder`), the orders, ``resolve()``. The round's events are every
event the game logged with that round's number, drafts decided included.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Mapping
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
import yaml

from wargame.core import (
    Clause,
    Binds,
    BindsKind,
    ClauseKind,
    Institution,
    Event,
    Game,
    STAGES,
    IllegalOrder,
    Order,
    Strength,
    World,
    demo_world,
)
from wargame.core.rules import Consensus, Unanimity
from wargame.core.state import pair
from wargame.core.terms import Term

CASES = Path(__file__).parent / "cases"
CAMPAIGN_WORLDS = Path(__file__).parent / "worlds"
"""Worlds written as campaign files: a case names one as ``campaign:NAME`` (the file
``worlds/NAME.yaml``), for real cases with real states (the UN of 2022, the OAS of
1964, the League of 1935)."""


# ---------------------------------------------------------------- worlds
def _with_art5(strength: Strength) -> Callable[[], World]:
    """The demo world with the Northern Pact's Art. 5 at another strength."""

    def build() -> World:
        world = demo_world()
        insts = []
        for inst in world.institutions:
            if inst.id == "pact":
                clauses = tuple(
                    dataclasses.replace(c, strength=strength)
                    if c.kind is ClauseKind.COLLECTIVE_DEFENCE else c
                    for c in inst.clauses
                )
                inst = dataclasses.replace(inst, clauses=clauses)
            insts.append(inst)
        return dataclasses.replace(world, institutions=tuple(insts))

    return build


def _union_voluntary() -> World:
    """The demo world with the Union's sanctions voluntary, not binding."""
    world = demo_world()
    insts = tuple(
        dataclasses.replace(
            i, clauses=tuple(dataclasses.replace(c, binding=False) for c in i.clauses))
        if i.id == "union" else i
        for i in world.institutions
    )
    return dataclasses.replace(world, institutions=insts)


def _union_constructive() -> World:
    """The demo world with constructive abstention in the Union (TEU Art. 31(1)):
    Centralia 80 million people, Eastmark 1.3, Islay 60."""
    world = demo_world()
    rule = Unanimity(constructive=True,
                     population=(("centre", 80.0), ("east", 1.3), ("isle", 60.0)))
    insts = tuple(dataclasses.replace(i, rule=rule) if i.id == "union" else i
                  for i in world.institutions)
    return dataclasses.replace(world, institutions=insts)


def _aggressor_allied() -> World:
    """The demo world with Northland and Southia bound by a defence treaty (the Bloc,
    collective defence everywhere): the aggressor has allies."""
    world = demo_world()
    bloc = Institution("bloc", "Bloc", ("north", "south"), Consensus(), clauses=(
        Clause("art4", ClauseKind.COLLECTIVE_DEFENCE, "Art. 4",
               strength=Strength.AUTOMATIC),), credibility=60)
    return dataclasses.replace(world, institutions=world.institutions + (bloc,))


def _council_binds(binds: Binds) -> Callable[[], World]:
    """The demo world with the Security Council's binding decisions binding ``binds``."""

    def build() -> World:
        world = demo_world()
        insts = tuple(dataclasses.replace(i, binds=binds) if i.id == "council" else i
                      for i in world.institutions)
        return dataclasses.replace(world, institutions=insts)

    return build


WORLDS: dict[str, Callable[[], World]] = {
    "demo": demo_world,
    # Art. 5 of the Northern Pact as a Brussels Treaty (1948) Art. IV clause
    "demo_automatic": _with_art5(Strength.AUTOMATIC),
    # Art. 5 of the Northern Pact as ANZUS Art. IV
    "demo_constitutional": _with_art5(Strength.CONSTITUTIONAL_PROCESSES),
    "demo_union_voluntary": _union_voluntary,
    # the Union with constructive abstention (formal declarations, a blocking third)
    "demo_union_constructive": _union_constructive,
    # Northland with a defence treaty of its own, with Southia
    "demo_aggressor_allied": _aggressor_allied,
    # the Council binds every state (UN Charter Arts. 25, 48(1): all are UN members)
    "demo_council_binds_all": _council_binds(Binds(BindsKind.ALL)),
    # the Council binds only those who vote for a decision (Arab League Pact Art. 7)
    "demo_council_binds_yes_voters": _council_binds(Binds(BindsKind.YES_VOTERS)),
    # the Council binds the states listed: Westland, Eastmark, Southia
    "demo_council_binds_list": _council_binds(Binds(BindsKind.STATES,
                                                    ("west", "east", "south"))),
    # the Council binds the members of the Union: Centralia, Eastmark, Islay
    "demo_council_binds_union": _council_binds(Binds(BindsKind.INSTITUTION, ("union",))),
}
"""Worlds a case may name. Add a builder here to give cases a new world."""

# ------------------------------------------------------------- the format
CASE_KEYS = {"title", "world", "seed", "seeds", "start", "rounds", "xfail", "note"}
SEEDS_KEYS = {"first", "count", "pass_at_least"}
START_KEYS = {"stage", "escalation", "tension"}
ROUND_KEYS = {"talks", "votes", "orders", "refused", "expect", "note"}
TALK_KEYS = {"message", "propose", "answer", "counter"}
EXPECT_KEYS = {"events", "no_events", "stage", "outcome", "state"}
EVENT_FIELDS = {f.name for f in dataclasses.fields(Event)}
MATCHERS = {"approx", "tol", "at_least", "at_most", "above", "below", "contains", "lacks", "len",
            "one_of", "not"}


class CaseError(Exception):
    """A case file that does not follow the format (not a rules failure)."""


def _keys(where: str, data: Any, allowed: set[str], required: tuple[str, ...] = ()) -> dict:
    if not isinstance(data, dict):
        raise CaseError(f"{where}: expected a mapping, got {data!r}")
    unknown = set(data) - allowed
    if unknown:
        raise CaseError(f"{where}: unknown key(s) {sorted(map(str, unknown))}; "
                        f"allowed: {sorted(allowed)}")
    for k in required:
        if k not in data:
            raise CaseError(f"{where}: missing key {k!r}")
    return data


def _text(where: str, value: Any) -> str:
    if isinstance(value, bool):
        raise CaseError(f"{where}: {value!r} was read as a boolean; quote it "
                        "(YAML 1.1 reads yes/no/on/off as true/false)")
    if not isinstance(value, str):
        raise CaseError(f"{where}: expected text, got {value!r}")
    return value


def load(path: Path) -> dict:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    _keys(path.name, case, CASE_KEYS, ("title", "rounds"))
    wanted = case.get("world", "demo")
    if wanted.startswith("campaign:") and (
            CAMPAIGN_WORLDS / f"{wanted.split(':', 1)[1]}.yaml").is_file():
        pass
    elif wanted not in WORLDS:
        raise CaseError(f"{path.name}: unknown world {case['world']!r}; "
                        f"known: {sorted(WORLDS)}")
    if "start" in case:
        start = _keys(f"{path.name}: start", case["start"], START_KEYS)
        if "stage" in start and start["stage"] not in STAGES:
            raise CaseError(f"{path.name}: start stage {start['stage']!r} is not one of {STAGES}")
    if "seeds" in case:
        seeds = _keys(f"{path.name}: seeds", case["seeds"], SEEDS_KEYS,
                      ("first", "count", "pass_at_least"))
        if not 1 <= seeds["pass_at_least"] <= seeds["count"]:
            raise CaseError(f"{path.name}: seeds: pass_at_least must be 1 to count")
    if not isinstance(case["rounds"], list) or not case["rounds"]:
        raise CaseError(f"{path.name}: rounds must be a non-empty list")
    for i, rnd in enumerate(case["rounds"], 1):
        where = f"{path.name}: round {i}"
        _keys(where, rnd or {}, ROUND_KEYS)
        _keys(f"{where}: expect", (rnd or {}).get("expect") or {}, EXPECT_KEYS)
    return case


def _order(nation: str, spec: Any, where: str) -> Order:
    if isinstance(spec, str):
        return Order(nation, spec)
    _keys(where, spec, {"nation", "action", "target", "institution", "measure", "forces"},
          ("action",))
    forces = spec.get("forces", 0.0)
    if isinstance(forces, bool) or not isinstance(forces, (int, float)):
        raise CaseError(f"{where}: forces must be a number (a share, 0 to 1)")
    spec = {k: _text(f"{where}: {k}", v) for k, v in spec.items() if k != "forces"}
    if forces:
        spec["forces"] = float(forces)
    spec.setdefault("nation", nation)
    return Order(**spec)


# -------------------------------------------------------------- matching
def _is_matcher(want: Any) -> bool:
    return isinstance(want, Mapping) and bool(want) and set(want) <= MATCHERS


def _matches(actual: Any, want: Any) -> bool:
    """``want`` is a plain value or a matcher mapping (every key a matcher name).

    Numbers compare approximately; a plain mapping must have the same keys as
    ``actual``, each value matching; a plain list must match item by item.
    """
    if _is_matcher(want):
        tol = want.get("tol", 1e-6)
        checks = {
            "approx": lambda w: math.isclose(actual, w, rel_tol=tol, abs_tol=tol),
            "at_least": lambda w: actual >= w,
            "at_most": lambda w: actual <= w,
            "above": lambda w: actual > w,
            "below": lambda w: actual < w,
            "contains": lambda w: w in actual,
            "len": lambda w: len(actual) == w,
            "lacks": lambda w: w not in actual,
            "one_of": lambda w: any(_matches(actual, x) for x in w),
            "not": lambda w: not _matches(actual, w),
        }
        return all(checks[k](w) for k, w in want.items() if k != "tol")
    if isinstance(actual, Enum):
        actual = actual.value
    if isinstance(want, Mapping):
        return (isinstance(actual, Mapping) and set(actual) == set(want)
                and all(_matches(actual[k], w) for k, w in want.items()))
    if isinstance(want, list) and isinstance(actual, (list, tuple)):
        return len(actual) == len(want) and all(_matches(a, w) for a, w in zip(actual, want))
    if isinstance(want, (int, float)) and not isinstance(want, bool) and isinstance(
            actual, (int, float)) and not isinstance(actual, bool):
        return math.isclose(actual, want, rel_tol=1e-9, abs_tol=1e-9)
    return actual == want


def _event_ok(ev: Event, spec: Mapping[str, Any]) -> bool:
    for field, want in spec.items():
        if field == "count":
            continue
        actual = getattr(ev, field)
        if field == "text" and isinstance(want, str):
            if want not in actual:
                return False
        elif not _matches(actual, want):
            return False
    return True


def _event_spec(where: str, spec: Any) -> dict:
    _keys(where, spec, EVENT_FIELDS | {"count"}, ("kind",))
    return spec


def _show(events: list[Event]) -> str:
    lines = []
    for e in events:
        who = " ".join(f"{k}={getattr(e, k)}" for k in ("actor", "target", "institution", "ref")
                       if getattr(e, k))
        value = f" value={e.value:.6g}" if e.value else ""
        lines.append(f"    {e.kind.value}: {who}{value} | {e.text}")
    return "\n".join(lines) or "    (no events)"


def _lookup(game: Game, path: str) -> Any:
    """``east.territory``, ``pact.credibility``, ``tension.east|north``, ``obligations.o1.status``.

    The first part names a state, then an institution, then a field of the game state.
    ``a|b`` is a pair of states: (a, b) if that key exists, else the sorted pair.
    A list is indexed by the ``id`` of its items, or by position.
    """
    st = game.state
    parts = path.split(".")
    head, rest = parts[0], parts[1:]
    if head in st.nations:
        obj: Any = st.nations[head]
    elif head in st.institutions:
        obj = st.institutions[head]
    elif hasattr(st, head):
        obj = getattr(st, head)
    else:
        raise CaseError(f"state path {path!r}: {head!r} is no state, institution or field")
    for part in rest:
        if isinstance(obj, Mapping):
            key: Any = part
            if "|" in part:
                a, b = part.split("|", 1)
                key = (a, b) if (a, b) in obj else pair(a, b)
            obj = obj.get(key, 0.0 if "|" in part else None)
        elif isinstance(obj, list):
            found = [x for x in obj if getattr(x, "id", None) == part]
            if found:
                obj = found[0]
            elif part.isdigit() and int(part) < len(obj):
                obj = obj[int(part)]
            else:
                raise CaseError(f"state path {path!r}: no item {part!r}")
        elif hasattr(obj, part):
            obj = getattr(obj, part)
        else:
            raise CaseError(f"state path {path!r}: no field {part!r}")
    return obj


# ---------------------------------------------------------------- runner
def _terms(where: str, specs: Any) -> list[Term]:
    if not isinstance(specs, list):
        raise CaseError(f"{where}: terms must be a list")
    out = []
    for j, t in enumerate(specs):
        t = _keys(f"{where}: term {j + 1}", t, {"party", "kind", "target", "institution",
                                                 "measure", "value"}, ("party", "kind"))
        out.append(Term.from_dict({k: v if k == "value" else _text(f"{where}: {k}", v)
                                   for k, v in t.items()}))
    return out


def _talk(game: Game, item: Any, where: str) -> Callable[[], Any]:
    """One diplomacy step (message, propose, answer, counter) as a call to make."""
    _keys(where, item, TALK_KEYS | {"reason"})
    verbs = [k for k in item if k in TALK_KEYS]
    if len(verbs) != 1:
        raise CaseError(f"{where}: one of {sorted(TALK_KEYS)} per step")
    verb, spec = verbs[0], item[verbs[0]]
    if verb == "message":
        m = _keys(where, spec, {"from", "to", "text"}, ("from", "to", "text"))
        return lambda: game.send_message(m["from"], m["to"], m["text"])
    if verb == "propose":
        p = _keys(where, spec, {"by", "to", "terms", "institution", "due_in", "expires_in"},
                  ("by", "terms"))
        return lambda: game.propose(p["by"], p.get("to", []), _terms(where, p["terms"]),
                                    p.get("institution", ""), p.get("due_in", 1),
                                    p.get("expires_in", 1))
    if verb == "answer":
        a = _keys(where, spec, {"nation", "proposal", "reply"}, ("nation", "proposal", "reply"))
        return lambda: game.answer(a["nation"], a["proposal"], _text(where, a["reply"]))
    c = _keys(where, spec, {"nation", "proposal", "terms", "due_in"},
              ("nation", "proposal", "terms"))
    return lambda: game.counter(c["nation"], c["proposal"], _terms(where, c["terms"]),
                                c.get("due_in", 1))


def _refusal(game: Game, item: Any, where: str) -> None:
    if isinstance(item, Mapping) and set(item) & TALK_KEYS:
        call = _talk(game, item, where)
        reason = _text(f"{where}: reason", item.get("reason"))
        before = (len(game.state.proposals), len(game.state.messages),
                  len(game.state.commitments))
        with pytest.raises(IllegalOrder) as info:
            call()
        assert before == (len(game.state.proposals), len(game.state.messages),
                          len(game.state.commitments)), f"{where}: refused but recorded"
        assert reason in str(info.value), (
            f"{where}: refused for another reason:\n    expected {reason!r}\n"
            f"    got {str(info.value)!r}")
        return
    _keys(where, item, {"order", "orders", "nation", "vote", "reason"}, ("reason",))
    reason = _text(f"{where}: reason", item["reason"])
    if "vote" in item:
        v = _keys(f"{where}: vote", item["vote"], {"nation", "draft", "vote"},
                  ("nation", "draft", "vote"))
        call = lambda: game.vote(_text(where, v["nation"]), _text(where, v["draft"]),  # noqa: E731
                                 _text(where, v["vote"]))
        what = f"vote {v}"
    elif "order" in item:
        o = _order("", item["order"], f"{where}: order")
        call = lambda: game.submit_orders(o.nation, [o])  # noqa: E731
        what = f"order {o.to_dict()}"
    elif "orders" in item:
        nation = _text(f"{where}: nation", item.get("nation", ""))
        orders = [_order(nation, s, f"{where}: orders") for s in item["orders"]]
        call = lambda: game.submit_orders(nation, orders)  # noqa: E731
        what = f"orders of {nation} {[o.to_dict() for o in orders]}"
    else:
        raise CaseError(f"{where}: a refusal needs order, orders (with nation) or vote")
    before = {n: game.orders_of(n) for n in game.world.ids}
    with pytest.raises(IllegalOrder) as info:
        call()
    assert {n: game.orders_of(n) for n in game.world.ids} == before, (
        f"{where}: {what} was refused but changed the orders on record")
    assert reason in str(info.value), (
        f"{where}: {what} was refused, but for another reason:\n"
        f"    expected a reason containing {reason!r}\n    got {str(info.value)!r}")


def run(case: dict, name: str) -> None:
    """Play ``case``; with ``seeds``, under each of those seeds, and require at least
    ``pass_at_least`` of them to meet every expectation (a rate, not an anecdote)."""
    seeds = case.get("seeds")
    if not seeds:
        return run_one(case, name, case.get("seed", 0))
    failures = []
    for seed in range(seeds["first"], seeds["first"] + seeds["count"]):
        try:
            run_one(case, f"{name} (seed {seed})", seed)
        except pytest.fail.Exception as exc:
            failures.append(str(exc))
    passed = seeds["count"] - len(failures)
    if passed < seeds["pass_at_least"]:
        pytest.fail(f"{name}: {passed} of {seeds['count']} seeds pass, "
                    f"{seeds['pass_at_least']} needed; the first failure:\n{failures[0]}",
                    pytrace=False)


def world_of(name: str) -> World:
    """The world a case names: a builder of WORLDS, or ``campaign:NAME``."""
    if name.startswith("campaign:"):
        from wargame.campaign import load_campaign

        return load_campaign(CAMPAIGN_WORLDS / f"{name.split(':', 1)[1]}.yaml").world
    return WORLDS[name]()


def run_one(case: dict, name: str, seed: int) -> None:
    game = Game(world_of(case.get("world", "demo")), seed=seed)
    start = case.get("start") or {}
    if "stage" in start:
        game.state.stage = start["stage"]
    if "escalation" in start:
        game.state.escalation = float(start["escalation"])
    if "tension" in start:  # replaces every pair's tension
        game.state.tension = {}
        for key, level in (start["tension"] or {}).items():
            a, b = key.split("|")
            game.state.tension[pair(a, b)] = float(level)

    for i, rnd in enumerate(case["rounds"], 1):
        rnd = rnd or {}
        where = f"{name}, round {i}"
        assert not game.over, f"{where}: the game ended before this round ({game.outcome})"
        assert game.round == i, f"{where}: the game is at round {game.round}"
        refused = rnd.get("refused") or []
        game.advance()  # briefing -> diplomacy
        for j, item in enumerate(rnd.get("talks") or []):
            try:
                _talk(game, item, f"{where}: talks[{j}]")()
            except IllegalOrder as exc:
                pytest.fail(f"{where}: talks[{j}] refused: {exc}")
        for j, item in enumerate(refused):
            if set(item) & TALK_KEYS:
                _refusal(game, item, f"{where}: refused[{j}]")
        for draft, votes in (rnd.get("votes") or {}).items():
            for nation, vote in _keys(f"{where}: votes {draft}", votes, set(votes)).items():
                game.vote(nation, _text(f"{where}: vote of {nation}", draft),
                          _text(f"{where}: vote of {nation} on {draft}", vote))
        for j, item in enumerate(refused):
            if "vote" in item and not set(item) & TALK_KEYS:
                _refusal(game, item, f"{where}: refused[{j}]")
        game.advance()  # diplomacy -> orders: drafts decided
        for j, item in enumerate(refused):
            if "vote" not in item and not set(item) & TALK_KEYS:
                _refusal(game, item, f"{where}: refused[{j}]")
        for nation, specs in (rnd.get("orders") or {}).items():
            orders = [_order(nation, s, f"{where}: orders of {nation}") for s in specs or []]
            try:
                game.submit_orders(nation, orders)
            except IllegalOrder as exc:
                pytest.fail(f"{where}: orders of {nation} refused: {exc}")
        game.resolve()
        _check(game, i, rnd.get("expect") or {}, where)


def _check(game: Game, rnd: int, expect: dict, where: str) -> None:
    events = [e for e in game.log if e.round == rnd]
    problems = []
    for spec in expect.get("events") or []:
        spec = _event_spec(f"{where}: events", spec)
        found = [e for e in events if _event_ok(e, spec)]
        if "count" in spec and len(found) != spec["count"]:
            problems.append(f"expected {spec['count']} event(s) like {spec}, found {len(found)}")
        elif not found:
            problems.append(f"expected an event like {spec}")
    for spec in expect.get("no_events") or []:
        spec = _event_spec(f"{where}: no_events", spec)
        found = [e for e in events if _event_ok(e, spec)]
        if found:
            problems.append(f"unexpected event like {spec}:\n{_show(found)}")
    if "stage" in expect and not _matches(game.stage, expect["stage"]):
        problems.append(f"expected stage {expect['stage']!r}, the crisis is at {game.stage!r}")
    if "outcome" in expect and not _matches(game.outcome, expect["outcome"]):
        problems.append(f"expected outcome {expect['outcome']!r}, got {game.outcome!r}")
    for path, want in (expect.get("state") or {}).items():
        actual = _lookup(game, path)
        if not _matches(actual, want):
            problems.append(f"state {path}: expected {want!r}, got {actual!r}")
    if problems:
        pytest.fail(f"{where}:\n  " + "\n  ".join(problems)
                    + f"\n  events of round {rnd}:\n{_show(events)}", pytrace=False)


# ----------------------------------------------------------------- tests
def _params() -> list:
    params = []
    for path in sorted(CASES.glob("*.yaml")):
        case = load(path)
        marks = []
        if case.get("xfail"):
            marks.append(pytest.mark.xfail(strict=True, reason=str(case["xfail"]),
                                           raises=(AssertionError, pytest.fail.Exception)))
        params.append(pytest.param(case, path.stem, id=case["title"], marks=marks))
    return params


@pytest.mark.parametrize(("case", "name"), _params())
def test_scenario(case: dict, name: str) -> None:
    run(case, name)


def test_cases_exist() -> None:
    assert len(list(CASES.glob("*.yaml"))) >= 15


# ------------------------------------------- the runner must catch mistakes
_INVADE = {"orders": {"north": [{"action": "invasion", "target": "east"}]}}
_CALM = {"stage": "tension", "escalation": 0, "tension": {}}


@pytest.mark.parametrize("expect", [
    {"events": [{"kind": "outside_scope"}]},                       # missing event
    {"events": [{"kind": "obligation_created", "count": 2}]},      # wrong count
    {"events": [{"kind": "armed_attack", "value": 31}]},           # wrong field
    {"no_events": [{"kind": "obligation_created", "actor": "west"}]},
    {"stage": "peace"},
    {"state": {"east.territory": 100}},
    {"state": {"tension.east|north": {"below": 30}}},
])
def test_runner_fails_on_a_wrong_expectation(expect: dict) -> None:
    case = {"title": "wrong", "seed": 1, "start": _CALM, "rounds": [_INVADE | {"expect": expect}]}
    with pytest.raises(pytest.fail.Exception):
        run(case, "wrong")


def test_runner_fails_when_an_expected_refusal_is_legal() -> None:
    case = {"title": "legal", "start": _CALM, "rounds": [
        {"refused": [{"order": {"nation": "north", "action": "invasion", "target": "east"},
                      "reason": "anything"}]}]}
    with pytest.raises(pytest.fail.Exception):
        run(case, "legal")


def test_runner_fails_when_the_reason_differs() -> None:
    case = {"title": "reason", "start": _CALM, "rounds": [
        {"refused": [{"order": {"nation": "west", "action": "defend_ally", "target": "east"},
                      "reason": "not your ally"}]}]}
    with pytest.raises(AssertionError, match="for another reason"):
        run(case, "reason")


def test_unquoted_yes_is_a_case_error() -> None:
    case = {"title": "yes", "start": {"stage": "tension", "escalation": 30}, "rounds": [
        {"orders": {"west": [{"action": "table_resolution", "institution": "council",
                              "measure": "statement", "target": "north"}]}},
        {"votes": {"d1": {"centre": True}}}]}
    with pytest.raises(CaseError, match="quote it"):
        run(case, "yes")
