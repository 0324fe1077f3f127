"""Runs every hostile-input case in cases/ (the format is in README.md): the command
must end with the expected exit code, say one line naming the file where it refuses,
never show a traceback or a control character, change no file it was not asked to
write, and stay within its time and memory bounds."""

from __future__ import annotations

import json
import os
import re
import resource
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml

import makers

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CASES = sorted((HERE / "cases").glob("*.yaml"))
SAVES = {"v1": REPO / "tests/saves/fixtures/v1-tutorial.json",
         "v2": REPO / "tests/saves/fixtures/v2-tutorial.json"}
# C0 controls other than tab and newline, DEL, C1 controls, bidi overrides/isolates
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
KNOWN = {"what", "files", "run", "stdin", "env", "expect", "issue", "head", "root_only"}
EXPECT = {"exit", "stderr_line", "stdout_has", "stdout_lacks", "created", "seconds",
          "memory_mb", "stderr_has", "changed", "kept", "exists", "absent"}
DEVICES = {"null": (1, 3), "zero": (1, 5)}  # major, minor of Linux's /dev/null, /dev/zero
ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _pointer_set(doc, pointer: str, value) -> None:
    parts = [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]]
    node = doc
    for p in parts[:-1]:
        node = node[int(p)] if isinstance(node, list) else node[p]
    last = parts[-1]
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value


def _dir(value, folder: Path):
    """``value`` with every ``{dir}`` in its strings made the case's folder."""
    if isinstance(value, str):
        return value.replace("{dir}", str(folder))
    if isinstance(value, list):
        return [_dir(v, folder) for v in value]
    if isinstance(value, dict):
        return {k: _dir(v, folder) for k, v in value.items()}
    return value


def _make(folder: Path, name: str, spec: dict) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if spec.get("fifo"):
        os.mkfifo(path)
        return
    if "device" in spec:  # a character device like /dev/null, made here (root only)
        major, minor = DEVICES[spec["device"]]
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(major, minor))
        return
    if "symlink" in spec:
        os.symlink(spec["symlink"], path)
        return
    if "maker" in spec:
        path.write_bytes(getattr(makers, spec["maker"])(folder))
        return
    if "campaign" in spec:
        text = (REPO / "campaigns" / f"{spec['campaign']}.yaml").read_text("utf-8")
    elif "save" in spec:
        text = SAVES[spec["save"]].read_text("utf-8")
    else:
        text = _dir(spec["text"], folder)
    for old, new in spec.get("replace", []):
        assert old in text, f"{name}: {old!r} is not in the text to replace"
        text = text.replace(old, new)
    if "set" in spec:
        doc = json.loads(text)
        for pointer, value in spec["set"].items():
            _pointer_set(doc, pointer, _dir(value, folder))
        text = json.dumps(doc)
    path.write_bytes(text.encode("utf-8"))


def _snapshot(folder: Path) -> dict[str, tuple]:
    """Every entry under ``folder`` (not under saves/): its kind and, for a regular
    file, its bytes; for a link, where it points."""
    seen = {}
    for root, dirs, files in os.walk(folder):
        rel_root = Path(root).relative_to(folder)
        if rel_root.parts[:1] == ("saves",):
            continue
        for name in dirs + files:
            p = Path(root) / name
            rel = str(rel_root / name)
            if rel == "saves":  # the saves folder itself may appear: it is where games go
                continue
            st = os.lstat(p)
            if stat.S_ISLNK(st.st_mode):
                seen[rel] = ("link", os.readlink(p))
            elif stat.S_ISREG(st.st_mode):
                seen[rel] = ("file", p.read_bytes())
            elif stat.S_ISDIR(st.st_mode):
                seen[rel] = ("dir",)
            else:
                seen[rel] = ("special", stat.S_IFMT(st.st_mode), st.st_rdev)
    return seen


def _limit(memory_mb: int):
    def apply():
        size = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (size, size))
    return apply


