"""``wargame actions CAMPAIGN``: every action a campaign offers, as its author needs it.

One block per category, one action a line: its id (what ``actions: disable/retune/
add`` and the scenario tests name), its name, what it does (its effect), whom it
targets, the escalation it adds, and the crisis stages in which it may be ordered;
``--json`` gives the same as data. Campaign changes show: a retuned action says so,
an added one names the action it is a variant of, disabled ones are listed last.
"""

from __future__ import annotations

import json
from typing import TextIO

from .core.actions import ACTIVE, CATALOGUE, ActionSpec
from .textsafe import printable

ORDER = ("diplomatic", "economic", "military", "domestic")
STAGE_ORDER = ("peace", "tension", "incident", "consultation", "sanctions",
               "collective_response", "armed_conflict", "settlement")
TARGETS = {"none": "no target", "state": "a state", "ally": "an ally",
           "institution": "an institution"}


def add_parser(sub) -> None:
    p = sub.add_parser(
        "actions", help="list every action of a campaign: ids, effects, escalation, stages",
        description="List the actions a campaign offers its states, with the ids a "
                    "campaign file uses (actions: disable, retune, add) and what each does.",
        epilog="example: wargame actions baltic-flashpoint")
    p.add_argument("campaign", nargs="?", help="a campaign file, or a bundled campaign's "
                   "name (default: the bundled default)")
    p.add_argument("--json", action="store_true", help="print one JSON document")


def stages(spec: ActionSpec) -> str:
    """The stages in words: 'any stage', 'any but peace', or the list in crisis order."""
    if spec.stages >= ACTIVE:
        return "any stage"
    if spec.stages == ACTIVE - {"peace"}:
        return "any but peace"
    order = [s for s in STAGE_ORDER if s in spec.stages]
    if order and order == list(STAGE_ORDER[STAGE_ORDER.index(order[0]):]):
        return f"from {order[0]} on"
    return ", ".join(order)


def status(spec: ActionSpec, likes: dict[str, str]) -> str:
    """How the campaign changed it: '' (as catalogued), 'retuned' or 'variant of X'."""
    base = CATALOGUE.get(spec.id)
    if base is None:
        return f"variant of {likes[spec.id]}" if spec.id in likes else "added"
    return "" if base == spec else "retuned"


def variants(path) -> dict[str, str]:
    """Each added action's ``like``, from the campaign file (already checked)."""
    from .campaign.load import read

    _, data = read(path)
    added = ((data or {}).get("actions") or {}).get("add") or {}
    return {aid: v["like"] for aid, v in added.items()}


def rows(actions, likes: dict[str, str]) -> list[dict]:
    return [{"id": a.id, "name": a.name, "category": a.category, "effect": a.effect.value,
             "target": a.target.value, "escalation": a.escalation,
             "stages": [s for s in STAGE_ORDER if s in a.stages],
             "cost_economy": a.cost_economy, "cost_support": a.cost_support,
             "description": a.description, "change": status(a, likes)}
            for a in sorted(actions.values(), key=_key)]


def _key(a: ActionSpec) -> tuple:
    cat = ORDER.index(a.category) if a.category in ORDER else len(ORDER)
    ids = list(CATALOGUE)
    return (cat, ids.index(a.id) if a.id in ids else len(ids), a.id)


def write(title: str, actions, likes: dict[str, str], out: TextIO) -> None:
    disabled = [a for a in CATALOGUE if a not in actions]
    print(printable(f"Actions of {title}: {len(actions)}"
                    + (f" ({len(disabled)} disabled)" if disabled else "")), file=out)
    category = None
    for a in sorted(actions.values(), key=_key):
        if a.category != category:
            category = a.category
            print(f"\n{category.capitalize()}", file=out)
        change = status(a, likes)
        esc = f"{a.escalation:+g}" if a.escalation else "0"
        print(printable(f"  {a.id}: {a.name}{f' ({change})' if change else ''}. "
                        f"Effect {a.effect.value}, targets {TARGETS[a.target.value]}, "
                        f"escalation {esc}, {stages(a)}."), file=out)
        if a.description:
            print(printable(f"      {a.description}"), file=out)
    if disabled:
        print(f"\nDisabled in this campaign: {', '.join(disabled)}", file=out)
    print("\nA campaign changes these under 'actions:' (disable, retune, add); the "
          "campaign guide's Actions section explains each effect.", file=out)


def run(args, out: TextIO, err: TextIO) -> int:
    from .campaign import DEFAULT_CAMPAIGN, CampaignErrors, load_campaign

    try:
        c = load_campaign(args.campaign or DEFAULT_CAMPAIGN)
    except CampaignErrors as exc:
        print(exc, file=err)
        return 2
    likes = variants(c.path)
    if args.json:
        json.dump({"campaign": c.title, "actions": rows(c.world.actions, likes),
                   "disabled": [a for a in CATALOGUE if a not in c.world.actions]},
                  out, indent=2, ensure_ascii=False)
        print(file=out)
        return 0
    write(c.title, c.world.actions, likes, out)
    return 0
