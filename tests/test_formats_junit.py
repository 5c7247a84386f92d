"""JUnit XML output, read back with junitparser: one case per page, a failure per finding."""

from __future__ import annotations

import datetime as dt

from junitparser import Error, Failure, JUnitXml

from checks.model import PageFailure
from gatekit import SEED_PAGES, local_result, write_page
from reports.formats import junit


def parsed(result) -> JUnitXml:
    return JUnitXml.fromstring(junit.render(result).encode("utf-8"))


def test_one_case_per_page_and_a_failure_per_finding(facts):
    result = local_result(facts, *SEED_PAGES)
    [suite] = list(parsed(result))
    cases = {case.name: case for case in suite}
    assert set(cases) == {page.url for page in result.pages}
    for page in result.pages:
        failures = [r for r in cases[page.url].result if isinstance(r, Failure)]
        assert [(f.type, f.message) for f in failures] == [(f.rule, f.message) for f in page.findings]
    assert suite.tests == len(result.pages)
    assert suite.failures == len(result.findings)
    assert suite.errors == 0


def test_failure_text_locates_the_claim_and_gives_the_fix(facts, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    page = write_page(tmp_path, "ccma.html", "<html><body>\n<p>The CCMA exam has 200 questions.</p>\n</body></html>")
    [suite] = list(parsed(local_result(facts, page)))
    [case] = list(suite)
    [failure] = case.result
    assert "at ccma.html:2:22 (body > p)" in failure.text
    assert "fix: Change `200 questions` to `180`" in failure.text
    assert "fingerprint: " in failure.text


def test_clean_page_passes_and_unreachable_page_is_an_error(facts, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    page = write_page(tmp_path, "ok.html", "<p>The CCMA exam has 180 questions.</p>")
    result = local_result(facts, page, failures=(PageFailure("https://example.org/x", "HTTP 503 after 2 retries", 503),))
    [suite] = list(parsed(result))
    cases = {case.name: case for case in suite}
    assert cases["ok.html"].is_passed
    [error] = cases["https://example.org/x"].result
    assert isinstance(error, Error) and error.message == "HTTP 503 after 2 retries"


def test_overdue_facts_fail_a_case_for_the_fact_file(facts, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    page = write_page(tmp_path, "ok.html", "<p>The CCMA exam has 180 questions.</p>")
    result = local_result(facts, page, today=dt.date(2030, 1, 1))
    assert result.overdue_facts
    [suite] = list(parsed(result))
    facts_case = next(case for case in suite if case.name == result.facts_path)
    assert len(facts_case.result) == len(result.overdue_facts)
    assert {r.type for r in facts_case.result} == {"overdue-fact"}


def test_control_characters_from_a_page_do_not_break_the_xml(facts, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    page = write_page(tmp_path, "ctl.html", "<p>The CCMA exam\x0b has 200 questions.</p>")
    [suite] = list(parsed(local_result(facts, page)))
    [case] = list(suite)
    assert "200 questions" in case.result[0].text
