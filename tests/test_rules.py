"""Each rule on pages that must trigger it and pages that must not."""

from __future__ import annotations

import datetime as dt

import pytest

from checks.engine import AuditSettings
from checks.rules import RULES
from pagekit import audit_html, audit_pages, page


def rules_fired(result, url: str | None = None) -> list[str]:
    return [f.rule for f in result.findings if url is None or f.url == url]


def findings_of(result, rule: str):
    return [f for f in result.findings if f.rule == rule]


# --- contradicts-fact ------------------------------------------------------------------------

WRONG_FACTS = [
    ("<p>The CCMA exam has 200 questions.</p>", "200"),
    ("<p>The CPT phlebotomy exam gives you 90 minutes to answer its questions.</p>", "90 minutes"),
    ("<h2>CCMA exam format</h2><p>Time limit: 2 hours</p>", "2 hours"),
    ("<p>Medical assistants earn a median salary of $41,000 a year.</p>", "$41,000"),
    ("<p>Phlebotomist jobs are projected to grow 10% from 2024 to 2034.</p>", "10%"),
    ("<p>Phlebotomy training programs typically take 10-14 months.</p>", "10-14 months"),
    ("<p>The AAMA CMA exam has 180 questions for medical assistants.</p>", "180"),
    ("<p>To sit for the NHA CPT exam you need at least 25 venipunctures on live patients.</p>", "25 venipunctures"),
    # a bound the figure breaks, or one so far off it says nothing
    ("<p>The CCMA exam has more than 200 questions.</p>", "200"),
    ("<p>The CPT phlebotomy exam gives you up to 90 minutes.</p>", "90 minutes"),
    ("<p>More than 500,000 medical assistants were employed in 2024.</p>", "500,000"),
    # a percentile's bound is its own wording: it must be the figure
    ("<p>The highest 10% of medical assistants earned more than $57,380.</p>", "$57,380"),
]


@pytest.mark.parametrize("body, wrong", WRONG_FACTS)
def test_contradicts_fact_fires_on_wrong_figures(facts, body, wrong):
    result = audit_html(facts, page(body))
    found = findings_of(result, "contradicts-fact")
    assert found, rules_fired(result)
    assert wrong in found[0].message
    assert found[0].fact is not None and found[0].hint.startswith("Change")


RIGHT_FACTS = [
    "<p>The CCMA exam has 180 questions and a 3-hour time limit.</p>",
    "<p>The CPT exam for phlebotomists: 120 questions in 2 hours.</p>",
    "<p>Medical assistants earned a median annual wage of $44,200 in May 2024.</p>",
    "<p>Employment of phlebotomists is projected to grow 6% from 2024 to 2034.</p>",
    "<p>Most phlebotomy programs take 4 to 8 months.</p>",
    "<p>Medical assistant programs take between 9 months and 2 years.</p>",
    "<p>The AAMA CMA exam for medical assistants has 200 questions over 160 minutes.</p>",
    "<p>NHA requires at least 30 venipunctures and 10 capillary sticks for the CPT exam.</p>",
    # a bound the figure keeps, close to it
    "<p>More than 800,000 medical assistants were employed in 2024.</p>",
    "<p>Medical assistant employment will grow by over 100,000 jobs from 2024 to 2034.</p>",
    "<p>The CCMA exam gives you up to 3 hours.</p>",
]


@pytest.mark.parametrize("body", RIGHT_FACTS)
def test_correct_figures_raise_nothing(facts, body):
    result = audit_html(facts, page(body))
    assert [f for f in result.findings if f.severity.value != "info"] == []


# --- qualifier-mismatch ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "body, number",
    [
        ("<p>The CCMA exam has 150 questions.</p>", "150"),
        ("<p>Medical assistant employment will grow 12%, adding about 112,300 new jobs.</p>", "112,300"),
        ("<p>Phlebotomist roles will grow 6%, creating about 18,400 new positions.</p>", "18,400"),
        ("<p>The phlebotomy CPT exam has 100 questions.</p>", "100"),
    ],
)
def test_qualifier_mismatch_fires_for_a_number_of_another_qualifier(facts, body, number):
    result = audit_html(facts, page(body))
    found = findings_of(result, "qualifier-mismatch")
    assert found and number in found[0].message, rules_fired(result)
    assert "contradicts-fact" not in rules_fired(result)


