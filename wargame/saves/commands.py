"""The save commands: ``wargame replay``, ``report``, ``branch`` and ``saves``.

The CLI adds them with :func:`add_parsers` and runs them with :func:`run`; every
problem is one line on standard error and a non-zero exit, never a traceback.
``python -m wargame.saves.commands replay SAVE`` works without the CLI too.

Exit codes: 0 done; 1 the replay differs from the record (or the save's campaign
from the one given with --campaign); 2 the save (or an argument) cannot be used;
141 the reader of the output went away (``| head``; handled in :mod:`wargame.cli`).
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

COMMANDS = ("replay", "report", "branch", "saves")
SAVE_HELP = ("a saved game: a name as 'wargame saves' lists it (with or without .json), "
             "looked for in the saves folder, or the path of a .json file")
SAVES_DIR_HELP = ("the saves folder (default: $WARGAME_SAVES_DIR, saves/ of the checkout "
                  "when run from it, or the user data folder)")


def folder_arg(text: str) -> str:
    """``--saves-dir``: a folder name, not an empty one (which would mean the current
    folder to some parts of wargame and the default to others)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("the folder name is empty; leave out --saves-dir "
                                         "for the default folder, or give '.' for this one")
    return text


def add_parsers(sub) -> None:
    p = sub.add_parser(
        "replay", help="replay a saved game headless and check it against its record",
        description="Replay every order of a saved game from the start, print the event "
                    "log, and check the state hash at every round against the one recorded. "
                    "The last line is the final state hash.")
    p.add_argument("save", metavar="SAVE", help=SAVE_HELP)
    p.add_argument("--saves-dir", metavar="DIR", type=folder_arg, help=SAVES_DIR_HELP)
    p.add_argument("--to-round", type=int, metavar="N",
                   help="stop at the start of round N")
    p.add_argument("--quiet", action="store_true", help="print only the final state hash")
    p.add_argument("--campaign", metavar="FILE",
                   help="your own copy of the campaign: refuse the save (exit code 1) if "
                        "the campaign saved in it says anything else")

    p = sub.add_parser(
        "report", help="write the after-action report of a saved game",
        description="The after-action report an instructor can hand out: the escalation "
                    "curve, turning points, thresholds crossed, obligations and commitments "
                    "kept and broken, burden sharing and free riders, scores.")
    p.add_argument("save", metavar="SAVE", help=SAVE_HELP)
    p.add_argument("--saves-dir", metavar="DIR", type=folder_arg, help=SAVES_DIR_HELP)
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write to FILE (.md for Markdown, .html for a web page; an earlier "
                        "report there is replaced, any other file only with --force); "
                        "default, or '-': standard output")
    p.add_argument("--force", action="store_true",
                   help="replace FILE even if it is not an earlier report (a save, say); "
                        "it is kept in backups/ beside it")
    p.add_argument("--format", choices=("md", "html"),
                   help="the format when it cannot be told from FILE's name")

    p = sub.add_parser(
        "branch", help="continue a saved game from one of its rounds, as a new save",
        description="Take a saved game back to the start of round N and save it as a new "
                    "game, to play what if: the original save is not changed.")
    p.add_argument("save", metavar="SAVE", help=SAVE_HELP)
    p.add_argument("--saves-dir", metavar="DIR", type=folder_arg, help=SAVES_DIR_HELP)
    p.add_argument("--round", type=int, required=True, metavar="N",
                   help="the round to start again from (its start, before any order)")
    p.add_argument("-o", "--output", metavar="PATH",
                   help="a folder for the new save (default: beside the original), or a "
                        "file name ending in .json that is not taken")
    p.add_argument("--force", action="store_true",
                   help="with -o FILE.json: replace a file of that name, keeping it in "
                        "backups/ beside it (never the save being branched)")

    p = sub.add_parser("saves", help="list the saved games",
                       description="List the saved games in the saves folder, newest first: "
                                   "the latest save of each game. Any command that takes "
                                   "SAVE accepts a name as listed here.")
    p.add_argument("--saves-dir", metavar="DIR", type=folder_arg, help=SAVES_DIR_HELP)
    p.add_argument("--all", action="store_true",
                   help="also list the older saves of each game: those kept in backups/ "
                        "(the last three of each game) and any left in the folder")


def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) \
        -> int:
    from .errors import SaveError

    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err

    try:
        if args.command in ("replay", "report", "branch"):
            args.save = str(find_save_arg(args.save, getattr(args, "saves_dir", None)))
        if args.command == "replay":
            return _replay(args, out, err)
        if args.command == "report":
            return _report(args, out, err)
        if args.command == "branch":
            return _branch(args, out, err)
        if args.command == "saves":
            return _saves(args, out, err)
    except SaveError as exc:
        print(f"wargame {args.command}: {exc}", file=err)
        return 2
    raise ValueError(f"not a save command: {args.command}")


