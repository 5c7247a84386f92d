"""Which tracked measure a number states, and its value in that measure's unit."""

from __future__ import annotations

import re

from checks.facts import Measure
from checks.model import Quantity
from checks.spots import PART_OF_NEXT, Spot, clause_after, clauses_before
from checks.vocabulary import PhraseMatcher, Vocabulary

HOURS_PER_YEAR = 2080
HOURLY_CEILING = 300
EXCLUDE_WINDOW_CHARS = 60
ADJACENT_CUE_CHARS = 30
TOPIC_AFTER_CHARS = 30
_PARALLEL_CLAUSE = re.compile(r"(?:;|,\s+(?:while|whereas|and|but))\s+[^;,]{1,60}$", re.IGNORECASE)
_CLAUSE_ENDS = re.compile(r"\s*(?:[.;!)]|$)")
_KEY_VALUE = re.compile(r"\s*[^:.;\n]{1,40}:\s*[^:;\n]{1,40}?\s*")
_EXTENT_VERB_BEFORE = re.compile(r"\b(?:runs?|lasts?)\s+(?:about\s+|roughly\s+|just\s+(?:over|under)\s+)?$", re.IGNORECASE)
_GIVEN_FOR_AFTER = re.compile(r"\s+for\s+\S", re.IGNORECASE)
_COUNTED_BEFORE = re.compile(r"\d[\d,]*\+?\s+((?:[A-Za-z][\w-]*\s+){0,3}[A-Za-z][\w-]*)\s*$")
_LEADING_FIGURE = re.compile(r"^[\d.,$\s]+")
_FROM_TO = re.compile(r"\bfrom\s+(?:about\s+|approximately\s+|roughly\s+)?[\d,.]+(?:\s+[a-z]+)?(?:\s+in\s+\d{4})?(?:\s+to\s*)?$|\bfrom\s+(?:about\s+|approximately\s+|roughly\s+|around\s+|nearly\s+)?$", re.IGNORECASE)
_OF_THEM = re.compile(
    r"^(?:of\s+(?:them|these|those)\s+(?:are\s+|is\s+|were\s+)?|of\s+which\s+(?:are|is|were)\s+|(?:are|is|were)\s+)",
    re.IGNORECASE,
)
# "$800 to $2,000, usually including the exam fee", "12 to 18 months from the first class to the
# externship sign-off": what a figure includes, or runs up to, does not make it that
_INCLUDED_BEFORE = re.compile(
    r"\b(?:including|includes|included|include)\s+(?:the\s+|your\s+|an?\s+)?(?:[\w-]+\s+){0,3}$"  # "include a supervised clinical externship"
    r"|(?:\b(?:through|until)|\bfrom\s[^,;]{1,60}?\sto)\s+(?:the|an?)\s+$",
    re.IGNORECASE,
)
# A new clause with its own verb: "3 hours to work through all 200 questions, so pace yourself at
# a minute per question" - the pacing words there say nothing about the 3 hours.
_NEW_CLAUSE = re.compile(r";\s|,\s+(?:so|but|yet|while|whereas|plus)\s", re.IGNORECASE)
# After the number a ", and" starts a clause of its own too ("the exam fee is $125, and many
# programs fold it into tuition").
_NEW_CLAUSE_AFTER = re.compile(r";\s|,\s+(?:so|but|yet|while|whereas|plus|and|or)\s", re.IGNORECASE)
_COORDINATION = re.compile(r"\s(?:and|or|plus)\s", re.IGNORECASE)
_SHARED_SUBJECT_VERB = re.compile(r"(?:takes|costs|lasts|runs|requires|needs)\b", re.IGNORECASE)
_PERIOD_BEFORE = re.compile(r"\b(?:hourly|per hour|an hour|annual|annually|yearly|per year|a year)\b[^$]*$", re.IGNORECASE)
_CONVERSIONS = {
    "minutes": {"minute": 1.0, "hour": 60.0, "day": 1440.0},
    "months": {"day": 1 / 30.4375, "week": 7 / 30.4375, "month": 1.0, "year": 12.0},
    "usd_year": {None: 1.0, "year": 1.0, "hour": float(HOURS_PER_YEAR), "month": 12.0, "week": 52.0},
}


