"""Decision rules of institutions: who must agree for a decision to be adopted.

This module is a public API that works without a game:

>>> from wargame.core.rules import QualifiedMajority, Vote, decide
>>> council = ["usa", "uk", "france", "russia", "china", "e1", "e2", "e3", "e4"]
>>> rule = QualifiedMajority(required=5, veto=("usa", "uk", "france", "russia", "china"))
>>> votes = {m: Vote.YES for m in council} | {"russia": Vote.NO}
>>> decide(rule, council, votes).reason
'vetoed by russia'

A member missing from ``votes`` is absent. Every rule returns a :class:`Decision`
that says whether the motion was adopted and why, in words a player can read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from .errors import RuleError


class Vote(str, Enum):
    """How one member voted. A member not named at all is absent."""

    YES = "yes"
    NO = "no"
    ABSTAIN = "abstain"
    ABSENT = "absent"
    DECLARED = "declared"  # an abstention with a formal declaration (TEU Art. 31(1))

    @classmethod
    def parse(cls, text: "str | Vote") -> "Vote":
        if isinstance(text, Vote):
            return text
        try:
            return cls(str(text).strip().lower())
        except ValueError:
            raise RuleError(
                f"unknown vote {text!r}: use yes, no, abstain or absent (or declared, a "
                "formal abstention where the rule allows it)"
            ) from None


class PartiesRule(str, Enum):
    """When parties to a dispute lose their vote on a motion about it."""

    VOTE = "vote"  # parties vote like anyone else
    ABSTAIN = "abstain"  # parties never vote on their own dispute (League Art. 15(6))
    CHAPTER_VI_ONLY = "chapter_vi_only"  # UN Charter Art. 27(3): only pacific settlement


class MotionKind(str, Enum):
    """What sort of decision is being taken; some rules treat kinds differently."""

    SUBSTANTIVE = "substantive"  # e.g. UN Charter Chapter VII enforcement
    PACIFIC_SETTLEMENT = "pacific_settlement"  # UN Charter Chapter VI
    PROCEDURAL = "procedural"  # UN Charter Art. 27(2): no veto


@dataclass(frozen=True)
class Decision:
    """The outcome of a vote and the reason for it."""

    adopted: bool
    reason: str
    yes: tuple[str, ...] = ()
    no: tuple[str, ...] = ()
    abstain: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()  # parties who did not take part in this decision
    vetoed_by: tuple[str, ...] = ()
    declared: tuple[str, ...] = ()  # abstainers who made a formal declaration (also in abstain)

    def summary(self) -> str:
        """One line: ``ADOPTED (12-2-1): ...`` or ``NOT ADOPTED (...): ...``."""
        head = "ADOPTED" if self.adopted else "NOT ADOPTED"
        tally = f"{len(self.yes)}-{len(self.no)}-{len(self.abstain)}"
        return f"{head} ({tally}): {self.reason}"


@dataclass(frozen=True)
class DecisionRule:
    """Base class. ``parties`` says whether parties to a dispute may vote."""

    parties: PartiesRule = PartiesRule.VOTE

    name = "rule"

    def describe(self) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def check(self, members: Sequence[str]) -> None:
        """Raise :class:`RuleError` if the rule cannot work with these members."""
        _distinct(members)

    def _decide(self, t: "_Tally") -> tuple[bool, str, tuple[str, ...]]:
        raise NotImplementedError


@dataclass(frozen=True)
class Consensus(DecisionRule):
    """Adopted unless a member objects; silence, abstention and absence are consent.

    NATO's North Atlantic Council and the OSCE's silence procedure work this way.
    """

    name = "consensus"

    def describe(self) -> str:
        return "consensus: adopted unless a member objects (silence is consent)"

    def _decide(self, t):
        if t.no:
            return False, _objection(t.no), ()
        return True, "no objection", ()


@dataclass(frozen=True)
class ConsensusMinusOne(DecisionRule):
    """Consensus that ignores the state the decision is about (OSCE Prague 1992).

    The motion's ``subject`` (for example the state to be suspended) has no say;
    any other member's objection blocks.
    """

    name = "consensus_minus_one"

    def describe(self) -> str:
        return "consensus minus one: adopted unless a member other than the state concerned objects"

    def _decide(self, t):
        if t.no:
            return False, _objection(t.no), ()
        if t.subject_excluded:
            return True, f"no objection (the objection of {t.subject_excluded} does not count)", ()
        return True, "no objection", ()


@dataclass(frozen=True)
class Unanimity(DecisionRule):
    """Every member present must vote yes.

    Absence never blocks (League Covenant Art. 5: members "represented at the
    meeting"). Abstention does not block when ``abstention_blocks`` is false, as in
    the EU Council (TFEU Art. 238(4)).
    """

    abstention_blocks: bool = False
    # TEU Art. 31(1): a member may qualify its abstention by a formal declaration; such
    # declarations by at least a third of the members comprising at least a third of
    # the population block the decision. ``population``: (member, population) pairs.
    constructive: bool = False
    population: tuple[tuple[str, float], ...] = ()
    name = "unanimity"

    def describe(self) -> str:
        extra = "abstention blocks" if self.abstention_blocks else "abstention does not block"
        if self.constructive:
            extra += ("; declared abstentions by a third of the members with a third of "
                      "the population block")
        return f"unanimity: every member present must agree ({extra})"

    def _decide(self, t):
        if t.no:
            return False, _objection(t.no), ()
        if self.abstention_blocks and t.abstain:
            return False, f"no unanimity: {', '.join(t.abstain)} abstained", ()
        if self.constructive and t.declared:
            blocked = self.blocking(t.declared, t.members)
            if blocked:
                return False, f"blocked by the declared abstentions of {', '.join(t.declared)}" \
                              f" ({blocked}, TEU Art. 31(1))", ()
        if not t.yes:
            return False, "no member voted in favour", ()
        return True, f"unanimous ({len(t.yes)} in favour)", ()

    def blocking(self, declared: Sequence[str], members: Sequence[str]) -> str:
        """Why these declared abstentions block (at least a third of ``members`` and of
        their population), in words; "" if they do not."""
        pop = dict(self.population)
        total = sum(pop.get(m, 0.0) for m in members)
        theirs = sum(pop.get(m, 0.0) for m in declared)
        if 3 * len(declared) < len(members) or total <= 0 or 3 * theirs < total:
            return ""
        return (f"{len(declared)} of {len(members)} members and {100 * theirs / total:.0f}% "
                "of the population: a third of each")

@dataclass(frozen=True)
class SimpleMajority(DecisionRule):
    """More yes than no among votes cast, or more than half of all members.

    ``of_members=False`` (default): majority of members present and voting;
    abstentions and absences do not count (UN General Assembly, Art. 18(3)).
    ``of_members=True``: more than half of all voting members must vote yes.
    """

    of_members: bool = False
    name = "simple_majority"

    def describe(self) -> str:
        return "simple majority of " + ("all members" if self.of_members else "votes cast")

    def _decide(self, t):
        if self.of_members:
            need = t.eligible_count // 2 + 1
            if len(t.yes) >= need:
                return True, f"{len(t.yes)} votes in favour, {need} required", ()
            return False, f"{len(t.yes)} of {need} required votes", ()
        if len(t.yes) > len(t.no):
            return True, f"majority: {len(t.yes)} for, {len(t.no)} against", ()
        return False, f"no majority: {len(t.yes)} for, {len(t.no)} against", ()


@dataclass(frozen=True)
class QualifiedMajority(DecisionRule):
    """At least ``required`` yes votes, optionally with veto holders.

    A veto is a vote *against* by a holder; abstention or absence is not a veto
    (UN practice since 1946, confirmed by the ICJ in the 1971 Namibia opinion).
    A motion short of the required votes fails for lack of votes, whoever voted
    against it; only then is a holder's "no" a veto. Procedural motions are never
    vetoed (UN Charter Art. 27(2)).
    """

    required: int = 1
    veto: tuple[str, ...] = ()
    name = "qualified_majority"

    def describe(self) -> str:
        text = f"qualified majority: {self.required} votes in favour"
        if self.veto:
            text += f", veto holders: {', '.join(self.veto)}"
        return text

    def check(self, members):
        super().check(members)
        if self.required < 1:
            raise RuleError(f"required votes must be at least 1, not {self.required}")
        if self.required > len(members):
            raise RuleError(
                f"{self.required} votes required but the institution has only {len(members)} members"
            )
        strangers = [v for v in self.veto if v not in members]
        if strangers:
            raise RuleError(f"veto holder {strangers[0]} is not a member")

    def _decide(self, t):
        if len(t.yes) < self.required:
            short = f"{len(t.yes)} of {self.required} required votes"
            holders = [m for m in t.no if m in self.veto]
            if holders and t.motion is not MotionKind.PROCEDURAL:
                short += (f"; {', '.join(holders)}, holding a veto, also voted against "
                          "(not counted as a veto: the draft failed for lack of votes)")
            return False, short, ()
        if t.motion is not MotionKind.PROCEDURAL:
            vetoes = tuple(m for m in t.no if m in self.veto)
            if vetoes:
                return False, f"vetoed by {', '.join(vetoes)}", vetoes
        return True, f"{len(t.yes)} votes in favour, {self.required} required", ()


SHARE_WORDS = {(1, 2): "half", (2, 3): "two thirds", (3, 4): "three quarters",
               (3, 5): "three fifths", (4, 5): "four fifths"}


@dataclass(frozen=True)
class Fraction(DecisionRule):
    """At least a fraction (``share``, e.g. ``(2, 3)``) of a base votes yes.

    ``of="voting"``: of the members present and voting, yes and no alone; abstentions
    and absences do not count (UN General Assembly on important questions, Charter
    Art. 18(2): "a two-thirds majority of the members present and voting"). At least
    one member must vote yes.
    ``of="entitled"``: of every member entitled to vote, whatever they do: abstaining
    or staying away counts as not yes (Inter-American Treaty of Reciprocal
    Assistance, Rio 1947, Art. 17: "a vote of two-thirds of the Signatory States which
    have ratified the Treaty"; with ``parties=ABSTAIN`` the parties to the dispute are
    not entitled, Art. 18).
    """

    share: tuple[int, int] = (2, 3)
    of: str = "voting"
    name = "fraction"

    def words(self) -> str:
        return SHARE_WORDS.get(tuple(self.share), f"{self.share[0]}/{self.share[1]}")

    def describe(self) -> str:
        base = ("of the members present and voting" if self.of == "voting"
                else "of the members entitled to vote")
        return f"{self.words()} {base}"

    def check(self, members):
        super().check(members)
        num, den = self.share
        if not (0 < num <= den):
            raise RuleError(f"a share of {num}/{den}: it must be above 0 and at most 1")
        if self.of not in ("voting", "entitled"):
            raise RuleError(f"a fraction of {self.of!r}: of voting or of entitled members")

    def needed(self, base: int) -> int:
        """The least number of yes votes that is at least the share of ``base``."""
        num, den = self.share
        return -(-num * base // den)

    def _decide(self, t):
        yes = len(t.yes)
        if self.of == "voting":
            cast = yes + len(t.no)
            if not yes:
                return False, "no member voted in favour", ()
            need = self.needed(cast)
            where = f"{yes} of {cast} voting in favour, {need} required ({self.words()} " \
                    "of those present and voting)"
        else:
            need = max(1, self.needed(t.eligible_count))
            where = f"{yes} of {t.eligible_count} entitled to vote in favour, {need} " \
                    f"required ({self.words()} of those entitled to vote)"
        return yes >= need, where, ()


@dataclass
class _Tally:
    yes: tuple[str, ...]
    no: tuple[str, ...]
    abstain: tuple[str, ...]
    absent: tuple[str, ...]
    excluded: tuple[str, ...]
    eligible_count: int
    motion: MotionKind
    subject_excluded: str = ""
    declared: tuple[str, ...] = ()
    members: tuple[str, ...] = ()


@dataclass(frozen=True)
class Motion:
    """Context of a decision: what kind it is, who the dispute is between."""

    kind: MotionKind = MotionKind.SUBSTANTIVE
    parties: tuple[str, ...] = ()  # parties to the dispute
    subject: str = ""  # the state a consensus-minus-one decision is about


def _distinct(members: Sequence[str]) -> None:
    if len(set(members)) != len(members):
        seen: set[str] = set()
        twice = next(m for m in members if m in seen or seen.add(m))
        raise RuleError(f"{twice} is listed twice among the members")


def _objection(no: tuple[str, ...]) -> str:
    return f"objection by {', '.join(no)}"


# read once (Python 3.11 reads an enum member in a function through a slow hook)
PARTIES_ABSTAIN, CHAPTER_VI_ONLY = PartiesRule.ABSTAIN, PartiesRule.CHAPTER_VI_ONLY
PACIFIC_SETTLEMENT = MotionKind.PACIFIC_SETTLEMENT


def parties_excluded(rule: DecisionRule, motion: Motion) -> bool:
    """Whether the parties to the dispute take no part in deciding ``motion``."""
    return rule.parties is PARTIES_ABSTAIN or (
        rule.parties is CHAPTER_VI_ONLY and motion.kind is PACIFIC_SETTLEMENT)


PARTIES_SOURCE = {PartiesRule.CHAPTER_VI_ONLY: "UN Charter Art. 27(3)"}
"""The source cited when parties may not vote (``ABSTAIN`` is used by campaigns for
bodies other than the League, so it cites nothing)."""


def party_note(rule: DecisionRule, parties: Sequence[str]) -> str:
    """``"russia, a party to the dispute, may not vote (UN Charter Art. 27(3))"``."""
    if not parties:
        return ""
    who = (f"{parties[0]}, a party" if len(parties) == 1
           else f"{', '.join(parties[:-1])} and {parties[-1]}, parties")
    source = PARTIES_SOURCE.get(rule.parties)
    return f"{who} to the dispute, may not vote" + (f" ({source})" if source else "")


def _excluded(rule: DecisionRule, motion: Motion) -> set[str]:
    out: set[str] = set()
    if parties_excluded(rule, motion):
        out.update(motion.parties)
    if isinstance(rule, ConsensusMinusOne) and motion.subject:
        out.add(motion.subject)
    return out


# The votes decide() sorts by, read once: in Python 3.11 each ``Vote.ABSENT`` in a
# function goes through EnumType.__getattr__'s hook (hundreds of instructions)
ABSENT, DECLARED, ABSTAIN = Vote.ABSENT, Vote.DECLARED, Vote.ABSTAIN


def decide(
    rule: DecisionRule,
    members: Sequence[str],
    votes: Mapping[str, Vote | str],
    motion: Motion | None = None,
) -> Decision:
    """Decide a motion under ``rule``.

    ``members`` lists the institution's members in a stable order (reasons name
    states in this order). ``votes`` maps member id to a :class:`Vote` (or its
    text); members not in ``votes`` are absent. Votes from non-members and a
    member listed twice raise :class:`RuleError`. ``decide`` does not call
    ``rule.check``: a game may decide with some members suspended, where a
    threshold can exceed who is left (the motion then simply cannot pass).
    """
    _distinct(members)
    motion = motion or Motion()
    member_set = set(members)
    cast: dict[str, Vote] = {}
    for voter, v in votes.items():
        if voter not in member_set:
            raise RuleError(f"{voter} is not a member and cannot vote")
        cast[voter] = v if isinstance(v, Vote) else Vote.parse(v)
    excluded = _excluded(rule, motion)
    buckets: dict[Vote, list[str]] = {v: [] for v in Vote}
    gone: list[str] = []
    declared: list[str] = []
    for m in members:
        if m in excluded:
            gone.append(m)
            continue
        v = cast.get(m, ABSENT)
        if v is DECLARED:
            if not getattr(rule, "constructive", False):
                raise RuleError(f"{m} declares its abstention, but this rule allows no "
                                "formal abstention: vote abstain")
            declared.append(m)
            v = ABSTAIN
        buckets[v].append(m)
    tally = _Tally(
        yes=tuple(buckets[Vote.YES]),
        no=tuple(buckets[Vote.NO]),
        abstain=tuple(buckets[Vote.ABSTAIN]),
        absent=tuple(buckets[Vote.ABSENT]),
        excluded=tuple(gone),
        eligible_count=len(members) - len(gone),
        motion=motion.kind,
        subject_excluded=(
            motion.subject
            if motion.subject in excluded and cast.get(motion.subject) is Vote.NO
            else ""
        ),
        declared=tuple(declared),
        members=tuple(m for m in members if m not in excluded),
    )
    adopted, reason, vetoed = rule._decide(tally)
    if parties_excluded(rule, motion):
        note = party_note(rule, [m for m in gone if m in motion.parties])
        if note:
            reason = f"{reason}; {note}"
    return Decision(
        adopted=adopted,
        reason=reason,
        yes=tally.yes,
        no=tally.no,
        abstain=tally.abstain,
        absent=tally.absent,
        excluded=tally.excluded,
        vetoed_by=vetoed,
        declared=tally.declared,
    )


_ID = r"[a-z][a-z0-9_]*"
_ID_SLOT = re.compile(
    r"(?:(?<=objection by )|(?<=vetoed by )|(?<=the objection of )|(?<=unanimity: )"
    r"|(?<=veto holders: )|(?<=; )|(?<=declared abstentions of ))"
    rf"({_ID}(?:, {_ID})*)(?: and ({_ID}))?"
    r"(?=$|[;.)]| abstained| does not count|, holding a veto|, a party|, parties| \()")


def with_names(text: str, name_of: Callable[[str], str]) -> str:
    """A reason, summary or rule description of this module with the state ids in it
    replaced by ``name_of(id)``: only where the module writes ids (after 'vetoed by',
    'objection by', 'veto holders:' ...), never a word of the sentence, so a state
    with the id ``no`` leaves "no objection" as it is. Names are inserted as they
    are (never as a regex template)."""
    def names(m: re.Match) -> str:
        out = ", ".join(name_of(i) for i in m.group(1).split(", "))
        return out + (f" and {name_of(m.group(2))}" if m.group(2) else "")

    return _ID_SLOT.sub(names, text)


RULES: dict[str, type[DecisionRule]] = {
    "consensus": Consensus,
    "consensus_minus_one": ConsensusMinusOne,
    "unanimity": Unanimity,
    "simple_majority": SimpleMajority,
    "qualified_majority": QualifiedMajority,
    "fraction": Fraction,
}
"""The fixed list of rule names a campaign may use."""
