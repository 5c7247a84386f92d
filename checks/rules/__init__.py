"""The rule catalogue: one module per rule, registered here under a stable name and code.

Names and codes never change once published: baselines and suppressions refer to them.
"""

from __future__ import annotations

import dataclasses
import inspect
from collections import Counter
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Callable, Iterator

from checks.model import Finding, Severity
from checks.rules import (
    arithmetic,
    contradicts_fact,
    cross_page_contradiction,
    outdated_statistic,
    qualifier_mismatch,
    self_contradiction,
    stale_review,
    unknown_claim,
)

if TYPE_CHECKING:
    from checks.engine import AuditContext


class RuleError(Exception):
    """A rule crashed: reported with the rule's name, never as a bare traceback."""

    def __init__(self, rule: str, error: Exception) -> None:
        self.rule = rule
        super().__init__(f"rule {rule} failed: {type(error).__name__}: {error}")


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    doc: str
    check: Callable[["AuditContext"], Iterator[Finding]] | None  # None: the engine reports it itself

    @property
    def summary(self) -> str:
        """The first sentence of '## What it does'."""
        section = self.doc.split("## What it does", 1)[-1].strip()
        return section.split("\n\n", 1)[0].replace("\n", " ").strip()


def _rule(module: ModuleType) -> Rule:
    return Rule(module.CODE, module.NAME, module.SEVERITY, inspect.cleandoc(module.__doc__ or ""), module.check)


RULES: tuple[Rule, ...] = tuple(
    _rule(module)
    for module in (
        contradicts_fact,
        qualifier_mismatch,
        outdated_statistic,
        self_contradiction,
        cross_page_contradiction,
        arithmetic,
        stale_review,
        unknown_claim,
    )
)
UNUSED_SUPPRESSION = Rule(
    code="CA901",
    name="unused-suppression",
    severity=Severity.WARNING,
    doc="""## What it does
Flags a `content-audit: ignore` comment that silenced no finding. Reported only with
`--report-unused-suppressions`.

## Why is this bad?
A comment left behind after the figure was corrected, or one that names a rule that does not
exist, hides the next mistake on that block without anyone noticing.

## Example
`<!-- content-audit: ignore contradicts-fact -- NHA confirmed 200 -->` above a paragraph that now
says "180 questions".

Use instead:
Remove the comment.""",
    check=None,
)
# Every rule a finding can name: the checks above, and what the engine reports itself.
CATALOGUE: tuple[Rule, ...] = (*RULES, UNUSED_SUPPRESSION)
RULES_BY_NAME = {rule.name: rule for rule in CATALOGUE}


def run_rules(context: "AuditContext") -> Iterator[Finding]:
    """Every enabled rule's findings, with severity overrides and the per-page cap applied."""
    settings = context.settings
    for rule in RULES:
        if rule.name in settings.disabled:
            continue
        severity = settings.severity.get(rule.name, rule.severity)
        per_page: Counter[str] = Counter()
        try:
            findings = list(rule.check(context))
        except Exception as error:  # a crashing rule must name itself, not kill the audit silently
            raise RuleError(rule.name, error) from error
        for finding in findings:
            per_page[finding.url] += 1
            if per_page[finding.url] > settings.max_findings_per_rule:
                continue
            yield dataclasses.replace(finding, severity=severity) if severity != finding.severity else finding
