"""Money in the news reads as a person would write it: never "$0.0 bn"."""

import pytest

from wargame.core.economy import _dollars


@pytest.mark.parametrize("billions,words", [
    (1.234, "$1.2 bn"), (0.1, "$0.1 bn"), (0.04, "$40 million"), (0.0004, "$1 million"),
])
def test_dollars(billions, words):
    assert _dollars(billions) == words
