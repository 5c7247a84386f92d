"""A quantity in its place: the page, the sentence and the text around the number that the
extraction decisions read, each computed once and shared."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property

from checks.model import Block, Document, Quantity
from checks.quantities import YearSpan, find_quantities, find_years
from checks.sentences import sentence_at, sentence_spans
from checks.vocabulary import Mention, Vocabulary

CLAUSE_PENALTY = 60
CAPTION_MAX_CHARS = 60
CARD_CAPTION_MAX_CHARS = 200
CALL_TO_ACTION_MAX_CHARS = 200
CLAUSE_BREAK = re.compile(r",\s|;\s|\s[–—-]\s|\)\s*,|\b(?:while|whereas|compared|but|versus|vs\.?)\b", re.IGNORECASE)
TOTAL_LABEL = re.compile(
    # "Total", "Grand total", "Scored items, total", "All settings" (not "All other settings")
    r"^\s*(?:(?:estimated|approximate|approx\.?|program|grand|net)\s+)?(?:total|sum|overall)\b|^[^,]{1,40},\s*total\s*$"
    r"|^\s*all\s+(?!others?\b)[a-z][a-z-]*(?:\s+[a-z][a-z-]*)?\s*$",
    re.IGNORECASE,
)
# “Now it's $21.50 an hour for me,” said Marcus: one person's word, not a published figure
_FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|d|ve|ll)|me|my|mine)\b")
# A sentence that is all quotation (a blockquote of old BLS text) states nothing of the page's own;
# an attributed quote only when it is the speaker's own life ("I'd make $3 an hour more," she said),
# not a figure a spokesperson gives ("The exam is 100 questions," said the dean)
_WHOLE_QUOTE = re.compile(r"^\s*[“\"][^“”\"]*[”\"]\s*$")
_ATTRIBUTED_QUOTE = re.compile(r"^\s*[“\"].*[”\"]\s*,?\s*(?:[\w.-]+\s+){0,3}?(?:said|says|according to|explains|told)\b", re.IGNORECASE)
# "In its 2019 to 2029 projections, BLS expected ...", "The 2020–30 cycle put phlebotomist growth
# at 22 percent": an earlier data release, told in the past tense
_RELEASE = r"(?:(?:may|september)\s+)?(?:19|20)\d\d(?:\s*(?:–|-|to)\s*(?:19|20)?\d\d)?\s+(?:edition|projections?|report|release|cycle|data)"
_RECOUNTED_RELEASE = re.compile(
    rf"\b(?:in\s+(?:its|the|their)\s+{_RELEASE}\b[^.;]*?|\bthe\s+{_RELEASE}\s+)"
    r"(?:expected|projected|put|gave|called\s+for|forecast|had)\b",
    re.IGNORECASE,
)
# "starting March 2027, the CPT will have 130 questions", "If NHA raises the exam fee to $135":
# a change announced or supposed, not what holds now
_NOT_YET = re.compile(
    r"\b(?:starting|beginning|effective)\s+(?:in\s+|on\s+)?(?:[A-Z][a-z]+\.?\s+)?(?:19|20)\d\d\b[^.;]{0,80}?\bwill\b"
    r"|\bwill\b[^.;]{0,60}?\b(?:starting|beginning|effective)\s+(?:in\s+)?(?:[A-Z][a-z]+\.?\s+)?(?:19|20)\d\d\b"
    r"|^\W{0,3}(?:if|should|once|when)\s+(?:[\w-]+\s+){1,4}?(?:raises?|changes?|moves?|increases?|cuts?|lowers?|drops?|ever)\b",
    re.IGNORECASE,
)
# "True or false: The CMA (AAMA) exam lasts 180 minutes.": a statement put to the reader to judge
_PUT_TO_THE_READER = re.compile(
    r"\btrue\s+or\s+false\b|\bfact\s+or\s+(?:fiction|myth)\b"
    # "If a page says 22 percent growth for phlebotomists, it is quoting the 2020–30 cycle."
    r"|^\s*if\s+(?:a|an|the|some|another|other)\s+(?:[\w-]+\s+){0,2}?(?:says?|quotes?|lists?|claims?|gives?|states?)\b"
    # 'Myth: "The CPT exam is a three-hour marathon."', 'What people say: "MAs average $50,000 now."'
    r"|^\W{0,3}(?:myth|misconception|(?:common\s+)?mistake|what\s+(?:people|students|others|you(?:'ll)?)\s+(?:say|hear|think|believe)"
    r"|you(?:'ll|\s+will|\s+may)?\s+hear|false|wrong|[✗❌])(?:\s*#?\d+)?\s*:",
    re.IGNORECASE,
)
# "$14.99", "$29.95 one-time": a shop price; a wage in cents comes with its period ("$20.99 per hour")
RETAIL_PRICE = re.compile(r"\$\d{1,4}\.9[5-9]\b(?!\s*(?:/|per\b|an?\s+(?:hour|year)\b|hourly\b|\)))", re.IGNORECASE)
_PAY_PERIOD = re.compile(r"\$[\d.,]+\s*(?:/\s*(?:hr|hour)\b|(?:an|per)\s+hour\b|hourly\b)", re.IGNORECASE)
_LETTER = re.compile(r"[^\W\d_]")
_HEADER_UNIT = re.compile(
    r"\(\s*(?:(?P<percent>%)|(?P<duration>min|mins|minutes|hr|hrs|hours)\.?"
    r"|(?P<usd>\$)\s*(?P<thousands>k)?\s*(?:/\s*(?P<per>yr|year|hr|hour))?)\s*\)",
    re.IGNORECASE,
)
_HEADER_DURATIONS = {"min": "minute", "mins": "minute", "minute": "minute", "minutes": "minute", "hr": "hour", "hrs": "hour", "hour": "hour", "hours": "hour"}
_FIGURE_ASIDE = re.compile(r"\([^()]*\d[^()]*\)")
# "180", "3 hrs", "20 capillary sticks": a stat card's figure, named by its caption
_BARE_FIGURE = re.compile(r"\s*[~≈]?\s*\$?[\d.,]+\s*\+?\s*(?:%|[a-zA-Z]{0,12}\.?(?:\s[a-zA-Z]{1,12}\.?){0,2})\s*")


@dataclass(slots=True)
class Page:
    document: Document
    vocabulary: Vocabulary
    confirmed: frozenset[str]
    title_subjects: tuple[str, ...]
    totalled: frozenset[int] = frozenset()  # tables with a "Total" row: their other rows are parts
    entity_tables: frozenset[int] = frozenset()  # tables whose columns are entities ("CPT | CCMA")
    table_descriptions: dict[int, tuple[str, ...]] = field(default_factory=dict)  # per table: intro, column headers
    past_tables: frozenset[int] = frozenset()  # tables introduced as history
    past_sections: frozenset[str] = frozenset()  # headings of history, timeline-past and example sections
    past_rows: frozenset[tuple[int, int]] = frozenset()  # (table, row): a year-by-year table's older rows
    past_columns: frozenset[tuple[int, int]] = frozenset()  # (table, column): a before/after table's old side
    one_program: bool = False  # a school's page about one of its programs
    _named: dict[str, str | None] = field(default_factory=dict)
    _subjects: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _on_page: dict[frozenset[str], frozenset[str]] = field(default_factory=dict)

    def named_on_page(self, wanted: frozenset[str]) -> frozenset[str]:
        """Which of these entities the page names anywhere; cached. Only texts holding one of
        their aliases are searched for mentions."""
        if wanted not in self._on_page:
            facts = self.vocabulary.facts
            aliases = [alias.lower() for e in wanted if (entity := facts.entity(e)) for alias in entity.aliases]
            texts = (self.document.title, *(block.text for block in self.document.blocks))
            self._on_page[wanted] = frozenset(
                m.entity
                for text in texts if any(alias in text.lower() for alias in aliases)
                for m in self.vocabulary.mentions(text, self.confirmed) if m.entity in wanted
            )
        return self._on_page[wanted]

    def names_other(self, text: str) -> bool:
        """Whether text names something the fact file does not track ("RMA (AMT)", "CNA")."""
        foreign = self.vocabulary.foreign
        return foreign is not None and foreign.search(text) is not None

    def entity_named(self, text: str) -> str | None:
        """The one entity a heading or header names, or None (none, or several); cached."""
        if text not in self._named:
            entities = {m.entity for m in self.vocabulary.mentions(text, self.confirmed) if m.entity}
            self._named[text] = entities.pop() if len(entities) == 1 else None
        return self._named[text]

    def subjects_named(self, text: str) -> tuple[str, ...]:
        """What a heading is about (see `subjects`); cached."""
        if text not in self._subjects:
            self._subjects[text] = subjects(self.vocabulary, text, self.confirmed)
        return self._subjects[text]


def subjects(vocabulary: Vocabulary, text: str, confirmed: frozenset[str]) -> tuple[str, ...]:
    """The entities a heading or title is about, in the order it names them: its one entity,
    or one of each kind ("CPT Phlebotomy Exam Guide": the credential and the occupation it
    certifies, so an exam figure goes to the one and a wage to the other); none when it names
    two of one kind ("CPT vs CCMA"), since then it is not about either alone, unless they
    certify one occupation ("CMA vs RMA" is about medical assistants)."""
    named = tuple(dict.fromkeys(m.entity for m in vocabulary.mentions(text, confirmed) if m.entity))
    kinds = {vocabulary.kind_of(entity) for entity in named}
    if len(kinds) == len(named):
        return named
    entities = [vocabulary.facts.entity(entity) for entity in named]
    occupations = {entity.occupation if entity else None for entity in entities}
    return (occupations.pop(),) if len(occupations) == 1 and None not in occupations else ()


class BlockText:
    """A block's text and the entity mentions in all of it, found once for its sentences."""

    def __init__(self, block: Block, vocabulary: Vocabulary, confirmed: frozenset[str]) -> None:
        self.text = block.text
        self.surroundings = " ".join((block.text, *block.heading_path[-1:]))  # where a clashing name shows
        self._vocabulary = vocabulary
        self._confirmed = confirmed

    @cached_property
    def mentions(self) -> list[Mention]:
        return self._vocabulary.mentions(self.text, self._confirmed, self.surroundings)