@pytest.mark.parametrize(
    "body",
    [
        "<p>The CCMA has 150 scored multiple-choice questions, plus 30 unscored pretest questions.</p>",
        "<p>The CPT exam has 120 questions: 100 scored and 20 pretest items. It certifies phlebotomists.</p>",
        "<p>About 112,300 openings for medical assistants are projected each year.</p>",
        "<p>The CCMA exam has 180 questions (150 scored).</p>",
    ],
)
def test_qualified_numbers_are_not_mismatches(facts, body):
    result = audit_html(facts, page(body))
    assert rules_fired(result) == [], [f.message for f in result.findings]


# --- outdated-statistic ----------------------------------------------------------------------


def test_outdated_salary_vintage_is_reported(facts):
    result = audit_html(facts, page("<p>Median salary (2022): medical assistants earned $38,270.</p>"))
    found = findings_of(result, "outdated-statistic")
    assert found and "2022" in found[0].message and "44,200" in found[0].message


def test_old_projection_period_is_reported(facts):
    result = audit_html(facts, page("<table><tr><th>Job Outlook, 2019-29</th><td>Medical assistants: 19%</td></tr></table>"))
    assert "outdated-statistic" in rules_fired(result), [f.message for f in result.findings]


def test_current_vintage_is_not_outdated(facts):
    result = audit_html(facts, page("<p>Median salary (2024): medical assistants earned $44,200.</p>"))
    assert rules_fired(result) == []


# --- self-contradiction ----------------------------------------------------------------------


def test_contradictory_ranges_on_one_page(facts):
    body = (
        "<p>Medical assistant training takes 9 months to 2 years.</p>"
        "<h2>FAQ</h2><p>Medical assistant training typically spans anywhere from 4 months to 2 years.</p>"
    )
    result = audit_html(facts, page(body))
    found = findings_of(result, "self-contradiction")
    assert found and "4 months to 2 years" in found[0].message and "9 months to 2 years" in found[0].message


def test_unfactored_contradiction_blames_the_minority(facts):
    body = (
        "<p>Phlebotomists in Texas earn a median wage of $38,000.</p>"
        "<p>In Texas, phlebotomists earn a median $38,000 per year.</p>"
        "<p>Texas phlebotomists earn a median wage of $41,500.</p>"
    )
    result = audit_html(facts, page(body))
    found = findings_of(result, "self-contradiction")
    assert len(found) == 1 and "$41,500" in found[0].message


def test_a_value_inside_a_stated_range_is_consistent(facts):
    body = "<p>Phlebotomy programs take 4 to 8 months.</p><p>Many phlebotomy programs take 6 months.</p>"
    assert "self-contradiction" not in rules_fired(audit_html(facts, page(body)))


def test_a_wider_range_contradicts_the_range_its_value_sits_in(facts):
    """"9 months" agrees with both ranges, but the ranges do not agree with each other."""
    body = (
        "<p>A medical assistant certificate takes about 9 months, so the range is 9 months to 2 years.</p>"
        "<p>Medical assistant training takes anywhere from 6 months to 3 years.</p>"
    )
    found = findings_of(audit_html(facts, page(body)), "self-contradiction")
    assert len(found) == 1
    assert "6 months to 3 years" in found[0].message and "9 months to 2 years" in found[0].message


# --- cross-page-contradiction ----------------------------------------------------------------


def test_cross_page_contradiction_without_a_fact(facts):
    a = ("a.html", page("<p>Phlebotomists in Ohio earn a median wage of $39,000.</p>"))
    b = ("b.html", page("<p>Phlebotomists in Ohio earn a median wage of $45,000.</p>"))
    result = audit_pages(facts, a, b)
    found = findings_of(result, "cross-page-contradiction")
    assert {f.url for f in found} == {"a.html", "b.html"}
    assert "b.html" in [f for f in found if f.url == "a.html"][0].message


def test_cross_page_blames_only_the_page_that_disagrees_with_a_fact(facts):
    a = ("a.html", page("<p>The CCMA exam has 180 questions.</p>"))
    b = ("b.html", page("<p>The CCMA exam has 200 questions.</p>"))
    result = audit_pages(facts, a, b)
    assert rules_fired(result, "a.html") == []
    found = findings_of(result, "contradicts-fact")
    assert [f.url for f in found] == ["b.html"] and "a.html" in found[0].message


# --- arithmetic ------------------------------------------------------------------------------

