"""Baseline files: written keyed by fingerprint, read back strictly, and what they let through."""

from __future__ import annotations

import json

import pytest

from checks.errors import AuditInputError
from crawler.baseline import SCHEMA, read_baseline, write_baseline
from gatekit import local_result, write_page

PAGE = """<html><body><main><article>
<h1>CCMA exam guide</h1>
<p>The CCMA exam has 200 questions.</p>
<p>Phlebotomy programs take 4 to 8 months.</p>
</article></main></body></html>
"""


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_round_trip_keeps_every_fingerprint_with_text_for_reviewers(facts, workdir):
    result = local_result(facts, write_page(workdir, "guide.html", PAGE))
    written = write_baseline(result, workdir / "baseline.json")
    document = json.loads((workdir / "baseline.json").read_text())
    assert document["schema"] == SCHEMA and document["version"] == 1
    assert written == len(document["findings"]) == len({f.fingerprint for f in result.findings}) > 0
    wrong = next(f for f in result.findings if f.rule == "contradicts-fact")
    assert document["findings"][wrong.fingerprint] == {"rule": "contradicts-fact", "url": "guide.html", "message": wrong.message}
    assert list(document["findings"]) == sorted(document["findings"])
    baseline = read_baseline(workdir / "baseline.json")
    assert baseline.without_known(result).findings == ()
    assert baseline.count_known(result) == len(result.findings)


def test_moved_text_stays_known_and_a_new_wrong_number_does_not(facts, workdir):
    before = local_result(facts, write_page(workdir, "guide.html", PAGE))
    write_baseline(before, workdir / "baseline.json")
    baseline = read_baseline(workdir / "baseline.json")
    moved = PAGE.replace("<h1>CCMA exam guide</h1>", "<h1>CCMA exam guide</h1>\n\n<p>An introduction with no figures.</p>\n<p>More words.</p>")
    moved = moved.replace("The CCMA exam has 200 questions.", "Candidates note that the CCMA exam has 200 questions.")
    assert baseline.without_known(local_result(facts, write_page(workdir, "guide.html", moved))).findings == ()
    changed = PAGE.replace("200 questions", "210 questions")
    new = baseline.without_known(local_result(facts, write_page(workdir, "guide.html", changed))).findings
    assert [(f.rule, f.claims[0].evidence.matched) for f in new] == [("contradicts-fact", "210 questions")]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "baseline is not valid JSON"),
        ('{"findings": {}}', "not a content-audit baseline"),
        ('{"schema": "content-audit/baseline", "version": 9, "findings": {}}', "baseline version 9 is not supported"),
        ('{"schema": "content-audit/baseline", "version": 1, "findings": []}', "must be an object keyed by fingerprint"),
    ],
)
def test_bad_baseline_files_are_refused_with_the_reason(workdir, content, message):
    (workdir / "b.json").write_text(content)
    with pytest.raises(AuditInputError, match=message):
        read_baseline(workdir / "b.json")


def test_missing_baseline_file_names_the_path(workdir):
    with pytest.raises(AuditInputError, match="nope.json: cannot read baseline"):
        read_baseline(workdir / "nope.json")


def test_a_baseline_written_with_hex_fingerprints_still_matches(facts, workdir):
    result = local_result(facts, write_page(workdir, "guide.html", PAGE))
    hex_of = {letters: letters.translate(str.maketrans("ghijklmnopqrstuv", "0123456789abcdef")) for letters in
              (f.fingerprint for f in result.findings)}
    assert all(not any(ch.isdigit() for ch in letters) for letters in hex_of)
    old = workdir / "old-baseline.json"
    old.write_text(json.dumps({"schema": SCHEMA, "version": 1, "findings": {h: {} for h in hex_of.values()}}))
    assert read_baseline(old).fingerprints == frozenset(hex_of)
