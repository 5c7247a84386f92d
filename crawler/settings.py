"""Every Scrapy setting the crawler uses, with its default and why, in one place.

Our own settings are prefixed CONTENT_AUDIT_. Per-site values (politeness, limits, user agent)
come from config/sites.yaml through `site_settings`; nothing else in the crawler hard-codes a
setting.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from crawler.sites import Site

if TYPE_CHECKING:
    from checks.facts import FactBase

# Seconds before the first retry of a 5xx or timeout; doubles on each further retry.
CONTENT_AUDIT_RETRY_BACKOFF = 1.0
# Longest wait before a retry, whatever the doubling says.
CONTENT_AUDIT_RETRY_BACKOFF_MAX = 30.0
# Seconds between progress lines when the output is not a terminal (a log file, a scheduler).
CONTENT_AUDIT_PROGRESS_INTERVAL = 30.0
# SQLAlchemy URL of the run store and the run the crawl belongs to; set per crawl.
CONTENT_AUDIT_STORE_URL = ""
CONTENT_AUDIT_RUN_ID = 0
# The checks.facts.FactBase pages are analysed with as they arrive; set per crawl.
CONTENT_AUDIT_FACTS = None
# Worker processes that read pages and extract their claims while the crawl fetches more: one
# per core, as parsing is the crawl's main CPU cost.
CONTENT_AUDIT_ANALYSIS_WORKERS = os.cpu_count() or 1

BASE_SETTINGS: dict[str, object] = {
    "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
    "ROBOTSTXT_OBEY": True,
    "TELNETCONSOLE_ENABLED": False,
    # No listening sockets beyond the crawl itself.
    "REMOTE_CONTROL_ENABLED": False,
    # crawler.process installs its own log handler, which keeps Scrapy's INFO chatter out of the
    # progress lines unless --verbose.
    "LOG_INSTALL_ROOT_HANDLER": False,
    "LOG_LEVEL": "INFO",
    # Our progress extension reports instead; Scrapy's per-minute stats line is noise here.
    "LOGSTATS_INTERVAL": 0,
    "COOKIES_ENABLED": False,
    # Responses whose pages wait for the analysis pool stay in memory with their body and the
    # parsed tree the link extraction built (several times the body). Scrapy's 5 MB default let
    # some 60 benchmark pages wait, holding ~60 MB; the pool keeps up with ~12 waiting.
    "SCRAPER_SLOT_MAX_ACTIVE_SIZE": 1_000_000,
    # The spider keeps its own set of seen pages and marks page requests dont_filter, so that a
    # redirect loop A -> B -> A reaches REDIRECT_MAX_TIMES and is reported instead of being
    # silently dropped by the dupefilter on the second visit to A.
    "REDIRECT_MAX_TIMES": 10,
    "RETRY_ENABLED": True,
    "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408, 429],
    # Conditional re-crawls: a page's last snapshot in the run store is its cached response;
    # RFC2616Policy sends If-None-Match / If-Modified-Since from it and serves the stored body on
    # a 304 ("cached" flag). See crawler.httpcache.
    "HTTPCACHE_ENABLED": True,
    "HTTPCACHE_POLICY": "scrapy.extensions.httpcache.RFC2616Policy",
    "HTTPCACHE_STORAGE": "crawler.httpcache.StoreCacheStorage",
    # Without this the policy's heuristic freshness (from an old Last-Modified) serves pages from
    # the cache without asking the server at all: every run must revalidate every page.
    "DEFAULT_REQUEST_HEADERS": {
        "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
        "Accept-Language": "en",
        "Cache-Control": "max-age=0",
    },
    "DOWNLOADER_MIDDLEWARES": {"crawler.middlewares.retry_backoff.RetryBackoffMiddleware": 560},
    "ITEM_PIPELINES": {"crawler.pipelines.store.StorePipeline": 300},
    "EXTENSIONS": {"crawler.extensions.progress.ProgressExtension": 500},
    "CONTENT_AUDIT_RETRY_BACKOFF": CONTENT_AUDIT_RETRY_BACKOFF,
    "CONTENT_AUDIT_RETRY_BACKOFF_MAX": CONTENT_AUDIT_RETRY_BACKOFF_MAX,
    "CONTENT_AUDIT_PROGRESS_INTERVAL": CONTENT_AUDIT_PROGRESS_INTERVAL,
    "CONTENT_AUDIT_STORE_URL": CONTENT_AUDIT_STORE_URL,
    "CONTENT_AUDIT_RUN_ID": CONTENT_AUDIT_RUN_ID,
    "CONTENT_AUDIT_FACTS": CONTENT_AUDIT_FACTS,
    "CONTENT_AUDIT_ANALYSIS_WORKERS": CONTENT_AUDIT_ANALYSIS_WORKERS,
}


def site_settings(site: Site) -> dict[str, object]:
    """The site's politeness, limits and identity as Scrapy settings."""
    politeness = site.politeness
    return {
        "USER_AGENT": site.user_agent,
        "CONCURRENT_REQUESTS": politeness.concurrency,
        "CONCURRENT_REQUESTS_PER_DOMAIN": politeness.concurrency,
        "DOWNLOAD_DELAY": politeness.delay,
        "AUTOTHROTTLE_ENABLED": politeness.autothrottle,
        # AutoThrottle's default 5 s start delay would dominate a small site's crawl.
        "AUTOTHROTTLE_START_DELAY": politeness.delay,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": float(politeness.concurrency),
        "DOWNLOAD_TIMEOUT": site.timeout,
        "RETRY_TIMES": site.retries,
        "DOWNLOAD_MAXSIZE": int(site.max_body_mb * 1024 * 1024),
        "DOWNLOAD_WARNSIZE": 0,
    }


def crawl_settings(
    site: Site, store_url: str, run_id: int, facts: FactBase, **overrides: object
) -> dict[str, object]:
    return {
        **BASE_SETTINGS,
        **site_settings(site),
        "CONTENT_AUDIT_STORE_URL": store_url,
        "CONTENT_AUDIT_RUN_ID": run_id,
        "CONTENT_AUDIT_FACTS": facts,
        **overrides,
    }
