"""The `wargame` command: play, validate, rules, ... Errors are one line, never a traceback."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys

from . import __version__
from .seeds import seed_argument


def _policy_choices() -> str:
    """The --policy names in words: the built-in ones, then any installed ones."""
    words = {"default": "plays by the state's personality in the campaign",
             "random": "any legal order at random",
             "passive": "gives no orders and casts no votes"}
    try:
        from .ai.registry import BUILTIN, available
        names = available()
    except Exception:  # a broken third-party entry point must not break --help
        from .ai.registry import BUILTIN
        names = list(BUILTIN)
    parts = [f"{n} ({words[n]})" if n in words else n for n in BUILTIN]
    extra = [n for n in names if n not in BUILTIN]
    text = ", ".join(parts)
    if extra:
        text += "; installed: " + ", ".join(extra)
    return text + "; more can be installed as 'wargame.policies' entry points"


class _SimulateHelp(argparse.HelpFormatter):
    """Lists the policy names only when help is shown (the registry is not imported
    for every command)."""

    def _get_help_string(self, action):
        text = super()._get_help_string(action)
        if action.dest == "policy" and text:
            text += _policy_choices().replace("%", "%%")
        return text


_NAMED = ("A bundled campaign can be named by its file name, with or without .yaml "
          "(e.g. tutorial, baltic-flashpoint) when no file of that name is here.")


def _parser() -> argparse.ArgumentParser:
    from .saves.commands import add_parsers as add_save_commands, folder_arg

    p = argparse.ArgumentParser(
        prog="wargame",
        description="A terminal crisis wargame about collective security.",
        epilog="Run 'wargame COMMAND --help' for the options of one command. "
               "With no command, 'wargame' starts a game on the default campaign.",
    )
    p.add_argument("--version", action="version", version=f"wargame {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    play = sub.add_parser("play", help="play a campaign (the default command)",
                          description="Play in the terminal. With no campaign, the bundled "
                                      "default; a folder offers every campaign in it. "
                                      + _NAMED)
    play.add_argument("campaign", nargs="?",
                      help="a campaign file or folder, or a bundled campaign's name "
                           "(default: the bundled campaigns)")
    play.add_argument("--seed", type=seed_argument,
                      help="random seed, 0 to 2**63-1 (default: the campaign's)")
    play.add_argument("--text", action="store_true",
                      help="plain text lines instead of the full-screen interface "
                           "(simple terminals, screen readers)")
    play.add_argument("--as", dest="nation", metavar="STATE",
                      help="the state you govern (an id or a name, e.g. poland); with "
                           "--text, several separated by commas play hot-seat")
    play.add_argument("--rounds", type=int, help="with --text: stop after this many rounds")
    play.add_argument("--load", metavar="SAVE",
                      help="play on a saved game: a name as 'wargame saves' lists it "
                           "(looked for in the saves folder), or the path of a save file")
    play.add_argument("--saves-dir", metavar="DIR", type=folder_arg,
                      help="where games are saved (default: $WARGAME_SAVES_DIR, saves/ of "
                           "the checkout when run from it, else the user data folder)")

    val = sub.add_parser("validate", help="check campaign files and summarise them",
                         description="Check campaign files: one line per error "
                                     "(file:line:column: message). " + _NAMED)
    val.add_argument("files", nargs="+", metavar="FILE",
                     help="campaign files, or bundled campaigns' names")

    from .actionscmd import add_parser as add_actions
    from .rulescmd import add_parser as add_rules

    add_rules(sub)
    add_actions(sub)

    sim = sub.add_parser("simulate", help="play computer-vs-computer games and sum them up",
                         formatter_class=_SimulateHelp,
                         description="Play whole games with every state computer-played, "
                                     "headless, and print how they ended.")
    sim.add_argument("campaign", nargs="?", help="a campaign file, or a bundled campaign's "
                     "name (default: the bundled default)")
    sim.add_argument("--games", type=int, default=100, metavar="N",
                     help="games to play (default 100)")
    sim.add_argument("--seed", type=seed_argument, metavar="S", help="seed of the run, 0 to "
                     "2**63-1 (default: the "
                     "campaign's); the same seed gives the same output byte for byte")
    sim.add_argument("--json", action="store_true", help="print one JSON document")
    sim.add_argument("--jobs", type=int, metavar="J",
                     help="Dask worker processes on this machine (default: one per core; "
                          "1: in this process, without Dask)")
    sim.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                     help="play the games on this Dask cluster instead")
    sim.add_argument("--difficulty", choices=("easy", "normal", "hard"), default="normal",
                     help="how well the computer players judge: easy (much noise in every "
                          "judgement, no foreseeing of vetoes or tripwires), normal (some "
                          "noise, foresees them) or hard (little noise); default normal")
    sim.add_argument("--policy", metavar="NAME",
                     help="one policy for every state, instead of each state's own (the "
                          "campaign's 'policy', else default): ")  # + the names, see below
    sim.add_argument("--save-dir", metavar="DIR",
                     help="write every finished game as a save in DIR (for wargame replay)")
    sim.add_argument("--explain", action="store_true",
                     help="play the run's first game only and print why each computer "
                          "decision was taken, one line each")

    sw = sub.add_parser(
        "sweep", help="play the same games under every combination of campaign values",
        description="Play N computer games for every combination of the --vary values "
                    "and compare them; game i of every variant has the same seed. "
                    + _NAMED,
        epilog="Example: wargame sweep baltic-flashpoint --vary "
               "states.usa.personality.loyalty=0,0.5,1 --games 100 --seed 1 --out sweep.csv")
    sw.add_argument("campaign", help="a campaign file, or a bundled campaign's name")
    sw.add_argument("--vary", action="append", metavar="PATH=V1,V2,...", required=True,
                    help="a campaign field and its values; the path is the file's keys "
                         "with dots, list items by id (states.usa.personality.loyalty, "
                         "institutions.nato.clauses.art5.strength); repeat for more fields")
    sw.add_argument("--games", type=int, default=20, metavar="N",
                    help="games a variant (default 20)")
    sw.add_argument("--seed", type=int, default=0, metavar="S", help="seed of the run "
                    "(default 0); the same seed gives the same rows byte for byte")
    sw.add_argument("--jobs", type=int, default=1, metavar="J",
                    help="Dask worker processes on this machine (default 1: in this "
                         "process, without Dask)")
    sw.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                    help="run the games on this Dask cluster instead")
    sw.add_argument("--difficulty", choices=("easy", "normal", "hard"), default="normal")
    sw.add_argument("--metric", default="attack_rate",
                    help="what the terminal chart shows: attack_rate (default), "
                         "invasion_rate, held_rate, war_rate, resolved_rate, kept, "
                         "declined, peak")
    sw.add_argument("--out", metavar="FILE", help="one row per game: FILE.csv or "
                    "FILE.parquet (Parquet needs pyarrow)")
    sw.add_argument("--html", metavar="FILE", help="a report with charts: FILE.html")

    add_save_commands(sub)
    from .net.commands import add_parsers as add_net_commands

    add_net_commands(sub, folder_arg, seed_argument)
    return p


def _named(arg: str) -> str:
    """A campaign argument as a path: a bundled campaign's name (``tutorial``) becomes
    its file; a path that exists, or anything else, stays as given."""
    from pathlib import Path

    from .campaign.bundled import find_campaign

    found = find_campaign(arg)
    return arg if found == Path(arg).expanduser() else str(found)


def _resolve_campaigns(args: argparse.Namespace) -> None:
    """Every command that takes a campaign accepts a bundled campaign's name."""
    if getattr(args, "campaign", None):
        args.campaign = _named(args.campaign)
    if getattr(args, "command", None) == "validate":
        args.files = [_named(f) for f in args.files]


