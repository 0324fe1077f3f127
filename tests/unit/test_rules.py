"""Table-driven tests of every decision rule in :mod:`wargame.core.rules`.

Each row: a rule, the members in order, the votes cast (a member missing from the
votes is absent), an optional motion, and the expected outcome, reason and tally.
Real UN Security Council votes are in ``test_rules_unsc.py``.
"""

from __future__ import annotations

import doctest
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wargame.core import Game, Kind, Order, demo_world
from wargame.core.errors import RuleError
from wargame.core.rules import (
    RULES,
    Consensus,
    ConsensusMinusOne,
    DecisionRule,
    Motion,
    MotionKind,
    PartiesRule,
    QualifiedMajority,
    SimpleMajority,
    Unanimity,
    Vote,
    decide,
)

NATO = ("usa", "uk", "france", "germany", "hungary", "turkey")
EU = ("germany", "france", "italy", "hungary", "poland")
P5 = ("china", "france", "russia", "uk", "usa")
UNSC = P5 + ("e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8", "e9", "e10")
CHARTER = QualifiedMajority(required=9, veto=P5)
# A handful of CSCE participating states in 1992 (the real body had about 50).
CSCE = ("usa", "russia", "uk", "france", "germany", "austria", "fry")


def all_(members, vote="yes", **others):
    """Everybody votes ``vote`` except the members given as keywords."""
    return {m: vote for m in members} | others


def unsc(yes: int, **others):
    """``yes`` elected members vote yes; the P5 vote as given (absent if not)."""
    return {f"e{i}": "yes" for i in range(1, yes + 1)} | others


@dataclass(frozen=True)
class Row:
    id: str
    rule: DecisionRule
    members: tuple[str, ...]
    votes: dict
    adopted: bool
    reason: str
    tally: tuple[int, int, int, int]  # yes, no, abstain, absent
    motion: Motion | None = None
    excluded: tuple[str, ...] = ()
    vetoed_by: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict)


