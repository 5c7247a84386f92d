"""Helpers for tests of the HTML report: hand-made runs and a structural scan of the output."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html.parser import HTMLParser

from pagekit import audit_pages, page

HOSTILE = '<script>alert(1)</script> "><img src=x onerror=alert(1)>'
HOSTILE_URL = 'https://example.org/a?q="><img src=x onerror=alert(1)>'


def escaped(text: str) -> str:
    """text as a page's HTML source writes it, so that the parsed page *text* contains it."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def hostile_result(facts):
    """A page whose text, title, link and URL are all hostile, plus a second page to contradict."""
    body = (
        f"<h2>CCMA exam {escaped(HOSTILE)}</h2>"
        f"<p>The CCMA exam has 200 questions {escaped(HOSTILE)}.</p>"
        '<p><a href="javascript:alert(1)">See the CCMA exam: 190 questions</a></p>'
        "<p>Reviewed 2026-01-02.</p>"
    )
    return audit_pages(
        facts,
        ("javascript:alert(1)", page(body, title=f"Guide {escaped(HOSTILE)}")),
        (HOSTILE_URL, page("<p>The CCMA exam has 210 questions.</p>")),
    )


@dataclass(frozen=True)
class Run:
    """A run as the store records it (the fields reports read)."""

    id: int
    sites: tuple[str, ...] = ("example",)
    status: str = "completed"
    started_at: dt.datetime = dt.datetime(2026, 11, 1, 6, 0)
    pages: int = 3
    cached_pages: int = 1
    failures: int = 0
    findings: int = 0


@dataclass(frozen=True)
class Past:
    """A finding as the store records it."""

    fingerprint: str
    rule: str = "contradicts-fact"
    severity: str = "error"
    url: str = "https://example.org/page"
    message: str = "a finding of an earlier run"


class Scan(HTMLParser):
    """Every start tag with its attributes, the headings in order and the text of each element."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[int] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.headings.append(int(tag[1]))

    def handle_data(self, data):
        self.text.append(data)

    def attrs(self, name: str) -> list[str]:
        return [a[name] for _, a in self.tags if a.get(name) is not None]

    def elements(self, tag: str, css_class: str | None = None) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag and (css_class is None or css_class in (a.get("class") or "").split())]
