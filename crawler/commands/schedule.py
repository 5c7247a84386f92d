"""`content-audit schedule`: the long-running scheduler."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import click

from crawler.commands.common import data_dir_option, resolve_state, sites_option, store_option, user_errors


@click.command("schedule")
@sites_option
@data_dir_option
@store_option
@click.option(
    "--time-limit", type=click.FloatRange(min=1), default=4 * 3600, show_default=True,
    help="Seconds a crawl may run before it is stopped.",
)
def schedule_command(sites_file: Path, data_dir: Path | None, store_url: str | None, time_limit: float) -> None:
    """Run each site's crawl on its schedule until stopped with SIGTERM or Ctrl-C.

    Jobs live in the run store, so a restart neither loses nor doubles a run; a run missed while
    the scheduler was down is made up once. Each crawl runs in its own process with a time limit,
    and a site is never crawled twice at once.
    """
    from crawler.scheduler import CrawlCommand, serve
    from crawler.sites import read_sites

    with user_errors():
        config = read_sites(sites_file)
        directory, url = resolve_state(data_dir, store_url)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s [%(name)s] %(levelname)s: %(message)s")
    # APScheduler's own INFO lines ("Added job", "Running job") duplicate ours.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    command = CrawlCommand(str(sites_file.resolve()), str(directory), url, time_limit)
    asyncio.run(serve(config, command))
