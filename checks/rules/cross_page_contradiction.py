"""## What it does
Flags a figure that differs between pages (or sites) audited together when no canonical fact
settles which one is right. Both sides are shown, on each page involved.

## Why is this bad?
A reader comparing two of your pages sees two answers to one question. Without a fact in the
fact file, nothing tells the editors which page to correct.

## Example
Page A: "Phlebotomy programs take 4 to 8 months." Page B: "Phlebotomy programs take 6 to 12 months."

Use instead:
Agree on one figure from a cited source, use it on both pages and add it to facts.yaml.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from checks.describe import page_name, quoted, subject
from checks.model import Claim, Finding, Severity
from checks.rules.common import by_key, clusters, finding
from checks.verdicts import Standing

if TYPE_CHECKING:
    from checks.engine import AuditContext

NAME = "cross-page-contradiction"
CODE = "CA202"
SEVERITY = Severity.WARNING


def check(context: "AuditContext") -> Iterator[Finding]:
    if len(context.pages) < 2:
        return
    unsettled = (
        claim
        for page in context.pages
        for claim, verdict in zip(page.claims, page.verdicts)
        if verdict.standing is Standing.UNKNOWN
    )
    for claims in by_key(unsettled).values():
        groups = clusters(claims, context.facts)
        if len(groups) < 2:
            continue
        for group in groups:
            yield from _findings_for(context, group, groups)


def _findings_for(context: "AuditContext", group: list[Claim], groups: list[list[Claim]]) -> Iterator[Finding]:
    """One finding per page in this group, against the first other-page claim that disagrees."""
    pages_here = {claim.evidence.url for claim in group}
    reported: set[str] = set()
    for claim in group:
        url = claim.evidence.url
        if url in reported:
            continue
        other = _other_side(groups, group, url, pages_here)
        if other is None:
            continue
        reported.add(url)
        message = (
            f"{subject(claim, context.facts)} is {quoted(claim)} here but {quoted(other)} on "
            f"{page_name(other.evidence.url)}; no canonical fact settles it"
        )
        hint = f"Agree on one figure from a cited source and add it to {context.facts.path}"
        yield finding(NAME, SEVERITY, claim, message, hint, others=(other,), params={"other_page": other.evidence.url})


def _other_side(groups: list[list[Claim]], group: list[Claim], url: str, pages_here: set[str]) -> Claim | None:
    for candidate_group in groups:
        if candidate_group is group:
            continue
        if any(claim.evidence.url == url for claim in candidate_group):
            continue  # the page contradicts itself: self-contradiction reports that
        for claim in candidate_group:
            if claim.evidence.url != url:
                return claim
    return None