def _run(args, folder, env, stdin, expect, head):
    """(exit code, stdout, stderr) of ``python -m wargame ARGS``; with ``head``, only
    that many lines of its output are read before the pipe is closed, as ``| head``
    does."""
    seconds = expect.get("seconds", 60)
    cmd = [sys.executable, "-m", "wargame", *args]
    common = dict(cwd=folder, env=env, preexec_fn=_limit(expect.get("memory_mb", 1500)))
    if head is None:
        done = subprocess.run(cmd, input=stdin.encode() if stdin is not None else None,
                              stdin=subprocess.DEVNULL if stdin is None else None,
                              capture_output=True, timeout=seconds, **common)
        return done.returncode, done.stdout, done.stderr
    with tempfile.TemporaryFile() as err_file:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=err_file, **common)
        try:
            out = b"".join(proc.stdout.readline() for _ in range(head))
            proc.stdout.close()
            code = proc.wait(timeout=seconds)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        err_file.seek(0)
        return code, out, err_file.read()


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_case(case: Path, tmp_path: Path) -> None:
    spec = yaml.safe_load(case.read_text("utf-8"))
    assert set(spec) <= KNOWN, f"unknown keys {set(spec) - KNOWN}"
    expect = spec.get("expect", {})
    assert set(expect) <= EXPECT, f"unknown expect keys {set(expect) - EXPECT}"
    needs_root = spec.get("root_only") or any(
        "device" in f for f in (spec.get("files") or {}).values())
    if needs_root and not ROOT:
        pytest.skip("makes a device node: needs root")
    folder = tmp_path / "case"
    folder.mkdir()
    for name, file_spec in (spec.get("files") or {}).items():
        _make(folder, name, file_spec)
    before = _snapshot(folder)
    env = {**os.environ, "WARGAME_SAVES_DIR": str(folder / "saves"),
           "WARGAME_CONFIG_DIR": str(tmp_path / "config"), "PYTHONIOENCODING": "utf-8"}
    env.update({k: str(v).replace("{dir}", str(folder)) for k, v in
                (spec.get("env") or {}).items()})
    args = [str(a).replace("{dir}", str(folder)) for a in spec["run"]]
    try:
        code, out, err = _run(args, folder, env, spec.get("stdin"), expect, spec.get("head"))
    except subprocess.TimeoutExpired:
        pytest.fail(f"{case.name}: still running after {expect.get('seconds', 60)} s")
    out = out.decode("utf-8", "replace")
    err = err.decode("utf-8", "replace")
    shown = f"\n--- stdout ---\n{out[-3000:]}\n--- stderr ---\n{err[-3000:]}"
    assert "Traceback" not in out + err, f"a traceback{shown}"
    bad = CONTROL.search(out + err)
    assert bad is None, f"control character {bad.group()!r} in the output{shown}"
    codes = expect.get("exit", 0)
    codes = codes if isinstance(codes, list) else [codes]
    assert code in codes, f"exit {code}, expected {codes}{shown}"
    if "stderr_line" in expect:
        lines = [line for line in err.splitlines() if line.strip()]
        assert len(lines) == 1, f"expected one line on stderr{shown}"
        for fragment in expect["stderr_line"]:
            assert str(fragment) in lines[0], f"{fragment!r} not in the error{shown}"
    for fragment in expect.get("stderr_has", []):
        assert str(fragment) in err, f"{fragment!r} not on stderr{shown}"
    for fragment in expect.get("stdout_has", []):
        assert str(fragment) in out, f"{fragment!r} not in the output{shown}"
    for fragment in expect.get("stdout_lacks", []):
        assert str(fragment) not in out, f"{fragment!r} in the output{shown}"
    after = _snapshot(folder)
    changed = set(expect.get("changed", []))
    for name, was in before.items():
        if name in changed:  # may be rewritten, but stays a regular file
            assert after.get(name, ("gone",))[0] == "file", f"{name} is gone{shown}"
        else:
            assert after.get(name) == was, f"{name} was changed or removed{shown}"
    for new, old in (expect.get("kept") or {}).items():
        assert after.get(new) == before[old], f"{new} does not hold what {old} held{shown}"
    allowed = set(expect.get("created", [])) | set(expect.get("kept") or {})
    new = set(after) - set(before) - allowed
    new = {n for n in new if not any(n.startswith(a + os.sep) for a in allowed)}
    assert not new, f"files appeared that the command was not asked to write: {sorted(new)}"
    for pattern in expect.get("exists", []):
        assert list(folder.glob(pattern)), f"nothing matches {pattern}{shown}"
    for pattern in expect.get("absent", []):
        assert not list(folder.glob(pattern)), f"{pattern} matches{shown}"
