import random

import pytest

from checks.quantities import YearSpan, find_quantities, find_years


def q(text, low, high=None, unit="count", noun=None, per=None, bound=None, approximate=False):
    """The fields of a Quantity a test cares about, in one comparable tuple."""
    return (text, float(low), float(low if high is None else high), unit, noun, per, bound, approximate)


def summary(quantity):
    return (
        quantity.text,
        quantity.low,
        quantity.high,
        quantity.unit,
        quantity.noun,
        quantity.per,
        quantity.bound,
        quantity.approximate,
    )


def found(text):
    return [summary(quantity) for quantity in find_quantities(text)]


NUMBERS = [
    ("Employers will add 112,300 new jobs.", q("112,300 new jobs", 112300, noun="jobs")),
    ("over 2,000 colleges and universities", q("2,000 colleges", 2000, noun="colleges", bound="min")),
    ("a session lasts 2.5 hours", q("2.5 hours", 2.5, unit="hour")),
    ("Median pay: $18.40 per hour", q("$18.40 per hour", 18.4, unit="usd", per="hour")),
    ("salaries near $41000 for new hires", q("$41000", 41000, unit="usd")),
    ("a typo like $$43,100 still counts", q("$$43,100", 43100, unit="usd")),
    ("Unlock 590+ CPT practice questions", q("590+ CPT practice questions", 590, noun="questions", bound="min")),
    ("(~75% of items)", q("75%", 75, unit="percent", approximate=True)),
    ("every two years", q("two years", 2, unit="year")),
    ("Twenty-Five students", q("Twenty-Five students", 25, noun="students")),
    ("ninety minutes of testing", q("ninety minutes", 90, unit="minute")),
    ("fourteen modules", q("fourteen modules", 14, noun="modules")),
    ("a hundred questions", q("a hundred questions", 100, noun="questions")),
    ("two hundred fifty tubes", q("two hundred fifty tubes", 250, noun="tubes")),
    ("draw a dozen tubes", q("a dozen tubes", 12, noun="tubes")),
    ("a 4-to-8-month program", q("4-to-8-month", 4, 8, unit="month")),
    ("a four-to-eight-week program", q("four-to-eight-week", 4, 8, unit="week")),
    ("Candidates get an hour and a half to answer", q("an hour and a half", 1.5, unit="hour")),
    ("It takes a year and a half.", q("a year and a half", 1.5, unit="year")),
    ("thirty-five thousand twenty dollars a year", q("thirty-five thousand twenty dollars a year", 35020, unit="usd", per="year")),
    ("one hundred twelve thousand three hundred new jobs",
     q("one hundred twelve thousand three hundred new jobs", 112300, noun="jobs")),
    ("forty-four thousand and two hundred dollars", q("forty-four thousand and two hundred dollars", 44200, unit="usd")),
    ("twenty-five (25) venipunctures", q("twenty-five (25) venipunctures", 25, noun="venipunctures")),
    ("5 (five) capillary sticks", q("5 (five) capillary sticks", 5, noun="sticks")),
    ("twenty (20) hours", q("twenty (20) hours", 20, unit="hour")),
    ("costs $45k a year", q("$45k a year", 45000, unit="usd", per="year", approximate=True)),
    ("a $2.5 million grant", q("$2.5 million", 2.5e6, unit="usd", approximate=True)),
    # a multiplier rounds the figure to its place
    ("earn $43.7K per year", q("$43.7K per year", 43700, unit="usd", per="year", approximate=True)),
    ("employment fell -3% in a decade", q("-3%", -3, unit="percent")),
    ("the 10th percentile earned less", q("10th percentile", 10, noun="percentile")),
    ("the lowest 10% earned less", q("10%", 10, unit="percent")),
    ("150", q("150", 150)),
    ("Earn 5 ACE Credits", q("5 ACE Credits", 5, noun="credits")),
    ("1 ACE Credit", q("1 ACE Credit", 1, noun="credit")),
    ("a 150-question exam", q("150-question", 150, noun="question")),
    ("2000 hours of practice", q("2000 hours", 2000, unit="hour")),
]

