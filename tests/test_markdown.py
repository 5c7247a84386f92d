"""Markdown pages with YAML front matter: blocks like HTML, dates and title from the front matter."""

from __future__ import annotations

import datetime as dt

import pytest

from checks.engine import audit
from checks.errors import AuditInputError
from checks.markdown import body_offset, parse_markdown, split_front_matter
from checks.model import SourcePosition
from pagekit import TODAY

PAGE = """---
title: "CCMA exam: what to expect"
date: 2025-01-10
lastmod: "May 2026"
reviewed: 2026-06-18
tags: [ccma]
---

# The CCMA exam

The **CCMA exam** has [180 questions](https://example.org/ccma "NHA") and takes 3 hours.

| Exam | Questions |
| --- | --- |
| CCMA | 180 |
"""


def test_front_matter_gives_title_and_dates_with_their_lines():
    document = parse_markdown(PAGE, "guide.md")
    assert document.title == "CCMA exam: what to expect"
    dates = {d.role: d for d in document.dates}
    assert dates["published"].value == dt.date(2025, 1, 10)
    assert (dates["modified"].value, dates["modified"].precision) == (dt.date(2026, 5, 1), "month")
    assert dates["reviewed"].value == dt.date(2026, 6, 18)
    assert {d.source for d in document.dates} == {"front-matter"}
    assert dates["reviewed"].text == "reviewed: 2026-06-18"
    assert dates["reviewed"].position == SourcePosition(5, 1)
    assert dates["modified"].locator == "front-matter > lastmod"


def test_body_is_read_like_html_blocks_and_tables():
    document = parse_markdown(PAGE, "guide.md")
    kinds = [(b.kind, b.text) for b in document.blocks]
    assert ("heading", "The CCMA exam") in kinds
    assert ("paragraph", "The CCMA exam has 180 questions and takes 3 hours.") in kinds
    cell = next(b for b in document.blocks if b.kind == "table_cell" and b.text == "180")
    assert (cell.row_header, cell.column_header) == ("CCMA", "Questions")


def test_updated_is_a_modified_date_and_pages_without_front_matter_work():
    document = parse_markdown("---\nupdated: 2026-02-01T10:00:00Z\n---\nText.\n", "a.md")
    assert [(d.role, d.value) for d in document.dates] == [("modified", dt.date(2026, 2, 1))]
    plain = parse_markdown("# Title only\n\nLast updated: May 2026\n", "b.md")
    assert plain.title == "Title only"
    assert [(d.role, d.source) for d in plain.dates] == [("modified", "text")]
    assert split_front_matter("no front matter").body_offset == body_offset("no front matter") == 0
    assert body_offset("---\na: 1\n---\nBody") == len("---\na: 1\n---\n")


def test_stale_review_comes_from_the_reviewed_key(facts):
    result = audit([parse_markdown(PAGE, "guide.md")], facts, TODAY)
    stale = [f for f in result.findings if f.rule == "stale-review"]
    assert len(stale) == 1
    assert "reviewed on 2026-06-18" in stale[0].message
    assert stale[0].evidence.position == SourcePosition(5, 1) and stale[0].evidence.quote == "reviewed: 2026-06-18"


def test_wrong_number_in_markdown_is_found(facts):
    wrong = PAGE.replace("[180 questions]", "[200 questions]")
    result = audit([parse_markdown(wrong, "guide.md")], facts, TODAY)
    assert [f.claims[0].evidence.matched for f in result.findings if f.rule == "contradicts-fact"] == ["200 questions"]


def test_ignore_comment_in_markdown_becomes_a_suppression():
    text = "Intro.\n\n<!-- content-audit: ignore contradicts-fact -- NHA confirmed -->\nThe CCMA exam has 200 questions.\n"
    document = parse_markdown(text, "a.md")
    assert [(s.rule, s.reason) for s in document.suppressions] == [("contradicts-fact", "NHA confirmed")]
    target = next(b for b in document.blocks if "200" in b.text)
    assert document.suppressions[0].locator == target.locator


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\ntitle: [unclosed\n---\nBody\n", "front matter is not valid YAML at line"),
        ("---\ntitle: x\nBody without a closing fence\n", "never closed"),
        ("---\n- a\n- b\n---\nBody\n", "must be a mapping"),
        ("---\nreviewed: soon\n---\nBody\n", "front matter `reviewed`: expected a date such as 2026-06-18, got 'soon'"),
        ("---\ndate: [2026]\n---\nBody\n", "front matter `date`: expected a date"),
    ],
)
def test_bad_front_matter_is_a_clear_input_error(text, message):
    with pytest.raises(AuditInputError, match=message.replace("[", r"\[").replace("(", r"\(")):
        parse_markdown(text, "bad.md")


def test_markdown_footnotes_and_definition_lists_are_read():
    source = (
        "---\ntitle: CCMA exam\n---\n# CCMA exam\n\nThe CCMA earns college credit.[^3]\n\n"
        "Questions\n:   180, of which 150 are scored\n\n[^3]: ACE recommends 3 college credits for the CCMA.\n"
    )
    texts = [block.text for block in parse_markdown(source, "ccma.md").blocks]
    assert "The CCMA earns college credit." in texts
    assert any(text.startswith("ACE recommends 3 college credits for the CCMA.") for text in texts), texts
    assert "180, of which 150 are scored" in texts
