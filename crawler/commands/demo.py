"""`content-audit demo`: the whole service end to end on the bundled example site, no setup."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from config import CONFIG_DIR, DEFAULT_FACTS
from crawler.commands.common import data_dir_option, resolve_state, store_option, user_errors
from crawler.commands.crawl import report_outcome
from crawler.localsite import serve_directory
from crawler.paths import default_report_dir

EXAMPLE_SITE = CONFIG_DIR / "example-site"
DEMO_SITE_NAME = "example"
# Page URLs include the port: the same port on every demo keeps the HTTP cache (304s) and the
# findings' fingerprints (diff) comparable between runs. Any free port when it is taken.
DEMO_PORT = 8737


@click.command("demo")
@data_dir_option
@store_option
def demo_command(data_dir: Path | None, store_url: str | None) -> None:
    """Serve the bundled example site on a loopback port, crawl and audit it, and write the report.

    Uses the bundled fact file and the same crawler, store and report as `crawl`; run it twice to
    see the second crawl answered by 304s, then try `content-audit runs`.
    """
    from crawler.crawlrun import RunPlan, execute_run, read_facts
    from crawler.sites import Politeness, Site

    with user_errors():
        directory, url = resolve_state(data_dir, store_url)
        facts = read_facts(DEFAULT_FACTS)
        with serve_directory(EXAMPLE_SITE, preferred_port=DEMO_PORT) as base_url:
            click.echo(f"Serving the example site at {base_url}")
            site = Site(
                name=DEMO_SITE_NAME, start_urls=[base_url], max_pages=50,
                politeness=Politeness(concurrency=4, delay=0, autothrottle=False),
            )
            plan = RunPlan((site,), facts, url, default_report_dir(directory, site.name), date.today())
            outcome = execute_run(plan)
    report_outcome(outcome)
