"""On-demand audits of one URL: SSRF check, short cache, one fetch per URL at a time, a bound on
concurrent audits and on the queue behind them, and a time limit per request.

A request for a URL already being audited waits for that audit instead of starting another;
successful results are kept `cache_ttl_s` seconds. Failed fetches are not cached, so a page that
was down a moment ago is fetched again.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date

from checks.engine import AuditResult, AuditSettings, audit
from checks.facts import FactBase
from checks.model import Document, PageFailure
from crawler.parsing import read_document
from crawler.snapshot import Snapshot
from crawler.web.addresses import AddressPolicy
from crawler.web.cache import TtlCache
from crawler.web.guard import check_url

Fetch = Callable[[str], Awaitable[Snapshot | PageFailure]]


@dataclass(frozen=True, slots=True)
class AuditLimits:
    time_limit_s: float = 10.0
    cache_ttl_s: float = 60.0
    cache_entries: int = 256
    max_concurrent: int = 16
    max_queued: int = 64
    max_page_bytes: int = 5 * 1024 * 1024


class AuditBusy(Exception):
    """Too many audits running and queued: try again shortly."""


class AuditTimedOut(Exception):
    """The audit did not finish within the per-request time limit."""


class OnDemandAuditor:
    def __init__(
        self, fetch: Fetch, facts: FactBase, policy: AddressPolicy, limits: AuditLimits,
        settings: AuditSettings = AuditSettings(), today: Callable[[], date] = date.today,
    ) -> None:
        self._fetch = fetch
        self._facts = facts
        self._policy = policy
        self.limits = limits
        self._settings = settings
        self._today = today
        self._cache: TtlCache[AuditResult] = TtlCache(limits.cache_ttl_s, limits.cache_entries)
        self._in_flight: dict[str, asyncio.Future[AuditResult]] = {}
        self._slots = asyncio.Semaphore(limits.max_concurrent)

    @property
    def in_flight(self) -> int:
        return len(self._in_flight)

    async def audit_url(self, url: str) -> AuditResult:
        """The audit of the page at url. UrlRefused / UnresolvableHost (crawler.web.guard) when it
        may not or cannot be fetched, AuditBusy when the queue is full, AuditTimedOut past the limit.
        A page that could not be fetched is an AuditResult whose failures say why."""
        try:
            return await asyncio.wait_for(self._audit(url), self.limits.time_limit_s)
        except asyncio.TimeoutError:
            raise AuditTimedOut(f"the audit took longer than {self.limits.time_limit_s:g} s") from None

    async def _audit(self, url: str) -> AuditResult:
        target = await check_url(url, self._policy)
        cached = self._cache.get(target.url)
        if cached is not None:
            return cached
        shared = self._in_flight.get(target.url)
        if shared is None:
            if len(self._in_flight) >= self.limits.max_concurrent + self.limits.max_queued:
                raise AuditBusy(f"{len(self._in_flight)} audits are running or queued")
            shared = asyncio.ensure_future(self._fetch_and_audit(target.url))
            self._in_flight[target.url] = shared
            shared.add_done_callback(lambda _: self._in_flight.pop(target.url, None))
        # Shielded: one waiter giving up (its own time limit) must not cancel the others' audit;
        # the audit has its own limit, below.
        return await asyncio.shield(shared)

    async def _fetch_and_audit(self, url: str) -> AuditResult:
        async with self._slots:
            page = await asyncio.wait_for(self._fetch(url), self.limits.time_limit_s)
        result = await asyncio.to_thread(self._audit_page, page)
        if not result.failures:
            self._cache.put(url, result)
        return result

    def _audit_page(self, page: Snapshot | PageFailure) -> AuditResult:
        read = page if isinstance(page, PageFailure) else read_document(page, self.limits.max_page_bytes)
        documents: list[Document] = [read] if isinstance(read, Document) else []
        failures: list[PageFailure] = [read] if isinstance(read, PageFailure) else []
        return audit(documents, self._facts, self._today(), self._settings, failures)
