"""Shares and per-item rates a sentence works out (checks/ratios.py)."""

from __future__ import annotations

import pytest

from checks.ratios import stated_ratios


@pytest.mark.parametrize(
    ("text", "expected", "wrong"),
    [
        ("Clinical Patient Care is the biggest domain: 84 of the 150 scored items, or about 65% of your score.", 56.0, True),
        ("Clinical Patient Care is the biggest domain: 84 of the 150 scored items, or about 56% of your score.", 56.0, False),
        ("That is 180 questions over 180 minutes, so 1.5 minutes per question.", 1.0, True),
        ("The CPT gives 120 questions in 2 hours, so 1 minute per question.", 1.0, False),
        ("The CMA is given in four segments of 40 minutes each, so 180 minutes of testing.", 160, True),
        ("The CMA has 200 questions. Each of the 4 segments has 40 questions.", 50, True),
        ("The CMA has 200 questions; each of the 4 segments has 50 questions.", 50, False),
    ],
)
def test_a_ratio_the_text_works_out(text, expected, wrong):
    [ratio] = stated_ratios(text)
    assert ratio.expected == pytest.approx(expected, abs=0.01)
    assert (abs(ratio.expected - ratio.stated.low) > ratio.tolerance) == wrong


@pytest.mark.parametrize(
    "text",
    [
        "Of 180 questions, 150 are scored; 12% of candidates retake.",
        "84 scored items and 150 in total, 56% of them clinical.",
        "120 questions in 2 hours; allow 30 minutes for check-in.",
        "The CCMA has 180 questions. Each of the 6 domains has about 30 questions.",
        "Each of the 4 segments has 50 questions.",
    ],
)
def test_figures_side_by_side_are_no_ratio(text):
    assert list(stated_ratios(text)) == []
