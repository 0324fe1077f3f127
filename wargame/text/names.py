"""Typed names: how a state, an institution or a measure the player types is found.

Names are compared by :func:`norm` (any case, ``_`` or ``-`` as spaces); a typed
word is data, never a pattern.
"""

from __future__ import annotations

from typing import Callable, Iterable, TypeVar

T = TypeVar("T")


def norm(text: str) -> str:
    """'Use_of-force ' -> 'use of force': how typed names are compared."""
    return " ".join(text.replace("_", " ").replace("-", " ").casefold().split())


def find_in(pairs: Iterable[tuple[str, str]], text: str) -> str | None:
    """The id among (id, name) ``pairs`` whose id or name is ``text``."""
    wanted = norm(text)
    return next((i for i, name in pairs if wanted in (norm(i), norm(name))), None) \
        if wanted else None


def longest(words: list[str], find: Callable[[str], T | None]) -> tuple[T | None, list[str]]:
    """The longest leading run of ``words`` that ``find`` knows, and the words after it."""
    for k in range(len(words), 0, -1):
        found = find(" ".join(words[:k]))
        if found is not None:
            return found, words[k:]
    return None, words


def listing(items: list[str], last: str = "or") -> str:
    """'a, b or c'."""
    items = list(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1] if len(items) > 1 else "".join(items)


def words(ident: str) -> str:
    return ident.replace("_", " ")


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
