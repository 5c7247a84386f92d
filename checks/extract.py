"""From a document to claims: which numbers state a tracked measure, of what, and how.

For every quantity in a block (checks.spots) the extractor decides, in order:
1. the measure (checks.measures): the quantity's unit must be one the measure accepts, and a
   counted noun or a cue word in the sentence or the table headers must signal it, with no
   exclusion word ("practice" questions, months of "preparation") near the number;
2. the entity (checks.entities): the nearest mention in the sentence (a clashing or untracked
   name nearest the number means the figure is not ours); else the first entity the measure is
   known for in the table headers, earlier in the block, the headings or the title;
3. the qualifier, scope and period (checks.qualifiers): cue words attached to the number,
   the table headers, or the number's own clause; a state or work setting; the year or period.
Numbers in the site's own sales copy, scale maxima ("out of 500"), comparatives ("10% more"),
rows of a breakdown table and stated differences are not claims; differences are kept apart for
the arithmetic rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from checks.entities import choose_entity
from checks.facts import FactBase, Measure
from checks.measures import choose_measure, convert, has_noun, money_period, names_a_qualifier, period_in_headers
from checks.model import Block, Claim, Document, Evidence
from checks.quantities import find_quantities
from checks.qualifiers import choose_period, choose_qualifier, choose_scope
from checks.spots import CLAUSE_BREAK, PART_OF_NEXT, TOTAL_LABEL, Page, Spot, clause_after, clause_before, number_label, spots, subjects
from checks.vocabulary import PhraseMatcher, Vocabulary, vocabulary_for

_COMPARATIVE_AFTER = re.compile(
    r"\s*(?:more|less|fewer|higher|lower|above|below|faster|slower|longer|shorter|extra)\b", re.IGNORECASE
)
# "20 fewer minutes", "60 questions longer than the CPT": a difference, not the figure itself
_COMPARATIVE_INSIDE = re.compile(r"\d\S*\s+(?:more|fewer|less|extra)\s+[A-Za-z]", re.IGNORECASE)
_ABOUT = r"(?:about|approximately|around|roughly|nearly|almost|some|just|only)?\s*"
_REPORTED_BEFORE = re.compile(r"\b(?:said|say|says|claim(?:s|ed)?|list(?:s|ed)?|quot(?:e|es|ed)|wrote|write|writes)\s*[\"“]\s*$", re.IGNORECASE)
_HEDGED_BEFORE = re.compile(r"\b(?:like|maybe|probably)\s+(?:around\s+|about\s+)?$", re.IGNORECASE)
_DIFFERENCE_BEFORE = re.compile(
    rf"\b(?:difference|gap|gain|premium|increase|raise|rise|boost)\s+(?:of|is|was|will\s+be)\s+{_ABOUT}$"
    # "medical assistants out-earn phlebotomists by about $540", "beats it by $1.25 an hour"
    rf"|\b(?:out-?\w+|exceeds?|exceeded|beats?|trails?|lags?|tops?|more|less|higher|lower|ahead|behind)\b[^.;:]*\bby\s+{_ABOUT}$"
    # "pay varies by more than $20,000 a year between states": a spread
    rf"|\b(?:vary|varies|varied|ranges?|spread|swings?)\s+by\s+(?:more\s+than\s+|over\s+|up\s+to\s+)?{_ABOUT}$",
    re.IGNORECASE,
)
# "Washington | $55,330 | +$11,130" under "vs. U.S. median": the row's difference from another figure
_DIFFERENCE_HEADER = re.compile(r"\b(?:vs\b|versus\b|difference\b|compared\b|above\b|below\b|gap\b|change from\b)", re.IGNORECASE)
_THAN_AFTER = re.compile(r"\s*than\b", re.IGNORECASE)
_LONGER_THAN_AFTER = re.compile(r"\s*(?:longer|shorter)\s+than\b", re.IGNORECASE)
# "rounded to the nearest $10": a rounding step
_ROUNDING_BEFORE = re.compile(r"\bnearest\s+$", re.IGNORECASE)
# "390 out of 500", "a scaled 200-500 range", "rank #12 of 40": the scale, not the measure.
_SCALE_BEFORE = re.compile(
    r"\b(?:out\s+of(?:\s+a\s+possible)?|on\s+a\s+scale\s+of|scale\s+of|maximum\s+of|range\s+of"
    r"|scaled\s+(?:from|between)|scaled\s*[,:;])\s*$|\#\d+\s+of\s*$",
    re.IGNORECASE,
)
# "scores run from 200 to 500": a scale; "tuition ranges from $800 to $2,000" is the cost, "programs range from 4 to 8 months" the length
_SPAN_BEFORE = re.compile(r"\b(?:run|runs|range|ranges|go|goes)\s+(?:from|between)\s*$", re.IGNORECASE)
# "(a) 90 minutes (b) 2 hours (c) 3 hours": a quiz's answer options, none of them asserted
_OPTION_MARK = re.compile(r"(?:^|(?<=[\s:]))\(?[a-eA-E]\)\s*")
_OPTION_BEFORE = re.compile(r"(?:^|[\s:])\(?[a-eA-E]\)\s*$")
_ANSWER_BEFORE = re.compile(r"\b(?:answer|correct|solution)\s*(?:is\s*)?[:\-–—]?\s*\(?[a-eA-E]\)\s*$", re.IGNORECASE)
# "we previously said the CCMA has 150 questions", "an earlier version gave the CPT passing
# score as 400": a withdrawn figure, not the page's claim (what replaces it is)
_WITHDRAWN = re.compile(
    r"\b(?:previously|earlier|originally|formerly|mistakenly|incorrectly|erroneously|wrongly)\s+"
    r"(?:said|stated|gave|listed|reported|wrote|claimed|had|put|showed|quoted|cited|described)\b"
    r"|\b(?:earlier|previous|prior|older|original)\s+(?:version|edition|draft|revision)s?\b"
    r"|\b(?:used\s+to\s+say|misstated|misreported)\b"
    r"|\b(?:version|v)\s*\d+(?:\.\d+)?\s+(?:said|had|gave|listed)\b"  # 'Version 4 said the CPT had "100 questions"'
    r"|\(\s*was\s*$",  # "(was 150 minutes, now correctly 3 hours)"
    re.IGNORECASE,
)
# "a 70 on an AMT exam", "scored a 410 on the CPT": a score someone got, not a count
_SCORE_ON = re.compile(r"\s+on\s+(?:an?|the|your|their|my)\s+(?:[\w()-]+\s+){0,3}?(?:exam|test)\b", re.IGNORECASE)
# "390 / 500": the second number is the scale; "(4 x 40 min)": one part of a product
_SECOND_OPERAND = re.compile(r"\d\s*[/x×]\s*$")
OPERAND_WINDOW_CHARS = 8
# What follows a correction's withdrawing words and states the figure that replaces it
_REPLACEMENT_BREAK = re.compile(r"[;]|\s[–—]\s|\bbut\b|\bnow\b|\bactually\b|\bin fact\b")
# "Each segment has 50 questions": one part's share
_EACH_PART_BEFORE = re.compile(
    r"\beach\s+(?:of\s+the\s+(?:\w+\s+)?)?(?:segment|section|part|block|module|domain)s?\s+(?:has|holds|contains|is|of)\s+(?:about\s+)?$",
    re.IGNORECASE,
)
# "= 50 questions per segment": a part's share, not the whole
_PER_PART_AFTER = re.compile(r"\s*(?:per|in\s+each|for\s+each|each)\s+(?:segment|section|part|block|module|domain)s?\b", re.IGNORECASE)
# "four segments of 50 questions each": one part's count
_EACH_AFTER = re.compile(r"\s*(?:each|apiece)(?=\s*(?:[,.;:)]|$)|\s+(?:and|with|for|in|on|across)\b)", re.IGNORECASE)
IMPLAUSIBLE_FACTOR = 10
QUESTION_MAX_CHARS = 160
CARD_TITLE_MAX_CHARS = 60
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_]+")
_PARENTHESISED = re.compile(r"\([^)]*\)")
NAME_ONLY_HEADER_WORDS = 2
_SUMMED = re.compile(r"\d[^=]*=\s*$")
_SUM_FOLLOWS = re.compile(r"\s*\(\s*[\d.,]+\s*\+\s*[\d.,]+")  # "7 credits (5 + 2)"
_PLUS_AFTER = re.compile(r"\s*\+")
_PLUS_BEFORE = re.compile(r"\+\s*$")
# "Scaled score 200–500, need 390 to pass": a range right after the scale's name is the scale
_SCALE_NAMED_BEFORE = re.compile(r"\bscaled?(?:\s+score)?(?:\s+range)?\s*:?\s*$", re.IGNORECASE)
_CODE_BEFORE = re.compile(r"\b([A-Z]{2,5})\s?$")
# "Spokane Community College’s 11-week course", "the clinic’s six medical assistant jobs": one
# institution's own figure, not the occupation's or the credential's.
_INSTITUTION_OWNS = re.compile(
    r"\b(?:college|school|academy|institute|university|clinic|hospital|practice|employer|company|center|centre)['’]s\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
# "Length of Caprock's phlebotomy certificate": a named school's own program
_NAMED_PROGRAM = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*['’]s\s+(?:[\w-]+\s+){0,2}(?:program|programme|certificate|course|diploma)\b")
NAMED_PROGRAM_AFTER_CHARS = 60
# "you would reach question 165", "Version 5", "card 6 / 22": a number that names an item or a
# version, or counts cards
_ITEM_NUMBER_BEFORE = re.compile(
    r"\b(?:question|item|card|slide|page|chapter|step|lesson|module|unit|version|edition|revision|rev|v|level|tier|phase|route|option|pathway)\.?\s*#?$",
    re.IGNORECASE,
)
_COUNTER_AFTER = re.compile(r"\s*/\s*$")
_PAGE_REFERENCE = re.compile(r"\b(?:p|pp|pg|page|pages)\.?\s*$", re.IGNORECASE)
_MONTH_BEFORE_YEAR = r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+)?"
_YEAR_OF_LABEL = rf"\s*{_MONTH_BEFORE_YEAR}(?P<year>(?:19|20)\d\d)"  # "2019", "May 2023"
_DATE_LABEL = re.compile(rf"{_YEAR_OF_LABEL}\s*", re.IGNORECASE)
_VERSION_HEADER = re.compile(r"\b(?:version|edition|rev(?:ision)?|v\d+)\b", re.IGNORECASE)
_YEAR_IN = re.compile(r"\b(?P<year>(?:19|20)\d\d)\b")
_OLD_HEADER = re.compile(r"\s*(?:old|before|previous|prior|was|then)\b", re.IGNORECASE)
_NEW_HEADER = re.compile(r"\s*(?:new|after|now|current|updated)\b", re.IGNORECASE)
_DATE_LABEL_START = re.compile(rf"{_YEAR_OF_LABEL}\b(?![–-]\d)", re.IGNORECASE)
_DATED_HEADING = re.compile(rf"{_YEAR_OF_LABEL}\s*(?::|\s[–—-]\s)", re.IGNORECASE)
_HISTORY_HEADING = re.compile(r"\s*(?:a\s+)?(?:brief\s+|short\s+)?(?:history|historical\s+\w+)(?:\s+of\s+[^:]{1,40})?\s*", re.IGNORECASE)
TIMELINE_MIN_ENTRIES = 3
_TITLE_PARTS = re.compile(r"\s+[|–—-]\s+")
_PROGRAM_NAME = re.compile(
    r"\b(?:diploma|certificate(?:\s+program)?|program|course|associate(?:'s)?\s+degree|degree|a\.?a\.?s\.?)\s*(?:\([^)]*\))?\s*$", re.IGNORECASE
)
# "Nationally, medical assistant training typically runs three to six months": said of all programs
_GENERAL_STATEMENT = re.compile(
    r"\b(?:nationally|nationwide|national|across\s+the\s+(?:country|u\.?s\.?)|most\s+(?:[\w-]+\s+){0,3}?(?:programs|schools|students)"
    r"|in\s+general|generally|elsewhere|other\s+(?:programs|schools|colleges)|bls|bureau\s+of\s+labor)\b",
    re.IGNORECASE,
)
# the part of a title beside the program's name: the school, or the school's own book of it
_INSTITUTION_NAME = re.compile(
    r"\b(?:college|institute|school|academy|university|centre|center|handbook|catalog|catalogue|viewbook|prospectus)\b", re.IGNORECASE
)
_EXAMPLE_HEADING = re.compile(r"\s*(?:worked\s+|an?\s+)?example\b(?:\s*\d+)?\s*[:.–—-]?", re.IGNORECASE)
_STILL_CURRENT = re.compile(r"\b(?:since|now|today|currently|still|remains?)\b", re.IGNORECASE)
_NATIONAL = re.compile(r"\b(?:united states|u\.s\.|us|usa|national(?:ly)?|nationwide|all (?:states|(?:work )?settings|industries|employers))\b", re.IGNORECASE)
_SCALE_AFTER = re.compile(r"\s*(?:\(?scaled\)?\s+)?(?:score\s+)?(?:range|scale)\b", re.IGNORECASE)
_DIFFERENCE_AFTER = re.compile(
    r"\s*(?:(?:more|less|higher|lower|longer|shorter)(?:\s+(?:per|a|an|each|every|on)?\s*(?:year|hour|month|average))?\s+than|ahead\s+of|behind|above\s+the|below\s+the"
    # "a $540 difference", "a $540-a-year gap", "a $1.25 hourly edge"
    r"|(?:[\s-]+(?:a|an|per|each|every)[\s-]+(?:year|hour|month)|\s+(?:annual|yearly|hourly|pay|wage|salary))?[\s-]+(?:difference|gap|premium|edge|advantage))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class StatedDifference:
    """"a difference of about $540 per year": checked by the arithmetic rule, never a claim."""

    low: float
    high: float
    measure: str
    evidence: Evidence
    block_index: int
    entities: tuple[str, ...] = ()  # the entities its sentence compares, in order
    approximate: bool = False  # "roughly $500": rounded, so it may sit a rounding step off
    scope: str | None = None  # "California ... earn $12,140 more than the national median"


@dataclass(frozen=True, slots=True)
class Extraction:
    claims: tuple[Claim, ...]
    differences: tuple[StatedDifference, ...]


def extract(document: Document, facts: FactBase) -> Extraction:
    """Every claim about a tracked measure in the document, and every stated difference."""
    vocabulary = vocabulary_for(facts)
    confirmed = vocabulary.confirmed_aliases((document.title, *(b.text for b in document.blocks)))
    title_subjects = subjects(vocabulary, document.title, confirmed)
    page = Page(document, vocabulary, confirmed, title_subjects, _tables_with_total_row(document.blocks))
    page.entity_tables = _tables_with_entity_columns(page)
    intros = _table_intros(document.blocks)
    page.table_descriptions = _table_descriptions(document.blocks, intros)
    page.past_tables = _tables_of_the_past(intros, vocabulary)
    page.past_sections = _sections_stating_no_fact(document.blocks)
    page.past_rows = _rows_of_the_past(document.blocks)
    page.past_columns = _columns_of_the_past(document.blocks)
    page.one_program = _is_one_program_page(document.title)
    claims: list[Claim] = []
    differences: list[StatedDifference] = []
    blocks = document.blocks
    for index, block in enumerate(_under_their_questions(blocks)):
        for spot in spots(block, index, vocabulary, confirmed, number_label(blocks, index, vocabulary)):
            _read_spot(page, spot, claims, differences)
    return Extraction(tuple(claims), tuple(differences))


def _under_their_questions(blocks: tuple[Block, ...]) -> Iterator[Block]:
    """The blocks, each answer of an FAQ whose question is no heading (an accordion's
    <summary>, a bold line) read under its question as if it were one: "How many questions are
    on the CCMA exam?" / "There are 180 in total."."""
    question, section = "", ()
    for index, block in enumerate(blocks):
        if block.heading_path != section or block.kind == "heading":
            question, section = "", block.heading_path
        previous = blocks[index - 1] if index else None
        if block.kind in ("paragraph", "term") and len(block.text) <= QUESTION_MAX_CHARS and block.text.rstrip().endswith("?"):
            question = block.text
            yield block
        elif question and block.kind in ("paragraph", "list_item", "definition") and block.text.rstrip().endswith((".", "!")):
            yield replace(block, heading_path=(*block.heading_path, question))  # a written answer, not a stat card
        elif previous is not None and "\n" in block.text and _is_card_title(previous, block):
            # "Medical assistant pay" over "Median: $44,200/yr<br>Hourly: $21.25": the card's title
            yield replace(block, heading_path=(*block.heading_path, previous.text))
        else:
            yield block


