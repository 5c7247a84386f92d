"""Writes every page and failure of the crawl to the run store as it arrives, parsing a page
only when no Document for the same URL, body and parser is already stored (a 304 or an
unchanged body costs a hash and a look-up, not a parse)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.exceptions import NotConfigured

from checks.model import PageFailure
from crawler.parsing import parser_version, read_document
from crawler.snapshot import Snapshot
from crawler.store import Store, open_store

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector


class StorePipeline:
    def __init__(self, store_url: str, run_id: int, max_bytes: int, stats: StatsCollector) -> None:
        self.store_url = store_url
        self.run_id = run_id
        self.max_bytes = max_bytes
        self.stats = stats
        self.parser = parser_version()
        self.store: Store | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        settings = crawler.settings
        if not settings.get("CONTENT_AUDIT_STORE_URL") or not settings.getint("CONTENT_AUDIT_RUN_ID"):
            raise NotConfigured("no run store configured")
        return cls(
            settings["CONTENT_AUDIT_STORE_URL"], settings.getint("CONTENT_AUDIT_RUN_ID"),
            settings.getint("DOWNLOAD_MAXSIZE"), crawler.stats,
        )

    def open_spider(self) -> None:
        self.store = open_store(self.store_url)

    def close_spider(self) -> None:
        if self.store is not None:
            self.store.close()

    def process_item(self, item: object) -> object:
        if isinstance(item, PageFailure):
            self._record_failure(item)
        elif isinstance(item, Snapshot):
            self._record_page(item)
        return item

    def _record_page(self, snapshot: Snapshot) -> None:
        self.stats.inc_value("content_audit/pages")
        if snapshot.cached:
            self.stats.inc_value("content_audit/not_modified")
        if self.store.has_document(snapshot.url, snapshot.content_hash, self.parser):
            self.store.add_snapshot(self.run_id, snapshot)
            return
        document = read_document(snapshot, self.max_bytes)
        if isinstance(document, PageFailure):
            self.store.add_snapshot(self.run_id, snapshot)
            self._record_failure(document)
            return
        self.stats.inc_value("content_audit/parsed")
        self.store.add_snapshot(self.run_id, snapshot, document, self.parser)

    def _record_failure(self, failure: PageFailure) -> None:
        self.stats.inc_value("content_audit/failures")
        self.store.add_failure(self.run_id, failure)
