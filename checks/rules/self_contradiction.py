"""## What it does
Flags two figures on one page for the same thing (same entity, measure, qualifier and scope)
that cannot both hold, such as two different training-length ranges.

## Why is this bad?
Readers notice when a page says "9 months to 2 years" in one place and "4 months to 2 years"
in another, and then trust neither. Usually one copy was edited and the other forgotten.

## Example
"Training takes 9 months to 2 years." ... "Training typically spans 4 months to 2 years."

Use instead:
The same figure in both places: "Training takes 9 months to 2 years."
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from checks.describe import quoted, subject
from checks.model import Claim, Finding, Severity
from checks.rules.common import by_key, clusters, finding
from checks.verdicts import Standing

if TYPE_CHECKING:
    from checks.engine import AuditContext

NAME = "self-contradiction"
CODE = "CA201"
SEVERITY = Severity.WARNING


def check(context: "AuditContext") -> Iterator[Finding]:
    for page in context.pages:
        agreeing = {id(c) for c, v in zip(page.claims, page.verdicts) if v.standing is Standing.AGREES}
        fact_of = {id(c): v.fact for c, v in zip(page.claims, page.verdicts)}
        current = [c for c, v in zip(page.claims, page.verdicts) if v.standing is not Standing.OUTDATED]
        for claims in by_key(current).values():
            groups = clusters(claims, context.facts)
            if len(groups) < 2:
                continue
            reference = _reference(groups, agreeing)
            for group in groups:
                # Figures the fact backs are never blamed, though their group may hold one it does not
                blamed = [claim for claim in group if id(claim) not in agreeing]
                if group is reference or not blamed or _excused(blamed[0], _counterpart(blamed[0], reference)):
                    continue
                backed = any(id(claim) in agreeing for claim in reference)
                yield _finding(context, blamed, reference, fact_of.get(id(blamed[0])), backed)


def _excused(claim: Claim, other: Claim) -> bool:
    """Hourly/annual pairs are the arithmetic rule's; two cells of one table differ by their row
    or column ("Certificate" vs "Associate degree"); a figure dated to another year is that
    year's ("In 2019, Ohio's median was $33,640" beside this year's table)."""
    return (
        _hourly_annual_pair(claim, other)
        or (_table_of(claim) is not None and _table_of(claim) == _table_of(other))
        or (bool(claim.period or other.period) and claim.period != other.period)
    )


def _table_of(claim: Claim) -> str | None:
    locator = claim.evidence.locator
    at = locator.find(" > tr")
    tbody = locator.find(" > tbody")
    cut = min(i for i in (at, tbody) if i >= 0) if max(at, tbody) >= 0 else -1
    return locator[:cut] if cut >= 0 and "table" in locator[:cut] else None


def _reference(groups: list[list[Claim]], agreeing: set[int]) -> list[Claim]:
    """The group an editor should keep: the one the fact backs, else the most repeated."""
    backed = [group for group in groups if any(id(claim) in agreeing for claim in group)]
    return backed[0] if backed else max(groups, key=len)


def _counterpart(claim: Claim, reference: list[Claim]) -> Claim:
    """The reference figure to quote: a range against a range, a value against a value."""
    return next((other for other in reference if other.is_range == claim.is_range), reference[0])


def _hourly_annual_pair(a: Claim, b: Claim) -> bool:
    """Hourly and annual figures side by side are the arithmetic rule's to check."""
    same_sentence = a.evidence.locator == b.evidence.locator and a.evidence.quote == b.evidence.quote
    return same_sentence and (a.stated_unit != b.stated_unit)


def _finding(context: "AuditContext", group: list[Claim], reference: list[Claim], fact, backed: bool) -> Finding:
    claim, other = group[0], _counterpart(group[0], reference)
    times = f" ({len(reference)} times)" if len(reference) > 1 else ""
    message = (
        f"{subject(claim, context.facts)} {quoted(claim)} contradicts {quoted(other)}"
        f" stated elsewhere on this page{times}"
    )
    hint = f"Use one figure throughout the page: {quoted(other)}" + (" matches the fact file" if backed else "")
    return finding(NAME, SEVERITY, claim, message, hint, others=(other,), fact=fact, occurrences=len(group))
