"""From a document to claims: which numbers state a tracked measure, of what, and how.

For every quantity in a block the extractor decides, in order:
1. the measure: the quantity's unit must be one the measure accepts, and a counted noun or a
   cue word must signal it (in the sentence, the table headers, or the headings above), with
   no exclusion word ("practice" questions, months of "preparation") next to the number;
2. the entity: the nearest mention in the sentence, else the table's column/row header, else
   the last mention earlier in the block, else the nearest heading naming one entity, else
   the page title when it names exactly one;
3. the qualifier: cue words attached to the number, else in the table headers, else anywhere
   in the sentence when only one qualifier is named there, else the measure's default;
4. scope (a state or work setting) and period (the statistic's year or year range).
Numbers in the site's own sales copy, comparatives ("10% more") and stated differences are
not claims; differences are kept apart for the arithmetic rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from checks.facts import FactBase, Measure
from checks.model import Block, Claim, Document, Evidence, Quantity
from checks.quantities import YearSpan, find_quantities, find_years
from checks.sentences import sentence_at, sentence_spans
from checks.vocabulary import Mention, Vocabulary, vocabulary_for

HOURS_PER_YEAR = 2080
CLAUSE_PENALTY = 60
CAPTION_MAX_CHARS = 60
EXCLUDE_WINDOW_CHARS = 60
CALL_TO_ACTION_MAX_CHARS = 200
ADJACENT_CUE_CHARS = 30
UNKNOWN_PAIR_PENALTY = 500
OTHER_KIND_PENALTY = 1000
_CLAUSE_BREAK = re.compile(r",\s|;\s|\s[–—-]\s|\)\s*,|\b(?:while|whereas|compared|but|versus|vs\.?)\b", re.IGNORECASE)
_COMPARATIVE_AFTER = re.compile(r"\s*(?:more|less|fewer|higher|lower|above|below|faster|slower)\b", re.IGNORECASE)
_DIFFERENCE_BEFORE = re.compile(
    r"\b(?:difference|gap|gain|premium|increase|raise|boost)\s+of\s+(?:about|approximately|around|roughly|nearly|almost|some|just|only)?\s*$",
    re.IGNORECASE,
)
# "390 out of 500", "a scaled 200-500 range": the scale, not a score anyone needs.
_SCALE_BEFORE = re.compile(r"\b(?:out\s+of(?:\s+a\s+possible)?|on\s+a\s+scale\s+of|scale\s+of|maximum\s+of)\s*$", re.IGNORECASE)
_SCALE_AFTER = re.compile(r"\s*(?:\(?scaled\)?\s+)?(?:score\s+)?(?:range|scale)\b", re.IGNORECASE)
_BARE_FIGURE = re.compile(r"\s*[~≈]?\s*\$?[\d.,]+\s*\+?\s*(?:%|[a-zA-Z]{0,8}\.?)\s*")
_LEADING_FIGURE = re.compile(r"^[\d.,$\s]+")
_PERIOD_BEFORE = re.compile(r"\b(?:hourly|per hour|an hour|annual|annually|yearly|per year|a year)\b[^$]*$", re.IGNORECASE)
HOURLY_CEILING = 300
_ATTACHED_END = re.compile(r"[(,;]|\s[–—-]\s")
_DIFFERENCE_AFTER = re.compile(r"\s*(?:more|less|higher|lower)(?:\s+(?:per|a|an|each|every|on)?\s*(?:year|hour|month|average))?\s+than\b", re.IGNORECASE)
_CONVERSIONS = {
    "minutes": {"minute": 1.0, "hour": 60.0, "day": 1440.0},
    "months": {"day": 1 / 30.4375, "week": 7 / 30.4375, "month": 1.0, "year": 12.0},
    "usd_year": {None: 1.0, "year": 1.0, "hour": float(HOURS_PER_YEAR), "month": 12.0, "week": 52.0},
}


@dataclass(frozen=True, slots=True)
class StatedDifference:
    """"a difference of about $540 per year": checked by the arithmetic rule, never a claim."""

    low: float
    high: float
    measure: str
    evidence: Evidence
    block_index: int
    entities: tuple[str, ...] = ()  # the entities its sentence compares, in order


@dataclass(frozen=True, slots=True)
class Extraction:
    claims: tuple[Claim, ...]
    differences: tuple[StatedDifference, ...]


@dataclass(slots=True)
class _Page:
    document: Document
    vocabulary: Vocabulary
    confirmed: frozenset[str]
    title_entity: str | None
    heading_entities: dict[str, str | None]


class _Sentence:
    """One sentence and what the decisions look up in it, each computed at most once."""

    def __init__(self, text: str, vocabulary: Vocabulary, confirmed: frozenset[str], context: str, surroundings: str) -> None:
        self.text = text
        self.context = context  # the whole block when it is short enough to be one call to action
        self.surroundings = surroundings  # block and nearest heading: where a clashing name shows
        self._vocabulary = vocabulary
        self._confirmed = confirmed
        self._cues: dict[str, list[int]] = {}

    @cached_property
    def is_marketing(self) -> bool:
        pattern = self._vocabulary.marketing
        return pattern is not None and pattern.search(self.context) is not None

    @cached_property
    def mentions(self) -> list[Mention]:
        return self._vocabulary.mentions(self.text, self._confirmed, self.surroundings)

    @cached_property
    def foreign(self) -> list[Mention]:
        """Mentions of the other things an ambiguous alias names ("Certified Management
        Accountant"): a number nearest to one of these is about that, not about an entity."""
        pattern = self._vocabulary.foreign
        return [Mention("", m.start(), m.end()) for m in pattern.finditer(self.text)] if pattern else []

    @cached_property
    def scopes(self) -> list[re.Match[str]]:
        pattern = self._vocabulary.scopes
        return list(pattern.finditer(self.text)) if pattern is not None else []

    @cached_property
    def years(self) -> list[YearSpan]:
        return find_years(self.text)

    def cue_positions(self, measure_id: str) -> list[int]:
        if measure_id not in self._cues:
            pattern = self._vocabulary.cues[measure_id]
            self._cues[measure_id] = [m.start() for m in pattern.finditer(self.text)] if pattern else []
        return self._cues[measure_id]


@dataclass(slots=True)
class _Spot:
    """One quantity in its block, with the text around it that the decisions look at."""

    block: Block
    block_index: int
    quantity: Quantity
    sentence: tuple[int, int]
    before: str  # text from the previous quantity (or sentence start) up to this one
    after: str  # text from this quantity up to the next one (or sentence end)
    headers: str
    analysed: _Sentence


def extract(document: Document, facts: FactBase) -> Extraction:
    """Every claim about a tracked measure in the document, and every stated difference."""
    vocabulary = vocabulary_for(facts)
    confirmed = vocabulary.confirmed_aliases(" ".join((document.title, *(b.text for b in document.blocks))))
    page = _Page(document, vocabulary, confirmed, _single_entity(vocabulary, document.title, confirmed), {})
    claims: list[Claim] = []
    differences: list[StatedDifference] = []
    blocks = document.blocks
    for index, block in enumerate(blocks):
        if block.kind == "heading":
            continue
        for spot in _spots(block, index, vocabulary, confirmed, _label(blocks, index)):
            _read_spot(page, spot, claims, differences)
    return Extraction(tuple(claims), tuple(differences))


def _label(blocks: tuple[Block, ...], index: int) -> str:
    """What names a block's number when the block itself does not: the term of a definition
    ("<dt>Exam length</dt><dd>3 hours</dd>"), or the caption line of a stat card whose number
    stands alone ("180" above "CCMA exam questions")."""
    block = blocks[index]
    if block.kind == "table_cell":
        return ""
    previous = blocks[index - 1] if index else None
    if block.kind == "definition" and previous is not None and previous.kind == "term":
        return previous.text
    if not _BARE_FIGURE.fullmatch(block.text):
        return ""
    for neighbour in (blocks[index + 1] if index + 1 < len(blocks) else None, previous):
        if neighbour is not None and neighbour.kind != "heading" and _is_caption(neighbour.text):
            return neighbour.text
    return ""


def _is_caption(text: str) -> bool:
    return 0 < len(text) <= CAPTION_MAX_CHARS and not any(ch.isdigit() for ch in text)


def _spots(block: Block, index: int, vocabulary: Vocabulary, confirmed: frozenset[str], label: str) -> list[_Spot]:
    quantities = _outside_phrases(find_quantities(block.text), block.text, vocabulary)
    if not quantities:
        return []
    spans = sentence_spans(block.text)
    headers = " ".join(h for h in (block.row_header, block.column_header, label) if h)
    spots = []
    sentences: dict[tuple[int, int], _Sentence] = {}
    for position, quantity in enumerate(quantities):
        sentence = sentence_at(spans, quantity.start)
        if sentence not in sentences:
            text = block.text[sentence[0] : sentence[1]]
            context = block.text if len(block.text) <= CALL_TO_ACTION_MAX_CHARS else text
            surroundings = " ".join((block.text, *block.heading_path[-1:]))
            sentences[sentence] = _Sentence(text, vocabulary, confirmed, context, surroundings)
        previous_end = quantities[position - 1].end if position else 0
        next_start = quantities[position + 1].start if position + 1 < len(quantities) else len(block.text)
        before = block.text[max(sentence[0], previous_end) : quantity.start]
        after = block.text[quantity.end : min(sentence[1], next_start)]
        spots.append(_Spot(block, index, quantity, sentence, before, after, headers, sentences[sentence]))
    return spots


def _outside_phrases(quantities: list[Quantity], text: str, vocabulary: Vocabulary) -> list[Quantity]:
    """Drop numbers that belong to a qualifier phrase ("the lowest 10% earned...")."""
    if vocabulary.numeric_cues is None or not quantities:
        return quantities
    phrases = [(m.start(), m.end()) for m in vocabulary.numeric_cues.finditer(text)]
    return [q for q in quantities if not any(start <= q.start < end for start, end in phrases)]


def _read_spot(page: _Page, spot: _Spot, claims: list[Claim], differences: list[StatedDifference]) -> None:
    vocabulary = page.vocabulary
    sentence_text = spot.analysed.text
    if spot.analysed.is_marketing:
        return
    measure = _measure(vocabulary, spot)
    if measure is None:
        return
    converted = _convert(spot.quantity, measure, _money_period(spot))
    if converted is None:
        return
    low, high, stated_unit = converted
    evidence = _evidence(page.document.url, spot)
    if _DIFFERENCE_BEFORE.search(spot.before) or _DIFFERENCE_AFTER.match(spot.after):
        entities = tuple(dict.fromkeys(m.entity for m in spot.analysed.mentions if m.entity))
        differences.append(StatedDifference(low, high, measure.id, evidence, spot.block_index, entities))
        return
    if _SCALE_BEFORE.search(spot.before) or _SCALE_AFTER.match(spot.after):
        return
    if _COMPARATIVE_AFTER.match(spot.after) or _is_breakdown_row(vocabulary, measure, spot.block, page.confirmed):
        return
    entity = _entity(page, spot, measure)
    if entity is None:
        return
    claims.append(
        Claim(
            entity=entity,
            measure=measure.id,
            qualifier=_qualifier(vocabulary, measure, spot, sentence_text),
            low=low,
            high=high,
            unit=measure.unit,
            evidence=evidence,
            bound=spot.quantity.bound,
            approximate=spot.quantity.approximate,
            scope=_scope(vocabulary, spot, sentence_text),
            period=_period(spot, sentence_text),
            visible=spot.block.visible,
            stated_unit=stated_unit,
        )
    )


def _is_breakdown_row(vocabulary: Vocabulary, measure: Measure, block: Block, confirmed: frozenset[str]) -> bool:
    """A cell in a row labelled with a topic or category ("Clinical Patient Care | 84") counts a
    part of the measure, not the measure itself; only rows naming an entity, the measure or a
    qualifier ("Exam", "Total", "CCMA") state the whole."""
    if block.kind != "table_cell" or not block.row_header:
        return False
    label = block.row_header
    if vocabulary.mentions(label, confirmed) or vocabulary.mentions(block.column_header or "", confirmed):
        return False
    cues = vocabulary.cues[measure.id]
    if (cues is not None and cues.search(label)) or _has_noun(vocabulary, measure, label):
        return False
    return not any(pattern is not None and pattern.search(label) for _, pattern in vocabulary.qualifier_cues[measure.id])


def _evidence(url: str, spot: _Spot) -> Evidence:
    start, end = spot.sentence
    quote = spot.block.text[start:end].strip()
    offset = start + (len(spot.block.text[start:end]) - len(spot.block.text[start:end].lstrip()))
    span = (spot.quantity.start - offset, spot.quantity.end - offset)
    return Evidence(url, spot.block.locator, quote, span, spot.block.heading_path, spot.block.position)


# --- measure ---------------------------------------------------------------------------------


def _measure(vocabulary: Vocabulary, spot: _Spot) -> Measure | None:
    """The best-signalled measure that accepts this quantity's unit, or None."""
    quantity = spot.quantity
    window = spot.before[-EXCLUDE_WINDOW_CHARS:] + quantity.text + spot.after[:EXCLUDE_WINDOW_CHARS]
    best: tuple[tuple[int, int], Measure] | None = None
    for measure in vocabulary.measures():
        if quantity.unit not in measure.accepts:
            continue
        exclude = vocabulary.excludes[measure.id]
        if exclude is not None and exclude.search(window):
            continue
        score = _signal(vocabulary, measure, spot)
        if score is not None and (best is None or score > best[0]):
            best = (score, measure)
    return best[1] if best else None


def _signal(vocabulary: Vocabulary, measure: Measure, spot: _Spot) -> tuple[int, int] | None:
    """(strength, -distance) of the evidence that the quantity states this measure."""
    quantity = spot.quantity
    if quantity.unit == "count" and measure.nouns:
        return _count_signal(vocabulary, measure, spot)
    if quantity.unit == "count" and quantity.noun:
        return None  # "one page ... pass it": a count of something the measure does not count
    rank = _cue_rank(vocabulary, measure, spot)
    return (2, rank) if rank is not None else None


def _count_signal(vocabulary: Vocabulary, measure: Measure, spot: _Spot) -> tuple[int, int] | None:
    """A count states a counted measure through its own noun ("180 questions"); a bare count
    through the table header ("# of Questions"), a qualifier right after it whose noun comes
    later ("110 scored + 15 pretest items", "200 of which count"), or a cue just before it
    ("Employment Change, 2022-32 12,500")."""
    quantity = spot.quantity
    cued = _cue_rank(vocabulary, measure, spot)
    if measure.requires_cue and cued is None:
        return None
    ranked = (3, cued if cued is not None else -10_000)
    if quantity.noun and _has_noun(vocabulary, measure, quantity.text):
        return ranked
    if spot.headers and _has_noun(vocabulary, measure, spot.headers):
        return ranked
    following = (_LEADING_FIGURE.sub("", quantity.text) + spot.after).lstrip()
    qualified = any(p is not None and p.match(following) for _, p in vocabulary.qualifier_cues[measure.id])
    if qualified and _has_noun(vocabulary, measure, spot.analysed.text):
        return ranked
    if quantity.noun:
        return None
    cues = vocabulary.cues[measure.id]
    lead = spot.before[-ADJACENT_CUE_CHARS:]
    if (cues is not None and (cues.search(lead) or cues.search(spot.headers))) or _has_noun(vocabulary, measure, lead):
        return (2, 0)
    return None


def _cue_rank(vocabulary: Vocabulary, measure: Measure, spot: _Spot) -> int | None:
    """Minus the distance from the number to the nearest cue in its sentence, or a low rank
    for a cue in the table headers; None without a cue. Ranks two counted measures that share
    a noun ("jobs": new jobs or employment)."""
    number_at = spot.quantity.start - spot.sentence[0]
    distances = [abs(position - number_at) for position in spot.analysed.cue_positions(measure.id)]
    if distances:
        return -min(distances)
    cues = vocabulary.cues[measure.id]
    return -1000 if cues is not None and spot.headers and cues.search(spot.headers) else None


def _has_noun(vocabulary: Vocabulary, measure: Measure, text: str) -> bool:
    pattern = vocabulary.nouns[measure.id]
    return pattern is not None and pattern.search(text) is not None


def _money_period(spot: _Spot) -> str | None:
    """The period of a money figure: as written after it, else an "hourly wage of" or
    "annual salary of" before it; a wage under $300 with no period can only be hourly."""
    quantity = spot.quantity
    if quantity.unit != "usd" or quantity.per is not None:
        return quantity.per
    lead = _PERIOD_BEFORE.search(spot.before[-40:])
    if lead:
        return "hour" if lead.group(0).lower().startswith(("hour", "per hour", "an hour")) else "year"
    return "hour" if quantity.high < HOURLY_CEILING else None


def _convert(quantity: Quantity, measure: Measure, per: str | None) -> tuple[float, float, str | None] | None:
    """The quantity's low/high in the measure's unit, and the unit as stated if different."""
    table = _CONVERSIONS.get(measure.unit)
    if table is None:
        if per is not None:
            return None
        return quantity.low, quantity.high, None
    key = per if measure.unit == "usd_year" else quantity.unit
    factor = table.get(key)
    if factor is None:
        return None
    stated = None if factor == 1.0 else (f"usd/{per}" if measure.unit == "usd_year" else quantity.unit)
    return round(quantity.low * factor, 4), round(quantity.high * factor, 4), stated


# --- entity ----------------------------------------------------------------------------------


def _entity(page: _Page, spot: _Spot, measure: Measure) -> str | None:
    """The entity the sentence names nearest the number; else the first context that names
    one the measure is known for (table headers, earlier in the block, headings innermost
    first, the title); else an unknown pairing from the headers or the block itself."""
    block = spot.block
    start, end = spot.sentence
    sentence_mentions = spot.analysed.mentions
    if sentence_mentions:
        candidates = sentence_mentions + spot.analysed.foreign
        return _nearest(page, candidates, block.text[start:end], spot.quantity.start - start, measure) or None
    if spot.analysed.foreign:
        return None
    close, far = _context_entities(page, spot)
    facts = page.vocabulary.facts
    known = next((e for e in close + far if facts.facts_for(e, measure.id)), None)
    if known is None:
        # a salary on a page about the CCMA is the medical assistant's salary
        certified = (facts.entity(e).occupation for e in far if facts.entity(e))
        known = next((o for o in certified if o and facts.facts_for(o, measure.id)), None)
    return known or (close[0] if close else None)


def _context_entities(page: _Page, spot: _Spot) -> tuple[list[str], list[str]]:
    """Entities named around the sentence: close (table headers, the block before it, nearest
    first) and far (headings innermost first, then the title)."""
    vocabulary, confirmed, block = page.vocabulary, page.confirmed, spot.block
    headers = [_single_entity(vocabulary, h, confirmed) for h in (block.column_header, block.row_header, spot.headers) if h]
    earlier = vocabulary.mentions(block.text[: spot.sentence[0]], confirmed, spot.analysed.surroundings)
    close = [e for e in headers if e] + [m.entity for m in reversed(earlier) if m.entity]
    for heading in block.heading_path:
        if heading not in page.heading_entities:
            page.heading_entities[heading] = _single_entity(vocabulary, heading, confirmed)
    far = [page.heading_entities[h] for h in reversed(block.heading_path) if page.heading_entities[h]]
    return close, far + ([page.title_entity] if page.title_entity else [])


def _single_entity(vocabulary: Vocabulary, text: str, confirmed: frozenset[str]) -> str | None:
    entities = {mention.entity for mention in vocabulary.mentions(text, confirmed) if mention.entity}
    return entities.pop() if len(entities) == 1 else None


def _nearest(page: _Page, mentions: list[Mention], sentence: str, number_at: int, measure: Measure) -> str:
    """The closest mention, preferring entities the measure is known for, then entities of the
    kind it is known for ("the CPT phlebotomy exam": an exam time limit belongs to the
    credential, not the occupation)."""
    vocabulary = page.vocabulary

    def cost(mention: Mention) -> int:
        distance = _distance(sentence, mention.start, mention.end, number_at)
        if not mention.entity or vocabulary.facts.facts_for(mention.entity, measure.id):
            return distance
        kind_known = vocabulary.kind_of(mention.entity) in vocabulary.kinds_for(measure.id)
        return distance + (OTHER_KIND_PENALTY if not kind_known else UNKNOWN_PAIR_PENALTY)

    return min(mentions, key=cost).entity


def _distance(sentence: str, start: int, end: int, number_at: int) -> int:
    """Characters between a phrase and the number, plus a penalty per clause boundary crossed."""
    low, high = (end, number_at) if end <= number_at else (number_at, start)
    between = sentence[low:high]
    return (high - low) + CLAUSE_PENALTY * len(_CLAUSE_BREAK.findall(between))


# --- qualifier, scope, period ------------------------------------------------------------------


def _qualifier(vocabulary: Vocabulary, measure: Measure, spot: _Spot, sentence: str) -> str:
    cues = vocabulary.qualifier_cues[measure.id]
    if not cues:
        return measure.default_qualifier
    attached = spot.quantity.text + " " + _ATTACHED_END.split(spot.after[:30], 1)[0]
    for text in (attached, spot.headers):
        named = [qualifier for qualifier, pattern in cues if pattern is not None and pattern.search(text)]
        if len(named) > 1 and text is spot.headers:
            # "Total" row of a "Scored items" column: the total of the scored items
            named = [q for q in named if q != measure.default_qualifier]
        if named:
            return named[0] if len(named) == 1 else _closest_qualifier(cues, spot, measure)
    nearest = _nearest_cue_before(cues, spot.before)
    if nearest:
        return nearest
    leading = sentence[: spot.quantity.start - spot.sentence[0]]
    in_sentence = {qualifier for qualifier, pattern in cues if pattern is not None and pattern.search(leading)}
    if len(in_sentence) == 1:
        return in_sentence.pop()
    return measure.default_qualifier


def _closest_qualifier(cues: list, spot: _Spot, measure: Measure) -> str:
    """When several qualifiers are named next to the number, the one closest to it wins."""
    text = spot.before[-30:] + spot.quantity.text + spot.after[:30]
    number_at = len(spot.before[-30:])
    best = min(
        ((abs(match.start() - number_at), qualifier) for qualifier, pattern in cues if pattern for match in pattern.finditer(text)),
        default=(0, measure.default_qualifier),
    )
    return best[1]


def _nearest_cue_before(cues: list, before: str) -> str | None:
    """The qualifier named last before the number in its own clause, back to the previous
    number ("..., and the highest 10 percent earned more than $57,830"); a cue behind a clause
    break belongs to the figure before it ("150 of which count, and the CPT has 120")."""
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end() :] if breaks else before
    found = [(match.end(), qualifier) for qualifier, pattern in cues if pattern for match in pattern.finditer(clause)]
    return max(found)[1] if found else None


