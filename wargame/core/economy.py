"""Sanctions, aid, blockade and cyber attacks: the economic side of a round.

Sanctions bite in proportion to the share of the target's trade the senders
cover (``coverage``): what they do not cover leaks through others. Each sender
pays in proportion to its own trade with the target. Both are per round, for as
long as the sanctions stay in force.
"""

from __future__ import annotations

from .actions import Effect
from .combat import break_truce
from .context import Round, clamp
from .events import Kind
from .model import World

BITE = 0.03  # share of GDP a full embargo covering all trade costs the target a round
SENDER_COST = 0.03  # share of GDP a sender loses a round per unit of its trade share
SUPPORT_PER_COVERAGE = 4.0


def coverage(world: World, target: str, senders: list[tuple[str, float]]) -> float:
    """Share of ``target``'s trade the senders cover, weighted by how hard they bite.

    ``senders`` are (state, bite) pairs; what they do not cover leaks through others."""
    trade = world.nation[target].trade
    return min(1.0, sum(trade.get(s, 0.0) * bite for s, bite in senders))


def change_sanctions(r: Round) -> None:
    st = r.state
    for o in r.of(Effect.LIFT_SANCTIONS):
        st.nations[o.nation].sanctioning.pop(o.target, None)
        r.emit(Kind.SANCTIONS_LIFTED, f"{r.name(o.nation)} lifts its sanctions on "
               f"{r.name(o.target)}.", actor=o.nation, target=o.target)
    for o in r.of(Effect.SANCTION):
        spec = r.world.actions[o.action]
        st.nations[o.nation].sanctioning[o.target] = spec.magnitude
        r.emit(Kind.SANCTIONS_IMPOSED, f"{r.name(o.nation)} imposes {spec.name.lower()} on "
               f"{r.name(o.target)}.", actor=o.nation, target=o.target, value=spec.magnitude)


def apply_sanctions(r: Round) -> list[tuple[float, str]]:
    """The bite of every state's sanctions this round; returns (coverage, target) for
    every state under sanctions, in the order they were applied."""
    st = r.state
    cover: list[tuple[float, str]] = []
    by_target: dict[str, list[tuple[str, float]]] = {}
    for ns in st.nations.values():
        for target, bite in ns.sanctioning.items():
            by_target.setdefault(target, []).append((ns.id, bite))
    for target, senders in by_target.items():
        t = st.nations[target]
        cov = coverage(r.world, target, senders)
        cover.append((cov, target))
        loss = t.economy * BITE * cov
        t.economy -= loss
        t.costs += loss
        t.support = clamp(t.support - SUPPORT_PER_COVERAGE * cov)
        r.emit(Kind.SANCTIONS_EFFECT,
               f"Sanctions cost {r.name(target)} {100 * BITE * cov:.1f}% of GDP this round: "
               f"{len(senders)} sender{'s' if len(senders) != 1 else ''} cover"
               f"{'s' if len(senders) == 1 else ''} {_share(cov)} of its trade; the rest "
               "leaks through others.",
               target=target, value=cov)
        for sender, bite in senders:
            s = st.nations[sender]
            share = r.world.nation[sender].trade.get(target, 0.0)
            cost = s.economy * SENDER_COST * share * bite
            if cost <= 0:
                continue
            s.economy -= cost
            s.costs += cost
            s.contribution += cost
            r.emit(Kind.SANCTIONS_COST, f"Your sanctions on {r.name(target)} cost you "
                   f"{_dollars(cost)} this round ({_share(share)} of your trade is with it).",
                   actor=sender, target=target, value=cost, visible_to=(sender,))
    return cover


def aid(r: Round) -> None:
    st = r.state
    for o in r.of(Effect.AID):
        spec = r.world.actions[o.action]
        giver, taker = st.nations[o.nation], st.nations[o.target]
        amount = giver.economy * spec.magnitude / 100
        taker.economy += amount
        taker.military += amount * 0.2
        giver.contribution += amount
        r.emit(Kind.ACTION, f"{r.name(o.nation)} sends ${amount:.1f} bn of aid to "
               f"{r.name(o.target)}.", actor=o.nation, target=o.target, value=amount)


def _damage(r: Round, target: str, share: float) -> float:
    """Take ``share`` of the target's GDP away; return the loss in billions."""
    t = r.state.nations[target]
    loss = t.economy * share
    t.economy -= loss
    t.costs += loss
    return loss


def blockade_and_cyber(r: Round) -> bool:
    """Adjudicate blockades and cyber attacks; return True if any happened."""
    for o in r.of(Effect.BLOCKADE):
        loss = _damage(r, o.target, 0.01 * r.world.actions[o.action].magnitude)
        r.emit(Kind.BLOCKADE, f"{r.name(o.nation)} blockades {r.name(o.target)}: shipping "
               f"stops, {_dollars(loss)} lost.", actor=o.nation, target=o.target, value=loss)
        break_truce(r, o.nation, o.target)  # an act of force (UNGA Res. 3314, Art. 3(c))
        r.state.nations[o.target].blockaded = r.state.round
    for o in r.of(Effect.CYBER):
        what = _common_noun(r.world.actions[o.action].name)  # "cyber attack", "undersea sabotage"
        loss = _damage(r, o.target, 0.005 * r.world.actions[o.action].magnitude)
        r.emit(Kind.ACTION, f"{_indefinite(what).capitalize()} {what} disrupts "
               f"{r.name(o.target)}'s infrastructure; no one claims it.", target=o.target,
               value=loss)
        r.emit(Kind.PRIVATE_ACTION, f"Your {what} against {r.name(o.target)} succeeded "
               f"(${loss:.1f} bn of damage).", actor=o.nation, target=o.target,
               visible_to=(o.nation,))
        if r.rng.random() < 0.7:
            r.emit(Kind.INTELLIGENCE, f"Intelligence attributes the {what} to "
                   f"{r.name(o.nation)}.", actor=o.nation, target=o.target,
                   visible_to=(o.target,))
    return bool(r.of(Effect.BLOCKADE, Effect.CYBER))


def _common_noun(name: str) -> str:
    """An action's name as it reads inside a sentence: "Cyber attack" -> "cyber attack";
    a leading acronym or proper name ("GPS jamming", "NotPetya attack") is kept."""
    if name[:1].isupper() and not name[1:2].isupper() and not any(
            c.isupper() for c in name.split(" ", 1)[0][1:]):
        return name[:1].lower() + name[1:]
    return name


def _indefinite(noun: str) -> str:
    """ "a" or "an" before ``noun``, by its first letter ("an undersea sabotage",
    "a cyber attack"; an acronym read letter by letter, "an SMS flood")."""
    first = noun.split(" ", 1)[0]
    if first.isupper() and len(first) > 1:
        return "an" if first[0] in "AEFHILMNORSX" else "a"
    return "an" if first[:1].lower() in "aeiou" else "a"


def _dollars(billions: float) -> str:
    """$1.2 bn, or $40 million under a tenth of a billion (never "$0.0 bn")."""
    if billions >= 0.1:
        return f"${billions:.1f} bn"
    return f"${max(1.0, billions * 1000):.0f} million"


def _share(fraction: float) -> str:
    """A share in words: "42%", or "less than 1%" (never "0%" for a real share)."""
    return f"{100 * fraction:.0f}%" if fraction >= 0.005 or fraction == 0 else "less than 1%"
