"""Whose figure a number is: the entity named nearest it, or one its context names."""

from __future__ import annotations

import re

from checks.facts import Measure
from checks.quantities import find_quantities
from checks.sentences import sentence_spans
from checks.spots import CLAUSE_BREAK, PART_OF_NEXT, Page, Spot, clause_distance
from checks.vocabulary import Mention

SUBJECT_BONUS = 40
SUBJECT_MAX_START = 20  # where a sentence's subject can begin: "The PBT", "Unlike the CPC, the"
FOLLOWING_MENTION_CHARS = 30
_PRONOUN = re.compile(r"\b(?:their|they|its|it)\b", re.IGNORECASE)
_OPENS_WITH_PRONOUN = re.compile(r"\s*(?:its|it|that(?:'s|’s|\s+is)|this\s+(?:exam|test|credential))(?!\w)", re.IGNORECASE)
_COORDINATED = re.compile(r"\b(?:and|or|but|while)\s|,\s", re.IGNORECASE)
_PAIRED = re.compile(r"\bvs\b\.?|\bversus\b|\band\b|/", re.IGNORECASE)
_COMPARED = re.compile(r"\b(?:versus|vs\.?|compared (?:with|to)|than|whereas)\s", re.IGNORECASE)
_ADJECTIVES_JOINED = re.compile(r"\s*(?:,|,?\s*and)\s*")
# "75 successful venipunctures for AMT's RPT": given for the name after, an owner's possessive allowed
_GIVEN_FOR = re.compile(r"\s+(?:for|among|of)\s+(?:the\s+|all\s+|u\.s\.\s+)?(?:[A-Z]{2,6}['’]s\s+)?", re.IGNORECASE)
UNKNOWN_PAIR_PENALTY = 500
OTHER_KIND_PENALTY = 1000



def choose_entity(page: Page, spot: Spot, measure: Measure) -> str | None:
    """The entity the sentence names nearest the number; else the first context that names
    one the measure is known for (table headers, earlier in the block, headings innermost
    first, the title), or the occupation a credential in the headings certifies, or a heading
    entity of the kind the measure is about; else an unknown pairing from the headers or the
    block itself."""
    block = spot.block
    start, end = spot.sentence
    sentence = block.text[start:end]
    respective = _respectively(spot, sentence)
    if respective is not None:
        return respective
    candidates = _own_mentions(spot, sentence, spot.analysed.mentions + spot.analysed.foreign)
    if any(m.entity for m in candidates):
        named_after = _named_right_after(page, candidates, sentence, spot.quantity.end - start, measure)
        if named_after is not None:
            return named_after.entity or None
        nearest = _nearest(page, candidates, sentence, (spot.quantity.start - start, spot.quantity.end - start), measure)
        if not nearest or _kind_fits(page, nearest, measure):
            return nearest or None
        # "a phlebotomy program with at least 40 venipunctures" under "AMT RPT": the occupation
        # names the training, the heading names whose requirement it is
        return _from_context(page, spot, measure, fitting_only=True) or nearest
    if candidates or spot.analysed.foreign or _in_another_column(page, block) or _foreign_before(spot):
        return None
    return _from_context(page, spot, measure)


def _respectively(spot: Spot, sentence: str) -> str | None:
    """ "medical assistants come out ahead of phlebotomists ($44,200 vs. $43,660)": figures
    paired in parentheses after the names belong to them in order."""
    number_at = spot.quantity.start - spot.sentence[0]
    opened = sentence.rfind("(", 0, number_at)
    closed = sentence.find(")", number_at)
    if opened < 0 or closed < 0 or ")" in sentence[opened:number_at]:
        return None
    inner = sentence[opened + 1 : closed]
    if not _PAIRED.search(inner):
        return None
    starts = [opened + 1 + q.start for q in find_quantities(inner)]
    names = list(dict.fromkeys(m.entity for m in spot.analysed.mentions if m.entity and m.end <= opened))
    if len(starts) < 2 or len(starts) != len(names) or number_at not in starts:
        return None
    return names[starts.index(number_at)]


def _own_mentions(spot: Spot, sentence: str, mentions: list[Mention]) -> list[Mention]:
    """The sentence's mentions that can name this number: not those past the next number, or
    nearer it ("grow 12% and phlebotomist employment 6%"), nor the other side of a comparison
    ("180 questions versus the CPT's 120")."""
    number_end = spot.quantity.end - spot.sentence[0]
    next_at = number_end + len(spot.after)
    # "110 of the 120 questions on the NHA CPT exam", "a 2-hour, 180-question exam to earn the
    # CCMA": the names after the next figure are this one's too
    shared = PART_OF_NEXT.fullmatch(spot.after) or ("-" in spot.quantity.text and _ADJECTIVES_JOINED.fullmatch(spot.after))
    has_next = next_at < len(sentence) and not shared
    kept = []
    for mention in mentions:
        if mention.start >= number_end and _GIVEN_FOR.fullmatch(sentence, number_end, mention.start):
            kept.append(mention)  # "$44,200 for MAs vs $43,660": the figure is given for them
            continue
        if mention.start >= number_end:
            between = sentence[number_end : mention.start]
            if has_next and (
                mention.start >= next_at or next_at - mention.end < mention.start - number_end or _COORDINATED.search(between)
            ):
                continue
            if _COMPARED.search(sentence, number_end, mention.start):
                continue
        kept.append(mention)
    return kept