def choose_measure(vocabulary: Vocabulary, spot: Spot) -> Measure | None:
    """The best-signalled measure that accepts this quantity's unit, or None."""
    quantity = spot.quantity
    number_at = quantity.start - spot.sentence[0]
    number_end = quantity.end - spot.sentence[0]
    sentence = spot.analysed.text
    # the header over the row labels counts too: "$19.10/h" in the row of a "Role (Meridian placements, 2026)" column
    own = _own_clause(sentence, number_at, number_end, number_at - len(spot.before))
    window = " | ".join((spot.headers, spot.block.corner_header or "", own))
    best: tuple[tuple[int, int], Measure] | None = None
    for measure in vocabulary.measures_accepting(quantity.unit):
        exclude = vocabulary.excludes[measure.id]
        if exclude is not None and any(not _INCLUDED_BEFORE.search(window, 0, m.start()) for m in exclude.finditer(window)):
            continue
        score = _signal(vocabulary, measure, spot)
        if score is not None and (best is None or score > best[0]):
            best = (score, measure)
    return best[1] if best else None


def _own_clause(sentence: str, number_at: int, number_end: int, previous_end: int) -> str:
    """The text around the number that an exclusion word is read in: a window either side, cut
    at a new clause, and at an "and" after the figure before ("$43,660 median pay and +10%
    growth": the pay word is the other figure's)."""
    start, end = max(0, number_at - EXCLUDE_WINDOW_CHARS), number_end + EXCLUDE_WINDOW_CHARS
    if previous_end > 0:
        joined = list(_COORDINATION.finditer(sentence, max(start, previous_end), number_at))
        if joined and _SHARED_SUBJECT_VERB.match(sentence, joined[-1].end()):
            # "a credential evaluation, which costs $150 to $250 and takes 3 to 6 weeks": the
            # second verb's subject is the first's, further back
            start = max(0, number_at - 2 * EXCLUDE_WINDOW_CHARS)
        elif joined:
            start = joined[-1].end()
    before = list(_NEW_CLAUSE.finditer(sentence, start, number_at))
    after = _NEW_CLAUSE_AFTER.search(sentence, number_end, end)
    return sentence[before[-1].end() if before else start : after.start() if after else end]


def _signal(vocabulary: Vocabulary, measure: Measure, spot: Spot) -> tuple[int, int] | None:
    """(strength, -distance) of the evidence that the quantity states this measure; a measure
    with a topic needs it named, and then outranks the measures that share its cue words."""
    if not measure.topic:
        return _cued_signal(vocabulary, measure, spot)
    if not _names_topic(vocabulary.topics[measure.id], spot):
        return None
    signal = _cued_signal(vocabulary, measure, spot)
    return (signal[0] + 1, signal[1]) if signal is not None else None


def _names_topic(topic: PhraseMatcher | None, spot: Spot) -> bool:
    """The sentence up to the number, the words right after it ("$250 to sit for the exam"), its
    table headers or its table's heading name the topic."""
    if topic is None:
        return False
    sentence = spot.analysed.text
    number_end = spot.quantity.end - spot.sentence[0]
    if topic.search(sentence[: spot.quantity.start - spot.sentence[0]]) or topic.search(
        sentence[number_end : number_end + TOPIC_AFTER_CHARS]
    ):
        return True
    if spot.headers and topic.search(spot.headers):
        return True
    block = spot.block
    return block.kind == "table_cell" and bool(block.heading_path) and topic.search(block.heading_path[-1]) is not None


