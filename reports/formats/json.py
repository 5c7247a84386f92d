"""Machine-readable audit output: a documented, versioned JSON document.

Schema `content-audit/audit` version 1 (documented in README.md, "JSON output"). Fields are only
ever added within a version; a removal or change of meaning bumps `version`.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

from checks.engine import AuditResult, PageAudit
from checks.facts import Fact
from checks.model import Claim, Evidence, Finding, PageDate, PageFailure
from checks.rules import RULES_BY_NAME

SCHEMA = "content-audit/audit"
VERSION = 2


def render(result: AuditResult) -> str:
    return dumps(result_to_dict(result)) + "\n"


def dumps(document: object) -> str:
    """`json.dumps(document, indent=2, ensure_ascii=False)`, byte for byte, written by orjson: with
    an indent the standard library falls back to its pure-Python encoder, many times slower on a
    large run. The two differ only on floats, which `number` makes them write alike."""
    try:
        return orjson.dumps(document, default=_float_as_json_writes_it, option=orjson.OPT_INDENT_2).decode()
    except orjson.JSONEncodeError:
        # What orjson refuses (ints past 64 bits, lone surrogates from a broken page) json writes as before.
        return json.dumps(document, indent=2, ensure_ascii=False)


class _JsonFloat(float):
    """A float orjson would write unlike json: not finite (json writes NaN or Infinity, orjson
    null) or one json writes with an exponent (json 1e-05, orjson 0.00001). orjson passes float
    subclasses to its `default`, which writes json's text for them."""


def number(value: float) -> float:
    """value as the document holds it: floats within [1e-4, 1e16) and zero both encoders write
    alike (Python's float repr switches to an exponent outside that range)."""
    if type(value) is float and not (value == 0.0 or 1e-4 <= abs(value) < 1e16):
        return _JsonFloat(value)
    return value


def _float_as_json_writes_it(value: object) -> orjson.Fragment:
    if isinstance(value, _JsonFloat):
        return orjson.Fragment(json.dumps(float(value)))
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def result_to_dict(result: AuditResult) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "version": VERSION,
        "today": result.today.isoformat(),
        "facts": {
            "version": result.facts_version,
            "path": result.facts_path,
            "overdue": [fact_to_dict(f) | {"line": f.line} for f in result.overdue_facts],
        },
        "settings": {"stale_after_days": result.settings.stale_after_days},
        "summary": summary(result),
        "pages": [page_to_dict(page) for page in result.pages],
        "failures": [failure_to_dict(f) for f in result.failures],
    }


def page_to_dict(page: PageAudit) -> dict[str, Any]:
    return {
        "url": page.url,
        "title": page.title,
        "dates": [date_to_dict(d) for d in page.dates],
        "findings": [finding_to_dict(f) for f in page.findings],
        "claims": [claim_to_dict(c) for c in page.claims],
    }


def summary(result: AuditResult) -> dict[str, Any]:
    by_severity = {"error": 0, "warning": 0, "info": 0}
    by_rule: dict[str, int] = {}
    for finding in result.findings:
        by_severity[finding.severity.value] += 1
        by_rule[finding.rule] = by_rule.get(finding.rule, 0) + 1
    return {
        "pages": len(result.pages),
        "failed_pages": len(result.failures),
        "claims": sum(len(p.claims) for p in result.pages),
        "findings": sum(by_severity.values()),
        "by_severity": by_severity,
        "by_rule": by_rule,
    }


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    rule = RULES_BY_NAME.get(finding.rule)
    evidence = finding.evidence
    return {
        "rule": finding.rule,
        "code": rule.code if rule else None,
        "severity": finding.severity.value,
        "message": finding.message,
        "hint": finding.hint,
        "url": finding.url,
        "fingerprint": finding.fingerprint,
        "evidence": evidence_to_dict(evidence) if evidence else None,
        "claims": [claim_to_dict(c) for c in finding.claims],
        "fact": fact_to_dict(finding.fact) if isinstance(finding.fact, Fact) else None,
        "page_date": date_to_dict(finding.page_date) if finding.page_date else None,
        "params": dict(finding.params),
    }


def claim_to_dict(claim: Claim) -> dict[str, Any]:
    return {
        "entity": claim.entity,
        "measure": claim.measure,
        "qualifier": claim.qualifier,
        "low": number(claim.low),
        "high": number(claim.high),
        "unit": claim.unit,
        "stated_unit": claim.stated_unit,
        "bound": claim.bound,
        "approximate": claim.approximate,
        "scope": claim.scope,
        "period": claim.period,
        "visible": claim.visible,
        "evidence": evidence_to_dict(claim.evidence),
    }


def evidence_to_dict(evidence: Evidence) -> dict[str, Any]:
    return {
        "url": evidence.url,
        "locator": evidence.locator,
        "quote": evidence.quote,
        "span": list(evidence.span),
        "text": evidence.matched,
        "heading_path": list(evidence.heading_path),
        "line": evidence.position.line if evidence.position else None,
        "column": evidence.position.column if evidence.position else None,
    }


def fact_to_dict(fact: Fact) -> dict[str, Any]:
    return {
        "entity": fact.entity,
        "measure": fact.measure,
        "qualifier": fact.qualifier,
        "low": number(fact.low),
        "high": number(fact.high),
        "unit": fact.unit,
        "scope": fact.scope,
        "period": fact.period,
        "source": {"title": fact.source.title, "url": fact.source.url},
        "as_of": fact.as_of.isoformat(),
        "review_by": fact.review_by.isoformat(),
        "note": fact.note,
    }


def date_to_dict(page_date: PageDate) -> dict[str, Any]:
    return {
        "role": page_date.role,
        "date": page_date.value.isoformat(),
        "precision": page_date.precision,
        "source": page_date.source,
        "text": page_date.text,
        "locator": page_date.locator,
    }


def failure_to_dict(failure: PageFailure) -> dict[str, Any]:
    return {"url": failure.url, "reason": failure.reason, "status": failure.status}
