"""A page's stored analysis must audit exactly like the page it came from, and be reused only
when the code and the fact base that made it are the ones running now."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

import config
from checks.factfile import load_facts
from checks.document import parse_html
from checks.engine import AuditResult, audit
from checks.extract import extract
from checks.model import Document, PageFailure
from crawler.analysis import PageAnalysis, analyse, analysis_version, audit_document
from crawler.snapshot import Snapshot
from crawler.store import open_store

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = date(2026, 11, 25)
SITES = ("seed-site", "pages", "realistic", "realistic2", "realistic3")
# Ignore comments that cover a table and a paragraph, a table whose rows miss their total, a date.
SUPPRESSED_PAGE = """<html><head><title>CCMA exam</title></head><body><main>
<p>Reviewed 2026-01-05.</p>
<!-- content-audit: ignore arithmetic -- the vendor's own table -->
<table><tr><th>Domain</th><th>Questions</th></tr><tr><td>Safety</td><td>40</td></tr>
<tr><td>Care</td><td>70</td></tr><tr><td>Total</td><td>120</td></tr></table>
<table><tr><th>Part</th><th>Items</th></tr><tr><td>Scored</td><td>100</td></tr>
<tr><td>Pretest</td><td>20</td></tr><tr><td>Total</td><td>130</td></tr></table>
<!-- content-audit: ignore contradicts-fact -- checking with NHA -->
<p>The CCMA exam has 200 questions.</p>
<!-- content-audit: ignore stale-review -->
<p>The CCMA exam has 180 questions in 3 hours.</p>
</main></body></html>"""


def fixture_documents(site: str) -> list[Document]:
    pages = sorted((FIXTURES / site).glob("*.html"))
    return [parse_html(page.read_text(encoding="utf-8"), f"https://{site}.example/{page.name}") for page in pages]


def snapshot(url: str, body: bytes, encoding: str | None = "utf-8") -> Snapshot:
    return Snapshot(url=url, fetched_at=datetime.now(timezone.utc), status=200, body=body, encoding=encoding)


def outcome(result: AuditResult) -> tuple:
    """Everything an audit reports, in comparable form."""
    return (
        [(p.url, p.title, p.dates, p.claims) for p in result.pages],
        [(f.fingerprint, f.severity, f.message, f.hint, f.claims, f.location) for f in result.findings],
        [(s.finding.fingerprint, s.by) for s in result.suppressed],
        result.unused_suppressions,
    )


def audit_analysed(documents: list[Document], facts) -> AuditResult:
    analyses = [PageAnalysis(audit_document(d), extract(d, facts)) for d in documents]
    return audit(
        [a.document for a in analyses], facts, TODAY,
        extractions={a.document.url: a.extraction for a in analyses},
    )


@pytest.mark.parametrize("site", SITES)
def test_a_site_audited_from_its_analyses_reports_what_its_full_pages_do(site, facts):
    documents = fixture_documents(site)
    assert documents
    assert outcome(audit_analysed(documents, facts)) == outcome(audit(documents, facts, TODAY))


def test_suppressions_and_table_totals_work_on_the_analysed_page(facts):
    documents = [parse_html(SUPPRESSED_PAGE, "https://example.com/ccma")]
    full = audit(documents, facts, TODAY)
    assert {s.finding.rule for s in full.suppressed} >= {"arithmetic", "contradicts-fact"}
    assert "arithmetic" in {f.rule for f in full.findings}
    assert outcome(audit_analysed(documents, facts)) == outcome(full)


def test_analysis_keeps_only_what_the_rules_read_besides_claims(facts):
    page = snapshot("https://example.com/ccma", SUPPRESSED_PAGE.encode())
    analysis = analyse(page, facts, 1_000_000)
    full = parse_html(SUPPRESSED_PAGE, page.url)
    assert isinstance(analysis, PageAnalysis)
    assert analysis.document.blocks == tuple(b for b in full.blocks if b.table is not None)
    assert (analysis.document.title, analysis.document.dates, analysis.document.suppressions) == (
        full.title, full.dates, full.suppressions,
    )
    assert analysis.extraction.claims


def test_an_unreadable_page_is_a_failure_with_its_reason(facts):
    failure = analyse(snapshot("https://example.com/big", b"<p>" + b"x" * 5000 + b"</p>"), facts, 1000)
    assert isinstance(failure, PageFailure)
    assert failure.reason.startswith("cannot read page:")


def test_the_analysis_version_follows_the_facts_not_their_loading(facts):
    again = load_facts(config.DEFAULT_FACTS.read_text(encoding="utf-8"), "facts.yaml")
    assert analysis_version(again) == analysis_version(facts)
    changed = replace(facts, facts=facts.facts[1:])
    assert analysis_version(changed) != analysis_version(facts)


def test_the_analysis_version_is_the_same_in_every_process(facts):
    program = (
        "import config; from checks.factfile import load_facts; from crawler.analysis import analysis_version;"
        "print(analysis_version(load_facts(config.DEFAULT_FACTS.read_text(encoding='utf-8'), 'facts.yaml')))"
    )
    versions = {
        subprocess.run(
            [sys.executable, "-c", program], capture_output=True, text=True, check=True,
            env={"PYTHONHASHSEED": seed},
        ).stdout.strip()
        for seed in ("1", "2")
    }
    assert versions == {analysis_version(facts)}


def test_the_store_hands_back_a_run_s_analyses_for_its_version_only(tmp_path, facts):
    store = open_store(f"sqlite:///{tmp_path / 'audit.db'}")
    run = store.start_run(["site"])
    page = snapshot("https://example.com/ccma", SUPPRESSED_PAGE.encode())
    analysis = analyse(page, facts, 1_000_000)
    store.add_snapshot(run, page, analysis, "v1")
    store.add_snapshot(run, snapshot("https://example.com/other", b"<p>Other</p>"))
    assert store.analysed_pages("v1") == {(page.url, page.content_hash)}
    assert store.analysed_pages("v2") == set()
    assert list(store.run_analyses(run, "v1")) == [analysis]
    assert list(store.run_analyses(run, "v2")) == []
    store.close()
