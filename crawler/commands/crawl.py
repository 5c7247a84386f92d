"""`content-audit crawl`: one run now."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from crawler.commands.common import data_dir_option, resolve_state, sites_option, store_option, user_errors

if TYPE_CHECKING:
    from crawler.crawlrun import RunOutcome


@click.command("crawl")
@click.option("--site", "site_names", multiple=True, metavar="NAME", help="Crawl only this site (repeatable).")
@sites_option
@data_dir_option
@store_option
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), help="Audit as of this date [default: today].")
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's own log lines.")
def crawl_command(
    site_names: tuple[str, ...], sites_file: Path, data_dir: Path | None, store_url: str | None,
    today, verbose: bool,
) -> None:
    """Crawl the configured sites now, audit every page together, store the run and write its report.

    Cross-page checks run over all the pages of all the sites crawled in the run. Prints a summary
    and the report's path; pages that could not be checked are listed in the report with the reason.
    """
    from crawler.crawlrun import RunInterrupted, execute_run, plan_run
    from crawler.sites import read_sites

    with user_errors():
        directory, url = resolve_state(data_dir, store_url)
        plan = plan_run(read_sites(sites_file), site_names, directory, url, today.date() if today else date.today())
        try:
            outcome = execute_run(plan, verbose=verbose)
        except RunInterrupted as error:
            raise click.ClickException(str(error)) from None
    report_outcome(outcome)


def report_outcome(outcome: RunOutcome) -> None:
    from crawler.summary import run_summary

    click.echo(run_summary(outcome.record, outcome.result))
    click.echo(f"Report: {outcome.record.report_path}")
