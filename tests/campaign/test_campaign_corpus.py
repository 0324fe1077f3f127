"""The broken-campaign corpus: one file per kind of mistake, each with its errors.

Each file in ``broken/`` names its mistake and lists the exact errors the loader
must report, in order, as comment lines::

    # mistake: a veto holder who is not a member
    # expect: 15:66: veto holder 'green' is not a member of 'council'
    # hint: a veto holder must be listed in members

A ``# hint:`` line belongs to the ``# expect:`` line above it; an expectation
without one asserts that the error has no hint.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from wargame.campaign import CampaignErrors, load_campaign
from wargame.campaign.source import MAX_BYTES
from wargame.campaign.validate import run

BROKEN = Path(__file__).parent / "broken"
FILES = sorted(BROKEN.glob("*.yaml"))


def expected(path: Path) -> list[tuple[int, int, str, str]]:
    out: list[list] = []
    for raw in path.read_bytes().split(b"\n"):
        line = raw.decode("utf-8", "replace")
        m = re.match(r"# expect: (\d+):(\d+): (.*)$", line)
        if m:
            out.append([int(m[1]), int(m[2]), m[3], ""])
        elif line.startswith("# hint: "):
            out[-1][3] = line[len("# hint: "):]
    return [tuple(e) for e in out]


def errors_of(path) -> list:
    with pytest.raises(CampaignErrors) as info:
        load_campaign(path)
    return info.value.errors


def test_the_corpus_covers_at_least_thirty_kinds_of_mistake():
    kinds = {p.read_text("latin-1").split("# mistake: ")[1].split("\n")[0] for p in FILES}
    assert len(FILES) >= 30 and len(kinds) == len(FILES)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_broken_campaign_reports_exactly_its_errors(path):
    want = expected(path)
    assert want, f"{path.name} lists no expected error"
    got = [(e.line, e.column, e.message, e.hint) for e in errors_of(path)]
    assert got == want


@pytest.mark.parametrize("path", FILES[:5], ids=[p.stem for p in FILES[:5]])
def test_errors_print_one_line_each_with_file_line_and_column(path):
    errs = errors_of(path)
    text = str(CampaignErrors(errs))
    heads = [ln for ln in text.splitlines() if not ln.startswith("    hint: ")]
    assert heads == [f"{e.file}:{e.line}:{e.column}: {e.message}" for e in errs]
    assert all(e.file.endswith(path.name) for e in errs)


def test_validate_prints_every_error_and_exits_2():
    path = BROKEN / "several_mistakes.yaml"
    out = io.StringIO()
    assert run([str(path), str(BROKEN / "unknown_key.yaml")], out) == 2
    text = out.getvalue()
    for line, col, message, hint in expected(path):
        assert f"several_mistakes.yaml:{line}:{col}: {message}" in text
        assert f"    hint: {hint}" in text
    assert "4 errors, not loaded" in text
    assert "unknown key 'milltary' in a state" in text
    assert "Traceback" not in text


def test_a_file_over_the_size_cap_is_refused(tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"format: 1\n" + b"# padding\n" * (MAX_BYTES // 10 + 1))
    assert [(e.line, e.column, e.message) for e in errors_of(path)] == [
        (1, 1, "the file is larger than 1024 KB")]


def test_deep_nesting_is_refused_cleanly(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("format: 1\ntitle: " + "[" * 50_000 + "]" * 50_000 + "\n")
    assert [(e.line, e.column, e.message) for e in errors_of(path)] == [
        (1, 1, "the file nests lists or mappings too deeply")]


def test_a_missing_file_and_a_folder_are_clean_errors(tmp_path):
    missing = errors_of(tmp_path / "nowhere.yaml")
    assert missing[0].line == 0 and "cannot read the file" in missing[0].message
    assert str(missing[0]).startswith(str(missing[0].file) + ": cannot read")
    folder = errors_of(tmp_path)
    assert "is a folder" in folder[0].message


def test_the_wargame_validate_command_exits_2_on_a_broken_file(capsys):
    from wargame.cli import main

    assert main(["validate", str(BROKEN / "veto_not_member.yaml")]) == 2
    out = capsys.readouterr()
    assert "veto_not_member.yaml:15:66: veto holder 'green' is not a member of 'council'" \
        in out.out
    assert "Traceback" not in out.out + out.err
