"""Firing campaign injects in the aftermath of a round (data in :mod:`.injects`)."""

from __future__ import annotations

from .context import Round, clamp
from .events import Kind
from .injects import Change, Inject
from .legal import available_forces
from .membership import give_notice, join, leave
from .recognition import refuse
from .state import Draft, GameState, pair


def due(inject: Inject, st: GameState, fired: list[str]) -> bool:
    if inject.id in fired and not inject.repeat:
        return False
    if inject.round and st.round != inject.round:
        return False
    return all(c.holds(st) for c in inject.when)


def fire(r: Round, inject: Inject) -> None:
    st = r.state
    for e in inject.effects:
        if e.change is Change.NEWS:
            r.emit(Kind.INJECT if not e.private else Kind.INTELLIGENCE, e.text,
                   ref=inject.id, visible_to=(e.state,) if e.private else ())
        elif e.change is Change.ADJUST:
            ns = st.nations[e.state]
            now = getattr(ns, e.field) + e.value
            if e.field in ("support", "credibility"):
                now = clamp(now)
            setattr(ns, e.field, max(0.0, now))
            if e.field == "military":
                _fit_forces_abroad(ns)
            if e.text:
                r.emit(Kind.INJECT, e.text, target=e.state, ref=inject.id, value=e.value)
        elif e.change is Change.INCIDENT:
            r.push(e.state, e.target, e.value)
            r.emit(Kind.INJECT, e.text or f"Incident between {r.name(e.state)} and "
                   f"{r.name(e.target)}.", actor=e.state, target=e.target, ref=inject.id,
                   value=e.value)
            before = st.escalation
            st.escalation = clamp(max(st.escalation, st.tension.get(pair(e.state, e.target), 0)))
            for rung, up in r.world.ladder.crossed(before, st.escalation):
                r.emit(Kind.RUNG_CROSSED, f"The crisis climbs past '{rung.name}' "
                       f"({rung.level:g}).", ref=rung.id, value=1.0)
        elif e.change is Change.REQUEST_ASSISTANCE:
            for asked in e.targets:
                if (e.state, asked) not in st.requests:
                    st.requests.append((e.state, asked))
            whom = " and ".join(filter(None, (", ".join(map(r.name, e.targets[:-1])),
                                              r.name(e.targets[-1]))))
            r.emit(Kind.ASSISTANCE_REQUESTED, e.text or f"{r.name(e.state)} asks {whom} "
                   "for help in its defence (collective self-defence, UN Charter Art. 51).",
                   actor=e.state, target=e.targets[0], ref=inject.id)
        elif e.change is Change.DEPLOY:
            ns = st.nations[e.state]
            amount = available_forces(ns) * e.value
            if amount <= 0:  # everything is away already: the author's news would mislead
                r.emit(Kind.INJECT, f"{r.name(e.state)} has no forces at home to send to "
                       f"{r.name(e.target)}.", actor=e.state, target=e.target, ref=inject.id)
                continue
            ns.deployed[e.target] = ns.deployed.get(e.target, 0.0) + amount
            r.emit(Kind.DEPLOYMENT, e.text or f"{r.name(e.state)} deploys forces to "
                   f"{r.name(e.target)} (strength {amount:.0f}).", actor=e.state,
                   target=e.target, ref=inject.id, value=amount)
        elif e.change is Change.BOYCOTT:
            away = st.institutions[e.institution].boycotting
            if e.state not in away:
                away.append(e.state)
            r.emit(Kind.INJECT, e.text or f"{r.name(e.state)} boycotts "
                   f"{r.name(e.institution)}: it casts no vote there until it returns.",
                   actor=e.state, institution=e.institution, ref=inject.id)
        elif e.change is Change.RETURN:
            away = st.institutions[e.institution].boycotting
            if e.state in away:
                away.remove(e.state)
            r.emit(Kind.INJECT, e.text or f"{r.name(e.state)} returns to "
                   f"{r.name(e.institution)} and votes again.", actor=e.state,
                   institution=e.institution, ref=inject.id)
        elif e.change is Change.JOIN:
            join(r, e.state, e.institution, e.text, inject.id)
        elif e.change is Change.LEAVE:
            leave(r, e.state, e.institution, e.text, inject.id)
        elif e.change is Change.GIVE_NOTICE:
            give_notice(r, e.state, e.institution, e.text, inject.id)
        elif e.change is Change.REFUSE_RECOGNITION:
            if any(o == e.target and share > 0 for (o, _), share in st.occupation.items()):
                refuse(r, e.state, e.target, e.text, inject.id)
        elif e.change is Change.TABLE_DRAFT:
            draft = Draft(id=f"d{len(st.drafts) + 1}", institution=e.institution, by=e.state,
                          measure=e.measure, target=e.target, tabled=st.round,
                          votes={e.state: "yes"})
            st.drafts.append(draft)
            r.emit(Kind.DRAFT_TABLED, e.text or f"{r.name(e.state)} tables a draft in "
                   f"{r.name(e.institution)}: {e.measure} concerning {r.name(e.target)}.",
                   actor=e.state, target=e.target, institution=e.institution, ref=draft.id)


def _fit_forces_abroad(ns) -> None:
    """Forces lost by an inject come, in proportion, from those stationed abroad and
    holding land too, when what is left is less than what is away."""
    away = sum(ns.deployed.values()) + sum(ns.garrisons.values())
    if away <= ns.military or away <= 0:
        return
    keep = ns.military / away
    for where in (ns.deployed, ns.garrisons):
        for k in list(where):
            where[k] *= keep
