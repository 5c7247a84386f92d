"""What the HTML report shows, worked out in Python so the templates only lay it out.

Every string taken from a page (quotes, titles, URLs, messages that quote pages) is escaped here
or by the template's autoescaping; the only markup added to page text is wrapped around text that
was escaped first (see `highlight`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Callable, Iterable

from markupsafe import Markup, escape

from checks.describe import format_value
from checks.engine import AuditResult
from checks.facts import Fact
from checks.model import Claim, Evidence, Finding
from checks.rules import RULES, RULES_BY_NAME, Rule
from reports.chart import TrendChart, trend_chart
from reports.formats.json import summary
from reports.history import FindingDiff, KnownFinding, ReportHistory, TrendPoint, compare
from reports.links import safe_href, site_of, text_fragment_link
from reports.ruledocs import inline

SEVERITIES = ("error", "warning", "info")
NO_ENTITY = "(page-level findings)"
_DATE_SOURCES = {"meta": "meta tags", "json-ld": "structured data (JSON-LD)", "time": "<time> element", "front-matter": "front matter"}


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted sentence with its number highlighted, and where to read it live."""

    url: str
    page_href: str | None
    html: Markup
    live_href: str | None
    note: str | None = None  # why there is no live link: the text is not visible on the page


@dataclass(frozen=True, slots=True)
class FactView:
    fact: Fact
    value: str
    source_href: str | None


@dataclass(frozen=True, slots=True)
class FindingView:
    card: str  # the id of its card: rendered once, in the by-page view, and copied into the others
    finding: Finding
    rule: Rule | None
    site: str
    entity: str
    status: str  # "new" | "persisting" | "" when there is no previous run
    message: Markup
    hint: Markup | None
    quote: Quote | None
    sides: tuple[Quote, ...]  # every claim of a contradiction, this page's first
    fact: FactView | None


@dataclass(frozen=True, slots=True)
class Group:
    key: str
    heading: str
    href: str | None
    findings: tuple[FindingView, ...]


@dataclass(frozen=True, slots=True)
class StalePage:
    url: str
    href: str | None
    stated: str
    date: date
    age_days: int
    threshold_days: int


@dataclass(frozen=True, slots=True)
class OverdueFact:
    fact: FactView
    days_overdue: int


@dataclass(frozen=True, slots=True)
class PastView:
    finding: KnownFinding
    page_href: str | None
    message: Markup


@dataclass(frozen=True)
class ReportView:
    title: str
    result: AuditResult
    history: ReportHistory | None
    diff: FindingDiff
    counts: dict
    by_rule_counts: tuple[tuple[str, Rule | None, int], ...]
    views: tuple[tuple[str, str, tuple[Group, ...]], ...]  # (id, label, groups)
    rules: tuple[Rule, ...]
    sites: tuple[str, ...]
    stale_pages: tuple[StalePage, ...]
    overdue_facts: tuple[OverdueFact, ...]
    resolved: tuple[PastView, ...]
    unchecked: tuple[PastView, ...]
    chart: TrendChart | None


def build_view(result: AuditResult, history: ReportHistory | None) -> ReportView:
    diff = compare(result, history)
    findings = [finding_view(f, diff, f"finding-{number}") for number, f in enumerate(result.findings, 1)]
    used = {f.rule for f in result.findings} | {f.rule for f in diff.resolved}
    return ReportView(
        title=report_title(result, history),
        result=result,
        history=history,
        diff=diff,
        counts=summary(result),
        by_rule_counts=tuple(_rule_counts(result.findings)),
        views=(
            ("page", "By page", _by_page(result, findings)),
            ("rule", "By rule", _grouped(findings, _rule_key, _rule_heading)),
            ("entity", "By entity", _grouped(findings, lambda v: v.entity, lambda key: key)),
        ),
        rules=tuple(rule for rule in RULES if rule.name in used),
        sites=tuple(sorted({v.site for v in findings})),
        stale_pages=tuple(_stale_pages(result.findings)),
        overdue_facts=tuple(OverdueFact(fact_view(f), (result.today - f.review_by).days) for f in result.overdue_facts),
        resolved=tuple(_past(f) for f in diff.resolved),
        unchecked=tuple(_past(f) for f in diff.unchecked),
        chart=_chart(result, history),
    )


def report_title(result: AuditResult, history: ReportHistory | None) -> str:
    if history is None:
        return f"Content audit, {result.today.isoformat()}"
    sites = f" ({', '.join(history.sites)})" if history.sites else ""
    return f"Content audit run {history.run_id}{sites}, {result.today.isoformat()}"


