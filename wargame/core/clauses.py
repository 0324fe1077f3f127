"""Institutions at work: consultations, draft resolutions, and obligations.

An armed attack on a member inside an institution's scope creates, for every
other member, an obligation to assist with the collective-defence clause's
strength. An attack outside the scope creates none (the Falklands, 1982, lay
outside NATO's Art. 6 area). A member may always decline: when an obligation
falls due without being honoured it is declined, and the clause's price is paid.
"""

from __future__ import annotations

from .actions import MEASURE_NOUN, Effect, Measure
from .conflicts import bind, unbind
from .context import Round, clamp
from .events import Kind
from .membership import active_in, active_members, is_active, leave, member_of, members
from .model import (Clause, ClauseKind, Strength, World, assemblies_of, binds_words,
                    bound_by)
from .recognition import refuse, refusing
from .rules import (PARTIES_SOURCE, ConsensusMinusOne, Motion, MotionKind, PartiesRule,
                    Unanimity, decide, parties_excluded)
from .state import Draft, GameState, Obligation, Status

DELAY = {
    Strength.AUTOMATIC: 1,
    Strength.AS_IT_DEEMS_NECESSARY: 1,
    Strength.CONSTITUTIONAL_PROCESSES: 2,
}
"""Rounds a member has to honour an assistance obligation after the attack: it
learns of the attack when the round resolves, so it can answer next round."""

KEEP_CREDIBILITY = 3.0
KEEP_ALLIANCE = 1.0
SUBSTANTIVE = {Measure.SANCTIONS, Measure.USE_OF_FORCE, Measure.PEACEKEEPING, Measure.SUSPEND,
               Measure.CONDEMN, Measure.CEASEFIRE, Measure.EXPEL, Measure.NON_RECOGNITION}
"""Measures decided as substantive matters (veto holders can veto; under UN Charter
Art. 27(3) a party to the dispute votes). A condemnation is one: Russia vetoed the
draft of 25 February 2022 deploring its own aggression against Ukraine (S/2022/155),
and no Council member has treated such a draft as Chapter VI. A ceasefire *demand*
is a provisional measure under Chapter VII (Art. 40), not a recommendation: the
Council "acting under Articles 39 and 40" demanded one in Res. 598 (1987) on
Iran-Iraq and an immediate withdrawal in Res. 660 (1990) on Kuwait, so the parties
vote and a permanent member that is a party can veto one aimed at itself. Only joint
statements stay pacific settlement (Chapter VI), where the parties abstain."""


PROCEDURAL = {Measure.REFER}
"""Measures decided as procedural matters (UN Charter Art. 27(2): "an affirmative vote
of nine members", no veto): a referral to the General Assembly under Uniting for
Peace (GA Res. 377A(V)), as in Res. 119 (1956) on Suez, voted 7-2-2 over the votes of
France and the United Kingdom, and Res. 2623 (2022) on Ukraine, 11-1-3 over Russia's."""


def parties_rule_note(source: str) -> str:
    """Why a party votes on one draft and not on another, for the rule cited as
    ``source`` (from :data:`SUBSTANTIVE`); "" for a rule that needs no note."""
    if source != PARTIES_SOURCE.get(PartiesRule.CHAPTER_VI_ONLY):
        return ""
    words = lambda ms: ", ".join(MEASURE_NOUN[m] for m in Measure if m in ms)  # noqa: E731
    pacific = [m for m in Measure if m not in SUBSTANTIVE and m not in PROCEDURAL]
    return (f"{source}: a party to the dispute abstains on pacific settlement (Chapter VI: "
            f"{words(pacific)}); on substantive measures ({words(SUBSTANTIVE)}) it votes, "
            "and a veto holder may veto: a ceasefire demand is a provisional measure "
            "(Art. 40), as in Res. 598 (1987).")


def parties_to(world: World, state: GameState, target: str) -> tuple[str, ...]:
    """The parties to the dispute a draft on ``target`` is about: ``target``; every
    state fighting it (attacking it or attacked by it) or holding or losing land to
    it; and its main adversary, the state most in tension with it, once that tension
    has reached the ladder's tension mark (all of them on a tie). Under UN Charter
    Art. 27(3) both sides abstain on Chapter VI decisions, not only the one named."""
    out = {target}
    for victim, attackers in state.under_attack.items():
        if victim == target:
            out.update(attackers)
        elif target in attackers:
            out.add(victim)
    out.update(n for (occupier, victim), share in state.occupation.items() if share > 0
               and target in (occupier, victim) for n in (occupier, victim))
    levels = {(b if a == target else a): v for (a, b), v in state.tension.items()
              if target in (a, b)}
    top = max(levels.values(), default=0.0)
    if top >= world.ladder.tension:
        out.update(n for n, v in levels.items() if v == top)
    return tuple(n for n in world.ids if n in out)


