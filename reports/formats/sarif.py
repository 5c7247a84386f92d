"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One run; the tool's rules carry the catalogue's metadata (summary, documentation, default
level); each finding is a result with its file, line and column when known and a stable
partial fingerprint, so code scanning matches alerts across commits. Local files are referred
to by their relative path (run the audit from the repository root); crawled pages by URL.
"""

from __future__ import annotations

import json
from importlib.metadata import PackageNotFoundError, metadata
from typing import Any
from urllib.parse import quote

from checks.engine import AuditResult
from checks.model import Finding, Severity
from checks.rules import CATALOGUE

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "contentAudit/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(result: AuditResult) -> str:
    return json.dumps(sarif_log(result), indent=2, ensure_ascii=False) + "\n"


def sarif_log(result: AuditResult) -> dict[str, Any]:
    index = {rule.name: position for position, rule in enumerate(CATALOGUE)}
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {**_tool(), "rules": [_descriptor(rule) for rule in CATALOGUE]}},
                "columnKind": "unicodeCodePoints",
                "results": [_result(finding, index) for finding in result.findings],
            }
        ],
    }


def _descriptor(rule: Any) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.doc},
        "help": {"text": rule.doc, "markdown": rule.doc},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": ["content-accuracy"]},
    }


def _result(finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    rule_index = index[finding.rule]
    result: dict[str, Any] = {
        "ruleId": CATALOGUE[rule_index].code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [_location(finding)],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
    }
    properties = {"rule": finding.rule, "hint": finding.hint, **finding.params}
    result["properties"] = {key: value for key, value in properties.items() if value is not None}
    return result


def _location(finding: Finding) -> dict[str, Any]:
    uri = finding.url if "://" in finding.url else quote(finding.url, safe="/")
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri}}
    evidence = finding.evidence
    if evidence is not None and evidence.position is not None:
        physical["region"] = {
            "startLine": evidence.position.line,
            "startColumn": evidence.position.column,
            "snippet": {"text": evidence.matched},
        }
    location: dict[str, Any] = {"physicalLocation": physical}
    if evidence is not None and evidence.locator:
        location["logicalLocations"] = [{"fullyQualifiedName": evidence.locator, "kind": "element"}]
    return location


def _tool() -> dict[str, str]:
    """Name, version and home page as the installed distribution declares them."""
    try:
        declared = metadata("content-audit")
    except PackageNotFoundError:
        return {"name": "content-audit"}
    tool = {"name": "content-audit", "version": declared["Version"]}
    home = declared.get("Home-page") or next(
        (entry.split(",", 1)[1].strip() for entry in declared.get_all("Project-URL") or () if "," in entry), None
    )
    if home:
        tool["informationUri"] = home
    return tool
