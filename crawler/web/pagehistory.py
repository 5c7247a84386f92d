"""One page across runs: when it was checked, how it answered, and its findings each time.

Read straight from the run store's tables (crawler.storeschema): the store's own API is organised
by run, this view by URL. A finding is "new" on a visit when the page's previous visit did not
have its fingerprint.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from crawler.store import Store, StoredFinding
from crawler.storeschema import FailureRow, FindingRow, RunRow, SnapshotRow

DEFAULT_VISITS = 50


@dataclass(frozen=True, slots=True)
class PageVisit:
    run_id: int
    started_at: datetime
    run_status: str
    outcome: str
    findings: tuple[StoredFinding, ...]
    new: frozenset[str]

    def count(self, severity: str) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)


@dataclass(frozen=True, slots=True)
class PageHistory:
    url: str
    visits: tuple[PageVisit, ...]  # newest first


def page_history(store: Store, url: str, limit: int = DEFAULT_VISITS) -> PageHistory:
    with Session(store.engine) as session:
        outcomes = _outcomes(session, url, limit)
        runs = {row.id: row for row in session.scalars(select(RunRow).where(RunRow.id.in_(outcomes)))}
        findings = _findings(session, url, list(outcomes))
    visits: list[PageVisit] = []
    previous: set[str] | None = None
    for run_id in sorted(outcomes):
        found = tuple(findings.get(run_id, ()))
        prints = {finding.fingerprint for finding in found}
        new = frozenset(prints - previous) if previous is not None else frozenset()
        run = runs[run_id]
        visits.append(PageVisit(run_id, run.started_at, run.status, outcomes[run_id], found, new))
        previous = prints
    return PageHistory(url, tuple(reversed(visits)))


def _outcomes(session: Session, url: str, limit: int) -> dict[int, str]:
    """run id -> how the page answered in that run, for its latest `limit` runs."""
    outcomes: dict[int, str] = {}
    for run_id, status, cached in session.execute(
        select(SnapshotRow.run_id, SnapshotRow.status, SnapshotRow.cached).where(SnapshotRow.url == url)
    ):
        outcomes[run_id] = f"HTTP {status}" + (" (unchanged, 304)" if cached else "")
    for run_id, reason in session.execute(select(FailureRow.run_id, FailureRow.reason).where(FailureRow.url == url)):
        outcomes.setdefault(run_id, f"could not be checked: {reason}")
    latest = sorted(outcomes, reverse=True)[:limit]
    return {run_id: outcomes[run_id] for run_id in latest}


def _findings(session: Session, url: str, run_ids: list[int]) -> dict[int, list[StoredFinding]]:
    by_run: dict[int, list[StoredFinding]] = {}
    rows = session.scalars(
        select(FindingRow).where(FindingRow.url == url, FindingRow.run_id.in_(run_ids)).order_by(FindingRow.id)
    )
    for row in rows:
        by_run.setdefault(row.run_id, []).append(
            StoredFinding(row.fingerprint, row.rule, row.severity, row.url, row.message, row.hint)
        )
    return by_run
