"""`content-audit runs` and `content-audit diff`: the history in the store."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import click

from crawler.commands.common import data_dir_option, opened_store, store_option, user_errors
from crawler.rundiff import diff_findings

if TYPE_CHECKING:
    from crawler.store import RunRecord, StoredFinding


@click.command("runs")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="How many recent runs.")
@data_dir_option
@store_option
def runs_command(limit: int, data_dir: Path | None, store_url: str | None) -> None:
    """List past runs, newest first, with their page, failure and finding counts."""
    with user_errors():
        records = opened_store(data_dir, store_url).runs(limit)
    if not records:
        click.echo("No runs yet: start one with `content-audit crawl` or `content-audit demo`.")
        return
    click.echo(f"{'run':>5}  {'started (UTC)':<16}  {'status':<10}  {'pages':>5}  {'304':>5}  {'failed':>6}  {'findings':>8}  sites")
    for record in records:
        click.echo(_run_line(record))


def _run_line(record: RunRecord) -> str:
    line = (
        f"{record.id:>5}  {_utc(record.started_at):<16}  {record.status:<10}  {record.pages:>5}  "
        f"{record.cached_pages:>5}  {record.failures:>6}  {record.findings:>8}  {','.join(record.sites)}"
    )
    return line + (f"\n       {record.error}" if record.error else "")


def _utc(moment: datetime) -> str:
    # SQLite hands back naive datetimes; the store only ever writes UTC.
    aware = moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    return aware.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M")


@click.command("diff")
@click.argument("run_a", type=int)
@click.argument("run_b", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print the diff as JSON.")
@click.option("--persisting/--no-persisting", default=False, help="Also list findings present in both runs.")
@data_dir_option
@store_option
def diff_command(run_a: int, run_b: int, as_json: bool, persisting: bool, data_dir: Path | None, store_url: str | None) -> None:
    """Findings new in RUN_B, resolved since RUN_A, and persisting, matched by stable fingerprint."""
    with user_errors():
        store = opened_store(data_dir, store_url)
        diff = diff_findings(store.findings(run_a), store.findings(run_b))
    if as_json:
        click.echo(json.dumps({name: [asdict(f) for f in getattr(diff, name)] for name in ("new", "resolved", "persisting")}, indent=2))
        return
    click.echo(f"Run {run_a} -> run {run_b}: {len(diff.new)} new, {len(diff.resolved)} resolved, {len(diff.persisting)} persisting")
    sections = [("New", diff.new), ("Resolved", diff.resolved)] + ([("Persisting", diff.persisting)] if persisting else [])
    for title, findings in sections:
        if findings:
            click.echo(f"\n{title}:")
            click.echo("\n".join(_finding_line(finding) for finding in findings))


def _finding_line(finding: StoredFinding) -> str:
    return f"  {finding.severity:<7} {finding.rule}  {finding.url}\n          {finding.message}"
