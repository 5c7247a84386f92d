"""## What it does
Checks the sums and derived figures a page states: a table's rows against its "Total" row
(counts and percentages, and each share against count / total), the parts a sentence lists
against the total it gives ("... for a total of 100%"), an hourly wage against the annual wage
beside it (BLS annualises at 2,080 hours), pay the page converts between periods itself
("$43,660 a year works out to about $3,938 a month", in worked examples too), shares and rates
it works out ("84 of the 150 scored items, or about 56%"), a stated difference against the two figures it is
the difference of (a state's figure against the national fact when the page compares them),
and a change restated after its two figures ("811,000 to 912,200 (+101,200)").

## Why is this bad?
Arithmetic that does not add up is the easiest error for a reader to spot and the surest sign
that one of the figures was changed without the others.

## Example
"Medical assistants earn a median $44,200 a year ($19.00 per hour)."

Use instead:
"Medical assistants earn a median $44,200 a year ($21.25 per hour)."
"""

from __future__ import annotations

import re
from itertools import combinations
from typing import TYPE_CHECKING, Iterator

from checks.conversions import rounding, stated_conversions
from checks.describe import format_number, format_value, quoted, subject
from checks.extract import StatedDifference
from checks.facts import Fact
from checks.measures import HOURS_PER_YEAR
from checks.model import Block, Claim, Evidence, Finding, Severity
from checks.quantities import find_quantities
from checks.ratios import stated_ratios
from checks.rules.common import finding
from checks.sentences import sentence_spans
from checks.spots import RETAIL_PRICE, TOTAL_LABEL

if TYPE_CHECKING:
    from checks.engine import AuditContext, PageContext

NAME = "arithmetic"
CODE = "CA105"
SEVERITY = Severity.ERROR
ANNUAL_ROUNDING = 50.0
_TOTAL_CUE = re.compile(r"\b(?:for\s+a\s+total\s+of|a\s+total\s+of|totall?ing|adding\s+up\s+to|adds?\s+up\s+to|sums?\s+to)\b", re.I)
APPROXIMATE_DIFFERENCE_SHARE = 0.1
HOURLY_DIFFERENCE_CEILING = 20.0  # "$1.25 more an hour"; a gap of $540 is a year's
_CHANGE_OPENS = re.compile(r"\s*\(\s*[+\-−]\s*")
_JOINED_BY_TO = re.compile(r"(?:\s+in\s+\d{4})?\s+to\s+", re.IGNORECASE)
_CHANGE_HEADER = re.compile(r"\s*(?:(?:year-over-year|yoy|annual)\s+)?(?:change|\+/-|±)(?:\s+(?:from|vs\.?|over)\s+(?:the\s+)?(?:previous|prior|last)\s+(?:year|row))?\s*", re.I)
_CHANGE_ROUNDING = 10.0  # BLS medians are rounded to the $10
CHANGE_READINGS_NEEDED = 2
_AVERAGE_HEADER = re.compile(r"\b(?:median|average|avg|mean|typical|hourly|rate|per\s+(?:hour|week|month|year))\b", re.I)
_THAN_THE_NATION = re.compile(r"\b(?:than|below|above|under|over)\s+(?:the\s+)?(?:u\.?s\.?\s+|national\s+|nation(?:al)?\b|nationwide\b|country\b)", re.IGNORECASE)
_PERCENT_HEADER = re.compile(r"%|\bper\s*cent\b|\bshare\b", re.IGNORECASE)  # "Share (%)" over bare "38": rounded shares
_IN_MINUTES = re.compile(r"\bmin(?:ute)?s?\b", re.IGNORECASE)
_PER_WORDS = {"hour": "an hour", "week": "a week", "month": "a month", "year": "a year"}
_TABLE_CELL_STEP = re.compile(r" > t[dh](?::nth-of-type\(\d+\))?$")


