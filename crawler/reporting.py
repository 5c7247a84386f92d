"""Writing a run's reports, all through one function: the JSON document, the HTML report (with
what changed since the site's previous run and the trend) and the index of the folder's runs.

Every file is written atomically (reports.atomic), so a reader never sees half a report, and
piece by piece: a large site's reports would otherwise sit in memory whole, as strings several
times the size of the audit they describe.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

from checks.engine import AuditResult
from crawler.store import Store
from reports.atomic import atomic_stream
from reports.formats.html import run_report_name, write_run_report
from reports.formats.json import dumps, page_to_dict, result_to_dict, summary
from reports.history import history_for_run
from reports.index import write_index

HISTORY_RUNS = 200
# Where the pages go in the JSON document: the only `[]` value of a key named "pages".
_PAGES_SLOT = '"pages": []'
_PAGE_INDENT = " " * 4


def run_report_path(directory: Path, run_id: int) -> Path:
    """The report an editor opens (the HTML one); the JSON document sits beside it."""
    return directory / run_report_name(run_id)


def write_run_reports(result: AuditResult, store: Store, run_id: int, directory: Path) -> Path:
    """Write the run's reports into directory; the run must already be recorded as completed."""
    write_run_json(result, run_report_path(directory, run_id).with_suffix(".json"))
    run = store.run(run_id)
    # The folder belongs to one set of sites: its index and history leave other runs out.
    runs = [other for other in store.runs(HISTORY_RUNS) if set(other.sites) == set(run.sites)]
    path = write_run_report(result, history_for_run(run, runs, store.findings), directory)
    write_index(runs, directory)
    return path


def write_run_json(result: AuditResult, path: Path) -> None:
    with atomic_stream(path) as stream:
        stream.writelines(json_pieces(result))


def json_pieces(result: AuditResult) -> Iterator[str]:
    """reports.formats.json's document, byte for byte, one page at a time.

    The document without its pages is rendered whole and the pages are spliced in where its
    empty list stands, each rendered on its own and indented to its depth (JSON strings escape
    newlines, so every newline in a rendered page is layout)."""
    skeleton = result_to_dict(dataclasses.replace(result, pages=()))
    skeleton["summary"] = summary(result)
    head, tail = dumps(skeleton).split(_PAGES_SLOT, 1)
    yield head + '"pages": ['
    for number, page in enumerate(result.pages):
        rendered = dumps(page_to_dict(page)).replace("\n", "\n" + _PAGE_INDENT)
        yield ("," if number else "") + "\n" + _PAGE_INDENT + rendered
    yield ("\n  ]" if result.pages else "]") + tail + "\n"
