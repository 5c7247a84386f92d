from __future__ import annotations

from datetime import date

import pytest

from checks.dates import (
    DateSources,
    MetaDate,
    TimeElement,
    find_date_phrases,
    page_dates,
    parse_date_value,
)
from checks.document import parse_html
from checks.model import Block, PageDate


@pytest.mark.parametrize(
    ("text", "role", "value", "precision", "phrase"),
    [
        ("Drawn from official materials, reviewed 2026-06-18 by the team.", "reviewed", date(2026, 6, 18), "day", "reviewed 2026-06-18"),
        ("Last updated: May 2026", "modified", date(2026, 5, 1), "month", "Last updated: May 2026"),
        ("Updated: May 6, 2024", "modified", date(2024, 5, 6), "day", "Updated: May 6, 2024"),
        ("Posted in September 2022 by admin", "published", date(2022, 9, 1), "month", "Posted in September 2022"),
        ("Medically reviewed on March 3, 2025", "reviewed", date(2025, 3, 3), "day", "Medically reviewed on March 3, 2025"),
        ("Last reviewed: 06/18/2026", "reviewed", date(2026, 6, 18), "day", "Last reviewed: 06/18/2026"),
        ("Medically reviewed by Dr. Jane Smith, MD, on March 3, 2025", "reviewed", date(2025, 3, 3), "day",
         "Medically reviewed by Dr. Jane Smith, MD, on March 3, 2025"),
        ("Fact-checked 18 June 2026", "reviewed", date(2026, 6, 18), "day", "Fact-checked 18 June 2026"),
        ("Published Sept. 5th, 2024", "published", date(2024, 9, 5), "day", "Published Sept. 5th, 2024"),
        ("Last modified 2025-11-12T14:20:00+00:00", "modified", date(2025, 11, 12), "day", "Last modified 2025-11-12T14:20:00+00:00"),
        ("This page was last updated on May 6, 2024.", "modified", date(2024, 5, 6), "day", "last updated on May 6, 2024"),
        ("Updated in 2024.", "modified", date(2024, 1, 1), "year", "Updated in 2024"),
        ("Last updated 2025 | Jane Doe", "modified", date(2025, 1, 1), "year", "Last updated 2025"),
        # Month first as US pages write it, unless the first number cannot be a month.
        ("Updated 03/04/2025", "modified", date(2025, 3, 4), "day", "Updated 03/04/2025"),
        ("Updated 31/12/2025", "modified", date(2025, 12, 31), "day", "Updated 31/12/2025"),
        ("Updated 2026.05.04", "modified", date(2026, 5, 4), "day", "Updated 2026.05.04"),
        ("Last modified: Monday, May 4, 2026", "modified", date(2026, 5, 4), "day", "Last modified: Monday, May 4, 2026"),
        # Dotted dates are day first wherever they are written; a month and year, a quarter (its last month)
        ("Fact-checked on 10.07.2026", "reviewed", date(2026, 7, 10), "day", "Fact-checked on 10.07.2026"),
        ("Stand: 12.06.2026", "modified", date(2026, 6, 12), "day", "Stand: 12.06.2026"),
        ("Revised 07/2026", "modified", date(2026, 7, 1), "month", "Revised 07/2026"),
        ("Last reviewed: Q2 2026 · 11 min read", "reviewed", date(2026, 6, 1), "month", "Last reviewed: Q2 2026"),
        ("Updated Jun '26", "modified", date(2026, 6, 1), "month", "Updated Jun '26"),
        ("Revision date: 2 Jun 2026", "modified", date(2026, 6, 2), "day", "Revision date: 2 Jun 2026"),
        ("Last reviewed: 2026-W23 · Tags", "reviewed", date(2026, 6, 7), "day", "Last reviewed: 2026-W23"),
        ("Last updated on the 3rd of June, 2026", "modified", date(2026, 6, 3), "day", "Last updated on the 3rd of June, 2026"),
    ],
)
def test_find_date_phrases_reads_each_format(text, role, value, precision, phrase):
    [found] = find_date_phrases(text)
    assert (found.role, found.value, found.precision, found.text) == (role, value, precision, phrase)
    assert text[found.start : found.end] == phrase


