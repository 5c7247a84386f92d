"""Writes every page and failure of the crawl to the run store as it arrives, reading the page
and extracting its claims only when no analysis of the same URL and body by the same code and
fact base is stored (a 304 or an unchanged body costs a hash and a set look-up, not a parse):
the audit at the end of the run then only runs the rules. Pages are analysed in worker
processes (crawler.analysispool) while the crawl goes on, and written in batches of
PAGES_PER_WRITE (a killed crawl loses at most one batch of a run that is incomplete anyway).
"""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING

from scrapy.exceptions import NotConfigured

from checks.facts import FactBase
from checks.model import PageFailure
from crawler.analysis import analysis_version
from crawler.analysispool import AnalysisPool
from crawler.snapshot import Snapshot
from crawler.store import Store, StoredPage, open_store

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

PAGES_PER_WRITE = 50


class StorePipeline:
    def __init__(
        self, store_url: str, run_id: int, facts: FactBase, max_bytes: int, workers: int, stats: StatsCollector
    ) -> None:
        self.store_url = store_url
        self.run_id = run_id
        self.facts = facts
        self.max_bytes = max_bytes
        self.workers = workers
        self.stats = stats
        self.version = analysis_version(facts)
        self.store: Store | None = None
        self.pool: AnalysisPool | None = None
        self.analysed: set[tuple[str, str]] = set()
        self.pending: list[StoredPage] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        settings = crawler.settings
        if not settings.get("CONTENT_AUDIT_STORE_URL") or not settings.getint("CONTENT_AUDIT_RUN_ID"):
            raise NotConfigured("no run store configured")
        facts = settings.get("CONTENT_AUDIT_FACTS")
        if not isinstance(facts, FactBase):
            raise NotConfigured("no fact base to extract claims with")
        return cls(
            settings["CONTENT_AUDIT_STORE_URL"], settings.getint("CONTENT_AUDIT_RUN_ID"), facts,
            settings.getint("DOWNLOAD_MAXSIZE"), max(1, settings.getint("CONTENT_AUDIT_ANALYSIS_WORKERS")),
            crawler.stats,
        )

    def open_spider(self) -> None:
        self.store = open_store(self.store_url)
        self.analysed = self.store.analysed_pages(self.version)
        self.pool = AnalysisPool(self.facts, self.max_bytes, self.workers)

    def close_spider(self) -> None:
        if self.pool is not None:
            self.pool.close()
        if self.store is not None:
            self._write_pending()
            self.store.close()

    async def process_item(self, item: object) -> object:
        if isinstance(item, PageFailure):
            self._record_failure(item)
        elif isinstance(item, Snapshot):
            await self._record_page(item)
        return item

    async def _record_page(self, snapshot: Snapshot) -> None:
        self.stats.inc_value("content_audit/pages")
        if snapshot.cached:
            self.stats.inc_value("content_audit/not_modified")
        content_hash = snapshot.content_hash
        if (snapshot.url, content_hash) in self.analysed:
            self._keep(StoredPage(snapshot, content_hash))
            return
        try:
            packed = await self.pool.analyse(snapshot)
        except Exception as error:  # an extractor bug on one page must not drop it from the run unseen
            reason = f"cannot extract claims: {type(error).__name__}: {error}"
            self._keep(StoredPage(snapshot, content_hash, zlib.compress(snapshot.body)))
            self._record_failure(PageFailure(snapshot.url, reason, snapshot.status))
            return
        if isinstance(packed.analysis, PageFailure):
            self._keep(StoredPage(snapshot, content_hash, packed.compressed_body))
            self._record_failure(packed.analysis)
            return
        self.stats.inc_value("content_audit/parsed")
        self.analysed.add((snapshot.url, content_hash))
        self._keep(StoredPage(snapshot, content_hash, packed.compressed_body, packed.analysis))

    def _keep(self, page: StoredPage) -> None:
        self.pending.append(page)
        if len(self.pending) >= PAGES_PER_WRITE:
            self._write_pending()

    def _write_pending(self) -> None:
        self.store.add_pages(self.run_id, self.pending, self.version)
        self.pending = []

    def _record_failure(self, failure: PageFailure) -> None:
        self.stats.inc_value("content_audit/failures")
        self.store.add_failure(self.run_id, failure)
