"""## What it does
Lists claims about a measure the fact file tracks for other entities of the same kind but not
for this one, such as the share of phlebotomists employed in hospitals when only the medical
assistants' share is a fact. Variants of a tracked figure (a state's salary, an average beside the tracked
median, a maximum beside the typical range), measures the file declares without any facts
(exam fees, renewal intervals) and entities it knows by name only, with no facts (the RMA) are
not listed: those are compared within and between pages instead.

## Why is this bad?
Nothing checks these numbers. They are not wrong as far as anyone knows, but the team should
either add the fact (with its source) or confirm the figure by hand.

## Example
"In 2024, hospitals employed 36% of phlebotomists."

Use instead:
Add a fact for the share of phlebotomists employed in hospitals to facts.yaml.
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


def _tracked(context: "AuditContext", measure: str, entity: str) -> bool:
    """The measure has facts for entities of this one's kind (occupations, credentials); a
    measure with no facts at all, or an entity known by name only, is only compared."""
    facts = context.facts
    if not facts.has_facts(entity):
        return False
    kind = facts.entity(entity).kind if facts.entity(entity) else None
    return any(fact.measure == measure and facts.entity(fact.entity).kind == kind for fact in facts.facts)


def check(context: "AuditContext") -> Iterator[Finding]:
    for page in context.pages:
        for claim, _verdict, occurrences in first_per_value(page, Standing.UNKNOWN):
            if context.facts.facts_for(claim.entity, claim.measure) or not _tracked(context, claim.measure, claim.entity):
                continue
            message = f"No canonical fact covers {subject(claim, context.facts)}; the page says {quoted(claim)}"
            hint = f"Add a fact for {subject(claim, context.facts)} to {context.facts.path}, or confirm the figure with its source"
            yield finding(NAME, SEVERITY, claim, message, hint, occurrences=occurrences)
