"""What changed between two runs: findings new, resolved and persisting, by stable fingerprint."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from crawler.store import StoredFinding


@dataclass(frozen=True, slots=True)
class FindingDiff:
    new: tuple[StoredFinding, ...]
    resolved: tuple[StoredFinding, ...]
    persisting: tuple[StoredFinding, ...]


def diff_findings(before: Sequence[StoredFinding], after: Sequence[StoredFinding]) -> FindingDiff:
    """Persisting findings are shown as they read in the later run (wording may have changed)."""
    before_prints = {finding.fingerprint for finding in before}
    after_prints = {finding.fingerprint for finding in after}
    return FindingDiff(
        new=tuple(f for f in after if f.fingerprint not in before_prints),
        resolved=tuple(f for f in before if f.fingerprint not in after_prints),
        persisting=tuple(f for f in after if f.fingerprint in before_prints),
    )
