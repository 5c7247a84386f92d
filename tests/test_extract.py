"""Claim extraction on the phrasings real pages use (design.md, "What real pages look like")."""

from __future__ import annotations

import pytest

from checks.document import parse_html
from checks.extract import extract
from pagekit import page

TITLE = "Medical assistant and phlebotomy certification guide"


def claims_of(facts, body: str) -> set[tuple]:
    return {(c.entity, c.measure, c.qualifier, c.low, c.high) for c in claims_of_html(facts, body)}


def claims_of_html(facts, body: str) -> tuple:
    return extract(parse_html(page(body, title=TITLE), "p.html"), facts).claims


@pytest.mark.parametrize(
    "body, expected",
    [
        ("<p>The CPT phlebotomy exam has 110 scored + 15 unscored pretest items.</p>",
         {("cpt_nha", "exam_questions", "scored", 110, 110), ("cpt_nha", "exam_questions", "pretest", 15, 15)}),
        ("<p>The CCMA exam has 250 total questions, only 200 of which count.</p>",
         {("ccma", "exam_questions", "total", 250, 250), ("ccma", "exam_questions", "scored", 200, 200)}),
        ("<h2>CCMA exam at a glance</h2><ul><li>Questions: 180 (150 scored, 30 pretest)</li><li>Time: 3 hours</li></ul>",
         {("ccma", "exam_questions", "total", 180, 180), ("ccma", "exam_questions", "scored", 150, 150),
          ("ccma", "exam_questions", "pretest", 30, 30), ("ccma", "exam_time_limit", "total", 180, 180)}),
        ('<table><tr><th>Exam</th><th>Questions</th><th>Time</th></tr>'
         '<tr><td>CCMA (NHA)</td><td>160 (20 unscored)</td><td>3 hours</td></tr>'
         '<tr><td>CPT (NHA)</td><td>120</td><td>2h</td></tr></table><p>CPT is for phlebotomy.</p>',
         {("ccma", "exam_questions", "total", 160, 160), ("ccma", "exam_questions", "pretest", 20, 20),
          ("ccma", "exam_time_limit", "total", 180, 180), ("cpt_nha", "exam_questions", "total", 120, 120),
          ("cpt_nha", "exam_time_limit", "total", 120, 120)}),
        ('<div class="card"><div>180</div><div>CCMA exam questions</div></div>'
         '<div class="card"><div>3 hrs</div><div>CCMA time limit</div></div>',
         {("ccma", "exam_questions", "total", 180, 180), ("ccma", "exam_time_limit", "total", 180, 180)}),
        ("<dl><dt>CCMA exam length</dt><dd>3 hours</dd></dl>", {("ccma", "exam_time_limit", "total", 180, 180)}),
        ("<p>Medical assistants: Employment Change, 2022-32 12,500</p>",
         {("medical_assistant", "employment_change", "new_jobs", 12500, 12500)}),
        ("<p>Phlebotomists earn $18.40 per hour.</p>", {("phlebotomist", "wage", "median", 38272, 38272)}),
        ("<p>The median hourly wage for medical assistants is $21.25.</p>",
         {("medical_assistant", "wage", "median", 44200, 44200)}),
        ("<p>Phlebotomy programs last between 5 and 9 months.</p>", {("phlebotomist", "training_length", "typical", 5, 9)}),
        ("<p>The lowest 10% of medical assistants earned less than $35,020.</p>",
         {("medical_assistant", "wage", "lowest_10", 35020, 35020)}),
    ],
)
def test_phrasings_become_the_right_claims(facts, body, expected):
    assert claims_of(facts, body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "<p>You need a scaled score of 390 out of 500 to pass the CPT phlebotomy exam.</p>",
        "<p>The CPT phlebotomy exam is scored on a scaled 200–500 range.</p>",
        "<p>Unlock 590+ CPT practice questions for phlebotomy — $19.99 lifetime.</p>",
        "<p>Certified medical assistants can earn around 10% more.</p>",
        "<p>Phlebotomy exams usually require about 1 to 2 months of preparation.</p>",
        "<p>ACE credits for the CCMA are recognized by over 2,000 colleges and universities.</p>",
    ],
)
def test_scales_products_comparatives_and_prep_time_are_not_claims(facts, body):
    assert {c for c in claims_of(facts, body) if c[3] in (500, 200, 590, 19.99, 10, 2000) or c[1] == "training_length"} == set()


def test_figures_for_a_state_or_setting_carry_their_scope(facts):
    document = parse_html(page(
        "<p>Medical assistants in Washington earned an average of $53,780, while phlebotomists in California made "
        "around $47,230.</p><p>Medical assistant training takes 9 months to 2 years, and they often work in physician offices.</p>",
        title=TITLE), "p.html")
    scopes = {c.evidence.matched: c.scope for c in extract(document, facts).claims}
    assert scopes == {"$53,780": "Washington", "$47,230": "California", "9 months to 2 years": None}


@pytest.mark.parametrize(
    "body",
    [
        "<p>Is the CCMA exam 200 questions or 180??</p>",
        "<p>Back in 2020, the 2019-29 projections called for 19% growth for medical assistants.</p>",
        "<p>My phlebotomy program at the community college was only 7 months.</p>",
        "<p>Source: NHA CPT Test Plan for phlebotomy, p. 4.</p>",
    ],
)
def test_questions_history_anecdotes_and_page_references_are_not_claims(facts, body):
    assert claims_of(facts, body) == set()


def test_each_number_takes_the_year_that_labels_it(facts):
    document = parse_html(page(
        "<p>Medical assistant employment is projected to grow from 811,000 jobs in 2024 to 912,200 jobs in 2034.</p>"
        "<p>Medical assistant job growth: the 2021-31 outlook said 16% and the 2024-34 outlook says 12%.</p>",
        title=TITLE), "p.html")
    read = {c.evidence.matched: (c.qualifier, c.period) for c in extract(document, facts).claims}
    assert read["811,000 jobs"] == ("current", "2024")
    assert read["912,200 jobs"] == ("projected", "2034")
    assert read["16%"][1] == "2021-2031" and read["12%"][1] == "2024-2034"


def test_a_pay_table_by_place_is_read_row_by_row(facts):
    body = ("<table><tr><th>Area</th><th>Phlebotomist median annual wage</th></tr>"
            "<tr><td>United States</td><td>$43,660</td></tr><tr><td>Texas</td><td>$38,000</td></tr></table>")
    document = parse_html(page(body, title=TITLE), "p.html")
    assert {(c.scope, c.low) for c in extract(document, facts).claims} == {(None, 43660), ("Texas", 38000)}