@pytest.mark.parametrize(
    "text",
    [
        "Published - Oct 16",  # no year: never guessed
        "Updated Oct 16 with new figures",
        "The CCMA test plan was updated in 2024.",  # about the test plan, not the page
        "Updated 2024 salary data is below.",  # a year that qualifies a noun is not a date
        "Published in 2019, the BLS study found a 12% rise.",
        "reviewed 2026-13-45",
        "Updated 13/13/2025",
        "Last updated: February 30, 2024",
        "The exam takes 3 hours and training lasts 9 months.",
        "180 questions, 3 hours",
        "It was published in journals.",
    ],
)
def test_find_date_phrases_skips_what_is_not_a_page_date(text):
    assert find_date_phrases(text) == []


def test_find_date_phrases_finds_several_phrases_in_one_text():
    found = find_date_phrases("Published May 1, 2024, updated June 3rd, 2024")
    assert [(p.role, p.value) for p in found] == [
        ("published", date(2024, 5, 1)),
        ("modified", date(2024, 6, 3)),
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-01-03T03:00:10+00:00", (date(2026, 1, 3), "day")),
        ("2026-06-18", (date(2026, 6, 18), "day")),
        ("2024-05", (date(2024, 5, 1), "month")),
        ("2024", (date(2024, 1, 1), "year")),
        ("May 6, 2024", (date(2024, 5, 6), "day")),
        ("6th of March 2025", (date(2025, 3, 6), "day")),
        ("Tue, 06 May 2024 10:00:00 GMT", (date(2024, 5, 6), "day")),  # HTTP date in http-equiv
        ("May 6", None),  # no year: never filled in from today
        ("June 31, 2024", None),
        ("2024-13", None),
        ("yesterday", None),
        ("", None),
        ("x" * 200, None),
    ],
)
def test_parse_date_value(value, expected):
    assert parse_date_value(value) == expected


def _block(text: str, locator: str = "p") -> Block:
    return Block(kind="paragraph", text=text, locator=locator)


def test_page_dates_reads_meta_tags_by_role():
    sources = DateSources(
        meta=(
            MetaDate("article:modified_time", "2026-01-03T03:00:10+00:00", 'meta[property="article:modified_time"]'),
            MetaDate("article:published_time", "2025-11-12T14:20:00+00:00", 'meta[property="article:published_time"]'),
            MetaDate("dcterms.modified", "2025-12-01", 'meta[name="dcterms.modified"]'),
            MetaDate("description", "2024-01-01", 'meta[name="description"]'),
            MetaDate("last-modified", "not a date", 'meta[name="last-modified"]'),
        )
    )
    assert [(d.role, d.value, d.source) for d in page_dates(sources, ())] == [
        ("modified", date(2026, 1, 3), "meta"),
        ("published", date(2025, 11, 12), "meta"),
        ("modified", date(2025, 12, 1), "meta"),
    ]


def test_page_dates_reads_json_ld_top_level_and_graph_and_ignores_malformed():
    graph = (
        '{"@context": "https://schema.org", "@graph": ['
        '{"@type": "WebPage", "dateModified": "2026-02-01", "lastReviewed": "2026-01-15"},'
        '{"@type": "Article", "datePublished": "2025-10-10T08:00:00Z",'
        ' "review": {"@type": "Review", "datePublished": "2019-01-01"}}]}'
    )
    sources = DateSources(
        json_ld=(
            ('{"@type": "Article", "dateModified": "2026-06-18"}', "script"),
            ("{not json", "script"),
            (graph, "script"),
            ('[{"@type": "Article", "datePublished": 2024}]', "script"),
        )
    )
    assert [(d.role, d.value, d.text) for d in page_dates(sources, ())] == [
        ("modified", date(2026, 6, 18), "2026-06-18"),
        ("modified", date(2026, 2, 1), "2026-02-01"),
        ("reviewed", date(2026, 1, 15), "2026-01-15"),
        ("published", date(2025, 10, 10), "2025-10-10T08:00:00Z"),
    ]


@pytest.mark.parametrize(
    ("time", "roles"),
    [
        (TimeElement("2024-05-06", "", "By Jane Doe · Updated ", "time"), ["modified"]),
        (TimeElement("2024-05-06", "", "Published May 1 · last reviewed on ", "time"), ["reviewed"]),
        (TimeElement("2024-05-06", "entry-date published", "", "time"), ["published"]),
        (TimeElement("2024-05-06", "updated", "", "time"), ["modified"]),
        (TimeElement("2024-05-06", " dateModified", "", "time"), ["modified"]),
        (TimeElement("2024-05-06", "", "The exam is on ", "time"), []),
        (TimeElement("soon", "updated", "", "time"), []),
        (TimeElement("2026-07-14", "", "By Luis · Published May 1 · ", "time", "Reviewed 14 July"), ["reviewed"]),
    ],
)
def test_time_elements_take_their_role_from_nearby_words(time, roles):
    assert [d.role for d in page_dates(DateSources(times=(time,)), ())] == roles


