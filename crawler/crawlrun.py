"""One run: crawl the chosen sites, audit every page together, store everything, write the report.

The run is recorded as running before the first request and closed as completed or failed
whatever happens (an interrupted crawl is failed, not audited as if it were the whole site);
only a SIGKILL leaves it running, and the store marks it incomplete the next time it is used.
"""

from __future__ import annotations

import logging
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from checks.engine import AuditResult, AuditSettings, audit
from checks.facts import FactBase
from checks.factfile import load_facts
from checks.errors import FactFileError
from crawler.analysis import analysis_version
from crawler.childprocess import call_in_child
from crawler.process import SpiderJob, configure_logging, run_spiders
from crawler.reporting import run_report_path, write_run_reports
from crawler.settings import crawl_settings
from crawler.sites import Site, SitesConfig
from crawler.store import RunRecord, Store, open_store

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RunPlan:
    """Everything a run needs, resolved before any work starts (so config errors come first)."""

    sites: tuple[Site, ...]
    facts: FactBase
    store_url: str
    report_dir: Path
    today: date
    setting_overrides: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class RunOutcome:
    record: RunRecord
    result: AuditResult


def read_facts(path: Path) -> FactBase:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise FactFileError(str(path), None, f"cannot read the fact file: {error.strerror}") from None
    return load_facts(text, str(path))


def plan_run(
    config: SitesConfig, names: tuple[str, ...], data_dir: Path, store_url: str, today: date, **overrides: Any
) -> RunPlan:
    sites = config.select(names)
    return RunPlan(
        sites, read_facts(config.facts_path), store_url, config.report_dir(sites, data_dir), today,
        tuple(overrides.items()),
    )


def execute_run(plan: RunPlan, verbose: bool = False) -> RunOutcome:
    configure_logging(verbose)
    store = open_store(plan.store_url)
    _interrupt_on_sigterm()
    run_id = store.start_run([site.name for site in plan.sites])
    try:
        jobs = [
            SpiderJob(
                site, crawl_settings(site, plan.store_url, run_id, plan.facts, **dict(plan.setting_overrides))
            )
            for site in plan.sites
        ]
        with phase("Crawl"):
            outcomes = call_in_child(run_spiders, jobs, None, verbose)
            interrupted = [outcome.site for outcome in outcomes if outcome.interrupted]
        if interrupted:
            raise RunInterrupted(f"crawl of {', '.join(interrupted)} was interrupted before it finished")
        _interrupt_on_sigterm()
        with phase("Audit"):
            result = audit_run(plan, store, run_id)
        with phase("Storing results and writing reports"):
            store.complete_run(run_id, result, str(run_report_path(plan.report_dir, run_id)))
            write_run_reports(result, store, run_id, plan.report_dir)
        return RunOutcome(store.run(run_id), result)
    except BaseException as error:
        store.fail_run(run_id, str(error) or type(error).__name__)
        raise
    finally:
        store.close()


def audit_run(plan: RunPlan, store: Store, run_id: int) -> AuditResult:
    """The rules over every page the run analysed (the crawl extracted the claims as it went)."""
    analyses = list(store.run_analyses(run_id, analysis_version(plan.facts)))
    return audit(
        [analysis.document for analysis in analyses], plan.facts, plan.today,
        # One threshold per audit: a run over several sites uses the strictest of theirs.
        AuditSettings(stale_after_days=min(site.stale_after_days for site in plan.sites)),
        store.failures(run_id),
        extractions={analysis.document.url: analysis.extraction for analysis in analyses},
    )


@contextmanager
def phase(name: str) -> Iterator[None]:
    started = time.perf_counter()
    yield
    logger.info("%s took %.1f s", name, time.perf_counter() - started)


class RunInterrupted(Exception):
    """The crawl stopped early (SIGTERM, SIGINT): its pages are not the whole site."""


def _interrupt_on_sigterm() -> None:
    """Outside the crawl (whose reactor handles SIGTERM itself, stopping gracefully), SIGTERM
    raises RunInterrupted so the run is recorded as failed rather than left running."""
    signal.signal(signal.SIGTERM, _raise_interrupted)


def _raise_interrupted(signum: int, _frame: object) -> None:
    raise RunInterrupted(f"run interrupted by {signal.Signals(signum).name}")