def check(context: "AuditContext") -> Iterator[Finding]:
    for page in context.pages:
        yield from _table_totals(page)
        yield from _prose_totals(page)
        yield from _restated_changes(page)
        yield from _hourly_annual(context, page)
        yield from _conversions(page)
        yield from _ratios(page)
        yield from _differences(context, page)


# --- tables ----------------------------------------------------------------------------------


def _table_totals(page: "PageContext") -> Iterator[Finding]:
    tables: dict[int, list[Block]] = {}
    for block in page.document.blocks:
        if block.kind == "table_cell" and block.table is not None:
            tables.setdefault(block.table, []).append(block)
    for cells in tables.values():
        yield from _check_table(page.url, cells)
        yield from _check_changes(page.url, cells)


def _check_changes(url: str, cells: list[Block]) -> Iterator[Finding]:
    """A "Change" column beside a column of figures, row over row ("2019 | $35,510 | —" then
    "2020 | $36,320 | +$1,810"): each change is its figure minus the one above. Checked only when
    at least two rows bear that reading out, so a change against something else is left alone."""
    grid = {(cell.row or 0, cell.column or 0): cell for cell in cells}
    columns = sorted({column for (_, column), cell in grid.items() if column and _CHANGE_HEADER.fullmatch(cell.column_header or "")})
    for column in columns:
        rows = sorted(row for row, col in grid if col == column)
        pairs = []  # (change cell, the difference of the figures it compares, the change it states)
        for previous, row in zip(rows, rows[1:]):
            compared = [grid.get((previous, column - 1)), grid.get((row, column - 1)), grid.get((row, column))]
            values = [_cell_value(cell) if cell is not None else None for cell in compared]
            if all(values) and len({unit for _, unit in values}) == 1:
                pairs.append((compared[2], values[1][0] - values[0][0], values[2][0], values[0][1]))
        if sum(abs(actual - stated) <= _CHANGE_ROUNDING for _, actual, stated, _ in pairs) < CHANGE_READINGS_NEEDED:
            continue
        for cell, actual, stated, unit in pairs:
            if abs(actual - stated) > _CHANGE_ROUNDING:
                header = cell.column_header or ""
                right = f"{'+' if actual > 0 else '-' if actual < 0 else ''}{'$' if unit == 'usd' else ''}{format_number(abs(actual))}"
                yield _table_finding(
                    url, cell,
                    f"`{cell.text}` in the {header!r} column does not match the rows it compares, which differ by {right}",
                    f"Change `{cell.text}` to {right}",
                    ("change", header, cell.row_header or str(cell.row), format_number(stated)),
                )


def _cell_value(block: Block) -> tuple[float, str] | None:
    """The single number a cell holds, with its unit, or None."""
    quantities = find_quantities(block.text)
    if len(quantities) != 1 or quantities[0].is_range:
        return None
    quantity = quantities[0]
    if len(quantity.text) < len(block.text.strip()) - 2 and quantity.unit != "count":
        return None
    return quantity.low, quantity.unit


def _check_table(url: str, cells: list[Block]) -> Iterator[Finding]:
    rows: dict[int, dict[int, Block]] = {}
    for cell in cells:
        rows.setdefault(cell.row or 0, {})[cell.column or 0] = cell
    total_rows = [r for r, row in rows.items() if _is_total_row(row)]
    if len(total_rows) != 1:
        return
    cell_values = {id(cell): _cell_value(cell) for cell in cells}
    total_row = rows[total_rows[0]]
    part_rows = [row for r, row in rows.items() if r != total_rows[0] and any(cell_values[id(c)] for c in row.values())]
    columns: dict[int, tuple[list[float], float, str]] = {}
    for column, total_cell in total_row.items():
        total = cell_values[id(total_cell)]
        parts = [cell_values[id(row[column])] if column in row else None for row in part_rows]
        if total is None or not parts or any(p is None or p[1] != total[1] for p in parts):
            continue
        values = [p[0] for p in parts]
        if not _is_additive(total_cell.column_header, values, total[0]):
            continue
        columns[column] = (values, total[0], total[1])
        yield from _sum_mismatch(url, total_cell, values, total[0], total[1])
    yield from _share_mismatch(url, part_rows, columns)


