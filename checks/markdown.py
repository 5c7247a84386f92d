"""Markdown with YAML front matter -> Document, as static site generators build pages.

The body is rendered to HTML with markdown-it-py (CommonMark, tables, raw HTML kept so editors'
`<!-- content-audit: ignore ... -->` comments survive) and parsed like any other page, so blocks,
headings and tables mean the same thing for both sources. The front matter gives the title and
the page dates: `date` (published), `lastmod` / `updated` (modified) and `reviewed`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from markdown_it import MarkdownIt
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from checks.dates import parse_date_value
from checks.document import normalize_text, parse_html
from checks.errors import AuditInputError
from checks.model import Document, PageDate, SourcePosition

MARKDOWN_SUFFIXES = (".md", ".markdown")
DATE_KEYS = {"date": "published", "lastmod": "modified", "updated": "modified", "reviewed": "reviewed"}
FRONT_MATTER_LOCATOR = "front-matter"
_FENCE = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n")
_CLOSING_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The YAML block at the top of a Markdown file, and where the body starts."""

    values: dict
    text: str
    first_line: int  # line of the front matter's first key, 1-based
    body_offset: int  # character offset of the body in the file


def parse_markdown(text: str, url: str) -> Document:
    """A Markdown page as a Document; AuditInputError for unreadable front matter or dates."""
    front = split_front_matter(text)
    document = parse_html(_renderer().render(text[front.body_offset :]), url)
    title = front.values.get("title")
    dates = front_matter_dates(front)
    return dataclasses.replace(
        document,
        title=normalize_text(str(title)) if title else document.title,
        dates=dates + document.dates,
    )


def split_front_matter(text: str) -> FrontMatter:
    """The front matter between `---` fences (none: empty values, body at 0)."""
    fences = _fences(text)
    if fences is None:
        return FrontMatter({}, "", 1, 0)
    yaml_start, yaml_end, body = fences
    yaml_text = text[yaml_start:yaml_end]
    return FrontMatter(_load_yaml(yaml_text), yaml_text, 2, body)


def body_offset(text: str) -> int:
    """Where the Markdown body starts, without reading the front matter's YAML."""
    fences = _fences(text)
    return fences[2] if fences else 0


def front_matter_dates(front: FrontMatter) -> tuple[PageDate, ...]:
    dates = []
    for key, role in DATE_KEYS.items():
        if key not in front.values or front.values[key] is None:
            continue
        value, precision = _date_of(key, front.values[key])
        written = f"{key}: {_written_value(front, key)}"  # as the source shows it: "lastmod: 2026-07-30"
        dates.append(PageDate(role, value, precision, "front-matter", written, f"{FRONT_MATTER_LOCATOR} > {key}", _key_position(front, key)))
    return tuple(dates)


def _fences(text: str) -> tuple[int, int, int] | None:
    """(start, end) of the YAML between the fences and the body's start; None without fences."""
    opening = _FENCE.match(text)
    if opening is None:
        return None
    closing = _CLOSING_FENCE.search(text, opening.end())
    if closing is None:
        raise AuditInputError("front matter opened with '---' is never closed")
    return opening.end(), closing.start(), closing.end()


def _load_yaml(yaml_text: str) -> dict:
    try:
        values = YAML(typ="safe", pure=True).load(yaml_text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f" at line {mark.line + 2}" if mark else ""
        raise AuditInputError(f"front matter is not valid YAML{where}: {error.problem or error.context}") from None
    except YAMLError as error:
        raise AuditInputError(f"front matter is not valid YAML: {error}") from None
    if values is None:
        return {}
    if not isinstance(values, dict):
        raise AuditInputError(f"front matter must be a mapping of keys to values, got {type(values).__name__}")
    return values


def _date_of(key: str, value: object) -> tuple[dt.date, str]:
    """YAML reads unquoted ISO dates itself; quoted ones go through the page-date parser."""
    if isinstance(value, dt.datetime):
        return value.date(), "day"
    if isinstance(value, dt.date):
        return value, "day"
    parsed = parse_date_value(str(value)) if isinstance(value, (str, int)) else None
    if parsed is None:
        raise AuditInputError(f"front matter `{key}`: expected a date such as 2026-06-18, got {value!r}")
    return parsed


def _key_match(front: FrontMatter, key: str) -> re.Match[str] | None:
    return re.search(rf"^{re.escape(key)}[ \t]*:[ \t]*(?P<value>[^\r\n]*)", front.text, re.MULTILINE)


def _written_value(front: FrontMatter, key: str) -> str:
    match = _key_match(front, key)
    written = match.group("value").strip().strip("'\"") if match else ""
    return written or str(front.values[key])


def _key_position(front: FrontMatter, key: str) -> SourcePosition | None:
    match = _key_match(front, key)
    if match is None:
        return None
    line = front.first_line + front.text.count("\n", 0, match.start())
    return SourcePosition(line, 1)  # keys start their line: "lastmod: 2026-07-30"


@cache
def _renderer() -> MarkdownIt:
    # footnotes ("[^1]" and its note at the bottom) and definition lists, as docs sites write them
    return MarkdownIt("commonmark", {"html": True}).enable("table").use(footnote_plugin).use(deflist_plugin)