TOPIC_TABLE = """<h2>What's on the CCMA exam?</h2><table>
<thead><tr><th>Topic</th><th># of Questions</th><th>Percentage</th></tr></thead><tbody>
<tr><td>Clinical Patient Care</td><td>{a}</td><td>56%</td></tr>
<tr><td>Foundational Knowledge</td><td>15</td><td>10%</td></tr>
<tr><td>Administrative Assisting</td><td>12</td><td>{p}%</td></tr>
<tr><td>Other topics</td><td>39</td><td>26%</td></tr>
<tr><td><strong>Total</strong></td><td>150</td><td>100%</td></tr></tbody></table>"""


def test_table_rows_that_do_not_sum_to_the_total(facts):
    result = audit_html(facts, page(TOPIC_TABLE.format(a=90, p=8)))
    found = findings_of(result, "arithmetic")
    assert any("add up to 156" in f.message for f in found), [f.message for f in found]


def test_a_total_row_labelled_after_what_it_totals_is_named(facts):
    table = TOPIC_TABLE.format(a=90, p=8).replace("<strong>Total</strong>", "Scored items, total")
    messages = [f.message for f in findings_of(audit_html(facts, page(table)), "arithmetic")]
    assert any("add up to 156" in m and "total row ('Scored items, total') says 150" in m for m in messages), messages


def test_table_share_that_does_not_match_its_count(facts):
    result = audit_html(facts, page(TOPIC_TABLE.format(a=84, p=18)))
    messages = [f.message for f in findings_of(result, "arithmetic")]
    assert any("18%" in m and "12 of 150" in m for m in messages), messages


def test_consistent_table_is_clean(facts):
    result = audit_html(facts, page(TOPIC_TABLE.format(a=84, p=8)))
    assert findings_of(result, "arithmetic") == []


def test_hourly_and_annual_that_disagree(facts):
    result = audit_html(facts, page("<p>Medical assistants earn a median $44,200 a year ($19.00 per hour).</p>"))
    found = findings_of(result, "arithmetic")
    assert found and "$19.00" in found[0].message


def test_hourly_and_annual_that_agree(facts):
    body = "<p>Phlebotomists earned a median $43,660 ($20.99 per hour), medical assistants $44,200 ($21.25 per hour).</p>"
    assert rules_fired(audit_html(facts, page(body))) == []


def test_a_worked_example_that_converts_pay_wrongly(facts):
    body = "<h3>Example 3</h3><p>Someone on a hospital draw team might make $24.75 an hour. Over a full year, that's $52,480 a year.</p>"
    found = findings_of(audit_html(facts, page(body)), "arithmetic")
    assert [f.message for f in found] == ["`$24.75 an hour` is $51,480 a year at 2,080 hours a year, not `$52,480 a year`"]
    assert found[0].hint == "Change `$52,480 a year` to $51,480 a year"


def test_an_annual_figure_rounded_to_thousands_agrees_with_its_hourly(facts):
    body = "<p>Phlebotomists are just under $44K: the BLS median is $43,660, which works out to about $20.99 an hour.</p>"
    assert findings_of(audit_html(facts, page(body)), "arithmetic") == []


@pytest.mark.parametrize(("stated", "wrong"), [("101,200", False), ("110,200", True)])
def test_a_rise_of_is_a_stated_difference(facts, stated, wrong):
    body = f"<p>BLS expects medical assistant employment to climb from 811,000 in 2024 to 912,200 in 2034, a rise of about {stated} jobs.</p>"
    found = findings_of(audit_html(facts, page(body)), "arithmetic")
    assert bool(found) == wrong, [f.message for f in found]
    assert not findings_of(audit_html(facts, page(body)), "contradicts-fact")


def test_a_states_difference_from_the_nation_ignores_the_next_sentences_figure(facts):
    body = (
        "<p>Ohio medical assistants earned a median of $41,600 in May 2024, $2,600 less than the national median. "
        "Ohio phlebotomists earned a median of $41,890, or $1,770 below the nation.</p>"
    )
    assert findings_of(audit_html(facts, page(body)), "arithmetic") == []


def test_shares_rounded_to_whole_percents_may_total_99_or_101(facts):
    rows = "".join(f"<tr><td>{name}</td><td>{share}</td></tr>" for name, share in (("Hospitals", 38), ("Labs", 31), ("Offices", 17), ("Other", 13)))
    body = f"<table><tr><th>Setting</th><th>Share (%)</th></tr>{rows}<tr><td>All settings</td><td>100</td></tr></table>"
    assert findings_of(audit_html(facts, page("<h2>Where phlebotomists work</h2>" + body)), "arithmetic") == []


