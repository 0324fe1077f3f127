"""The JSON Schema (draft-07) of campaign files, generated from :mod:`.fmt`.

``python -m wargame.campaign.schema`` rewrites ``campaigns/schema/campaign-v1.json``;
a test fails when the checked-in file differs from what this module generates.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .bundled import campaigns_dir
from .fmt import CAMPAIGN, FORMAT

SCHEMA_NAME = f"campaign-v{FORMAT}.json"


def schema() -> dict:
    out = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": f"wargame campaign, format {FORMAT}",
        "description": "A crisis wargame campaign. See campaigns/README.md.",
        **CAMPAIGN.schema(),
    }
    out["properties"]["format"] = {**out["properties"]["format"], "const": FORMAT}
    return out


def text() -> str:
    return json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"


def path() -> Path:
    return campaigns_dir() / "schema" / SCHEMA_NAME


def main() -> int:
    target = path()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text(), encoding="utf-8")
    print(f"wrote {target}", file=sys.stdout)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
