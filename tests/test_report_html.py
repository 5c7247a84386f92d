"""The HTML report: content, escaping of hostile pages, links, grouping, determinism."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from checks.model import PageFailure
from pagekit import audit_pages, page
from reportkit import HOSTILE, HOSTILE_URL, Past, Run, Scan, hostile_result
from reports.formats.html import render, write_run_report
from reports.history import ReportHistory, TrendPoint
from reports.index import write_index

STARTED = dt.datetime(2026, 11, 25, 6, 0)


def history(run_id=7, previous=(), previous_run_id=6, trend=()):
    return ReportHistory(run_id, STARTED, ("example",), previous_run_id, tuple(previous), tuple(trend), 2)


@pytest.fixture(scope="module")
def two_pages(facts):
    wrong = ("https://example.org/wrong", page("<p>The CCMA exam has 200 questions.</p><p>Reviewed 2026-01-02.</p>"))
    other = ("https://other.example/ok", page("<p>Phlebotomists in Ohio earn a median wage of $39,000.</p>"))
    third = ("https://other.example/b", page("<p>Phlebotomists in Ohio earn a median wage of $45,000.</p>"))
    return audit_pages(facts, wrong, other, third)


# --- hostile pages ---------------------------------------------------------------------------


def test_hostile_page_text_title_and_urls_render_inert(facts):
    result = hostile_result(facts)
    failed = PageFailure("javascript:alert(2)", f"HTTP 500 {HOSTILE}", 500)
    html = render(result.__class__(**{**_fields(result), "failures": (failed,)}))
    scan = Scan(html)
    assert "<script>alert" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert [tag for tag, _ in scan.tags if tag in ("script", "img", "iframe", "object", "embed")] == ["script"]
    assert not [name for _, attrs in scan.tags for name in attrs if name.startswith("on")]
    hrefs = scan.attrs("href")
    assert all(re.match(r"(https?://|#)", href) for href in hrefs), hrefs
    assert not any("javascript:" in href.lower() for href in hrefs)
    assert "javascript:alert(1)" in "".join(scan.text), "the hostile URL is still shown, as text"


def test_hostile_url_is_an_escaped_attribute_not_markup(facts):
    html = render(hostile_result(facts))
    assert 'href="https://example.org/a?q=%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E"' in html
    assert HOSTILE_URL in "".join(Scan(html).text)


def test_only_the_inline_script_is_allowed_to_run(facts):
    html = render(hostile_result(facts))
    policy = Scan(html).elements("meta")[2]["content"]
    assert "script-src 'sha256-" in policy and "unsafe-inline'; base-uri" not in policy.split("script-src")[1]
    assert "default-src 'none'" in policy


def _fields(result):
    return {name: getattr(result, name) for name in result.__dataclass_fields__}


# --- what a finding shows --------------------------------------------------------------------


def test_fact_finding_shows_the_quote_with_the_number_marked_and_the_fact(facts, two_pages):
    html = render(two_pages)
    assert "The CCMA exam has <mark>200 questions</mark>." in html
    assert '<a href="https://www.nhanow.com/certifications/clinical-medical-assistant" rel="noreferrer">NHA CCMA test plan</a>' in html
    assert "<dt>Canonical value</dt><dd>180</dd>" in html
    assert "<dt>Checked</dt><dd>2026-11-01</dd>" in html


def test_live_link_opens_the_page_at_the_sentence(two_pages):
    hrefs = Scan(render(two_pages)).attrs("href")
    assert "https://example.org/wrong#:~:text=The%20CCMA%20exam%20has%20200%20questions." in hrefs


def test_contradiction_shows_both_sides_with_their_links(two_pages):
    scan = Scan(render(two_pages))
    cards = [a for a in scan.elements("article", "finding") if a["data-rule"] == "cross-page-contradiction"]
    assert len(cards) == 2, "two findings, each rendered once"
    html = render(two_pages)
    side = re.search(r'<div class="sides">(.*?)</div>', html, re.S).group(1)
    assert "median wage of <mark>$39,000</mark>" in side and "median wage of <mark>$45,000</mark>" in side
    assert 'href="https://other.example/ok"' in side and 'href="https://other.example/b"' in side


def test_message_code_spans_are_escaped_then_wrapped(facts):
    html = render(hostile_result(facts))
    assert "<code>200 questions</code> contradicts the fact <code>180</code>" in html


# --- summary, sections, grouping -------------------------------------------------------------


def test_summary_counts_by_severity_and_rule(two_pages):
    text = " ".join(" ".join(Scan(render(two_pages)).text).split())
    errors = sum(f.severity.value == "error" for f in two_pages.findings)
    assert f"Error {errors}" in text
    assert re.search(r"cross-page-contradiction CA202 2", text)


def _view_html(html: str, view: str) -> str:
    return re.search(rf'<div class="view" id="view-{view}".*?(?=<div class="view"|</section>\s*<section id="pages")', html, re.S).group(0)


def test_the_page_grouping_holds_every_finding_card_once(two_pages):
    cards = Scan(_view_html(render(two_pages), "page")).elements("article", "finding")
    assert len(cards) == len(two_pages.findings) == len({card["id"] for card in cards})


@pytest.mark.parametrize("view", ["rule", "entity"])
def test_the_other_groupings_name_every_card_once_for_the_script_to_copy(two_pages, view):
    html = render(two_pages)
    cards = {card["id"] for card in Scan(_view_html(html, "page")).elements("article", "finding")}
    named = " ".join(re.findall(r'data-cards="([^"]*)"', _view_html(html, view))).split()
    assert sorted(named) == sorted(cards)


def test_only_the_page_grouping_shows_without_javascript(two_pages):
    views = {a["id"]: "hidden" in a for a in Scan(render(two_pages)).elements("div", "view")}
    assert views == {"view-page": False, "view-rule": True, "view-entity": True}


def test_filters_offer_each_rule_and_site_and_stay_hidden_without_javascript(two_pages):
    scan = Scan(render(two_pages))
    assert "hidden" in scan.elements("form")[0]
    options = [a["value"] for a in scan.elements("option")]
    assert {"cross-page-contradiction", "contradicts-fact", "stale-review"} <= set(options)
    assert {"example.org", "other.example"} <= set(options)


def test_stale_and_failed_pages_have_their_own_section(facts, two_pages):
    failure = PageFailure("https://example.org/gone", "HTTP 404 Not Found", 404)
    html = render(two_pages.__class__(**{**_fields(two_pages), "failures": (failure,)}))
    pages = html[html.index('<section id="pages"'):html.index("</section>", html.index('<section id="pages"'))]
    assert "327 days, 237 past the threshold" in pages
    assert "HTTP 404 Not Found" in pages and "<td>404</td>" in pages


def test_rule_docs_are_rendered_for_the_rules_used(two_pages):
    html = render(two_pages)
    assert 'id="rule-contradicts-fact"' in html and "<h4>Why is this bad?</h4>" in html
    assert 'id="rule-arithmetic"' not in html
    assert html.count('href="#rule-contradicts-fact"') >= 2


def test_headings_never_skip_a_level(two_pages, facts):
    previous = [Past("gone", url="https://example.org/wrong")]
    trend = [TrendPoint(5, STARTED - dt.timedelta(days=14), 1, 2, 3)]
    for html in (render(two_pages), render(two_pages, history(previous=previous, trend=trend))):
        levels = Scan(html).headings
        assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels


def test_no_external_resources(two_pages):
    html = render(two_pages, history(trend=[TrendPoint(5, STARTED, 1, 2, 3)]))
    scan = Scan(html)
    assert not scan.attrs("src") and not scan.elements("link")
    assert "@import" not in html and "url(" not in html


# --- history: new, resolved, trend -----------------------------------------------------------


def test_new_persisting_and_resolved_against_the_previous_run(two_pages):
    kept = two_pages.findings[0]
    previous = [
        Past(kept.fingerprint, kept.rule, kept.severity.value, kept.url, kept.message),
        Past("fixed", url="https://example.org/wrong", message="`150` was fixed"),
        Past("elsewhere", url="https://example.org/not-crawled", message="page not crawled this run"),
    ]
    html = render(two_pages, history(previous=previous))
    statuses = [a["data-status"] for a in Scan(html).elements("article", "finding")][: len(two_pages.findings)]
    assert statuses.count("persisting") == 1 and statuses.count("new") == len(two_pages.findings) - 1
    changes = html[html.index('<section id="changes"'):]
    assert "<code>150</code> was fixed" in changes.split("Not re-checked")[0]
    assert "page not crawled this run" in changes.split("Not re-checked")[1]


def test_first_run_calls_nothing_new(two_pages):
    html = render(two_pages, history(previous_run_id=None))
    assert {a["data-status"] for a in Scan(html).elements("article", "finding")} == {""}
    assert "nothing to compare with yet" in html and 'id="changes"' not in html


def test_trend_chart_is_inline_svg_with_the_current_run_last(two_pages):
    trend = [TrendPoint(5, dt.datetime(2026, 11, 11), 3, 4, 5), TrendPoint(6, dt.datetime(2026, 11, 18), 0, 0, 0)]
    html = render(two_pages, history(trend=trend))
    svg = html[html.index("<svg"):html.index("</svg>")]
    assert [label for label in re.findall(r">#(\d+)<", svg)] == ["5", "6", "7"]
    assert re.findall(r'class="total"[^>]*>(\d+)<', svg) == ["12", "0", str(len(two_pages.findings))]


def test_no_chart_without_earlier_runs(two_pages):
    assert "<svg" not in render(two_pages) and "<svg" not in render(two_pages, history())


# --- determinism and writing -----------------------------------------------------------------


def test_same_input_gives_the_same_bytes(two_pages):
    trend = [TrendPoint(5, STARTED, 1, 2, 3)]
    assert render(two_pages, history(trend=trend)) == render(two_pages, history(trend=trend))


def test_same_input_gives_the_same_bytes_across_processes():
    """Set and dict ordering must not leak into the file: render under two hash seeds."""
    script = (
        "import hashlib, sys; sys.path.insert(0, 'tests');"
        "import config; from checks.factfile import load_facts; from reportkit import hostile_result;"
        "from reports.formats.html import render;"
        "facts = load_facts(config.DEFAULT_FACTS.read_text(encoding='utf-8'));"
        "print(hashlib.sha256(render(hostile_result(facts)).encode()).hexdigest())"
    )
    root = Path(__file__).parent.parent
    digests = {
        subprocess.run(
            [sys.executable, "-c", script], cwd=root, env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True, text=True, check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1


def test_write_run_report_replaces_the_file_and_leaves_no_temporary(tmp_path, two_pages):
    first = write_run_report(two_pages, history(), tmp_path)
    second = write_run_report(two_pages, history(), tmp_path)
    assert first == second == tmp_path / "run-7.html"
    assert [p.name for p in tmp_path.iterdir()] == ["run-7.html"]
    assert first.read_text(encoding="utf-8") == render(two_pages, history())


def test_on_demand_report_is_named_for_its_date(tmp_path, two_pages):
    assert write_run_report(two_pages, None, tmp_path).name == "audit-2026-11-25.html"


def test_a_run_report_links_to_the_index_beside_it_and_an_audit_does_not(two_pages):
    assert 'href="index.html"' in render(two_pages, history())
    assert 'href="index.html"' not in render(two_pages)


def test_index_lists_runs_newest_first_and_links_completed_ones(tmp_path):
    runs = [Run(1, findings=4), Run(3, status="failed"), Run(2, sites=("a", "b"), findings=9)]
    html = write_index(runs, tmp_path).read_text(encoding="utf-8")
    scan = Scan(html)
    assert scan.attrs("href") == ["run-2.html", "run-1.html"]
    rows = re.findall(r'<th scope="row">(.*?)</th>', html)
    assert [re.sub("<[^>]+>", "", row) for row in rows] == ["Run 3", "Run 2", "Run 1"]
    assert "a, b" in html and "<td>9</td>" in html
    assert html.count("— (not audited)") == 1, "a failed run has no finding count to show"


def test_facts_past_their_review_date_are_listed(facts):
    late = audit_pages(facts, ("https://example.org/p", page("<p>The CCMA exam has 180 questions.</p>")), today=dt.date(2028, 6, 1))
    assert late.overdue_facts
    html = render(late)
    table = html[html.index("Facts to re-check"):html.index("</table>", html.index("Facts to re-check"))]
    first = late.overdue_facts[0]
    assert f"{first.review_by.isoformat()} ({(dt.date(2028, 6, 1) - first.review_by).days} days ago)" in table
    assert table.count("<tr>") == len(late.overdue_facts) + 1


@pytest.mark.parametrize(
    "head, body, linked, note",
    [
        ("", "<p>Reviewed 2026-01-02.</p>", True, None),
        ('<meta property="article:modified_time" content="2026-01-02T10:00:00+00:00">', "<p>No date.</p>", False, "meta tags"),
        ("", '<p>Updated <time datetime="2026-01-02">last winter</time>.</p>', False, "&lt;time&gt; element"),
    ],
)
def test_a_date_only_in_metadata_gets_no_text_fragment_link(facts, head, body, linked, note):
    result = audit_pages(facts, ("https://example.org/p", page(body, head=head)))
    assert [f.rule for f in result.findings] == ["stale-review"]
    html = render(result)
    assert ("#:~:text=" in html) is linked
    assert note is None or f"Read from the page&#39;s {note}, not its visible text." in html


def test_hidden_text_gets_no_text_fragment_link(facts):
    hidden = page('<p>The CCMA exam has 180 questions.</p><p style="display:none">The CCMA exam has 200 questions.</p>')
    html = render(audit_pages(facts, ("https://example.org/p", hidden)))
    assert "200%20questions" not in html and "Hidden on the page" in html
    assert "#:~:text=The%20CCMA%20exam%20has%20180%20questions." in html, "the visible side keeps its link"
