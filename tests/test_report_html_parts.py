"""The report's building blocks: safe links, text fragments, highlighting, rule docs, the chart."""

from __future__ import annotations

import datetime as dt
import os
import stat

import pytest

from reports.atomic import atomic_write
from reports.chart import HEIGHT, MARGIN_BOTTOM, MARGIN_TOP, trend_chart
from reports.history import TrendPoint
from reports.links import safe_href, site_of, text_fragment_link
from reports.reportview import highlight
from reports.ruledocs import inline, rule_doc_html


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://example.org/a", "https://example.org/a"),
        ("HTTP://Example.org/", "HTTP://Example.org/"),
        ("https://example.org/a?q=1&r=%20x#top", "https://example.org/a?q=1&r=%20x#top"),
        ('https://example.org/a?q="><img src=x>', "https://example.org/a?q=%22%3E%3Cimg%20src=x%3E"),
        ("https://example.org/café guide", "https://example.org/caf%C3%A9%20guide"),
        ("javascript:alert(1)", None),
        ("JavaScript:alert(1)", None),
        (" javascript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("vbscript:msgbox", None),
        ("tests/fixtures/page.html", None),
        ("/abs/page.html", None),
        ("//example.org/protocol-relative", None),
        ("https:///no-host", None),
        ("http://[::1", None),
        ("", None),
    ],
)
def test_only_absolute_http_urls_become_links(url, expected):
    assert safe_href(url) == expected


@pytest.mark.parametrize(
    "quote, fragment",
    [
        ("The exam has 180 questions.", "The%20exam%20has%20180%20questions."),
        ("Pay: $18-$23, or more & more", "Pay%3A%20%2418%2D%2423%2C%20or%20more%20%26%20more"),
        ("Training\n  takes   9 months", "Training%20takes%209%20months"),
        ("Café – 9–24 months", "Caf%C3%A9%20%E2%80%93%209%E2%80%9324%20months"),
    ],
)
def test_text_fragment_encodes_the_directive_syntax(quote, fragment):
    assert text_fragment_link("https://example.org/p", quote) == f"https://example.org/p#:~:text={fragment}"


def test_long_quote_matches_its_first_and_last_words():
    quote = "one two three four five six seven eight nine ten eleven twelve thirteen"
    link = text_fragment_link("https://example.org/p#section", quote)
    assert link == "https://example.org/p#:~:text=one%20two%20three%20four%20five,nine%20ten%20eleven%20twelve%20thirteen"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "page.html", ""])
def test_no_fragment_link_for_pages_that_are_not_http(url):
    assert text_fragment_link(url, "180 questions") is None


def test_no_fragment_link_for_an_empty_quote():
    assert text_fragment_link("https://example.org/p", "  ") is None


@pytest.mark.parametrize(
    "url, site",
    [("https://Example.org:8443/a", "example.org"), ("page.html", "local files"), ("javascript:x", "local files")],
)
def test_site_of(url, site):
    assert site_of(url) == site


@pytest.mark.parametrize(
    "text, span, html",
    [
        ("has 180 questions", (4, 7), "has <mark>180</mark> questions"),
        ("<b>180</b> & more", (3, 6), "&lt;b&gt;<mark>180</mark>&lt;/b&gt; &amp; more"),
        ('"><img src=x>1', (13, 14), "&#34;&gt;&lt;img src=x&gt;<mark>1</mark>"),
        ("180", (0, 9), "180"),
        ("180", (2, 2), "180"),
    ],
)
def test_highlight_escapes_before_marking(text, span, html):
    assert str(highlight(text, span)) == html


@pytest.mark.parametrize(
    "text, html",
    [
        ("Change `200` to `180`", "Change <code>200</code> to <code>180</code>"),
        ("`<b>` & `x`", "<code>&lt;b&gt;</code> &amp; <code>x</code>"),
        ("one ` unpaired <i>", "one ` unpaired &lt;i&gt;"),
    ],
)
def test_inline_code_spans(text, html):
    assert str(inline(text)) == html


def test_rule_doc_sections_become_headings_and_paragraphs():
    doc = '## What it does\nFlags `200`\nquestions.\n\n## Example\n"<b>Bad</b>"\n\nUse instead:\n"Good"'
    assert str(rule_doc_html(doc, heading_level=4)).split("\n") == [
        "<h4>What it does</h4>",
        "<p>Flags <code>200</code> questions.</p>",
        "<h4>Example</h4>",
        "<p>&#34;&lt;b&gt;Bad&lt;/b&gt;&#34;</p>",
        "<p><strong>Use instead:</strong> &#34;Good&#34;</p>",
    ]


def _point(run_id, errors, warnings, infos):
    return TrendPoint(run_id, dt.datetime(2026, 11, run_id), errors, warnings, infos)


def test_chart_bars_are_scaled_to_the_busiest_run_and_stacked_errors_first():
    chart = trend_chart([_point(1, 2, 2, 0), _point(2, 0, 0, 0), _point(3, 1, 1, 2)])
    plot = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    first, empty, last = chart.bars
    assert [s.severity for s in first.segments] == ["error", "warning"]
    assert first.top == pytest.approx(chart.baseline - plot, abs=0.1)
    assert last.segments[0].y + last.segments[0].height == pytest.approx(chart.baseline, abs=0.1)
    assert sum(s.height for s in last.segments) == pytest.approx(plot, abs=0.2)
    assert empty.segments == () and empty.top == chart.baseline
    assert first.x < empty.x < last.x


def test_chart_of_runs_without_findings_has_empty_bars():
    chart = trend_chart([_point(1, 0, 0, 0), _point(2, 0, 0, 0)])
    assert all(bar.segments == () for bar in chart.bars)


def test_atomic_write_makes_folders_and_a_readable_file(tmp_path):
    target = tmp_path / "deep" / "report.html"
    atomic_write(target, "é\n")
    assert target.read_bytes() == "é\n".encode()
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~_umask()
    assert os.listdir(target.parent) == ["report.html"]


def test_atomic_write_leaves_the_old_file_when_writing_fails(tmp_path):
    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        atomic_write(target, "\udcff")
    assert target.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["report.html"]


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