def _is_additive(header: str | None, values: list[float], total: float) -> bool:
    """A column its total row sums: not medians or rates ("All settings | $43,660" under "Median
    annual" is the median of all settings), and never a total below one of its parts."""
    return not _AVERAGE_HEADER.search(header or "") and total >= max(values)


def _is_total_row(row: dict[int, Block]) -> bool:
    first = row.get(min(row)) if row else None
    label = (first.row_header or first.text) if first else ""
    return bool(TOTAL_LABEL.match(label or ""))


def _sum_mismatch(url: str, cell: Block, values: list[float], total: float, unit: str) -> Iterator[Finding]:
    tolerance = 1.0 if unit == "percent" or _PERCENT_HEADER.search(cell.column_header or "") else 0.01 * len(values)
    stated = sum(values)
    if abs(stated - total) <= tolerance:
        return
    suffix = "%" if unit == "percent" else ""
    shown = " + ".join(f"{format_number(v)}{suffix}" for v in values)
    header = f" in the {cell.column_header!r} column" if cell.column_header else ""
    label = cell.row_header or ""
    named = f" ({label!r})" if label and label.strip().lower() != "total" else ""
    yield _table_finding(
        url,
        cell,
        f"The table's rows{header} add up to {format_number(stated)}{suffix} ({shown}), but its total row{named} says "
        f"{format_number(total)}{suffix}",
        "Correct the rows or the total so they agree",
        ("sum", cell.column_header or str(cell.column), format_number(total), format_number(stated)),
    )


def _share_mismatch(url: str, part_rows: list[dict[int, Block]], columns: dict) -> Iterator[Finding]:
    """Each row's percentage should be its count over the total (to rounding)."""
    counts = [c for c, (_, _, unit) in columns.items() if unit == "count"]
    shares = [c for c, (_, total, unit) in columns.items() if unit == "percent" and abs(total - 100) <= 1]
    if len(counts) != 1 or len(shares) != 1:
        return
    count_values, total, _ = columns[counts[0]]
    share_values, _, _ = columns[shares[0]]
    for row, count, share in zip(part_rows, count_values, share_values):
        expected = 100 * count / total if total else 0
        if abs(expected - share) > 1.0:
            cell = row[shares[0]]
            yield _table_finding(
                url,
                cell,
                f"{format_number(share)}% does not match {format_number(count)} of {format_number(total)} "
                f"({expected:.1f}%) in the row {cell.row_header or ''!r}",
                f"Change {format_number(share)}% to {round(expected)}%",
                ("share", cell.row_header or str(cell.row), format_number(share)),
            )


def _block_finding(
    page: "PageContext", block: Block, first: int, span: tuple[int, int], message: str, hint: str, basis: tuple[str, ...]
) -> Finding:
    """A finding on figures of one block's text that are not claims (or not all of them): the
    quote runs from the sentence of the first figure (at `first`) to the sentence of the wrong
    one (at `span`)."""
    sentences = sentence_spans(block.text)
    start = next((a for a, b in sentences if a <= first < b), 0)
    end = next((b for a, b in sentences if a < span[1] <= b), len(block.text))
    quote = block.text[start:end].rstrip()
    location = Evidence(page.url, block.locator, quote, (span[0] - start, span[1] - start), block.heading_path, block.position)
    return Finding(NAME, SEVERITY, message, page.url, hint, fingerprint_basis=basis, location=location)


def _table_finding(url: str, cell: Block, message: str, hint: str, basis: tuple[str, ...]) -> Finding:
    location = Evidence(url, cell.locator, cell.text, (0, len(cell.text)), cell.heading_path, cell.position)
    return Finding(NAME, SEVERITY, message, url, hint, fingerprint_basis=("table", *basis), location=location)


# --- totals in prose ---------------------------------------------------------------------------


