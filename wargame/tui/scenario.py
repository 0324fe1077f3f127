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
    # what a save records of it: the file's bytes the world was built from (None:
    # the save reads the file when the game starts)
    source: object = None


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
    path = find_campaign(key) if key else DEFAULT_CAMPAIGN  # a path or a name
    c, source = _load(path, load_campaign)
    return Scenario(str(c.path), c.title, c.description, c.world, c.seed, c.players,
                    c.world.rounds_limit, tuple(dict(getattr(c, "policies", {})).items()),
                    c.notes, tuple(c.sources), source)


def _load(path, load_campaign):
    """The campaign, read once; and its source for saves (None without them)."""
    try:
        from ..campaign.source import MAX_BYTES
        from ..files import read_regular
        from ..saves.source import loaded_source
    except ImportError:
        return load_campaign(path), None
    try:
        data = read_regular(path, MAX_BYTES)
    except Exception:  # not there, not a file, too big: the loader says which, nicely
        return load_campaign(path), None
    campaign = load_campaign(path, data=data)
    return campaign, loaded_source(campaign, data)


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