def test_page_dates_reads_visible_phrases_with_their_block_locator():
    blocks = (_block("Nothing here"), _block("Medically reviewed on March 3, 2025", "#byline"))
    assert page_dates(DateSources(), blocks) == (
        PageDate("reviewed", date(2025, 3, 3), "day", "text", "Medically reviewed on March 3, 2025", "#byline"),
    )


def test_page_dates_removes_exact_duplicates():
    blocks = (_block("Updated May 2026", "#a"), _block("Updated May 2026", "#a"), _block("Updated May 2026", "#b"))
    assert [d.locator for d in page_dates(DateSources(), blocks)] == ["#a", "#b"]


@pytest.mark.parametrize(
    ("phrase", "role", "value"),
    [
        ("reviewed 5/12/26", "reviewed", date(2026, 5, 12)),
        ("Last modified: 2026/05/02", "modified", date(2026, 5, 2)),
        ("Review date: April 2026", "reviewed", date(2026, 4, 1)),
        ("Figures current as of 04/02/2026", "reviewed", date(2026, 4, 2)),
    ],
)
def test_more_written_forms_of_a_review_date(phrase, role, value):
    assert [(p.role, p.value) for p in find_date_phrases(phrase)] == [(role, value)]


def test_a_hidden_microformat_date_is_a_page_date():
    html = (
        "<html><body><article><h4>FAQ<span class='updated rich-snippet-hidden'>2026-02-11T02:58:09+00:00</span></h4>"
        "<p>Text.</p></article></body></html>"
    )
    assert [(d.role, d.value) for d in parse_html(html, "u").dates] == [("modified", date(2026, 2, 11))]


def test_last_edited_is_an_update_and_a_property_table_row_names_its_date():
    assert [(p.role, p.value) for p in find_date_phrases("Last edited July 3, 2026")] == [("modified", date(2026, 7, 3))]
    document = parse_html(
        "<html><body><main><table><tr><th>Last edited time</th><td>@July 21, 2026 4:02 PM</td></tr></table></main></body></html>", "u"
    )
    assert [(d.role, d.value) for d in document.dates] == [("modified", date(2026, 7, 21))]


def test_a_time_element_standing_alone_is_the_pages_dateline():
    document = parse_html(
        '<html><body><main><div class="post-date"><time datetime="2026-04-07T08:12:44-04:00">7 months ago</time></div>'
        "<p>The exam was held <time datetime=\"2026-12-10\">next month</time>.</p></main></body></html>", "u"
    )
    assert [(d.role, d.value) for d in document.dates] == [("published", date(2026, 4, 7))]


@pytest.mark.parametrize(
    ("markup", "role"),
    [
        ('<div class="post-date">Jul 9, 2026</div>', "published"),
        ('<span class="entry-modified">July 9, 2026</span>', "modified"),
        ('<span itemprop="dateModified">Jul 9, 2026</span>', "modified"),
        ('<span itemprop="datePublished">9 July 2026</span>', "published"),
    ],
)
def test_a_dateline_element_named_by_its_class_or_microdata_is_a_page_date(markup, role):
    document = parse_html(f"<html><body><main>{markup}<p>Text.</p></main></body></html>", "u")
    assert [(d.role, d.value) for d in document.dates] == [(role, date(2026, 7, 9))]


def test_last_checked_is_a_review_date():
    assert [(p.role, p.value) for p in find_date_phrases("Last checked: 12 Aug 2026")] == [("reviewed", date(2026, 8, 12))]


def test_a_source_line_dates_its_source_not_the_page():
    document = parse_html(
        "<html><body><main><p>Source: BLS Occupational Outlook Handbook (Last Modified Date: Thursday, August 28, 2025).</p>"
        "</main></body></html>", "u",
    )
    assert document.dates == ()


def test_a_verified_stamp_is_a_review_date():
    document = parse_html("<html><body><main><p>Table last verified 11 May 2026</p></main></body></html>", "p.html")
    assert [(d.role, d.value) for d in document.dates] == [("reviewed", date(2026, 5, 11))]