def _prose_totals(page: "PageContext") -> Iterator[Finding]:
    """ "exams 40%, skills 30%, externship 20% and homework 15%, for a total of 100%": the parts a
    sentence lists before its stated total, in the total's unit, should add up to it."""
    for block in page.document.blocks:
        if block.kind == "table_cell" or not _TOTAL_CUE.search(block.text):
            continue
        for start, end in sentence_spans(block.text):
            sentence = block.text[start:end]
            cue = _TOTAL_CUE.search(sentence)
            if cue is None:
                continue
            quantities = find_quantities(sentence)
            total = next((q for q in quantities if q.start >= cue.end() and q.start - cue.end() <= 3), None)
            if total is None or total.is_range:
                continue
            parts = [q for q in quantities if q.end <= cue.start() and q.unit == total.unit]
            if len(parts) < 2 or any(p.is_range or p.low == total.low or p.bound for p in parts):
                continue  # a range, or the total named again among its parts ("Of 180 questions, ...")
            stated = sum(p.low for p in parts)
            if abs(stated - total.low) <= (1.0 if total.unit == "percent" else 0.01 * len(parts)):
                continue
            suffix = "%" if total.unit == "percent" else ""
            shown = " + ".join(f"{format_number(p.low)}{suffix}" for p in parts)
            location = Evidence(page.url, block.locator, sentence, (total.start, total.end), block.heading_path, block.position)
            yield Finding(
                NAME, SEVERITY,
                f"The parts add up to {format_number(stated)}{suffix} ({shown}), but the sentence gives their total as "
                f"`{total.text}`",
                page.url, "Correct the parts or the total so they agree",
                fingerprint_basis=("prose-sum", format_number(total.low), format_number(stated)), location=location,
            )


def _restated_changes(page: "PageContext") -> Iterator[Finding]:
    """ "811,000 to 912,200 (+111,200)": a change restated after the figures it runs between
    should be their difference."""
    for block in page.document.blocks:
        if not _CHANGE_OPENS.search(block.text):
            continue
        quantities = find_quantities(block.text)
        for index, change in enumerate(quantities):
            if not index or not _CHANGE_OPENS.fullmatch(block.text, quantities[index - 1].end, change.start):
                continue
            ends = _ends_before(block.text, quantities[:index])
            if ends is None or ends[0].unit != change.unit or change.is_range:
                continue
            start, end = ends
            actual = end.high - start.low
            tolerance = max(abs(actual) * 0.01, 1.0) if (change.approximate or start.approximate) else 1.0
            if abs(abs(actual) - abs(change.low)) <= tolerance:
                continue
            yield _block_finding(
                page, block, start.start, (change.start, change.end),
                f"`{change.text}` is given as the change from `{start.text if start is not end else format_number(start.low)}` "
                f"to `{format_number(end.high)}`, which differ by {format_number(abs(actual))}",
                f"Change `{change.text}` to {format_number(abs(actual))}",
                ("change", format_number(start.low), format_number(end.high), format_number(change.low)),
            )


def _ends_before(text: str, quantities: list) -> tuple | None:
    """The two figures a change runs between: a range right before it ("811,000 to 912,200"),
    or two figures joined by "to"."""
    last = quantities[-1]
    if last.is_range:
        return last, last
    if len(quantities) >= 2 and _JOINED_BY_TO.fullmatch(text, quantities[-2].end, last.start):
        return quantities[-2], last
    return None


# --- hourly versus annual ----------------------------------------------------------------------


def _hourly_annual(context: "AuditContext", page: "PageContext") -> Iterator[Finding]:
    for hourly, annual in _same_sentence_pairs(page.claims):
        tolerance = rounding(hourly.evidence.matched) * HOURS_PER_YEAR + max(ANNUAL_ROUNDING, rounding(annual.evidence.matched))
        if abs(hourly.low - annual.low) <= tolerance:
            continue
        rate = hourly.low / HOURS_PER_YEAR
        message = (
            f"{subject(annual, context.facts)}: {quoted(hourly)} × {HOURS_PER_YEAR:,} hours is "
            f"${format_number(round(hourly.low))} a year, not {quoted(annual)}"
        )
        hint = f"Check both figures: {quoted(annual)} a year is ${annual.low / HOURS_PER_YEAR:,.2f} an hour"
        params = {"hours_per_year": str(HOURS_PER_YEAR), "tolerance": format_number(tolerance), "hourly": f"{rate:.2f}"}
        yield finding(NAME, SEVERITY, hourly, message, hint, others=(annual,), params=params)


