"""## What it does
Flags a statistic labelled with an older year or projection period than the fact file's
current figure, when its value differs from the current one.

## Why is this bad?
Salary medians and growth projections are revised every year; an old figure presented as
current understates or overstates what readers can expect today.

## Example
"Median salary (2022): $38,270"

Use instead:
"Median salary (2024): $44,200"
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from checks.describe import citation, format_value, quoted, subject
from checks.model import Finding, Severity
from checks.rules.common import finding, first_per_value
from checks.verdicts import Standing

if TYPE_CHECKING:
    from checks.engine import AuditContext

NAME = "outdated-statistic"
CODE = "CA103"
SEVERITY = Severity.WARNING


def check(context: "AuditContext") -> Iterator[Finding]:
    for page in context.pages:
        for claim, verdict, occurrences in first_per_value(page, Standing.OUTDATED):
            fact = verdict.fact
            message = (
                f"{subject(claim, context.facts)} {quoted(claim)} is a {claim.period} figure; "
                f"the current figure is {citation(fact)}"
            )
            hint = f"Update to `{format_value(fact.low, fact.high, fact.unit)}` and label it {fact.period}"
            params = {"stated_period": claim.period or "", "current_period": fact.period or ""}
            yield finding(NAME, SEVERITY, claim, message, hint, fact=fact, occurrences=occurrences, params=params)