def motion_of(measure: Measure, target: str, parties: tuple[str, ...] = ()) -> Motion:
    """The motion a draft puts to the vote: its kind, its parties (``target`` alone
    unless :func:`parties_to` is given), its subject."""
    kind = (MotionKind.SUBSTANTIVE if measure in SUBSTANTIVE else MotionKind.PROCEDURAL
            if measure in PROCEDURAL else MotionKind.PACIFIC_SETTLEMENT)
    return Motion(
        kind=kind,
        parties=parties or (target,),
        subject=target if measure in (Measure.SUSPEND, Measure.EXPEL) else "",
    )


_VOTE = PartiesRule.VOTE  # read once (Python 3.11: a class read of a member is slow)
PARTY = "party to the dispute"
CONCERNED = "the state concerned"


def not_counted(world: World, state: GameState,
                draft: Draft) -> tuple[tuple[str, str, str], ...]:
    """Members whose vote on ``draft`` does not count, each as (member, why, source):
    why is ``PARTY`` for a party to the dispute the rule leaves out (UN Charter
    Art. 27(3) on Chapter VI drafts), ``CONCERNED`` for the state a consensus-minus-one
    decision is about; source is the article, or "". They are in no count of the
    tally."""
    inst = world.institution[draft.institution]
    if inst.rule.parties is _VOTE and not isinstance(inst.rule, ConsensusMinusOne):
        return ()  # this rule never leaves a member out
    motion = motion_of(Measure(draft.measure), draft.target,
                       parties_to(world, state, draft.target))
    out = []
    for m in active_members(world, state, inst.id):
        if m in motion.parties and parties_excluded(inst.rule, motion):
            out.append((m, PARTY, PARTIES_SOURCE.get(inst.rule.parties, "")))
        elif m == motion.subject and isinstance(inst.rule, ConsensusMinusOne):
            out.append((m, CONCERNED, ""))
    return tuple(out)


VOTE_WORDS = {"yes": "yes", "no": "no", "abstain": "abstained", "absent": "absent",
              "not_counted": "not counted (a party, or the state concerned)"}
"""How :func:`roll_call`'s groups read in a voting record."""


def roll_call_lines(world: World, state: GameState, draft: Draft) -> list[str]:
    """The roll call in words, a group a line: "yes: France, Poland"."""
    return [f"{VOTE_WORDS.get(k, k)}: {', '.join(map(world.name_of, who))}"
            for k, who in roll_call(world, state, draft).items() if who]


def draft_words(world: World, draft: Draft) -> str:
    """What a draft would decide, in words: "sanctions against Russia"."""
    return MEASURE_WORDS[Measure(draft.measure)].format(world.name_of(draft.target))


def roll_call(world: World, state: GameState, draft: Draft) -> dict[str, list[str]]:
    """Who voted how on a decided ``draft``, in the institution's member order: ``yes``,
    ``no``, ``abstain``, ``absent`` (members who cast no vote), ``not_counted``
    (parties or the state concerned, whose vote the rule left out); suspended
    members are in none. Public, as a council's voting record is."""
    inst = world.institution[draft.institution]
    active = active_members(world, state, inst.id)
    out: dict[str, list[str]] = {"yes": [], "no": [], "abstain": [], "absent": [],
                                 "not_counted": []}
    for m in members(world, state, inst.id):
        if m in draft.excluded:
            out["not_counted"].append(m)
        elif m not in active and m not in draft.votes:
            continue
        else:
            vote = draft.votes.get(m, "absent")
            out.setdefault(vote, []).append(m)
    return out


def consultations(r: Round) -> None:
    for o in r.of(Effect.CONSULT):
        inst = r.world.institution[o.institution]
        r.state.institutions[inst.id].consultations += 1
        clause = inst.clauses_of(ClauseKind.CONSULTATION)[0]
        r.emit(Kind.CONSULTATION_OPENED, f"{r.name(o.nation)} requests consultations under "
               f"{inst.name} {clause.label}; the members meet.", actor=o.nation,
               institution=inst.id, ref=clause.id)
    for o in r.of(Effect.MEETING):
        inst = r.world.institution[o.institution]
        r.emit(Kind.MEETING_CALLED, f"{r.name(o.nation)} calls an urgent meeting of {inst.name}.",
               actor=o.nation, institution=inst.id)


