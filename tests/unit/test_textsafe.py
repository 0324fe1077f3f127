"""wargame.textsafe: outside text made safe for a terminal line, a name, a Markdown
file, and what a player types."""

from __future__ import annotations

import io
import re

from hypothesis import given
from hypothesis import strategies as st

from wargame.textsafe import (SafeStream, clean_input, markdown, one_line, printable,
                              safe_output)

RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def test_an_escape_sequence_shows_and_is_not_sent():
    assert printable("a\x1b]52;c;SGVsbG8=\x07b") == "a␛]52;c;SGVsbG8=␇b"
    assert printable("x\u202eevil\u2066") == "x\\u202eevil\\u2066"
    assert printable("C1\x9b31m\x7f") == "C1\\u009b31m␡"
    assert printable("two\nlines\tand a tab\r\n") == "two\nlines\tand a tab\n"


def test_one_line_joins_lines():
    assert one_line("Bel\nmark\r\nis\u2028here\tnow\x1b") == "Bel mark is here now␛"


def test_typed_text_loses_its_control_characters():
    assert clean_input("Deal? \x1b[31m[y/n\x07") == "Deal? [31m[y/n"
    assert clean_input("a\nb\u202e", lines=False) == "a b"
    assert clean_input("a\nb") == "a\nb"
    # a lone surrogate (no UTF-8 text holds one: it could not be written or sent)
    assert clean_input("Eve\ud800!") == "Eve!"
    assert printable("a\udc00b") == "a\\udc00b"


def test_markdown_shows_html_and_markdown_literally():
    assert markdown("<script>alert(1)</script> & *b* _i_ [l](u) |t| `c` ~s~ \\") == (
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; \\*b\\* \\_i\\_ \\[l\\](u) \\|t\\| "
        "\\`c\\` \\~s\\~ \\\\")
    assert markdown("# heading") == "\\# heading"
    assert markdown("- item") == "\\- item"
    assert markdown("12. item") == "12\\. item"
    assert markdown("a\n\n# b") == "a # b"
    assert markdown("Estonia: 3.5% of GDP") == "Estonia: 3.5% of GDP"


@given(st.text())
def test_no_control_character_survives_any_output_kind(text):
    for out in (printable(text), one_line(text), markdown(text), clean_input(text)):
        assert RAW.search(out) is None
    assert "\n" not in one_line(text) and "\n" not in markdown(text)
    assert "<" not in markdown(text) and ">" not in markdown(text)


def test_a_safe_stream_writes_printable_text_and_safe_output_restores_the_streams():
    buf = io.StringIO()
    SafeStream(buf).write("title \x1b]0;PWNED\x07\n")
    assert buf.getvalue() == "title ␛]0;PWNED␇\n"
    import sys

    before = sys.stdout
    with safe_output():
        assert isinstance(sys.stdout, SafeStream)
        with safe_output():  # nested: not wrapped twice
            assert not isinstance(sys.stdout.raw, SafeStream)
    assert sys.stdout is before
