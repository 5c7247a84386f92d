"""Pay a sentence converts from one period to another: "$57,750 a year, or about $29.77 an hour",
"$43,660 a year works out to about $3,938 a month", "$24.75 an hour. Over a full year, that's
$52,480 a year". Pure: text in, conversions out, whether or not the figures are fact claims.

A full-time year is 2,080 hours (40 a week, 52 weeks), the figure BLS annualises with; a month
is a twelfth of it. Two amounts are a conversion only when the words between them say so ("or",
"that's", "works out to", "which is", "=", an opening parenthesis) and no other amount of money
stands between them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from checks.measures import HOURS_PER_YEAR
from checks.model import Quantity
from checks.quantities import find_quantities

PERIOD_HOURS = {"hour": 1.0, "week": 40.0, "month": HOURS_PER_YEAR / 12, "year": float(HOURS_PER_YEAR)}
CONVERSION_GAP_CHARS = 80
ROUNDED_FIGURE_DIGITS = 4  # "$43,660" is rounded to the $10; "$20" is not rounded to the $10
_EQUIVALENT = re.compile(
    r"\bor\b|\bthat(?:'s|’s|\s+is|\s+comes\s+to)\b|\bworks?\s+out\s+to\b|\bcomes?\s+to\b|\byou\s+get\b"
    r"|\bwhich\s+is\b|\bequals?\b|\bthe\s+same\s+as\b|=|\(",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z]")
_MULTIPLIER = re.compile(r"(?:\.(?P<decimals>\d+))?\s*(?:k|thousand)\b", re.IGNORECASE)
_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")
_DECIMALS = re.compile(r"\.(\d+)")
_TRAILING_ZEROS = re.compile(r"[1-9](0+)(?:\.0+)?$")


@dataclass(frozen=True, slots=True)
class Conversion:
    given: Quantity
    stated: Quantity
    expected: float  # the given amount in the stated amount's period
    tolerance: float  # what rounding the two written figures allows


def stated_conversions(text: str) -> Iterator[Conversion]:
    """Each pair of amounts of pay in different periods that the text gives as the same pay."""
    amounts = [q for q in find_quantities(text) if q.unit == "usd" and q.per in PERIOD_HOURS and not q.is_range]
    for given, stated in zip(amounts, amounts[1:]):
        between = text[given.end : stated.start]
        if given.per == stated.per or len(between) > CONVERSION_GAP_CHARS or not _EQUIVALENT.search(between):
            continue
        if len(_SENTENCE_END.findall(between)) > 1:
            continue
        factor = PERIOD_HOURS[stated.per] / PERIOD_HOURS[given.per]
        yield Conversion(given, stated, given.low * factor, rounding(given.text) * factor + rounding(stated.text))


def rounding(written: str) -> float:
    """Half a unit of a written figure's last digit: "$21.25" -> 0.005, "$43,660" -> 5, "$44K" -> 500."""
    multiplied = _MULTIPLIER.search(written)
    if multiplied is not None:
        return 0.5 * 10 ** (3 - len(multiplied["decimals"] or ""))
    figure = _FIGURE.search(written)
    digits = figure.group(0).replace(",", "") if figure else ""
    decimals = _DECIMALS.search(digits)
    if decimals is not None:
        return 0.5 * 10 ** -len(decimals.group(1))
    zeros = _TRAILING_ZEROS.search(digits) if len(digits) >= ROUNDED_FIGURE_DIGITS else None
    return 0.5 * 10 ** len(zeros.group(1)) if zeros else 0.5  # "$20 an hour" is to the dollar