RANGES = [
    ("typically lasting 4 to 8 months", q("4 to 8 months", 4, 8, unit="month")),
    ("take between 9 months and 2 years", q("9 months and 2 years", 9, 24, unit="month")),
    ("9 months to 2 years", q("9 months to 2 years", 9, 24, unit="month")),
    ("from nine months to two years", q("nine months to two years", 9, 24, unit="month")),
    ("$2,000 to $10,000", q("$2,000 to $10,000", 2000, 10000, unit="usd")),
    ("30–50 successful venipunctures", q("30–50 successful venipunctures", 30, 50, noun="venipunctures")),
    ("30—50 draws", q("30—50 draws", 30, 50, noun="draws")),
    ("30 - 50 draws", q("30 - 50 draws", 30, 50, noun="draws")),
    ("6 Weeks – 4 Months", q("6 Weeks – 4 Months", 6, 17.39, unit="week")),
    # one unit spelled "a" tops a duration range
    ("anywhere from 4 weeks to a year", q("4 weeks to a year", 4, 52.18, unit="week")),
    ("between six months and a year", q("six months and a year", 6, 12, unit="month")),
    ("9 months to a year and a half", q("9 months to a year and a half", 9, 18, unit="month")),
    ("3-7 weeks", q("3-7 weeks", 3, 7, unit="week")),
    ("10-14 Months", q("10-14 Months", 10, 14, unit="month")),
    ("roughly $16-$23 per hour", q("$16-$23 per hour", 16, 23, unit="usd", per="hour", approximate=True)),
    ("$16-23/hr", q("$16-23/hr", 16, 23, unit="usd", per="hour")),
    ("$400 – $2,500+", q("$400 – $2,500+", 400, 2500, unit="usd", bound="min")),
    ("as low as $600 and as high as $3,500", q("$600 and as high as $3,500", 600, 3500, unit="usd")),
    ("as little as 4 months and up to 2 years", q("4 months and up to 2 years", 4, 24, unit="month")),
    ("between 5 and 9 months", q("5 and 9 months", 5, 9, unit="month")),
    ("between five and nine months", q("five and nine months", 5, 9, unit="month")),
    ("within 7–10 business days", q("7–10 business days", 7, 10, unit="day")),
    ("8–10 hours per week", q("8–10 hours", 8, 10, unit="hour")),
    ("a 10-15% raise", q("10-15%", 10, 15, unit="percent")),
    ("about 1 to 2 months of preparation", q("1 to 2 months", 1, 2, unit="month", approximate=True)),
    ("a scaled 200–500 range", q("200–500", 200, 500, unit="points")),
    ("between $16 and $23 an hour", q("$16 and $23 an hour", 16, 23, unit="usd", per="hour")),
    ("10% to 15%", q("10% to 15%", 10, 15, unit="percent")),
    ("2,000-3,000 hours", q("2,000-3,000 hours", 2000, 3000, unit="hour")),
    ("6-12 month programs", q("6-12 month", 6, 12, unit="month")),
    ("spanning anywhere from 4 months to 2 years", q("4 months to 2 years", 4, 24, unit="month")),
]

BOUNDS = [
    ("at least 30 venipunctures", q("30 venipunctures", 30, noun="venipunctures", bound="min")),
    ("a minimum of 10 capillary sticks", q("10 capillary sticks", 10, noun="sticks", bound="min")),
    ("minimum 3 attempts", q("3 attempts", 3, noun="attempts", bound="min")),
    ("in as little as one month", q("one month", 1, unit="month", bound="min")),
    ("as few as 3 questions", q("3 questions", 3, noun="questions", bound="min")),
    ("as short as 6 weeks", q("6 weeks", 6, unit="week", bound="min")),
    ("more than 36% of phlebotomists", q("36%", 36, unit="percent", bound="min")),
    ("10+ years in exam preparation", q("10+ years", 10, unit="year", bound="min")),
    ("3 to 4 weeks or more", q("3 to 4 weeks", 3, 4, unit="week", bound="min")),
    ("up to $57,830", q("$57,830", 57830, unit="usd", bound="max")),
    ("as long as two years", q("two years", 2, unit="year", bound="max")),
    ("at most 4 retakes", q("4 retakes", 4, noun="retakes", bound="max")),
    ("under six months", q("six months", 6, unit="month", bound="max")),
    ("less than 2 hours", q("2 hours", 2, unit="hour", bound="max")),
    ("no more than 4 hours", q("4 hours", 4, unit="hour", bound="max")),
    ("a maximum of 3 attempts", q("3 attempts", 3, noun="attempts", bound="max")),
    ("earned below $35,020", q("$35,020", 35020, unit="usd", bound="max")),
    ("about 18,400 new positions", q("18,400 new positions", 18400, noun="positions", approximate=True)),
    ("approximately 112,300 new jobs", q("112,300 new jobs", 112300, noun="jobs", approximate=True)),
    ("around $47,230", q("$47,230", 47230, unit="usd", approximate=True)),
    ("nearly 2 hours", q("2 hours", 2, unit="hour", approximate=True)),
    ("almost 50%", q("50%", 50, unit="percent", approximate=True)),
    ("some 30 states", q("30 states", 30, noun="states", approximate=True)),
    ("~75%", q("75%", 75, unit="percent", approximate=True)),
    ("works out to about $19 an hour", q("$19 an hour", 19, unit="usd", per="hour", approximate=True)),
    ("up to about 30 days", q("30 days", 30, unit="day", bound="max", approximate=True)),
    ("30 or more questions", q("30", 30, bound="min")),
    ("6 months or less", q("6 months", 6, unit="month", bound="max")),
    ("$20+ per hour", q("$20+ per hour", 20, unit="usd", per="hour", bound="min")),
    ("a pass rate of 70%+", q("70%+", 70, unit="percent", bound="min")),
]

