"""Results computed from a piece of page text, kept across pages and across the pages of a
crawl: a site repeats its boilerplate blocks, headings and table headers on every page."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

_Result = TypeVar("_Result")
_CACHES: list = []


def per_text(maxsize: int) -> Callable[[Callable[[str], _Result]], Callable[[str], _Result]]:
    """Memoise a function of one text; `forget_text_caches` empties every such cache."""

    def decorate(function: Callable[[str], _Result]) -> Callable[[str], _Result]:
        cached = lru_cache(maxsize=maxsize)(function)
        _CACHES.append(cached)
        return cached

    return decorate


def forget_text_caches() -> None:
    """Empty every per-text cache, so a benchmark measures a first reading of a page."""
    for cache in _CACHES:
        cache.cache_clear()


WORD = re.compile(r"\w+")


@per_text(maxsize=16384)
def words_in(text: str) -> frozenset[str]:
    """The lower-cased words of a text: a phrase or a number word can only occur in a text that
    holds its first word, and a set test is far cheaper than a regex scan."""
    return frozenset(WORD.findall(text.lower()))