def test_headings_state_claims_too(facts):
    assert claims_of(facts, "<h2>4. Phlebotomist jobs are growing 10% through 2034</h2>") == {
        ("phlebotomist", "job_growth", "value", 10, 10)
    }
    assert claims_of(facts, "<h1>Top 10 Phlebotomy Programs in 2026</h1><h2>What's on the CCMA exam?</h2>") == set()


@pytest.mark.parametrize(
    "body, expected",
    [
        ("<p>Medical assistant employment will grow 12%, which translates to 112,300 new roles.</p>",
         {("medical_assistant", "job_growth", "value", 12, 12), ("medical_assistant", "employment_change", "new_jobs", 112300, 112300)}),
        ("<p>These are two entry-level healthcare roles for medical assistants and phlebotomists.</p>", set()),
        ("<h3>How long does medical assistant school take?</h3><p>Anywhere from four months to two years.</p>",
         {("medical_assistant", "training_length", "typical", 4, 24)}),
    ],
)
def test_job_counts_need_their_cue_and_faq_answers_read_their_question(facts, body, expected):
    assert claims_of(facts, body) == expected


@pytest.mark.parametrize(
    "body, expected",
    [
        # a figure given "for" an entity right after it is that entity's, whatever stands before it
        ("<p>Job growth is projected at 12% for medical assistants and 6% for phlebotomists.</p>",
         {("medical_assistant", "job_growth", "value", 12, 12), ("phlebotomist", "job_growth", "value", 6, 6)}),
        # ... unless the entity is not the kind the measure is about (an exam's questions)
        ("<p>The AAMA CMA exam has 200 questions for medical assistants.</p>",
         {("cma_aama", "exam_questions", "total", 200, 200)}),
        # a qualifier after the next conjunction belongs to the next figure
        ("<p>The lowest 10% of medical assistants earned less than $35,020 and the highest 10% more than $57,830.</p>",
         {("medical_assistant", "wage", "lowest_10", 35020, 35020), ("medical_assistant", "wage", "highest_10", 57830, 57830)}),
        ("<p>The lowest-paid 10% of phlebotomists earn under $34,860.</p>",
         {("phlebotomist", "wage", "lowest_10", 34860, 34860)}),
        ("<p>Medical assistant employment is expected to climb 14% through 2034.</p>",
         {("medical_assistant", "job_growth", "value", 14, 14)}),
        # a stat card's own caption names its number, even with figures of its own
        ('<div class="card"><div>120</div><div>Questions on the NHA CPT phlebotomy exam (100 scored)</div></div>'
         '<div class="card"><div>2 hrs</div><div>To finish the CPT phlebotomy exam</div></div>',
         {("cpt_nha", "exam_questions", "total", 120, 120), ("cpt_nha", "exam_questions", "scored", 100, 100),
          ("cpt_nha", "exam_time_limit", "total", 120, 120)}),
        # a row's label cells beyond the first qualify its figures; a price with a pay period is a wage
        ("<table><tr><th>Occupation</th><th>Percentile</th><th>Annual</th><th>Hourly</th></tr>"
         "<tr><td>Phlebotomists</td><td>Lowest 10%</td><td>$34,860</td><td>$16.76</td></tr>"
         "<tr><td>Phlebotomists</td><td>Median</td><td>$43,660</td><td>$20.99</td></tr></table>",
         {("phlebotomist", "wage", "lowest_10", 34860, 34860), ("phlebotomist", "wage", "lowest_10", 34860.8, 34860.8),
          ("phlebotomist", "wage", "median", 43660, 43660), ("phlebotomist", "wage", "median", 43659.2, 43659.2)}),
        # a heading naming a credential and the occupation it certifies gives each its own measures
        ("<h1>CPT Phlebotomy Exam Guide</h1><p>The real exam has 120 questions.</p><p>The median wage is $43,660.</p>",
         {("cpt_nha", "exam_questions", "total", 120, 120), ("phlebotomist", "wage", "median", 43660, 43660)}),
        # the total row of a breakdown of scored items totals the scored items
        ("<h2>CPT phlebotomy exam domains</h2><table><tr><th>Domain</th><th>Share of scored items</th><th>Items</th></tr>"
         "<tr><td>Safety</td><td>50%</td><td>50</td></tr><tr><td>Processing</td><td>50%</td><td>50</td></tr>"
         "<tr><td>Total</td><td>100%</td><td>100</td></tr></table>",
         {("cpt_nha", "exam_questions", "scored", 100, 100)}),
    ],
)
def test_round_six_phrasings_become_the_right_claims(facts, body, expected):
    assert claims_of(facts, body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "<p>Spokane Community College’s 11-week phlebotomy course has a waiting list.</p>",
        "<p>Two of the clinic’s six medical assistant jobs have been open since summer.</p>",
        "<p>Medical assistants out-earn phlebotomists by about $540 a year.</p>",
        '<p>Medical assistant students passed the CCMA at <span data-to-value="97">0</span>.</p>',
    ],
)
def test_institutions_own_figures_differences_and_counter_starts_are_not_claims(facts, body):
    assert claims_of(facts, body) == set()


def test_a_page_about_management_accountants_keeps_cma_foreign_despite_one_aside(facts):
    body = (
        "<p>The CMA is the management accountant credential from the IMA.</p>"
        "<p>Each CMA exam part has 100 multiple-choice questions.</p>"
        "<p>Management accountants with the CMA earn more; accounting firms value it.</p>"
        "<aside><p>Looking for the CMA (AAMA) for medical assistants? See our other guide.</p></aside>"
    )
    assert claims_of(facts, body) == set()


@pytest.mark.parametrize(
    "body, expected",
    [
        ("<p>Clinical Patient Care is the biggest domain: 84 scored items on the CCMA exam.</p>", set()),
        ("<p>On the CCMA exam, Admin 12 + Communication 12 + Law & Ethics 7 = 31 items.</p>", set()),
        ("<p>The CCMA exam has 150 scored + 30 pretest = 180 items.</p>",
         {("ccma", "exam_questions", "scored", 150, 150), ("ccma", "exam_questions", "pretest", 30, 30),
          ("ccma", "exam_questions", "total", 180, 180)}),
        ("<p>The CCMA exam has 180 questions across seven domains.</p>", {("ccma", "exam_questions", "total", 180, 180)}),
    ],
)
def test_parts_of_a_breakdown_in_prose_are_not_the_whole(facts, body, expected):
    assert claims_of(facts, body) == expected


