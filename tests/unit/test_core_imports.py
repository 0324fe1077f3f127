"""The core is importable without any user-interface library."""

import subprocess
import sys


def test_core_imports_no_ui_library():
    code = ("import sys, wargame.core; "
            "print(' '.join(sorted(m for m in ('textual', 'rich') if m in sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "", f"wargame.core pulled in: {out.stdout.strip()}"


def test_core_does_no_file_io():
    # no module of the core opens files or touches the file system
    import pathlib

    import wargame.core as core

    root = pathlib.Path(core.__file__).parent
    for path in sorted(root.glob("*.py")):
        text = path.read_text(encoding="utf-8")
        for word in ("open(", "pathlib", "os.path", "shutil", "write_text", "read_text"):
            assert word not in text, f"{path.name} uses {word}"
