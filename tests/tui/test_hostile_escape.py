"""esc(): any text at all, put between markup tags, shows exactly as written (control
characters made visible), whatever brackets and backslashes it holds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from textual.content import Content

from wargame.textsafe import printable
from wargame.tui.text import esc

TRICKY = st.text(alphabet=st.sampled_from(list("[]/\\@=b$ax\x1b\u202e")) | st.characters(),
                 max_size=30)


def shown(markup: str) -> str:
    return Content.from_markup(markup).plain.replace("\u200b", "")


@given(TRICKY, TRICKY)
def test_escaped_text_between_tags_shows_as_written(a, b):
    markup = f"[b]{esc(a)}[/b] [dim]{esc(b)}[/] {esc(a)}[$text-accent]x[/]{esc(b)}"
    assert shown(markup) == f"{printable(a)} {printable(b)} {printable(a)}x{printable(b)}"


def test_the_cases_from_the_issue():
    for text in ("Deal? [y/n", "Ana [", "[/]", "[@click=app.quit]", "\\", "a\\[b]", "\\\\["):
        assert shown(f"[b]{esc(text)}[/b]") == text