ROWS = [
    # ---------------------------------------------------------------- Consensus
    # North Atlantic Council: silence is consent, one objection blocks.
    Row("consensus_silence_is_consent", Consensus(), NATO, {},
        True, "no objection", (0, 0, 0, 6)),
    Row("consensus_abstention_and_absence_are_consent", Consensus(), NATO,
        {"usa": "yes", "uk": "abstain", "turkey": "abstain"},
        True, "no objection", (1, 0, 2, 3)),
    Row("consensus_one_objection_blocks", Consensus(), NATO,
        all_(NATO, hungary="no"),
        False, "objection by hungary", (5, 1, 0, 0)),
    Row("consensus_objections_named_in_member_order", Consensus(), NATO,
        {"turkey": "no", "hungary": "no"},
        False, "objection by hungary, turkey", (0, 2, 0, 4)),
    # ---------------------------------------------------------------- Unanimity
    # EU Council, TFEU Art. 238(4): abstentions do not prevent unanimity.
    Row("unanimity_eu_abstention_does_not_block", Unanimity(), EU,
        all_(EU, hungary="abstain"),
        True, "unanimous (4 in favour)", (4, 0, 1, 0)),
    Row("unanimity_one_no_blocks", Unanimity(), EU,
        all_(EU, hungary="no"),
        False, "objection by hungary", (4, 1, 0, 0)),
    Row("unanimity_absence_does_not_block", Unanimity(), EU,
        {"germany": "yes", "france": "yes", "italy": "yes"},
        True, "unanimous (3 in favour)", (3, 0, 0, 2)),
    Row("unanimity_needs_one_yes", Unanimity(), EU,
        {"hungary": "abstain"},
        False, "no member voted in favour", (0, 0, 1, 4)),
    Row("unanimity_abstention_blocks_variant", Unanimity(abstention_blocks=True), EU,
        all_(EU, hungary="abstain", poland="abstain"),
        False, "no unanimity: hungary, poland abstained", (3, 0, 2, 0)),
    Row("unanimity_abstention_blocks_variant_no_comes_first",
        Unanimity(abstention_blocks=True), EU,
        all_(EU, hungary="abstain", poland="no"),
        False, "objection by poland", (3, 1, 1, 0)),
    Row("unanimity_abstention_blocks_variant_absence_still_does_not",
        Unanimity(abstention_blocks=True), EU,
        {"germany": "yes", "france": "yes"},
        True, "unanimous (2 in favour)", (2, 0, 0, 3)),
    # ----------------------------------------------------------- SimpleMajority
    # Of votes cast (UN General Assembly, Art. 18(3)): abstentions do not count.
    Row("simple_majority_of_votes_cast", SimpleMajority(), UNSC,
        unsc(3, china="no", russia="no", uk="abstain", usa="abstain"),
        True, "majority: 3 for, 2 against", (3, 2, 2, 8)),
    Row("simple_majority_tie_fails", SimpleMajority(), EU,
        {"germany": "yes", "france": "yes", "italy": "no", "hungary": "no",
         "poland": "abstain"},
        False, "no majority: 2 for, 2 against", (2, 2, 1, 0)),
    Row("simple_majority_nobody_votes", SimpleMajority(), EU, {},
        False, "no majority: 0 for, 0 against", (0, 0, 0, 5)),
    # Of all members: more than half must vote yes, whatever the others do.
    Row("simple_majority_of_members_short", SimpleMajority(of_members=True), EU,
        {"germany": "yes", "france": "yes"},
        False, "2 of 3 required votes", (2, 0, 0, 3)),
    Row("simple_majority_of_members_met", SimpleMajority(of_members=True), EU,
        {"germany": "yes", "france": "yes", "italy": "yes", "hungary": "no", "poland": "no"},
        True, "3 votes in favour, 3 required", (3, 2, 0, 0)),
    Row("simple_majority_of_members_even_count", SimpleMajority(of_members=True), NATO,
        all_(NATO[:3]),
        False, "3 of 4 required votes", (3, 0, 0, 3)),
    # -------------------------------------------------------- QualifiedMajority
    Row("qualified_majority_without_veto_met", QualifiedMajority(required=3), EU,
        {"germany": "yes", "france": "yes", "italy": "yes", "hungary": "no", "poland": "no"},
        True, "3 votes in favour, 3 required", (3, 2, 0, 0)),
    Row("qualified_majority_without_veto_short", QualifiedMajority(required=4), EU,
        {"germany": "yes", "france": "yes", "italy": "yes", "hungary": "no"},
        False, "3 of 4 required votes", (3, 1, 0, 1)),
    Row("veto_holder_abstention_is_not_a_veto", CHARTER, UNSC,
        unsc(10, china="abstain", russia="abstain", france="yes", uk="yes", usa="yes"),
        True, "13 votes in favour, 9 required", (13, 0, 2, 0)),
    Row("veto_holder_absence_is_not_a_veto", CHARTER, UNSC,
        unsc(9, china="yes", france="yes", uk="yes", usa="yes"),
        True, "13 votes in favour, 9 required", (13, 0, 0, 2)),
    Row("veto_holder_no_is_a_veto", CHARTER, UNSC,
        unsc(10, russia="no", china="abstain", france="yes", uk="yes", usa="yes"),
        False, "vetoed by russia", (13, 1, 1, 0), vetoed_by=("russia",)),
    Row("two_vetoes_named_in_member_order", CHARTER, UNSC,
        unsc(9, russia="no", china="no", france="yes", uk="yes", usa="yes"),
        False, "vetoed by china, russia", (12, 2, 0, 1), vetoed_by=("china", "russia")),
    Row("elected_member_no_is_not_a_veto", CHARTER, UNSC,
        unsc(7, e8="no", e9="no", china="yes", france="yes", uk="yes", usa="yes",
             russia="yes"),
        True, "12 votes in favour, 9 required", (12, 2, 0, 1)),
    Row("short_of_votes_fails_for_lack_of_votes_not_veto", CHARTER, UNSC,
        unsc(6, china="yes", france="yes", russia="no", uk="abstain", usa="abstain")
        | {"e7": "abstain", "e8": "abstain", "e9": "abstain", "e10": "abstain"},
        False, "8 of 9 required votes; russia, holding a veto, also voted against (not counted as a veto: the draft failed for lack of votes)", (8, 1, 6, 0), vetoed_by=()),
    Row("procedural_motion_is_never_vetoed", CHARTER, UNSC,
        unsc(10, russia="no", china="no", france="yes"),
        True, "11 votes in favour, 9 required", (11, 2, 0, 2),
        motion=Motion(kind=MotionKind.PROCEDURAL)),
    Row("procedural_motion_still_needs_the_votes", CHARTER, UNSC,
        unsc(7, russia="no", france="yes"),
        False, "8 of 9 required votes", (8, 1, 0, 6),
        motion=Motion(kind=MotionKind.PROCEDURAL)),
    Row("pacific_settlement_can_be_vetoed_by_a_non_party", CHARTER, UNSC,
        unsc(10, usa="no"),
        False, "vetoed by usa", (10, 1, 0, 4), vetoed_by=("usa",),
        motion=Motion(kind=MotionKind.PACIFIC_SETTLEMENT, parties=("russia", "e1"))),
    # -------------------------------------------------------- ConsensusMinusOne
    # CSCE/OSCE, Prague Document (1992) para 16: action "in the absence of the
    # consent of the State concerned"; applied in July 1992 to suspend the FRY.
    Row("osce_fry_suspended_despite_its_objection", ConsensusMinusOne(), CSCE,
        {"fry": "no"},
        True, "no objection (the objection of fry does not count)", (0, 0, 0, 6),
        motion=Motion(subject="fry"), excluded=("fry",)),
    Row("osce_subject_silent", ConsensusMinusOne(), CSCE,
        {"usa": "yes"},
        True, "no objection", (1, 0, 0, 5),
        motion=Motion(subject="fry"), excluded=("fry",)),
    Row("osce_another_objection_still_blocks", ConsensusMinusOne(), CSCE,
        {"fry": "no", "russia": "no"},
        False, "objection by russia", (0, 1, 0, 5),
        motion=Motion(subject="fry"), excluded=("fry",)),
    Row("osce_without_a_subject_is_plain_consensus", ConsensusMinusOne(), CSCE,
        {"fry": "no"},
        False, "objection by fry", (0, 1, 0, 6)),
    # ---------------------------------------------------------------- Parties
    # League Covenant Art. 15(6): unanimity of the Council "other than the
    # Representatives of one or more of the parties to the dispute".
    Row("parties_abstain_league_unanimity", Unanimity(parties=PartiesRule.ABSTAIN),
        ("uk", "france", "italy", "germany", "japan", "china", "spain"),
        {"uk": "yes", "france": "yes", "italy": "yes", "germany": "yes", "spain": "yes",
         "japan": "no", "china": "yes"},
        True, "unanimous (5 in favour); japan and china, parties to the dispute, may not vote",
        (5, 0, 0, 0), motion=Motion(parties=("japan", "china")), excluded=("japan", "china")),
    Row("parties_abstain_applies_to_every_kind", Unanimity(parties=PartiesRule.ABSTAIN),
        ("uk", "france", "japan"), {"uk": "yes", "japan": "no"},
        True, "unanimous (1 in favour); japan, a party to the dispute, may not vote",
        (1, 0, 0, 1), motion=Motion(kind=MotionKind.SUBSTANTIVE, parties=("japan",)), excluded=("japan",)),
    Row("parties_vote_by_default", Unanimity(), ("uk", "france", "japan"),
        {"uk": "yes", "france": "yes", "japan": "no"},
        False, "objection by japan", (2, 1, 0, 0), motion=Motion(parties=("japan",))),
    # UN Charter Art. 27(3): a party abstains only in decisions under Chapter VI.
    Row("chapter_vi_party_abstains_so_its_no_is_no_veto",
        QualifiedMajority(required=9, veto=P5, parties=PartiesRule.CHAPTER_VI_ONLY), UNSC,
        unsc(9, russia="no", china="yes", france="yes", uk="yes", usa="yes"),
        True, "13 votes in favour, 9 required; russia, a party to the dispute, may not vote "
        "(UN Charter Art. 27(3))", (13, 0, 0, 1),
        motion=Motion(kind=MotionKind.PACIFIC_SETTLEMENT, parties=("russia",)),
        excluded=("russia",)),
    Row("chapter_vii_party_votes_and_vetoes",
        QualifiedMajority(required=9, veto=P5, parties=PartiesRule.CHAPTER_VI_ONLY), UNSC,
        unsc(9, russia="no", china="yes", france="yes", uk="yes", usa="yes"),
        False, "vetoed by russia", (13, 1, 0, 1), vetoed_by=("russia",),
        motion=Motion(kind=MotionKind.SUBSTANTIVE, parties=("russia",))),
    Row("chapter_vi_party_that_is_not_a_member_changes_nothing",
        QualifiedMajority(required=9, veto=P5, parties=PartiesRule.CHAPTER_VI_ONLY), UNSC,
        unsc(9),
        True, "9 votes in favour, 9 required", (9, 0, 0, 6),
        motion=Motion(kind=MotionKind.PACIFIC_SETTLEMENT, parties=("ukraine",))),
    Row("chapter_vi_excluded_party_leaves_the_members_count",
        SimpleMajority(of_members=True, parties=PartiesRule.CHAPTER_VI_ONLY),
        ("a", "b", "c", "d", "e"),
        {"a": "yes", "b": "yes", "e": "no"},
        True, "2 votes in favour, 2 required; c, d and e, parties to the dispute, may not vote "
        "(UN Charter Art. 27(3))", (2, 0, 0, 0),
        motion=Motion(kind=MotionKind.PACIFIC_SETTLEMENT, parties=("c", "d", "e")),
        excluded=("c", "d", "e")),
]


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_rule(row: Row) -> None:
    row.rule.check(row.members)
    decision = decide(row.rule, row.members, row.votes, row.motion)
    assert decision.adopted is row.adopted
    assert decision.reason == row.reason
    tally = (len(decision.yes), len(decision.no), len(decision.abstain), len(decision.absent))
    assert tally == row.tally
    assert decision.excluded == row.excluded
    assert decision.vetoed_by == row.vetoed_by
    # every member is in exactly one bucket, in the members' order
    buckets = decision.yes + decision.no + decision.abstain + decision.absent + decision.excluded
    assert sorted(buckets) == sorted(row.members)