def _campaign_problem(campaign: str | None, text: bool = False) -> str:
    """Why ``wargame play CAMPAIGN`` cannot start, or '': a file that is not there
    (or cannot be read) and a folder with no campaign in it are refused at once; a
    file with mistakes in it opens, and setup shows them."""
    if not campaign:
        return ""
    from pathlib import Path

    path = Path(campaign).expanduser()
    if not text and not path.exists():
        from .tui.scenario import DEMO  # the full-screen game's built-in demo world

        if campaign == DEMO:
            return ""
    if path.is_dir():
        if any(path.glob("*.yaml")):
            return ""
        from .campaign import CampaignError

        return str(CampaignError(campaign, 0, 0, "is a folder with no campaign in it "
                                 "(no .yaml file)", "give the path of a campaign file, or "
                                 "of a folder holding some"))
    if path.is_file():
        return ""
    from .campaign import CampaignErrors, load_campaign

    try:  # not there: the loader says so as 'wargame play --text' does
        load_campaign(path)
    except CampaignErrors as exc:
        return str(exc)
    return ""


def _is_terminal() -> bool:
    """Whether the full-screen game can run: standard input and output are a terminal."""
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):  # closed or replaced by something without isatty
        return False


def main(argv: list[str] | None = None) -> int:
    """Every line printed shows control characters from outside text, never sends them
    (:mod:`wargame.textsafe`; the full-screen game writes to the terminal itself)."""
    from .textsafe import safe_output

    try:
        with safe_output():
            return _main(argv)
    except BrokenPipeError:
        # whoever read the output stopped reading ('wargame replay SAVE | head'): stop
        # quietly, as a program killed by SIGPIPE would, and let nothing more be written
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return 141


