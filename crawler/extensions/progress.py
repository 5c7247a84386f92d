"""Crawl progress: a live status line on a terminal, a log line every so often otherwise."""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING, TextIO

from scrapy import signals
from twisted.internet import task

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)
TERMINAL_REFRESH_S = 0.5


class ProgressExtension:
    def __init__(self, stats: StatsCollector, interval: float, stream: TextIO) -> None:
        self.stats = stats
        self.stream = stream
        self.live = stream.isatty()
        self.interval = TERMINAL_REFRESH_S if self.live else interval
        self.name = ""
        self._loop: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProgressExtension:
        extension = cls(crawler.stats, crawler.settings.getfloat("CONTENT_AUDIT_PROGRESS_INTERVAL"), sys.stderr)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self, spider) -> None:
        self.name = spider.name
        if self.interval > 0:
            self._loop = task.LoopingCall(self.report)
            self._loop.start(self.interval, now=False)

    def spider_closed(self, spider) -> None:
        if self._loop is not None and self._loop.running:
            self._loop.stop()
        self.report()
        if self.live:
            self.stream.write("\n")

    def status(self) -> str:
        get = self.stats.get_value
        queued = get("scheduler/enqueued", 0) - get("scheduler/dequeued", 0)
        return (
            f"{self.name}: {get('content_audit/pages', 0)} pages fetched"
            f" ({get('content_audit/not_modified', 0)} unchanged), {queued} queued,"
            f" {get('content_audit/failures', 0)} failed"
        )

    def report(self) -> None:
        if self.live:
            self.stream.write("\r\x1b[K" + self.status())
            self.stream.flush()
        else:
            logger.info("%s", self.status())
