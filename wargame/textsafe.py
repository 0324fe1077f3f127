"""Text from outside made safe for each kind of output: the one place that does it.

Every string a campaign file, a save, a player's name or a typed message brings in
is data. Before it reaches a terminal or a file it passes through one of these:

- :func:`printable`: a terminal line or a plain-text file. Control characters are
  made visible, never sent: C0 controls (other than newline and tab) and DEL become
  their Unicode control pictures (ESC shows as ``␛``, BEL as ``␇``); C1 controls
  and the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069)
  become their code in text (``\\u009b``, ``\\u202e``, which also reads right
  inside a JSON string). So an escape sequence in a briefing shows as
  ``␛]52;…`` and cannot set a clipboard or a window title. :class:`SafeStream`
  applies it to everything the commands print (``cli.main`` wraps standard output
  and error with it).
- :func:`one_line`: a name or any single-line field: :func:`printable`, and line
  breaks and tabs become single spaces.
- :func:`markdown`: text inside a Markdown file: :func:`printable`, then ``<``,
  ``>`` and ``&`` as HTML entities, the characters that make emphasis, links,
  code, tables and strike-through escaped, and a heading or list marker at the
  start escaped, so a viewer (GitHub, VS Code) shows the text literally, never as
  HTML or links.
- :func:`clean_input`: what a player types or pastes (a message, a name): control
  characters removed, so the game and its saves keep clean text.

The full-screen game's markup escaping (:func:`wargame.tui.text.esc`) starts from
:func:`printable`. This module needs nothing but the standard library.
"""

from __future__ import annotations

import re
import sys
from contextlib import contextmanager

CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
                     "\ud800-\udfff]")
"""Characters never sent to an output raw (newline is matched: callers keep it).
Lone surrogates (``"\\ud800"`` in JSON) are among them: no UTF-8 text holds one."""

LINE_BREAK = re.compile("[ \t]*(?:(?:\r\n|[\n\r\x0b\x0c\x85\u2028\u2029])[ \t]*)+")


def _visible(ch: str) -> str:
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟ (ESC is ␛)
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"\\u{code:04x}"  # C1 controls and bidi overrides: \u009b, \u202e


def _visible_match(m: re.Match) -> str:
    ch = m.group()
    return ch if ch == "\n" else _visible(ch)


def printable(text: object) -> str:
    """``text`` with every control character made visible; newlines and tabs kept."""
    return CONTROL.sub(_visible_match, str(text).replace("\r\n", "\n"))


def one_line(text: object) -> str:
    """``text`` on one line: line breaks and tabs become spaces, controls visible."""
    return printable(LINE_BREAK.sub(" ", str(text)).replace("\t", " "))


def clean_input(text: object, lines: bool = True) -> str:
    """What a player typed or pasted, with control characters removed (a pasted
    escape sequence loses its ESC and the rest stays as text). Newlines and tabs are
    kept when ``lines``; otherwise they become spaces."""
    text = str(text).replace("\r\n", "\n")
    if not lines:
        text = LINE_BREAK.sub(" ", text).replace("\t", " ")
    return CONTROL.sub(lambda m: m.group() if m.group() == "\n" else "", text)


_MD_ACTIVE = re.compile(r"[\\`*_\[\]|~]")
_MD_ENTITY = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_MD_LINE_START = re.compile(r"^(\s*)([#+=-]|\d+(?=[.)]))")


def markdown(text: object) -> str:
    """``text`` for a Markdown file, shown literally: no HTML, no links, no emphasis,
    no heading, list or quote started by the text. Line breaks become spaces (a
    table cell or a list item is one line)."""
    out = _MD_ACTIVE.sub(lambda m: "\\" + m.group(), one_line(text))
    out = "".join(_MD_ENTITY.get(ch, ch) for ch in out)
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2)
                              if not m.group(2).isdigit() else
                              m.group(1) + m.group(2) + "\\", out, count=1)


class SafeStream:
    """A text stream (standard output or error) that writes every string through
    :func:`printable`: the one boundary of the plain-text interfaces (validate,
    play --text, replay, saves, report, rules), whatever line printed it."""

    def __init__(self, stream):
        self.raw = stream

    def write(self, text: str) -> int:
        return self.raw.write(printable(text))

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str):  # flush, isatty, fileno, encoding ...
        return getattr(self.raw, name)


def unwrap(stream):
    """The stream under a :class:`SafeStream` (for a writer such as Rich that emits
    its own escape codes and makes the text it is given safe itself)."""
    return getattr(stream, "raw", stream) if isinstance(stream, SafeStream) else stream


@contextmanager
def safe_output():
    """Within: ``sys.stdout`` and ``sys.stderr`` are :class:`SafeStream` s."""
    saved = sys.stdout, sys.stderr
    if not isinstance(sys.stdout, SafeStream):
        sys.stdout = SafeStream(sys.stdout)
    if not isinstance(sys.stderr, SafeStream):
        sys.stderr = SafeStream(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