class Sentence:
    """One sentence and what the decisions look up in it, each computed at most once."""

    def __init__(self, text: str, vocabulary: Vocabulary, confirmed: frozenset[str], context: str, block: "BlockText") -> None:
        self.text = text
        self.context = context  # the whole block when it is short enough to be one call to action
        self.block = block
        self.surroundings = block.surroundings
        self._vocabulary = vocabulary
        self._confirmed = confirmed
        self._cues: dict[str, list[int]] = {}

    @cached_property
    def asserts_nothing_current(self) -> bool:
        """A question ("Is the CCMA 200 questions or 180?"), a statement put to the reader to
        judge ("True or false: ...") or a sentence recounting the past ("Back in 2020 the
        projections called for 19%") states no current figure."""
        if self.text.rstrip().endswith("?") or _PUT_TO_THE_READER.search(self.text):
            return True
        if _WHOLE_QUOTE.search(self.text) or (_ATTRIBUTED_QUOTE.search(self.text) and _FIRST_PERSON.search(self.text)):
            return True
        if _RECOUNTED_RELEASE.search(self.text) or _NOT_YET.search(self.text):
            return True
        pattern = self._vocabulary.historical
        return pattern is not None and pattern.search(self.text) is not None

    @cached_property
    def is_marketing(self) -> bool:
        """Sales copy: a marketing phrase from the fact file."""
        pattern = self._vocabulary.marketing
        return pattern is not None and pattern.search(self.context) is not None

    @cached_property
    def quotes_retail_price(self) -> bool:
        """A shop price ("$14.99") in the sentence: sales copy, unless a pay period names it a wage."""
        # "... earn $21.25 an hour, $0.26 more than phlebotomists' $20.99": wages, by the period named beside them
        return RETAIL_PRICE.search(self.context) is not None and _PAY_PERIOD.search(self.text) is None

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
class Spot:
    """One quantity in its block, with the text around it that the decisions look at."""

    block: Block
    block_index: int
    quantity: Quantity
    sentence: tuple[int, int]
    before: str  # text from the previous quantity (or sentence start) up to this one
    after: str  # text from this quantity up to the next one (or sentence end)
    headers: str
    analysed: Sentence