def table_drafts(r: Round) -> None:
    st = r.state
    tabling = r.of(Effect.TABLE)
    if not tabling:
        return
    on_table: dict[tuple[str, str, str], Draft] = {}  # the first open draft of each kind
    for d in open_drafts(st):
        on_table.setdefault((d.institution, d.measure, d.target), d)
    for o in tabling:
        same = on_table.get((o.institution, o.measure, o.target))
        if same is not None:  # the same draft is on the table: co-sponsor it
            same.votes[o.nation] = "yes"
            r.emit(Kind.DRAFT_TABLED, f"{r.name(o.nation)} co-sponsors the draft in "
                   f"{r.name(o.institution)} ({describe(r, Measure(o.measure), o.target, o.institution)}).",
                   actor=o.nation, target=o.target, institution=o.institution, ref=same.id)
            continue
        draft = Draft(id=f"d{len(st.drafts) + 1}", institution=o.institution, by=o.nation,
                      measure=o.measure, target=o.target, tabled=st.round,
                      votes={o.nation: "yes"})
        st.drafts.append(draft)
        on_table[(o.institution, o.measure, o.target)] = draft
        r.emit(Kind.DRAFT_TABLED, f"{r.name(o.nation)} tables a draft in "
               f"{r.name(o.institution)}: {describe(r, Measure(o.measure), o.target, o.institution)} "
               f"(vote next round).", actor=o.nation, target=o.target,
               institution=o.institution, ref=draft.id)


def open_drafts(state: GameState) -> list[Draft]:
    return [d for d in state.drafts if not d.decided]


def decide_drafts(r: Round) -> None:
    """Vote every open draft under its institution's rule; apply what is adopted."""
    for draft in open_drafts(r.state):
        inst = r.world.institution[draft.institution]
        voters = list(active_members(r.world, r.state, inst.id))
        measure = Measure(draft.measure)
        motion = motion_of(measure, draft.target,
                           parties_to(r.world, r.state, draft.target))
        votes = {m: v for m, v in draft.votes.items() if m in voters}
        decision = decide(inst.rule, voters, votes, motion)
        draft.decided, draft.adopted, draft.reason = True, decision.adopted, decision.reason
        draft.excluded = list(decision.excluded)
        r.emit(Kind.DRAFT_DECIDED, f"{inst.name} votes on "
               f"{describe(r, measure, draft.target, inst.id)}: "
               f"{r.named(decision.summary(), voters)}.",
               actor=draft.by, target=draft.target, institution=inst.id, ref=draft.id,
               value=1.0 if decision.adopted else 0.0)
        if decision.adopted:
            _apply(r, draft, measure)
            _inform_council(r, inst, draft, measure)


MEASURE_WORDS = {
    Measure.STATEMENT: "a joint statement on {}",
    Measure.CONDEMN: "condemning {}",
    Measure.CEASEFIRE: "demanding a ceasefire from {}",
    Measure.SANCTIONS: "sanctions against {}",
    Measure.USE_OF_FORCE: "authorising force against {}",
    Measure.PEACEKEEPING: "a peacekeeping mission in {}",
    Measure.SUSPEND: "suspending {}",
    Measure.REFER: "referring the matter of {} to the General Assembly",
    Measure.EXPEL: "expelling {}",
    Measure.NON_RECOGNITION: "refusing to recognise the conquests of {}",
}


def describe(r: Round, measure: Measure, target: str, institution: str = "") -> str:
    """What a draft would decide, in words: "sanctions against Russia"; a referral
    names the assembly it goes to when ``institution`` (the Council) has one."""
    text = MEASURE_WORDS[measure].format(r.name(target))
    if measure is Measure.REFER and institution:
        found = assemblies_of(r.world, institution)
        if found:
            text = text.replace("the General Assembly", " and ".join(a.name for a in found))
    return text


def referred(world: World, state: GameState, assembly: str, target: str) -> bool:
    """Whether the Council that refers matters to ``assembly`` has referred the matter
    of ``target`` to it (an adopted ``refer`` draft: Uniting for Peace)."""
    council = world.institution[assembly].refers_from
    return bool(council) and any(
        d.adopted and d.measure == Measure.REFER.value and d.target == target
        and d.institution == council for d in state.drafts)


def vetoed_on(state: GameState, institution: str, target: str) -> bool:
    """Whether a draft concerning ``target`` was vetoed in ``institution``: the
    Council "because of lack of unanimity of the permanent members, fails to exercise
    its primary responsibility" (GA Res. 377A(V), para. 1)."""
    return any(d.decided and not d.adopted and d.institution == institution
               and d.target == target and d.reason.startswith("vetoed by")
               for d in state.drafts)


