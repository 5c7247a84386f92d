"""The audit: documents in, findings out. Pure: today's date and the facts are passed in."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Mapping, Sequence

from checks.extract import Extraction, extract
from checks.facts import Fact, FactBase
from checks.model import Claim, Document, Finding, PageDate, PageFailure, Severity
from checks.suppressions import (
    PathIgnore,
    Suppressed,
    UnusedSuppression,
    apply_suppressions,
)
from checks.verdicts import Verdict, agrees, judge

DEFAULT_STALE_AFTER_DAYS = 90
DEFAULT_MAX_FINDINGS_PER_RULE = 25


@dataclass(frozen=True, slots=True)
class AuditSettings:
    """What the rules run with. severity overrides map rule name -> severity."""

    stale_after_days: int = DEFAULT_STALE_AFTER_DAYS
    max_findings_per_rule: int = DEFAULT_MAX_FINDINGS_PER_RULE
    severity: Mapping[str, Severity] = field(default_factory=dict)
    disabled: frozenset[str] = frozenset()
    path_ignores: tuple[PathIgnore, ...] = ()


class PageContext:
    """One page as the rules see it: document, extracted claims, and their verdicts."""

    def __init__(self, document: Document, facts: FactBase, extraction: Extraction | None = None) -> None:
        self.document = document
        self.facts = facts
        self.extraction: Extraction = extraction if extraction is not None else extract(document, facts)

    @property
    def url(self) -> str:
        return self.document.url

    @property
    def claims(self) -> tuple[Claim, ...]:
        return self.extraction.claims

    @cached_property
    def verdicts(self) -> tuple[Verdict, ...]:
        return tuple(judge(claim, self.facts) for claim in self.claims)


@dataclass(frozen=True)
class AuditContext:
    pages: tuple[PageContext, ...]
    facts: FactBase
    today: date
    settings: AuditSettings

    def agreeing_with(self, fact: Fact) -> list[tuple[PageContext, Claim]]:
        """The first two claims, on different pages, that state the fact correctly: enough to
        name a page other than any one asking. Computed once per fact."""
        cache = self._agreeing
        if id(fact) not in cache:
            found: list[tuple[PageContext, Claim]] = []
            key = (fact.entity, fact.measure, fact.qualifier, fact.scope or None)
            for page, claim in self.claims_by_key.get(key, ()):
                if agrees(claim, fact) and all(page is not seen for seen, _ in found):
                    found.append((page, claim))
                    if len(found) == 2:
                        break
            cache[id(fact)] = found
        return cache[id(fact)]

    @cached_property
    def _agreeing(self) -> dict[int, list[tuple[PageContext, Claim]]]:
        return {}

    @cached_property
    def claims_by_key(self) -> dict[tuple, list[tuple[PageContext, Claim]]]:
        """Every claim of every page under (entity, measure, qualifier, scope), in page order:
        cross-page look-ups stay linear in the number of pages."""
        index: dict[tuple, list[tuple[PageContext, Claim]]] = {}
        for page in self.pages:
            for claim in page.claims:
                index.setdefault(claim.key, []).append((page, claim))
        return index


@dataclass(frozen=True, slots=True)
class PageAudit:
    url: str
    title: str
    dates: tuple[PageDate, ...]
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]


@dataclass(frozen=True, slots=True)
class AuditResult:
    today: date
    facts_version: str
    facts_path: str
    pages: tuple[PageAudit, ...]
    failures: tuple[PageFailure, ...] = ()
    overdue_facts: tuple[Fact, ...] = ()
    settings: AuditSettings = AuditSettings()
    suppressed: tuple[Suppressed, ...] = ()
    unused_suppressions: tuple[UnusedSuppression, ...] = ()

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(finding for page in self.pages for finding in page.findings)


def audit(
    documents: Sequence[Document],
    facts: FactBase,
    today: date,
    settings: AuditSettings = AuditSettings(),
    failures: Sequence[PageFailure] = (),
    extractions: Mapping[str, Extraction] | None = None,
) -> AuditResult:
    """Extract and check every document; cross-page rules see all of them together.

    extractions maps a page URL to its claims extracted earlier with the same fact base (a
    re-crawl of an unchanged page); those pages are not extracted again.
    """
    from checks.rules import run_rules

    known = extractions or {}
    context = AuditContext(tuple(PageContext(d, facts, known.get(d.url)) for d in documents), facts, today, settings)
    by_page: dict[str, list[Finding]] = {page.url: [] for page in context.pages}
    suppression = apply_suppressions(run_rules(context), documents, settings.path_ignores)
    for finding in suppression.kept:
        by_page.setdefault(finding.url, []).append(finding)
    pages = tuple(
        PageAudit(p.url, p.document.title, p.document.dates, p.claims, tuple(_sorted(by_page.pop(p.url, []))))
        for p in context.pages
    )
    extra = tuple(PageAudit(url, "", (), (), tuple(_sorted(found))) for url, found in by_page.items() if found)
    return AuditResult(
        today, facts.version, facts.path, pages + extra, tuple(failures), tuple(facts.overdue(today)), settings,
        suppression.suppressed, suppression.unused,
    )


def _sorted(findings: list[Finding]) -> list[Finding]:
    """By severity; rules already yield in page order and the sort is stable."""
    return sorted(findings, key=lambda f: -f.severity.rank)