def _is_card_title(title: Block, block: Block) -> bool:
    """A short line of words right before the block, in the same element."""
    parent = block.locator.rpartition(" > ")[0]
    return (
        title.kind == "paragraph" and len(title.text) <= CARD_TITLE_MAX_CHARS and not _DIGIT.search(title.text)
        and not title.text.rstrip().endswith((".", "!", "?", ":")) and bool(parent)
        and title.locator.rpartition(" > ")[0] == parent
    )


def _read_spot(page: Page, spot: Spot, claims: list[Claim], differences: list[StatedDifference]) -> None:
    vocabulary = page.vocabulary
    sentence_text = spot.analysed.text
    if spot.analysed.is_marketing or spot.analysed.asserts_nothing_current or spot.block.table in page.past_tables:
        return
    if spot.block.kind == "table_cell" and vocabulary.marketing is not None and vocabulary.marketing.search(spot.headers):
        return  # "✓ 4" under "Pro" in the row "CCMA mock exams (180 questions, 3-hour timer)"
    if spot.block.heading_path and spot.block.heading_path[-1] in page.past_sections and not _STILL_CURRENT.search(sentence_text):
        return  # not "Since 2024, the RPT requires 50 venipunctures" in the 2024 entry
    if (spot.block.table, spot.block.row) in page.past_rows or (spot.block.table, spot.block.column) in page.past_columns:
        return
    if _HEDGED_BEFORE.search(spot.before) or _ROUNDING_BEFORE.search(spot.before) or _REPORTED_BEFORE.search(spot.before):
        return  # "Mobile draws here pay like $21/hr": a guess in passing; "to the nearest $10": no figure;
        # 'older posts often said "150 questions"': what others wrote
    if _is_answer_option(spot) or _withdrawn(spot):
        return
    if spot.analysed.quotes_retail_price and period_in_headers(spot) is None:
        return
    measure = choose_measure(vocabulary, spot) or _compared_measure(page, spot)
    if measure is None:
        return
    difference = (
        _DIFFERENCE_BEFORE.search(spot.before) or _DIFFERENCE_AFTER.match(spot.after) or _in_difference_column(spot)
        or _more_than(spot)
    )
    converted = convert(spot.quantity, measure, money_period(spot, measure, small_is_hourly=not difference))
    if converted is None:
        return
    low, high, stated_unit = converted
    evidence = _evidence(page.document.url, spot)
    if difference:
        low, high = sorted((abs(low), abs(high)))  # "-$4,370" below the national median
        entities = tuple(dict.fromkeys(m.entity for m in spot.analysed.mentions if m.entity))
        if len(entities) == 1:
            # "It is also 50 minutes shorter than the CMA (AAMA)": the other side is the
            # figure's own subject, from its context
            own = choose_entity(page, spot, measure)
            entities = tuple(dict.fromkeys((own, *entities))) if own else entities
        differences.append(
            StatedDifference(
                low, high, measure.id, evidence, spot.block_index, entities, spot.quantity.approximate,
                choose_scope(vocabulary, spot, sentence_text),
            )
        )
        return
    if _states_something_else(page, spot, measure):
        return
    entity = choose_entity(page, spot, measure)
    if entity is None or _implausible(vocabulary.facts, entity, measure, low, high):
        return
    period = choose_period(spot, sentence_text)
    qualifier = (
        _qualifier_of_table(page, spot, measure)
        or choose_qualifier(vocabulary, measure, spot, sentence_text)
        or (_qualifier_of_period(vocabulary.facts, entity, measure, period) if period else None)
        or measure.default_qualifier
    )
    claims.append(
        Claim(
            entity=entity,
            measure=measure.id,
            qualifier=qualifier,
            low=low,
            high=high,
            unit=measure.unit,
            evidence=evidence,
            bound=spot.quantity.bound,
            approximate=spot.quantity.approximate,
            scope=choose_scope(vocabulary, spot, sentence_text),
            period=period,
            visible=spot.block.visible,
            stated_unit=stated_unit,
        )
    )


