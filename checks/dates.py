"""Dates a page states about itself: when it was published, modified or reviewed.

Read from <meta> tags, JSON-LD, <time datetime> elements and visible phrases such as
"reviewed 2026-06-18" or "Last updated: May 2026". Visible phrases are found with a regex that
also tells which part is the day, month and year, so they are read directly; dateparser only
reads machine-written values in other forms, never whole paragraphs (slow, and it reads
"3 hours" as a date). Slashed numeric dates read month first (06/18/2026), as US pages write
them, unless the first number cannot be a month; dotted ones (10.07.2026) day first, as every
country that writes them does. "07/2026" and "Jun '26" are months, "Q2 2026" the quarter's last
month and "2026-W23" the week's Sunday.
A date without a year ("- Oct 16") is skipped rather than guessed, and nothing here depends on
today's date.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from checks.model import Block, PageDate

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ORDINAL = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_ISO_TIME = r"[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
_ISO_DATE = rf"{_YEAR}-\d{{2}}-\d{{2}}(?:{_ISO_TIME})?"
_DATE_SPAN = (
    rf"(?P<iso>{_ISO_DATE})(?![\d:])"
    rf"|(?P<numeric>\d{{1,2}}(?P<sep>[/.-])\d{{1,2}}(?P=sep)(?:{_YEAR}|\d{{2}}))(?!\d)"
    rf"|(?P<slashed>{_YEAR}(?P<ysep>[/.])\d{{1,2}}(?P=ysep)\d{{1,2}})(?!\d)"
    rf"|(?P<day_month>\d{{1,2}}{_ORDINAL}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR})(?!\d)"
    rf"|(?P<month_day>{_MONTH}\s+\d{{1,2}}{_ORDINAL},?\s+{_YEAR})(?!\d)"
    rf"|(?P<month>{_MONTH},?\s+{_YEAR})(?!\d)"
    rf"|(?P<month_numeric>(?<![\d/.])\d{{1,2}}/{_YEAR})(?=\s*(?:$|[.;!?)\]|·•–—,]))"  # "Revised 07/2026"
    rf"|(?P<quarter>Q[1-4]\s+{_YEAR})(?!\d)"  # "Last reviewed: Q2 2026": its last month
    rf"|(?P<iso_week>{_YEAR}-W\d{{2}})(?!\d)"  # "2026-W23": its Sunday
    rf"|(?P<month_short_year>{_MONTH}\s+['’]\d{{2}})(?!\d)"  # "Updated Jun '26"
    # A bare year only when its phrase ends there: "updated 2024 salary data" and "Published in
    # 2019, the study found" are not page dates.
    rf"|(?P<year>{_YEAR})(?=\s*(?:$|[.;!?)\]|·•–—]))"
)
_CUE = (
    r"(?P<cue>(?:medically\s+|expert[-\s]|last\s+)?reviewed|fact[-\s]?checked|last\s+checked|(?:last\s+)?verified|review\s+date|date\s+reviewed"
    r"|revision\s+date"
    r"|(?:last\s+)?(?:updated|modified|revised|edited)(?:\s+(?:time|date))?|posted|published|(?:current|accurate)(?=\s+as\s+of)"
    r"|stand(?=\s*:))"  # German "Stand: 12.06.2026" (as of)
)
# Between the cue and the date: punctuation, "on", "in", "as of", or "by <name> on".
_LINK = (
    r"(?:\s*[:|–—-]\s*|\s+)@?(?:by\s+[^;\n\d]{1,60}?,?\s+)?(?:(?:on|in|at|as\s+of)\s*:?\s+)?(?:the\s+)?"  # "on the 3rd of June, 2026"
    r"(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?,?\s+)?"  # "Monday, May 4, 2026"
)
# Substring tests are far cheaper than the phrase regex on the many blocks that date nothing.
_CUE_STEMS = ("review", "updated", "modified", "revised", "revision", "edited", "posted", "published", "checked", "verified", "as of", "stand")
_PHRASE = re.compile(rf"\b{_CUE}{_LINK}(?:{_DATE_SPAN})", re.IGNORECASE)
# "The test plan was updated in 2024" is about something else, unless it names the page.
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|be|being)\s+(?:last\s+)?$", re.I)
_PAGE_SUBJECT = re.compile(r"\b(?:page|article|post|guide|content|information|this)\b", re.I)
_PASSIVE_WINDOW = 60
_CITATION = re.compile(r"\s*(?:sources?|data\s+sources?|citations?|references?)\s*:", re.IGNORECASE)
_UPCOMING = re.compile(
    r"\b(?:(?:next|upcoming|scheduled)(?:\s+[\w-]+){0,2}?\s+(?:review|update|revision)|(?:review|update)\s+(?:due|scheduled)|due\s+for\s+review)"
    r"[^.;\d]{0,12}$",
    re.IGNORECASE,
)
TWO_DIGIT_CENTURY = 2000

_ISO_ONLY = re.compile(rf"\s*({_ISO_DATE})\s*")
_YEAR_MONTH = re.compile(rf"\s*({_YEAR})-(\d{{2}})\s*")
_YEAR_ONLY = re.compile(rf"\s*({_YEAR})\s*")
_MAX_DATE_VALUE_CHARS = 40
_DATE_SPAN_ONLY = re.compile(_DATE_SPAN, re.IGNORECASE)
_SPAN_KINDS = (
    "iso", "numeric", "slashed", "day_month", "month_day", "month", "month_numeric", "quarter", "iso_week", "month_short_year", "year",
)
_NUMBER = re.compile(r"\d+")
_MONTH_WORD = re.compile(_MONTH, re.IGNORECASE)
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}

_META_ROLES = {
    "article:modified_time": "modified",
    "og:updated_time": "modified",
    "last-modified": "modified",
    "date": "modified",
    "dcterms.modified": "modified",
    "dc.date.modified": "modified",
    "datemodified": "modified",
    "article:published_time": "published",
    "dcterms.created": "published",
    "dcterms.issued": "published",
    "datepublished": "published",
    "lastreviewed": "reviewed",
}
# Lower-cased meta keys (property, name, itemprop or http-equiv) that carry a page date.
META_DATE_KEYS = frozenset(_META_ROLES)
_JSON_LD_ROLES = {
    "dateModified": "modified",
    "datePublished": "published",
    "lastReviewed": "reviewed",
}
_ROLE_WORDS = (
    (re.compile(r"review|fact[-\s]?check|checked|verified|current|accurate", re.I), "reviewed"),
    (re.compile(r"updat|modif|revis|edited|\bstand\b", re.I), "modified"),
    (re.compile(r"publish|posted|entry-date", re.I), "published"),
)


@dataclass(frozen=True, slots=True)
class DatePhrase:
    """A visible phrase such as "reviewed 2026-06-18"; start/end is its span in the text."""

    role: str
    value: date
    precision: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class MetaDate:
    """A <meta> tag that may carry a page date, as collected by the document walk."""

    key: str
    content: str
    locator: str


@dataclass(frozen=True, slots=True)
class TimeElement:
    """A <time datetime> element with the words that say which date it is."""

    datetime: str
    cues: str
    context: str
    locator: str
    text: str = ""  # its own visible words: "<time datetime=2026-07-14>Reviewed 14 July</time>"


@dataclass(frozen=True, slots=True)
class DateSources:
    """What the document walk collected for dates, so this module never touches the tree."""

    meta: tuple[MetaDate, ...] = ()
    json_ld: tuple[tuple[str, str], ...] = ()  # (script text, locator)
    times: tuple[TimeElement, ...] = ()


def page_dates(sources: DateSources, blocks: Iterable[Block]) -> tuple[PageDate, ...]:
    """All dates the page states about itself, metadata first, duplicates removed."""
    found = [
        *_meta_dates(sources.meta),
        *_json_ld_dates(sources.json_ld),
        *_time_dates(sources.times),
        *_text_dates(blocks),
    ]
    return tuple(dict.fromkeys(found))


def find_date_phrases(text: str) -> list[DatePhrase]:
    """Visible phrases that date the page: "reviewed 2026-06-18", "Posted in September 2022"."""
    if not any(map(text.lower().__contains__, _CUE_STEMS)):
        return []
    phrases = []
    for match in _PHRASE.finditer(text):
        if _about_something_else(text, match.start()):
            continue
        kind = _span_kind(match)
        parsed = _parse_span(match.group(kind), kind)
        if parsed is None:
            continue
        role = _role_from_words(match.group("cue"))[0]
        phrases.append(DatePhrase(role, *parsed, match.group(), match.start(), match.end()))
    return phrases


def parse_date_value(value: str) -> tuple[date, str] | None:
    """A machine-written date (attribute, JSON-LD) as (date, precision), or None if unreadable."""
    if len(value) > _MAX_DATE_VALUE_CHARS:
        return None
    if match := _ISO_ONLY.fullmatch(value):
        return _parse_span(match.group(1), "iso")
    if match := _YEAR_MONTH.fullmatch(value):
        year, month = int(match.group(1)), int(match.group(2))
        return (date(year, month, 1), "month") if 1 <= month <= 12 else None
    if match := _YEAR_ONLY.fullmatch(value):
        return _parse_span(match.group(1), "year")
    span = _DATE_SPAN_ONLY.fullmatch(value.strip())
    if span is None:
        return _parse_unusual(value)
    kind = _span_kind(span)
    return _parse_span(span.group(kind), kind)


def _span_kind(match: re.Match[str]) -> str:
    return next(kind for kind in _SPAN_KINDS if match.group(kind))


def _about_something_else(text: str, cue_start: int) -> bool:
    before = text[max(0, cue_start - _PASSIVE_WINDOW) : cue_start]
    if not _PASSIVE_BEFORE.search(before):
        return False
    sentence = re.split(r"[.!?]\s", before)[-1]
    return not _PAGE_SUBJECT.search(sentence)


def _parse_span(span: str, kind: str) -> tuple[date, str] | None:
    """A span the phrase regex already classified, read directly.

    dateparser costs about 0.6 ms a call, more than walking a whole 30 KB page, and adds
    nothing once the regex knows which part is the day, the month and the year.
    """
    if kind == "iso":
        return _checked(lambda: date.fromisoformat(span[:10]), "day")
    numbers = [int(number) for number in _NUMBER.findall(span)]
    if kind == "year":
        return _checked(lambda: date(numbers[0], 1, 1), "year")
    if kind == "numeric":
        first, second, year = numbers
        # "06/18/2026" as US pages write it; "10.07.2026", dotted, is day first everywhere it is used
        day_first = first > 12 or "." in span
        month, day = (second, first) if day_first else (first, second)
        year += TWO_DIGIT_CENTURY if year < 100 else 0  # "5/12/26"
        return _checked(lambda: date(year, month, day), "day")
    if kind == "month_numeric":
        month, year = numbers
        return _checked(lambda: date(year, month, 1), "month")
    if kind == "quarter":
        quarter, year = numbers
        return _checked(lambda: date(year, 3 * quarter, 1), "month")
    if kind == "iso_week":
        year, week = numbers
        return _checked(lambda: date.fromisocalendar(year, week, 7), "day")
    if kind == "slashed":
        year, month, day = numbers
        return _checked(lambda: date(year, month, day), "day")
    month_word = _MONTH_WORD.search(span)
    if month_word is None:
        return None
    month = _MONTHS[month_word.group()[:3].lower()]
    if kind == "month":
        return _checked(lambda: date(numbers[-1], month, 1), "month")
    if kind == "month_short_year":
        return _checked(lambda: date(TWO_DIGIT_CENTURY + numbers[-1], month, 1), "month")
    return _checked(lambda: date(numbers[-1], month, numbers[0]), "day")


def _checked(build: Callable[[], date], precision: str) -> tuple[date, str] | None:
    try:
        return build(), precision
    except ValueError:  # the 31st of June, the 13th month
        return None


def _parse_unusual(value: str) -> tuple[date, str] | None:
    """A machine-written date in a form the span regex does not know ("Tue, 06 May 2024 ...")."""
    data = _date_parser().get_date_data(value)
    if data.date_obj is None:
        return None
    return data.date_obj.date(), "day"


@cache
def _date_parser() -> DateDataParser:
    # Imported on first use: dateparser loads slowly and few pages need it.
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "PARSERS": ["custom-formats", "absolute-time"],
            "DATE_ORDER": "MDY",
            # Every part must be written, so nothing is filled in from today's date.
            "REQUIRE_PARTS": ["day", "month", "year"],
        },
    )


def _role_from_words(words: str) -> list[str]:
    return [role for pattern, role in _ROLE_WORDS if pattern.search(words)]


def _meta_dates(metas: Sequence[MetaDate]) -> Iterator[PageDate]:
    for meta in metas:
        role = _META_ROLES.get(meta.key.lower())
        parsed = parse_date_value(meta.content) if role else None
        if parsed:
            yield PageDate(role, *parsed, source="meta", text=meta.content, locator=meta.locator)


def _json_ld_dates(scripts: Sequence[tuple[str, str]]) -> Iterator[PageDate]:
    for script, locator in scripts:
        try:
            data = json.loads(script)
        except ValueError:
            continue
        for node in _json_ld_nodes(data):
            for key, role in _JSON_LD_ROLES.items():
                value = node.get(key)
                parsed = parse_date_value(value) if isinstance(value, str) else None
                if parsed:
                    yield PageDate(role, *parsed, source="json-ld", text=value, locator=locator)


def _json_ld_nodes(data: object) -> Iterator[dict]:
    """Top-level JSON-LD objects and @graph members: the page's own entities.

    Nested objects (a review inside a product, a comment) carry their own dates, not the page's.
    """
    tops = data if isinstance(data, list) else [data]
    for top in tops:
        if not isinstance(top, dict):
            continue
        yield top
        graph = top.get("@graph")
        if isinstance(graph, list):
            yield from (node for node in graph if isinstance(node, dict))


def _time_dates(times: Sequence[TimeElement]) -> Iterator[PageDate]:
    for time in times:
        parsed = parse_date_value(time.datetime)
        if parsed is None or _UPCOMING.search(time.context):
            continue  # "Next review: <time>": a date to come, not one the page was touched
        roles = _role_from_words(time.text) or _context_roles(time.context) or _role_from_words(time.cues)
        if not roles and not time.context.strip():
            roles = ["published"]  # a dateline of its own ("<time datetime=...>7 months ago</time>")
        for role in roles:
            # the words the reader sees ("Reviewed 14 July"), else the machine value
            yield PageDate(role, *parsed, source="time", text=time.text or time.datetime, locator=time.locator)


def _context_roles(context: str) -> list[str]:
    """The role named by the cue word closest before the <time>: "Published May 1, updated"."""
    cues = (
        (match.start(), role)
        for pattern, role in _ROLE_WORDS
        for match in pattern.finditer(context)
    )
    last = max(cues, default=None)
    return [last[1]] if last else []


def _text_dates(blocks: Iterable[Block]) -> Iterator[PageDate]:
    for block in blocks:
        if _CITATION.match(block.text):
            continue  # "Source: BLS ... (Last Modified Date: Thursday, August 28, 2025)" dates the source
        phrases = find_date_phrases(block.text)
        if not phrases and block.row_header:
            # a property table: "Last edited time | @July 21, 2026 4:02 PM"
            labelled = f"{block.row_header}: {block.text}"
            phrases = [p for p in find_date_phrases(labelled) if p.start < len(block.row_header) < p.end]
        section = block.heading_path[-1] if len(block.heading_path) >= 2 else ""
        for phrase in phrases:
            yield PageDate(
                phrase.role, phrase.value, phrase.precision, "text", phrase.text, block.locator, section=section
            )
