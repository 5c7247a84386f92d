"""Ratios a sentence works out from two of its own figures: a share ("84 of the 150 scored
items, or about 65% of your score"), a rate per item ("180 questions over 180 minutes, so
1.5 minutes per question") and equal parts of a whole ("4 segments of 40 minutes each, so 160
minutes"; "200 questions ... Each of the 4 segments has 40 questions"). Pure: text in, ratios
out, whether or not the figures are claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from checks.model import Quantity
from checks.quantities import find_quantities

RATIO_GAP_CHARS = 60
SHARE_TOLERANCE_POINTS = 1.0  # "about 56%" for 84 of 150 (56.0%); 55.5% rounds either way
RATE_TOLERANCE = 0.05
_PART_OF = re.compile(r"\s*(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|all\s+)?$", re.IGNORECASE)
_WORKED_OUT = re.compile(r"\bor\b|,|\(|[–—]|\bwhich\s+is\b|\bthat(?:'s|’s|\s+is)\b|\bso\b|\bmeaning\b|=", re.IGNORECASE)
_PER_ITEM = re.compile(r"\s*(?:per|a|each|for\s+each)\s+(?:question|item)\b", re.IGNORECASE)
_SPREAD_OVER = re.compile(r"\s*(?:over|in|across|within)\s+$", re.IGNORECASE)
_MINUTES = {"minute": 1.0, "hour": 60.0}
_PART_NOUNS = frozenset({"segment", "segments", "section", "sections", "part", "parts", "block", "blocks", "module", "modules"})
_EACH_OF_BEFORE = re.compile(r"\beach\s+of\s+(?:the|its|their)\s+$", re.IGNORECASE)
_PART_HOLDS = re.compile(r"\s*(?:has|have|holds|contains|lasts|runs|is|of)\s+(?:about\s+)?$", re.IGNORECASE)
_EACH_AFTER = re.compile(r"\s*each\b", re.IGNORECASE)
_TOTAL_AFTER = re.compile(r"\s*(?:,\s*)?(?:so|for\s+a\s+total\s+of|totall?ing|=)\s+(?:about\s+)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Ratio:
    stated: Quantity  # the share or rate the text gives
    parts: tuple[Quantity, Quantity]  # the two figures it is worked out from
    expected: float  # in the stated figure's unit (percent, or minutes/hours per item)
    tolerance: float
    kind: str  # "share" | "rate" | "parts"


def stated_ratios(text: str) -> Iterator[Ratio]:
    """Each share or per-item rate the text works out from two figures just before it."""
    quantities = find_quantities(text)
    for first, second, third in zip(quantities, quantities[1:], quantities[2:]):
        between = text[second.end : third.start]
        if first.is_range or second.is_range or third.is_range or len(between) > RATIO_GAP_CHARS or not _WORKED_OUT.search(between):
            continue
        if first.unit == second.unit == "count" and third.unit == "percent" and second.low and _PART_OF.fullmatch(text, first.end, second.start):
            yield Ratio(third, (first, second), 100 * first.low / second.low, SHARE_TOLERANCE_POINTS, "share")
        elif (
            first.unit == "count" and first.low and second.unit in _MINUTES and third.unit in _MINUTES
            and _SPREAD_OVER.fullmatch(text, first.end, second.start) and _PER_ITEM.match(text, third.end)
        ):
            rate = second.low * _MINUTES[second.unit] / first.low / _MINUTES[third.unit]
            yield Ratio(third, (first, second), rate, max(RATE_TOLERANCE * rate, 0.01), "rate")
    yield from _equal_parts(text, quantities)


def _equal_parts(text: str, quantities: list[Quantity]) -> Iterator[Ratio]:
    """N parts of M each against the whole: a total right after ("4 segments of 40 minutes
    each, so 160 minutes"), or one of the same noun earlier in the text ("200 questions ...
    Each of the 4 segments has 40 questions")."""
    for index, (parts, each) in enumerate(zip(quantities, quantities[1:])):
        if parts.unit != "count" or parts.noun not in _PART_NOUNS or parts.approximate or each.approximate or each.is_range:
            continue
        stated_after = _PART_HOLDS.fullmatch(text, parts.end, each.start) and _EACH_AFTER.match(text, each.end)
        stated_before = _EACH_OF_BEFORE.search(text, 0, parts.start) and _PART_HOLDS.fullmatch(text, parts.end, each.start)
        if not (stated_after or stated_before):
            continue
        whole = each.low * parts.low
        later = quantities[index + 2] if index + 2 < len(quantities) else None
        if later is not None and later.unit == each.unit and _TOTAL_AFTER.fullmatch(text, each.end + len(_EACH_AFTER.match(text, each.end)[0]) if stated_after else each.end, later.start):
            yield Ratio(later, (parts, each), whole, 0.5, "parts")
            continue
        earlier = next((q for q in reversed(quantities[:index]) if q.unit == each.unit and q.noun == each.noun and not q.is_range), None)
        if earlier is not None and earlier.low and not earlier.approximate:
            yield Ratio(each, (earlier, parts), earlier.low / parts.low, 0.5, "parts")
