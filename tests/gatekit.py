"""Helpers for the CI gate's tests: audit results as the audit command builds them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from checks.engine import AuditResult, audit
from checks.model import PageFailure
from checks.positions import place_claims
from crawler.gate import with_unused_suppressions
from crawler.inputs import read_local

FIXTURES = Path(__file__).parent / "fixtures"
SEED_PAGES = (FIXTURES / "seed-site" / "cpt-vs-ccma.html", FIXTURES / "seed-site" / "medical-assistant-vs-phlebotomist.html")
TODAY = dt.date(2026, 11, 25)
MAX_BYTES = 5 * 1024 * 1024


def local_result(facts, *paths: Path, today: dt.date = TODAY, failures: tuple[PageFailure, ...] = ()) -> AuditResult:
    """Audit local files with positions and unused suppressions, like `content-audit audit`."""
    pages = [read_local(str(path), MAX_BYTES) for path in paths]
    result = audit([p.document for p in pages], facts, today, failures=failures)
    return with_unused_suppressions(place_claims(result, {p.document.url: p.source for p in pages}))


def write_page(directory: Path, name: str, body: str) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return path
