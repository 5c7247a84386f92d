"""## What it does
Lists claims about a tracked measure that no canonical fact covers, such as a state salary
or a work-setting share the fact file does not hold yet.

## Why is this bad?
Nothing checks these numbers. They are not wrong as far as anyone knows, but the team should
either add the fact (with its source) or confirm the figure by hand.

## Example
"In outpatient centers, medical assistants earned $47,560."

Use instead:
Add a fact for medical assistant median wage in outpatient centers to facts.yaml.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from checks.describe import quoted, subject
from checks.model import Finding, Severity
from checks.rules.common import finding, first_per_value
from checks.verdicts import Standing

if TYPE_CHECKING:
    from checks.engine import AuditContext

NAME = "unknown-claim"
CODE = "CA301"
SEVERITY = Severity.INFO


def check(context: "AuditContext") -> Iterator[Finding]:
    for page in context.pages:
        for claim, _verdict, occurrences in first_per_value(page, Standing.UNKNOWN):
            message = f"No canonical fact covers {subject(claim, context.facts)}; the page says {quoted(claim)}"
            hint = f"Add a fact for {subject(claim, context.facts)} to {context.facts.path}, or confirm the figure with its source"
            yield finding(NAME, SEVERITY, claim, message, hint, occurrences=occurrences)