def _main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    command = args.command or "play"
    _resolve_campaigns(args)
    try:
        if command == "validate":
            from .campaign.validate import run as validate

            return validate(args.files, sys.stdout)
        if command == "simulate":
            from .simulate import run as simulate

            return simulate(args, sys.stdout)
        if command == "sweep":
            from .analysis.sweep import run as sweep

            return sweep(args, sys.stdout, sys.stderr)
        if command == "actions":
            from .actionscmd import run as actions

            return actions(args, sys.stdout, sys.stderr)
        if command == "rules":
            from .rulescmd import run as rules

            return rules(args, sys.stdout, sys.stderr)
        if command in ("host", "join"):
            from .net import commands as net

            return (net.run_host if command == "host" else net.run_join)(
                args, sys.stdout, sys.stderr)
        if command in ("replay", "report", "branch", "saves"):
            from .saves.commands import run as saves_command

            return saves_command(args, sys.stdout, sys.stderr)
        campaign = getattr(args, "campaign", None)
        text = getattr(args, "text", False)
        problem = _campaign_problem(campaign, text)
        if problem:  # before any screen opens: the same lines as 'play --text' prints
            print(problem, file=sys.stderr)
            return 2
        saves_dir = getattr(args, "saves_dir", None)
        loaded = None
        if getattr(args, "load", None):
            from .saves.commands import open_for_play

            loaded = open_for_play(args.load, sys.stderr, saves_dir)
            if loaded is None:
                return 2
        if not text and not _is_terminal():
            print("wargame play needs a terminal; use --text", file=sys.stderr)
            return 2
        if saves_dir:  # every part of the game finds its saves folder through this
            from .saves import ENV_VAR

            os.environ[ENV_VAR] = saves_dir
        if text:
            from .textplay import run as play

            # a loaded game goes on beside the file it came from, as in the full screen
            return play(campaign, args.seed, args.nation, args.rounds, loaded=loaded,
                        saves_dir=saves_dir if loaded is None else str(loaded.folder))
        from .tui import run as tui

        return tui(campaign, getattr(args, "seed", None),
                   load=str(loaded.path) if loaded is not None else None,
                   nation=getattr(args, "nation", None))
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
