"""Fifth red-team round: paraphrase robustness on tests/fixtures/realistic5/. The seed's planted
errors and traps are rewritten with the same facts in the many ways editors phrase them: training
ranges in number words, en dashes and 'between X and Y', spread over prose, FAQ accordions,
definition lists and comparison tables; yearly openings presented as 'add N jobs', 'N new roles',
'about 112.3k new jobs' (and, correctly, 'creating N positions each year'); the CCMA's scored count
as the total in a key-facts list, a stat card, a key-value table and a '150-question exam'; stale
dates in visible text, US numeric form, <time>, JSON-LD only and meta only. Six pages carry planted
errors, six are trap-only: product counts, prices, author experience, accelerated minimums, prep
time, correct differences, agreeing hourly figures, a scored-items topic table, correct BLS
sentences. All twelve are audited together as one site, as the acceptance run audits a directory.

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

SUITE = RealisticSuite(Path(__file__).parent / "fixtures" / "realistic5", GAPS)


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
