"""Exponential backoff before retries: Scrapy's RetryMiddleware re-queues a failed request at
once, which hammers a struggling server exactly when it needs a pause."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import deferred_to_future
from twisted.internet.task import deferLater

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler


class RetryBackoffMiddleware:
    """Waits CONTENT_AUDIT_RETRY_BACKOFF * 2**(n-1) seconds (capped) before the n-th retry.

    The wait happens before the request reaches a download slot, so other pages keep flowing.
    meta["dont_backoff"] opts a request out.
    """

    def __init__(self, base: float, cap: float) -> None:
        self.base = base
        self.cap = cap

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryBackoffMiddleware:
        base = crawler.settings.getfloat("CONTENT_AUDIT_RETRY_BACKOFF")
        if base <= 0 or not crawler.settings.getbool("RETRY_ENABLED"):
            raise NotConfigured
        return cls(base, crawler.settings.getfloat("CONTENT_AUDIT_RETRY_BACKOFF_MAX"))

    def delay_for(self, retry_times: int) -> float:
        return min(self.cap, self.base * 2 ** (retry_times - 1)) if retry_times > 0 else 0.0

    async def process_request(self, request: Request) -> None:
        delay = self.delay_for(request.meta.get("retry_times", 0))
        if delay and not request.meta.get("dont_backoff"):
            # Imported here: importing the reactor at module level would install Twisted's
            # default one before Scrapy installs the asyncio reactor.
            from twisted.internet import reactor

            await deferred_to_future(deferLater(reactor, delay, lambda: None))