def test_both_ends_of_a_change_from_one_figure_to_another_are_the_measure(facts):
    body = "<p>Medical assistant employment is projected to rise from 811,000 in 2024 to 912,200 in 2034.</p>"
    assert claims_of(facts, body) == {
        ("medical_assistant", "employment", "current", 811000, 811000),
        ("medical_assistant", "employment", "projected", 912200, 912200),
    }


def test_a_total_row_over_other_measures_is_no_breakdown_and_a_rank_is_no_count(facts):
    body = (
        "<h2>NHA CPT phlebotomy exam</h2><table><tr><th>Total questions</th><th>120</th></tr>"
        "<tr><th>Scored questions</th><th>100</th></tr><tr><th>Time limit</th><th>2 hours</th></tr></table>"
        "<p>Phlebotomy ranks #12 of 40 healthcare support jobs.</p>"
    )
    assert claims_of(facts, body) == {
        ("cpt_nha", "exam_questions", "total", 120, 120), ("cpt_nha", "exam_questions", "scored", 100, 100),
        ("cpt_nha", "exam_time_limit", "total", 120, 120),
    }


@pytest.mark.parametrize(
    "body, expected",
    [
        # a name nearer the next figure, or past it, is the next figure's
        ("<p>Medical assistant employment is projected to grow 12% and phlebotomist employment 6% by 2034.</p>",
         {("medical_assistant", "job_growth", "value", 12, 12), ("phlebotomist", "job_growth", "value", 6, 6)}),
        ("<p>Medical assistants earn a median $44,200, which is $540 more a year than phlebotomists.</p>",
         {("medical_assistant", "wage", "median", 44200, 44200)}),
        # the other side of a comparison is not the figure's owner: "It" is the CCMA the heading names
        ("<h2>The CCMA exam</h2><p>It covers more ground: 180 questions versus the CPT’s 120.</p>",
         {("ccma", "exam_questions", "total", 180, 180)}),
        # an occupation names the training; the heading names whose requirement it is
        ("<h2>AMT RPT</h2><p>You need a phlebotomy program that included at least 50 successful venipunctures.</p>",
         {("rpt_amt", "eligibility_venipunctures", "value", 50, 50)}),
        ("<p>Of the CCMA exam's 180 questions, only 30 are unscored pretest questions.</p>",
         {("ccma", "exam_questions", "total", 180, 180), ("ccma", "exam_questions", "pretest", 30, 30)}),
        # pacing words in a new clause say nothing about the time limit
        ("<p>The CCMA exam gives you 3 hours to work through its questions, so pace yourself at a minute per question.</p>",
         {("ccma", "exam_time_limit", "total", 180, 180)}),
        ('<div class="card"><div>390</div><div><p>The scaled score you need to pass the CPT phlebotomy exam, on a '
         'range that runs from 200 to 500.</p></div></div>',
         {("cpt_nha", "passing_score", "value", 390, 390)}),
    ],
)
def test_round_seven_phrasings_become_the_right_claims(facts, body, expected):
    assert claims_of(facts, body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "<p>Medical assistant jobs grow 12%, much faster than the 3% average for all occupations.</p>",
        "<p>Medical assistants and phlebotomists: weigh the two jobs against each other.</p>",
        "<p>On the CPT phlebotomy exam, don’t burn five minutes on a single question.</p>",
        "<p>Phlebotomy students: a set of scrubs costs $30 to $60.</p>",
        "<p>The CPT phlebotomy exam earns 7 ACE college credits (5 + 2) with the CCMA.</p>",
        "<h2>CCMA exam domains</h2><p>Clinical Patient Care is by far the biggest, with 84 scored items.</p>",
        "<p>Take one timed 30-question CPT phlebotomy set each day.</p>",
        "<ul><li>CPT phlebotomy exam: scaled score 200–500, need 390 to pass</li></ul>",
        "<table><tr><th>Exam</th><th>Passing score</th></tr><tr><td>CPT phlebotomy</td><td>390 (scaled, 200–500)</td></tr></table>",
    ],
)
def test_round_seven_traps_are_not_claims(facts, body):
    claims = claims_of(facts, body)
    assert not any(c[3] in (3, 2, 5, 30, 60, 7, 84, 200) for c in claims), claims


def test_a_credential_without_this_measure_still_beats_an_untracked_name(facts):
    body = (
        "<p>Graduates who want to move into patient care technician roles can continue into the CPCT/A pathway, "
        "which prepares them for NHA's 135-question certification exam.</p>"
    )
    assert ("cpct_nha", "exam_questions", "total", 135, 135) in claims_of(facts, body)


@pytest.mark.parametrize(
    "body",
    [
        "<p>If you want to start working in healthcare quickly, two jobs come up again and again: phlebotomy technician and CNA.</p>",
        "<p>Phlebotomists: three jobs in one hospital wing is plenty.</p>",
    ],
)
def test_a_count_far_below_its_kind_is_not_the_measure(facts, body):
    assert not any(c[1] == "employment" for c in claims_of(facts, body)), claims_of(facts, body)


@pytest.mark.parametrize(
    "body, expected",
    [
        ("<p>The CMA (AAMA) exam costs $125 for AAMA members and $250 for everyone else.</p>",
         {("cma_aama", "exam_fee", "member", 125, 125), ("cma_aama", "exam_fee", "non_member", 250, 250)}),
        ("<p>Expect to pay $117 to sit for the NHA CCMA exam.</p>", {("ccma", "exam_fee", "standard", 117, 117)}),
        ("<h2>CMA exam quick facts</h2><table><tr><th>Questions</th><td>200</td></tr>"
         "<tr><th>Fee</th><td>$125 for AAMA members, $250 for non-members</td></tr></table>",
         {("cma_aama", "exam_questions", "total", 200, 200), ("cma_aama", "exam_fee", "member", 125, 125),
          ("cma_aama", "exam_fee", "non_member", 250, 250)}),
        # no exam named: a cost word is a program's cost
        ("<p>Medical assistant programs cost $2,500 to $9,000.</p>",
         {("medical_assistant", "program_cost", "value", 2500, 9000)}),
    ],
)
def test_a_cost_word_where_an_exam_is_named_is_the_exam_fee(facts, body, expected):
    assert claims_of(facts, body) == expected


def test_an_exam_prep_product_price_is_no_exam_fee(facts):
    assert claims_of(facts, "<p>Our CMA exam prep course costs $199 and includes 900 practice questions.</p>") == set()