def test_a_pay_conversion_to_an_hourly_figure_ending_in_99_cents_is_checked(facts):
    body = "<h3>Example 2: the top of the scale</h3><p>A senior phlebotomist earns $57,750 a year, or about $22.99 an hour.</p>"
    messages = [f.message for f in findings_of(audit_html(facts, page(body)), "arithmetic")]
    assert messages == ["`$57,750 a year` is $27.76 an hour at 2,080 hours a year, not `$22.99 an hour`"]


def test_a_subscriptions_monthly_and_yearly_prices_are_no_pay_conversion(facts):
    body = "<p>Phlebotomy flashcards Plus: unlimited rounds for $7.99 a month, or $35.99 a year.</p>"
    assert findings_of(audit_html(facts, page(body)), "arithmetic") == []


@pytest.mark.parametrize(
    ("sentence", "message"),
    [
        ("The CPT phlebotomy exam is 60 minutes shorter than the CCMA.", None),
        ("The CPT phlebotomy exam is 50 minutes shorter than the CMA (AAMA).",
         "The stated difference `50 minutes` does not match the facts: CPT 120 minutes and CMA 160 minutes differ by 40 minutes (NHA CPT test plan)"),
        ("The CCMA gives 3 hours of testing time. That's 40 more minutes than the NHA CPT gives you.",
         "The stated difference `40 more minutes` does not match the facts: CCMA 180 minutes and CPT 120 minutes differ by 60 minutes (NHA CCMA test plan)"),
    ],
)
def test_a_time_compared_between_credentials_is_a_stated_difference(facts, sentence, message):
    found = [f.message for f in findings_of(audit_html(facts, page(f"<p>{sentence}</p>")), "arithmetic")]
    assert found == ([message] if message else [])


def test_a_figure_dated_to_another_year_is_no_self_contradiction(facts):
    body = (
        "<p>Ohio medical assistants earn a median of $41,600 a year.</p>"
        "<p>In 2019, Ohio's medical assistant median pay was $33,640; the current figure is higher.</p>"
    )
    assert findings_of(audit_html(facts, page(body)), "self-contradiction") == []


def test_wrong_stated_difference(facts):
    body = "<p>Medical assistants earned a median $44,200 while phlebotomists earned $43,660, a difference of $1,540 per year.</p>"
    found = findings_of(audit_html(facts, page(body)), "arithmetic")
    assert found and "$1,540" in found[0].message


@pytest.mark.parametrize(
    ("phrase", "wrong"),
    [("a $640 difference", True), ("a $540 difference", False), ("a $640-a-year gap", True), ("a $640 pay gap", True), ("a $540 yearly edge", False)],
)
def test_a_difference_named_after_the_amount(facts, phrase, wrong):
    body = f"<figure><figcaption>Median pay, May 2024: phlebotomists $43,660; medical assistants $44,200, {phrase}.</figcaption></figure>"
    found = findings_of(audit_html(facts, page(body)), "arithmetic")
    assert bool(found) == wrong, [f.message for f in found]
    if wrong:
        assert found[0].hint.endswith("to $540")


def test_right_stated_difference(facts):
    body = "<p>Medical assistants earned a median $44,200 while phlebotomists earned $43,660, a difference of about $540 per year.</p>"
    assert rules_fired(audit_html(facts, page(body))) == []


@pytest.mark.parametrize(
    ("sentence", "wrong"),
    [
        ("Final grades weigh exams 40%, skills 30%, externship 20% and homework 15%, for a total of 100%.", True),
        ("Final grades weigh exams 40%, skills 30%, externship 20% and homework 10%, for a total of 100%.", False),
        ("The CCMA exam has 150 scored and 30 pretest questions, for a total of 180.", False),
        ("Of the CCMA exam's 180 questions, 150 are scored and 30 are pretest, totaling 180.", False),
        ("The CPT exam has 100 scored and 25 pretest questions, for a total of 120.", True),
    ],
)
def test_parts_a_sentence_lists_add_up_to_its_stated_total(facts, sentence, wrong):
    found = findings_of(audit_html(facts, page(f"<p>{sentence}</p>")), "arithmetic")
    assert bool(found) == wrong, [f.message for f in found]


def test_an_estimated_total_row_is_a_total_row(facts):
    body = (
        "<h2>Medical assistant program cost</h2><table><tr><th>Item</th><th>Amount</th></tr><tr><td>Tuition</td>"
        "<td>$1,564</td></tr><tr><td>Books</td><td>$450</td></tr><tr><th>Estimated total</th><th>$2,214</th></tr></table>"
    )
    found = findings_of(audit_html(facts, page(body)), "arithmetic")
    assert found and "2,014" in found[0].message


