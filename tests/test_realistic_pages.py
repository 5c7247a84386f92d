"""The engine on pages written like the real web, against tests/fixtures/realistic/expectations.json.

Each planted error (must_find), trap (must_not_contain, must_not_find) and severity ceiling of a
correct page is its own test. Expectations the engine does not meet yet are listed in GAPS and
run as strict xfails: when a fix makes one pass, the xfail fails and tells you to drop its entry.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from functools import lru_cache
from pathlib import Path

import pytest

import config
from checks.decode import decode_html
from checks.document import parse_html
from checks.engine import AuditResult, audit
from checks.factfile import load_facts
from checks.model import Finding, Severity

REALISTIC = Path(__file__).parent / "fixtures" / "realistic"
SPEC = json.loads((REALISTIC / "expectations.json").read_text(encoding="utf-8"))

# Test id -> why the engine misses it today. Remove an entry when its xfail starts passing.
GAPS = {
}


@lru_cache(maxsize=1)
def _facts():
    return load_facts(config.DEFAULT_FACTS.read_text(encoding="utf-8"), "facts.yaml")


@lru_cache(maxsize=None)
def _audit(pages: tuple[str, ...], today: str) -> AuditResult:
    documents = [parse_html(decode_html((REALISTIC / name).read_bytes(), None), name) for name in pages]
    return audit(documents, _facts(), dt.date.fromisoformat(today))


def _findings_on(entry: dict) -> list[Finding]:
    group = entry.get("group")
    pages = tuple(e["page"] for e in SPEC["pages"] if group and e.get("group") == group) or (entry["page"],)
    result = _audit(pages, entry.get("today", SPEC["today"]))
    return [finding for finding in result.findings if finding.url == entry["page"]]


def _text(finding: Finding) -> str:
    """What an editor reads: the message, the hint and every quote the finding shows."""
    quotes = [claim.evidence.quote for claim in finding.claims]
    if finding.location is not None:
        quotes.append(finding.location.quote)
    return "\n".join([finding.message, finding.hint or "", *quotes])


def _case(entry: dict, kind: str, detail: str, payload) -> pytest.param:
    case_id = f"{entry['page'].removesuffix('.html')}:{kind}{':' + detail if detail else ''}"
    reason = GAPS.get(case_id)
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(entry, payload, id=case_id, marks=marks)


def _cases(kind: str) -> list:
    cases = []
    for entry in SPEC["pages"]:
        if kind == "find":
            cases += [_case(entry, kind, f"{e['rule']}:{'+'.join(e['contains'])}", e) for e in entry["must_find"]]
        elif kind == "not":
            cases += [_case(entry, kind, text, text) for text in entry["must_not_contain"]]
        elif kind == "not-find":
            cases += [_case(entry, kind, f"{e['rule']}:{'+'.join(e['contains'])}", e) for e in entry.get("must_not_find", [])]
        elif kind == "max-severity" and "max_severity" in entry:
            cases.append(_case(entry, kind, "", Severity(entry["max_severity"])))
    return cases


def _summary(findings: list[Finding]) -> str:
    return "\n".join(f"[{f.rule}] {f.message}" for f in findings) or "(no findings)"


@pytest.mark.parametrize("entry, expected", _cases("find"))
def test_planted_error_is_found(entry, expected):
    findings = _findings_on(entry)
    matching = [
        f for f in findings if f.rule == expected["rule"] and all(text in _text(f) for text in expected["contains"])
    ]
    assert matching, f"no {expected['rule']} finding containing {expected['contains']} among:\n{_summary(findings)}"


@pytest.mark.parametrize("entry, trap", _cases("not"))
def test_no_finding_quotes_a_trap(entry, trap):
    hits = [f for f in _findings_on(entry) if trap in _text(f)]
    assert not hits, f"trap {trap!r} in:\n{_summary(hits)}"


@pytest.mark.parametrize("entry, unwanted", _cases("not-find"))
def test_unwanted_finding_is_absent(entry, unwanted):
    hits = [
        f for f in _findings_on(entry) if f.rule == unwanted["rule"] and all(text in _text(f) for text in unwanted["contains"])
    ]
    assert not hits, _summary(hits)


@pytest.mark.parametrize("entry, ceiling", _cases("max-severity"))
def test_correct_page_stays_under_its_severity_ceiling(entry, ceiling):
    above = [f for f in _findings_on(entry) if f.severity.rank > ceiling.rank]
    assert not above, _summary(above)


def test_every_fixture_page_has_expectations():
    described = {entry["page"] for entry in SPEC["pages"]}
    assert described == {path.name for path in REALISTIC.glob("*.html")}


def test_every_gap_names_an_existing_case():
    ids = {param.id for kind in ("find", "not", "not-find", "max-severity") for param in _cases(kind)}
    assert set(GAPS) <= ids, sorted(set(GAPS) - ids)


@pytest.mark.parametrize("entry", SPEC["pages"], ids=lambda entry: entry["page"].removesuffix(".html"))
def test_every_trap_is_on_its_page(entry):
    """A trap that is not on the page cannot catch anything (furniture counts: it must stay out)."""
    markup = decode_html((REALISTIC / entry["page"]).read_bytes(), None)
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())
    assert [trap for trap in entry["must_not_contain"] if trap not in text] == []
