"""The fraction rule against real votes: the UN General Assembly's two thirds of those
present and voting (Charter Art. 18(2)) and the Rio Treaty's two thirds of the parties
entitled to vote (Arts. 17, 18); and its arithmetic, as a property."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wargame.core.errors import RuleError
from wargame.core.rules import Fraction, Motion, PartiesRule, decide


def _votes(yes: int, no: int, abstain: int, absent: int = 0):
    members = [f"m{i}" for i in range(yes + no + abstain + absent)]
    kinds = ["yes"] * yes + ["no"] * no + ["abstain"] * abstain
    return members, dict(zip(members, kinds))


GA = Fraction(share=(2, 3), of="voting")


@pytest.mark.parametrize(("record", "yes", "no", "abstain", "absent", "adopted"), [
    # GA Res. 377A(V), Uniting for Peace, 3 November 1950: 52-5-2 (60 members)
    ("Res. 377A(V) (1950)", 52, 5, 2, 1, True),
    # GA Res. 997 (ES-I), Suez, 2 November 1956: 64-5-6
    ("Res. 997 (ES-I) (1956)", 64, 5, 6, 5, True),
    # GA Res. ES-11/1, Ukraine, 2 March 2022: 141-5-35 (12 did not vote)
    ("Res. ES-11/1 (2022)", 141, 5, 35, 12, True),
    # GA Res. ES-11/3, suspending Russia from the Human Rights Council, 7 April 2022:
    # 93-24-58; 93 of the 117 voting is 79%, above two thirds though below half of 193
    ("Res. ES-11/3 (2022)", 93, 24, 58, 18, True),
    # a draft with 60 yes and 31 no falls short: 60 < 61 = two thirds of 91
    ("two thirds not reached", 60, 31, 40, 0, False),
])
def test_general_assembly_votes(record, yes, no, abstain, absent, adopted):
    members, votes = _votes(yes, no, abstain, absent)
    d = decide(GA, members, votes)
    assert d.adopted is adopted, (record, d.reason)
    need = -(-2 * (yes + no) // 3)
    assert d.reason == (f"{yes} of {yes + no} voting in favour, {need} required (two thirds "
                        "of those present and voting)")


def test_rio_1964_two_thirds_of_the_entitled_parties_excluded():
    """Ninth Meeting of Consultation, 26 July 1964: 15 to 4, Venezuela and Cuba not
    voting as parties; 19 entitled, 13 needed (Rio Treaty Arts. 17, 18)."""
    parties = ("cuba", "venezuela")
    against = ["bolivia", "chile", "mexico", "uruguay"]
    yes = [f"s{i}" for i in range(15)]
    members = yes + against + list(parties)
    rule = Fraction(share=(2, 3), of="entitled", parties=PartiesRule.ABSTAIN)
    votes = {m: "yes" for m in yes} | {m: "no" for m in against} | {"cuba": "no"}
    d = decide(rule, members, votes, Motion(parties=parties))
    assert d.adopted
    assert d.reason.startswith("15 of 19 entitled to vote in favour, 13 required")
    assert d.excluded == parties
    # twelve yes would not do, however many abstain: abstaining counts as not yes
    fewer = {m: "yes" for m in yes[:12]} | {m: "abstain" for m in yes[12:] + against}
    assert not decide(rule, members, fewer, Motion(parties=parties)).adopted


def test_describe_and_check():
    assert GA.describe() == "two thirds of the members present and voting"
    assert Fraction(share=(3, 5), of="entitled").describe() == \
        "three fifths of the members entitled to vote"
    with pytest.raises(RuleError):
        Fraction(share=(4, 3)).check(["a", "b"])
    with pytest.raises(RuleError):
        Fraction(of="present").check(["a", "b"])


def test_nobody_voting_in_favour_adopts_nothing():
    assert not decide(GA, ["a", "b", "c"], {"a": "abstain"}).adopted
    assert not decide(GA, ["a", "b", "c"], {}).adopted


@given(yes=st.integers(0, 60), no=st.integers(0, 60), abstain=st.integers(0, 30),
       absent=st.integers(0, 10), num=st.integers(1, 5), den=st.integers(1, 6),
       of=st.sampled_from(["voting", "entitled"]))
def test_adopted_exactly_when_the_share_is_reached(yes, no, abstain, absent, num, den, of):
    if num > den:
        num, den = den, num
    members, votes = _votes(yes, no, abstain, absent)
    if not members:
        return
    d = decide(Fraction(share=(num, den), of=of), members, votes)
    base = yes + no if of == "voting" else len(members)
    assert d.adopted == (yes > 0 and yes * den >= num * base)
