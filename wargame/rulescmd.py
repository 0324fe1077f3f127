"""`wargame rules CAMPAIGN INSTITUTION --yes a,b --no c --abstain d`.

Instructors use it to check how an institution they wrote decides before a
class. Members not named are absent. Prints one line starting ``ADOPTED`` or
``NOT ADOPTED`` with the tally and the reason; exit code 0 either way, 2 when
the campaign, the institution or a name is wrong.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from .core.actions import Measure
from .core.clauses import PROCEDURAL, SUBSTANTIVE, motion_of
from .core.rules import Motion, MotionKind, Vote, decide

PACIFIC = [m.value for m in Measure if m not in SUBSTANTIVE and m not in PROCEDURAL]
HEAVY = [m.value for m in Measure if m in SUBSTANTIVE]
PROCEDURE = [m.value for m in Measure if m in PROCEDURAL]


def add_parser(sub) -> None:
    p = sub.add_parser(
        "rules", help="show how an institution of a campaign decides a vote",
        description="Decide one vote under an institution's rule, as the game would. "
                    "Members you do not name are absent.",
        epilog="example: wargame rules campaigns/baltic-flashpoint.yaml unsc "
               "--yes usa,uk,france --no russia --abstain china")
    p.add_argument("campaign", help="a campaign file, or a bundled campaign's name "
                   "(e.g. baltic-flashpoint)")
    p.add_argument("institution", help="an institution id in that campaign")
    for vote in ("yes", "no", "abstain"):
        p.add_argument(f"--{vote}", default="", metavar="IDS",
                       help=f"comma-separated state ids voting {vote}")
    p.add_argument("--declared", default="", metavar="IDS",
                   help="comma-separated state ids abstaining with a formal declaration "
                        "(constructive abstention, TEU Art. 31(1): only where the rule has "
                        "constructive_abstention)")
    kind = p.add_mutually_exclusive_group()
    kind.add_argument("--kind", choices=[k.value for k in MotionKind], default=None,
                      help="the kind of decision (default substantive; pacific_settlement is "
                           "UN Chapter VI, where parties to the dispute abstain under "
                           "chapter_vi_only)")
    kind.add_argument("--measure", choices=[m.value for m in Measure], default=None,
                      help="what the draft would decide; its kind is then the game's: "
                           f"pacific settlement for {', '.join(PACIFIC)}; substantive for "
                           f"{', '.join(HEAVY)} (a ceasefire demand is a provisional measure, "
                           "UN Charter Art. 40: the parties vote); procedural, never "
                           f"vetoed, for {', '.join(PROCEDURE)} (a referral to the General "
                           "Assembly under Uniting for Peace, UN Charter Art. 27(2))")
    p.add_argument("--parties", default="", metavar="IDS",
                   help="parties to the dispute, comma-separated")
    p.add_argument("--subject", default="",
                   help="the state the decision is about (consensus minus one)")


def _ids(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .campaign import CampaignErrors, load_campaign
    from .campaign.errors import did_you_mean

    try:
        campaign = load_campaign(args.campaign)
    except CampaignErrors as exc:
        print(exc, file=err)
        return 2
    world = campaign.world
    inst = world.institution.get(args.institution)
    if inst is None:
        hint = did_you_mean(args.institution, world.institution, "institution")
        known = ", ".join(world.institution)
        print(f"wargame rules: {args.campaign} has no institution {args.institution!r}"
              f"{'; ' + hint if hint else ''} (institutions: {known})", file=err)
        return 2
    votes: dict[str, Vote] = {}
    if _ids(args.declared) and not getattr(inst.rule, "constructive", False):
        print(f"wargame rules: {inst.name} has no formal abstention (its rule has no "
              "constructive_abstention): use --abstain", file=err)
        return 2
    for vote in (Vote.YES, Vote.NO, Vote.ABSTAIN, Vote.DECLARED):
        for ident in _ids(getattr(args, vote.value)):
            if ident not in inst.members:
                print(f"wargame rules: {ident!r} is not a member of {inst.name} "
                      f"(members: {', '.join(inst.members)})", file=err)
                return 2
            if ident in votes:
                print(f"wargame rules: {ident!r} is named twice "
                      f"({votes[ident].value} and {vote.value})", file=err)
                return 2
            votes[ident] = vote
    for ident in _ids(args.parties) + _ids(args.subject):
        if ident not in world.nation:
            print(f"wargame rules: there is no state {ident!r} in {args.campaign}", file=err)
            return 2
    if args.measure:
        kind = motion_of(Measure(args.measure), "").kind
    else:
        kind = MotionKind(args.kind or MotionKind.SUBSTANTIVE.value)
    motion = Motion(kind, tuple(_ids(args.parties)), args.subject)
    decision = decide(inst.rule, inst.members, votes, motion)
    print(f"{decision.summary()} [{inst.name}: {inst.rule.describe()}; decided as "
          f"{kind.value.replace('_', ' ')}; absent: {', '.join(decision.absent) or 'none'}]",
          file=out)
    return 0