def abstainers_exempt(inst, draft: Draft) -> list[str]:
    """Members a binding decision does not oblige although it binds them: none.

    A plain abstention is no exemption: under unanimity where an abstention does not
    block (TFEU Art. 238(4)) the abstainer is bound like everyone. A formal declaration
    (constructive abstention, TEU Art. 31(1)) frees its author from applying the CFSP
    decision itself, but it "shall accept that the decision commits the Union"; and
    sanctions bite through the regulation the Council adopts under TFEU Art. 215,
    which "shall be binding in its entirety and directly applicable in all Member
    States" (TFEU Art. 288). So a binding sanctions decision obliges a declared
    abstainer too; what its declaration can do is block, with a third of the members
    and of the population (see :class:`~wargame.core.rules.Unanimity`)."""
    return []


def _apply(r: Round, draft: Draft, measure: Measure) -> None:
    inst = r.world.institution[draft.institution]
    ist = r.state.institutions[inst.id]
    t = draft.target
    already = {Measure.SANCTIONS: ist.sanctions_on, Measure.USE_OF_FORCE: ist.force_on,
               Measure.PEACEKEEPING: ist.peacekeeping, Measure.SUSPEND: ist.suspended,
               Measure.EXPEL: ist.expelled,
               Measure.NON_RECOGNITION: [t] if inst.id in refusing(r.state, t) else []}
    if t in already.get(measure, ()):
        return  # an identical decision adopted before: nothing new to apply
    if measure is Measure.USE_OF_FORCE and not regional_force_ok(r.world, r.state, inst.id, t):
        council = r.world.institution[inst.regional_of]
        r.emit(Kind.AUTHORISED, f"{inst.name} is a regional arrangement: without the "
               f"authorisation of {council.name} its decision authorises no force against "
               f"{r.name(t)} (UN Charter Art. 53(1)).", target=t, institution=inst.id,
               value=0.0)
        return
    if inst.refers_from and measure in (Measure.SANCTIONS, Measure.USE_OF_FORCE,
                                        Measure.PEACEKEEPING) and not referred(
            r.world, r.state, inst.id, t):
        return  # never reached from play: legal refuses such a draft (Art. 12(1))
    if measure is Measure.REFER:
        for assembly in assemblies_of(r.world, inst.id):
            r.emit(Kind.REFERRED, f"{inst.name} refers the matter of {r.name(t)} to "
                   f"{assembly.name} by a procedural vote, which no veto can block (UN "
                   "Charter Art. 27(2); Uniting for Peace, GA Res. 377A(V)): it may now "
                   f"recommend collective measures against {r.name(t)}.", target=t,
                   institution=assembly.id, ref=draft.id)
        return
    if measure is Measure.SANCTIONS:
        ist.sanctions_on.append(t)
        clause = inst.clauses_of(ClauseKind.SANCTIONS)[0]
        out = abstainers_exempt(inst, draft)
        bound = bound_by(r.world, inst, draft.votes,
                         lambda i: members(r.world, r.state, i))
        binding = ""
        declared = [m for m, v in draft.votes.items() if v == "declared"]
        if clause.binding:
            binding = f" binding on {binds_words(r.world, inst, bound)}" + (
                f" but {', '.join(map(r.name, out))}, who abstained" if out else "")
            if declared:
                binding += (f" ({', '.join(map(r.name, declared))} declared "
                            f"{'its' if len(declared) == 1 else 'their'} abstention: not "
                            "obliged to apply the decision itself, but bound by the "
                            "regulation that puts sanctions into effect, TFEU Art. 215)")
        r.emit(Kind.AUTHORISED, f"{inst.name} authorises sanctions against {r.name(t)}"
               f"{binding}.", target=t, institution=inst.id, ref=clause.id)
        if clause.binding:  # UN Charter Arts. 25, 48(1): whom `binds` names, not the target
            now = members(r.world, r.state, inst.id)
            debtors = [m for m in bound if m != t and m not in out
                       and (m not in now or is_active(r.world, r.state, inst.id, m))]
            _oblige(r, debtors, inst.id, clause.id, "sanction", "", t, Strength.AUTOMATIC,
                    r.state.round + 1)
            _invoked(r, inst.id, clause.id, debtors, f"sanction {r.name(t)}",
                     r.state.round + 1,
                     "member" if set(now).issuperset(debtors) else "state")
    elif measure is Measure.USE_OF_FORCE:
        ist.force_on.append(t)
        clause = inst.clauses_of(ClauseKind.USE_OF_FORCE)[0]
        r.emit(Kind.AUTHORISED, f"{inst.name} authorises the use of force against {r.name(t)}.",
               target=t, institution=inst.id, ref=clause.id)
    elif measure is Measure.PEACEKEEPING:
        ist.peacekeeping.append(t)
        clause = inst.clauses_of(ClauseKind.PEACEKEEPING)[0]
        r.emit(Kind.AUTHORISED, f"{inst.name} mandates a peacekeeping mission in {r.name(t)}.",
               target=t, institution=inst.id, ref=clause.id)
    elif measure is Measure.SUSPEND:
        ist.suspended.append(t)
        r.emit(Kind.SUSPENDED, f"{inst.name} suspends {r.name(t)}.", target=t, institution=inst.id)
    elif measure is Measure.EXPEL:
        clause = inst.clauses_of(ClauseKind.EXPULSION)[0]
        leave(r, t, inst.id, f"{inst.name} declares that {r.name(t)} is no longer a member "
              f"({clause.label}): it neither votes there nor owes or is owed its "
              "obligations.", draft.id, expelled=True)
    elif measure is Measure.NON_RECOGNITION:
        refuse(r, inst.id, t, ref=draft.id)
    elif measure is Measure.CONDEMN:
        ns = r.state.nations[t]
        ns.credibility = clamp(ns.credibility - 3.0)
    elif measure is Measure.CEASEFIRE:
        for key in [k for k in r.state.tension if t in k]:
            r.push(key[0], key[1], -3.0)