@pytest.mark.parametrize(
    "body",
    [
        "<p>After you finish phlebotomy school, it takes 8 weeks to get your results in the mail.</p>",
        "<p>Medical assistant students: expect a turnaround of 2 weeks for the background check.</p>",
    ],
)
def test_waiting_times_are_no_training_length(facts, body):
    assert not any(c[1] == "training_length" for c in claims_of(facts, body))


def test_untracked_percentiles_are_no_medians(facts):
    body = (
        "<h2>Medical assistant pay range</h2><table><tr><th>Percentile</th><th>10th</th><th>25th</th><th>Median</th>"
        "<th>75th</th><th>90th</th></tr><tr><td>Annual wage</td><td>$35,020</td><td>$39,000</td><td>$44,200</td>"
        "<td>$50,000</td><td>$57,830</td></tr></table>"
    )
    assert {(c[2], c[3]) for c in claims_of(facts, body)} == {
        ("lowest_10", 35020), ("p25", 39000), ("median", 44200), ("p75", 50000), ("highest_10", 57830)
    }


def test_a_count_of_an_occupation_counts_its_workers(facts):
    claims = claims_of(facts, "<p>In 2024, 811,000 medical assistants were employed in the U.S.</p>")
    assert ("medical_assistant", "employment", "current", 811000, 811000) in claims


def test_a_deadline_to_apply_is_no_training_length(facts):
    body = "<p>After medical assistant school, you have 30 days to apply for the CMA exam.</p>"
    assert not any(c[1] == "training_length" for c in claims_of(facts, body))


@pytest.mark.parametrize(
    "body",
    [
        "<p>The new lab in Nashville is hiring 250 phlebotomists this spring.</p>",
        "<p>Our program has trained more than 900 phlebotomy students since it was employed by the county.</p>",
    ],
)
def test_a_count_of_people_needs_its_cue_and_their_name_as_its_noun(facts, body):
    assert not any(c[1] == "employment" for c in claims_of(facts, body))


def test_a_measure_with_no_facts_takes_its_column_entity_in_a_comparison_grid(facts):
    body = (
        "<h2>Phlebotomy certifications compared</h2><table><thead><tr><th></th><th>NHA CPT</th><th>AMT RPT</th></tr></thead>"
        "<tbody><tr><th>Exam fee</th><td>$125</td><td>$135</td></tr><tr><th>Renewal</th><td>Every 2 years</td>"
        "<td>Every 3 years</td></tr></tbody></table>"
    )
    assert claims_of(facts, body) == {
        ("cpt_nha", "exam_fee", "standard", 125, 125), ("rpt_amt", "exam_fee", "standard", 135, 135),
        ("cpt_nha", "recertification_interval", "value", 24, 24), ("rpt_amt", "recertification_interval", "value", 36, 36),
    }


@pytest.mark.parametrize(
    "body",
    [
        "<p>Medical assistant employment is projected to grow 12%, from 811,000 to 912,200 jobs.</p>",
        "<p>Medical assistant employment is expected to rise from about 811,000 to 912,200.</p>",
    ],
)
def test_a_count_growing_from_one_figure_to_another_is_two_figures(facts, body):
    assert {c for c in claims_of(facts, body) if c[1] == "employment"} == {
        ("medical_assistant", "employment", "current", 811000, 811000),
        ("medical_assistant", "employment", "projected", 912200, 912200),
    }


def test_a_comparison_names_no_maximum(facts):
    body = "<p>Phlebotomy programs take 4 to 8 months, about half as long as medical assistant programs (9 to 24 months).</p>"
    assert ("medical_assistant", "training_length", "typical", 9, 24) in claims_of(facts, body)


def test_a_table_introduced_as_history_states_no_current_figures(facts):
    body = (
        "<h2>Job outlook</h2><p>Earlier projections, for comparison:</p><table><tr><th>Projection cycle</th>"
        "<th>Medical assistants</th></tr><tr><td>2019-29</td><td>19%</td></tr></table>"
        "<h2>Job outlook</h2><table><tr><th>Projection cycle</th><th>Medical assistants</th></tr>"
        "<tr><td>2019-29</td><td>19%</td></tr></table>"
    )
    assert claims_of(facts, body) == {("medical_assistant", "job_growth", "value", 19, 19)}


def test_new_jobs_named_around_the_occupation_are_new_jobs(facts):
    body = "<ul><li><strong>112,300</strong> new medical assistant jobs projected by 2034</li></ul>"
    assert claims_of(facts, body) == {("medical_assistant", "employment_change", "new_jobs", 112300, 112300)}


@pytest.mark.parametrize(
    "body",
    [
        "<p>The CPT phlebotomy exam had 120 questions and I was done in 74 minutes.</p>",
        "<p>Phlebotomists: mobile draws here pay like $21/hr plus mileage.</p>",
    ],
)
def test_forum_asides_are_not_claims(facts, body):
    assert not any(c[3] in (74, 21 * 2080) for c in claims_of(facts, body))


def test_the_next_sentence_may_date_a_figure(facts):
    document = parse_html(page("<p>The BLS median for phlebotomists is $36,320 a year. That's the May 2020 number.</p>", title=TITLE), "p.html")
    assert [(c.low, c.period) for c in extract(document, facts).claims] == [(36320, "2020")]


def test_a_figure_given_for_a_name_is_theirs_even_before_the_next_figure(facts):
    body = "<p>Medical assistants and phlebotomists: the BLS median wage is $44,200 for medical assistants vs $43,660 for phlebotomists.</p>"
    assert {(c[0], c[3]) for c in claims_of(facts, body)} == {("medical_assistant", 44200), ("phlebotomist", 43660)}


def test_what_you_pay_is_a_cost_not_a_wage(facts):
    body = "<p>Medical assistant programs: expect to pay between $2,000 and $10,000 in total.</p>"
    assert claims_of(facts, body) == {("medical_assistant", "program_cost", "value", 2000, 10000)}


def test_parts_given_in_parentheses_count_what_the_whole_counts(facts):
    body = "<p>Pass both exams and you can earn up to 7 ACE college credits (5 for the CCMA plus 2 for the CPT phlebotomy exam).</p>"
    assert {(c[0], c[1], c[3]) for c in claims_of(facts, body) if c[3] in (5, 2)} == {
        ("ccma", "ace_credits", 5), ("cpt_nha", "ace_credits", 2)
    }


