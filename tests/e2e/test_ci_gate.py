"""`content-audit audit` as a pull-request gate, run as the installed command in a subprocess:
exit codes, several report files in one run, baselines, suppressions, Markdown and
--changed-since on a real temporary git repository."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft4Validator
from junitparser import JUnitXml

COMMAND = str(Path(sys.executable).with_name("content-audit"))
SARIF_SCHEMA = json.loads((Path(__file__).parents[1] / "fixtures" / "sarif" / "sarif-2.1.0-rtm.5.json").read_text())
TODAY = ("--today", "2026-11-25")

GUIDE = """<!DOCTYPE html>
<html><head><title>CCMA exam guide</title></head>
<body><main><article>
<h1>CCMA exam guide</h1>
<p>The CCMA exam has 180 questions and takes 3 hours.</p>
<p>Most programs take 9 months to 2 years.</p>
</article></main></body></html>
"""
SHARE_A = "<p>In 2024, hospitals employed 36% of phlebotomists.</p>\n"
SHARE_B = "<p>In 2024, hospitals employed 40% of phlebotomists.</p>\n"
MARKDOWN = """---
title: CCMA facts
reviewed: 2026-06-18
---

# CCMA facts

The **CCMA exam** has [200 questions](https://example.org/ccma).
"""


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([COMMAND, "audit", *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def findings_of(completed: subprocess.CompletedProcess) -> list[dict]:
    return [finding for page in json.loads(completed.stdout)["pages"] for finding in page["findings"]]


def git(cwd: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull}
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


# --- exit codes -----------------------------------------------------------------------------


def test_exit_0_on_a_clean_page_and_1_on_a_wrong_number(tmp_path):
    write(tmp_path, "guide.html", GUIDE)
    assert run(tmp_path, "guide.html", *TODAY).returncode == 0
    write(tmp_path, "guide.html", GUIDE.replace("180 questions", "200 questions"))
    completed = run(tmp_path, "guide.html", *TODAY)
    assert completed.returncode == 1
    assert "contradicts-fact" in completed.stdout


def test_fail_on_decides_which_severity_fails(tmp_path):
    write(tmp_path, "a.html", SHARE_A)
    write(tmp_path, "b.html", SHARE_B)  # a warning (cross-page) and info (unknown claims), no error
    assert run(tmp_path, "a.html", "b.html", *TODAY).returncode == 0
    assert run(tmp_path, "a.html", "b.html", *TODAY, "--fail-on", "warning").returncode == 1
    assert run(tmp_path, "a.html", *TODAY, "--fail-on", "warning").returncode == 0
    assert run(tmp_path, "a.html", *TODAY, "--fail-on", "info").returncode == 1
    assert run(tmp_path, "a.html", "b.html", *TODAY, "--fail-on", "never").returncode == 0


@pytest.mark.parametrize(
    ("files", "args", "message"),
    [
        ({}, ["missing.html"], "missing.html: no such file or directory"),
        ({"g.html": GUIDE, "b.json": "{}"}, ["g.html", "--baseline", "b.json"], "b.json: not a content-audit baseline"),
        ({"g.html": GUIDE}, ["g.html", "--baseline", "none.json"], "none.json: cannot read baseline"),
        ({"g.html": GUIDE, "c.yaml": "per-path-ignores:\n  - path: 'drafts/*'\n    rules: [contradicts-fakt]\n"},
         ["g.html", "--config", "c.yaml"], "c.yaml:3: per-path-ignores[0].rules[0]: unknown rule `contradicts-fakt`; expected a rule name or code"),
        ({"g.html": GUIDE, "c.yaml": "per-path-ignore: []\n"}, ["g.html", "--config", "c.yaml"], "c.yaml:1: per-path-ignore: unknown field"),
        ({"g.html": GUIDE}, ["g.html", "--changed-since", "main"], "--changed-since: git diff failed"),
        ({"bad.md": "---\nreviewed: soon\n---\nText\n"}, ["bad.md"], "bad.md: front matter `reviewed`: expected a date"),
        ({"g.html": GUIDE}, ["g.html", "--format", "xml"], "Invalid value for '--format'"),
    ],
)
def test_exit_2_with_one_clear_line_for_bad_input(tmp_path, files, args, message):
    for name, text in files.items():
        write(tmp_path, name, text)
    completed = run(tmp_path, *args, *TODAY)
    assert completed.returncode == 2
    assert message in completed.stderr
    assert "Traceback" not in completed.stderr


# --- several formats in one run --------------------------------------------------------------


def test_text_on_stdout_and_sarif_junit_json_files_from_one_run(tmp_path):
    write(tmp_path, "site/guide.html", GUIDE.replace("180 questions", "200 questions"))
    write(tmp_path, "site/facts.md", MARKDOWN)
    completed = run(tmp_path, "site", *TODAY, "--format", "text",
                    "--output-sarif", "out.sarif", "--output-junit", "out.xml", "--output-json", "out.json")
    assert completed.returncode == 1
    assert "site/guide.html" in completed.stdout and "contradicts-fact" in completed.stdout
    sarif = json.loads((tmp_path / "out.sarif").read_text())
    assert list(Draft4Validator(SARIF_SCHEMA).iter_errors(sarif)) == []
    report = json.loads((tmp_path / "out.json").read_text())
    junit = JUnitXml.fromfile(str(tmp_path / "out.xml"))
    assert len(sarif["runs"][0]["results"]) == report["summary"]["findings"] == junit.failures
    regions = {
        (r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"]): r["locations"][0]["physicalLocation"].get("region")
        for r in sarif["runs"][0]["results"]
    }
    assert regions[("site/facts.md", "CA101")]["startLine"] == 8
    assert regions[("site/facts.md", "CA101")]["startColumn"] == len("The **CCMA exam** has [") + 1
    assert regions[("site/facts.md", "CA104")]["startLine"] == 3
    assert regions[("site/guide.html", "CA101")] == {"startLine": 5, "startColumn": len("<p>The CCMA exam has ") + 1, "snippet": {"text": "200 questions"}}


def test_github_annotations_on_stdout(tmp_path):
    write(tmp_path, "docs/facts.md", MARKDOWN)
    completed = run(tmp_path, "docs", *TODAY, "--format", "github")
    lines = completed.stdout.splitlines()
    assert lines[0].startswith("::error file=docs/facts.md,line=8,col=24,title=contradicts-fact (CA101)::CCMA exam questions")
    assert any(line.startswith("::warning file=docs/facts.md,line=3,col=1,title=stale-review (CA104)::") for line in lines)


# --- baselines ---------------------------------------------------------------------------------


def test_baseline_round_trip(tmp_path):
    legacy = GUIDE.replace("180 questions", "200 questions")
    write(tmp_path, "guide.html", legacy)
    written = run(tmp_path, "guide.html", *TODAY, "--write-baseline", "baseline.json")
    assert written.returncode == 0, written.stderr
    assert "wrote 1 finding fingerprints to the baseline baseline.json" in written.stderr
    assert run(tmp_path, "guide.html", *TODAY, "--baseline", "baseline.json").returncode == 0

    moved = legacy.replace(
        "<h1>CCMA exam guide</h1>",
        "<h1>CCMA exam guide</h1>\n<p>Welcome to our guide.</p>\n<p>Read on for the details of the exam.</p>",
    ).replace("<p>Most programs take 9 months to 2 years.</p>\n", "")
    moved = moved.replace("</article>", "<p>Most programs take 9 months to 2 years.</p>\n</article>")
    write(tmp_path, "guide.html", moved)
    still = run(tmp_path, "guide.html", *TODAY, "--baseline", "baseline.json", "--format", "json")
    assert still.returncode == 0, still.stdout
    assert findings_of(still) == []
    assert "1 findings already in the baseline are not reported" in still.stderr

    write(tmp_path, "guide.html", moved.replace("3 hours", "4 hours"))
    new = run(tmp_path, "guide.html", *TODAY, "--baseline", "baseline.json", "--format", "json")
    assert new.returncode == 1
    assert [(f["rule"], f["evidence"]["text"]) for f in findings_of(new)] == [("contradicts-fact", "4 hours")]


# --- suppressions ------------------------------------------------------------------------------


def test_ignore_comment_passes_the_gate_and_unused_ones_are_reported(tmp_path):
    wrong = GUIDE.replace("<p>The CCMA exam has 180", "<!-- content-audit: ignore contradicts-fact -- old exam form -->\n<p>The CCMA exam has 200")
    write(tmp_path, "guide.html", wrong)
    silenced = run(tmp_path, "guide.html", *TODAY)
    assert silenced.returncode == 0
    assert "1 findings silenced by ignore comments or per-path ignores" in silenced.stderr
    fixed = wrong.replace("has 200", "has 180")
    write(tmp_path, "guide.html", fixed)
    assert run(tmp_path, "guide.html", *TODAY, "--report-unused-suppressions").returncode == 0  # a warning
    reported = run(tmp_path, "guide.html", *TODAY, "--report-unused-suppressions", "--fail-on", "warning", "--format", "json")
    assert reported.returncode == 1
    [unused] = findings_of(reported)
    assert unused["rule"] == "unused-suppression"
    assert (unused["evidence"]["line"], unused["evidence"]["column"]) == (5, 1)


def test_per_path_ignores_from_the_config_file(tmp_path):
    write(tmp_path, "drafts/guide.html", GUIDE.replace("180 questions", "200 questions"))
    write(tmp_path, "live/guide.html", GUIDE)
    write(tmp_path, "gate.yaml", "per-path-ignores:\n  - path: 'drafts/*'\n    rules: [CA101]\n    reason: not published\n")
    assert run(tmp_path, "drafts", "live", *TODAY).returncode == 1
    assert run(tmp_path, "drafts", "live", *TODAY, "--config", "gate.yaml").returncode == 0


# --- --changed-since -------------------------------------------------------------------------


@pytest.fixture
def repo(tmp_path):
    write(tmp_path, "site/unchanged.html", SHARE_A + "<p>The CCMA exam has 200 questions.</p>\n")
    write(tmp_path, "site/changing.html", "<p>Phlebotomists draw blood.</p>\n")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "site")
    git(tmp_path, "checkout", "-q", "-b", "edit")
    return tmp_path


def test_change_that_contradicts_an_unchanged_page_fails(repo):
    write(repo, "site/changing.html", SHARE_B)
    git(repo, "commit", "-q", "-am", "new figure")
    completed = run(repo, "site", *TODAY, "--changed-since", "main", "--fail-on", "warning", "--format", "json")
    assert completed.returncode == 1
    report = json.loads(completed.stdout)
    assert [page["url"] for page in report["pages"]] == ["site/changing.html"]
    assert {f["rule"] for f in findings_of(completed)} == {"cross-page-contradiction", "unknown-claim"}
    assert "reporting on 1 changed of 2 audited pages" in completed.stderr


def test_unchanged_pages_findings_do_not_block_a_change(repo):
    write(repo, "site/changing.html", "<p>Phlebotomists draw blood every day.</p>\n")
    assert run(repo, "site", *TODAY).returncode == 1  # the unchanged page's own wrong number
    completed = run(repo, "site", *TODAY, "--changed-since", "main")
    assert completed.returncode == 0, completed.stdout


def test_untracked_and_uncommitted_files_count_as_changed(repo):
    write(repo, "site/new.html", "<p>The CCMA exam has 210 questions.</p>\n")
    assert run(repo, "site", *TODAY, "--changed-since", "main").returncode == 1
    (repo / "site/new.html").unlink()
    write(repo, "site/changing.html", "<p>The CCMA exam has 220 questions.</p>\n")
    completed = run(repo, "site", *TODAY, "--changed-since", "HEAD", "--format", "json")
    assert completed.returncode == 1
    assert {page["url"] for page in json.loads(completed.stdout)["pages"]} == {"site/changing.html"}


def test_unknown_ref_is_an_input_error(repo):
    completed = run(repo, "site", *TODAY, "--changed-since", "no-such-branch")
    assert completed.returncode == 2
    assert "--changed-since: git diff failed" in completed.stderr


# --- the pre-commit hook definitions -------------------------------------------------------


def test_pre_commit_hooks_run_the_gate(repo):
    from ruamel.yaml import YAML

    hooks = {hook["id"]: hook for hook in YAML(typ="safe").load((Path(__file__).parents[2] / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"content-audit", "content-audit-changed"}
    assert all(hook["require_serial"] and hook["language"] == "python" for hook in hooks.values())
    write(repo, "site/changing.html", "<p>The CCMA exam has 210 questions.</p>\n")

    def run_hook(hook_id: str, *arguments: str) -> int:
        program, *entry_args = hooks[hook_id]["entry"].split()
        assert program == "content-audit"
        return subprocess.run([COMMAND, *entry_args, *arguments, *TODAY], cwd=repo, capture_output=True).returncode

    assert run_hook("content-audit", "site/changing.html") == 1
    assert run_hook("content-audit-changed", "site") == 1
    write(repo, "site/changing.html", "<p>The CCMA exam has 180 questions.</p>\n")
    assert run_hook("content-audit-changed", "site") == 0  # the unchanged page's own error does not block
