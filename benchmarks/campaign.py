"""How long does loading and validating a campaign take?

Run from the repository root::

    .venv/bin/python benchmarks/campaign.py            # every bundled campaign, 30 runs each
    .venv/bin/python benchmarks/campaign.py --runs 5   # quicker
    .venv/bin/python benchmarks/campaign.py FILE ...   # other campaign files

For each file it times, with ``time.perf_counter`` after one warm-up load:

* ``load``     - ``load_campaign(path)``: read, parse, check, build the World, warn;
* ``validate`` - ``wargame validate``'s own work (``validate.run`` into a buffer);
* and the steps of one load: ``read`` (bytes to text), ``compose`` (YAML nodes,
  libyaml when PyYAML has it), ``compose-py`` (the pure-Python parser, used only
  when a file has a syntax error, and everywhere when libyaml is missing),
  ``shapes`` (reading every value), ``checks`` (cross-references), ``build`` (the
  core objects) and ``lint`` (warnings).

Medians and minima in milliseconds. The target is "well under 100 ms" for the
default campaign. Import time is not included (a process imports once).
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wargame.campaign import bundled_campaigns, load_campaign  # noqa: E402
from wargame.campaign import build, source  # noqa: E402
from wargame.campaign.check import Checker  # noqa: E402
from wargame.campaign.fmt import CAMPAIGN  # noqa: E402
from wargame.campaign.lint import Linter  # noqa: E402
from wargame.campaign.shapes import Reader  # noqa: E402
from wargame.campaign.validate import run  # noqa: E402


def timed(fn, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


def steps(path: Path, runs: int) -> dict[str, tuple[float, float]]:
    nothing = lambda *a: None  # noqa: E731
    text = source.read_text(str(path), nothing)
    node = source.compose(text, nothing)
    r = Reader(str(path))
    data = CAMPAIGN.read(r, node, ())
    world = build.world(data)
    return {
        "read": timed(lambda: source.read_text(str(path), nothing), runs),
        "compose": timed(lambda: source.compose(text, nothing), runs),
        "compose-py": timed(lambda: source._compose(text, nothing), runs),
        "shapes": timed(lambda: CAMPAIGN.read(Reader(str(path)), node, ()), runs),
        "checks": timed(lambda: Checker(Reader(str(path)), data).run(), runs),
        "build": timed(lambda: build.world(data), runs),
        "lint": timed(lambda: Linter(Reader(str(path)), data, world).run(), runs),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--runs", type=int, default=30)
    args = ap.parse_args()
    files = args.files or bundled_campaigns()
    print(f"libyaml: {'yes' if source.CParser is not None else 'no'}; "
          f"{args.runs} runs each; median / min in ms")
    for path in files:
        c = load_campaign(path)  # warm-up, and fail early on a broken file
        load = timed(lambda: load_campaign(path), args.runs)
        val = timed(lambda: run([str(path)], io.StringIO()), args.runs)
        size = path.stat().st_size / 1024
        print(f"\n{path.name}: {size:.0f} KB, {len(c.world.nations)} states, "
              f"{len(c.world.institutions)} institutions, {len(c.world.injects)} injects")
        print(f"  {'load':<11}{load[0]:8.2f} {load[1]:8.2f}")
        print(f"  {'validate':<11}{val[0]:8.2f} {val[1]:8.2f}")
        for name, (med, best) in steps(path, args.runs).items():
            print(f"    {name:<11}{med:6.2f} {best:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
