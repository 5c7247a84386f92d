"""SARIF output: valid against the official 2.1.0 schema, with what GitHub code scanning reads."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from jsonschema import Draft4Validator

from checks.model import PageFailure
from checks.rules import RULES
from gatekit import FIXTURES, SEED_PAGES, local_result, write_page
from reports.formats import sarif

SCHEMA = json.loads((FIXTURES / "sarif" / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))
SUPPRESSED_PAGE = """<html><body><main><article>
<!-- content-audit: ignore contradicts-fact -- stale comment -->
<p>The CCMA exam has 180 questions.</p>
<p>The CCMA exam has 200 questions.</p>
</article></main></body></html>
"""


@pytest.fixture
def rich_result(facts, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    extra = write_page(tmp_path, "content/ccma guide.html", SUPPRESSED_PAGE)
    failure = PageFailure("https://example.org/gone", "HTTP 404", 404)
    return local_result(facts, *SEED_PAGES, extra, today=dt.date(2027, 6, 1), failures=(failure,))


def sarif_of(result) -> dict:
    return json.loads(sarif.render(result))


def test_output_is_valid_sarif_2_1_0(rich_result):
    log = sarif_of(rich_result)
    errors = sorted(Draft4Validator(SCHEMA).iter_errors(log), key=lambda e: list(e.path))
    assert errors == [], [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")


def test_schema_rejects_what_code_scanning_would_reject(rich_result):
    """The vendored schema is strict enough to catch a malformed log (guards the test above)."""
    log = sarif_of(rich_result)
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert list(Draft4Validator(SCHEMA).iter_errors(log))


def test_rules_carry_catalogue_metadata(rich_result):
    driver = sarif_of(rich_result)["runs"][0]["tool"]["driver"]
    assert driver["name"] == "content-audit" and driver["version"]
    by_id = {rule["id"]: rule for rule in driver["rules"]}
    for rule in RULES:
        descriptor = by_id[rule.code]
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert descriptor["fullDescription"]["text"] == descriptor["help"]["markdown"] == rule.doc
        assert "## Why is this bad?" in descriptor["help"]["markdown"]
    assert by_id["CA101"]["defaultConfiguration"]["level"] == "error"
    assert by_id["CA301"]["defaultConfiguration"]["level"] == "note"


def test_results_point_at_the_rule_and_the_claim_in_the_file(rich_result):
    run = sarif_of(rich_result)["runs"][0]
    results = run["results"]
    assert len(results) == len(rich_result.findings)
    for result, finding in zip(results, rich_result.findings):
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["partialFingerprints"] == {"contentAudit/v1": finding.fingerprint}
        assert result["message"]["text"] == finding.message
    wrong = next(r for r in results if r["ruleId"] == "CA101" and "200" in r["message"]["text"])
    location = wrong["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "content/ccma%20guide.html"
    assert location["region"] == {"startLine": 4, "startColumn": 22, "snippet": {"text": "200 questions"}}


def test_unused_suppression_is_a_result_with_its_own_rule(rich_result):
    """The comment sits on the paragraph that says 180, so it silences nothing."""
    run = sarif_of(rich_result)["runs"][0]
    [unused] = [r for r in run["results"] if r["properties"]["rule"] == "unused-suppression"]
    assert run["tool"]["driver"]["rules"][unused["ruleIndex"]]["name"] == "unused-suppression"
    assert unused["level"] == "warning"
    assert unused["locations"][0]["physicalLocation"]["region"]["startLine"] == 2


def test_levels_follow_severity(facts, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    page = write_page(tmp_path, "p.html", "<p>The CCMA exam has 200 questions.</p><!-- content-audit: ignore arithmetic -->"
                      "<p>In 2024, hospitals employed 36% of phlebotomists.</p>")
    results = sarif_of(local_result(facts, page))["runs"][0]["results"]
    levels = {r["properties"]["rule"]: r["level"] for r in results}
    assert levels == {"contradicts-fact": "error", "unknown-claim": "note", "unused-suppression": "warning"}
