"""Baselines: findings a team has accepted for now, so that only new ones fail the gate.

A baseline file is JSON keyed by finding fingerprint. A fingerprint covers the rule, the page
and what was claimed (entity, measure, qualifier, scope, value), never the wording or the
position, so a baselined finding stays baselined when text moves or the page grows, and a
changed figure is a new finding. Rule, page and message are stored for the people reading
the file in a code review; only the fingerprints are compared.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path

from checks.engine import AuditResult
from checks.errors import AuditInputError
from checks.model import from_hex_fingerprint

SCHEMA = "content-audit/baseline"
VERSION = 1


@dataclass(frozen=True, slots=True)
class Baseline:
    fingerprints: frozenset[str]

    def without_known(self, result: AuditResult) -> AuditResult:
        """The result with baselined findings taken out of every page."""
        pages = tuple(
            dataclasses.replace(page, findings=tuple(f for f in page.findings if f.fingerprint not in self.fingerprints))
            for page in result.pages
        )
        return dataclasses.replace(result, pages=pages)

    def count_known(self, result: AuditResult) -> int:
        return sum(1 for finding in result.findings if finding.fingerprint in self.fingerprints)


def write_baseline(result: AuditResult, path: Path) -> int:
    """Record every finding of result, sorted so the file diffs well; returns how many
    distinct fingerprints were written (a figure repeated on a page is one entry)."""
    entries = {
        finding.fingerprint: {"rule": finding.rule, "url": finding.url, "message": finding.message}
        for finding in sorted(result.findings, key=lambda f: f.fingerprint)
    }
    text = json.dumps({"schema": SCHEMA, "version": VERSION, "findings": entries}, indent=2, ensure_ascii=False)
    try:
        path.write_text(text + "\n", encoding="utf-8")
    except OSError as error:
        raise AuditInputError(f"{path}: cannot write baseline: {error.strerror or error}") from error
    return len(entries)


def read_baseline(path: Path) -> Baseline:
    """Load a baseline file; AuditInputError says what is wrong with it."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise AuditInputError(f"{path}: cannot read baseline: {error.strerror or error}") from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise AuditInputError(f"{path}: baseline is not valid JSON: {error}") from error
    if not isinstance(document, dict) or document.get("schema") != SCHEMA:
        raise AuditInputError(f"{path}: not a content-audit baseline (expected \"schema\": \"{SCHEMA}\")")
    if document.get("version") != VERSION:
        raise AuditInputError(f"{path}: baseline version {document.get('version')!r} is not supported (expected {VERSION})")
    findings = document.get("findings")
    if not isinstance(findings, dict):
        raise AuditInputError(f"{path}: baseline \"findings\" must be an object keyed by fingerprint")
    return Baseline(frozenset(from_hex_fingerprint(fingerprint) for fingerprint in findings))
