"""Third red-team round: the engine on tests/fixtures/realistic3/, twelve sibling pages of the two
seed sites. Spoke pages are built on the cpt-vs-ccma.html template (at-a-glance table, CTA, sources
line with a review date); long articles on the medical-assistant-vs-phlebotomist.html Avada template
(key-differences list, comparison tables, BLS prose, FAQ accordion with hidden rich-snippet dates).
All twelve are audited together as one site, as the acceptance run audits a directory, so
cross-page findings and references between them count.

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
}

SUITE = RealisticSuite(Path(__file__).parent / "fixtures" / "realistic3", GAPS)


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
