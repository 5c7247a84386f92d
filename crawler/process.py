"""Run one or more site spiders to completion in this process (one Twisted reactor per process).

Each spider gets its own settings (politeness, limits) through a subclass carrying them as
custom_settings, which is how Scrapy gives crawlers in one process different settings.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings

from crawler.settings import BASE_SETTINGS
from crawler.sites import Site
from crawler.spider import SiteSpider


NOISY_LOGGERS = ("scrapy", "alembic", "py.warnings", "twisted")
# Their errors (with tracebacks) are pages that could not be fetched: each one is already a
# PageFailure with its reason in the report, so they are only logged with --verbose.
RECORDED_AS_PAGE_FAILURES = ("scrapy.downloadermiddlewares.retry", "scrapy.downloadermiddlewares.robotstxt")


@dataclass(frozen=True)
class SpiderJob:
    site: Site
    settings: dict[str, Any]
    spider_kwargs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CrawlOutcome:
    site: str
    finish_reason: str

    @property
    def interrupted(self) -> bool:
        return self.finish_reason != "finished"


def run_spiders(
    jobs: Sequence[SpiderJob], on_item: Callable[[object], None] | None = None, verbose: bool = False
) -> list[CrawlOutcome]:
    """Crawl every job's site at once; returns how each crawl finished (finished, shutdown, ...)."""
    configure_logging(verbose)
    process = CrawlerProcess(BASE_SETTINGS)
    crawlers: list[Crawler] = []
    for job in jobs:
        spider_class = type(f"SiteSpider_{job.site.name}", (SiteSpider,), {"custom_settings": job.settings})
        crawler = process.create_crawler(spider_class)
        if on_item is not None:
            crawler.signals.connect(_item_forwarder(on_item), signal=signals.item_scraped, weak=False)
        crawlers.append(crawler)
        process.crawl(crawler, site=job.site, **job.spider_kwargs)
    process.start()
    return [CrawlOutcome(job.site.name, c.stats.get_value("finish_reason", "unknown")) for job, c in zip(jobs, crawlers)]


def configure_logging(verbose: bool) -> None:
    """Log lines on stderr in Scrapy's format; libraries' INFO lines (versions, enabled
    middlewares, migrations) only with verbose, as they would bury the progress lines."""
    defaults = Settings()
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(defaults.get("LOG_FORMAT"), defaults.get("LOG_DATEFORMAT")))
    if not verbose:
        handler.addFilter(_quiet_libraries)
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO, handlers=[handler], force=True)


def _quiet_libraries(record: logging.LogRecord) -> bool:
    if record.name in RECORDED_AS_PAGE_FAILURES:
        return False
    return record.levelno >= logging.WARNING or not record.name.startswith(NOISY_LOGGERS)


def _item_forwarder(on_item: Callable[[object], None]) -> Callable[..., None]:
    def forward(item: object, **_: object) -> None:
        on_item(item)

    return forward