MONEY_AND_PERCENT = [
    ("$21.25 per hour", q("$21.25 per hour", 21.25, unit="usd", per="hour")),
    ("$20/hour", q("$20/hour", 20, unit="usd", per="hour")),
    ("$20 hourly", q("$20 hourly", 20, unit="usd", per="hour")),
    ("Median Pay $39,120 per year", q("$39,120 per year", 39120, unit="usd", per="year")),
    ("$39,120/yr", q("$39,120/yr", 39120, unit="usd", per="year")),
    ("$50,000 annually", q("$50,000 annually", 50000, unit="usd", per="year")),
    ("$50,000 per annum", q("$50,000 per annum", 50000, unit="usd", per="year")),
    ("$44,200 annual salary", q("$44,200 annual", 44200, unit="usd", per="year")),
    ("$2,000 a year", q("$2,000 a year", 2000, unit="usd", per="year")),
    ("a difference of about $540 per year", q("$540 per year", 540, unit="usd", per="year", approximate=True)),
    ("$19.99 lifetime", q("$19.99", 19.99, unit="usd")),
    ("grow 12% by 2034", q("12%", 12, unit="percent")),
    ("a projected 20 percent increase", q("20 percent", 20, unit="percent")),
    ("56 % of respondents", q("56 %", 56, unit="percent")),
]

DURATIONS_AND_SCORES = [
    ("3 hours", q("3 hours", 3, unit="hour")),
    ("about 112.3k new jobs", q("112.3k new jobs", 112300, noun="jobs", approximate=True)),
    ("two and a half hours long", q("two and a half hours", 2.5, unit="hour")),
    ("a two-and-a-half-hour exam", q("two-and-a-half-hour", 2.5, unit="hour")),
    ("a 3-hour exam", q("3-hour", 3, unit="hour")),
    ("A. 24-Hour Return Policy", q("24-Hour", 24, unit="hour")),
    ("1 hour and 45 minutes", q("1 hour and 45 minutes", 105, unit="minute")),
    ("2 years 6 months", q("2 years 6 months", 30, unit="month")),
    ("finish in 2h", q("2h", 2, unit="hour")),
    ("2 hrs", q("2 hrs", 2, unit="hour")),
    ("90 min", q("90 min", 90, unit="minute")),
    ("about 100 working minutes", q("100 working minutes", 100, unit="minute", approximate=True)),
    ("within two days of scoring", q("two days", 2, unit="day")),
    ("380/500", q("380/500", 380, unit="points")),
    ("70 (scaled)", q("70 (scaled)", 70, unit="points")),
    ("a scaled score of 390", q("390", 390, unit="points")),
    ("120 points", q("120 points", 120, unit="points")),
    ("a two-year degree", q("two-year", 2, unit="year")),
    ("an 18-month program", q("18-month", 18, unit="month")),
]