def test_votes_may_be_vote_members_or_text_in_any_case() -> None:
    by_enum = decide(Consensus(), NATO, {"hungary": Vote.NO, "usa": Vote.YES})
    by_text = decide(Consensus(), NATO, {"hungary": " No ", "usa": "YES"})
    assert by_enum == by_text
    assert by_enum.reason == "objection by hungary"


def test_explicit_absent_is_the_same_as_not_voting() -> None:
    explicit = decide(CHARTER, UNSC, unsc(9, russia="absent", china=Vote.ABSENT))
    omitted = decide(CHARTER, UNSC, unsc(9))
    assert explicit == omitted
    assert explicit.absent == P5 + ("e10",)


def test_summary_line() -> None:
    d = decide(CHARTER, UNSC, unsc(10, russia="no", china="abstain", usa="yes"))
    assert d.summary() == "NOT ADOPTED (11-1-1): vetoed by russia"
    d = decide(Consensus(), NATO, {})
    assert d.summary() == "ADOPTED (0-0-0): no objection"


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        (Consensus(), "consensus: adopted unless a member objects (silence is consent)"),
        (ConsensusMinusOne(), "consensus minus one: adopted unless a member other than "
                              "the state concerned objects"),
        (Unanimity(), "unanimity: every member present must agree (abstention does not block)"),
        (Unanimity(abstention_blocks=True),
         "unanimity: every member present must agree (abstention blocks)"),
        (SimpleMajority(), "simple majority of votes cast"),
        (SimpleMajority(of_members=True), "simple majority of all members"),
        (QualifiedMajority(required=3), "qualified majority: 3 votes in favour"),
        (QualifiedMajority(required=9, veto=("usa", "russia")),
         "qualified majority: 9 votes in favour, veto holders: usa, russia"),
    ],
)
def test_describe(rule: DecisionRule, text: str) -> None:
    assert rule.describe() == text


