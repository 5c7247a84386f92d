"""## What it does
Flags a number that disagrees with the canonical fact for the same credential or occupation,
measure and qualifier.

## Why is this bad?
Readers plan their exam day, training and career on these figures. A wrong question count or
salary misleads them and costs the site its credibility.

## Example
"The CCMA exam has 200 questions."

Use instead:
"The CCMA exam has 180 questions (150 scored and 30 unscored pretest questions)."
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from checks.describe import citation, format_value, page_name, quoted, subject
from checks.model import Finding, Severity
from checks.rules.common import consistent_elsewhere, finding, first_per_value
from checks.verdicts import Standing

if TYPE_CHECKING:
    from checks.engine import AuditContext

NAME = "contradicts-fact"
CODE = "CA101"
SEVERITY = Severity.ERROR


def check(context: "AuditContext") -> Iterator[Finding]:
    for page in context.pages:
        for claim, verdict, occurrences in first_per_value(page, Standing.CONTRADICTS):
            fact = verdict.fact
            message = f"{subject(claim, context.facts)} {quoted(claim)} contradicts the fact {citation(fact)}"
            reference = consistent_elsewhere(context, page, fact)
            if reference is not None:
                message += f"; {page_name(reference.evidence.url)} agrees with the fact"
            hint = f"Change {quoted(claim)} to `{format_value(fact.low, fact.high, fact.unit)}`"
            if fact.note:
                hint += f" ({fact.note})"
            yield finding(NAME, SEVERITY, claim, message, hint, fact=fact, occurrences=occurrences)