def regional_force_ok(world: World, state: GameState, inst_id: str, target: str) -> bool:
    """Whether ``inst_id`` may authorise force against ``target``: any institution that
    is no regional arrangement may; a regional arrangement only once its Security
    Council has authorised force against the target (UN Charter Art. 53(1): "no
    enforcement action shall be taken under regional arrangements or by regional
    agencies without the authorization of the Security Council")."""
    council = world.institution[inst_id].regional_of
    return not council or target in state.institutions[council].force_on


def _inform_council(r: Round, inst, draft: Draft, measure: Measure) -> None:
    """A regional arrangement keeps its Security Council informed of what it adopts
    (UN Charter Art. 54): public news, once a decision."""
    if not inst.regional_of:
        return
    council = r.world.institution[inst.regional_of]
    r.emit(Kind.COUNCIL_INFORMED, f"{inst.name} informs {council.name} of its decision "
           f"({describe(r, measure, draft.target)}), as a regional arrangement must (UN "
           "Charter Art. 54).", target=draft.target, institution=inst.id, ref=draft.id)


def _oblige(r: Round, debtors: list[str], inst: str, clause: str, action: str,
            beneficiary: str, against: str, strength: Strength, due: int) -> None:
    """Each debtor's obligation, in the public ledger; the news item is its own."""
    st = r.state
    label = _label(r, inst, clause)
    what = (f"assist {r.name(beneficiary)} against {r.name(against)}" if action == "assist"
            else f"sanction {r.name(against)}")
    how = strength.value.replace("_", " ") if action == "assist" else "binding"
    text = f"You are obliged under {r.name(inst)} {label} to {what} by round {due} ({how})."
    for debtor in debtors:
        ob = Obligation(id=f"o{len(st.obligations) + 1}", debtor=debtor, institution=inst,
                        clause=clause, action=action, beneficiary=beneficiary,
                        against=against, strength=strength, created=st.round, due=due)
        st.obligations.append(ob)
        r.emit(Kind.OBLIGATION_CREATED, text, actor=debtor, target=against,
               institution=inst, ref=ob.id, visible_to=(debtor,))


def _invoked(r: Round, inst: str, clause: str, debtors: list[str], what: str, due: int,
             who: str = "member") -> None:
    """The public news that a clause now obliges these members (or states)."""
    if not debtors:
        return
    r.emit(Kind.CLAUSE_INVOKED, f"{r.name(inst)} {_label(r, inst, clause)}: {len(debtors)} "
           f"{who}{'s are' if len(debtors) != 1 else ' is'} obliged to {what} by round {due}.",
           institution=inst, ref=clause, value=len(debtors))


def _label(r: Round, inst: str, clause: str) -> str:
    return r.world.institution[inst].clause_label(clause)


def asked(world: World, state: GameState, inst, victim: str) -> bool:
    """Whether ``victim`` has asked a fellow member of ``inst`` for help (a clause that
    obliges only "at the request" of the victim: CSTO Art. 4)."""
    now = members(world, state, inst.id)
    return any(v == victim and a in now for v, a in state.requests)


