"""Report-writing benchmark: a large run's JSON document and HTML report, without a crawl.

The run is the seed pages' generated variants (bench_crawl.generate_site: the seed pages with
their figures varied per page), audited together as one site, with a previous run whose
findings half persist. Prints, for each report, the best of several rounds of writing the file
the crawl writes, its size, and its ratio to the baseline measured in the same run:
`json.dumps(result_to_dict(result))`, the document built and encoded compactly by the standard
library's C encoder, the least any JSON report of the run can cost. Run:
  .venv/bin/python tests/benchmarks/bench_reports.py [--pages 1000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import tempfile
from collections.abc import Callable
from pathlib import Path

import config
from bench_crawl import generate_site
from checks.document import parse_html
from checks.engine import AuditResult, audit
from checks.factfile import load_facts
from checks.facts import FactBase
from crawler.reporting import write_run_json
from crawler.store import StoredFinding
from reports.formats import json as json_format
from reports.formats.html import write_run_report
from reports.formats.json import result_to_dict
from reports.history import ReportHistory
from timing import fastest_ms

SITE = "https://guides.example.org/"
TODAY = dt.date(2026, 11, 25)


def large_result(pages: int, facts: FactBase, work: Path) -> AuditResult:
    generate_site(work, pages)
    documents = [
        parse_html((work / "guides" / f"page-{index}.html").read_text(encoding="utf-8"), f"{SITE}guides/page-{index}.html")
        for index in range(pages)
    ]
    return audit(documents, facts, TODAY)


def previous_run_history(result: AuditResult) -> ReportHistory:
    """Run 2 of the site: every other finding was already there in run 1."""
    earlier = tuple(StoredFinding(f.fingerprint, f.rule, f.severity.value, f.url, f.message, f.hint) for f in result.findings[::2])
    return ReportHistory(2, dt.datetime(2026, 11, 25, 6), ("guides",), 1, earlier, (), 0)


def measured(label: str, action: Callable[[], object], rounds: int, path: Path | None, baseline_ms: float | None) -> float:
    took = fastest_ms(action, rounds)
    size = f"{path.stat().st_size / 1e6:7.1f} MB" if path else " " * 10
    ratio = f"{took / baseline_ms:6.1f}x" if baseline_ms else "   1.0x"
    print(f"  {label:<66} {took:8.0f} ms {size} {ratio}")
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    facts = load_facts(config.DEFAULT_FACTS.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="bench-reports-") as temporary:
        work = Path(temporary)
        result = large_result(options.pages, facts, work / "site")
        history = previous_run_history(result)
        reports = work / "reports"
        reports.mkdir()
        print(f"{len(result.pages)} pages, {len(result.findings)} findings; best of {options.rounds} rounds, ratio to the baseline")
        baseline = measured(
            "baseline: json.dumps(result_to_dict(result)), compact", lambda: json.dumps(result_to_dict(result)),
            options.rounds, None, None,
        )
        measured(
            "json.dumps(result_to_dict(result), indent=2): the encoder before",
            lambda: json.dumps(result_to_dict(result), indent=2, ensure_ascii=False), options.rounds, None, baseline,
        )
        json_path = reports / "run-2.json"
        measured("run-N.json (crawler.reporting.write_run_json)", lambda: write_run_json(result, json_path), options.rounds, json_path, baseline)
        measured("audit --format json (reports.formats.json.render)", lambda: json_format.render(result), options.rounds, None, baseline)
        html_path = reports / "run-2.html"
        measured(
            "run-N.html (reports.formats.html.write_run_report)", lambda: write_run_report(result, history, reports),
            options.rounds, html_path, baseline,
        )


if __name__ == "__main__":
    main()