def _conversions(page: "PageContext") -> Iterator[Finding]:
    """Pay the page converts between periods itself ("$57,750 a year, or about $29.77 an hour"),
    claims or not (a worked example is no fact claim, but its arithmetic still has to add up);
    an hourly and an annual claim of one figure are left to the hourly/annual check."""
    claimed = {(c.evidence.locator, c.evidence.matched): c.key for c in page.claims}
    for block in page.document.blocks:
        if "$" not in block.text:
            continue
        for conversion in stated_conversions(block.text):
            given, stated = conversion.given, conversion.stated
            if RETAIL_PRICE.match(given.text) or RETAIL_PRICE.match(stated.text):
                continue  # "$7.99 a month, or $35.99 a year": a subscription's two prices, not one pay
            keys = {claimed.get((block.locator, given.text)), claimed.get((block.locator, stated.text))}
            if {given.per, stated.per} == {"hour", "year"} and len(keys) == 1 and None not in keys:
                continue
            if abs(conversion.expected - stated.low) <= conversion.tolerance:
                continue
            right = f"${conversion.expected:,.2f}" if stated.per == "hour" else f"${format_number(round(conversion.expected))}"
            yield _block_finding(
                page, block, given.start, (stated.start, stated.end),
                f"`{given.text}` is {right} {_PER_WORDS[stated.per]} at {HOURS_PER_YEAR:,} hours a year, not `{stated.text}`",
                f"Change `{stated.text}` to {right} {_PER_WORDS[stated.per]}",
                ("conversion", format_number(given.low), given.per or "", format_number(stated.low)),
            )


def _ratios(page: "PageContext") -> Iterator[Finding]:
    """Shares, per-item rates and equal parts the page works out itself ("84 of the 150 scored
    items, or about 65% of your score"; "180 questions over 180 minutes, so 1.5 minutes per
    question"; "200 questions ... Each of the 4 segments has 40 questions")."""
    for block in page.document.blocks:
        for ratio in stated_ratios(block.text):
            stated, (part, whole) = ratio.stated, ratio.parts
            if abs(ratio.expected - stated.low) <= ratio.tolerance:
                continue
            number = f"{ratio.expected:.1f}".rstrip("0").rstrip(".")
            if ratio.kind == "share":
                right = f"{number}%"
            elif ratio.kind == "rate":
                right = f"{number} {stated.unit}{'' if number == '1' else 's'} per item"
            else:
                right = f"{number} {stated.noun or stated.unit + 's'}"
            yield _block_finding(
                page, block, part.start, (stated.start, stated.end),
                f"`{stated.text}` does not follow from `{part.text}` and `{whole.text}`: that works out to {right}",
                f"Change `{stated.text}` to {right}",
                ("ratio", format_number(part.low), format_number(whole.low), format_number(stated.low)),
            )


def _same_sentence_pairs(claims: tuple[Claim, ...]) -> Iterator[tuple[Claim, Claim]]:
    """(hourly, annual) claims about the same thing in one sentence or one table row, or one
    right after the other in a paragraph ("... $43,660 (May 2024). Divided over a 2,080-hour
    work year, that is about $20.99 an hour.")."""
    sentences: dict[tuple, list[Claim]] = {}
    for claim in claims:
        sentences.setdefault((*_sentence_or_row(claim), claim.key), []).append(claim)
    for together in sentences.values():
        hourly = [c for c in together if c.stated_unit == "usd/hour"]
        annual = [c for c in together if c.stated_unit is None]
        yield from ((h, a) for h in hourly for a in annual)
    for first, second in zip(claims, claims[1:]):
        if first.key != second.key or first.evidence.locator != second.evidence.locator:
            continue
        if first.evidence.quote == second.evidence.quote or " > tr" in first.evidence.locator:
            continue
        units = (first.stated_unit, second.stated_unit)
        if units == ("usd/hour", None):
            yield first, second
        elif units == (None, "usd/hour"):
            yield second, first


