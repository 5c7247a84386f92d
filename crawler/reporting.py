"""Writing a run's reports, all through one function: the JSON document, the HTML report (with
what changed since the site's previous run and the trend) and the index of the folder's runs.

Every file is written atomically (reports.atomic), so a reader never sees half a report.
"""

from __future__ import annotations

from pathlib import Path

from checks.engine import AuditResult
from crawler.store import Store
from reports.atomic import atomic_write
from reports.formats.html import run_report_name, write_run_report
from reports.formats.json import render as render_json
from reports.history import history_for_run
from reports.index import write_index

HISTORY_RUNS = 200


def run_report_path(directory: Path, run_id: int) -> Path:
    """The report an editor opens (the HTML one); the JSON document sits beside it."""
    return directory / run_report_name(run_id)


def write_run_reports(result: AuditResult, store: Store, run_id: int, directory: Path) -> Path:
    """Write the run's reports into directory; the run must already be recorded as completed."""
    atomic_write(run_report_path(directory, run_id).with_suffix(".json"), render_json(result))
    run = store.run(run_id)
    # The folder belongs to one set of sites: its index and history leave other runs out.
    runs = [other for other in store.runs(HISTORY_RUNS) if set(other.sites) == set(run.sites)]
    path = write_run_report(result, history_for_run(run, runs, store.findings), directory)
    write_index(runs, directory)
    return path