def number_label(blocks: tuple[Block, ...], index: int, vocabulary: Vocabulary) -> str:
    """What names a block's number when the block itself does not: the term of a definition
    ("<dt>Exam length</dt><dd>3 hours</dd>"), the caption line of a stat card whose number
    stands alone ("180" above "CCMA exam questions"), or the label cells of a table row beyond
    its first ("Phlebotomists | Lowest 10% | $16.76")."""
    block = blocks[index]
    if block.kind == "table_cell":
        return " ".join(_row_labels(blocks, index, vocabulary))
    previous = blocks[index - 1] if index else None
    if block.kind == "definition" and previous is not None and previous.kind == "term":
        return previous.text
    if not _BARE_FIGURE.fullmatch(block.text):
        return ""
    neighbours = [n for n in (blocks[index + 1] if index + 1 < len(blocks) else None, previous) if n and n.kind != "heading"]
    # The caption inside the number's own card wins, even when it holds figures of its own
    # ("Scaled score needed to pass (200–500 scale)"); the card before it has a caption too.
    for neighbour in neighbours:
        if _in_same_card(block, neighbour) and _is_caption(neighbour.text, in_card=True):
            # "(100 scored)" qualifies its own figure, not the card's
            return " ".join(_FIGURE_ASIDE.sub(" ", neighbour.text).split())
    for neighbour in neighbours:
        if _is_caption(neighbour.text):
            return neighbour.text
    return ""


