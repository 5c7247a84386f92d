"""Plain-language pieces of finding messages: values, claims, facts and their sources."""

from __future__ import annotations

from checks.facts import Fact, FactBase
from checks.model import Claim

_UNIT_WORDS = {"minutes": "minutes", "months": "months", "percent": "%", "points": "points"}


def format_number(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}"


def format_value(low: float, high: float, unit: str) -> str:
    """'180', '9–24 months', '$44,200 a year', '12%'."""
    if unit in ("usd", "usd_year"):
        text = f"${format_number(low)}" if low == high else f"${format_number(low)}–${format_number(high)}"
        return text + (" a year" if unit == "usd_year" else "")
    text = format_number(low) if low == high else f"{format_number(low)}–{format_number(high)}"
    suffix = _UNIT_WORDS.get(unit, "")
    return f"{text}%" if suffix == "%" else f"{text} {suffix}".rstrip()


def subject(claim: Claim | Fact, facts: FactBase) -> str:
    """'CCMA exam questions (total)', 'medical assistant median wage in California'."""
    entity = facts.entity(claim.entity)
    measure = facts.measure(claim.measure)
    name = entity.aliases[0] if entity and entity.aliases else claim.entity
    measure_name = measure.name if measure else claim.measure
    text = f"{name} {measure_name}"
    qualifier = measure.qualifier(claim.qualifier) if measure else None
    if qualifier is not None and measure is not None and len(measure.qualifiers) > 1:
        text += f" ({qualifier.label})"
    if claim.scope:
        text += f" in {claim.scope}"
    return text


def quoted(claim: Claim) -> str:
    return f"`{claim.evidence.matched}`"


def citation(fact: Fact) -> str:
    """'180 (NHA CCMA Test Plan, as of 2026-11-01)'."""
    value = format_value(fact.low, fact.high, fact.unit)
    period = f", {fact.period} figures" if fact.period else ""
    return f"`{value}` ({fact.source.title}{period}, checked {fact.as_of.isoformat()})"


def page_name(url: str) -> str:
    """The last path segment, enough to tell pages apart in a message."""
    trimmed = url.rstrip("/")
    return trimmed.rsplit("/", 1)[-1] or url