def finding_view(finding: Finding, diff: FindingDiff, card: str) -> FindingView:
    evidence = finding.evidence
    return FindingView(
        card=card,
        finding=finding,
        rule=RULES_BY_NAME.get(finding.rule),
        site=site_of(finding.url),
        entity=finding.claims[0].entity if finding.claims else NO_ENTITY,
        status=diff.status(finding),
        message=inline(finding.message),
        hint=inline(finding.hint) if finding.hint else None,
        quote=quote_view(evidence, _unseen(finding)) if evidence is not None else None,
        sides=tuple(quote_view(c.evidence, _unseen_claim(c)) for c in finding.claims) if len(finding.claims) > 1 else (),
        fact=fact_view(finding.fact) if isinstance(finding.fact, Fact) else None,
    )


def quote_view(evidence: Evidence, unseen: str | None = None) -> Quote:
    """unseen says why the quote is not visible text, which a text fragment could not scroll to."""
    return Quote(
        url=evidence.url,
        page_href=safe_href(evidence.url),
        html=highlight(evidence.quote, evidence.span),
        live_href=None if unseen else text_fragment_link(evidence.url, evidence.quote),
        note=unseen,
    )


def _unseen(finding: Finding) -> str | None:
    if finding.location is None:
        return _unseen_claim(finding.claims[0]) if finding.claims else None
    page_date = finding.page_date
    if page_date is not None and page_date.source != "text":
        return f"Read from the page's {_DATE_SOURCES.get(page_date.source, page_date.source)}, not its visible text."
    return None


def _unseen_claim(claim: Claim) -> str | None:
    return None if claim.visible else "Hidden on the page: readers do not see this text, search engines may."


def highlight(text: str, span: tuple[int, int]) -> Markup:
    """text escaped, with text[start:end] inside <mark>; a span outside the text marks nothing."""
    start, end = span
    if not 0 <= start < end <= len(text):
        return escape(text)
    return Markup("{}<mark>{}</mark>{}").format(text[:start], text[start:end], text[end:])


def fact_view(fact: Fact) -> FactView:
    return FactView(fact, format_value(fact.low, fact.high, fact.unit), safe_href(fact.source.url))


def _by_page(result: AuditResult, findings: list[FindingView]) -> tuple[Group, ...]:
    by_url: dict[str, list[FindingView]] = {}
    for view in findings:
        by_url.setdefault(view.finding.url, []).append(view)
    return tuple(
        Group(page.url, page.title or page.url, safe_href(page.url), tuple(by_url[page.url]))
        for page in result.pages
        if page.url in by_url
    )


def _grouped(
    findings: Iterable[FindingView], key: Callable[[FindingView], str], heading: Callable[[str], str]
) -> tuple[Group, ...]:
    groups: dict[str, list[FindingView]] = {}
    for view in findings:
        groups.setdefault(key(view), []).append(view)
    return tuple(Group(name, heading(name), None, tuple(groups[name])) for name in sorted(groups))


def _rule_key(view: FindingView) -> str:
    """Catalogue order (codes sort that way), unknown rules last."""
    return f"{view.rule.code} {view.rule.name}" if view.rule else f"~ {view.finding.rule}"


def _rule_heading(key: str) -> str:
    return key.removeprefix("~ ")


def _rule_counts(findings: Iterable[Finding]) -> list[tuple[str, Rule | None, int]]:
    """Catalogue order, then rules the catalogue does not know, by name."""
    counts = Counter(f.rule for f in findings)
    order = [rule.name for rule in RULES if rule.name in counts] + sorted(set(counts) - set(RULES_BY_NAME))
    return [(name, RULES_BY_NAME.get(name), counts[name]) for name in order]


def _stale_pages(findings: Iterable[Finding]) -> list[StalePage]:
    pages = [
        StalePage(
            f.url, safe_href(f.url), f.page_date.text, f.page_date.value,
            int(f.params.get("age_days", "0")), int(f.params.get("threshold_days", "0")),
        )
        for f in findings
        if f.rule == "stale-review" and f.page_date is not None
    ]
    return sorted(pages, key=lambda p: (-p.age_days, p.url))


def _past(finding: KnownFinding) -> PastView:
    return PastView(finding, safe_href(finding.url), inline(finding.message))


def _chart(result: AuditResult, history: ReportHistory | None) -> TrendChart | None:
    """Earlier runs plus this one; a single bar is no trend, so no chart then."""
    if history is None or not history.trend:
        return None
    current = TrendPoint.of(history.run_id, history.started_at, (f.severity.value for f in result.findings))
    earlier = tuple(p for p in history.trend if p.run_id != history.run_id)
    return trend_chart((*earlier, current))
