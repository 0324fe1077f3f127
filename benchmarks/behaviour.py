"""How the computer players behave (issue 12): rates over seeded batches, MET / NOT MET.

Plays the same games as ``wargame simulate`` (game i of a run with seed S has the
seed ``sub_seed(S, "game", i)``; normal difficulty; every state computer-played)
and prints one table. A state's policy can be replaced (``passive``: it never
acts) to see what its behaviour changes.

    .venv/bin/python benchmarks/behaviour.py              # 200 games a batch
    .venv/bin/python benchmarks/behaviour.py --games 40   # quicker, for tuning

Figures that depend on how wars end (outcomes, land held at the end after a long
war) are sensitive to the general-war rule (docs/rules.md, "The end").
"""

from __future__ import annotations

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _common  # noqa: E402,F401  (the repository on sys.path)
import _noise  # noqa: E402

from wargame.ai import play_game  # noqa: E402
from wargame.campaign import load_campaign  # noqa: E402
from wargame.campaign.bundled import find_campaign  # noqa: E402
from wargame.core.events import Kind  # noqa: E402
from wargame.simulate import game_seed  # noqa: E402

SEED = 1
FIXTURE = os.path.join(_common.ROOT, "tests", "ai", "fixtures", "authorised-coalition.yaml")
BUNDLED = ("baltic-flashpoint", "pacific-strait", "abyssinia-1935", "korea-1950", "tutorial")


def _batch(name: str, games: int, replace: dict | None = None, noise: list | None = None):
    """``games`` games of a campaign as ``wargame simulate`` plays them (same seeds),
    with some states' policies replaced; ``noise`` receives each game's noise counts."""
    path = str(find_campaign(name)) if not os.path.exists(name) else name
    c = load_campaign(path)
    named = dict(getattr(c, "policies", None) or {})
    policies = {n: (replace or {}).get(n, named.get(n, "default")) for n in c.world.ids}
    look = (lambda game: noise.append(_noise.count(game))) if noise is not None else None
    return c.world, [play_game(c.world, game_seed(SEED, i), policies, "normal", finished=look)
                     for i in range(games)]


def _rate(k: int, n: int) -> float:
    return 100.0 * k / n if n else 0.0


def attack_rate(recs, attacker: str) -> float:
    return _rate(sum(any(a == attacker for _, a, _ in r.attacks) for r in recs), len(recs))


def members_of(world, inst: str) -> set[str]:
    return set(world.institution[inst].members)


def baltic(recs, world) -> list[tuple[str, str, str, bool]]:
    nato = members_of(world, "nato")
    took = [r for r in recs if any(o == "russia" and v in nato for _, o, v, _ in r.taken)]
    freed = [r for r in took if not any(o == "russia" and v in nato for o, v, _ in r.held_at_end)]
    with_duty = [r for r in recs if sum(r.obligations.values())]
    declined = [r for r in with_duty if r.obligations.get("declined")]
    n = len(recs)
    t, f, d = _rate(len(took), n), _rate(len(freed), len(took)), _rate(len(declined), len(with_duty))
    return [
        ("Baltic: Russia takes NATO land (invasion, not a strike)", f"{t:.1f}% of {n}",
         "20-60%", 20.0 <= t <= 60.0),
        ("Baltic: ... and holds none of it at the end", f"{f:.1f}% of {len(took)}", ">= 50%",
         bool(took) and f >= 50.0),
        ("Baltic: some obligation declined (games with one)", f"{d:.1f}% of {len(with_duty)}",
         ">= 20%", bool(with_duty) and d >= 20.0),
    ]


def free_riders(recs, world) -> list[tuple[str, str, str, bool]]:
    """Declines and contributions (per unit of GDP) of NATO's free riders (free_riding
    0.5 or more) against its loyal members (loyalty 0.8+, free_riding 0.1 or less), in
    the games with an attack."""
    nato = members_of(world, "nato")
    p = {n.id: n.personality for n in world.nations}
    free = [m for m in nato if p[m].free_riding >= 0.5]
    loyal = [m for m in nato if p[m].loyalty >= 0.8 and p[m].free_riding <= 0.1]
    hot = [r for r in recs if r.attacks]

    def declined(group):
        k = sum(r.kept.get(m, 0) for r in hot for m in group)
        d = sum(r.declined.get(m, 0) for r in hot for m in group)
        return _rate(d, k + d)

    def per_gdp(group):
        gdp = {n.id: n.economy for n in world.nations}
        return sum(r.contributions[m] / gdp[m] for r in hot for m in group) / max(
            1, len(hot) * len(group)) * 1000

    df, dl = declined(free), declined(loyal)
    cf, cl = per_gdp(free), per_gdp(loyal)
    return [
        ("Baltic: duties declined, free riders / loyal members", f"{df:.0f}% / {dl:.0f}%",
         "free > loyal", df > dl),
        ("Baltic: contribution per 1000 GDP, free / loyal", f"{cf:.2f} / {cl:.2f}",
         "free < loyal", cf < cl),
    ]


