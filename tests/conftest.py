from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import config
from checks.document import parse_html
from checks.engine import AuditResult, AuditSettings, audit
from checks.factfile import load_facts

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = dt.date(2026, 11, 25)


@pytest.fixture(scope="session")
def facts():
    return load_facts(config.DEFAULT_FACTS.read_text(encoding="utf-8"), "facts.yaml")


def page(body: str, title: str = "Career guide", head: str = "") -> str:
    """A minimal article page around some body HTML."""
    return f"<!DOCTYPE html><html><head><title>{title}</title>{head}</head><body><main><article>{body}</article></main></body></html>"


def audit_pages(facts, *pages: tuple[str, str], today: dt.date = TODAY, settings: AuditSettings = AuditSettings()) -> AuditResult:
    """Audit (url, html) pairs together."""
    return audit([parse_html(html, url) for url, html in pages], facts, today, settings)


def audit_html(facts, html: str, url: str = "page.html", today: dt.date = TODAY) -> AuditResult:
    return audit_pages(facts, (url, html), today=today)
