"""Real UN Security Council votes decided by :class:`QualifiedMajority`.

Each row is one vote as recorded by the United Nations: the Council's membership
in that year, how each member voted, and what happened. The rule is the one in
UN Charter Art. 27(3): affirmative votes of nine members (seven before the
amendment that entered into force on 31 August 1965 and enlarged the Council from
11 to 15) including the concurring votes of the permanent members, where, by the
Council's practice since 1946 (confirmed by the ICJ, Namibia advisory opinion,
1971, para. 22), an abstention or absence of a permanent member is not a veto.

Member ids are lower-case English short names ("usa", "ussr", "cote_divoire").
Members are listed in the English alphabetical order the UN uses in its records,
so a reason naming several states ("vetoed by china, russia") follows that order.
In 1950 the Chinese seat was held by the Republic of China; its id here is "china".
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from wargame.core.rules import Decision, QualifiedMajority, Vote, decide

# --------------------------------------------------------------- membership
P5_1950 = ("china", "france", "ussr", "uk", "usa")
P5_1990 = P5_1950
P5 = ("china", "france", "russia", "uk", "usa")

#: Art. 27(3) as adopted in 1945: 7 of 11 votes, the five permanent members' veto.
CHARTER_1945 = QualifiedMajority(required=7, veto=P5_1950)
#: Art. 27(3) as amended (in force 31 August 1965): 9 of 15 votes.
CHARTER_1990 = QualifiedMajority(required=9, veto=P5_1990)
CHARTER = QualifiedMajority(required=9, veto=P5)

# 1950: Cuba, Egypt, Norway (1949-50); Ecuador, India, Yugoslavia (1950-51).
COUNCIL_1950 = (
    "china", "cuba", "ecuador", "egypt", "france", "india", "norway",
    "ussr", "uk", "usa", "yugoslavia",
)
# 1990: Canada, Colombia, Ethiopia, Finland, Malaysia (1989-90);
#       Côte d'Ivoire, Cuba, Romania, Yemen, Zaire (1990-91).
COUNCIL_1990 = (
    "canada", "china", "colombia", "cote_divoire", "cuba", "ethiopia", "finland",
    "france", "malaysia", "romania", "ussr", "uk", "usa", "yemen", "zaire",
)
# 2002: Colombia, Ireland, Mauritius, Norway, Singapore (2001-02);
#       Bulgaria, Cameroon, Guinea, Mexico, Syria (2002-03).
COUNCIL_2002 = (
    "bulgaria", "cameroon", "china", "colombia", "france", "guinea", "ireland",
    "mauritius", "mexico", "norway", "russia", "singapore", "syria", "uk", "usa",
)
# 2011: Bosnia and Herzegovina, Brazil, Gabon, Lebanon, Nigeria (2010-11);
#       Colombia, Germany, India, Portugal, South Africa (2011-12).
COUNCIL_2011 = (
    "bosnia", "brazil", "china", "colombia", "france", "gabon", "germany", "india",
    "lebanon", "nigeria", "portugal", "russia", "south_africa", "uk", "usa",
)
# 2013: Azerbaijan, Guatemala, Morocco, Pakistan, Togo (2012-13);
#       Argentina, Australia, Luxembourg, Republic of Korea, Rwanda (2013-14).
COUNCIL_2013 = (
    "argentina", "australia", "azerbaijan", "china", "france", "guatemala",
    "luxembourg", "morocco", "pakistan", "south_korea", "russia", "rwanda", "togo",
    "uk", "usa",
)
# 2014: Argentina, Australia, Luxembourg, Republic of Korea, Rwanda (2013-14);
#       Chad, Chile, Jordan, Lithuania, Nigeria (2014-15).
COUNCIL_2014 = (
    "argentina", "australia", "chad", "chile", "china", "france", "jordan",
    "lithuania", "luxembourg", "nigeria", "south_korea", "russia", "rwanda", "uk",
    "usa",
)
# 2016: Angola, Malaysia, New Zealand, Spain, Venezuela (2015-16);
#       Egypt, Japan, Senegal, Ukraine, Uruguay (2016-17).
COUNCIL_2016 = (
    "angola", "china", "egypt", "france", "japan", "malaysia", "new_zealand",
    "russia", "senegal", "spain", "ukraine", "uk", "usa", "uruguay", "venezuela",
)
# 2022: India, Ireland, Kenya, Mexico, Norway (2021-22);
#       Albania, Brazil, Gabon, Ghana, United Arab Emirates (2022-23).
COUNCIL_2022 = (
    "albania", "brazil", "china", "france", "gabon", "ghana", "india", "ireland",
    "kenya", "mexico", "norway", "russia", "uae", "uk", "usa",
)


@dataclass(frozen=True)
class Case:
    """One recorded vote. Members not named in no/abstain/absent voted yes."""

    id: str
    rule: QualifiedMajority
    council: tuple[str, ...]
    no: tuple[str, ...] = ()
    abstain: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()  # did not take part in the vote
    absent_explicit: bool = False  # pass "absent" in the votes instead of omitting them
    yes_only: tuple[str, ...] | None = None  # when only these voted yes
    adopted: bool = True
    reason: str = ""
    tally: tuple[int, int, int, int] = (0, 0, 0, 0)  # yes, no, abstain, absent
    vetoed_by: tuple[str, ...] = ()

    def votes(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for m in self.council:
            if m in self.absent:
                if self.absent_explicit:
                    out[m] = "absent"
            elif m in self.no:
                out[m] = "no"
            elif m in self.abstain:
                out[m] = "abstain"
            elif self.yes_only is None or m in self.yes_only:
                out[m] = "yes"
            else:  # pragma: no cover - every row names its votes completely
                raise AssertionError(f"no vote given for {m}")
        return out


CASES = [
    # Res. 82 (1950), Korea: S/1501, adopted 25 June 1950 at the 473rd meeting
    # (S/PV.473): 9-0-1, Yugoslavia abstaining; the USSR was absent (boycotting the
    # Council since January 1950). Eleven members, seven votes required.
    Case("res82_korea_1950", CHARTER_1945, COUNCIL_1950,
         abstain=("yugoslavia",), absent=("ussr",), absent_explicit=True,
         reason="9 votes in favour, 7 required", tally=(9, 0, 1, 1)),
    # Res. 660 (1990), Iraq's invasion of Kuwait: S/RES/660 (1990), 2 August 1990,
    # 2932nd meeting (S/PV.2932): 14-0-0, Yemen present but not participating in
    # the vote; a member that casts no vote is "absent" to the rule.
    Case("res660_kuwait_1990", CHARTER_1990, COUNCIL_1990,
         absent=("yemen",), reason="14 votes in favour, 9 required", tally=(14, 0, 0, 1)),
    # Res. 678 (1990), "all necessary means": S/RES/678 (1990), 29 November 1990,
    # 2963rd meeting (S/PV.2963): 12-2-1, Cuba and Yemen against, China abstaining.
    Case("res678_kuwait_1990", CHARTER_1990, COUNCIL_1990,
         no=("cuba", "yemen"), abstain=("china",),
         reason="12 votes in favour, 9 required", tally=(12, 2, 1, 0)),
    # Res. 1441 (2002), Iraq: S/RES/1441 (2002), 8 November 2002, 4644th meeting
    # (S/PV.4644): adopted unanimously, 15-0-0 (Syria voting in favour).
    Case("res1441_iraq_2002", CHARTER, COUNCIL_2002,
         reason="15 votes in favour, 9 required", tally=(15, 0, 0, 0)),
    # Res. 1973 (2011), Libya no-fly zone: S/RES/1973 (2011), 17 March 2011,
    # 6498th meeting (S/PV.6498): 10-0-5, Brazil, China, Germany, India and Russia
    # abstaining (two permanent members abstain; no veto).
    Case("res1973_libya_2011", CHARTER, COUNCIL_2011,
         abstain=("brazil", "china", "germany", "india", "russia"),
         reason="10 votes in favour, 9 required", tally=(10, 0, 5, 0)),
    # Draft S/2011/612 on Syria, 4 October 2011, 6627th meeting (S/PV.6627):
    # 9-2-4, China and Russia against (the first double veto on Syria); Brazil,
    # India, Lebanon and South Africa abstaining (UN press release SC/10403).
    Case("s_2011_612_syria", CHARTER, COUNCIL_2011,
         no=("china", "russia"), abstain=("brazil", "india", "lebanon", "south_africa"),
         adopted=False, reason="vetoed by china, russia", tally=(9, 2, 4, 0),
         vetoed_by=("china", "russia")),
    # Res. 2118 (2013), Syrian chemical weapons: S/RES/2118 (2013),
    # 27 September 2013, 7038th meeting (S/PV.7038): adopted unanimously, 15-0-0.
    Case("res2118_syria_2013", CHARTER, COUNCIL_2013,
         reason="15 votes in favour, 9 required", tally=(15, 0, 0, 0)),
    # Draft S/2014/189 on the referendum in Crimea, 15 March 2014, 7138th meeting
    # (S/PV.7138): 13-1-1, Russia against, China abstaining.
    Case("s_2014_189_crimea", CHARTER, COUNCIL_2014,
         no=("russia",), abstain=("china",),
         adopted=False, reason="vetoed by russia", tally=(13, 1, 1, 0),
         vetoed_by=("russia",)),
    # Res. 2334 (2016), Israeli settlements: S/RES/2334 (2016), 23 December 2016,
    # 7853rd meeting (S/PV.7853): 14-0-1, the United States abstaining.
    Case("res2334_settlements_2016", CHARTER, COUNCIL_2016,
         abstain=("usa",), reason="14 votes in favour, 9 required", tally=(14, 0, 1, 0)),
    # Draft S/2022/155 on Russia's invasion of Ukraine, 25 February 2022,
    # 8979th meeting (S/PV.8979): 11-1-3, Russia against; China, India and the
    # United Arab Emirates abstaining.
    Case("s_2022_155_ukraine", CHARTER, COUNCIL_2022,
         no=("russia",), abstain=("china", "india", "uae"),
         adopted=False, reason="vetoed by russia", tally=(11, 1, 3, 0),
         vetoed_by=("russia",)),
    # Russia's draft on the humanitarian situation in Ukraine, 23 March 2022,
    # 9002nd meeting (S/PV.9002; UN press release SC/14838): 2-0-13, only
    # China and Russia in favour, the thirteen others abstaining. It fails for
    # lack of votes; nobody vetoed it.
    Case("russia_humanitarian_draft_2022_03_23", CHARTER, COUNCIL_2022,
         yes_only=("china", "russia"),
         abstain=tuple(m for m in COUNCIL_2022 if m not in ("china", "russia")),
         adopted=False, reason="2 of 9 required votes", tally=(2, 0, 13, 0)),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_security_council_vote(case: Case) -> None:
    case.rule.check(case.council)  # the rule fits the Council of that year
    votes = case.votes()
    decision = decide(case.rule, case.council, votes)

    assert decision.adopted is case.adopted
    assert decision.reason == case.reason
    tally = (len(decision.yes), len(decision.no), len(decision.abstain), len(decision.absent))
    assert tally == case.tally
    assert decision.no == tuple(m for m in case.council if m in case.no)
    assert decision.abstain == tuple(m for m in case.council if m in case.abstain)
    assert decision.absent == tuple(m for m in case.council if m in case.absent)
    assert decision.vetoed_by == case.vetoed_by
    assert decision.excluded == ()


def test_rows_are_complete_councils() -> None:
    """Every row accounts for each member exactly once, in a Council of its era."""
    for case in CASES:
        assert len(set(case.council)) == len(case.council), case.id
        assert len(case.council) == (11 if case.rule is CHARTER_1945 else 15), case.id
        assert set(case.rule.veto) <= set(case.council), case.id
        assert sum(case.tally) == len(case.council), case.id
        named = set(case.no) | set(case.abstain) | set(case.absent)
        assert named <= set(case.council), case.id


def test_the_cases_cover_every_kind_of_outcome() -> None:
    ids = {c.id for c in CASES}
    assert len(CASES) >= 8
    unanimous = {c.id for c in CASES if c.tally[0] == len(c.council)}
    vetoed = {c.id for c in CASES if c.vetoed_by}
    short = {c.id for c in CASES if not c.adopted and not c.vetoed_by}
    p5_abstained = {
        c.id for c in CASES if c.adopted and set(c.abstain) & set(c.rule.veto)
    }
    assert unanimous and short and p5_abstained and "res82_korea_1950" in ids
    assert {"s_2014_189_crimea", "s_2022_155_ukraine", "s_2011_612_syria"} <= vetoed


def test_korea_1950_absence_is_not_a_veto_but_a_soviet_no_would_have_been() -> None:
    """The 1950 counterfactual: had the USSR attended and voted no, 82 was vetoed."""
    case = next(c for c in CASES if c.id == "res82_korea_1950")
    votes = case.votes() | {"ussr": Vote.NO}
    decision = decide(CHARTER_1945, COUNCIL_1950, votes)
    assert decision == Decision(
        adopted=False,
        reason="vetoed by ussr",
        yes=tuple(m for m in COUNCIL_1950 if m not in ("ussr", "yugoslavia")),
        no=("ussr",),
        abstain=("yugoslavia",),
        vetoed_by=("ussr",),
    )


def test_summary_line_of_a_real_vote() -> None:
    crimea = next(c for c in CASES if c.id == "s_2014_189_crimea")
    decision = decide(crimea.rule, crimea.council, crimea.votes())
    assert decision.summary() == "NOT ADOPTED (13-1-1): vetoed by russia"
    res678 = next(c for c in CASES if c.id == "res678_kuwait_1990")
    decision = decide(res678.rule, res678.council, res678.votes())
    assert decision.summary() == "ADOPTED (12-2-1): 12 votes in favour, 9 required"


def test_s_2022_155_through_the_games_motion_is_a_veto_not_an_abstention():
    """The game decides a condemnation as the Council did on 25 February 2022: as a
    substantive matter, so Russia, the party, votes and vetoes (not Chapter VI)."""
    from wargame.core.actions import Measure
    from wargame.core.clauses import motion_of
    from wargame.core.rules import PartiesRule

    un = QualifiedMajority(required=9, veto=P5, parties=PartiesRule.CHAPTER_VI_ONLY)
    votes = {m: Vote.YES for m in COUNCIL_2022} | {"russia": Vote.NO} | {
        m: Vote.ABSTAIN for m in ("china", "india", "uae")}
    d = decide(un, COUNCIL_2022, votes, motion_of(Measure.CONDEMN, "russia"))
    assert (d.adopted, d.reason, d.vetoed_by, d.excluded) == (
        False, "vetoed by russia", ("russia",), ())
    # a ceasefire demand is a provisional measure (Art. 40; Res. 598, 660): the party
    # votes, and a permanent member's no vetoes it
    d = decide(un, COUNCIL_2022, votes, motion_of(Measure.CEASEFIRE, "russia"))
    assert (d.adopted, d.reason, d.vetoed_by, d.excluded) == (
        False, "vetoed by russia", ("russia",), ())
    # a joint statement stays Chapter VI: the party's no is not counted, and the reason says so
    d = decide(un, COUNCIL_2022, votes, motion_of(Measure.STATEMENT, "russia"))
    assert d.adopted and d.excluded == ("russia",)
    assert d.reason == ("11 votes in favour, 9 required; russia, a party to the dispute, "
                        "may not vote (UN Charter Art. 27(3))")
