"""Fourth red-team round: the engine on tests/fixtures/realistic4/, twelve pages from source types
the earlier rounds did not cover: a BLS Occupational Outlook Handbook page and a content farm's copy
of it, a salary aggregator (averages per company and city), an exam-prep vendor for other
credentials, California's CPT I/II board page, a college catalog, a news article with attributed
figures, a numbered listicle, a Spanish/English page, an FAQ duplicated in JSON-LD, a guide titled
for one credential that compares three, and two pages of one site that disagree on figures no fact
covers. All twelve are audited together as one site, as the acceptance run audits a directory.

Each planted error, trap and severity ceiling is its own test. Expectations the engine does not
meet yet are listed in GAPS and run as strict xfails: when a fix makes one pass, the xfail fails
and tells you to drop its entry.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from realistickit import RealisticSuite, page_id

# Test id -> why the engine misses it today. Remove an entry when its xfail starts passing.
GAPS: dict[str, str] = {
    "college-phlebotomy-certificate-catalog:find:contradicts-fact:5 semester hours": "engine gap: '5 semester hours of college credit' (ACE) is not read as credits; '5 college credits' is",
    "examen-ccma-cpt-bilingue:find:contradicts-fact:2½ hours+120 minutes": "engine gap: vulgar fractions ('2½ hours') are not quantities",
    "examen-ccma-cpt-bilingue:find:qualifier-mismatch:100 preguntas+120": "engine gap: Spanish nouns and cues ('100 preguntas en total') are not in the vocabulary",
    "phlebotomist-salary-aggregator:not:$21.06": "engine gap: per-company and per-city pay on a salary aggregator ('San Jose, CA $28.16 per hour 96 salaries reported') is read as the national median",
    "phlebotomist-salary-aggregator:not:$19.95": "engine gap: per-company and per-city pay on a salary aggregator ('San Jose, CA $28.16 per hour 96 salaries reported') is read as the national median",
    "phlebotomist-salary-aggregator:not:$18.74": "engine gap: per-company and per-city pay on a salary aggregator ('San Jose, CA $28.16 per hour 96 salaries reported') is read as the national median",
    "california-phlebotomy-certification:not:for the state certificate": "engine gap: California's CPT I requirement ('50 venipunctures ... for the state certificate') is checked against the NHA CPT's 30",
    "california-phlebotomy-certification:max-severity": "engine gap: California's 50 venipunctures contradict the NHA CPT fact (error)",
}

SUITE = RealisticSuite(Path(__file__).parent / "fixtures" / "realistic4", GAPS)


@pytest.mark.parametrize("entry, expected", SUITE.cases("find"))
def test_planted_error_is_found(entry, expected):
    SUITE.assert_found(entry, expected)


@pytest.mark.parametrize("entry, trap", SUITE.cases("not"))
def test_no_finding_quotes_a_trap(entry, trap):
    SUITE.assert_no_quote(entry, trap)


@pytest.mark.parametrize("entry, unwanted", SUITE.cases("not-find"))
def test_unwanted_finding_is_absent(entry, unwanted):
    SUITE.assert_not_found(entry, unwanted)


@pytest.mark.parametrize("entry, ceiling", SUITE.cases("max-severity"))
def test_correct_page_stays_under_its_severity_ceiling(entry, ceiling):
    SUITE.assert_under_ceiling(entry, ceiling)


def test_every_fixture_page_has_expectations():
    SUITE.assert_pages_described()


def test_every_gap_names_an_existing_case():
    SUITE.assert_gaps_name_cases()


@pytest.mark.parametrize("entry", SUITE.pages, ids=page_id)
def test_every_trap_is_on_its_page(entry):
    SUITE.assert_traps_on_page(entry)