def collective_defence(r: Round, attacks: list[tuple[str, str]]) -> None:
    """Create assistance obligations for armed attacks inside each alliance's scope;
    under a clause that obliges only on request, when the victim asks a member (this
    round's attacks, or earlier ones still going on when it asks)."""
    st = r.state
    open_keys = {(o.institution, o.clause, o.beneficiary, o.against)
                 for o in st.obligations if o.status is Status.OPEN}
    fresh = set(attacks)
    asking = {o.nation for o in r.of(Effect.REQUEST_HELP)}
    later = [(c.attacker, c.victim) for c in st.conflicts if not c.ended
             and c.victim in asking and (c.attacker, c.victim) not in fresh]
    for attacker, victim in dict.fromkeys(list(attacks) + later):
        region = r.world.nation[victim].region
        for inst_id in active_in(r.world, st, victim):
            inst = r.world.institution[inst_id]
            for clause in inst.clauses_of(ClauseKind.COLLECTIVE_DEFENCE):
                if (inst_id, clause.id, victim, attacker) in open_keys:
                    continue
                if clause.on_request and not asked(r.world, st, inst, victim):
                    continue  # no duty until the victim asks (CSTO Art. 4)
                if not clause.on_request and (attacker, victim) not in fresh:
                    continue
                if not inst.scope.covers(region):
                    r.emit(Kind.OUTSIDE_SCOPE, f"The attack on {r.name(victim)} ({region}) "
                           f"falls outside {inst.name}'s treaty area: {clause.label} creates "
                           "no obligation.", actor=attacker, target=victim,
                           institution=inst_id, ref=clause.id)
                    continue
                due = st.round + DELAY[clause.strength]
                debtors = [m for m in active_members(r.world, st, inst_id)
                           if m not in (victim, attacker)]
                _oblige(r, debtors, inst_id, clause.id, "assist", victim, attacker,
                        clause.strength, due)
                bind(st, attacker, victim, debtors, inst_id)
                _invoked(r, inst_id, clause.id, debtors,
                         f"assist {r.name(victim)} against {r.name(attacker)} "
                         f"({clause.strength.value.replace('_', ' ')})", due)


def reported(world: World, state: GameState, inst_id: str, a: str, b: str) -> int:
    """The round ``inst_id`` first decided on the dispute between ``a`` and ``b`` (its
    report: the first draft concerning either of them put to the vote there, adopted
    or not); 0 if it has not."""
    return min((d.tabled + 1 for d in state.drafts if d.decided
                and d.institution == inst_id and d.target in (a, b)), default=0)


def in_breach(world: World, state: GameState, inst_id: str, attacker: str,
              victim: str) -> bool:
    """Whether ``attacker``'s resort to war against ``victim`` this round disregards
    its covenants (League Covenant Arts. 12, 13, 15): always, unless the institution
    has a moratorium and it reported on the dispute at least that long ago (Art. 12:
    no resort to war "until three months after the award by the arbitrators or the
    judicial decision, or the report by the Council"); after that the Covenant does
    not forbid the war (its "gap": Art. 15(7))."""
    inst = world.institution[inst_id]
    if not inst.moratorium_days:
        return True
    since = reported(world, state, inst_id, attacker, victim)
    return not since or state.round - since < world.rounds_for(inst.moratorium_days)


def ipso_facto(r: Round, aggression: list[tuple[str, str]]) -> None:
    """League Covenant Art. 16(1): a member resorting to war in disregard of its
    covenants "shall ipso facto be deemed to have committed an act of war against all
    other Members", which "undertake immediately to subject it to the severance of all
    trade or financial relations". No vote: every other member owes sanctions at once
    (due next round), and each may decline at the clause's price, as Austria, Hungary
    and Albania did in October 1935."""
    st = r.state
    for attacker, victim in dict.fromkeys(aggression):
        for inst_id in active_in(r.world, st, attacker):
            inst = r.world.institution[inst_id]
            for clause in inst.clauses_of(ClauseKind.SANCTIONS):
                if not clause.ipso_facto or any(
                        o.institution == inst_id and o.clause == clause.id
                        and o.against == attacker for o in st.obligations):
                    continue
                if not in_breach(r.world, st, inst_id, attacker, victim):
                    r.emit(Kind.OUTSIDE_SCOPE, f"{r.name(attacker)} resorts to war against "
                           f"{r.name(victim)} more than {inst.moratorium_days} days after "
                           f"{inst.name} reported on the dispute: {clause.label} obliges "
                           "nobody (the moratorium has run out: the gap in the Covenant).",
                           actor=attacker, target=victim, institution=inst_id, ref=clause.id)
                    continue
                debtors = [m for m in active_members(r.world, st, inst_id) if m != attacker]
                why = (f" before {inst.moratorium_days} days had passed since {inst.name} "
                       "reported on the dispute" if inst.moratorium_days else "")
                r.emit(Kind.CLAUSE_INVOKED, f"{r.name(attacker)} has resorted to war against "
                       f"{r.name(victim)}{why}, in disregard of its covenants: under "
                       f"{inst.name} {clause.label} every other member is bound at once, "
                       "without a vote, to sever trade and financial relations with it.",
                       actor=attacker, target=victim, institution=inst_id, ref=clause.id,
                       value=0.0)
                _oblige(r, debtors, inst_id, clause.id, "sanction", "", attacker,
                        Strength.AUTOMATIC, st.round + 1)
                _invoked(r, inst_id, clause.id, debtors, f"sanction {r.name(attacker)}",
                         st.round + 1)


