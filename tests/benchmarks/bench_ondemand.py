"""On-demand audit benchmark: `content-audit audit URL` for one seed page served on loopback,
end to end (a new process: start-up, imports, robots.txt, fetch, parse, audit, text output).

Prints the median and best of several rounds, and their ratio to a bare `python -c pass` start
on the same machine (so a loaded machine shows as a higher baseline, not as a slower audit).
Target: under 1.5 s. Run:
  .venv/bin/python tests/benchmarks/bench_ondemand.py [--rounds 7]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from crawler.localsite import serve_directory

SEED_PAGE = Path(__file__).resolve().parents[1] / "fixtures" / "seed-site" / "cpt-vs-ccma.html"
TARGET_S = 1.5


def timed(command: list[str], rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return sorted(times)


def ondemand_times(rounds: int) -> tuple[list[float], list[float]]:
    """(audit URL times, bare interpreter start times), each sorted."""
    with tempfile.TemporaryDirectory(prefix="bench-ondemand-") as temporary:
        root = Path(temporary)
        (root / "page.html").write_bytes(SEED_PAGE.read_bytes())
        with serve_directory(root) as url:
            audit = timed([sys.executable, "-m", "crawler", "audit", url + "page.html", "--fail-on", "never"], rounds)
    return audit, timed([sys.executable, "-c", "pass"], rounds)


def report(audit: list[float], bare: list[float]) -> str:
    median, baseline = statistics.median(audit), statistics.median(bare)
    return (
        f"(d) audit URL, one loopback page: median {median:.2f} s, best {audit[0]:.2f} s (target < {TARGET_S} s);"
        f" bare interpreter start {baseline:.3f} s, ratio {median / baseline:.0f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=7)
    print(report(*ondemand_times(parser.parse_args().rounds)))


if __name__ == "__main__":
    main()
