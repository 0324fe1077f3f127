"""Where game text meets markup in the TUI's source: in every f-string that writes
markup (a tag such as ``[b]`` or ``[/]`` in it), each part that reads a name, a title,
a text, a player or a reason is escaped by ``esc`` (or the whole string is).

A cheap guard for the screens to come: a new ``f"[b]{world.name_of(x)}[/b]"`` fails
here before a campaign with a ``[`` in a name finds it. The Pilot test in
test_hostile_text.py drives the screens themselves."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import wargame.tui

TUI = Path(wargame.tui.__file__).parent
OUTSIDE = {"name", "title", "description", "text", "player", "briefing", "label",
           "reason", "notes", "player_name", "message"}
CALLS = {"name_of", "who", "objective", "describe", "term_text", "event_text",
         "describe_term", "capital"}
# wrapping calls whose result is safe: markup escaping, plain text widgets and values
SAFE_WRAPPERS = {"esc", "Text", "notify", "one_line", "printable", "len", "str.lower",
                 "words", "clean_input", "dismiss"}


def _reads_outside_text(node: ast.AST) -> bool:
    for sub in ast.walk(node):
        if isinstance(sub, ast.Attribute) and sub.attr in OUTSIDE:
            return True
        if isinstance(sub, ast.Call):
            f = sub.func
            called = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
            if called in CALLS:
                return True
    return False


def _wrapper(call: ast.Call) -> str:
    f = call.func
    return f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")


TAG = re.compile(r"\[[a-z/$@]")


def _markup(joined: ast.AST) -> bool:
    return isinstance(joined, ast.JoinedStr) and any(
        isinstance(v, ast.Constant) and TAG.search(str(v.value)) for v in joined.values)


def unsafe_parts(source: str, filename: str) -> list[str]:
    tree = ast.parse(source)
    parent = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.FormattedValue) or not _reads_outside_text(node.value):
            continue
        if not _markup(parent.get(node)):
            continue
        if isinstance(node.value, ast.Call) and _wrapper(node.value) in SAFE_WRAPPERS:
            continue
        up, safe = parent.get(node), False
        while up is not None and not safe:
            safe = isinstance(up, ast.Call) and _wrapper(up) in SAFE_WRAPPERS
            up = parent.get(up)
        if not safe:
            found.append(f"{filename}:{node.lineno}: {ast.get_source_segment(source, node.value)}")
    return found


def test_every_name_title_or_text_in_tui_markup_is_escaped():
    found = []
    for path in sorted(TUI.rglob("*.py")):
        found += unsafe_parts(path.read_text("utf-8"), str(path.relative_to(TUI)))
    assert not found, "unescaped outside text in markup:\n" + "\n".join(found)


def test_the_guard_finds_an_unescaped_name():
    bad = 'x = f"[b]{world.name_of(n)}[/b] {seat.player}"\ny = f"[b]{esc(s.name)}[/b]"\n'
    assert [p.split(": ", 1)[1] for p in unsafe_parts(bad, "bad.py")] == \
        ["world.name_of(n)", "seat.player"]