def test_an_exclusion_word_of_the_figure_before_excludes_nothing_after_and(facts):
    body = "<h2>Phlebotomists</h2><p>$43,660 median pay and +6% growth projected (2024-2034).</p>"
    assert ("phlebotomist", "job_growth", "value", 6, 6) in claims_of(facts, body)


def test_a_schools_outcomes_table_counts_its_graduates(facts):
    body = (
        "<h2>Phlebotomy program outcomes (Class of 2025)</h2><table><tr><th>Measure</th><th>Count</th><th>Rate</th></tr>"
        "<tr><td>Took the CPT exam</td><td>26</td><td></td></tr>"
        "<tr><td>Employed in the field within 6 months</td><td>22</td><td>81% of completers</td></tr></table>"
    )
    assert claims_of(facts, body) == set()


def test_an_faq_answer_reads_its_question_when_the_question_is_no_heading(facts):
    body = (
        "<details><summary>How many questions are on the CCMA exam?</summary><p>There are 180 questions in total.</p></details>"
        "<p><strong>How long is the CPT phlebotomy exam?</strong></p><p>You get 2 hours.</p>"
        "<h2>Pay</h2><p>Low $15.12 High $26.01</p>"
    )
    assert claims_of(facts, body) == {("ccma", "exam_questions", "total", 180, 180), ("cpt_nha", "exam_time_limit", "total", 120, 120)}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<p>Passing the CCMA earns 5 ACE credits; the CPT phlebotomy exam earns 2.</p>",
         {("ccma", "ace_credits", "value", 5, 5), ("cpt_nha", "ace_credits", "value", 2, 2)}),
        ("<p>The CCMA has 180 questions, while the CPT phlebotomy exam has 120.</p>",
         {("ccma", "exam_questions", "total", 180, 180), ("cpt_nha", "exam_questions", "total", 120, 120)}),
    ],
)
def test_a_bare_number_ending_a_parallel_clause_counts_what_the_clause_before_counted(facts, body, expected):
    assert claims_of(facts, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<p>Fast-track phlebotomy programs: from 3 weeks.</p>", {("phlebotomist", "training_length", "minimum")}),
        ("<p>Medical assistants: 12% growth, from about 811,000 jobs in 2024 to 912,200 in 2034, or roughly 101,200 new jobs.</p>",
         {("medical_assistant", "job_growth", "value"), ("medical_assistant", "employment", "current"),
          ("medical_assistant", "employment", "projected"), ("medical_assistant", "employment_change", "new_jobs")}),
        ("<p>Alma has taught phlebotomy and medical assisting for eleven years.</p>", set()),
    ],
)
def test_round_nine_phrasings(facts, body, expected):
    assert {c[:3] for c in claims_of(facts, body)} == expected


@pytest.mark.parametrize(
    "body",
    [
        "<p>Our CPT Pack has 4 mock tests of 100 questions for phlebotomy students.</p>",
        "<p>The AAPC's CPC exam is 100 questions in 4 hours, unlike the CPT phlebotomy exam.</p>",
    ],
)
def test_prep_packs_and_the_coders_exam_are_not_the_phlebotomy_exam(facts, body):
    assert not any(c[1] in ("exam_questions", "exam_time_limit") for c in claims_of(facts, body))


def test_the_highest_paid_10_percent(facts):
    body = "<p>The median annual wage for medical assistants is $44,200, and the highest-paid 10 percent earn more than $57,830.</p>"
    assert {c[2] for c in claims_of(facts, body)} == {"median", "highest_10"}


def test_figures_paired_in_parentheses_belong_to_the_names_in_order(facts):
    body = "<p>On median pay, medical assistants come out ahead of phlebotomists ($44,200 vs. $43,660).<sup>1,2</sup> That gap is small.</p>"
    assert {(c[0], c[3]) for c in claims_of(facts, body)} == {("medical_assistant", 44200), ("phlebotomist", 43660)}


def test_a_sentence_naming_a_qualifier_under_a_pay_heading_is_pay(facts):
    body = "<h2>Medical assistant pay in detail</h2><p>BLS reports a median of $44,200 a year, which works out to $21.25 an hour.</p>"
    assert {(c[1], c[2]) for c in claims_of(facts, body)} == {("wage", "median")}


def test_median_pay_for_an_occupation_is_pay(facts):
    body = "<p>Median pay for medical assistants nationally: $44,200, about $21.25 per hour.</p>"
    assert {(c[1], c[2]) for c in claims_of(facts, body)} == {("wage", "median")}