def noise_rows(counts: list[dict], name: str) -> list[tuple[str, str, str, bool]]:
    n = len(counts)
    total = {k: sum(c[k] for c in counts) for k in counts[0]} if counts else {}
    by_one = max((c["consult_states_max"] for c in counts), default=0)
    return [
        (f"Noise, {name}: consultations a game (most by one state)",
         f"{total.get('consult', 0) / max(n, 1):.1f} ({by_one})", "<= 3 a state",
         by_one <= 3),
        (f"Noise, {name}: ceasefires offered with no fighting", str(total.get(
            "ceasefire_no_fight", 0)), "0", total.get("ceasefire_no_fight", 0) == 0),
        (f"Noise, {name}: sanctions with no cause", str(total.get("sanctions_no_cause", 0)),
         "0", total.get("sanctions_no_cause", 0) == 0),
        (f"Noise, {name}: a partner in an exercise condemned",
         str(total.get("condemn_partner", 0)), "0", total.get("condemn_partner", 0) == 0),
        (f"Noise, {name}: promises broken by loyal states",
         str(total.get("broken_by_loyal", 0)), "0", total.get("broken_by_loyal", 0) == 0),
    ]


def shape(label: str, base: float, us_passive: float, own_passive: float, who: str):
    return [
        (f"{label}: {who} attacks (all policies default)", f"{base:.1f}%", "-", True),
        (f"{label}: ... United States passive", f"{us_passive:.1f}% ({us_passive - base:+.1f})",
         ">= +15 points", us_passive - base >= 15.0),
        (f"{label}: ... {who} passive", f"{own_passive:.1f}%", "0%", own_passive == 0.0),
    ]


def coalition(games: int) -> list[tuple[str, str, str, bool]]:
    """The fixture: force authorised against an occupier; who acts, who holds what."""
    c = load_campaign(FIXTURE)
    world = c.world
    adopted = acted = freed = obliged = 0
    for i in range(games):
        facts = {}

        def look(game, facts=facts):
            st = game.state
            auth = [e.round for e in game.log if e.kind is Kind.DRAFT_DECIDED and e.value > 0
                    and e.target == "nordia" and "force" in e.text.lower()]
            facts["auth"] = auth[0] if auth else 0
            facts["acted"] = any(
                e.kind is Kind.ENGAGEMENT and e.ref == "counter_offensive" and
                e.round >= facts["auth"] and any(n in e.text for n in ("Westmark", "Gallia",
                                                                       "Albion"))
                for e in game.log) if auth else False
            facts["held"] = st.occupation.get(("nordia", "kesh"), 0.0)
            facts["obliged"] = any(ob.beneficiary == "nordia" for ob in st.obligations)

        policies = {n: (c.policies or {}).get(n, "default") for n in world.ids}
        play_game(world, game_seed(SEED, i), policies, "normal", finished=look)
        obliged += facts["obliged"]
        if facts["auth"]:
            adopted += 1
            acted += facts["acted"]
            freed += facts["held"] <= 0
    a, f = _rate(acted, adopted), _rate(freed, adopted)
    return [
        ("Fixture: the Council authorises force", f"{_rate(adopted, games):.1f}% of {games}",
         "-", True),
        ("Fixture: a coalition acts under it", f"{a:.1f}% of {adopted}", "-", True),
        ("Fixture: the occupier holds nothing at the end", f"{f:.1f}% of {adopted}", ">= 50%",
         bool(adopted) and f >= 50.0),
        ("Fixture: anyone obliged to help the occupier", f"{obliged} games", "0",
         obliged == 0),
    ]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--games", type=int, default=200)
    args = ap.parse_args(argv)
    n = args.games
    started = time.perf_counter()
    rows = []
    errors = {}
    noise: dict[str, list] = {}
    for name in BUNDLED:
        noise[name] = []
        world, recs = _batch(name, n, noise=noise[name])
        errors[name] = sum(len(r.errors) for r in recs)
        if name == "baltic-flashpoint":
            rows += baltic(recs, world) + free_riders(recs, world)
            base = attack_rate(recs, "russia")
            us = attack_rate(_batch(name, n, {"usa": "passive"})[1], "russia")
            own = attack_rate(_batch(name, n, {"russia": "passive"})[1], "russia")
            rows += shape("Baltic", base, us, own, "Russia")
        if name == "pacific-strait":
            base = attack_rate(recs, "china")
            us = attack_rate(_batch(name, n, {"usa": "passive"})[1], "china")
            own = attack_rate(_batch(name, n, {"china": "passive"})[1], "china")
            rows += shape("Pacific", base, us, own, "China")
    rows += coalition(n)
    for name in BUNDLED:
        rows.append((f"Illegal orders or votes: {name}", str(errors[name]), "0",
                     errors[name] == 0))
    for name in ("baltic-flashpoint", "pacific-strait"):
        rows += noise_rows(noise[name], name)
    width = max(len(r[0]) for r in rows)
    print(f"Computer players' behaviour: {n} games a batch, seed {SEED}, normal difficulty")
    print(f"{'figure'.ljust(width)}  {'measured':>22}  {'target':>14}  result")
    for label, value, target, ok in rows:
        result = "-" if target == "-" else ("MET" if ok else "NOT MET")
        print(f"{label.ljust(width)}  {value:>22}  {target:>14}  {result}")
    print(f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
