"""How one claim stands against the fact base; the fact rules report from these verdicts.

Computing the verdict once keeps contradicts-fact, qualifier-mismatch, outdated-statistic and
unknown-claim mutually exclusive: a claim gets at most one of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from checks.facts import Fact, FactBase
from checks.model import Claim

APPROXIMATE_RELATIVE_TOLERANCE = 0.02
BOUND_SLACK = 0.15


class Standing(Enum):
    AGREES = "agrees"
    CONTRADICTS = "contradicts"
    OTHER_QUALIFIER = "other-qualifier"
    OUTDATED = "outdated"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Verdict:
    standing: Standing
    fact: Fact | None = None  # the fact the claim should have matched
    matched: Fact | None = None  # for OTHER_QUALIFIER: the fact the number belongs to


def judge(claim: Claim, facts: FactBase) -> Verdict:
    candidates = [f for f in facts.facts_for(claim.entity, claim.measure) if _same_scope(f, claim)]
    own = [f for f in candidates if f.qualifier == claim.qualifier]
    measure = facts.measure(claim.measure)
    loose = measure is not None and claim.qualifier == measure.default_qualifier
    if any(agrees(claim, fact, loose_bound=loose) for fact in own):
        return Verdict(Standing.AGREES, own[0])
    if own and _older(claim.period, own[0].period):
        return Verdict(Standing.OUTDATED, own[0])
    if not own and _ends_a_range(claim, candidates):
        return Verdict(Standing.AGREES)
    elsewhere = next((f for f in candidates if f.qualifier != claim.qualifier and agrees(claim, f)), None)
    if elsewhere is not None:
        return Verdict(Standing.OTHER_QUALIFIER, own[0] if own else None, elsewhere)
    if own:
        return Verdict(Standing.CONTRADICTS, _closest(claim, own))
    setting = _right_for_another_setting(claim, facts) if claim.scope else None
    if setting is not None:
        return Verdict(Standing.OTHER_QUALIFIER, None, setting)
    return Verdict(Standing.UNKNOWN)


def _ends_a_range(claim: Claim, candidates: list[Fact]) -> bool:
    """ "up to 2 years" of a 9-to-24-month range, "as little as 9 months" of it: a bound at the
    range's own end, where the fact file has no figure of the bound's own qualifier."""
    if not claim.bound or claim.is_range:
        return False
    for fact in candidates:
        if fact.is_range and fact.qualifier != claim.qualifier:
            end = fact.high if claim.bound == "max" else fact.low
            if abs(claim.low - end) <= tolerance_for(fact, claim):
                return True
    return False


def _right_for_another_setting(claim: Claim, facts: FactBase) -> Fact | None:
    """"57% of medical assistants work in hospitals" when 57% is the physicians' offices share:
    a figure for a setting the fact file does not cover that is exactly another setting's."""
    return next(
        (
            f for f in facts.facts_for(claim.entity, claim.measure)
            if f.scope and not _same_scope(f, claim) and f.qualifier == claim.qualifier and agrees(claim, f)
        ),
        None,
    )


def agrees(claim: Claim, fact: Fact, loose_bound: bool = False) -> bool:
    """The claim's value lies within the fact's value or range, give or take the tolerance.

    A range claimed for a single-valued statistic ("$16-$23 per hour" against a median of
    $20.99) states the spread around it: it agrees when it contains the statistic. With
    loose_bound, a bound agrees when the statistic keeps it ("more than 800,000 medical
    assistants"); without, the bound is the figure's own wording ("the highest 10% earned more
    than $57,830") and must be the statistic.
    """
    tolerance = tolerance_for(fact, claim)
    if loose_bound and claim.bound and not claim.is_range and not fact.is_range:
        return _bound_holds(claim.bound, claim.low, fact.low, tolerance)
    if claim.is_range and not fact.is_range:
        return claim.low - tolerance <= fact.low <= claim.high + tolerance
    return fact.low - tolerance <= claim.low and claim.high <= fact.high + tolerance


def _bound_holds(bound: str, stated: float, value: float, tolerance: float) -> bool:
    """ "More than 800,000 people" holds for 811,000 and "up to 3 hours" for 180 minutes: the
    statistic lies on the stated side of the bound and near it (more than half a million
    medical assistants is true, but no figure an editor would keep)."""
    if bound == "min":
        return stated - tolerance <= value <= stated * (1 + BOUND_SLACK) + tolerance
    return stated * (1 - BOUND_SLACK) - tolerance <= value <= stated + tolerance


def tolerance_for(fact: Fact, claim: Claim) -> float:
    """The fact's tolerance; a yearly wage written as a yearly figure gets no share of the
    tolerance meant for hourly rates converted at 2,080 hours ("$57,750" is not BLS's $57,830)."""
    scale = max(abs(fact.low), abs(fact.high))
    converted_share = fact.relative_tolerance if not (fact.unit == "usd_year" and claim.stated_unit is None) else 0.0
    relative = max(converted_share, APPROXIMATE_RELATIVE_TOLERANCE if claim.approximate else 0.0)
    return max(fact.tolerance, relative * scale)


def _same_scope(fact: Fact, claim: Claim) -> bool:
    return (fact.scope or "").lower() == (claim.scope or "").lower()


def _closest(claim: Claim, facts: list[Fact]) -> Fact:
    return min(facts, key=lambda f: abs(f.low - claim.low) + abs(f.high - claim.high))


def last_year(period: str | None) -> int | None:
    years = [int(y) for y in re.findall(r"\d{4}", period or "")]
    return max(years) if years else None


def _older(claim_period: str | None, fact_period: str | None) -> bool:
    claim_year, fact_year = last_year(claim_period), last_year(fact_period)
    return claim_year is not None and fact_year is not None and claim_year < fact_year
