"""One-paragraph summaries of a run for the terminal."""

from __future__ import annotations

from collections import Counter

from checks.engine import AuditResult
from crawler.store import RunRecord


def run_summary(record: RunRecord, result: AuditResult) -> str:
    severities = Counter(finding.severity.value for finding in result.findings)
    by_severity = ", ".join(f"{severities[s]} {s}" for s in ("error", "warning", "info") if severities[s])
    lines = [
        f"Run {record.id} ({', '.join(record.sites)}) {record.status}: {record.pages} pages"
        f" ({record.cached_pages} unchanged since the last crawl, {record.parsed_pages} parsed),"
        f" {record.failures} could not be checked, {record.findings} findings"
        + (f" ({by_severity})" if by_severity else "")
    ]
    lines += [f"  could not check {failure.url}: {failure.reason}" for failure in result.failures]
    return "\n".join(lines)
