"""Drive the text mode from a list of typed lines (the tests' standard input)."""

from __future__ import annotations

import io

from wargame.textplay import run


def play(lines, **kw) -> tuple[int, str]:
    """Run the text mode with ``lines`` as what the player types, then the end of
    input; return its exit code and everything it printed."""
    answers = iter(lines)

    def ask(prompt):
        try:
            return next(answers)
        except StopIteration:
            raise EOFError from None

    out = io.StringIO()
    code = run(ask=ask, out=out, **kw)
    return code, out.getvalue()
