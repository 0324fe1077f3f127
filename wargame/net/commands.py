"""``wargame host`` and ``wargame join``: the command line of a networked game.

Nothing here imports aiohttp or Textual until a command runs (the game's start-up
stays light; a test holds it so).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from .schema import DEFAULT_PORT


def add_parsers(sub, folder_arg, seed_argument) -> None:
    host = sub.add_parser(
        "host", help="host a game on the network, with the instructor's console",
        description="Host one game for a class: each government joins from its own "
                    "computer with its code (wargame join URL); the computer plays the "
                    "seats nobody joins. The terminal shows the instructor's console.",
        epilog=f"Example: wargame host baltic-flashpoint --bind 0.0.0.0 --codes codes.txt "
               f"(then tell the class: wargame join http://THIS-COMPUTER:{DEFAULT_PORT}/)")
    host.add_argument("campaign", nargs="?", help="a campaign file, or a bundled campaign's "
                      "name (default: the bundled default)")
    host.add_argument("--seed", type=seed_argument, help="random seed (default: the campaign's)")
    host.add_argument("--bind", default="127.0.0.1", metavar="ADDRESS",
                      help="the address to listen on (default 127.0.0.1: this computer "
                           "only; 0.0.0.0 opens it to the classroom network)")
    host.add_argument("--port", type=int, default=DEFAULT_PORT,
                      help=f"the port (default {DEFAULT_PORT}; 0 picks a free one and "
                           "prints it)")
    host.add_argument("--codes", metavar="FILE",
                      help="write the join codes to FILE, one government a line, to hand out")
    host.add_argument("--resume", metavar="SAVE",
                      help="bring back a hosted game that stopped: its save (the same "
                           "seats, codes and every accepted order)")
    host.add_argument("--saves-dir", metavar="DIR", type=folder_arg,
                      help="where the game is saved (default: as for wargame play)")
    host.add_argument("--web", action="store_true",
                      help="also serve the game to browsers: a student opens the host's "
                           "address in a browser instead of running wargame join "
                           "(each browser runs its own wargame join on this computer)")
    host.add_argument("--headless", action="store_true",
                      help="no console: print the address and codes, and start the game "
                           "when --start-after seats are taken (scripts and tests)")
    host.add_argument("--start-after", type=int, default=1, metavar="N",
                      help="with --headless: start when N governments have joined "
                           "(default 1)")
    join = sub.add_parser(
        "join", help="join a hosted game as one government",
        description="Join a game hosted with 'wargame host': give the address the "
                    "instructor shows and your government's code.")
    join.add_argument("url", help="the host's address, e.g. http://192.168.1.20:8765/")
    join.add_argument("--text", action="store_true",
                      help="plain text lines (scripts, screen readers)")
    join.add_argument("--code", help="your join code (asked for if not given)")
    join.add_argument("--name", default="", help="your name, shown to the instructor")


def _terminal() -> bool:
    """Whether the screens can run: a terminal, or a driver Textual was given
    (textual-serve serves the app to a browser through its web driver)."""
    import os

    if os.environ.get("TEXTUAL_DRIVER"):
        return True
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def run_join(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if not args.text:
        from .client import ws_url

        try:
            ws_url(args.url)
        except ValueError as exc:
            print(f"wargame join: {exc}", file=err)
            return 2
        if not _terminal():
            print("wargame join needs a terminal for its screens; use --text", file=err)
            return 2
        from ..tui.join import run as run_screens

        return run_screens(args.url, args.code, args.name or "")
    from .textjoin import run

    return run(args.url, args.code, args.name, out=out, err=err)


def _setup(args, err: TextIO):
    """The host, new or resumed; None after printing why not."""
    from ..campaign import DEFAULT_CAMPAIGN, CampaignErrors, load_campaign
    from ..core import Game
    from ..saves import SaveError
    from .host import Host

    if args.saves_dir:
        import os

        from ..saves import ENV_VAR

        os.environ[ENV_VAR] = args.saves_dir
    if args.resume:
        from ..saves.commands import find_save_arg

        try:
            return Host.resume(find_save_arg(args.resume, args.saves_dir))
        except (SaveError, ValueError, OSError) as exc:
            print(f"wargame host: {exc}", file=err)
            return None
    try:
        c = load_campaign(args.campaign or DEFAULT_CAMPAIGN)
    except CampaignErrors as exc:
        print(exc, file=err)
        return None
    game = Game(c.world, c.seed if args.seed is None else args.seed)
    host = Host(game, c, folder=Path(args.saves_dir) if args.saves_dir else None,
                policies=dict(c.policies), title=c.title)
    host.open_journal()
    return host


def run_host(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import logging

    if args.web and not _have_textual_serve():
        print("wargame host --web: textual-serve is not installed "
              "(it comes with wargame: pip install -e . again, or pip install textual-serve)", file=err)
        return 2
    host = _setup(args, err)
    if host is None:
        return 2
    if not args.headless:
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            print("wargame host: the console needs a terminal; use --headless", file=err)
            return 2
        from .console import Console

        app = Console(host, args.bind, args.port, args.codes, web=args.web)
        app.run()
        return app.code
    handler = logging.StreamHandler(err)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logging.getLogger("wargame.net").addHandler(handler)
    logging.getLogger("wargame.net").setLevel(logging.INFO)
    import asyncio
    import signal

    from .server import Server

    async def serve() -> int:
        server = Server(host, args.bind, args.port, web=args.web)
        try:
            await server.start()
        except OSError as exc:
            print(f"wargame host: cannot listen on {args.bind}:{args.port} ({exc.strerror or exc})",
                  file=err)
            return 2
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        write_codes(host, server.url, args.codes, out)
        print(f"Listening on {server.url} (port {server.port})", file=out, flush=True)
        if args.web:
            print(f"Browsers: open {server.url} (each browser runs its own wargame join)",
                  file=out, flush=True)
        if host.saved:
            print(f"Saved in {host.saved}", file=out, flush=True)
        while not stop.is_set():
            if not host.started and sum(s.joined for s in host.seats.values()) \
                    >= args.start_after:
                host.start()
            if host.game.over:
                await asyncio.sleep(2.0)  # the last views reach the clients
                break
            try:
                await asyncio.wait_for(stop.wait(), 0.2)
            except asyncio.TimeoutError:
                pass
        await server.stop("the game is over" if host.game.over else "the host stopped")
        return 0

    return asyncio.run(serve())


def _have_textual_serve() -> bool:
    from importlib.util import find_spec

    return find_spec("textual_serve") is not None


def write_codes(host, url: str, path: str | None, out: TextIO) -> None:
    from .seats import codes_text

    text = codes_text(host.seats, host.name, url)
    if path:
        from ..saves.atomic import write_atomic

        write_atomic(Path(path), text.encode("utf-8"))
        print(f"The join codes are in {path}", file=out, flush=True)
    else:
        out.write(text)
        out.flush()
