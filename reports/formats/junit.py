"""JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure, Buildkite).

One test case per audited page, passing when the page has no finding; every finding is a
`<failure>` of its page's case (type = rule name). A page that could not be checked is a case
with an `<error>`; fact-file entries past their review date fail one case for the fact file.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from checks.engine import AuditResult
from checks.model import Finding

SUITE = "content-audit"
# Characters XML 1.0 cannot carry at all, not even escaped (control characters from bad pages).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render(result: AuditResult) -> str:
    suite = ET.Element("testsuite", name=SUITE)
    for page in result.pages:
        case = _case(suite, page.url)
        for finding in page.findings:
            _child(case, "failure", _text(finding), message=finding.message, type=finding.rule)
    for failure in result.failures:
        _child(_case(suite, failure.url), "error", failure.reason, message=failure.reason, type="page-failure")
    if result.overdue_facts:
        case = _case(suite, result.facts_path)
        for fact in result.overdue_facts:
            message = f"fact {fact.entity} {fact.measure} ({fact.qualifier}) was due for review on {fact.review_by.isoformat()}"
            _child(case, "failure", f"{result.facts_path}:{fact.line or '?'}: {message}", message=message, type="overdue-fact")
    cases = suite.findall("testcase")
    counts = {
        "tests": str(len(cases)),
        "failures": str(sum(len(case.findall("failure")) for case in cases)),
        "errors": str(sum(len(case.findall("error")) for case in cases)),
        "skipped": "0",
    }
    suite.attrib.update(counts, timestamp=result.today.isoformat())
    root = ET.Element("testsuites", name=SUITE, **{key: counts[key] for key in ("tests", "failures", "errors")})
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _case(suite: ET.Element, name: str) -> ET.Element:
    return ET.SubElement(suite, "testcase", name=_clean(name), classname=SUITE, file=_clean(name))


def _child(case: ET.Element, tag: str, text: str, **attributes: str) -> None:
    element = ET.SubElement(case, tag, {key: _clean(value) for key, value in attributes.items()})
    element.text = _clean(text)


def _text(finding: Finding) -> str:
    lines = [f"{finding.severity.value} {finding.rule}: {finding.message}"]
    evidence = finding.evidence
    if evidence is not None:
        where = f"{finding.url}:{evidence.position.line}:{evidence.position.column}" if evidence.position else finding.url
        lines.append(f"at {where} ({evidence.locator})")
        lines.append(f"“{evidence.quote}”")
    if finding.hint:
        lines.append(f"fix: {finding.hint}")
    lines.append(f"fingerprint: {finding.fingerprint}")
    return "\n".join(lines)


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