def _sentence_or_row(claim: Claim) -> tuple[str, ...]:
    """Where two figures sit side by side: one sentence, or one table row across its cells."""
    row = _TABLE_CELL_STEP.sub("", claim.evidence.locator)
    if row != claim.evidence.locator and " > tr" in row:
        return (row,)
    return (claim.evidence.locator, claim.evidence.quote)


# --- stated differences ----------------------------------------------------------------------


def _differences(context: "AuditContext", page: "PageContext") -> Iterator[Finding]:
    """A stated difference against the two figures beside it, or, when the page states no
    figures, against the canonical facts of the two entities its sentence compares."""
    for difference in page.extraction.differences:
        nearby = [c for c in page.claims if c.measure == difference.measure and c.evidence.locator == difference.evidence.locator]
        in_sentence = [c for c in nearby if c.evidence.quote == difference.evidence.quote]
        if difference.scope and len(in_sentence) < 2 and _THAN_THE_NATION.search(difference.evidence.quote):
            # "Ohio medical assistants earned $41,600, $2,600 less than the national median",
            # whatever the next sentence says of Ohio's phlebotomists
            yield from _scoped_difference(context, page, difference)
            continue
        pairs = [(a, b) for a, b in combinations(nearby, 2) if a.stated_unit == b.stated_unit]
        if pairs:
            if not any(_close(_pair_gap(a, b, difference), difference) for a, b in pairs):
                closest = min(pairs, key=lambda pair: abs(_pair_gap(*pair, difference) - difference.low))
                yield _difference_finding(context, difference, closest)
            continue
        if difference.scope:
            yield from _scoped_difference(context, page, difference)
            continue
        facts = _compared_facts(context, difference)
        if facts and not _close(abs(facts[0].low - facts[1].low), difference):
            yield _difference_against_facts(context, difference, facts)


def _scoped_difference(context: "AuditContext", page: "PageContext", difference: StatedDifference) -> Iterator[Finding]:
    """ "California ... earn $12,140 more than the national median": the page's own figure for
    the place against the national fact."""
    measure = context.facts.measure(difference.measure)
    scope = (difference.scope or "").lower()
    for claim in sorted(page.claims, key=lambda c: c.stated_unit is not None):  # as stated per year first
        if claim.measure != difference.measure or (claim.scope or "").lower() != scope:
            continue
        if claim.qualifier != measure.default_qualifier or claim.is_range or (difference.entities and claim.entity not in difference.entities):
            continue
        national = _national_fact(context, claim.entity, claim.measure)
        if national is not None and not _close(abs(claim.low - national.low), difference):
            yield _scoped_difference_finding(difference, claim, national)
        return


def _national_fact(context: "AuditContext", entity: str, measure_id: str) -> Fact | None:
    """The entity's national, single-valued fact of the measure's default qualifier."""
    default = context.facts.measure(measure_id).default_qualifier
    return next(
        (f for f in context.facts.facts_for(entity, measure_id) if f.qualifier == default and not f.scope and not f.is_range),
        None,
    )


def _scoped_difference_finding(difference: StatedDifference, claim: Claim, fact: Fact) -> Finding:
    actual = abs(claim.low - fact.low)
    stated = f"`{difference.evidence.matched}`"
    message = (
        f"The stated difference {stated} does not match {quoted(claim)} for {claim.scope} and the national "
        f"{format_value(fact.low, fact.high, fact.unit)} ({fact.source.title}), which differ by {_like_stated(actual, difference)}"
    )
    return Finding(
        NAME, SEVERITY, message, difference.evidence.url, f"Change {stated} to {_like_stated(actual, difference)}",
        claims=(claim,), fact=fact, fingerprint_basis=("difference", difference.measure, format_number(difference.low)),
        location=difference.evidence,
    )


