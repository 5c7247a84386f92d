"""The index page: every run with its headline numbers, linking to each run's report.

Runs are records shaped like crawler.store.RunRecord (duck-typed, so `reports` never imports
`crawler`). Reports are linked by the name write_run_report gives them, in the same folder.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Protocol, Sequence

from reports.atomic import atomic_write
from reports.formats.html import INDEX_NAME, environment, run_report_name


class IndexedRun(Protocol):
    id: int
    sites: tuple[str, ...]
    status: str
    started_at: datetime
    pages: int
    cached_pages: int
    failures: int
    findings: int


def render_index(runs: Sequence[IndexedRun], title: str = "Content audit runs") -> str:
    """Newest run first; only completed runs have a report to link to."""
    ordered = sorted(runs, key=lambda run: run.id, reverse=True)
    return environment().get_template("index.html").render(runs=ordered, title=title, report_name=run_report_name)


def write_index(runs: Sequence[IndexedRun], directory: Path) -> Path:
    """Render the index into directory/index.html, atomically."""
    return atomic_write(Path(directory) / INDEX_NAME, render_index(runs))
