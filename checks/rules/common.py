"""Helpers the rules share: picking one claim per distinct value, building findings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Iterator

from checks.describe import format_number
from checks.model import Claim, Finding, Severity
from checks.verdicts import APPROXIMATE_RELATIVE_TOLERANCE, Standing, Verdict

if TYPE_CHECKING:
    from checks.engine import AuditContext, PageContext
    from checks.facts import Fact, FactBase


def value_key(claim: Claim) -> str:
    """The claim's value as text: part of fingerprints, so it never includes wording."""
    value = format_number(claim.low) if claim.low == claim.high else f"{format_number(claim.low)}-{format_number(claim.high)}"
    return f"{value} {claim.unit}"


def claim_basis(claim: Claim) -> tuple[str, ...]:
    return (claim.entity, claim.measure, claim.qualifier, claim.scope or "", value_key(claim))


def first_per_value(page: "PageContext", standing: Standing) -> Iterator[tuple[Claim, Verdict, int]]:
    """The first claim of each distinct (key, value) with this standing, and how often it occurs."""
    seen: dict[tuple[str, ...], int] = {}
    picked: list[tuple[Claim, Verdict]] = []
    for claim, verdict in zip(page.claims, page.verdicts):
        if verdict.standing is not standing:
            continue
        basis = claim_basis(claim)
        if basis not in seen:
            seen[basis] = 0
            picked.append((claim, verdict))
        seen[basis] += 1
    for claim, verdict in picked:
        yield claim, verdict, seen[claim_basis(claim)]


def consistent_elsewhere(context: "AuditContext", page: "PageContext", fact: "Fact") -> Claim | None:
    """A claim on another audited page that states the fact correctly: the reference to point to."""
    return next((claim for other, claim in context.agreeing_with(fact) if other is not page), None)


def finding(
    module_name: str,
    severity: Severity,
    claim: Claim,
    message: str,
    hint: str,
    *,
    others: tuple[Claim, ...] = (),
    fact: "Fact | None" = None,
    occurrences: int = 1,
    params: dict[str, str] | None = None,
) -> Finding:
    """A finding about one claim, fingerprinted by what was claimed."""
    recorded = dict(params or {})
    if occurrences > 1:
        recorded["occurrences"] = str(occurrences)
    if fact is not None:
        recorded.setdefault("tolerance", format_number(max(fact.tolerance, fact.relative_tolerance * max(fact.low, fact.high))))
    return Finding(
        rule=module_name,
        severity=severity,
        message=message,
        url=claim.evidence.url,
        hint=hint,
        claims=(claim, *others),
        fact=fact,
        params=recorded,
        fingerprint_basis=claim_basis(claim),
    )


def compatible(a: Claim, b: Claim, facts: "FactBase") -> bool:
    """Whether two claims about the same thing can both hold.

    Two ranges must match at both ends; a value must fall inside a range; two values must be
    equal, all within the measure's tolerance. Figures of different vintages are not compared;
    a bound ("at least 400") is compared by its value.
    """
    if a.period and b.period and a.period != b.period:
        return True
    tolerance = _tolerance(a, b, facts)
    if a.is_range and b.is_range:
        return abs(a.low - b.low) <= tolerance and abs(a.high - b.high) <= tolerance
    if a.is_range or b.is_range:
        ranged, single = (a, b) if a.is_range else (b, a)
        return ranged.low - tolerance <= single.low <= ranged.high + tolerance
    return abs(a.low - b.low) <= tolerance


def _tolerance(a: Claim, b: Claim, facts: "FactBase") -> float:
    measure = facts.measure(a.measure)
    scale = max(abs(a.high), abs(b.high))
    relative = measure.relative_tolerance if measure else 0.0
    if a.approximate or b.approximate:
        relative = max(relative, APPROXIMATE_RELATIVE_TOLERANCE)
    return max(measure.tolerance if measure else 0.0, relative * scale)


def clusters(claims: list[Claim], facts: "FactBase") -> list[list[Claim]]:
    """Claims grouped, in page order, so that every member of a group agrees with every other:
    "9 months" and "6 months to 3 years" agree, but "6 months to 3 years" does not join them
    once "9 months to 2 years" has."""
    groups: list[list[Claim]] = []
    for claim in claims:
        home = next((group for group in groups if all(compatible(member, claim, facts) for member in group)), None)
        if home is None:
            groups.append([claim])
        else:
            home.append(claim)
    return groups


def by_key(claims: "Iterable[Claim]") -> dict[tuple, list[Claim]]:
    grouped: dict[tuple, list[Claim]] = {}
    for claim in claims:
        grouped.setdefault(claim.key, []).append(claim)
    return grouped
