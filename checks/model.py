"""The core data model: what flows from a page to a finding.

HTML -> Document(blocks, dates) -> Claim(entity, measure, qualifier, value, evidence) -> Finding.
Everything here is an immutable value; nothing does I/O.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from enum import Enum


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 1, "warning": 2, "error": 3}[self.value]


# Fingerprints are written in the letters g-v, one for each hex digit: a fingerprint made of
# digits would read as a figure to anything that searches a report for one ("452").
_HEX_TO_LETTERS = str.maketrans("0123456789abcdef", "ghijklmnopqrstuv")
_HEX_DIGITS = frozenset("0123456789abcdef")


def from_hex_fingerprint(fingerprint: str) -> str:
    """A fingerprint as this release writes it; one written in hex digits (before version 2 of
    the JSON report) is translated, so old baselines and stored runs still match."""
    return fingerprint.translate(_HEX_TO_LETTERS) if set(fingerprint) <= _HEX_DIGITS else fingerprint


@dataclass(frozen=True, slots=True)
class SourcePosition:
    """1-based line and column of something in the source file."""

    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of page text that keeps its place in the page structure.

    kind is one of: heading, paragraph, list_item, table_cell, caption, quote, term,
    definition. Table cells carry their table index, row and column numbers and the texts of
    their row and column headers so a bare "180 questions" in a cell can be attributed.
    """

    kind: str
    text: str
    locator: str
    heading_path: tuple[str, ...] = ()
    visible: bool = True
    level: int | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None
    row_header: str | None = None
    column_header: str | None = None
    position: SourcePosition | None = None
    corner_header: str | None = None  # the header over the row labels ("Role (our placements, 2026)")


@dataclass(frozen=True, slots=True)
class PageDate:
    """A date the page states about itself (modified, published or reviewed)."""

    role: str  # "modified" | "published" | "reviewed"
    value: date
    precision: str  # "day" | "month" | "year"
    source: str  # "meta" | "json-ld" | "time" | "text" | "front-matter"
    text: str  # as written: the attribute value or the visible phrase
    locator: str
    position: SourcePosition | None = None
    section: str = ""  # for a visible stamp under a section heading: that heading


@dataclass(frozen=True, slots=True)
class Document:
    url: str
    title: str
    blocks: tuple[Block, ...]
    dates: tuple[PageDate, ...] = ()
    suppressions: tuple["Suppression", ...] = ()


@dataclass(frozen=True, slots=True)
class Suppression:
    """An editor's `content-audit: ignore RULE -- reason` comment, scoped to one block."""

    rule: str
    reason: str
    locator: str
    position: SourcePosition | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number span found in text, before anyone decides what it measures.

    low/high are equal for an exact value. unit is one of: count, usd, percent, minute, hour,
    day, week, month, year, points, degree. noun is the counted noun for counts ("questions",
    "new jobs"); per is the period of a money rate ("hour", "year", "month", "week").
    bound is "min" for "at least 30", "590+", "as little as one month", "max" for "up to",
    "under six months". start/end is the span within the text that was searched.
    """

    low: float
    high: float
    unit: str
    text: str
    start: int
    end: int
    noun: str | None = None
    per: str | None = None
    bound: str | None = None
    approximate: bool = False

    @property
    def is_range(self) -> bool:
        return self.low != self.high


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a claim was read: enough for an editor to find and fix it."""

    url: str
    locator: str
    quote: str
    span: tuple[int, int]
    heading_path: tuple[str, ...] = ()
    position: SourcePosition | None = None

    @property
    def matched(self) -> str:
        return self.quote[self.span[0] : self.span[1]]


@dataclass(frozen=True, slots=True)
class Claim:
    """A numeric statement about a tracked measure of a tracked entity.

    low/high are in the measure's unit. scope is None for national/general statements and
    names the state or work setting otherwise. period is the statistic's vintage as written
    ("2024", "2024-2034") when the page gives one. stated_unit is the unit as written when it
    differs from the measure's ("usd/hour" for an hourly wage held as usd_year).
    """

    entity: str
    measure: str
    qualifier: str
    low: float
    high: float
    unit: str
    evidence: Evidence
    bound: str | None = None
    approximate: bool = False
    scope: str | None = None
    period: str | None = None
    visible: bool = True
    stated_unit: str | None = None

    @property
    def is_range(self) -> bool:
        return self.low != self.high

    @property
    def key(self) -> tuple[str, str, str, str | None]:
        return (self.entity, self.measure, self.qualifier, self.scope)


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem, reported on the page where an editor can fix it.

    claims[0] is the claim to fix; further claims are the other side of a contradiction.
    params records what the rule ran with (tolerance, threshold, today) so a report can say
    why it fired. location is set when the finding is about something other than a claim
    (a table total, a review date).
    """

    rule: str
    severity: Severity
    message: str
    url: str
    hint: str | None = None
    claims: tuple[Claim, ...] = ()
    fact: object | None = None  # checks.facts.Fact; typed loosely to keep the model import-free
    page_date: PageDate | None = None
    params: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    fingerprint_basis: tuple[str, ...] = ()
    location: Evidence | None = None

    @property
    def fingerprint(self) -> str:
        """Stable across runs: rule, page and what was claimed, never wording or position."""
        basis = (self.rule, self.url, *self.fingerprint_basis)
        return from_hex_fingerprint(hashlib.sha256("\x1f".join(basis).encode()).hexdigest()[:16])

    @property
    def evidence(self) -> Evidence | None:
        """Where to fix it: the claim's evidence, or the table or date the rule read."""
        if self.location is not None:
            return self.location
        return self.claims[0].evidence if self.claims else None


@dataclass(frozen=True, slots=True)
class PageFailure:
    """A page that could not be checked, and why: news to an editor in its own right."""

    url: str
    reason: str
    status: int | None = None
