"""Computer play is byte-identical to the golden output made at a named commit
(tests/ai/golden/make.py says which and how to regenerate it): speed-ups must not
change a single decision."""

from __future__ import annotations

import difflib
import importlib.util
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location(
    "golden_make", Path(__file__).resolve().parent / "golden" / "make.py")
make = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make)


@pytest.mark.parametrize("name", sorted(
    [f"simulate-{k}.json" for k in make.SIMULATE] + [f"records-{k}.json" for k in make.RECORDS]))
def test_computer_play_is_byte_identical_to_the_golden_output(name):
    want = (make.HERE / name).read_text(encoding="utf-8")
    kind, _, key = name.removesuffix(".json").partition("-")
    got = make.simulate(**make.SIMULATE[key]) if kind == "simulate" else make.records(key)
    if got != want:
        diff = "".join(list(difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                                 "golden", "now"))[:40])
        pytest.fail(f"{name} differs from the golden output of {make.COMMIT}:\n{diff}")