def contribution(r: Round, ob: Obligation) -> float:
    """The forces ``ob.debtor`` puts into the defence of ``ob.beneficiary`` this round:
    those it commits to defend it, to free its land or to strike its attacker, those
    it deploys to it, and (unless the clause is automatic, which asks for fighting)
    those already stationed with it; a tripwire that fought counts in full."""
    debtor = r.state.nations[ob.debtor]
    total = 0.0
    for o in r.by_nation.get(ob.debtor, ()):
        e = r.world.actions[o.action].effect
        if (e in (Effect.DEFEND, Effect.LIBERATE) and o.target == ob.beneficiary) or (
                e in (Effect.STRIKE, Effect.INVADE) and o.target == ob.against) or (
                e is Effect.DEPLOY and o.target == ob.beneficiary
                and ob.strength is not Strength.AUTOMATIC):
            total += r.committed.get(o, 0.0)
    stationed = debtor.deployed.get(ob.beneficiary, 0.0)
    if ob.debtor in r.fought_for.get(ob.beneficiary, ()) or \
            ob.strength is not Strength.AUTOMATIC:
        total += stationed
    return total


def needed(r: Round, ob: Obligation, clause: Clause) -> float:
    """The least contribution in forces that honours ``ob``: the clause's share of
    the debtor's forces (all of them: at home, stationed abroad, holding land)."""
    return clause.min_contribution * r.state.nations[ob.debtor].military


def _honours(r: Round, ob: Obligation, clause: Clause) -> bool:
    """Whether the debtor honours ``ob`` this round, by a real contribution.

    A sanctions obligation is honoured by sanctions on the target (ordered now or in
    force). An assistance obligation is honoured by forces at least
    :func:`needed` (``min_contribution`` of the debtor's forces; a deployment of
    strength 0 honours nothing) or, unless the clause is automatic, by aid to the
    victim or sanctions on the attacker.
    """
    debtor = r.state.nations[ob.debtor]
    orders = r.by_nation.get(ob.debtor, ())
    actions = r.world.actions
    if ob.action == "sanction":
        return ob.against in debtor.sanctioning or any(
            o.target == ob.against and actions[o.action].effect is Effect.SANCTION
            for o in orders)
    if (orders or debtor.deployed) and \
            contribution(r, ob) >= max(needed(r, ob, clause), 1e-9):
        return True
    if ob.strength is Strength.AUTOMATIC:
        return False
    if ob.against in debtor.sanctioning:
        return True
    for o in orders:
        e = actions[o.action].effect
        if (e is Effect.AID and o.target == ob.beneficiary) or (
                e is Effect.SANCTION and o.target == ob.against):
            return True
    return False


def _duty(r: Round, ob: Obligation) -> str:
    """What ``ob`` obliges, for a log line: "to assist Estonia against Russia"."""
    if ob.action == "assist":
        return f"to assist {r.name(ob.beneficiary)} against {r.name(ob.against)}"
    return f"to sanction {r.name(ob.against)}"


LONE_DEFECTOR = 1.0
"""Declining costs more the more allies honour the same duty: the costs are
multiplied by ``1 + LONE_DEFECTOR * k / n``, where ``k`` of the ``n`` other members
owing it have honoured it (the lone defector pays double)."""


def _duty_key(ob: Obligation) -> tuple:
    return (ob.institution, ob.clause, ob.action, ob.beneficiary, ob.against, ob.created)


def _kept_share(groups: dict[tuple, list[Obligation]], ob: Obligation,
                honouring: set[str], kept: dict[tuple, int]) -> float:
    """The share of the other members owing the same duty who have honoured it
    (``kept`` remembers each duty's count: it does not change while a round's
    obligations are settled, as only those in ``honouring`` become kept)."""
    key = _duty_key(ob)
    group = groups[key]  # ob is in it, and has not honoured it
    if len(group) < 2:
        return 0.0
    if key not in kept:
        kept[key] = sum(1 for o in group if o.status is Status.KEPT or o.id in honouring)
    return kept[key] / (len(group) - 1)