def test_a_card_of_label_lines_under_its_title(facts):
    body = (
        '<div class="row"><div class="col"><div class="t">CPT (NHA) exam</div>'
        "<div>Questions: 120<br>Scored: 100<br>Pretest: 20<br>Time: 2 hours</div></div>"
        '<div class="col"><div class="t">Medical assistant pay</div><div>Median: $44,200/yr<br>Top 10%: $57,830</div></div></div>'
    )
    assert claims_of(facts, body) == {
        ("cpt_nha", "exam_questions", "total", 120, 120), ("cpt_nha", "exam_questions", "scored", 100, 100),
        ("cpt_nha", "exam_questions", "pretest", 20, 20), ("cpt_nha", "exam_time_limit", "total", 120, 120),
        ("medical_assistant", "wage", "median", 44200, 44200), ("medical_assistant", "wage", "highest_10", 57830, 57830),
    }


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<p>Phlebotomy program tuition ranges from $800 to $2,000.</p>", {("phlebotomist", "program_cost", "value", 800, 2000)}),
        ("<p>Phlebotomy programs range from 4 to 8 months.</p>", {("phlebotomist", "training_length", "typical", 4, 8)}),
        ("<p>CPT phlebotomy exam scores range from 200 to 500.</p>", set()),
    ],
)
def test_a_span_is_a_scale_only_for_scores_and_counts(facts, body, expected):
    assert claims_of(facts, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a quiz's options are not asserted; the answer it reveals is
        ("<p>How long is the NHA CPT exam? (a) 90 minutes (b) 2 hours (c) 3 hours Show answer (b) 2 hours.</p>",
         {("cpt_nha", "exam_time_limit", "total", 120, 120)}),
        ('<p>True or false: "The CMA (AAMA) exam lasts 180 minutes."</p>', set()),
        # a correction withdraws the old figure and states the new one
        ("<p>Correction, Oct. 2026: we previously said the CCMA has 150 questions; the CCMA has 180 questions.</p>",
         {("ccma", "exam_questions", "total", 180, 180)}),
        ("<p>An earlier version of this guide said the NHA CPT exam lasts 2 hours; it is actually 90 minutes.</p>",
         {("cpt_nha", "exam_time_limit", "total", 90, 90)}),
        # "in all", "of testing": the whole time, whatever the segments
        ("<p>The CMA (AAMA) exam has four 40-minute segments, 160 minutes of testing in all.</p>",
         {("cma_aama", "exam_time_limit", "per_segment", 40, 40), ("cma_aama", "exam_time_limit", "total", 160, 160)}),
        # one segment's count, a score someone got and a score's scale are no exam sizes
        ("<p>The CMA (AAMA) exam is split into four segments of 50 questions each.</p>", set()),
        ("<p>A 70 on an AMT exam is not comparable to a 390 on an NHA exam for the CMA (AAMA).</p>", set()),
        ("<table><tr><th>Exam</th><th>Passing score</th></tr><tr><td>CPT</td><td>390 / 500</td></tr></table><p>CPT is for phlebotomy.</p>",
         {("cpt_nha", "passing_score", "value", 390, 390)}),
        # a pronoun opening the sentence refers to the previous sentence's subject
        ("<p>The CMA (AAMA) is longer than the CCMA. Its 200 questions come in four segments.</p>",
         {("cma_aama", "exam_questions", "total", 200, 200)}),
        # a span of percentiles, an employer's own pay and one domain of a spec list are not the measure
        ("<p>Medical assistants: the middle 80% earned between $35,020 and $57,830.</p>", set()),
        ("<p>The starting rate for this position is $19.50 an hour for phlebotomists.</p>", set()),
        ("<h2>CCMA exam</h2><dl><dt>Scored items by domain</dt><dd><dl><dt>Clinical Patient Care</dt><dd>84 items (56%)</dd></dl></dd></dl>", set()),
    ],
)
def test_round_ten_phrasings(facts, body, expected):
    assert claims_of(facts, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a credential known by name only owns its column and its adjective, whatever the title names
        ('<table><thead><tr><th></th><th>CMA (AAMA)</th><th>RMA (AMT)</th></tr></thead>'
         "<tr><th>Questions</th><td>200</td><td>210</td></tr></table>",
         {("cma_aama", "exam_questions", "total", 200, 200), ("rma_amt", "exam_questions", "total", 210, 210)}),
        # a row group's header heads every row it spans
        ('<table><thead><tr><th></th><th></th><th>CCMA (NHA)</th></tr></thead>'
         '<tr><th rowspan="2">Exam</th><th>Questions</th><td>180</td></tr><tr><th>Time</th><td>2h 30m</td></tr></table>',
         {("ccma", "exam_questions", "total", 180, 180), ("ccma", "exam_time_limit", "total", 150, 150)}),
    ],
)
def test_name_only_credentials_row_groups_and_cards(facts, body, expected):
    assert claims_of(facts, body) == expected


def test_a_place_scopes_a_figure_only_from_its_own_statement(facts):
    document = parse_html(page(
        "<p>Outpatient care centers pay phlebotomists best, with a median of $47,230.</p>"
        "<p>A few hospitals prefer the AMT credential, and the CCMA exam gives you 3 hours.</p>", title=TITLE), "p.html")
    scopes = {c.low: c.scope for c in extract(document, facts).claims}
    assert scopes == {47230: "outpatient care centers", 180: None}


def test_a_stat_cards_figure_with_its_noun_takes_the_caption_beside_it(facts):
    html = page(
        '<div class="stat"><span class="n">20 capillary sticks</span><span class="l">required for NHA CPT eligibility</span></div>',
        title=TITLE, head="<style>.stat .n { display: block; } .stat .l { display: block; }</style>",
    )
    claims = extract(parse_html(html, "p.html"), facts).claims
    assert [(c.entity, c.measure, c.low) for c in claims] == [("cpt_nha", "eligibility_capillary", 20)]


def test_a_title_naming_two_credentials_of_one_occupation_is_about_the_occupation(facts):
    html = page(
        "<h2>Outlook</h2><p>Employment is projected to grow from about 811,000 jobs in 2024 to 912,200 jobs in 2034.</p>",
        title="CMA (AAMA) vs RMA: which credential?",
    )
    claims = extract(parse_html(html, "p.html"), facts).claims
    assert {(c.entity, c.low) for c in claims} == {("medical_assistant", 811000), ("medical_assistant", 912200)}


def test_what_a_figure_includes_does_not_exclude_it(facts):
    body = "<p>Typical tuition for a phlebotomy program is $800 to $2,000, usually including the exam fee.</p>"
    assert claims_of(facts, body) == {("phlebotomist", "program_cost", "value", 800, 2000)}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<p>Most phlebotomy programs take 12 to 18 months from the first class to the externship sign-off.</p>",
         {("phlebotomist", "training_length", "typical", 12, 18)}),
        ("<p>Most phlebotomy programs take 4 to 8 months, through the externship.</p>",
         {("phlebotomist", "training_length", "typical", 4, 8)}),
        ("<p>The phlebotomy externship alone takes 1 to 2 months.</p>", set()),
        ("<p>Paid $125 for the exam through my school.</p>", set()),
        ("<p>Phlebotomy training programs typically last one to two years and include a supervised clinical externship.</p>",
         {("phlebotomist", "training_length", "typical", 12, 24)}),
    ],
)
def test_what_a_figure_runs_up_to_does_not_exclude_it(facts, body, expected):
    assert claims_of(facts, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<p>The CCMA runs two hours and forty minutes, so pacing matters.</p>", {("ccma", "exam_time_limit", "total", 160, 160)}),
        ("<p>The CPT phlebotomy exam lasts about 2 hours.</p>", {("cpt_nha", "exam_time_limit", "total", 120, 120)}),
        ("<p>Our open house runs two hours and covers the CCMA.</p>", set()),
    ],
)
def test_a_credential_that_runs_or_lasts_states_its_time_limit(facts, body, expected):
    assert claims_of(facts, body) == expected


def test_a_name_after_a_number_adjective_owns_the_number(facts):
    body = "<p>Compare the CMA (AAMA) and the 210-question RMA exam before you book.</p>"
    assert ("rma_amt", "exam_questions", "total", 210, 210) in claims_of(facts, body)