def _row_labels(blocks: tuple[Block, ...], index: int, vocabulary: Vocabulary) -> list[str]:
    """Texts of the cells left of a cell in its row, other than the row header, that state no
    number of their own (a qualifier phrase such as "Lowest 10%" is no number)."""
    cell = blocks[index]
    labels = []
    for earlier in range(index - 1, -1, -1):
        other = blocks[earlier]
        if other.kind != "table_cell" or other.table != cell.table or other.row != cell.row:
            break
        text = other.text
        if text != cell.row_header and _LETTER.search(text) and not _outside_phrases(find_quantities(text), text, vocabulary):
            labels.append(text)
    return labels[::-1]


def _is_caption(text: str, in_card: bool = False) -> bool:
    """A short line of words; inside the number's own card it may run longer and hold figures."""
    if not 0 < len(text) <= (CARD_CAPTION_MAX_CHARS if in_card else CAPTION_MAX_CHARS) or _BARE_FIGURE.fullmatch(text):
        return False
    return in_card or not any(ch.isdigit() for ch in text)


def _in_same_card(block: Block, other: Block) -> bool:
    """other sits inside the element that holds the number: its card."""
    parent = block.locator.rpartition(" > ")[0]
    return bool(parent) and other.locator.startswith(parent + " > ")