SETTING_TABLE = """<h2>Phlebotomist pay by work setting</h2><table>
<thead><tr><th>Sector</th><th>Work setting</th><th>Share of phlebotomist jobs</th><th>Median annual</th><th>Median hourly</th></tr></thead>
<tbody><tr><th scope="rowgroup" rowspan="2">Healthcare providers</th><td>Hospitals</td><td>{share}%</td><td>$42,990</td><td>{hourly}</td></tr>
<tr><td>Outpatient care centers</td><td>14%</td><td>$47,230</td><td>$22.71</td></tr>
<tr><th>Labs</th><td>Medical and diagnostic laboratories</td><td>48%</td><td>$44,950</td><td>$21.61</td></tr></tbody>
<tfoot><tr><th colspan="2">All settings</th><td>100%</td><td>$43,660</td><td>$20.99</td></tr></tfoot></table>"""


def test_an_all_settings_row_totals_the_shares_but_not_the_medians(facts):
    messages = [f.message for f in findings_of(audit_html(facts, page(SETTING_TABLE.format(share=34, hourly="$20.67"))), "arithmetic")]
    assert messages == ["The table's rows in the 'Share of phlebotomist jobs' column add up to 96% (34% + 14% + 48%), but its total row ('All settings') says 100%"]


def test_a_work_setting_row_pairs_its_hourly_and_annual_medians(facts):
    messages = [f.message for f in findings_of(audit_html(facts, page(SETTING_TABLE.format(share=38, hourly="$21.67"))), "arithmetic")]
    assert len(messages) == 1 and "`$21.67` × 2,080 hours is $45,074 a year, not `$42,990`" in messages[0], messages


def test_a_consistent_work_setting_table_is_clean(facts):
    assert rules_fired(audit_html(facts, page(SETTING_TABLE.format(share=38, hourly="$20.67")))) == []


YEARLY_TABLE = (
    "<h2>Phlebotomist median pay by year</h2><table><tr><th>Year</th><th>Phlebotomists</th><th>Change</th></tr>"
    "<tr><td>2019</td><td>$35,510</td><td>—</td></tr><tr><td>2020</td><td>$36,320</td><td>{change}</td></tr>"
    "<tr><td>2021</td><td>$37,380</td><td>+$1,060</td></tr><tr><td>2022</td><td>$38,530</td><td>+$1,150</td></tr></table>"
)


@pytest.mark.parametrize(("change", "wrong"), [("+$1,810", True), ("+$810", False)])
def test_a_change_column_is_each_row_minus_the_one_above(facts, change, wrong):
    messages = [f.message for f in findings_of(audit_html(facts, page(YEARLY_TABLE.format(change=change))), "arithmetic")]
    assert messages == (["`+$1,810` in the 'Change' column does not match the rows it compares, which differ by +$810"] if wrong else [])


def test_a_change_column_that_compares_with_something_else_is_left_alone(facts):
    table = YEARLY_TABLE.format(change="+$1,810").replace("+$1,060", "+$2,060").replace("+$1,150", "+$3,020")
    assert findings_of(audit_html(facts, page(table)), "arithmetic") == []


STATE_TABLE = (
    "<h2>Median phlebotomist pay by state</h2><table><tr><th>State</th><th>Annual median</th></tr>"
    "<tr><td>California</td><td>$54,390</td></tr></table>"
)


@pytest.mark.parametrize(("stated", "wrong"), [("$12,140", True), ("$10,730", False), ("about $10,700", False)])
def test_a_state_against_the_national_median(facts, stated, wrong):
    body = STATE_TABLE + f"<p>In California, phlebotomists earn {stated} more than the national median.</p>"
    found = findings_of(audit_html(facts, page(body)), "arithmetic")
    assert bool(found) == wrong, [f.message for f in found]
    if wrong:
        assert "10,730" in found[0].message and "$54,390" in found[0].message


# --- stale-review ----------------------------------------------------------------------------

STALE_DATES = [
    ("<p>Last updated: May 2026</p>", "2026-05"),
    ("<p>This page was reviewed 2026-06-18 by our team.</p>", "2026-06-18"),
    ("<p>Updated: May 6, 2024</p>", "2024-05-06"),
    ("<p>Posted in September 2022</p>", "2022-09"),
    ('<p>Updated <time datetime="2025-12-01">December 1, 2025</time></p>', "2025-12-01"),
]


