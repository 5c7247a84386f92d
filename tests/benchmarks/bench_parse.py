"""Cost of turning a page into a Document, against a bare BeautifulSoup(html, "lxml") parse.

Prints, per fixture page, the bare parse and parse_html times and the share parse_html adds on
top of the parse it contains, all measured in the same run with the garbage collector paused
(as timeit does) so that collecting earlier pages' trees does not land on whichever step runs.
Target: the added share well under 0.5. Run: .venv/bin/python tests/benchmarks/bench_parse.py
"""

from __future__ import annotations

import gc
from pathlib import Path

from bs4 import BeautifulSoup

from checks.document import parse_html
from timing import fastest_ms

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PAGES = [*sorted((FIXTURES / "seed-site").glob("*.html")), *sorted((FIXTURES / "pages").glob("*.html"))]
ROUNDS = 40


def main() -> None:
    print(f"{'page':44} {'KB':>5} {'bare ms':>8} {'parse_html ms':>14} {'added':>6}")
    gc.disable()
    try:
        for page in PAGES:
            html = page.read_text(encoding="utf-8")
            bare = fastest_ms(lambda: BeautifulSoup(html, "lxml"), ROUNDS)
            ours = fastest_ms(lambda: parse_html(html, page.name), ROUNDS)
            kilobytes = len(html.encode()) / 1024
            print(f"{page.name:44} {kilobytes:5.1f} {bare:8.2f} {ours:14.2f} {(ours - bare) / bare:6.2f}")
    finally:
        gc.enable()


if __name__ == "__main__":
    main()
