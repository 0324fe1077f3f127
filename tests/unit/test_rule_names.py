"""Names in the rules API's reasons: only where it writes ids, never in its words.

A campaign may give a state the id ``no`` (Norway) or ``in`` (India), and any name at
all (``Corvia\\Overseas``). The reference is the rules API itself: deciding with the
members renamed gives the sentence that naming the ids must give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from wargame.core.rules import (Consensus, ConsensusMinusOne, Motion, MotionKind,
                                PartiesRule, QualifiedMajority, SimpleMajority, Unanimity,
                                Vote, decide, with_names)

# ids that are words of the rules' sentences
WORDS = ["no", "in", "by", "of", "a", "and", "the", "vetoed", "objection", "votes",
         "majority", "unanimity", "abstained", "parties", "party", "for", "against",
         "required", "holding", "veto", "not", "may", "vote", "un", "art", "x"]


def renamed(i: str) -> str:
    return f"zq{i}zq"


@st.composite
def cases(draw):
    members = draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=7, unique=True))
    parties = draw(st.sampled_from(list(PartiesRule)))
    kind = draw(st.integers(0, 4))
    if kind == 0:
        rule = Consensus(parties=parties)
    elif kind == 1:
        rule = ConsensusMinusOne(parties=parties)
    elif kind == 2:
        rule = Unanimity(parties=parties, abstention_blocks=draw(st.booleans()))
    elif kind == 3:
        rule = SimpleMajority(parties=parties, of_members=draw(st.booleans()))
    else:
        veto = tuple(draw(st.lists(st.sampled_from(members), unique=True, max_size=3)))
        rule = QualifiedMajority(parties=parties, required=draw(st.integers(1, len(members))),
                                 veto=veto)
    votes = {m: draw(st.sampled_from([Vote.YES, Vote.NO, Vote.ABSTAIN])) for m in members
             if draw(st.booleans())}
    motion = Motion(kind=draw(st.sampled_from(list(MotionKind))),
                    parties=tuple(draw(st.lists(st.sampled_from(members), unique=True,
                                                max_size=3))),
                    subject=draw(st.sampled_from(members + [""])))
    return rule, members, votes, motion


def rename_rule(rule):
    if isinstance(rule, QualifiedMajority):
        return QualifiedMajority(parties=rule.parties, required=rule.required,
                                 veto=tuple(map(renamed, rule.veto)))
    return rule


@settings(max_examples=400, deadline=None)
@given(cases())
def test_naming_a_reason_is_deciding_with_the_names(case):
    rule, members, votes, motion = case
    got = with_names(decide(rule, members, votes, motion).summary(), renamed)
    want = decide(rename_rule(rule), [renamed(m) for m in members],
                  {renamed(m): v for m, v in votes.items()},
                  Motion(motion.kind, tuple(map(renamed, motion.parties)),
                         renamed(motion.subject) if motion.subject else "")).summary()
    assert got == want
    assert with_names(rule.describe(), renamed) == rename_rule(rule).describe()


def test_a_state_called_no_leaves_no_objection_alone_and_a_backslash_is_a_name():
    d = decide(Consensus(), ["no", "se"], {"no": "yes", "se": "yes"})
    assert with_names(d.summary(), {"no": "Norway"}.get) == "ADOPTED (2-0-0): no objection"
    d = decide(Consensus(), ["no", "se"], {"no": "no"})
    names = {"no": "Norway", "se": "Corvia\\Overseas"}
    assert with_names(d.reason, names.get) == "objection by Norway"
    d = decide(Consensus(), ["no", "se"], {"se": "no"})
    assert with_names(d.reason, names.get) == "objection by Corvia\\Overseas"


def test_a_campaign_with_the_id_no_keeps_its_log_words(tmp_path):
    """The tutorial with Belmark's id 'no' and a backslash in Corvia's name: the
    core's log names the states and leaves the words alone."""
    from pathlib import Path

    from wargame.campaign import load_campaign
    from wargame.core.context import named

    text = (Path(__file__).parents[2] / "campaigns" / "tutorial.yaml").read_text("utf-8")
    text = text.replace("belmark", "no").replace("name: Corvia", "name: 'Corvia\\Overseas'")
    path = tmp_path / "no.yaml"
    path.write_text(text, "utf-8")
    world = load_campaign(path).world
    members = ["no", "corvia"]
    assert named(world, "ADOPTED (2-0-0): no objection", members) == \
        "ADOPTED (2-0-0): no objection"
    assert named(world, "NOT ADOPTED (1-1-0): objection by no", members) == \
        "NOT ADOPTED (1-1-0): objection by Belmark"
    assert named(world, "NOT ADOPTED (0-2-0): objection by no, corvia", members) == \
        "NOT ADOPTED (0-2-0): objection by Belmark, Corvia\\Overseas"
