"""Pay a sentence converts between periods (checks/conversions.py)."""

from __future__ import annotations

import pytest

from checks.conversions import rounding, stated_conversions


@pytest.mark.parametrize(
    ("text", "expected", "wrong"),
    [
        ("The top 10% earn more than $57,750 a year, or about $29.77 an hour.", 27.76, True),
        ("The lowest-paid 10% earn less than $34,860 a year, or about $16.76 an hour.", 16.76, False),
        ("A median salary of $43,660 a year works out to about $3,938 a month before taxes.", 3638.33, True),
        ("Someone might make $24.75 an hour. Over a full year, that's $52,480 a year before overtime.", 51480, True),
        ("Medical assistants: median $21.25 an hour, which is $44,200 a year at 2,080 hours.", 44200, False),
        ("Phlebotomists are just under $44K a year, or $20.99 an hour.", 21.15, False),
    ],
)
def test_a_conversion_the_text_states(text, expected, wrong):
    [conversion] = stated_conversions(text)
    assert conversion.expected == pytest.approx(expected, abs=0.01)
    assert (abs(conversion.expected - conversion.stated.low) > conversion.tolerance) == wrong


@pytest.mark.parametrize(
    "text",
    [
        "Medical assistants earn $21.25 an hour, $1.26 more than phlebotomists' $20.99.",
        "Phlebotomists earn $20.99 an hour; medical assistants earn $44,200 a year.",
        "Pay ranges from $18 an hour at clinics to $52,000 a year at hospitals.",
    ],
)
def test_amounts_not_given_as_the_same_pay_are_no_conversion(text):
    assert list(stated_conversions(text)) == []


@pytest.mark.parametrize(
    ("written", "half_unit"),
    [("$21.25 an hour", 0.005), ("$43,660", 5), ("$44,200/yr", 50), ("$44K", 500), ("$44.2k a year", 50), ("$20 an hour", 0.5)],
)
def test_rounding_is_half_the_last_written_digit(written, half_unit):
    assert rounding(written) == half_unit