@pytest.mark.parametrize("body, shown", STALE_DATES)
def test_stale_dates_in_every_format(facts, body, shown):
    found = findings_of(audit_html(facts, page(body)), "stale-review")
    assert found and shown in found[0].message


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="article:modified_time" content="2026-01-03T03:00:10+00:00">',
        '<script type="application/ld+json">{"@type":"Article","dateModified":"2026-01-03"}</script>',
    ],
)
def test_stale_machine_readable_dates(facts, head):
    found = findings_of(audit_html(facts, page("<p>Text.</p>", head=head)), "stale-review")
    assert found and "2026-01-03" in found[0].message


def test_recent_review_is_fine_and_threshold_is_configurable(facts):
    html = page("<p>Reviewed 2026-10-01 by the editors.</p>")
    assert findings_of(audit_html(facts, html), "stale-review") == []
    strict = audit_pages(facts, ("p.html", html), settings=AuditSettings(stale_after_days=30))
    assert findings_of(strict, "stale-review")


def test_a_date_without_a_year_is_not_guessed(facts):
    assert findings_of(audit_html(facts, page("<p>Posted - Oct 16</p>")), "stale-review") == []


def test_future_review_date_is_reported(facts):
    found = findings_of(audit_html(facts, page("<p>Reviewed 2027-03-01.</p>"), today=dt.date(2026, 11, 25)), "stale-review")
    assert found and "after today" in found[0].message


# --- unknown-claim ---------------------------------------------------------------------------


def test_unknown_claim_for_a_measure_the_fact_file_holds_nothing_on(facts):
    result = audit_html(facts, page("<p>In 2024, hospitals employed 36% of phlebotomists.</p>"))
    found = findings_of(result, "unknown-claim")
    assert found and found[0].severity.value == "info" and "hospitals" in found[0].message


def test_variants_of_a_tracked_figure_are_not_unknown_claims(facts):
    body = "<p>In outpatient centers, medical assistants earned $47,560.</p><p>Medical assistants in Washington earned an average of $53,780.</p>"
    assert findings_of(audit_html(facts, page(body)), "unknown-claim") == []


# --- not claims ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        '<div class="cta"><a href="/p">Unlock 590+ CPT practice questions across 5 simulators — $19.99 lifetime</a></div>',
        "<p>Reviewed by our team (10+ years in exam preparation and publishing).</p>",
        "<p>Certification exams usually require about 1 to 2 months of preparation after training.</p>",
        "<p>Certified medical assistants can also earn around 10% more than non-certified peers.</p>",
        "<p>Some phlebotomy programs offer certification in as little as one month.</p>",
        "<p>Call 555-123-4567 or visit us at 1200 Main Street.</p>",
        "<p>CMA candidates (Certified Management Accountant) answer 100 questions in 4 hours.</p>",
        "<p>CPT code 36415 covers routine venipuncture; CPT I phlebotomists in California need 40 hours.</p>",
    ],
)
def test_product_credential_and_clash_numbers_are_not_findings(facts, body):
    result = audit_html(facts, page(body))
    assert [(f.rule, f.message) for f in result.findings] == []


def test_every_rule_has_docs_and_a_stable_name():
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    for rule in RULES:
        assert rule.name == rule.name.lower() and " " not in rule.name
        for section in ("## What it does", "## Why is this bad?", "## Example", "Use instead:"):
            assert section in rule.doc, (rule.name, section)
        assert rule.summary


@pytest.mark.parametrize(
    "body",
    [
        "<p>Medical assistants earn an average hourly wage of $21.25 nationwide... the median is $44,200 a year.</p>",
        "<p>The median hourly wage for medical assistants is $21.25.</p>",
        "<p>Medical assistants: median pay $21.25.</p>",
    ],
)
def test_hourly_figures_without_a_period_after_them_are_hourly(facts, body):
    result = audit_html(facts, page(body))
    assert "contradicts-fact" not in rules_fired(result), [f.message for f in result.findings]


def test_wrong_hourly_wage_is_caught(facts):
    found = findings_of(audit_html(facts, page("<p>The median hourly wage for medical assistants is $18.40.</p>")), "contradicts-fact")
    assert found and "$18.40" in found[0].message


def test_a_pay_range_around_the_median_is_consistent(facts):
    result = audit_html(facts, page("<p>Phlebotomists make roughly $16-$23 per hour depending on experience.</p>"))
    assert rules_fired(result) == []