def test_rules_registry_names_match_the_classes() -> None:
    assert sorted(RULES) == sorted(
        ["consensus", "consensus_minus_one", "unanimity", "simple_majority",
         "qualified_majority", "fraction"]
    )
    for name, cls in RULES.items():
        assert cls.name == name


def test_the_examples_in_the_docs_run() -> None:
    """docs/decision-rules.md is a doctest: every example there is checked here."""
    import wargame.core.rules as rules

    doc = Path(__file__).resolve().parents[2] / "docs" / "decision-rules.md"
    result = doctest.testfile(str(doc), module_relative=False, verbose=False)
    assert result.attempted > 40 and result.failed == 0
    result = doctest.testmod(rules, verbose=False)
    assert result.attempted > 0 and result.failed == 0


# ------------------------------------------------------------------- errors
def test_vote_by_a_non_member_raises() -> None:
    with pytest.raises(RuleError, match="russia is not a member and cannot vote"):
        decide(Consensus(), NATO, {"usa": "yes", "russia": "no"})


@pytest.mark.parametrize("text", ["maybe", "", "y", "veto", "present"])
def test_unknown_vote_string_raises(text: str) -> None:
    with pytest.raises(RuleError, match="unknown vote"):
        decide(Consensus(), NATO, {"usa": text})
    with pytest.raises(RuleError, match="use yes, no, abstain or absent"):
        Vote.parse(text)