def spots(block: Block, index: int, vocabulary: Vocabulary, confirmed: frozenset[str], label: str) -> list[Spot]:
    quantities = _outside_phrases(find_quantities(block.text), block.text, vocabulary)
    if not quantities:
        return []
    if block.kind == "table_cell" and block.column_header:
        quantities = [_in_header_unit(q, block.column_header) for q in quantities]
    spans = sentence_spans(block.text)
    headers = " ".join(h for h in (block.row_header, block.column_header, label) if h)
    spots = []
    sentences: dict[tuple[int, int], Sentence] = {}
    shared = BlockText(block, vocabulary, confirmed)
    for position, quantity in enumerate(quantities):
        sentence = sentence_at(spans, quantity.start)
        if sentence not in sentences:
            text = block.text[sentence[0] : sentence[1]]
            context = block.text if len(block.text) <= CALL_TO_ACTION_MAX_CHARS else text
            sentences[sentence] = Sentence(text, vocabulary, confirmed, context, shared)
        previous_end = quantities[position - 1].end if position else 0
        next_start = quantities[position + 1].start if position + 1 < len(quantities) else len(block.text)
        before = block.text[max(sentence[0], previous_end) : quantity.start]
        after = block.text[quantity.end : min(sentence[1], next_start)]
        spots.append(Spot(block, index, quantity, sentence, before, after, headers, sentences[sentence]))
    return spots


def _in_header_unit(quantity: Quantity, header: str) -> Quantity:
    """A bare number under a header that gives its unit: "180" under "Time (min)", "36.2" under
    "Median ($K/yr)", "38" under "Share (%)"."""
    if quantity.unit != "count" or quantity.noun:
        return quantity
    unit = _HEADER_UNIT.search(header)
    if unit is None:
        return quantity
    if unit["percent"]:
        return replace(quantity, unit="percent")
    if unit["duration"]:
        return replace(quantity, unit=_HEADER_DURATIONS[unit["duration"].lower()])
    scale = 1000.0 if unit["thousands"] else 1.0
    per = {"yr": "year", "year": "year", "hr": "hour", "hour": "hour"}.get((unit["per"] or "").lower())
    return replace(quantity, low=quantity.low * scale, high=quantity.high * scale, unit="usd", per=per, approximate=quantity.approximate or scale > 1)


def _outside_phrases(quantities: list[Quantity], text: str, vocabulary: Vocabulary) -> list[Quantity]:
    """Drop numbers that belong to a qualifier phrase ("the lowest 10% earned...")."""
    if vocabulary.numeric_cues is None or not quantities:
        return quantities
    phrases = [(m.start(), m.end()) for m in vocabulary.numeric_cues.finditer(text)]
    return [q for q in quantities if not any(start <= q.start < end for start, end in phrases)]


# "110 of the 120 questions are scored": a part of the figure after it, named by what follows
PART_OF_NEXT = re.compile(r"\s*(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|those\s+)?$", re.IGNORECASE)


def clause_after(spot: "Spot") -> str:
    """The rest of the number's clause, from the number on."""
    rest = spot.analysed.text[spot.quantity.end - spot.sentence[0] :]
    return CLAUSE_BREAK.split(rest, 1)[0]


def clause_before(text: str) -> str:
    """The last clause of text: what stands between the previous clause break and its end."""
    return clauses_before(text, 1)


def clauses_before(text: str, count: int) -> str:
    """The last `count` clauses of text."""
    breaks = list(CLAUSE_BREAK.finditer(text))
    return text[breaks[-count].end() :] if len(breaks) >= count else text


def clause_distance(sentence: str, start: int, end: int, number_at: int, number_end: int | None = None) -> int:
    """Characters between a phrase and the number (its end, for a phrase after it: "the
    200-question RMA exam"), plus a penalty per clause boundary crossed."""
    low, high = (end, number_at) if end <= number_at else (number_at if number_end is None else number_end, start)
    between = sentence[low:high]
    return (high - low) + CLAUSE_PENALTY * len(CLAUSE_BREAK.findall(between))
