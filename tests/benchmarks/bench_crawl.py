"""Crawl benchmark on a generated site served on loopback, all ratios measured in the same run.

  (a) `content-audit crawl` (crawl + parse + store + audit + report) against a bare Scrapy crawl
      of the same site that does nothing with the pages. Target: at most 1.5.
  (b) re-crawl of the unchanged site (304s, nothing re-parsed) against the first crawl.
      Target: at least 5x faster.
  (c) peak RSS of the crawl process at 1,000 and 5,000 pages. Target: under 300 MB and flat.
  (d) `content-audit audit URL` for one loopback page, end to end. Target: under 1.5 s.

Pages are the seed pages with their figures varied per page (so claims and findings vary), a
navigation block linking to neighbours and a hub. Run:
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
import time
from pathlib import Path

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


def run_measured(command: list[str], env: dict | None = None) -> tuple[float, float, str]:
    """Like subprocess.run, but reaps the child with wait4 to read its own peak RSS."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, **(env or {})})
    stdout = process.stdout.read()
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{stderr.decode()[-3000:]}")
    return elapsed, usage.ru_maxrss / 1024, stdout.decode()


def bench_site(pages: int, work: Path) -> dict:
    site_root = work / f"site-{pages}"
    generate_site(site_root, pages)
    with serve_directory(site_root) as url:
        spider = work / "bare_spider.py"
        spider.write_text(BARE_SPIDER)
        bare_time, bare_rss, _ = run_measured([
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
        first_time, first_rss, first_out = run_measured(crawl)
        again_time, again_rss, again_out = run_measured(crawl)
    return {
        "pages": pages, "bare_s": bare_time, "bare_rss": bare_rss, "first_s": first_time, "first_rss": first_rss,
        "again_s": again_time, "again_rss": again_rss,
        "first_summary": first_out.splitlines()[0], "again_summary": again_out.splitlines()[0],
    }


def bench_ondemand(work: Path, rounds: int = 5) -> list[float]:
    root = work / "one"
    root.mkdir()
    (root / "page.html").write_text((SEEDS / "cpt-vs-ccma.html").read_text(encoding="utf-8"))
    times = []
    with serve_directory(root) as url:
        for _ in range(rounds):
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "crawler", "audit", url + "page.html", "--fail-on", "never"],
                check=True, capture_output=True,
            )
            times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, nargs="+", default=[1000, 5000])
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-crawl-") as temporary:
        work = Path(temporary)
        ondemand = sorted(bench_ondemand(work))
        print(f"(d) audit URL, one loopback page: median {ondemand[len(ondemand) // 2]:.2f} s, best {ondemand[0]:.2f} s (target < 1.5 s)")
        for pages in options.pages:
            result = bench_site(pages, work)
            print(f"\n{pages} pages")
            print(f"    bare scrapy crawl     {result['bare_s']:7.1f} s   peak RSS {result['bare_rss']:6.0f} MB")
            print(f"    crawl + audit (first) {result['first_s']:7.1f} s   peak RSS {result['first_rss']:6.0f} MB   {result['first_summary']}")
            print(f"    re-crawl (unchanged)  {result['again_s']:7.1f} s   peak RSS {result['again_rss']:6.0f} MB   {result['again_summary']}")
            print(f"(a) crawl+audit / bare crawl = {result['first_s'] / result['bare_s']:.2f} (target <= 1.5)")
            print(f"(b) first crawl / re-crawl   = {result['first_s'] / result['again_s']:.1f}x (target >= 5x)")
            print(f"(c) peak RSS {result['first_rss']:.0f} MB (target < 300 MB, flat across sizes)")


if __name__ == "__main__":
    main()