def _kind_fits(page: Page, entity: str, measure: Measure) -> bool:
    """The entity has a fact of the measure, or is of a kind that does; any entity fits a
    measure with no facts yet."""
    vocabulary = page.vocabulary
    kinds = vocabulary.kinds_for(measure.id)
    return not kinds or bool(vocabulary.facts.facts_for(entity, measure.id)) or vocabulary.kind_of(entity) in kinds


def _foreign_before(spot: Spot) -> bool:
    """The last name earlier in the block is one that is not ours (a box on the management
    accountant's CMA): the block's later figures are about it."""
    earlier = [m for m in spot.analysed.block.mentions if m.end <= spot.sentence[0]]
    return bool(earlier) and not earlier[-1].entity


def _from_context(page: Page, spot: Spot, measure: Measure, fitting_only: bool = False) -> str | None:
    headers = _header_entities(page, spot)
    close, far = _context_entities(page, spot, headers)
    facts = page.vocabulary.facts
    kinds = page.vocabulary.kinds_for(measure.id)
    # "Questions" under an "RMA (AMT)" column: a credential known by name only owns it, though
    # the page's title names one the fact file has figures for
    known = next(
        (e for e in close + far if facts.facts_for(e, measure.id) or (_name_only(page, e) and page.vocabulary.kind_of(e) in kinds)),
        None,
    )
    if known is None:
        # a salary on a page about the CCMA is the medical assistant's salary, and a program
        # length in the "NHA CPT" column the phlebotomist's
        certified = (facts.entity(e).occupation for e in headers + far if facts.entity(e))
        known = next((o for o in certified if o and facts.facts_for(o, measure.id)), None)
    if known is None:
        # "Passing Score: 390" under "What's on the CCMA Exam?": the kind of entity the measure
        # is about, even without a fact for this one; for a measure with no facts yet, the
        # nearest entity named ("Exam fee" in the "NHA CPT" column, a "Fee" row under "CMA exam
        # quick facts")
        known = next((e for e in close + far if page.vocabulary.kind_of(e) in kinds), None) if kinds else next(iter(close + far), None)
    if known is None and kinds:
        known = _sole_certifying_credential(page, far, measure)
    if fitting_only:
        return known
    return known or (close[0] if close else None)


def _sole_certifying_credential(page: Page, far: list[str], measure: Measure) -> str | None:
    """"120 questions, every one of them scored" in the recap of a phlebotomy page: the one
    credential the page names that certifies an occupation of the headings or title and has
    figures for the measure; a credential known by name only (the PBT) could own it as well."""
    facts = page.vocabulary.facts
    occupations = set(far)
    unsettled = not facts.has_measure_facts(measure.id)  # an exam fee: no credential has one yet
    candidates = frozenset(
        entity.id for entity in facts.entities
        if entity.occupation in occupations
        and (unsettled or facts.facts_for(entity.id, measure.id) or not facts.has_facts(entity.id))
    )
    named = page.named_on_page(candidates) if candidates else frozenset()
    return next(iter(named)) if len(named) == 1 else None


def _name_only(page: Page, entity: str) -> bool:
    """An entity the fact file knows by name but has no figures for (the RMA)."""
    return not page.vocabulary.facts.has_facts(entity)


def _named_right_after(page: Page, mentions: list[Mention], sentence: str, number_end: int, measure: Measure) -> Mention | None:
    """"12% for medical assistants and 6% for phlebotomists", "57% of medical assistants": a
    name the figure is given for, right after it, owns it whatever stands nearer before it,
    when it is the kind of thing the measure is about ("180 questions for medical assistants"
    counts an exam's questions, not the occupation's)."""
    following = [m for m in mentions if m.start >= number_end]
    first = min(following, key=lambda m: m.start, default=None)
    if first is None or not _GIVEN_FOR.fullmatch(sentence, number_end, first.start):
        return None
    vocabulary = page.vocabulary
    if first.entity and vocabulary.kind_of(first.entity) not in vocabulary.kinds_for(measure.id):
        return None
    return first


