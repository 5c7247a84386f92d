"""Sentence spans inside a block of page text.

Claims quote the sentence they were read from, and cue words count only inside it, so the
split has to be right about abbreviations ("U.S.", "approx.") and decimals ("2.5 hours").
"""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset(
    "u.s u.k e.g i.e vs etc approx dr mr mrs ms st no jan feb mar apr jun jul aug sep sept oct nov dec inc".split()
)
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9$])|\n")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in text, covering it without gaps or overlaps."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if _ends_with_abbreviation(text, start, match.start()):
            continue
        spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _ends_with_abbreviation(text: str, sentence_start: int, stop: int) -> bool:
    word_start = max(text.rfind(" ", sentence_start, stop) + 1, sentence_start)
    word = text[word_start:stop].lower().lstrip("(\"'")
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def sentence_at(spans: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The span that contains offset (the last one if offset is past the end)."""
    for span in spans:
        if span[0] <= offset < span[1]:
            return span
    return spans[-1]
