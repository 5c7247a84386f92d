"""Human-readable audit output for a terminal or a CI log: findings grouped by page."""

from __future__ import annotations

from checks.describe import format_value
from checks.engine import AuditResult, PageAudit
from checks.facts import Fact
from checks.model import Claim, Finding
from reports.formats.json import summary


def render(result: AuditResult, *, show_claims: bool = False) -> str:
    lines: list[str] = []
    for page in result.pages:
        if page.findings or show_claims:
            lines += _page(page, show_claims)
    for failure in result.failures:
        lines.append(f"{failure.url}\n  could not be checked: {failure.reason}\n")
    for fact in result.overdue_facts:
        lines.append(
            f"{result.facts_path}:{fact.line or '?'}: fact {fact.entity} {fact.measure} ({fact.qualifier}) was due for "
            f"review on {fact.review_by.isoformat()}"
        )
    lines.append(_summary_line(result))
    return "\n".join(lines) + "\n"


def _page(page: PageAudit, show_claims: bool) -> list[str]:
    lines = [f"{page.url}" + (f"  ({page.title})" if page.title else "")]
    for finding in page.findings:
        lines += _finding(finding)
    if show_claims:
        lines.append(f"  claims ({len(page.claims)}):")
        lines += [f"    {_claim(claim)}" for claim in page.claims]
    lines.append("")
    return lines


def _finding(finding: Finding) -> list[str]:
    lines = [f"  {finding.severity.value:<7} {finding.rule}: {finding.message}"]
    if finding.evidence is not None:
        where = finding.evidence.position
        at = f"line {where.line}, " if where else ""
        lines.append(f"          “{finding.evidence.quote}” ({at}{finding.evidence.locator})")
    for other in finding.claims[1:]:
        lines.append(f"          vs “{other.evidence.quote}” ({other.evidence.url})")
    if isinstance(finding.fact, Fact):
        source = finding.fact.source
        lines.append(f"          fact: {format_value(finding.fact.low, finding.fact.high, finding.fact.unit)} — {source.title}"
                     + (f" <{source.url}>" if source.url else "") + f", checked {finding.fact.as_of.isoformat()}")
    if finding.hint:
        lines.append(f"          fix: {finding.hint}")
    return lines


def _claim(claim: Claim) -> str:
    extras = [text for text in (claim.scope and f"in {claim.scope}", claim.period and f"period {claim.period}",
                                claim.bound and f"bound {claim.bound}", not claim.visible and "hidden") if text]
    value = format_value(claim.low, claim.high, claim.unit)
    suffix = f" [{', '.join(extras)}]" if extras else ""
    return f"{claim.entity} · {claim.measure} · {claim.qualifier} = {value}{suffix}  “{claim.evidence.matched}”"


def _summary_line(result: AuditResult) -> str:
    counts = summary(result)
    severity = counts["by_severity"]
    failed = f", {counts['failed_pages']} failed" if counts["failed_pages"] else ""
    return (
        f"{counts['pages']} pages{failed}, {counts['claims']} claims, {counts['findings']} findings "
        f"({severity['error']} errors, {severity['warning']} warnings, {severity['info']} info)"
    )