def _cued_signal(vocabulary: Vocabulary, measure: Measure, spot: Spot) -> tuple[int, int] | None:
    quantity = spot.quantity
    if quantity.unit == "count" and not quantity.noun:
        counted = _count_broken_down(spot) or _count_of_parallel_clause(spot)
        if counted is not None:
            # "7 ACE college credits (5 for the CCMA plus 2 for the CPT)", "the CCMA earns 5 ACE
            # credits; the CPT earns 2": the number counts what the figure it echoes counts
            return (3, 0) if has_noun(vocabulary, measure, counted) else None
    if quantity.unit == "count" and measure.nouns:
        return _count_signal(vocabulary, measure, spot)
    if quantity.unit == "count" and quantity.noun:
        return None  # "one page ... pass it": a count of something the measure does not count
    rank = _cue_rank(vocabulary, measure, spot)
    if rank is None and _asked_in_heading(vocabulary, measure, spot):
        return (1, 0)  # an FAQ answer: "How long does medical assistant school take?" / "Anywhere from..."
    if rank is None and _EXTENT_VERB_BEFORE.search(spot.before) and _subject_has_measure(vocabulary, measure, spot):
        return (1, 0)  # "The CCMA runs two hours and forty minutes": the credential's own extent
    if rank is None and measure.unit == "usd_year" and quantity.per in ("hour", "year") and (
        _names_entity(spot) or _said_earlier_in_block(vocabulary, measure, spot)
    ):
        # "Phlebotomists: $43,660/yr ($19.89/hr)": a pay rate needs no pay word; nor does one
        # restating the wage the sentence before gave ("... that is about $20.99 an hour")
        return (1, 0)
    return (2, rank) if rank is not None else None


def _asked_in_heading(vocabulary: Vocabulary, measure: Measure, spot: Spot) -> bool:
    """The block answers the question its heading asks, and the question names the measure."""
    path = spot.block.heading_path
    cues = vocabulary.cues[measure.id]
    return bool(path) and path[-1].rstrip().endswith("?") and cues is not None and cues.search(path[-1]) is not None


def _count_broken_down(spot: Spot) -> str | None:
    """The counted phrase a bare number's open parenthesis follows, when the number is given for
    one of its parts ("7 ACE college credits" in "7 ACE college credits (5 for the CCMA plus 2
    for the CPT)"), or None."""
    if not _GIVEN_FOR_AFTER.match(spot.after):
        return None
    leading = spot.analysed.text[: spot.quantity.start - spot.sentence[0]]
    opened = leading.rfind("(")
    if opened < 0 or ")" in leading[opened:]:
        return None
    counted = _COUNTED_BEFORE.search(leading, 0, opened)
    return counted.group(1) if counted else None


def _count_of_parallel_clause(spot: Spot) -> str | None:
    """The counted phrase of the figure the clause before ends on, when this bare number ends a
    clause of its own after "; ", ", while" or ", and" ("... earns 5 ACE credits; the CPT earns 2.")."""
    if not _PARALLEL_CLAUSE.search(spot.before) or not _CLAUSE_ENDS.match(spot.after):
        return None
    leading = spot.analysed.text[: spot.quantity.start - spot.sentence[0] - len(spot.before)]
    counted = _COUNTED_BEFORE.search(leading)
    return counted.group(1) if counted else None


def _counts_something_else(vocabulary: Vocabulary, measure: Measure, quantity: Quantity) -> bool:
    """The count names its own plural noun ("34 units", not "200 multiple-choice"), one the
    measure does not count and no qualifier of it."""
    noun = quantity.noun or ""
    return noun.endswith("s") and not names_a_qualifier(vocabulary, measure, quantity.text)


def _subject_has_measure(vocabulary: Vocabulary, measure: Measure, spot: Spot) -> bool:
    """The clause before the figure names an entity the fact file holds this measure for."""
    leading = spot.analysed.text[: spot.quantity.start - spot.sentence[0]]
    clause_start = len(leading) - len(clauses_before(leading, 1))
    return any(
        m.entity and clause_start <= m.start and vocabulary.facts.facts_for(m.entity, measure.id)
        for m in spot.analysed.mentions
        if m.end <= len(leading)
    )