@pytest.mark.parametrize(("text", "expected"), NUMBERS + RANGES + BOUNDS + MONEY_AND_PERCENT + DURATIONS_AND_SCORES)
def test_one_quantity(text, expected):
    assert found(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "$44,200 ($21.25 per hour)",
            [q("$44,200", 44200, unit="usd"), q("$21.25 per hour", 21.25, unit="usd", per="hour")],
        ),
        ("1 year (1,040 hours)", [q("1 year", 1, unit="year"), q("1,040 hours", 1040, unit="hour")]),
        ("120 questions, 2 hours", [q("120 questions", 120, noun="questions"), q("2 hours", 2, unit="hour")]),
        ("160 questions in 3 hours", [q("160 questions", 160, noun="questions"), q("3 hours", 3, unit="hour")]),
        (
            "150 scored multiple-choice questions, plus 30 unscored pretest questions",
            [q("150 scored multiple-choice questions", 150, noun="questions"),
             q("30 unscored pretest questions", 30, noun="questions")],
        ),
        (
            "three segments of 50 minutes each",
            [q("three segments", 3, noun="segments"), q("50 minutes", 50, unit="minute")],
        ),
        (
            "twenty-five (25) venipunctures and five (5) capillary sticks",
            [q("twenty-five (25) venipunctures", 25, noun="venipunctures"),
             q("five (5) capillary sticks", 5, noun="sticks")],
        ),
        ("2 hours, 30 minutes", [q("2 hours", 2, unit="hour"), q("30 minutes", 30, unit="minute")]),
        ("390 on a scaled 200–500 range", [q("390", 390, unit="points"), q("200–500", 200, 500, unit="points")]),
        ("160 (20 unscored) 390/500", [q("160", 160), q("20", 20), q("390/500", 390, unit="points")]),
        ("grow 7% from 2024 to 2034", [q("7%", 7, unit="percent")]),
        ("Job Outlook, 2021-31 15%", [q("15%", 15, unit="percent")]),
        ("Employment Change, 2022-32 12,500", [q("12,500", 12500)]),
        ("a few weeks to as long as two years", [q("two years", 2, unit="year", bound="max")]),
        ("9 months and 2 years", [q("9 months", 9, unit="month"), q("2 years", 2, unit="year")]),
        ("160 (140 scored)", [q("160", 160), q("140", 140)]),
        ("5-3 win", [q("5", 5), q("3 win", 3, noun="win")]),
        ("employment grows 12% through 2034", [q("12%", 12, unit="percent")]),
        ("3 x 50 minutes", [q("3", 3), q("50 minutes", 50, unit="minute")]),
        ("given as 180, 200 and 150", [q("180", 180), q("200", 200), q("150", 150)]),
        ("Which one should you choose? Each question has four possible answers.",
         [q("four possible answers", 4, noun="answers")]),
    ],
)
def test_several_quantities(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In 2024, hospitals employed them",
        "Median salary (2024)",
        "from 2024 to 2034",
        "by 2034",
        "2024–34",
        "2021-31",
        "between 2024 and 2034",
        "the 2025 Industry Outlook",
        "Updated: May 6, 2024",
        "reviewed 2026-06-18",
        "2026-01-03T02:58:09+00:00",
        "Posted in September 2022",
        "- Oct 16",
        "on 22nd September 2021",
        "due 5/6/2024",
        "call 555-123-4567",
        "call (555) 123-4567",
        "call 1-800-555-1234",
        "open at 10:30",
        "opens 9 a.m. daily",
        "closes at 5pm",
        "a CPT-1 license",
        "California's CPT I",
        "the first attempt",
        "ranked #1",
        "form G-12345",
        "an H1 heading",
        "A. Refunds",
        "support 24/7",
        "half (1/2) of it",
        "version 1.2.3",
        "3D printing",
        "2x faster",
        "a few weeks",
        "a few months",
        "several programs",
        "one of the highest rates",
        "one-on-one training",
        "twenty-something years",
        "1. Introduction",
        "© 2026 DrCertifications",
    ],
)
def test_not_a_quantity(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [spec[0] for spec in NUMBERS + RANGES + BOUNDS + MONEY_AND_PERCENT + DURATIONS_AND_SCORES]
    + ["In 2024 about 12% (some 30 states) paid $16-$23 per hour, 3-7 weeks, 10:30 by 2034."],
)
def test_spans_index_the_text_in_order(text):
    quantities = find_quantities(text)
    for quantity in quantities:
        assert text[quantity.start : quantity.end] == quantity.text
    ends = [0] + [quantity.end for quantity in quantities]
    starts = [quantity.start for quantity in quantities]
    assert all(end <= start for end, start in zip(ends, starts))


