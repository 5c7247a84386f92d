"""Crawl benchmark on a generated site served on loopback, all ratios measured in the same run.

  (a) `content-audit crawl` (crawl + parse + store + audit + report) against a bare Scrapy crawl
      of the same site that does nothing with the pages. Target: at most 1.5.
  (b) re-crawl of the unchanged site (304s, nothing re-parsed) against the first crawl.
      Target: at least 5x faster.
  (c) peak memory at 1,000 and 5,000 pages: the largest single process's RSS (wait4) and the
      summed PSS of the whole process tree (the crawl runs in a child with analysis workers),
      the higher of the two is the figure. Target: under 300 MB and flat.
  (d) `content-audit audit URL` for one loopback page, end to end (bench_ondemand.py). Target: under 1.5 s.

Pages are the seed pages with their figures varied per page (so claims and findings vary), a
navigation block linking to neighbours and a hub. The bare crawl uses the same robots.txt,
concurrency and link extraction; like the audited crawl it shares the machine with the server
thread. Run:
  .venv/bin/python tests/benchmarks/bench_crawl.py [--pages 1000 5000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from bench_ondemand import ondemand_times
from bench_ondemand import report as ondemand_report
from crawler.localsite import serve_directory

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seed-site"
CONCURRENCY = 16
PAGES_PER_HUB = 50
VARIANTS = {  # a figure on a seed page -> the values generated pages use instead
    r"\b180 questions": ["150 questions", "180 questions", "200 questions"],
    r"\b120 questions": ["100 questions", "120 questions"],
    r"\$19\b": ["$18", "$19", "$21"],
    r"\b4 months to 2 years": ["4 months to 2 years", "9 months to 2 years"],
}

BARE_SPIDER = '''
import scrapy
from scrapy.linkextractors import LinkExtractor

class Bare(scrapy.Spider):
    name = "bare"
    links = LinkExtractor()

    async def start(self):
        yield scrapy.Request(self.start_url)

    def parse(self, response):
        for link in self.links.extract_links(response):
            yield response.follow(link.url)
'''


def generate_site(root: Path, pages: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    templates = [(SEEDS / name).read_text(encoding="utf-8") for name in ("cpt-vs-ccma.html", "medical-assistant-vs-phlebotomist.html")]
    guides = root / "guides"
    guides.mkdir(parents=True)
    (root / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n")
    hubs = range((pages + PAGES_PER_HUB - 1) // PAGES_PER_HUB)
    (root / "index.html").write_text(_page("Guides", "".join(f'<li><a href="/guides/hub-{h}.html">Hub {h}</a></li>' for h in hubs)))
    for hub in hubs:
        members = range(hub * PAGES_PER_HUB, min(pages, (hub + 1) * PAGES_PER_HUB))
        links = "".join(f'<li><a href="/guides/page-{i}.html">Guide {i}</a></li>' for i in members)
        (guides / f"hub-{hub}.html").write_text(_page(f"Hub {hub}", links))
    for index in range(pages):
        html = templates[index % 2]
        for pattern, choices in VARIANTS.items():
            html = re.sub(pattern, rng.choice(choices), html)
        neighbours = [(index + step) % pages for step in (1, 2, 3, 5, 8)]
        nav = "".join(f'<li><a href="/guides/page-{n}.html">Related guide {n}</a></li>' for n in neighbours)
        nav += f'<li><a href="/guides/hub-{index // PAGES_PER_HUB}.html">All guides</a></li>'
        html = html.replace("</body>", f"<nav><ul>{nav}</ul></nav></body>", 1)
        html = re.sub(r"<title>(.*?)</title>", rf"<title>\1 ({index})</title>", html, count=1)
        (guides / f"page-{index}.html").write_text(html, encoding="utf-8")


def _page(title: str, items: str) -> str:
    return f"<!DOCTYPE html><html><head><title>{title}</title></head><body><ul>{items}</ul></body></html>"


@dataclass
class Measured:
    seconds: float
    peak_rss_mb: float  # of the largest single process (wait4 reports the maximum, not a sum)
    peak_tree_pss_mb: float  # the process and its workers together, shared pages split between them
    stdout: str


def run_measured(command: list[str]) -> Measured:
    """Like subprocess.run, but reaps the child with wait4 to read its peak RSS, and samples the
    proportional memory of the whole process tree (the crawl forks analysis workers)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    sampler = TreeMemorySampler(process.pid)
    sampler.start()
    stdout = process.stdout.read()
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    sampler.stop()
    returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - started
    if returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{stderr.decode()[-3000:]}")
    return Measured(elapsed, usage.ru_maxrss / 1024, sampler.peak_mb, stdout.decode())