def _compared_facts(context: "AuditContext", difference: StatedDifference) -> tuple | None:
    """The default-qualifier national facts of the first two entities the sentence names that
    have one ("The CPT phlebotomy exam": the credential, not the occupation)."""
    found = [f for f in (_national_fact(context, entity, difference.measure) for entity in difference.entities) if f is not None]
    return tuple(found[:2]) if len(found) >= 2 else None


def _difference_against_facts(context: "AuditContext", difference: StatedDifference, facts: tuple) -> Finding:
    first, second = facts
    actual = abs(first.low - second.low)
    stated = f"`{difference.evidence.matched}`"
    names = [context.facts.entity(f.entity).aliases[0] for f in facts]
    message = (
        f"The stated difference {stated} does not match the facts: {names[0]} {format_value(first.low, first.high, first.unit)} "
        f"and {names[1]} {format_value(second.low, second.high, second.unit)} differ by {_like_stated(actual, difference)} "
        f"({first.source.title})"
    )
    return Finding(
        NAME, SEVERITY, message, difference.evidence.url, f"Change {stated} to {_like_stated(actual, difference)}",
        fact=first, fingerprint_basis=("difference", difference.measure, format_number(difference.low)),
        location=difference.evidence,
    )


def _like_stated(amount: float, difference: StatedDifference) -> str:
    """The right difference written as the page wrote its own: "$540" for "$640", "5%" for "7%",
    "60 minutes" for "40 more minutes"."""
    written = difference.evidence.matched.strip()
    number = format_number(round(amount, 2))
    if _IN_MINUTES.search(written):
        return f"{number} minutes"  # "40 more minutes"
    return f"{'$' if written.startswith('$') else ''}{number}{'%' if written.endswith('%') else ''}"


def _close(gap: float, difference: StatedDifference) -> bool:
    tolerance = max(0.02 * difference.high, 1.0 if difference.high >= HOURLY_DIFFERENCE_CEILING else 0.01)  # a dollar, or a cent an hour
    if difference.approximate:
        tolerance = max(tolerance, _rounding_step(difference.high))
    return difference.low - tolerance <= gap <= difference.high + tolerance


def _rounding_step(value: float) -> float:
    """Half the place a round figure was rounded to ("roughly $500": 50), at most a tenth of it."""
    place = 1.0
    while value >= place * 10 and value % (place * 10) == 0:
        place *= 10
    return min(place / 2, APPROXIMATE_DIFFERENCE_SHARE * value)


def _pair_gap(first: Claim, second: Claim, difference: StatedDifference) -> float:
    """The gap between two figures in the scale the difference is stated in: per hour for
    "$0.26 more" between two hourly rates, else per year as claims are held."""
    gap = abs(first.low - second.low)
    hourly = first.stated_unit == second.stated_unit == "usd/hour" and difference.high < HOURLY_DIFFERENCE_CEILING
    return gap / HOURS_PER_YEAR if hourly else gap


def _difference_finding(context: "AuditContext", difference: StatedDifference, pair: tuple[Claim, Claim]) -> Finding:
    """The stated difference against the pair of figures whose gap comes nearest to it."""
    first, second = pair
    actual = _pair_gap(first, second, difference)
    stated = f"`{difference.evidence.matched}`"
    message = (
        f"The stated difference {stated} does not match {quoted(first)} and {quoted(second)}, "
        f"which differ by {_like_stated(actual, difference)}"
    )
    return Finding(
        NAME,
        SEVERITY,
        message,
        difference.evidence.url,
        f"Change {stated} to {_like_stated(actual, difference)}",
        claims=(first, second),
        fingerprint_basis=("difference", difference.measure, format_number(difference.low)),
        location=difference.evidence,
    )
