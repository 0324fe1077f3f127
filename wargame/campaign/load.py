"""Load a campaign file: read, check, build, warn. Errors never escape as tracebacks."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from ..core.errors import WargameError
from ..core.model import World
from . import build
from .bundled import DEFAULT_CAMPAIGN, not_found
from .check import Checker
from .errors import CampaignError, CampaignErrors, shown
from .fmt import CAMPAIGN
from .lint import Linter
from .shapes import Reader
from .source import compose, decode, read_text


@dataclass(frozen=True)
class Campaign:
    """A loaded campaign: its world, and what the file says about itself."""

    path: Path
    title: str
    world: World
    author: str = ""
    description: str = ""
    version: str = ""
    players: int = 1
    seed: int = 0
    rounds: int = 12
    notes: str = ""
    sources: tuple[str, ...] = ()
    policies: Mapping[str, str] = field(default_factory=dict)  # state -> computer policy
    warnings: tuple[CampaignError, ...] = field(default=(), compare=False)

    @property
    def briefing(self) -> str:
        """The public scenario briefing (``world.briefing``)."""
        return self.world.briefing

    def private_briefing(self, nation: str) -> str:
        """The briefing only ``nation``'s player reads (``Nation.briefing``)."""
        return self.world.nation[nation].briefing

    def summary(self) -> dict[str, int]:
        w = self.world
        return {
            "states": len(w.nations),
            "institutions": len(w.institutions),
            "clauses": sum(len(i.clauses) for i in w.institutions),
            "injects": len(w.injects),
            "objectives": sum(len(n.objectives) for n in w.nations),
        }


def read(path: str | os.PathLike, data: bytes | None = None) -> tuple[Reader, dict | None]:
    """Read and check a file (or ``data``, its bytes, named by ``path``); the reader
    holds every error and warning found."""
    r = Reader(shown(path))

    def report(line: int, col: int, msg: str, hint: str) -> None:
        if line == 0 and Path(path) == DEFAULT_CAMPAIGN and not DEFAULT_CAMPAIGN.exists():
            hint = "the bundled campaigns were not installed with wargame: reinstall it, " \
                   "or give the path of a campaign file"
        elif line == 0 and not os.path.lexists(path):  # one line: what there is instead
            msg, hint = f"{msg}; {not_found(path)}", ""
        r.error((line, col), msg, hint)

    text = read_text(os.fspath(path), report) if data is None else decode(data, report)
    if text is None:
        return r, None
    node = compose(text, report)
    if node is None:
        if not r.errors:
            r.error((1, 1), "the file is empty", "start from a bundled campaign or the "
                    "example in campaigns/README.md")
        return r, None
    data = CAMPAIGN.read(r, node, ())
    if not isinstance(data, dict):
        return r, None
    Checker(r, data).run()
    return r, data


def load_campaign(path: str | os.PathLike, data: bytes | None = None) -> Campaign:
    """Load a campaign file; raise :class:`CampaignErrors` listing every error in it.

    With ``data``, the campaign is read from those bytes instead of the file (a save
    carries a copy of its campaign); ``path`` then only names it in messages.
    """
    try:
        r, data = read(path, data)
        if r.errors or data is None:
            raise CampaignErrors(r.errors)
        world = build.world(data)
        Linter(r, data, world).run()
    except CampaignErrors:
        raise
    except (WargameError, ValueError, TypeError, KeyError, RecursionError) as exc:
        # the checks above are meant to catch everything first; say so if they did not
        raise CampaignErrors([CampaignError(shown(path), 1, 1, f"internal error: the "
                              f"campaign could not be built ({exc})",
                              "please report this with the file")]) from None
    return Campaign(
        path=Path(path), title=data["title"].strip(), world=world,
        author=data.get("author", "").strip(), description=data.get("description", "").strip(),
        version=data.get("version", "").strip(), players=data.get("players", 1),
        seed=data.get("seed", 0), rounds=data.get("rounds", 12),
        notes=data.get("notes", "").strip(), sources=tuple(data.get("sources", ())),
        policies={sid: s.get("policy", "default") for sid, s in data["states"].items()},
        warnings=tuple(sorted(r.warnings, key=lambda e: (e.line, e.column))),
    )