@pytest.mark.parametrize(
    ("rule", "members", "message"),
    [
        (QualifiedMajority(required=9, veto=("usa", "ussr")), UNSC,
         "veto holder ussr is not a member"),
        (QualifiedMajority(required=16, veto=P5), UNSC,
         "16 votes required but the institution has only 15 members"),
        (QualifiedMajority(required=0), UNSC, "required votes must be at least 1, not 0"),
    ],
)
def test_qualified_majority_check_raises(rule, members, message) -> None:
    with pytest.raises(RuleError, match=message):
        rule.check(members)


def test_check_accepts_a_workable_rule() -> None:
    CHARTER.check(UNSC)
    QualifiedMajority(required=15, veto=P5).check(UNSC)  # unanimity expressed as N of N
    for rule in (Consensus(), ConsensusMinusOne(), Unanimity(), SimpleMajority()):
        rule.check(UNSC)  # nothing to check


# ----------------------------------------------------------------- in a game
def test_game_one_member_opens_consultation_nato_art_4() -> None:
    game = Game(demo_world(), seed=3)
    assert game.stage == "tension"
    game.advance()
    game.advance()
    assert game.phase == "orders"
    game.submit_orders("east", [Order("east", "request_consultation", institution="pact")])
    events = game.resolve()
    opened = [e for e in events if e.kind is Kind.CONSULTATION_OPENED]
    assert len(opened) == 1
    assert opened[0].actor == "east" and opened[0].institution == "pact"
    assert "Art. 4" in opened[0].text
    assert game.stage == "consultation"


def test_game_eu_unanimity_blocked_by_one_member() -> None:
    game = Game(demo_world(), seed=3)
    assert game.stage == "tension"  # a crisis stage: a draft may be tabled
    game.advance()
    game.advance()
    game.submit_orders("centre", [Order("centre", "table_resolution", target="north",
                                        institution="union", measure="sanctions")])
    events = game.resolve()
    assert any(e.kind is Kind.DRAFT_TABLED and e.institution == "union" for e in events)
    (draft,) = game.drafts()
    assert game.phase == "briefing"
    game.advance()  # into diplomacy: the draft is voted now
    assert game.phase == "diplomacy"
    game.vote("east", draft.id, "yes")
    game.vote("isle", draft.id, Vote.NO)
    events = game.advance()  # out of diplomacy: the draft is decided
    decided = [e for e in events if e.kind is Kind.DRAFT_DECIDED]
    assert len(decided) == 1
    assert "NOT ADOPTED (2-1-0): objection by Islay" in decided[0].text
    assert decided[0].value == 0.0
    assert not any(e.kind is Kind.AUTHORISED for e in events)
    assert game.drafts() == []
    assert "north" not in game.state.institutions["union"].sanctions_on


def test_game_eu_unanimity_adopted_when_nobody_objects() -> None:
    """The same draft with an abstention instead of a no: TFEU Art. 238(4)."""
    game = Game(demo_world(), seed=3)
    game.advance()
    game.advance()
    game.submit_orders("centre", [Order("centre", "table_resolution", target="north",
                                        institution="union", measure="sanctions")])
    game.resolve()
    (draft,) = game.drafts()
    game.advance()
    game.vote("isle", draft.id, "abstain")
    events = game.advance()
    decided = [e for e in events if e.kind is Kind.DRAFT_DECIDED]
    assert ": ADOPTED (1-0-1): unanimous (1 in favour)" in decided[0].text
    assert decided[0].value == 1.0
    assert "north" in game.state.institutions["union"].sanctions_on


# --------------------------------------------------------------- properties
VOTES = st.sampled_from(["yes", "no", "abstain", "absent", None])  # None: not in votes