def _said_earlier_in_block(vocabulary: Vocabulary, measure: Measure, spot: Spot) -> bool:
    cues = vocabulary.cues[measure.id]
    return cues is not None and cues.search(spot.block.text[: spot.sentence[0]]) is not None


def _names_entity(spot: Spot) -> bool:
    return any(mention.entity for mention in spot.analysed.mentions)


def _count_signal(vocabulary: Vocabulary, measure: Measure, spot: Spot) -> tuple[int, int] | None:
    """A count states a counted measure through its own noun ("180 questions"); a bare count
    through the table header ("# of Questions"), a qualifier right after it whose noun comes
    later ("110 scored + 15 pretest items", "200 of which count"), or a cue just before it
    ("Employment Change, 2022-32 12,500")."""
    quantity = spot.quantity
    cued = _cue_rank(vocabulary, measure, spot)
    if measure.requires_cue and cued is None and not names_a_qualifier(vocabulary, measure, quantity.text):
        return None  # a qualifier in the counted phrase cues it too ("112,300 new medical assistant jobs")
    ranked = (3, cued if cued is not None else -10_000)
    if quantity.noun and has_noun(vocabulary, measure, quantity.text.replace("-", " ")):  # "a 150-question exam"
        return ranked
    if quantity.noun and cued is not None and _counts_entities(vocabulary, measure, spot):
        return ranked  # "764,400 medical assistants were employed"
    if spot.headers and has_noun(vocabulary, measure, spot.headers) and not _counts_something_else(vocabulary, measure, quantity):
        return ranked  # not "34 units" in an "Item | Cost" table
    following = _OF_THEM.sub("", (_LEADING_FIGURE.sub("", quantity.text) + spot.after).lstrip())
    qualified = any(p is not None and p.match(following) for _, p in vocabulary.qualifier_cues[measure.id])
    if qualified and has_noun(vocabulary, measure, spot.analysed.text):
        return ranked
    if quantity.noun:
        return None
    if PART_OF_NEXT.fullmatch(spot.after):
        clause = clause_after(spot)
        if has_noun(vocabulary, measure, clause) and names_a_qualifier(vocabulary, measure, clause):
            return ranked  # "Only 110 of the 120 questions are scored"
    cues = vocabulary.cues[measure.id]
    lead = spot.before[-ADJACENT_CUE_CHARS:]
    if (cues is not None and cues.search(lead)) or has_noun(vocabulary, measure, lead):
        return (2, 0)
    if cues is not None and cued is not None and cues.search(spot.headers):
        return (2, cued)  # ranked like any measure its label names, by where the label names it
    if cued is not None and _KEY_VALUE.fullmatch(spot.analysed.text) and names_a_qualifier(vocabulary, measure, spot.before):
        return (2, cued)  # "Scored: 110" under "CPT (NHA) exam": a qualifier's own line
    change = _FROM_TO.search(spot.analysed.text, 0, spot.quantity.start - spot.sentence[0])
    if change is not None:
        # "Employment is projected to rise from 811,000 in 2024 to 921,200 in 2034": both ends
        # of the change are the measure the clause names, in its clause or the one before ("is
        # projected to grow 12%, from 811,000 to ..."), or the starting figure's noun ("from
        # 811,000 jobs in 2024 to 912,200")
        leading = clauses_before(spot.analysed.text[: spot.quantity.start - spot.sentence[0]], 2)
        if (cues is not None and cues.search(leading)) or has_noun(vocabulary, measure, change.group(0)):
            return (2, 0)
    return None


