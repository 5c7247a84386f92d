"""Load test of `content-audit serve`, loopback only, bounded: a fixed number of on-demand audits.

Starts the real service (allow-listing 127.0.0.1) and a loopback copy of the seed site, then
sends REQUESTS audits of distinct URLs (so the cache never answers) with CONCURRENCY in flight at
once, and prints throughput, latency percentiles and every non-200 answer. It also times the two
ways of fetching one page: a crawl on the warm server's reactor (one audit request, sequential)
against crawler.ondemand.fetch_documents, which forks a child running Scrapy per call.

Run: .venv/bin/python tests/benchmarks/bench_serve.py [REQUESTS] [CONCURRENCY]
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crawlkit import copy_seed_site, serve  # noqa: E402
from servekit import running_service  # noqa: E402

from crawler.ondemand import FetchSettings, fetch_documents  # noqa: E402

PAGE = "cpt-vs-ccma.html"
SEQUENTIAL_ROUNDS = 10


async def load(service_url: str, page_url: str, requests: int, concurrency: int) -> tuple[float, list[float], Counter]:
    gate = asyncio.Semaphore(concurrency)
    latencies: list[float] = []
    statuses: Counter = Counter()

    async def one(client: httpx.AsyncClient, n: int) -> None:
        async with gate:
            started = time.perf_counter()
            response = await client.post(f"{service_url}api/audits", json={"url": f"{page_url}?load={n}"})
            latencies.append((time.perf_counter() - started) * 1000)
            statuses[response.status_code] += 1
            if response.status_code != 200:
                print(f"  {response.status_code}: {response.text[:200]}")

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(timeout=60, limits=limits) as client:
        started = time.perf_counter()
        await asyncio.gather(*(one(client, n) for n in range(requests)))
        return time.perf_counter() - started, latencies, statuses


def sequential_ms(service_url: str, page_url: str) -> float:
    samples = []
    for n in range(SEQUENTIAL_ROUNDS):
        started = time.perf_counter()
        response = httpx.post(f"{service_url}api/audits", json={"url": f"{page_url}?one={n}"}, timeout=60)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.text
    return statistics.median(samples)


def forked_fetch_ms(page_url: str) -> float:
    samples = []
    for n in range(SEQUENTIAL_ROUNDS // 2):
        started = time.perf_counter()
        documents, failures = fetch_documents([f"{page_url}?fork={n}"], FetchSettings())
        samples.append((time.perf_counter() - started) * 1000)
        assert documents and not failures, failures
    return statistics.median(samples)


def main() -> None:
    requests = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    concurrency = int(sys.argv[2]) if len(sys.argv) > 2 else 24
    limits = {
        "requests_per_minute": 100_000, "burst": requests + 10, "max_concurrent_audits": concurrency,
        "max_queued_audits": requests, "request_timeout_s": 60,
    }
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        with serve(copy_seed_site(tmp / "site")) as site, running_service(
            tmp / "service", {"allow_networks": ["127.0.0.1/32"], "limits": limits}
        ) as service:
            page_url = site.url + PAGE
            one = sequential_ms(service.url, page_url)
            elapsed, latencies, statuses = asyncio.run(load(service.url, page_url, requests, concurrency))
            forked = forked_fetch_ms(page_url)
    latencies.sort()
    print(f"{requests} audits, {concurrency} concurrent: {requests / elapsed:.1f} audits/s in {elapsed:.2f} s")
    print(f"  latency ms: p50 {latencies[len(latencies) // 2]:.0f}, p95 {latencies[int(len(latencies) * 0.95)]:.0f}, max {latencies[-1]:.0f}")
    print(f"  statuses: {dict(statuses)}")
    print(f"one audit through the warm service (fetch on its reactor + audit): {one:.0f} ms median")
    print(f"fetch only, forked child per call (crawler.ondemand): {forked:.0f} ms median")
    if set(statuses) != {200}:
        sys.exit(1)


if __name__ == "__main__":
    main()
