"""The HTML report: one self-contained file per run or on-demand audit.

No external resources (CSS and JavaScript are inlined, no fonts, no CDN), readable with
JavaScript off, and deterministic: the same result and history give the same bytes, because
nothing in it comes from the clock or the machine.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator
from datetime import datetime, timezone
from functools import cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from checks.engine import AuditResult
from reports.atomic import atomic_stream
from reports.history import ReportHistory
from reports.links import safe_href
from reports.reportview import SEVERITIES, build_view
from reports.ruledocs import rule_doc_html


# Run reports and the index of runs share one folder (see reports.index).
INDEX_NAME = "index.html"


def render(result: AuditResult, history: ReportHistory | None = None) -> str:
    """The report for result; history adds the run, what changed since the last run and the trend."""
    return "".join(_rendered_pieces(result, history))


def _rendered_pieces(result: AuditResult, history: ReportHistory | None) -> Iterator[str]:
    script = report_script()
    return environment().get_template("report.html").generate(
        view=build_view(result, history), severities=SEVERITIES, script=script, script_hash=csp_hash(script),
        index_name=INDEX_NAME,
    )


def run_report_name(run_id: int) -> str:
    return f"run-{run_id}.html"


def report_filename(result: AuditResult, history: ReportHistory | None) -> str:
    return run_report_name(history.run_id) if history else f"audit-{result.today.isoformat()}.html"


def write_run_report(result: AuditResult, history: ReportHistory | None, directory: Path) -> Path:
    """Render into directory/run-ID.html (audit-DATE.html without history), atomically.

    Written as the template produces it: a site's report runs to tens of megabytes, which as one
    string would set the crawl's peak memory."""
    path = Path(directory) / report_filename(result, history)
    with atomic_stream(path) as stream:
        stream.writelines(_rendered_pieces(result, history))
    return path


@cache
def report_script() -> Markup:
    """The filter script, inlined; its hash in the page's CSP is the only script allowed to run,
    so even markup that slipped past escaping could not execute."""
    return Markup(environment().get_template("report.js").render())


def csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"sha256-{base64.b64encode(digest).decode('ascii')}"


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("reports", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html",), default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["utc"] = utc_text
    env.filters["rule_doc"] = rule_doc_html
    env.filters["safe_href"] = safe_href
    return env


def utc_text(moment: datetime, pattern: str = "%Y-%m-%d %H:%M UTC") -> str:
    """'2026-11-25 06:00 UTC'; a naive time (SQLite drops the zone) is taken to be UTC."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    return aware.astimezone(timezone.utc).strftime(pattern)
