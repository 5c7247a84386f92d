"""Pages are read and their claims extracted in worker processes while the crawl goes on.

Parsing and extraction are the crawl's main cost (about 10 ms of CPU a page, more than Scrapy's
own work per page), all of it Python holding the GIL: in the crawling process they would
serialise with fetching. Each worker gets the fact base once, when it starts, so a page costs
only its own snapshot through a pipe, and comes back hashed and compressed, ready for the store.

Workers are started fresh (spawn) and import only the analysis code. Forked from the crawling
process, each would soon hold a private copy of its heap (Scrapy, the store, SQLAlchemy), as
touching an object's reference count copies the memory page it sits on; from a fork server,
they would keep the server alive, and so themselves, after a SIGKILL of the crawl.
"""

from __future__ import annotations

import asyncio
import ctypes
import multiprocessing
import os
import signal
import sys
import zlib
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from checks.facts import FactBase
from checks.model import PageFailure
from crawler.analysis import analyse
from crawler.packing import pack_analysis
from crawler.snapshot import Snapshot

_PR_SET_PDEATHSIG = 1
# Set in each worker by _start_worker: what every page is analysed with.
_worker_setup: tuple[FactBase, int] | None = None


@dataclass(frozen=True, slots=True)
class PackedPage:
    """A worker's answer: the page's content hash and compressed body, and its packed
    PageAnalysis or the reason it could not be read."""

    content_hash: str
    compressed_body: bytes
    analysis: bytes | PageFailure


class AnalysisPool:
    def __init__(self, facts: FactBase, max_bytes: int, workers: int) -> None:
        self._executor = ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker, initargs=(facts, max_bytes, os.getpid()),
        )

    async def analyse(self, snapshot: Snapshot) -> PackedPage:
        """crawler.analysis.analyse in a worker; its exceptions are raised here."""
        return await asyncio.wrap_future(self._executor.submit(_analyse_in_worker, snapshot))

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


def _start_worker(facts: FactBase, max_bytes: int, crawl_pid: int) -> None:
    global _worker_setup
    _worker_setup = (facts, max_bytes)
    # Ctrl-C and SIGTERM are the crawl's to handle: it stops gracefully and then closes the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform == "linux":
        # A crawl killed with SIGKILL cannot close its pool: its workers must not outlive it.
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != crawl_pid:  # killed while this worker was starting, before the line above
        os._exit(1)


def _analyse_in_worker(snapshot: Snapshot) -> PackedPage:
    facts, max_bytes = _worker_setup
    analysis = analyse(snapshot, facts, max_bytes)
    packed = analysis if isinstance(analysis, PageFailure) else pack_analysis(analysis)
    return PackedPage(snapshot.content_hash, zlib.compress(snapshot.body), packed)