def test_an_exam_figure_on_an_occupation_page_goes_to_the_one_credential_it_names(facts):
    html = page(
        "<h2>The exam</h2><p>The NHA CPT is the credential most phlebotomy students sit.</p>"
        "<h3>Quick recap</h3><ul><li>120 questions, every one of them scored</li></ul>",
        title="7 numbers every phlebotomy student should know",
    )
    claims = {(c.entity, c.measure, c.qualifier, c.low) for c in extract(parse_html(html, "p.html"), facts).claims}
    assert ("cpt_nha", "exam_questions", "scored", 120) in claims
    two = html.replace("The NHA CPT is", "The NHA CPT and the ASCP PBT are")
    assert not any(c.measure == "exam_questions" for c in extract(parse_html(two, "p.html"), facts).claims)


def test_a_count_with_its_own_noun_is_not_what_an_item_header_counts(facts):
    body = "<table><tr><th>Item</th><th>Cost</th></tr><tr><td>Enrollment fees (34 units at $46 per unit)</td><td>$1,564</td></tr></table>"
    assert not any(c[1] == "exam_questions" for c in claims_of(facts, "<h2>CCMA program costs</h2>" + body))


TIMELINE = (
    "<ol>"
    "<li><time datetime='2019'>2019</time><h3>BLS projects a boom</h3><p>The May 2019 median wage for medical assistants was $34,800.</p></li>"
    "<li><time datetime='2021'>2021</time><h3>The projection peaks</h3><p>Medical assistant employment is projected to grow 18 percent.</p></li>"
    "<li><time datetime='2024'>2024</time><h3>New rules</h3><p>Since 2024, the RPT requires 50 venipunctures.</p></li>"
    "<li><time datetime='2026'>2026</time><h3>Where things stand now</h3><p>Medical assistants: median pay $44,200 (May 2024).</p></li>"
    "</ol>"
)


def test_a_timeline_entry_older_than_the_latest_recounts_its_year(facts):
    claims = {(c.entity, c.measure, c.low) for c in claims_of_html(facts, TIMELINE)}
    assert ("medical_assistant", "wage", 44200) in claims and ("rpt_amt", "eligibility_venipunctures", 50) in claims
    assert not any(low in (34800, 18) for _, _, low in claims), claims


def test_a_heading_inside_a_list_item_heads_the_text_after_it():
    document = parse_html(page(TIMELINE), "p.html")
    entry = next(b for b in document.blocks if "34,800" in b.text)
    assert entry.heading_path[-1] == "BLS projects a boom"
    assert [b.text for b in document.blocks[:3]] == ["2019", "BLS projects a boom", entry.text]


@pytest.mark.parametrize(
    "body",
    [
        "<h2>History</h2><p>The May 2019 median wage for phlebotomists was $35,510.</p>",
        "<p>In its 2019 to 2029 projections, BLS expected medical assistant employment to grow 19 percent.</p>",
        "<p>The 2020–30 cycle put phlebotomist growth at 22 percent.</p>",
        "<p>If a page says 22 percent growth for phlebotomists, it is quoting the 2020–30 cycle.</p>",
    ],
)
def test_a_figure_told_as_history_is_no_claim(facts, body):
    assert not claims_of(facts, body)


def test_a_year_by_year_tables_older_rows_are_history(facts):
    body = (
        "<h2>Phlebotomist median pay by year</h2><table><tr><th>Year</th><th>Phlebotomist median pay</th></tr>"
        "<tr><td>2019</td><td>$35,510</td></tr><tr><td>2022</td><td>$38,530</td></tr><tr><td>2024 (latest)</td><td>$43,660</td></tr></table>"
    )
    assert {c[3] for c in claims_of(facts, body)} == {43660}


@pytest.mark.parametrize(
    "body",
    [
        "<table><tr><th>Feature</th><th>Pro</th></tr><tr><td>CCMA mock exams (180 questions, 3-hour timer)</td><td>✓ 4</td></tr></table>",
        "<p>We weight the scored items the way NHA does, with 84 of the 150 in Clinical Patient Care.</p>",
    ],
)
def test_product_rows_and_parts_of_a_whole_are_not_the_measure(facts, body):
    assert not any(c[3] in (4, 84) for c in claims_of(facts, "<h2>CCMA exam prep</h2>" + body))


@pytest.mark.parametrize(
    "body",
    [
        "<p>200 questions ÷ 4 segments = 50 questions per segment on the CMA (AAMA) exam.</p>",
        "<h3>Example 3: an experienced hospital phlebotomist</h3><p>Someone on a hospital draw team might make $24.75 an hour.</p>",
        "<p>Phlebotomy technique: needle at 15 to 30°, usually a 21- or 22-gauge needle.</p>",
        "<p>Phlebotomy chat. User: yes please! I can do about 45 min on weekdays before the CPT exam.</p>",
        "<p>At $21.25 an hour a medical assistant earns about $3.45 an hour more than your current $17.80.</p>",
    ],
)
def test_parts_examples_angles_and_the_readers_own_figures_are_not_claims(facts, body):
    assert not any(c[3] in (50, 24.75 * 2080, 15, 45, 17.80 * 2080) for c in claims_of(facts, body)), claims_of(facts, body)


@pytest.mark.parametrize(
    "body",
    [
        "<p>Experienced phlebotomists with 3+ years start at up to $23.75 an hour at our lab.</p>",
        "<li>You have fewer than 50 documented venipunctures: the CPT's threshold suits you.</li>",
        "<p>A medical assistant credential evaluation by a NACES member typically costs $150 to $250 and takes 3 to 6 weeks.</p>",
        '<p>Older CCMA blog posts often said "150 questions"; that number is right for scored items.</p>',
        "<table><tr><th>Role (Meridian placements, 2026)</th><th>Annualized</th></tr>"
        "<tr><td>Medical assistant, uncertified</td><td>$39,728</td></tr></table>",
    ],
)
def test_employer_reader_and_reported_figures_are_not_claims(facts, body):
    assert not any(c[3] in (23.75 * 2080, 50, 150, 250, 3 * 0.23, 39728) or c[1] in ("training_length", "program_cost") for c in claims_of(facts, body)), claims_of(facts, body)


def test_a_qualifier_in_another_statement_of_the_sentence_is_not_the_figures(facts):
    body = "<p>Certification: the NHA CPT needs a 390 scaled score, and its exam has 120 questions in 2 hours.</p>"
    assert ("cpt_nha", "exam_questions", "total", 120, 120) in claims_of(facts, body)


def test_a_program_length_in_a_credential_column_is_its_occupations(facts):
    body = (
        "<table><tr><th>Requirement</th><th>NHA CPT</th><th>AMT RPT</th></tr>"
        "<tr><th>Typical program length (all three)</th><td colspan='2'>8 to 16 weeks of classroom and clinical training</td></tr></table>"
    )
    assert ("phlebotomist", "training_length") in {(c[0], c[1]) for c in claims_of(facts, body)}