def _compared_measure(page: Page, spot: Spot) -> Measure | None:
    """"40 more minutes than the CPT", "50 minutes shorter than the CMA (AAMA)": a span of time
    compared with what an entity has is the measure of that unit the entity's kind has facts for
    (an exam's time limit for a credential, a program's length for an occupation)."""
    quantity = spot.quantity
    if not _more_than(spot) and not _LONGER_THAN_AFTER.match(spot.after):
        return None
    compared = [m.entity for m in spot.analysed.mentions if m.entity and m.start >= quantity.end - spot.sentence[0]]
    kind = page.vocabulary.kind_of(compared[0]) if compared else None
    return next(
        (m for m in page.vocabulary.measures_accepting(quantity.unit) if kind in page.vocabulary.kinds_for(m.id)),
        None,
    )


def _more_than(spot: Spot) -> bool:
    """"40 more minutes than the CPT", "$1.26 more than phlebotomists'": a comparative figure."""
    return bool(_COMPARATIVE_INSIDE.search(spot.quantity.text) and _THAN_AFTER.match(spot.after))


def _is_answer_option(spot: Spot) -> bool:
    """One of a quiz's lettered options, not the answer the quiz reveals."""
    return bool(
        _OPTION_BEFORE.search(spot.before)
        and len(_OPTION_MARK.findall(spot.analysed.text)) >= 2
        and not _ANSWER_BEFORE.search(spot.before)
    )