def settle_obligations(r: Round, world: World) -> None:
    st = r.state
    clauses = {(i.id, c.id): c for i in world.institutions for c in i.clauses}
    due = [ob for ob in st.obligations if ob.status is Status.OPEN]
    if not due:
        return
    honouring = {ob.id for ob in due if _honours(r, ob, clauses[(ob.institution, ob.clause)])}
    groups: dict[tuple, list[Obligation]] = {}  # filled at the first decline
    kept: dict[tuple, int] = {}  # duty -> how many owing it honoured it
    words: dict[tuple, str] = {}  # duty -> "under NATO Art. 5 to assist Estonia against Russia"
    for ob in due:
        ns = st.nations[ob.debtor]
        ist = st.institutions[ob.institution]
        duty = (ob.institution, ob.clause, ob.action, ob.beneficiary, ob.against)
        if duty not in words:
            words[duty] = (f"under {r.name(ob.institution)} "
                           f"{_label(r, ob.institution, ob.clause)} {_duty(r, ob)}")
        under = words[duty]
        honoured = ob.id in honouring
        if not honoured and ob.action == "assist" and ob.beneficiary not in st.under_attack:
            ob.status, ob.settled = Status.LAPSED, st.round
            r.emit(Kind.OBLIGATION_LAPSED, f"{r.name(ob.debtor)}'s obligation {under} "
                   "lapses: the attack has ended.", actor=ob.debtor,
                   institution=ob.institution, ref=ob.id, value=0.0)
            continue
        if honoured:
            ob.status, ob.settled = Status.KEPT, st.round
            ns.credibility = clamp(ns.credibility + KEEP_CREDIBILITY)
            ist.credibility = clamp(ist.credibility + KEEP_ALLIANCE)
            r.emit(Kind.OBLIGATION_KEPT, f"{r.name(ob.debtor)} honours its obligation "
                   f"{under}.", actor=ob.debtor, institution=ob.institution, ref=ob.id,
                   value=KEEP_CREDIBILITY)
        elif st.round >= ob.due:
            cost = clauses[(ob.institution, ob.clause)].decline_costs
            if not groups:  # peers arose in the same round: the end of the list
                oldest = min(o.created for o in due)
                for o in reversed(st.obligations):
                    if o.created < oldest:
                        break
                    groups.setdefault(_duty_key(o), []).append(o)
            times = 1.0 + LONE_DEFECTOR * _kept_share(groups, ob, honouring, kept)
            ob.status, ob.settled = Status.DECLINED, st.round
            if ob.action == "assist":
                unbind(st, ob.against, ob.beneficiary, ob.debtor)
            ns.credibility = clamp(ns.credibility - cost.credibility * times)
            ns.support = clamp(ns.support - cost.support * times)
            ist.credibility = clamp(ist.credibility - cost.alliance_credibility)
            more = (f" (x{times:.2g}: {100 * (times - 1) / LONE_DEFECTOR:.0f}% of the others "
                    "owing it honoured it)") if times > 1 else ""
            r.emit(Kind.OBLIGATION_DECLINED, f"{r.name(ob.debtor)} declines its obligation "
                   f"{under}: its credibility falls by {cost.credibility * times:g}{more}, the institution's by "
                   f"{cost.alliance_credibility:g}.",
                   actor=ob.debtor, institution=ob.institution, ref=ob.id,
                   value=-cost.credibility * times)


OVERRUN_RATE = 0.1  # institution credibility lost a round per point of a member's land held
OVERRUN_MAX = 5.0  # at most this much a round for one member


def overrun(r: Round) -> None:
    """An alliance whose member is held by an aggressor loses credibility every round
    after the invasion's own that the land is not restored, whatever each ally
    honoured: ``OVERRUN_RATE`` a point
    of land held, at most ``OVERRUN_MAX`` a member a round, for every institution
    with a collective-defence clause whose treaty area covers the member."""
    st = r.state
    overrun_now = [(c.attacker, c.victim, st.occupation[(c.attacker, c.victim)])
                   for c in st.conflicts if not c.ended and c.started < st.round
                   and st.occupation.get((c.attacker, c.victim), 0.0) > 0]
    by_inst: dict[str, list[tuple[str, str, float]]] = {}
    for a, v, share in overrun_now:
        for i in member_of(r.world, st, v):
            by_inst.setdefault(i, []).append((a, v, share))
    for inst_id, cases in by_inst.items():
        inst = r.world.institution[inst_id]
        if not inst.has(ClauseKind.COLLECTIVE_DEFENCE):
            continue
        ist = st.institutions[inst.id]
        held = [(a, v, share) for a, v, share in cases if is_active(r.world, st, inst_id, v)
                and inst.scope.covers(r.world.nation[v].region)]
        if not held:
            continue
        drop = sum(min(OVERRUN_MAX, OVERRUN_RATE * share) for _, _, share in held)
        ist.credibility = clamp(ist.credibility - drop)
        lands = ", ".join(f"{r.name(a)} holds {share:.0f}% of {r.name(v)}"
                          for a, v, share in held)
        r.emit(Kind.OVERRUN, f"{inst.name}'s credibility falls by {drop:.1f}: {lands}, "
               "and the alliance has not restored it.", institution=inst.id, value=-drop)
