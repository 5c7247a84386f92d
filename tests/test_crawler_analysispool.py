from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
import zlib
from datetime import datetime, timezone
from pathlib import Path

import pytest

from crawler.analysis import analyse
from crawler.analysispool import AnalysisPool
from crawler.packing import unpack_analysis
from crawler.snapshot import Snapshot

SEED_PAGE = Path(__file__).parent / "fixtures" / "seed-site" / "cpt-vs-ccma.html"
KILLED_OWNER = """
import asyncio, multiprocessing, sys
from datetime import datetime, timezone
import config
from checks.factfile import load_facts
from crawler.analysispool import AnalysisPool
from crawler.snapshot import Snapshot

async def analyse_two(pool):
    page = Snapshot("https://example.com/", datetime.now(timezone.utc), 200, b"<p>Hi</p>")
    await asyncio.gather(pool.analyse(page), pool.analyse(page))

pool = AnalysisPool(load_facts(config.DEFAULT_FACTS.read_text(encoding="utf-8"), "facts.yaml"), 1000, 2)
asyncio.run(analyse_two(pool))
print(" ".join(str(worker.pid) for worker in multiprocessing.active_children()), flush=True)
sys.stdin.read()
"""


def snapshot(body: bytes) -> Snapshot:
    return Snapshot(url="https://example.com/p", fetched_at=datetime.now(timezone.utc), status=200, body=body, encoding="utf-8")


def analysed_in_pool(pool: AnalysisPool, page: Snapshot):
    return asyncio.run(pool.analyse(page))


def test_a_page_analysed_by_a_worker_is_the_page_analysed_here_packed_for_the_store(facts):
    page = snapshot(SEED_PAGE.read_bytes())
    pool = AnalysisPool(facts, 5_000_000, 2)
    try:
        packed = analysed_in_pool(pool, page)
    finally:
        pool.close()
    assert unpack_analysis(packed.analysis) == analyse(page, facts, 5_000_000)
    assert (packed.content_hash, zlib.decompress(packed.compressed_body)) == (page.content_hash, page.body)


def test_a_page_a_worker_cannot_read_comes_back_with_the_reason(facts):
    page = snapshot(b"<p>" + b"x" * 2000 + b"</p>")
    pool = AnalysisPool(facts, 1000, 1)
    try:
        packed = analysed_in_pool(pool, page)
    finally:
        pool.close()
    assert packed.analysis.reason.startswith("cannot read page:")
    assert zlib.decompress(packed.compressed_body) == page.body


def test_a_worker_s_exception_is_raised_where_the_page_was_awaited(facts):
    pool = AnalysisPool(facts, 5_000_000, 1)
    try:
        with pytest.raises(AttributeError):
            asyncio.run(pool.analyse("not a snapshot"))
    finally:
        pool.close()


@pytest.mark.skipif(sys.platform != "linux", reason="workers follow their owner out through PR_SET_PDEATHSIG")
def test_workers_do_not_outlive_a_crawl_killed_with_sigkill():
    owner = subprocess.Popen([sys.executable, "-c", KILLED_OWNER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    workers = [int(pid) for pid in owner.stdout.readline().split()]
    assert len(workers) == 2
    owner.send_signal(signal.SIGKILL)
    owner.wait()
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is dead: reaped by init once its parent is gone.
    stat = Path(f"/proc/{pid}/stat")
    return stat.exists() and stat.read_text().split(") ")[1][0] != "Z"
