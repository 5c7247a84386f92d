"""The installed `content-audit audit` command on real files: output, exit codes, bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed-site"
COMMAND = str(Path(sys.executable).with_name("content-audit"))
SEED_PAGES = [str(SEED / "cpt-vs-ccma.html"), str(SEED / "medical-assistant-vs-phlebotomist.html")]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([COMMAND, *args], input=stdin, capture_output=True, timeout=120)


def test_seed_pages_json_names_the_planted_errors():
    result = run("audit", *SEED_PAGES, "--today", "2026-11-25", "--format", "json", "--fail-on", "never")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["schema"] == "content-audit/audit" and report["version"] == 2
    findings = [f for page in report["pages"] for f in page["findings"]]
    rules = {f["rule"] for f in findings}
    assert {"self-contradiction", "contradicts-fact", "qualifier-mismatch", "stale-review"} <= rules
    text = json.dumps(findings)
    for needle in ("4 months to 2 years", "112,300", "18,400", "2026-06-18", "2026-01-03"):
        assert needle in text
    for trap in ("590", "as little as one month", "1 to 2 months of preparation", "$540", "10+ years", "19.99"):
        assert trap not in text


def test_fail_on_threshold_sets_the_exit_code():
    assert run("audit", *SEED_PAGES, "--today", "2026-11-25").returncode == 1
    assert run("audit", SEED_PAGES[0], "--today", "2026-11-25", "--fail-on", "error").returncode == 0
    assert run("audit", SEED_PAGES[0], "--today", "2026-11-25", "--fail-on", "warning").returncode == 1
    assert run("audit", SEED_PAGES[0], "--today", "2026-07-01", "--fail-on", "info").returncode == 0


def test_text_output_groups_by_page_with_quote_fact_and_claims():
    result = run("audit", *SEED_PAGES, "--today", "2026-11-25", "--claims", "--fail-on", "never")
    out = result.stdout.decode()
    assert "medical-assistant-vs-phlebotomist.html" in out and "self-contradiction" in out
    assert "“The time it takes to train as a medical assistant" in out
    assert "fact: 9–24 months — BLS Occupational Outlook Handbook" in out
    assert "ccma · exam_questions · total = 180" in out


def test_directory_and_stdin(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.html").write_text("<p>The CCMA exam has 200 questions.</p>")
    (tmp_path / "notes.txt").write_text("The CCMA exam has 200 questions.")
    by_dir = run("audit", str(tmp_path), "--format", "json")
    assert by_dir.returncode == 1
    assert [p["url"] for p in json.loads(by_dir.stdout)["pages"]] == [str(tmp_path / "sub" / "a.html")]
    by_stdin = run("audit", "-", "--format", "json", stdin=b"<p>The CCMA exam has 180 questions.</p>")
    assert by_stdin.returncode == 0 and json.loads(by_stdin.stdout)["pages"][0]["url"] == "<stdin>"


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
    ],
)
def test_unusable_files_get_a_clear_error(tmp_path, content, message):
    page = tmp_path / "page.html"
    page.write_bytes(content)
    result = run("audit", str(page))
    assert result.returncode == 2
    err = result.stderr.decode()
    assert "page.html" in err and message in err.lower() and "Traceback" not in err


def test_invalid_utf8_is_read_not_refused(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes("<p>The CCMA exam has 200 questions — caf\u00e9</p>".encode() + b"\xff\xfe\xfa broken")
    result = run("audit", str(page), "--format", "json")
    assert result.returncode == 1 and "Traceback" not in result.stderr.decode()
    assert json.loads(result.stdout)["summary"]["findings"] >= 1


def test_huge_page_is_refused_with_its_size(tmp_path):
    page = tmp_path / "huge.html"
    page.write_bytes(b"<p>" + b"word " * (4 * 1024 * 1024) + b"</p>")
    result = run("audit", str(page))
    assert result.returncode == 2
    assert "MB" in result.stderr.decode() and "Traceback" not in result.stderr.decode()


def test_deeply_nested_markup_is_handled(tmp_path):
    page = tmp_path / "deep.html"
    page.write_text("<div>" * 20000 + "<p>The CCMA exam has 200 questions.</p>" + "</div>" * 20000)
    result = run("audit", str(page), "--format", "json")
    assert result.returncode in (1, 2), result.stderr
    assert "Traceback" not in result.stderr.decode()


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["audit", "no-such-file.html"], "no such file"),
        (["audit", "--today", "25/11/2026", "x.html"], "YYYY-MM-DD"),
        (["audit", "--fail-on", "sometimes", "x.html"], "sometimes"),
    ],
)
def test_usage_errors_exit_2(args, fragment):
    result = run(*args)
    assert result.returncode == 2 and fragment in result.stderr.decode()


def test_malformed_fact_file_names_file_and_line(tmp_path):
    facts = tmp_path / "facts.yaml"
    facts.write_text("version: '1'\nentities:\n  - id: x\n    name: X\n    kind: credential\n    aliases: oops\n")
    result = run("audit", SEED_PAGES[0], "--facts", str(facts))
    err = result.stderr.decode()
    assert result.returncode == 2 and "facts.yaml:" in err and "Traceback" not in err
