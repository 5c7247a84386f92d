"""## What it does
Flags a page whose most recent review or update date is older than the review threshold
(90 days by default), and a page dated in the future. On a page that is itself up to date, a
section whose own stamp ("Updated: 03/02/2026" under "Pay and outlook") is past the threshold
is flagged too.

## Why is this bad?
Exam plans, fees and salary figures change every year. A page that says it was reviewed half a
year ago tells readers (and search engines) its facts may be out of date.

## Example
"The exam facts on this page were reviewed 2026-06-18." (audited on 2026-11-25)

Use instead:
Re-check the page's figures against the fact file and update the review date.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Iterator

from checks.model import Evidence, Finding, PageDate, Severity

if TYPE_CHECKING:
    from checks.engine import AuditContext

NAME = "stale-review"
CODE = "CA104"
SEVERITY = Severity.WARNING
_ROLE_WORDS = {"reviewed": "reviewed", "modified": "updated", "published": "published"}
_AS_OF = re.compile(r"\bas\s+of\b", re.IGNORECASE)


def check(context: "AuditContext") -> Iterator[Finding]:
    threshold = context.settings.stale_after_days
    for page in context.pages:
        latest = latest_date(page.document.dates)
        if latest is None:
            continue
        age = (context.today - latest.value).days
        if age > threshold or age < 0:
            yield _finding(page.url, latest, age, threshold, context.today)
            continue
        for stamp in _section_stamps(page.document.dates):
            stamp_age = (context.today - stamp.value).days
            if stamp_age > threshold:
                yield _finding(page.url, stamp, stamp_age, threshold, context.today)


def _section_stamps(dates: tuple[PageDate, ...]) -> list[PageDate]:
    """The newest visible review or update stamp of each section ("current as of" dates data,
    not a review)."""
    newest: dict[str, PageDate] = {}
    for stamp in dates:
        if (
            stamp.section and stamp.source == "text" and stamp.role in ("reviewed", "modified") and stamp.precision != "year"
            and not _AS_OF.search(stamp.text)
        ):  # a source note's "reviewed 2023" dates the source, not the section
            if stamp.section not in newest or stamp.value > newest[stamp.section].value:
                newest[stamp.section] = stamp
    return list(newest.values())


def latest_date(dates: tuple[PageDate, ...]) -> PageDate | None:
    """The newest reviewed/modified date; the published date only when there is no other."""
    revisions = [d for d in dates if d.role in ("reviewed", "modified")] or list(dates)
    return max(revisions, key=lambda d: (d.value, d.role == "reviewed", d.source == "text"), default=None)


def _finding(url: str, page_date: PageDate, age: int, threshold: int, today: date) -> Finding:
    role = _ROLE_WORDS.get(page_date.role, page_date.role)
    written = page_date.value.isoformat()
    if age < 0:
        message = f"Page says it was {role} on {written}, {-age} days after today ({today.isoformat()})"
        hint = "Fix the date: it lies in the future"
    elif page_date.section:
        message = (
            f"The section {page_date.section!r} was last {role} on {written}, {age} days ago, past the "
            f"{threshold}-day review threshold (the page itself is newer)"
        )
        hint = f"Re-check the section's figures and update its {role} date"
    else:
        message = f"Page was last {role} on {written}, {age} days ago, past the {threshold}-day review threshold"
        hint = f"Re-check the page's figures and update its {role} date"
    location = Evidence(url, page_date.locator, page_date.text, (0, len(page_date.text)), (), page_date.position)
    return Finding(
        rule=NAME,
        severity=SEVERITY,
        message=message,
        url=url,
        hint=hint,
        page_date=page_date,
        params={"threshold_days": str(threshold), "today": today.isoformat(), "age_days": str(age), "source": page_date.source},
        fingerprint_basis=(written, page_date.section) if page_date.section else (written,),
        location=location,
    )
