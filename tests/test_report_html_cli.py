"""`content-audit audit --format html`: the on-demand audit writes the same report, run for real."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reportkit import Scan

SEED = sorted(str(p) for p in (Path(__file__).parent / "fixtures" / "seed-site").glob("*.html"))
CLI = Path(sys.executable).parent / "content-audit"


def audit(*extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(CLI), "audit", *SEED, "--today", "2026-11-25", "--format", "html", *extra],
        capture_output=True, text=True, timeout=120,
    )


def test_audit_writes_one_html_report_with_every_finding(tmp_path):
    target = tmp_path / "audit.html"
    ran = audit("--output", str(target))
    assert ran.returncode == 1, ran.stderr
    html = target.read_text(encoding="utf-8")
    scan = Scan(html)
    assert html.startswith("<!DOCTYPE html>") and scan.elements("title")
    rules = {card["data-rule"] for card in scan.elements("article", "finding")}
    assert {"contradicts-fact", "qualifier-mismatch", "self-contradiction", "stale-review"} <= rules
    assert "On-demand audit: not compared with earlier runs." in html


def test_audit_html_on_stdout_is_byte_identical_run_to_run():
    first, second = audit(), audit()
    assert first.stdout == second.stdout and first.stdout.startswith("<!DOCTYPE html>")