def _scope(vocabulary: Vocabulary, spot: _Spot, sentence: str) -> str | None:
    """The state or work setting the figure is for: named before the number, or after it in
    the same clause ("32% worked in medical and diagnostic laboratories")."""
    if vocabulary.scopes is None:
        return None
    number_at = spot.quantity.start - spot.sentence[0]
    candidates = [
        m for m in spot.analysed.scopes
        if m.end() <= number_at or not _CLAUSE_BREAK.search(sentence, number_at, m.start())
    ]
    if candidates:
        best = min(candidates, key=lambda m: _distance(sentence, m.start(), m.end(), number_at))
        return _canonical_scope(vocabulary, best.group(0))
    in_headers = vocabulary.scopes.search(spot.headers) if spot.headers else None
    return _canonical_scope(vocabulary, in_headers.group(0)) if in_headers else None


def _canonical_scope(vocabulary: Vocabulary, matched: str) -> str:
    lowered = " ".join(matched.lower().split())
    return next((scope for scope in vocabulary.facts.scopes if scope.lower() == lowered), lowered)


def _period(spot: _Spot, sentence: str) -> str | None:
    number_at = spot.quantity.start - spot.sentence[0]
    years = spot.analysed.years
    if years:
        return _format_period(min(years, key=lambda y: abs(y.start - number_at)))
    for header in (spot.block.row_header, spot.block.column_header):
        header_years = find_years(header) if header else []
        if header_years:
            return _format_period(header_years[0])
    return None


def _format_period(span: YearSpan) -> str:
    return f"{span.start_year}-{span.end_year}" if span.end_year else str(span.start_year)