def _cue_rank(vocabulary: Vocabulary, measure: Measure, spot: Spot) -> int | None:
    """Minus the distance from the number to the nearest cue in its sentence, or a low rank
    for a cue in the table headers or the table's heading; None without a cue. Ranks two counted measures that share
    a noun ("jobs": new jobs or employment)."""
    number_at = spot.quantity.start - spot.sentence[0]
    next_at = spot.quantity.end - spot.sentence[0] + len(spot.after)
    has_next = spot.quantity.unit == "count" and next_at < len(spot.analysed.text)
    # a count's cue past the next figure is that figure's ("from 811,000 jobs ... or roughly 101,200 new jobs")
    distances = [
        abs(position - number_at) for position in spot.analysed.cue_positions(measure.id) if not (has_next and position > next_at)
    ]
    if distances:
        return -min(distances)
    cues = vocabulary.cues[measure.id]
    if cues is None:
        return None
    named = cues.search(spot.headers) if spot.headers else None
    if named is not None:
        return -1000 - named.start()  # the label's first measure word is what it labels
    block = spot.block
    if not (block.heading_path and cues.search(block.heading_path[-1])):
        return None
    if block.kind == "table_cell" or _KEY_VALUE.fullmatch(spot.analysed.text) or names_a_qualifier(
        vocabulary, measure, spot.analysed.text
    ):
        # a table titled by its heading ("Pay percentiles": Lowest 10% | Median), "Label: value"
        # lines under one ("Medical assistant pay": "Median: $44,200/yr"), or a sentence naming
        # one of the measure's qualifiers there ("BLS reports a median of $44,200")
        return -2000
    return None


def names_a_qualifier(vocabulary: Vocabulary, measure: Measure, phrase: str) -> bool:
    """Whether the text names one of the measure's qualifiers ("scored", "median")."""
    return any(p is not None and p.search(phrase) for _, p in vocabulary.qualifier_cues[measure.id])


def _counts_entities(vocabulary: Vocabulary, measure: Measure, spot: Spot) -> bool:
    """The counted noun is the plural name of an entity of the kind the measure is held for: a
    count of medical assistants is a count of workers (not "900 phlebotomy students", not
    "1,100+ CMA practice questions")."""
    kinds = vocabulary.kinds_for(measure.id)
    start = spot.quantity.start - spot.sentence[0]
    end = spot.quantity.end - spot.sentence[0]
    sentence = spot.analysed.text
    return any(
        mention.entity and start < mention.start and mention.end == end and sentence[mention.end - 1] in "sS"
        and vocabulary.kind_of(mention.entity) in kinds
        for mention in spot.analysed.mentions
    )


def has_noun(vocabulary: Vocabulary, measure: Measure, text: str) -> bool:
    pattern = vocabulary.nouns[measure.id]
    return pattern is not None and pattern.search(text) is not None


def money_period(spot: Spot, measure: Measure, small_is_hourly: bool = True) -> str | None:
    """The period of a money figure: as written after it, else an "hourly wage of" or
    "annual salary of" before it or in its table headers ("Hourly"); a wage under $300 with no
    period can only be hourly (a difference of $100 can be a year's)."""
    quantity = spot.quantity
    if quantity.unit != "usd" or quantity.per is not None:
        return quantity.per
    lead = _period_named(spot.before[-40:]) or period_in_headers(spot)
    if lead:
        return lead
    return "hour" if small_is_hourly and measure.unit == "usd_year" and quantity.high < HOURLY_CEILING else None


def period_in_headers(spot: Spot) -> str | None:
    """The pay period a table header or a stat card's label gives ("Hourly", "Annual")."""
    return _period_named(spot.headers + " ") if spot.headers else None


def _period_named(text: str) -> str | None:
    lead = _PERIOD_BEFORE.search(text)
    if lead is None:
        return None
    return "hour" if lead.group(0).lower().startswith(("hour", "per hour", "an hour")) else "year"


def convert(quantity: Quantity, measure: Measure, per: str | None) -> tuple[float, float, str | None] | None:
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
