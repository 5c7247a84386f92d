"""Fetch one page for an on-demand audit on the server's own reactor.

Why not crawler.ondemand.fetch_documents (a forked child running Scrapy per call)? It is right
for a command that fetches once and exits, but in a server it costs a fork and a fresh Scrapy
start per audit, forking a process that runs an event loop and worker threads is fragile, and
twenty concurrent audits would mean twenty children. Here every audit is one more crawler on the
one reactor the service already runs (`AsyncCrawlerRunner`, as the stack notes recommend).
tests/benchmarks/bench_serve.py measures both on a loopback page (2-core machine shared with
other work): a whole audit through the warm service, fetch on its reactor included, took 85 ms
median; the forked fetch alone took 780 ms; 200 audits at 24 concurrent ran at ~35 audits/s
with no error.

The crawl is the same stack as every other fetch (SiteSpider: robots.txt, user agent, size
limit, redirect limit, non-HTML refusal and the same failure reasons), plus the SSRF guard as a
downloader middleware and with proxies, non-HTTP download handlers, retries, cookies and the HTTP
cache off.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass

from scrapy import signals
from scrapy.crawler import AsyncCrawlerRunner, Crawler

from checks.decode import MAX_PAGE_BYTES
from checks.model import PageFailure
from crawler.ondemand import ONDEMAND_SITE
from crawler.settings import BASE_SETTINGS, site_settings
from crawler.sites import DEFAULT_USER_AGENT, Politeness, Site
from crawler.snapshot import Snapshot
from crawler.spider import SiteSpider
from crawler.web.guardmiddleware import ALLOWED_NETWORKS_SETTING, ENABLED_SETTING

GUARD_MIDDLEWARE = "crawler.web.guardmiddleware.AddressGuardMiddleware"
# Before every built-in middleware, so robots.txt and redirected requests are checked too.
GUARD_PRIORITY = 50
# Seconds a stopped crawl may take to wind down after its time limit before it is abandoned.
STOP_GRACE_S = 2.0


@dataclass(frozen=True, slots=True)
class FetchOptions:
    user_agent: str = DEFAULT_USER_AGENT
    timeout_s: float = 8.0
    max_bytes: int = MAX_PAGE_BYTES
    max_redirects: int = 5
    allowed_networks: tuple[str, ...] = ()


class ReactorFetcher:
    """fetch(url) -> Document or PageFailure; needs the asyncio Twisted reactor to be running."""

    def __init__(self, options: FetchOptions) -> None:
        self.options = options
        settings = fetch_settings(options)
        self._runner = AsyncCrawlerRunner(settings)
        self._spider_class = type("OnDemandSpider", (SiteSpider,), {"custom_settings": settings})

    async def fetch(self, url: str) -> Snapshot | PageFailure:
        """The page at url as fetched, or why it could not be; stops the crawl when cancelled."""
        items: list[object] = []
        crawler = self._runner.create_crawler(self._spider_class)
        crawler.signals.connect(_collector(items), signal=signals.item_scraped, weak=False)
        task = self._runner.crawl(crawler, site=ondemand_site(url, self.options), discover_sitemaps=False)
        try:
            await asyncio.shield(task)
        except asyncio.CancelledError:
            await _stop(crawler, task)
            raise
        return _page_of(url, items)

    async def close(self) -> None:
        await self._runner.stop()


def ondemand_site(url: str, options: FetchOptions) -> Site:
    return Site(
        name=ONDEMAND_SITE, start_urls=[url], max_pages=1, max_depth=0, user_agent=options.user_agent,
        politeness=Politeness(concurrency=1, delay=0, autothrottle=False), timeout=options.timeout_s,
        retries=0, max_body_mb=options.max_bytes / (1024 * 1024),
    )


def fetch_settings(options: FetchOptions) -> dict[str, object]:
    # The URL only changes start_urls, never a setting: any URL gives the same settings.
    template = ondemand_site("http://on-demand.invalid/", options)
    return {
        **BASE_SETTINGS,
        **site_settings(template),
        "LOG_LEVEL": "WARNING",
        "HTTPCACHE_ENABLED": False,
        "ITEM_PIPELINES": {},
        "EXTENSIONS": {},
        "REDIRECT_MAX_TIMES": options.max_redirects,
        # A proxy would resolve names itself, out of the guard's sight; other schemes never.
        "HTTPPROXY_ENABLED": False,
        "DOWNLOAD_HANDLERS": {"file": None, "data": None, "s3": None, "ftp": None},
        "DOWNLOADER_MIDDLEWARES": {**BASE_SETTINGS["DOWNLOADER_MIDDLEWARES"], GUARD_MIDDLEWARE: GUARD_PRIORITY},
        ENABLED_SETTING: True,
        ALLOWED_NETWORKS_SETTING: list(options.allowed_networks),
    }


async def _stop(crawler: Crawler, task: asyncio.Task[None]) -> None:
    await crawler.stop_async()
    try:
        await asyncio.wait_for(task, STOP_GRACE_S)
    except (asyncio.TimeoutError, asyncio.CancelledError):
        pass  # an abandoned download is dropped by the reactor when its own timeout fires


def _page_of(url: str, items: Sequence[object]) -> Snapshot | PageFailure:
    for item in items:
        if isinstance(item, (Snapshot, PageFailure)):
            return item
    return PageFailure(url, "no response (the fetch ended without a page)")


def _collector(items: list[object]):
    def collect(item: object, **_: object) -> None:
        items.append(item)

    return collect
