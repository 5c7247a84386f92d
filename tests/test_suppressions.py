"""Editors' ignore comments and per-path ignores: honoured by the engine, unused ones listed."""

from __future__ import annotations

import pytest
from pagekit import audit_html, audit_pages, page

from checks.engine import AuditSettings
from checks.rules import UNUSED_SUPPRESSION
from checks.suppressions import PathIgnore, unused_findings

WRONG = "<p>The CCMA exam has 200 questions.</p>"
ALSO_WRONG = "<p>Some say the CCMA exam has 210 questions.</p>"


def wrong_figures(result) -> list[str]:
    return [f.claims[0].evidence.matched for f in result.findings if f.rule == "contradicts-fact"]


@pytest.mark.parametrize("rule", ["contradicts-fact", "CA101", "ca101", "Contradicts-Fact"])
def test_comment_before_a_block_silences_that_rule_on_that_block_only(facts, rule):
    html = page(f"<!-- content-audit: ignore {rule} -- NHA confirmed 200 for this form -->{WRONG}{ALSO_WRONG}")
    result = audit_html(facts, html)
    assert wrong_figures(result) == ["210 questions"]
    [suppressed] = result.suppressed
    assert suppressed.finding.claims[0].evidence.matched == "200 questions"
    assert suppressed.by.reason == "NHA confirmed 200 for this form"
    assert result.unused_suppressions == ()


def test_comment_inside_a_block_and_several_rules_in_one_comment(facts):
    html = page("<p>The CCMA exam has 200 questions.<!-- content-audit: ignore unknown-claim, contradicts-fact --></p>" + ALSO_WRONG)
    result = audit_html(facts, html)
    assert wrong_figures(result) == ["210 questions"]
    assert [u.suppression.rule for u in result.unused_suppressions] == ["unknown-claim"]


def test_comment_with_no_block_after_it_covers_the_whole_page(facts):
    result = audit_html(facts, page(WRONG + ALSO_WRONG + "<!-- content-audit: ignore contradicts-fact -- legacy page -->"))
    assert wrong_figures(result) == []
    assert len(result.suppressed) == 2


def test_other_rules_and_other_pages_are_not_silenced(facts):
    silenced = page("<!-- content-audit: ignore unknown-claim -->" + WRONG)
    result = audit_pages(facts, ("a.html", silenced), ("b.html", page(WRONG)))
    assert wrong_figures(result) == ["200 questions", "200 questions"]
    assert [u.url for u in result.unused_suppressions] == ["a.html"]


def test_page_level_finding_is_silenced_by_a_comment_anywhere_on_the_page(facts):
    head = '<meta property="article:modified_time" content="2026-01-03T03:00:10+00:00">'
    html = page("<h1>Guide</h1><!-- content-audit: ignore stale-review -- archived page --><p>No figures here.</p>", head=head)
    assert [f.rule for f in audit_html(facts, html).findings] == []
    without = html.replace("<!-- content-audit: ignore stale-review -- archived page -->", "")
    assert [f.rule for f in audit_html(facts, without).findings] == ["stale-review"]


def test_unused_suppressions_become_findings_with_a_fix(facts):
    html = page("<!-- content-audit: ignore contradicts-fact -->" + "<p>The CCMA exam has 180 questions.</p>"
                + "<!-- content-audit: ignore contradicts-fakt -->" + WRONG)
    result = audit_html(facts, html)
    findings = unused_findings(result.unused_suppressions)
    assert [f.rule for f in findings] == [UNUSED_SUPPRESSION.name] * 2
    assert findings[0].message == "Suppression of `contradicts-fact` silenced no finding"
    assert findings[1].message == "Suppression names `contradicts-fakt`, which is no rule name or code"
    assert findings[0].severity.value == "warning" and findings[0].hint.startswith("Remove the comment")
    assert findings[0].fingerprint != findings[1].fingerprint
    assert wrong_figures(result) == ["200 questions"]


@pytest.mark.parametrize(
    ("pattern", "rules", "silenced"),
    [
        ("drafts/*", {"contradicts-fact"}, ["drafts/deep/a.html"]),
        ("drafts/*", {"CA101"}, ["drafts/deep/a.html"]),
        ("*.html", {"contradicts-fact"}, ["drafts/deep/a.html", "live/b.html"]),
        ("drafts/*", {"unknown-claim"}, []),
        ("live/*.md", {"contradicts-fact"}, []),
    ],
)
def test_path_ignores_silence_rules_on_matching_paths(facts, pattern, rules, silenced):
    settings = AuditSettings(path_ignores=(PathIgnore(pattern, frozenset(rules), "drafts are unpublished"),))
    result = audit_pages(facts, ("drafts/deep/a.html", page(WRONG)), ("live/b.html", page(WRONG)), settings=settings)
    assert sorted(s.finding.url for s in result.suppressed) == silenced
    assert len(wrong_figures(result)) == 2 - len(silenced)


TOPIC_TABLE = """<h2>CCMA exam content</h2>{comment}
<table><thead><tr><th>Domain</th><th>Scored items</th></tr></thead><tbody>
<tr><td>Foundational knowledge</td><td>30</td></tr><tr><td>Anatomy</td><td>60</td></tr>
<tr><td>Clinical patient care</td><td>80</td></tr><tr><td>Total</td><td>150</td></tr></tbody></table>
<table><tr><th>Exam</th><th>Questions</th></tr><tr><td>CCMA</td><td>200</td></tr></table>"""


def test_comment_before_a_table_covers_the_whole_table_and_no_other(facts):
    plain = audit_html(facts, page(TOPIC_TABLE.format(comment="")))
    assert {f.rule for f in plain.findings} >= {"arithmetic", "contradicts-fact"}
    comment = "<!-- content-audit: ignore arithmetic, contradicts-fact -- vendor table -->"
    result = audit_html(facts, page(TOPIC_TABLE.format(comment=comment)))
    assert [s.finding.rule for s in result.suppressed] == ["arithmetic"]
    assert "contradicts-fact" in {f.rule for f in result.findings}  # the second table is not covered