def _withdrawn(spot: Spot) -> bool:
    """The figure a correction note withdraws: named after the withdrawing words in its own
    clause ("an earlier version said 2 hours; it is actually 90 min." withdraws the 2 hours)."""
    leading = spot.analysed.text[: spot.quantity.start - spot.sentence[0]]
    clause = _REPLACEMENT_BREAK.split(leading)[-1]
    return _WITHDRAWN.search(clause) is not None


def _states_something_else(page: Page, spot: Spot, measure: Measure) -> bool:
    """A scale's bounds ("out of 500"), a page reference ("p. 4"), one institution's own figure
    ("the college's 11-week course"), a course code ("PHLB 101"), a comparative ("20 fewer
    minutes") or a part of a breakdown row: a number, but not the measure."""
    counted = measure.unit in ("points", "count")
    return bool(
        _SCALE_BEFORE.search(spot.before)
        or _SECOND_OPERAND.search(spot.block.text, max(0, spot.quantity.start - OPERAND_WINDOW_CHARS), spot.quantity.start)
        or (counted and _SPAN_BEFORE.search(spot.before))
        or (counted and spot.quantity.noun is None and _SCORE_ON.match(spot.after))
        or (measure.unit == "count" and _EACH_AFTER.match(spot.after))
        or (measure.unit == "count" and PART_OF_NEXT.fullmatch(spot.after) and not names_a_qualifier(page.vocabulary, measure, clause_after(spot)))
        or (counted and (_PER_PART_AFTER.match(spot.after) or _EACH_PART_BEFORE.search(spot.before)))
        or (counted and _ITEM_NUMBER_BEFORE.search(spot.before))
        or (measure.unit == "count" and _COUNTER_AFTER.match(spot.after))
        or (spot.quantity.is_range and _SCALE_NAMED_BEFORE.search(spot.before))
        or _SCALE_AFTER.match(spot.after)
        or _PAGE_REFERENCE.search(spot.before)
        or _INSTITUTION_OWNS.search(spot.before)
        or any(_NAMED_PROGRAM.search(text) for text in (spot.headers, clause_before(spot.before), spot.after[:NAMED_PROGRAM_AFTER_CHARS]))
        or _is_course_code(page.vocabulary, page, spot)
        or _COMPARATIVE_AFTER.match(spot.after)
        or _COMPARATIVE_INSIDE.search(spot.quantity.text)
        or _is_breakdown_row(page.vocabulary, measure, spot.block, page)
        or (page.one_program and measure.program_specific and not _GENERAL_STATEMENT.search(spot.analysed.text))
        or _counts_a_part(page.vocabulary, measure, spot)
    )