def _in_another_column(page: Page, block) -> bool:
    """A cell under a column for something else: a name the fact file does not track ("CNA"),
    or a column that names no entity in a table whose other columns do ("Medical Assistant |
    Lab Assistant" when only one of them is tracked)."""
    header = block.column_header
    if block.kind != "table_cell" or not header or page.entity_named(header):
        return False
    foreign = page.vocabulary.foreign
    if foreign is not None and foreign.search(header):
        return True
    return bool(block.column) and block.table in page.entity_tables


def _context_entities(page: Page, spot: Spot, headers: list[str]) -> tuple[list[str], list[str]]:
    """Entities named around the sentence: close (its table headers' entities, given, then the
    block before it, nearest first) and far (headings innermost first, then the title)."""
    block = spot.block
    earlier = [m for m in spot.analysed.block.mentions if m.end <= spot.sentence[0]]
    close = headers + _antecedent(spot, earlier) + _latest_sentence_first(spot.block.text, earlier)
    far: list[str] = []
    for heading in reversed(block.heading_path):
        named = page.subjects_named(heading)
        if not named and page.names_other(heading):
            return close, far  # under "RMA (AMT)" the page's own subject no longer applies
        far.extend(named)
    return close, far + list(page.title_subjects)


def _latest_sentence_first(text: str, earlier: list[Mention]) -> list[str]:
    """Earlier names, the nearest sentence first, each sentence's subject before the names it
    compares with ('"The CCMA is 200 questions, same as the CMA." Do this instead: plan for 180
    questions.': the CCMA)."""
    starts = [start for start, _ in sentence_spans(text)]
    def sentence_of(mention: Mention) -> int:
        return max((i for i, start in enumerate(starts) if start <= mention.start), default=0)
    ordered = sorted(earlier, key=lambda m: (-sentence_of(m), m.start))
    return [m.entity for m in ordered if m.entity]


def _header_entities(page: Page, spot: Spot) -> list[str]:
    block = spot.block
    return [e for h in (block.column_header, block.row_header, spot.headers) if h for e in page.subjects_named(h)]


def _antecedent(spot: Spot, earlier: list[Mention]) -> list[str]:
    """"The CMA (AAMA) has 20 more questions than the CCMA. Its 200 questions ...": a sentence
    that opens with a pronoun is about the previous sentence's subject, not its last name."""
    block_text = spot.block.text
    if not _OPENS_WITH_PRONOUN.match(block_text, spot.sentence[0]):
        return []
    previous_start = next((start for start, end in reversed(sentence_spans(block_text[: spot.sentence[0]])) if start < end), 0)
    subject = next((m for m in earlier if m.start >= previous_start), None)
    return [subject.entity] if subject is not None and subject.entity else []


def _nearest(page: Page, mentions: list[Mention], sentence: str, number: tuple[int, int], measure: Measure) -> str:
    """The closest mention, preferring entities the measure is known for, then entities of the
    kind it is known for ("the CPT phlebotomy exam": an exam time limit belongs to the
    credential, not the occupation)."""
    vocabulary = page.vocabulary
    number_at = number[0]
    subject = min(mentions, key=lambda m: m.start)
    clause_start = number_at - len(CLAUSE_BREAK.split(sentence[:number_at])[-1])
    refers_back = bool(_PRONOUN.search(sentence, clause_start, number_at)) and not any(
        clause_start <= m.start < number_at + FOLLOWING_MENTION_CHARS for m in mentions
    )  # "... 4 to 8 months for phlebotomy": a name right after the figure still owns it

    backed = any(m.entity and vocabulary.facts.facts_for(m.entity, measure.id) for m in mentions)

    def cost(mention: Mention) -> int:
        distance = clause_distance(sentence, mention.start, mention.end, *number)
        if mention is subject and refers_back:
            return 0  # "Medical assistants earn more, but their training is longer: 9 months to 2 years"
        if mention is subject and not mention.entity and mention.end <= number_at and mention.start <= SUBJECT_MAX_START:
            # a sentence about another credential: "The PBT is the ASCP's counterpart to the NHA
            # CPT, ... you answer 100 questions"; not "Graduates who want to move into patient
            # care technician roles can continue into the CPCT/A pathway"
            distance -= SUBJECT_BONUS
        if not mention.entity or vocabulary.facts.facts_for(mention.entity, measure.id):
            return distance
        kind_known = vocabulary.kind_of(mention.entity) in vocabulary.kinds_for(measure.id)
        if kind_known and (_name_only(page, mention.entity) or not backed):
            # "the 200-question RMA exam": no figures to pair with, but the kind that has them;
            # "patient care technician roles ... the CPCT/A pathway ... NHA's 135-question exam":
            # with no name in the sentence that has the measure's figures, the credential still
            # beats a name the fact file does not track
            return distance
        return distance + (OTHER_KIND_PENALTY if not kind_known else UNKNOWN_PAIR_PENALTY)

    return min(mentions, key=cost).entity


