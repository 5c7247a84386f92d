"""A run's HTML report for the service: the file the crawl wrote, or rendered from the store.

When the run's report folder holds its HTML report (run-ID.html next to the run's report file),
that file is served as written. Otherwise the report is rendered from what the store kept: the
run's pages (their stored analyses when this release made them with the same facts, else the
stored bodies read again), audited as of the run's date with the service's fact file, with the run's history.
Completed runs never change, so a rendered report is kept in memory for the next request.
"""

from __future__ import annotations

from pathlib import Path

from checks.engine import AuditResult, AuditSettings, audit
from checks.facts import FactBase
from crawler.analysis import PageAnalysis, analyse, analysis_version
from crawler.store import RunRecord, Store
from crawler.web.cache import TtlCache
from reports.formats.html import render, run_report_name
from reports.history import history_for_run

HISTORY_RUNS = 200
KEPT_REPORTS = 16
MAX_STORED_PAGE_BYTES = 50 * 1024 * 1024


class NoReport(Exception):
    """The run exists but has no report (it failed, or is still running)."""


class RunReports:
    def __init__(self, store: Store, facts: FactBase, settings: AuditSettings = AuditSettings()) -> None:
        self._store = store
        self._facts = facts
        self._settings = settings
        self._rendered: TtlCache[str] = TtlCache(float("inf"), KEPT_REPORTS)

    def html(self, run_id: int) -> str:
        """The report of run_id; StoreError for an unknown run, NoReport for an unfinished one."""
        run = self._store.run(run_id)
        if run.status != "completed":
            detail = f": {run.error}" if run.error else ""
            raise NoReport(f"run {run_id} has no report: it is {run.status}{detail}")
        written = written_report(run)
        if written is not None:
            return written.read_text(encoding="utf-8")
        cached = self._rendered.get(str(run_id))
        if cached is None:
            history = history_for_run(run, self._store.runs(HISTORY_RUNS), self._store.findings)
            cached = render(self.reaudit(run), history)
            self._rendered.put(str(run_id), cached)
        return cached

    def reaudit(self, run: RunRecord) -> AuditResult:
        analyses = list(self._store.run_analyses(run.id, analysis_version(self._facts)))
        if len(analyses) != run.pages:
            # Analysed by another release or with other facts (or not readable): read the bodies again.
            read = (analyse(snapshot, self._facts, MAX_STORED_PAGE_BYTES) for snapshot, _ in self._store.snapshot_bodies(run.id))
            analyses = [page for page in read if isinstance(page, PageAnalysis)]
        return audit(
            [analysis.document for analysis in analyses], self._facts, run.started_at.date(), self._settings,
            self._store.failures(run.id), extractions={analysis.document.url: analysis.extraction for analysis in analyses},
        )


def written_report(run: RunRecord) -> Path | None:
    if not run.report_path:
        return None
    path = Path(run.report_path).with_name(run_report_name(run.id))
    return path if path.is_file() else None