class TreeMemorySampler(threading.Thread):
    """Peak of the summed PSS (Linux /proc) of a process and its descendants, every 50 ms."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_mb = 0.0
        self._stopped = threading.Event()

    def run(self) -> None:
        while not self._stopped.wait(0.05):
            self.peak_mb = max(self.peak_mb, sum(_pss_kb(pid) for pid in _tree(self.pid)) / 1024)

    def stop(self) -> None:
        self._stopped.set()
        self.join()


def _tree(pid: int) -> list[int]:
    pids, pending = [], [pid]
    while pending:
        current = pending.pop()
        pids.append(current)
        for children in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                pending += [int(child) for child in children.read_text().split()]
            except OSError:
                pass
    return pids


def _pss_kb(pid: int) -> int:
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:")), 0)


def bench_site(pages: int, work: Path) -> dict:
    site_root = work / f"site-{pages}"
    generate_site(site_root, pages)
    with serve_directory(site_root) as url:
        spider = work / "bare_spider.py"
        spider.write_text(BARE_SPIDER)
        bare = run_measured([
            sys.executable, "-m", "scrapy", "runspider", str(spider), "-a", f"start_url={url}", "-L", "WARNING",
            "-s", "ROBOTSTXT_OBEY=True", "-s", f"CONCURRENT_REQUESTS={CONCURRENCY}",
            "-s", f"CONCURRENT_REQUESTS_PER_DOMAIN={CONCURRENCY}", "-s", "TELNETCONSOLE_ENABLED=False",
        ])
        sites = work / f"sites-{pages}.yaml"
        sites.write_text(json.dumps({"sites": [{
            "name": f"bench{pages}", "start_urls": [url], "max_pages": pages * 2,
            "politeness": {"concurrency": CONCURRENCY, "delay": 0, "autothrottle": False},
        }]}))
        crawl = [sys.executable, "-m", "crawler", "crawl", "--sites", str(sites), "--data-dir", str(work / f"data-{pages}")]
        first = run_measured(crawl)
        again = run_measured(crawl)
    return {"bare": bare, "first": first, "again": again}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, nargs="+", default=[1000, 5000])
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-crawl-") as temporary:
        work = Path(temporary)
        print(ondemand_report(*ondemand_times(rounds=5)))
        for pages in options.pages:
            runs = bench_site(pages, work)
            bare, first, again = runs["bare"], runs["first"], runs["again"]
            print(f"\n{pages} pages   (memory: peak RSS of the largest process / peak PSS of the process tree)")
            for label, run in (("bare scrapy crawl    ", bare), ("crawl + audit (first)", first), ("re-crawl (unchanged) ", again)):
                summary = run.stdout.splitlines()[0] if run.stdout else ""
                print(f"    {label} {run.seconds:7.1f} s   {run.peak_rss_mb:5.0f} MB / {run.peak_tree_pss_mb:5.0f} MB   {summary}")
            print(f"(a) crawl+audit / bare crawl = {first.seconds / bare.seconds:.2f} (target <= 1.5)")
            print(f"(b) first crawl / re-crawl   = {first.seconds / again.seconds:.1f}x (target >= 5x)")
            peak = max(first.peak_rss_mb, first.peak_tree_pss_mb, again.peak_rss_mb, again.peak_tree_pss_mb)
            print(f"(c) peak memory {peak:.0f} MB (target < 300 MB, flat across sizes)")


if __name__ == "__main__":
    main()
