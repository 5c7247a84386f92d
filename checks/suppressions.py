"""Findings editors chose to accept: ignore comments in the content and per-path ignores.

An editor writes `<!-- content-audit: ignore RULE -- reason -->` (RULE is a rule name or code;
several may be given, comma-separated) inside a block or right before it; document.py reads
it into Document.suppressions scoped to that block, or to the whole page when no block follows.
A comment suppresses a finding of that rule on that block; on a table (right before it, or in
any of its cells) it covers the whole table, since table findings such as a wrong total are
reported on one cell. Findings about the page itself (a stale review date) are suppressed by a
comment anywhere on the page. Per-path ignores come
from the team's configuration and silence rules on every page whose path matches a glob.

Suppressions that silence nothing are kept, so that they can be reported and removed: a
comment left behind after the figure was fixed would hide the next mistake.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase

from checks.model import Document, Evidence, Finding, Suppression
from checks.rules import RULES, RULES_BY_NAME, UNUSED_SUPPRESSION


@dataclass(frozen=True, slots=True)
class PathIgnore:
    """Rules silenced on pages whose path matches pattern (fnmatch: `*` also crosses `/`)."""

    pattern: str
    rules: frozenset[str]
    reason: str = ""

    def covers(self, finding: Finding) -> bool:
        return fnmatchcase(finding.url, self.pattern) and any(names_rule(rule, finding.rule) for rule in self.rules)


@dataclass(frozen=True, slots=True)
class Suppressed:
    """A finding that was not reported, and the comment or path ignore that silenced it."""

    finding: Finding
    by: Suppression | PathIgnore


@dataclass(frozen=True, slots=True)
class UnusedSuppression:
    url: str
    suppression: Suppression


@dataclass(frozen=True, slots=True)
class SuppressionOutcome:
    kept: tuple[Finding, ...]
    suppressed: tuple[Suppressed, ...]
    unused: tuple[UnusedSuppression, ...]


def names_rule(identifier: str, rule: str) -> bool:
    """True when an identifier written by an editor (name or code, any case) names rule."""
    wanted = identifier.strip().lower()
    known = RULES_BY_NAME.get(rule)
    return wanted == rule or (known is not None and wanted == known.code.lower())


def is_known_rule(identifier: str) -> bool:
    wanted = identifier.strip().lower()
    return any(wanted in (rule.name, rule.code.lower()) for rule in RULES)


def apply_suppressions(
    findings: Iterable[Finding], documents: Sequence[Document], path_ignores: Sequence[PathIgnore] = ()
) -> SuppressionOutcome:
    """Split findings into kept and suppressed, and list the comments that silenced nothing."""
    by_url = {document.url: document for document in documents}
    used: set[tuple[str, int]] = set()
    kept: list[Finding] = []
    suppressed: list[Suppressed] = []
    for finding in findings:
        document = by_url.get(finding.url)
        silencer = _comment_for(finding, document, used) if document is not None else None
        if silencer is None:
            silencer = next((ignore for ignore in path_ignores if ignore.covers(finding)), None)
        if silencer is None:
            kept.append(finding)
        else:
            suppressed.append(Suppressed(finding, silencer))
    unused = tuple(
        UnusedSuppression(document.url, suppression)
        for document in documents
        for index, suppression in enumerate(document.suppressions)
        if (document.url, index) not in used
    )
    return SuppressionOutcome(tuple(kept), tuple(suppressed), unused)


def unused_findings(unused: Iterable[UnusedSuppression]) -> list[Finding]:
    """Unused suppressions as findings, so every output format reports them the same way."""
    return [_unused_finding(item) for item in unused]


def _comment_for(finding: Finding, document: Document, used: set[tuple[str, int]]) -> Suppression | None:
    for index, suppression in enumerate(document.suppressions):
        if names_rule(suppression.rule, finding.rule) and _covers(suppression, finding, document):
            used.add((finding.url, index))
            return suppression
    return None


def _covers(suppression: Suppression, finding: Finding, document: Document) -> bool:
    if finding.page_date is not None or not suppression.locator:
        return True
    evidence = finding.evidence
    if evidence is None:
        return False
    if suppression.locator == evidence.locator:
        return True
    table = _table_at(document, suppression.locator)
    return table is not None and table == _table_at(document, evidence.locator)


def _table_at(document: Document, locator: str) -> int | None:
    return next((block.table for block in document.blocks if block.locator == locator and block.table is not None), None)


def _unused_finding(item: UnusedSuppression) -> Finding:
    suppression = item.suppression
    comment = f"content-audit: ignore {suppression.rule}" + (f" -- {suppression.reason}" if suppression.reason else "")
    if is_known_rule(suppression.rule):
        message = f"Suppression of `{suppression.rule}` silenced no finding"
        hint = "Remove the comment: the finding it was written for is gone"
    else:
        message = f"Suppression names `{suppression.rule}`, which is no rule name or code"
        hint = "Use a rule name such as `contradicts-fact` or a code such as `CA101`, or remove the comment"
    return Finding(
        rule=UNUSED_SUPPRESSION.name,
        severity=UNUSED_SUPPRESSION.severity,
        message=message,
        url=item.url,
        hint=hint,
        fingerprint_basis=(suppression.rule, suppression.locator),
        location=Evidence(item.url, suppression.locator, comment, (0, len(comment)), (), suppression.position),
    )