def _part_is_subject(parts: PhraseMatcher, spot: Spot, leading: str) -> bool:
    """"Clinical Patient Care is by far the biggest, with 84 scored items": the sentence's
    first clause names a part and no entity."""
    first = CLAUSE_BREAK.search(leading)
    subject = leading[: first.start()] if first else leading
    return parts.search(subject) is not None and not any(m.entity and m.end <= len(subject) for m in spot.analysed.mentions)


def _implausible(facts: FactBase, entity: str, measure: Measure, low: float, high: float) -> bool:
    """A figure ten times off every fact of its entity and measure is some other number that
    happens to sit near the measure's words ("the two jobs", "five minutes on a question",
    "scrubs cost $30 to $60", code 36415), not a wrong figure for it: typos and mix-ups land
    within a few times the truth. An entity with no facts of the measure is held to those of its
    kind ("two jobs come up again and again" is no occupation's employment)."""
    known = facts.facts_for(entity, measure.id)
    if not known:
        kind = facts.entity(entity)
        known = facts.facts_of_kind(kind.kind, measure.id) if kind else []
    values = [v for fact in known for v in (fact.low, fact.high) if v > 0]
    if not values:
        return False
    return high * IMPLAUSIBLE_FACTOR < min(values) or low > max(values) * IMPLAUSIBLE_FACTOR


