"""Fetch a few URLs for an on-demand audit through the crawl's own stack: robots.txt, user agent,
size limit, timeouts, retries, redirect limit and non-HTML refusal, with the same failure reasons.

Each call runs Scrapy in a forked child process (crawler.childprocess): Twisted's reactor cannot
be restarted, and the caller (the audit command, a test, later a web handler) may fetch more
than once per process.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from checks.decode import MAX_PAGE_BYTES
from checks.model import Document, PageFailure
from crawler.childprocess import ChildDied, call_in_child
from crawler.parsing import read_document
from crawler.process import SpiderJob, run_spiders
from crawler.settings import BASE_SETTINGS, site_settings
from crawler.sites import DEFAULT_USER_AGENT, Politeness, Site
from crawler.snapshot import Snapshot

ONDEMAND_SITE = "on-demand"


@dataclass(frozen=True, slots=True)
class FetchSettings:
    user_agent: str = DEFAULT_USER_AGENT
    timeout: float = 10.0
    retries: int = 1
    max_bytes: int = MAX_PAGE_BYTES


def fetch_documents(urls: Sequence[str], settings: FetchSettings) -> tuple[list[Document], list[PageFailure]]:
    """Fetch and parse urls; every URL ends up as a Document or as a PageFailure with its reason."""
    try:
        return call_in_child(fetch_in_this_process, list(urls), settings)
    except ChildDied as died:
        return [], [PageFailure(url, f"fetching process died (exit status {died.exit_code})") for url in urls]


def fetch_in_this_process(urls: list[str], settings: FetchSettings) -> tuple[list[Document], list[PageFailure]]:
    """Runs the reactor: at most once per process (see the module docstring)."""
    site = Site(
        name=ONDEMAND_SITE, start_urls=urls, max_pages=len(urls), max_depth=0, user_agent=settings.user_agent,
        politeness=Politeness(concurrency=8, delay=0, autothrottle=False), timeout=settings.timeout,
        retries=settings.retries, max_body_mb=settings.max_bytes / (1024 * 1024),
    )
    scrapy_settings = {
        **BASE_SETTINGS,
        **site_settings(site),
        "HTTPCACHE_ENABLED": False,
        "ITEM_PIPELINES": {},
        "EXTENSIONS": {},
    }
    items: list[object] = []
    run_spiders([SpiderJob(site, scrapy_settings, {"discover_sitemaps": False})], on_item=items.append)
    read = [read_document(item, settings.max_bytes) if isinstance(item, Snapshot) else item for item in items]
    return (
        [item for item in read if isinstance(item, Document)],
        [item for item in read if isinstance(item, PageFailure)],
    )
