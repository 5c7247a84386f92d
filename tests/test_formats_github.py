"""GitHub Actions annotations: one workflow command per finding, escaped as the runner expects."""

from __future__ import annotations

import pytest

from checks.engine import AuditResult, PageAudit
from checks.model import Evidence, Finding, Severity, SourcePosition
from gatekit import SEED_PAGES, TODAY, local_result
from reports.formats import github


def finding(url="docs/a,b:c.md", message="Value `200` is 100% wrong", severity=Severity.ERROR, position=SourcePosition(3, 7), hint=None):
    evidence = Evidence(url, "body > p", "quote", (0, 5), (), position)
    return Finding("contradicts-fact", severity, message, url, hint=hint, location=evidence)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [("100%", "100%25"), ("a\nb", "a%0Ab"), ("a\r\nb", "a%0D%0Ab"), ("%0A literal", "%250A literal"), ("a:b,c", "a:b,c")],
)
def test_message_escaping(text, escaped):
    assert github.escape_data(text) == escaped


@pytest.mark.parametrize(
    ("text", "escaped"),
    [("a:b,c", "a%3Ab%2Cc"), ("50%,\n", "50%25%2C%0A"), ("plain/path.md", "plain/path.md")],
)
def test_property_escaping(text, escaped):
    assert github.escape_property(text) == escaped


def test_annotation_line_for_an_error_with_position_and_hint():
    line = github.annotation(finding(hint="Change `200`\nto `180`"))
    assert line == (
        "::error file=docs/a%2Cb%3Ac.md,line=3,col=7,title=contradicts-fact (CA101)"
        "::Value `200` is 100%25 wrong%0AFix: Change `200`%0Ato `180`"
    )


@pytest.mark.parametrize(("severity", "command"), [(Severity.ERROR, "::error "), (Severity.WARNING, "::warning "), (Severity.INFO, "::notice ")])
def test_severity_picks_the_command(severity, command):
    assert github.annotation(finding(severity=severity)).startswith(command)


def test_crawled_page_has_no_file_and_unknown_position_no_line():
    line = github.annotation(finding(url="https://example.org/guide", position=None))
    assert line.startswith("::error title=contradicts-fact (CA101)::https://example.org/guide: Value")
    assert "line=" not in line and "file=" not in line


def test_render_has_one_line_per_finding_and_a_summary(facts):
    result = local_result(facts, *SEED_PAGES)
    lines = github.render(result).splitlines()
    assert len(lines) == len(result.findings) + 1
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines[:-1])
    assert all("\n" not in line for line in lines)
    assert lines[-1].startswith(f"content-audit: {len(result.pages)} pages, {len(result.findings)} findings")


def test_every_line_is_a_single_command_even_with_hostile_text():
    result = AuditResult(TODAY, "v", "facts.yaml", (PageAudit("x.md", "", (), (), (finding(message="a::b\n::error::c"),)),))
    lines = github.render(result).splitlines()
    assert len(lines) == 2  # a newline in a message must not start a second command
    assert lines[0] == "::error file=docs/a%2Cb%3Ac.md,line=3,col=7,title=contradicts-fact (CA101)::a::b%0A::error::c"
