"""Files a corpus case cannot write as plain text: each function returns the bytes of
one file (it may write helper files into ``folder`` itself)."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
V2 = HERE.parent / "saves" / "fixtures" / "v2-tutorial.json"


def save_with_huge_seed(folder: Path) -> bytes:  # noqa: ARG001
    text = V2.read_text("utf-8")
    assert '"seed":11' in text
    return text.replace('"seed":11', '"seed":' + "9" * 5000, 1).encode()