def _counts_a_part(vocabulary: Vocabulary, measure: Measure, spot: Spot) -> bool:
    """"Biggest domain by far: 84 scored items", "Anatomy & Physiology is only 8 scored items",
    "Admin 12 + Communication 12 + Law & Ethics 7 = 31 items", "7 credits (5 + 2)": one part of
    a breakdown, or a sum of parts, in prose. A sum of qualified parts ("110 scored + 15
    pretest = 125") is whole."""
    parts = vocabulary.parts[measure.id]
    sentence = spot.analysed.text
    number_at, number_end = spot.quantity.start - spot.sentence[0], spot.quantity.end - spot.sentence[0]
    leading = sentence[:number_at]
    if parts is not None and (
        parts.search(clause_before(spot.before)) or _part_is_subject(parts, spot, leading)
        or (spot.block.kind == "definition" and parts.search(spot.headers))  # "<dt>Clinical Patient Care</dt><dd>84 items</dd>"
    ):
        return True
    operand = "=" in sentence and (_PLUS_AFTER.match(spot.after) or _PLUS_BEFORE.search(spot.before))
    if not (operand or _SUMMED.search(leading) or _SUM_FOLLOWS.match(sentence, number_end)):
        return False
    return not names_a_qualifier(vocabulary, measure, sentence)


def _in_difference_column(spot: Spot) -> bool:
    block = spot.block
    return block.kind == "table_cell" and _DIFFERENCE_HEADER.search(block.column_header or "") is not None


def _qualifier_of_period(facts: FactBase, entity: str, measure: Measure, period: str) -> str | None:
    """With no cue, the year can tell the qualifier: "912,200 jobs in 2034" is the projected
    employment when the fact file's projected figure is the 2034 one."""
    matching = {f.qualifier for f in facts.facts_for(entity, measure.id) if f.period == period}
    return matching.pop() if len(matching) == 1 and measure.default_qualifier not in matching else None