@st.composite
def ballots(draw, min_size=1):
    """A membership of unique ids and a vote (or no entry) for each member."""
    members = draw(st.lists(st.sampled_from([f"m{i}" for i in range(20)]),
                            min_size=min_size, max_size=20, unique=True))
    cast = draw(st.lists(VOTES, min_size=len(members), max_size=len(members)))
    votes = {m: v for m, v in zip(members, cast) if v is not None}
    return members, votes


@st.composite
def qualified(draw):
    members, votes = draw(ballots())
    required = draw(st.integers(1, len(members)))
    veto = tuple(draw(st.lists(st.sampled_from(members), unique=True, max_size=5)))
    kind = draw(st.sampled_from(list(MotionKind)))
    return QualifiedMajority(required=required, veto=veto), members, votes, Motion(kind=kind)


@settings(max_examples=300)
@given(ballots(min_size=0))
def test_consensus_adopts_iff_nobody_objects(ballot) -> None:
    members, votes = ballot
    d = decide(Consensus(), members, votes)
    assert d.adopted is ("no" not in votes.values())
    expected_no = tuple(m for m in members if votes.get(m) == "no")
    assert d.no == expected_no
    if expected_no:
        assert d.reason == "objection by " + ", ".join(expected_no)


@settings(max_examples=300)
@given(qualified())
def test_qualified_majority_veto_and_count(case) -> None:
    rule, members, votes, motion = case
    rule.check(members)
    d = decide(rule, members, votes, motion)
    yes = sum(1 for v in votes.values() if v == "yes")
    holders_no = tuple(m for m in members if m in rule.veto and votes.get(m) == "no")
    # adopted exactly when the count is met and no holder objects (procedure aside)
    vetoable = motion.kind is not MotionKind.PROCEDURAL
    assert d.adopted is (yes >= rule.required and not (vetoable and holders_no))
    # a veto is only recorded when the count was met: otherwise it failed for lack of votes
    assert d.vetoed_by == (holders_no if vetoable and yes >= rule.required else ())
    if yes < rule.required:
        assert d.reason.startswith(f"{yes} of {rule.required} required votes")
    # abstaining or staying away is never a veto
    assert set(d.vetoed_by) <= {m for m in members if votes.get(m) == "no"}


RULE_CHOICES = st.sampled_from([
    Consensus(), ConsensusMinusOne(), Unanimity(), Unanimity(abstention_blocks=True),
    SimpleMajority(), SimpleMajority(of_members=True),
    QualifiedMajority(required=1), QualifiedMajority(required=3, veto=("m0", "m1")),
])


@settings(max_examples=300)
@given(RULE_CHOICES, ballots(min_size=3), st.data())
def test_monotone_turning_a_vote_into_yes_never_defeats_a_motion(rule, ballot, data) -> None:
    members, votes = ballot
    members = sorted(set(members) | {"m0", "m1"})
    if isinstance(rule, QualifiedMajority) and rule.required > len(members):
        return
    rule.check(members)
    who = data.draw(st.sampled_from(members))
    before = decide(rule, members, votes)
    after = decide(rule, members, votes | {who: "yes"})
    if before.adopted:
        assert after.adopted


@settings(max_examples=300)
@given(RULE_CHOICES, ballots(min_size=2))
def test_abstention_and_absence_are_the_same_except_where_abstention_blocks(rule, ballot) -> None:
    members, votes = ballot
    members = sorted(set(members) | {"m0", "m1"})
    abstain_to_absent = {m: v for m, v in votes.items() if v != "abstain"}
    a = decide(rule, members, votes)
    b = decide(rule, members, abstain_to_absent)
    if isinstance(rule, Unanimity) and rule.abstention_blocks:
        # the one rule where abstaining is not staying away: it can only hurt
        assert b.adopted or not a.adopted
    else:
        assert (a.adopted, a.reason) == (b.adopted, b.reason)


@settings(max_examples=200)
@given(ballots(min_size=2), st.data())
def test_consensus_minus_one_ignores_only_the_subject(ballot, data) -> None:
    members, votes = ballot
    subject = data.draw(st.sampled_from(members))
    d = decide(ConsensusMinusOne(), members, votes, Motion(subject=subject))
    others_object = any(v == "no" for m, v in votes.items() if m != subject)
    assert d.adopted is (not others_object)
    assert d.excluded == (subject,)
    assert subject not in d.no + d.yes + d.abstain + d.absent
