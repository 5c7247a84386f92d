"""Scrapy's HTTP cache storage on the run store: a page's latest snapshot is its cached response.

HttpCacheMiddleware and RFC2616Policy still decide everything (If-None-Match / If-Modified-Since
from the cached validators, the stored body served on a 304, flagged "cached"); only where the
cached response lives changes. The store already keeps every page's body and the headers that
matter, so a second copy of each response in a file tree (six files and a folder per page, the
slowest part of writing a first crawl) is not needed. Responses are stored by the store pipeline
as snapshots, so store_response has nothing left to do: robots.txt, sitemaps and failed pages are
never snapshots and are always fetched in full.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.http import Response
from scrapy.responsetypes import responsetypes

from crawler.store import Store, open_store

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.settings import BaseSettings


class StoreCacheStorage:
    def __init__(self, settings: BaseSettings) -> None:
        self.store_url = settings["CONTENT_AUDIT_STORE_URL"]
        self.store: Store | None = None

    def open_spider(self, spider: Spider) -> None:
        self.store = open_store(self.store_url)

    def close_spider(self, spider: Spider) -> None:
        if self.store is not None:
            self.store.close()

    def retrieve_response(self, spider: Spider, request: Request) -> Response | None:
        snapshot = self.store.latest_snapshot(request.url)
        if snapshot is None:
            return None
        response_class = responsetypes.from_args(headers=snapshot.headers, url=snapshot.url, body=snapshot.body)
        return response_class(url=snapshot.url, status=snapshot.status, headers=snapshot.headers, body=snapshot.body)

    def store_response(self, spider: Spider, request: Request, response: Response) -> None:
        """The store pipeline records the page (see the module docstring)."""