def test_a_pay_range_missing_the_median_contradicts(facts):
    found = findings_of(audit_html(facts, page("<p>Phlebotomists make $12-$15 per hour.</p>")), "contradicts-fact")
    assert found and "$12-$15" in found[0].message


def test_numbers_next_to_the_clashing_name_are_not_attributed(facts):
    body = "<p>Unlike the Certified Management Accountant (CMA) exam with 100 questions, the medical assistant CMA has 200.</p>"
    assert audit_html(facts, page(body)).pages[0].claims == ()


def test_hourly_and_annual_in_one_table_row_are_checked(facts):
    body = (
        "<table><thead><tr><th>Occupation</th><th>Median hourly wage</th><th>Median annual wage</th></tr></thead>"
        "<tbody><tr><td>Phlebotomists</td><td>$18.40</td><td>$43,660</td></tr></tbody></table>"
    )
    found = findings_of(audit_html(facts, page(body)), "arithmetic")
    assert found and "$18.40" in found[0].message and "$43,660" in found[0].message


@pytest.mark.parametrize("gap, fires", [("$1,000", True), ("$540", False)])
def test_a_stated_difference_without_figures_is_checked_against_the_facts(facts, gap, fires):
    body = f"<p>Medical assistants make about {gap} more per year than phlebotomists.</p>"
    found = findings_of(audit_html(facts, page(body)), "arithmetic")
    assert bool(found) is fires
    if fires:
        assert "540" in found[0].message


def test_self_contradiction_hint_names_the_fact_only_when_it_backs_the_figure(facts):
    found = findings_of(audit_html(facts, page("<p>The CCMA exam has 200 questions.</p><p>The CCMA exam has 150 questions.</p>")), "self-contradiction")
    assert found and "matches the fact file" not in found[0].hint
    found = findings_of(audit_html(facts, page("<p>The CCMA exam has 180 questions.</p><p>The CCMA exam has 200 questions.</p>")), "self-contradiction")
    assert found and "matches the fact file" in found[0].hint


def test_audit_reuses_extractions_it_is_given(facts):
    from checks.document import parse_html
    from checks.engine import audit
    from checks.extract import extract
    from pagekit import TODAY

    document = parse_html(page("<p>The CCMA exam has 200 questions.</p>"), "p.html")
    fresh = audit([document], facts, TODAY)
    reused = audit([document], facts, TODAY, extractions={"p.html": extract(document, facts)})
    assert [f.fingerprint for f in reused.findings] == [f.fingerprint for f in fresh.findings] != []
    empty = extract(parse_html(page("<p>No figures.</p>"), "p.html"), facts)
    assert audit([document], facts, TODAY, extractions={"p.html": empty}).findings == ()


@pytest.mark.parametrize(
    "sentence, fires",
    [
        ("Medical assistants out-earn phlebotomists by roughly $500 a year.", False),  # 540, rounded to hundreds
        ("Medical assistants out-earn phlebotomists by about $1,540 a year.", True),
        ("Medical assistants out-earn phlebotomists by roughly $1,000 a year.", True),  # a rounding step too far
    ],
)
def test_a_rounded_difference_may_sit_one_rounding_step_off(facts, sentence, fires):
    found = findings_of(audit_html(facts, page(f"<p>{sentence}</p>")), "arithmetic")
    assert bool(found) == fires, rules_fired(audit_html(facts, page(f"<p>{sentence}</p>")))


def test_a_share_right_for_another_setting_is_a_qualifier_mismatch(facts):
    result = audit_html(facts, page("<p>About 57% of medical assistants work in hospitals.</p>"))
    [found] = findings_of(result, "qualifier-mismatch")
    assert "physician offices" in found.message
    correct = audit_html(facts, page("<p>About 57% of medical assistants work in physicians' offices.</p>"))
    assert not findings_of(correct, "qualifier-mismatch")


def test_a_stale_section_stamp_on_an_up_to_date_page(facts):
    head = '<meta property="article:modified_time" content="2026-11-14">'
    body = (
        "<h1>Medical assistant guide</h1><h2>Pay and outlook</h2><p>Updated: 03/02/2026</p><p>Medical assistants earn a median $44,200 a year.</p>"
        "<h2>Training</h2><p>Reviewed 2026-10-21</p><p>Our next scheduled guide review: <time datetime='2027-02-15'>Feb 15, 2027</time>.</p>"
    )
    found = findings_of(audit_html(facts, page(body, head=head), today=dt.date(2026, 11, 25)), "stale-review")
    assert [f.message.split(" was ")[0] for f in found] == ["The section 'Pay and outlook'"]


