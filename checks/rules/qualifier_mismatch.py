"""## What it does
Flags a number that is right for another qualifier of the same measure: scored items given as
the total question count, yearly job openings given as new jobs, an average given as a median,
or one work setting's share given for a setting the fact file has no figure for.

## Why is this bad?
The number looks right to anyone who checks it against the source, so the error survives
review, yet it tells readers something false ("150 questions" when they will sit 180).

## Example
"Employment is projected to grow 12%, adding approximately 112,300 new jobs."

Use instead:
"Employment is projected to grow 12%, with about 112,300 openings each year."
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from checks.describe import citation, page_name, quoted, subject
from checks.facts import FactBase
from checks.model import Claim, Finding, Severity
from checks.rules.common import consistent_elsewhere, finding, first_per_value
from checks.verdicts import Standing

if TYPE_CHECKING:
    from checks.engine import AuditContext
    from checks.facts import Fact

NAME = "qualifier-mismatch"
CODE = "CA102"
SEVERITY = Severity.WARNING


def check(context: "AuditContext") -> Iterator[Finding]:
    for page in context.pages:
        for claim, verdict, occurrences in first_per_value(page, Standing.OTHER_QUALIFIER):
            matched, expected = verdict.matched, verdict.fact
            message = _message(claim, matched, expected, context.facts)
            reference = consistent_elsewhere(context, page, expected) if expected else None
            if reference is not None:
                message += f"; {page_name(reference.evidence.url)} gives the {_label(expected, context.facts)} figure, as the fact does"
            hint = f"Say it is the {_label(matched, context.facts)} figure" + (
                f", or give the {_label(expected, context.facts)} figure instead" if expected else ""
            )
            yield finding(NAME, SEVERITY, claim, message, hint, fact=expected or matched, occurrences=occurrences)


def _message(claim: Claim, matched: "Fact", expected: "Fact | None", facts: FactBase) -> str:
    text = (
        f"{quoted(claim)} is presented as {subject(claim, facts)}, but it is the "
        f"{_label(matched, facts)} figure {citation(matched)}"
    )
    if expected is not None:
        text += f"; the {_label(expected, facts)} figure is {citation(expected)}"
        if expected.note:
            text += f": {expected.note}"
    return text


def _label(fact: "Fact", facts: FactBase) -> str:
    """The qualifier and setting that tell the fact apart: "median", "physician offices"."""
    measure = facts.measure(fact.measure)
    qualifier = measure.qualifier(fact.qualifier) if measure else None
    parts = [qualifier.label] if qualifier and len(measure.qualifiers) > 1 else []
    return " ".join(parts + [fact.scope] if fact.scope else parts) or fact.qualifier
