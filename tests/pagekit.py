"""Helpers for tests that audit small hand-made pages."""

from __future__ import annotations

import datetime as dt

from checks.document import parse_html
from checks.engine import AuditResult, AuditSettings, audit

TODAY = dt.date(2026, 11, 25)


def page(body: str, title: str = "Career guide", head: str = "") -> str:
    """A minimal article page around some body HTML."""
    return f"<!DOCTYPE html><html><head><title>{title}</title>{head}</head><body><main><article>{body}</article></main></body></html>"


def audit_pages(facts, *pages: tuple[str, str], today: dt.date = TODAY, settings: AuditSettings = AuditSettings()) -> AuditResult:
    """Audit (url, html) pairs together."""
    return audit([parse_html(html, url) for url, html in pages], facts, today, settings)


def audit_html(facts, html: str, url: str = "page.html", today: dt.date = TODAY) -> AuditResult:
    return audit_pages(facts, (url, html), today=today)