@pytest.mark.parametrize(("washington", "wrong"), [("+$11,130", False), ("+$12,130", True), ("+$100", True)])
def test_a_column_of_differences_from_the_national_median(facts, washington, wrong):
    body = (
        "<h2>Medical assistant pay by state</h2><table><tr><th>State</th><th>Annual</th><th>vs. U.S. median</th></tr>"
        f"<tr><td>Washington</td><td>$55,330</td><td>{washington}</td></tr>"
        "<tr><td>Texas</td><td>$38,900</td><td>-$5,300</td></tr></table>"
        "<p>Medical assistant pay varies by more than $16,000 a year between these states, rounded to the nearest $10.</p>"
    )
    result = audit_html(facts, page(body))
    assert bool(findings_of(result, "arithmetic")) == wrong, [f.message for f in result.findings]
    assert not findings_of(result, "contradicts-fact") and not findings_of(result, "self-contradiction")


def test_a_bound_at_the_end_of_the_typical_range_agrees(facts):
    body = "<p>Becoming a medical assistant takes 9 months for a typical certificate and up to 2 years for an associate degree.</p>"
    assert rules_fired(audit_html(facts, page(body))) == []


def test_figures_given_for_comparison_only_are_history(facts):
    body = "<p>For comparison only: the 2019-29 edition projected 19% growth for medical assistants.</p>"
    assert rules_fired(audit_html(facts, page(body))) == []


@pytest.mark.parametrize(
    ("cell", "wrong"),
    [("811,000 to 912,200 (+111,200)", True), ("811,000 to 912,200 (+101,200)", False),
     ("$2,000 to $10,000 ($5,000 on average)", False), ("from 811,000 in 2024 to 912,200 in 2034 (+101,200)", False)],
)
def test_a_change_restated_after_its_two_figures(facts, cell, wrong):
    body = f"<table><tr><th>Medical assistants</th></tr><tr><td>{cell}</td></tr></table>"
    found = [f for f in findings_of(audit_html(facts, page(body)), "arithmetic") if "change from" in f.message]
    assert bool(found) == wrong, [f.message for f in found]


@pytest.mark.parametrize(("stated", "wrong"), [("$1.26", True), ("$0.26", False)])
def test_a_difference_between_hourly_rates_is_per_hour(facts, stated, wrong):
    body = f"<p>At the median, medical assistants earn $21.25 an hour, {stated} more than phlebotomists' $20.99.</p>"
    found = findings_of(audit_html(facts, page(body)), "arithmetic")
    assert bool(found) == wrong, [f.message for f in found]
    if wrong:
        assert "differ by $0.26" in found[0].message and found[0].hint == f"Change `{stated}` to $0.26"


def test_a_yearly_wage_a_few_dollars_off_is_wrong(facts):
    found = findings_of(audit_html(facts, page("<p>The highest 10% of medical assistants earned more than $57,750.</p>")), "contradicts-fact")
    assert found and "$57,830" in found[0].message


@pytest.mark.parametrize(("body", "wrong"), [
    ("<p>Phlebotomists earn $43.7K per year.</p>", False),
    ("<p>Phlebotomists earn $40K per year.</p>", True),
    ("<p>About 112,300 medical assistant jobs open up each year.</p>", False),
])
def test_rounded_figures_and_openings_that_open_up(facts, body, wrong):
    result = audit_html(facts, page(body))
    assert bool([f for f in result.findings if f.severity.value != "info"]) == wrong, [f.message for f in result.findings]


@pytest.mark.parametrize(("sentence", "wrong"), [
    ("So the CMA has 30 more questions than the CCMA.", True),
    ("So the CMA has 20 more questions than the CCMA.", False),
    ("The CCMA gives you 40 more minutes than the CMA exam.", True),
    ("The CCMA gives you 20 more minutes than the CMA exam.", False),
])
def test_a_comparative_count_is_a_stated_difference(facts, sentence, wrong):
    body = f"<h2>CMA (AAMA) vs CCMA for medical assistants</h2><p>{sentence}</p>"
    found = findings_of(audit_html(facts, page(body)), "arithmetic")
    assert bool(found) == wrong, [f.message for f in found]
    assert not findings_of(audit_html(facts, page(body)), "contradicts-fact")