UNITS = {"count", "usd", "percent", "minute", "hour", "day", "week", "month", "year", "points"}
FUZZ_TOKENS = (
    "$", "$$", "~", "+", "-", "–", "/", "(", ")", ",", ".", ":", "%", " ", " ", " ", "\n", "\u00a0",
    "0", "7", "12", "150", "2,000", "2.5", "2024", "2030", "1999", "34", "05", "555", "1234", "hours", "h", "months",
    "weeks", "to", "and", "between", "at least", "up to", "about", "per", "an", "hour", "year",
    "questions", "scored", "twenty", "five", "a", "dozen", "hundred", "May", "Oct", "am", "scaled",
    "or", "more", "CPT", "th", "k", "İ",
)


@pytest.mark.parametrize("seed", range(40))
def test_random_token_soup_keeps_every_invariant(seed):
    rng = random.Random(seed)
    text = "".join(rng.choice(FUZZ_TOKENS) for _ in range(400))
    quantities = find_quantities(text)
    previous_end = 0
    for quantity in quantities:
        assert text[quantity.start : quantity.end] == quantity.text
        assert previous_end <= quantity.start < quantity.end
        assert quantity.low <= quantity.high
        assert quantity.unit in UNITS
        assert quantity.bound in (None, "min", "max")
        assert (quantity.per is None) or quantity.unit == "usd"
        previous_end = quantity.end
    for span in find_years(text):
        assert text[span.start : span.end] == span.text
        assert span.end_year is None or span.end_year >= span.start_year


def test_long_numerals_are_identifiers():
    assert found("order 12345678901234567890 shipped") == []


def test_bound_words_stay_outside_the_span():
    text = "requires at least 30 venipunctures"
    (quantity,) = find_quantities(text)
    assert (quantity.start, quantity.end) == (text.index("30"), len(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2024, hospitals", [(2024, None, "2024")]),
        ("Median salary (2024)", [(2024, None, "2024")]),
        ("grow 7% from 2024 to 2034", [(2024, 2034, "from 2024 to 2034")]),
        ("2024 to 2034", [(2024, 2034, "2024 to 2034")]),
        ("2024–34", [(2024, 2034, "2024–34")]),
        ("Job Outlook, 2021-31", [(2021, 2031, "2021-31")]),
        ("2024-2034", [(2024, 2034, "2024-2034")]),
        ("2034 to 2024", [(2024, 2034, "2034 to 2024")]),
        ("the 1999-01 season", [(1999, 2001, "1999-01")]),
        ("12% between 2024 and 2034", [(2024, 2034, "between 2024 and 2034")]),
        ("11% by 2034", [(2034, None, "by 2034")]),
        ("As of May 2024", [(2024, None, "2024")]),
        ("Updated: May 6, 2024", [(2024, None, "2024")]),
        ("the 2024/25 school year", [(2024, 2025, "2024/25")]),
        ("in 2023 and 2024", [(2023, None, "2023"), (2024, None, "2024")]),
        ("2024 to 30 questions", [(2024, None, "2024")]),
        ("reviewed 2026-06-18", []),
        ("due 5/6/2024", []),
        ("2000 hours of practice", []),
        ("$2024 fee", []),
        ("12,500 jobs", []),
        ("a 1,999 total", []),
    ],
)
def test_find_years(text, expected):
    assert [(span.start_year, span.end_year, span.text) for span in find_years(text)] == expected


def test_year_span_indexes_the_text():
    text = "Projected growth, 2024–34: 12% by 2034."
    spans = find_years(text)
    assert spans == [YearSpan(2024, 2034, "2024–34", 18, 25), YearSpan(2034, None, "by 2034", 31, 38)]
    assert all(text[span.start : span.end] == span.text for span in spans)


@pytest.mark.parametrize(
    ("text", "unit", "noun"),
    [("5 semester hours of college credit", "count", "semester hours"), ("3 credit hours", "count", "credit hours"), ("120 clock hours", "hour", None)],
)
def test_credit_hours_are_credits_and_clock_hours_are_time(text, unit, noun):
    [quantity] = find_quantities(text)
    assert (quantity.unit, quantity.noun) == (unit, noun)