def test_a_schools_page_about_one_program_holds_its_own_length_and_tuition(facts):
    body = (
        "<dl><dt>Program length</dt><dd>36 weeks (day) / 48 weeks (evening)</dd><dt>Tuition</dt><dd>$14,950</dd></dl>"
        "<p>Nationally, medical assistant training typically runs three to six months.</p>"
    )
    html = page(body, title="Medical Assistant Diploma | Riverside Health Institute")
    claims = {(c.measure, c.low, c.high) for c in extract(parse_html(html, "p.html"), facts).claims}
    assert claims == {("training_length", 3, 6)}
    editorial = page(body, title="Medical Assistant Diploma Guide | CareerCompass")
    assert len({c.measure for c in extract(parse_html(editorial, "p.html"), facts).claims}) == 2


def test_an_exam_fee_belongs_to_a_credential_never_to_an_occupation(facts):
    html = page(
        "<p>The NHA CPT is the exam most of our readers take.</p><h2>Costs</h2><p>One more number: the exam fee is $125.</p>",
        title="7 numbers every phlebotomy student should know",
    )
    assert {(c.entity, c.measure) for c in extract(parse_html(html, "p.html"), facts).claims if c.measure == "exam_fee"} == {("cpt_nha", "exam_fee")}
    two = html.replace("The NHA CPT is the exam", "The NHA CPT and the AMT RPT are the exams")
    assert not any(c.measure == "exam_fee" for c in extract(parse_html(two, "p.html"), facts).claims)


@pytest.mark.parametrize(
    ("body", "unwanted"),
    [
        ('<p class="myth">Myth: "The CPT phlebotomy exam is a three-hour marathon."</p>', 180),
        ('<p>What people say: "The CCMA is 200 questions, same as the CMA."</p>', 200),
        ("<p>CCMA total questions: <del>150</del> <ins>180</ins>.</p>", 150),
        ("<p>CCMA time limit (was 150 minutes, now correctly 3 hours).</p>", 150),
        ("<p>NHA says that starting March 2027, the CPT phlebotomy exam will have 130 questions.</p>", 130),
        ("<p>If NHA raises the CPT phlebotomy exam fee to $135 next year, we will cover it.</p>", 135),
        ("<p>At one CCMA question a minute you would reach question 165 at 11:15 a.m.</p>", 165),
        ("<p>CPT phlebotomy eligibility: at least 30 live venipunctures. Card 6 / 22</p>", 6),
        ("<p>On the CMA (AAMA) exam, each segment has 50 questions.</p>", 50),
        ("<p><strong>16 weeks</strong> Length of Caprock's phlebotomy certificate</p>", 16 * 7 / 30.4375),
        ("<p>The college's phlebotomy program runs 16 weeks.</p>", 16 * 7 / 30.4375),
        ('<p>"I did the math: four months of phlebotomy school, and I\'d make $3 an hour more," she said.</p>', 4),
    ],
)
def test_myths_edits_plans_and_item_numbers_are_not_claims(facts, body, unwanted):
    assert not any(c[3] == pytest.approx(unwanted, abs=0.01) for c in claims_of(facts, body)), claims_of(facts, body)


def test_a_spokespersons_quoted_figure_is_the_pages_claim(facts):
    body = '<p>"The NHA\'s CPT exam is 100 questions over two hours, and our students take it on campus," Voss said.</p>'
    assert ("cpt_nha", "exam_questions", "total", 100, 100) in claims_of(facts, body)


def test_a_before_after_tables_old_column_is_history(facts):
    body = (
        "<table><thead><tr><th>Item</th><th>Version 4 (2024)</th><th>Version 5 (Fall 2026)</th></tr></thead>"
        "<tr><th>CPT venipunctures</th><td>twenty-five venipunctures</td><td>30 venipunctures</td></tr></table>"
    )
    assert {c[3] for c in claims_of(facts, "<h2>CPT phlebotomy study notes</h2>" + body)} == {30}


def test_a_previous_sentences_subject_comes_before_what_it_is_compared_with(facts):
    html = page('<ul><li><p>What people say: "The CCMA is 200 questions, same as the CMA (AAMA)."</p><p>Do this instead: plan for 180 questions.</p></li></ul>',
                title="9 mistakes students make about the CCMA exam")
    assert ("ccma", "exam_questions", 180) in {(c.entity, c.measure, c.low) for c in extract(parse_html(html, "p.html"), facts).claims}


def test_a_unit_in_the_column_header_is_the_cells_unit(facts):
    body = (
        "<table><tr><th>Credential</th><th>Time (min)</th><th>Median pay ($K/yr)</th></tr>"
        "<tr><td>NHA CPT</td><td>150</td><td></td></tr><tr><td>Phlebotomists</td><td></td><td>36.2</td></tr></table>"
    )
    claims = {(c[0], c[1], c[3]) for c in claims_of(facts, "<h2>Phlebotomy at a glance</h2>" + body)}
    assert ("cpt_nha", "exam_time_limit", 150) in claims and ("phlebotomist", "wage", 36200) in claims


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<p>Only 110 of the 120 questions on the NHA CPT exam are scored.</p>",
         {("cpt_nha", "exam_questions", "scored", 110, 110), ("cpt_nha", "exam_questions", "total", 120, 120)}),
        ("<p>On the CCMA, 20 of the 180 items are unscored pretest questions.</p>",
         {("ccma", "exam_questions", "pretest", 20, 20), ("ccma", "exam_questions", "total", 180, 180)}),
        ("<p>The CMA (AAMA) exam is delivered in four segments of 40 minutes each.</p>",
         {("cma_aama", "exam_time_limit", "per_segment", 40, 40)}),
    ],
)
def test_a_qualified_part_of_a_whole_is_both_figures(facts, body, expected):
    assert expected <= claims_of(facts, body), claims_of(facts, body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<p>Graduates sit a 2-hour, 180-question exam to earn the CCMA.</p>",
         {("ccma", "exam_time_limit", "total", 120, 120), ("ccma", "exam_questions", "total", 180, 180)}),
        ("<p>Fact: The BLS median for phlebotomists was $43,660 in May 2024.</p>", {("phlebotomist", "wage", "median", 43660, 43660)}),
    ],
)
def test_joined_adjectives_share_their_noun_and_a_bls_median_is_pay(facts, body, expected):
    assert expected <= claims_of(facts, body), claims_of(facts, body)