def _qualifier_of_table(page: Page, spot: Spot, measure: Measure) -> str | None:
    """A breakdown table's total row counts what its table counts: "Domain | Share of scored
    items | About this many items ... Total | 100% | 100", or a table introduced as "the scored
    items break down like this", totals the scored items."""
    block = spot.block
    if block.table not in page.totalled or not TOTAL_LABEL.match(block.row_header or ""):
        return None
    headers = " ".join(page.table_descriptions.get(block.table, ()))
    named = {
        qualifier for qualifier, pattern in page.vocabulary.qualifier_cues[measure.id]
        if pattern is not None and pattern.search(headers)
    }
    named.discard(measure.default_qualifier)
    return named.pop() if len(named) == 1 else None


def _is_course_code(vocabulary: Vocabulary, page: Page, spot: Spot) -> bool:
    """"PHLB 101", "MED 120": a catalog code, unless the capitals are one of our names."""
    code = _CODE_BEFORE.search(spot.before)
    return code is not None and not spot.quantity.noun and not vocabulary.mentions(code.group(1), page.confirmed)


def _tables_with_entity_columns(page: Page) -> frozenset[int]:
    """Tables with a column per entity ("Medical Assistant | Lab Assistant"): two columns whose
    headers name entities, or one whose header is little more than the name. One "Share of
    phlebotomist jobs" column in a work-setting table describes its figures, not whose they are."""
    named: dict[int, set[int]] = {}
    headed: set[int] = set()
    for b in page.document.blocks:
        if b.kind == "table_cell" and b.table is not None and b.column and b.column_header and page.entity_named(b.column_header):
            named.setdefault(b.table, set()).add(b.column)
            if _names_little_else(page, b.column_header):
                headed.add(b.table)
    return frozenset(table for table, columns in named.items() if len(columns) >= 2 or table in headed)


def _names_little_else(page: Page, header: str) -> bool:
    """"Phlebotomist pay", "CCMA exam (NHA)": at most two words besides the names."""
    rest, end = [], 0
    for mention in page.vocabulary.mentions(header, page.confirmed):
        rest.append(header[end : mention.start])
        end = max(end, mention.end)
    rest.append(header[end:])
    return len(_WORD.findall(_PARENTHESISED.sub(" ", " ".join(rest)))) <= NAME_ONLY_HEADER_WORDS


def _table_descriptions(blocks: tuple[Block, ...], intros: dict[int, str]) -> dict[int, tuple[str, ...]]:
    """Per table, what describes it: its introduction ("NHA's test plan breaks the scored items
    down like this:") and its column headers."""
    described: dict[int, dict[str, None]] = {table: {intro: None} for table, intro in intros.items()}
    for b in blocks:
        if b.kind == "table_cell" and b.table is not None:
            texts = described.setdefault(b.table, {})
            if b.column_header:
                texts[b.column_header] = None
    return {table: tuple(texts) for table, texts in described.items()}


def _table_intros(blocks: tuple[Block, ...]) -> dict[int, str]:
    """Per table, the paragraph or caption just before it."""
    intros: dict[int, str] = {}
    for index, b in enumerate(blocks):
        if b.kind == "table_cell" and b.table is not None and b.table not in intros:
            previous = blocks[index - 1] if index else None
            if previous is not None and previous.kind in ("paragraph", "caption") and previous.table is None:
                intros[b.table] = previous.text
            else:
                intros[b.table] = ""
    return {table: intro for table, intro in intros.items() if intro}


def _tables_of_the_past(intros: dict[int, str], vocabulary: Vocabulary) -> frozenset[int]:
    """Tables introduced as history ("Earlier projections, for comparison:"): their figures are
    what was said then, not claims."""
    pattern = vocabulary.historical
    return frozenset(t for t, intro in intros.items() if pattern is not None and pattern.search(intro))


def _sections_stating_no_fact(blocks: tuple[Block, ...]) -> frozenset[str]:
    """Headings whose sections state no current fact: a worked example ("Example 3: an
    experienced hospital phlebotomist"), a "History" section, and a timeline's entries
    older than its latest (three or more headings dated by a year that opens them, "2021: The
    projection peaks", or by a date label just before them in their entry, "<li><time>2019</time>
    <h3>BLS projects a boom</h3>")."""
    past = {b.text for b in blocks if b.kind == "heading" and (_HISTORY_HEADING.fullmatch(b.text) or _EXAMPLE_HEADING.match(b.text))}
    dated: dict[str, int] = {}
    for index, block in enumerate(blocks):
        if block.kind != "heading":
            continue
        opening = _DATED_HEADING.match(block.text)
        label = blocks[index - 1] if index else None
        if opening is None and label is not None and block.locator.startswith(f"{label.locator} > "):
            opening = _DATE_LABEL.fullmatch(label.text)
        if opening is not None:
            dated[block.text] = int(opening["year"])
    if len(dated) >= TIMELINE_MIN_ENTRIES:
        latest = max(dated.values())
        past.update(text for text, year in dated.items() if year < latest)
    return frozenset(past)


