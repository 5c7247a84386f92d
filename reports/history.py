"""What a run's report needs beyond its own audit: where it sits among earlier runs.

The store (crawler/store.py) holds runs and their findings; this module only reads records
shaped like the store's (duck-typed through the protocols below, so `reports` never imports
`crawler`) and works out what is new, resolved and persisting, and the trend of counts.

Typical wiring, given a Store:

    run = store.run(run_id)
    history = history_for_run(run, store.runs(limit=50), store.findings)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Callable, Iterable, Protocol, Sequence

if TYPE_CHECKING:
    from checks.engine import AuditResult
    from checks.model import Finding

DEFAULT_TREND_RUNS = 12


class KnownFinding(Protocol):
    """A finding as a past run stored it (crawler.store.StoredFinding has this shape)."""

    fingerprint: str
    rule: str
    severity: str
    url: str
    message: str


class RunLike(Protocol):
    """A run as the store records it (crawler.store.RunRecord has this shape)."""

    id: int
    sites: tuple[str, ...]
    status: str
    started_at: datetime
    cached_pages: int


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """One run's finding counts by severity, for the trend chart."""

    run_id: int
    started_at: datetime
    errors: int
    warnings: int
    infos: int

    @property
    def total(self) -> int:
        return self.errors + self.warnings + self.infos

    @classmethod
    def of(cls, run_id: int, started_at: datetime, severities: Iterable[str]) -> TrendPoint:
        counts = Counter(severities)
        return cls(run_id, started_at, counts["error"], counts["warning"], counts["info"])


@dataclass(frozen=True, slots=True)
class ReportHistory:
    """The run being reported and what came before it.

    previous_run_id is None on a site's first run: nothing is then called new or resolved.
    trend holds earlier runs, oldest first; the report adds the current run itself.
    """

    run_id: int
    started_at: datetime
    sites: tuple[str, ...] = ()
    previous_run_id: int | None = None
    previous_findings: tuple[KnownFinding, ...] = ()
    trend: tuple[TrendPoint, ...] = ()
    pages_unchanged: int = 0


@dataclass(frozen=True, slots=True)
class FindingDiff:
    """This run against the previous one, by fingerprint.

    resolved are previous findings gone from a page this run checked; unchecked are previous
    findings on pages this run could not fetch or did not crawl: gone, but not known to be fixed.
    """

    new: frozenset[str]
    persisting: frozenset[str]
    resolved: tuple[KnownFinding, ...]
    unchecked: tuple[KnownFinding, ...]

    def status(self, finding: Finding) -> str:
        if finding.fingerprint in self.new:
            return "new"
        return "persisting" if finding.fingerprint in self.persisting else ""


NO_DIFF = FindingDiff(frozenset(), frozenset(), (), ())


def compare(result: AuditResult, history: ReportHistory | None) -> FindingDiff:
    """Which of this run's findings are new or persisting, and which earlier ones went away."""
    if history is None or history.previous_run_id is None:
        return NO_DIFF
    current = {finding.fingerprint for finding in result.findings}
    before = {finding.fingerprint for finding in history.previous_findings}
    checked_pages = {page.url for page in result.pages}
    gone = _unique(f for f in history.previous_findings if f.fingerprint not in current)
    return FindingDiff(
        new=frozenset(current - before),
        persisting=frozenset(current & before),
        resolved=tuple(f for f in gone if f.url in checked_pages),
        unchecked=tuple(f for f in gone if f.url not in checked_pages),
    )


def _unique(findings: Iterable[KnownFinding]) -> list[KnownFinding]:
    seen: set[str] = set()
    kept = []
    for finding in findings:
        if finding.fingerprint not in seen:
            seen.add(finding.fingerprint)
            kept.append(finding)
    return kept


def history_for_run(
    run: RunLike,
    runs: Sequence[RunLike],
    findings_of: Callable[[int], Sequence[KnownFinding]],
    trend_runs: int = DEFAULT_TREND_RUNS,
) -> ReportHistory:
    """The history of `run` among `runs` (any order), reading findings with `findings_of(run_id)`.

    Only completed runs over the same set of sites count as earlier runs: a run of one site is
    not compared with a run of all of them. trend_runs (at least 1) counts the current run.
    """
    if trend_runs < 1:
        raise ValueError(f"trend_runs must be at least 1, got {trend_runs}")
    earlier = sorted(
        (r for r in runs if r.id < run.id and r.status == "completed" and set(r.sites) == set(run.sites)),
        key=lambda r: r.id,
    )
    previous = earlier[-1] if earlier else None
    # The chart shows trend_runs bars, the last of them the current run.
    window = earlier[max(len(earlier) - (trend_runs - 1), 0) :]
    findings = {r.id: findings_of(r.id) for r in (*window, *([previous] if previous else []))}
    return ReportHistory(
        run_id=run.id,
        started_at=run.started_at,
        sites=tuple(run.sites),
        previous_run_id=previous.id if previous else None,
        previous_findings=tuple(findings[previous.id]) if previous else (),
        trend=tuple(TrendPoint.of(r.id, r.started_at, (f.severity for f in findings[r.id])) for r in window),
        pages_unchanged=run.cached_pages,
    )