def _replay(args, out: TextIO, err: TextIO) -> int:
    from .load import replay_save

    res = replay_save(args.save, args.to_round, getattr(args, "campaign", None))
    if res.refused:  # the campaign differs from the one given: nothing replayed
        print(f"wargame replay: {res.problem}", file=err)
        return 1
    for note in res.notices:
        print(f"wargame replay: {note}", file=err)
    if not args.quiet:
        from ..core.clauses import roll_call_lines
        from ..core.events import Kind

        game = res.game
        name = game.world.name_of
        drafts = {d.id: d for d in game.state.drafts}
        for e in game.log:  # a private item says whose it was: its "you" is theirs
            seen = f"  [seen only by {', '.join(map(name, e.visible_to))}]" \
                if e.visible_to else ""
            print(f"R{e.round:<3} {e.kind.value:<20} {e.text}{seen}", file=out)
            if e.kind is Kind.DRAFT_DECIDED and e.ref in drafts:  # who voted how
                for line in roll_call_lines(game.world, game.state, drafts[e.ref]):
                    print(f"{'':25}{line}", file=out)
    if res.problem:
        print(f"wargame replay: {res.problem}", file=err)
    elif not args.quiet:
        what = f"{res.checked} round hash(es)" + (" and the campaign" if res.campaign_checked
                                                   else "")
        mine = f" (the same as {args.campaign})" if getattr(args, "campaign", None) else ""
        print(f"# {what} checked against the record{mine}: all match", file=out)
    print(f"state hash {res.final_hash}", file=out)
    return 1 if res.problem else 0


def _report(args, out: TextIO, err: TextIO) -> int:
    from .errors import SaveWriteError
    from .reporting import report_text, write_report

    fmt = args.format
    if args.output and args.output != "-":
        try:
            path = write_report(args.save, args.output, fmt,
                                force=getattr(args, "force", False))
        except SaveWriteError as exc:
            print(f"wargame report: {exc}", file=err)
            return 2
        print(f"Report written to {path}", file=out)
        return 0
    text, notices = report_text(args.save, fmt or "md")
    for note in notices:
        print(f"wargame report: {note}", file=err)
    out.write(text)
    return 0


def _branch(args, out: TextIO, err: TextIO) -> int:
    from .errors import shown
    from .load import branch_save

    new = branch_save(args.save, args.round, args.output, force=getattr(args, "force", False))
    print(f"Round {args.round} of {shown(args.save)} goes on as a new game: {shown(new)}",
          file=out)
    print(f"Play it with: wargame play --load {shown(new)}", file=out)
    return 0


def find_save_arg(name: str, saves_dir: str | None = None):
    """The file a SAVE argument names: a path, or a name in the saves folder (see
    :func:`~wargame.saves.folders.find_save`)."""
    from .folders import find_save

    return find_save(name, saves_dir)


def _saves(args, out: TextIO, err: TextIO) -> int:
    from .errors import shown
    from .folders import BACKUPS, default_saves_dir, list_saves

    explicit = getattr(args, "saves_dir", None)
    folder = default_saves_dir(explicit)
    found = list_saves(folder, everything=args.all, backups=args.all)
    games = [i for i in found if not i.backup]
    older = [i for i in found if i.backup]
    if not found:
        print(f"No saved games in {shown(folder)}.", file=out)
        return 0

    def show(info, name: str, mark: str = "") -> None:
        if info.ok:
            print(f"  {name}\n      {info.describe()}{mark}", file=out)
        else:
            print(f"  {name}\n      unreadable: {info.error}", file=out)

    if games:
        print(f"Saved games in {shown(folder)} (newest first):", file=out)
        for info in games:
            show(info, info.path.name)
    else:
        print(f"No saved games in {shown(folder)} itself.", file=out)
    if older:
        print(f"Older saves kept in {shown(folder / BACKUPS)} (newest first):", file=out)
        for info in older:
            show(info, f"{BACKUPS}/{info.path.name}", f" (backup, save {info.save})"
                 if info.save else " (backup)")
    elif args.all:
        print("No older saves in backups/.", file=out)
    dir_opt = f" --saves-dir {explicit}" if explicit else ""
    print(f"Open one by its name: wargame play --load NAME{dir_opt} (or wargame report, "
          f"replay, branch NAME{dir_opt})", file=out)
    return 0


def open_for_play(path: str, err: TextIO | None = None, saves_dir: str | None = None):
    """For ``wargame play --load SAVE``: the :class:`~wargame.saves.LoadedSave`, its
    notices printed on ``err``; or None after printing the one line that says why not
    (the caller then exits with code 2). ``path`` may be a name in the saves folder
    (``saves_dir``, else the default one); ``loaded.path`` is the file it found."""
    from .errors import SaveError
    from .load import load_save

    err = sys.stderr if err is None else err
    try:
        loaded = load_save(find_save_arg(path, saves_dir))
    except SaveError as exc:
        print(f"wargame play: {exc}", file=err)
        return None
    elsewhere = loaded.elsewhere  # another process is playing this game now
    for note in loaded.notices + ((elsewhere,) if elsewhere else ()):
        print(f"wargame play: {note}", file=err)
    return loaded


def main(argv: list[str] | None = None) -> int:
    """``python -m wargame.saves.commands COMMAND ...`` (the same as ``wargame COMMAND``)."""
    parser = argparse.ArgumentParser(prog="wargame")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add_parsers(sub)
    args = parser.parse_args(argv)
    return run(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
