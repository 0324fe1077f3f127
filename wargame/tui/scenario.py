"""What can be played: campaign files through ``wargame.campaign``, or the built-in demo.

No Textual here. :func:`load_scenario` is the one place that falls back to the
core's demo world when the campaign loader is missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEMO = "demo"
"""The name that selects the core's built-in demo world."""


@dataclass(frozen=True)
class Scenario:
    """A playable world and what the setup screen says about it."""

    key: str  # a file path, or DEMO
    title: str
    description: str
    world: object  # wargame.core.World (imported lazily)
    seed: int
    players: int = 1
    rounds: int = 12
    policies: tuple[tuple[str, str], ...] = ()  # (state, computer policy) the file names
    notes: str = ""  # the designer's notes: simplifications, what the numbers mean
    sources: tuple[str, ...] = ()  # where the facts come from


@dataclass(frozen=True)
class Choice:
    """An entry in the setup screen's campaign list, not loaded yet."""

    key: str
    label: str


def load_scenario(key: str | None = None) -> Scenario:
    """Load a campaign file (the default one when ``key`` is None), or the demo world.

    Raises ``wargame.campaign.CampaignErrors`` for a broken file.
    """
    try:
        from ..campaign import DEFAULT_CAMPAIGN, load_campaign
        from ..campaign.bundled import find_campaign
    except ImportError:  # no campaign loader: the core's demo world is all there is
        key = DEMO
    if key == DEMO:
        from ..core import demo_world

        world = demo_world()
        return Scenario(DEMO, "Demo crisis (built in)", "Six invented states: Northland "
                        "masses forces on the border of Eastmark, a small member of the "
                        "Northern Pact. A Security Council with two vetoes, a Union that "
                        "decides by unanimity, a Security Forum.", world, 7, 2,
                        world.rounds_limit)
    c = load_campaign(find_campaign(key) if key else DEFAULT_CAMPAIGN)  # a path or a name
    return Scenario(str(c.path), c.title, c.description, c.world, c.seed, c.players,
                    c.world.rounds_limit, tuple(dict(getattr(c, "policies", {})).items()),
                    c.notes, tuple(c.sources))


def choices(extra: str | None = None) -> list[Choice]:
    """The campaigns to offer: ``extra`` (given on the command line) first, then the
    bundled ones (the default first), then the built-in demo."""
    out: list[Choice] = []
    if extra and extra != DEMO:
        p = Path(extra)
        files = sorted(p.glob("*.yaml")) if p.is_dir() else [p]
        out += [Choice(str(f), f.name) for f in files]
    try:
        from ..campaign import bundled_campaigns
    except ImportError:
        bundled = []
    else:
        bundled = bundled_campaigns()
    seen = {c.key for c in out}
    out += [Choice(str(f), _label(f)) for f in bundled if str(f) not in seen]
    demo = Choice(DEMO, "Demo crisis (built in)")
    return [demo, *out] if extra == DEMO else [*out, demo]


def _label(path: Path) -> str:
    """A readable label from a file name: 'baltic-flashpoint.yaml' -> 'Baltic flashpoint'."""
    return path.stem.replace("-", " ").replace("_", " ").capitalize()