def _is_one_program_page(title: str) -> bool:
    """"Medical Assistant Diploma | Riverside Health Institute": a school's page about one of its
    programs, whose length and tuition are its own."""
    parts = _TITLE_PARTS.split(title)
    return len(parts) >= 2 and bool(_PROGRAM_NAME.search(parts[0])) and any(_INSTITUTION_NAME.search(part) for part in parts[1:])


def _rows_of_the_past(blocks: tuple[Block, ...]) -> frozenset[tuple[int, int]]:
    """A year-by-year table's rows older than its latest ("2019 | $35,510" above "2024 (latest) |
    $43,660"): three or more rows labelled by a year, each right for its year."""
    years: dict[int, dict[int, int]] = {}
    for block in blocks:
        if block.kind == "table_cell" and block.table is not None and block.row is not None:
            label = _DATE_LABEL_START.match(block.row_header or "")
            if label is not None:
                years.setdefault(block.table, {})[block.row] = int(label["year"])
    past = set()
    for table, rows in years.items():
        if len(rows) >= TIMELINE_MIN_ENTRIES:
            latest = max(rows.values())
            past.update((table, row) for row, year in rows.items() if year < latest)
    return frozenset(past)


def _columns_of_the_past(blocks: tuple[Block, ...]) -> frozenset[tuple[int, int]]:
    """A before/after table's old side: "Version 4 (2024)" beside "Version 5 (Fall 2026)", or
    "Before" beside "After" (or "Old" beside "New")."""
    headers: dict[int, dict[int, str]] = {}
    for block in blocks:
        if block.kind == "table_cell" and block.table is not None and block.column and block.column_header:
            headers.setdefault(block.table, {})[block.column] = block.column_header
    past = set()
    for table, columns in headers.items():
        versions = {c: int(year["year"]) for c, h in columns.items() if _VERSION_HEADER.search(h) and (year := _YEAR_IN.search(h))}
        if len(versions) >= 2:
            past.update((table, c) for c, year in versions.items() if year < max(versions.values()))
        if any(_NEW_HEADER.match(h) for h in columns.values()):
            past.update((table, c) for c, h in columns.items() if _OLD_HEADER.match(h))
    return frozenset(past)


def _tables_with_total_row(blocks: tuple[Block, ...]) -> frozenset[int]:
    """Tables with a "Total" row over rows in the same unit (a breakdown); a key-value table
    whose first row happens to be "Total questions | 120" above "Time limit | 105 minutes" is none."""
    columns: dict[tuple[int, int | None], list[Block]] = {}
    for b in blocks:
        if b.kind == "table_cell" and b.table is not None:
            columns.setdefault((b.table, b.column), []).append(b)
    totalled = set()
    for (table, _), cells in columns.items():
        totals = [c for c in cells if TOTAL_LABEL.match(c.row_header or "")]
        units = {c.row: _units(c.text) for c in cells}
        for total in totals:
            parts = [units[c.row] for c in cells if c.row != total.row and units[c.row]]
            if parts and all(unit == units[total.row] for unit in parts):
                totalled.add(table)
    return frozenset(totalled)


def _units(text: str) -> frozenset[str]:
    return frozenset(q.unit for q in find_quantities(text))


def _is_breakdown_row(vocabulary: Vocabulary, measure: Measure, block: Block, page: Page) -> bool:
    """A cell in a row labelled with a topic or category ("Clinical Patient Care | 84") counts a
    part of the measure, not the measure itself; only rows naming an entity, the measure or a
    qualifier ("Exam", "Total", "CCMA") or a place ("United States", "Texas") state the whole."""
    if block.kind != "table_cell" or not block.row_header:
        return False
    label, confirmed = block.row_header, page.confirmed
    if _NATIONAL.search(label) or (vocabulary.scopes is not None and vocabulary.scopes.search(label)):
        return False  # a row per place ("Texas | $38,000", "Hospitals | 38%") states the figure there
    if block.table in page.totalled and not TOTAL_LABEL.match(label):
        return True  # rows above a "Total" row are its parts ("Tuition", "Registration fee")
    if vocabulary.mentions(label, confirmed) or vocabulary.mentions(block.column_header or "", confirmed):
        return False
    cues = vocabulary.cues[measure.id]
    if (cues is not None and cues.search(label)) or has_noun(vocabulary, measure, label):
        return False
    return not any(pattern is not None and pattern.search(label) for _, pattern in vocabulary.qualifier_cues[measure.id])


def _evidence(url: str, spot: Spot) -> Evidence:
    start, end = spot.sentence
    quote = spot.block.text[start:end].strip()
    offset = start + (len(spot.block.text[start:end]) - len(spot.block.text[start:end].lstrip()))
    span = (spot.quantity.start - offset, spot.quantity.end - offset)
    return Evidence(url, spot.block.locator, quote, span, spot.block.heading_path, spot.block.position)
