"""Audit cost against a bare parse, on the seed pages.

Prints, per page, the time of the whole audit (decode, parse into blocks, extract claims, run
every rule) against the time BeautifulSoup with lxml takes just to parse the same HTML, as a
ratio measured in the same run. Target: at most 2x. Run: .venv/bin/python tests/benchmarks/bench_audit.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bs4 import BeautifulSoup

import config
from checks.decode import decode_html
from checks.document import parse_html
from checks.engine import audit
from checks.factfile import load_facts
from checks.textcache import forget_text_caches
from timing import median_ms

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "seed-site"
ROUNDS = 30


def main() -> None:
    facts = load_facts(config.DEFAULT_FACTS.read_text(encoding="utf-8"))
    today = dt.date(2026, 11, 25)
    print(f"{'page':<42} {'KB':>6} {'bare parse ms':>14} {'audit ms':>9} {'ratio':>6}")
    for path in sorted(PAGES.glob("*.html")):
        body = path.read_bytes()
        html = body.decode("utf-8")
        bare = median_ms(lambda: BeautifulSoup(html, "lxml"), ROUNDS)
        full = median_ms(lambda: (forget_text_caches(), audit([parse_html(decode_html(body), path.name)], facts, today)), ROUNDS)
        print(f"{path.name:<42} {len(body) / 1024:>6.1f} {bare:>14.2f} {full:>9.2f} {full / bare:>6.2f}")


if __name__ == "__main__":
    main()
