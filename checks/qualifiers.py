"""How a figure is qualified: its qualifier (scored, median, openings...), its scope (a state or
work setting) and its period (the statistic's year or year range)."""

from __future__ import annotations

import re

from checks.facts import Measure
from checks.quantities import YearSpan, find_years
from checks.spots import CLAUSE_BREAK, PART_OF_NEXT, Spot, clause_after, clause_before, clause_distance
from checks.vocabulary import PhraseMatcher, Vocabulary

# "811,000 jobs in 2024", "$44,200 (2024)": only a preposition or bracket between number and year
_LABELS_NUMBER = re.compile(r"\s*(?:[a-z]+\s+)?(?:in|for|as of|during)?\s*\(?\s*$", re.IGNORECASE)
# "grow from 811,000 ... to 912,200": where a change starts (not "Fast-track: from 3 weeks")
_STARTING_POINT = re.compile(
    r"\b(?:grow|rise|increase|climb|jump|expand|go|fall|drop|decline|growth|change)\w*\b[^.;]{0,40}?"
    r"\bfrom\s+(?:about|approximately|around|roughly|nearly)?\s*$",
    re.IGNORECASE,
)
# "... $36,320 a year. That's the May 2020 number": the next sentence dates the figure.
_DATED_NEXT = re.compile(
    r"\s*(?:that|this|it)(?:'s|’s|\s+is|\s+was)\s+(?:the|a|an)\s+(?:[A-Za-z]+\.?\s+)?(?P<year>(?:19|20)\d{2})"
    r"\s+(?:number|figure|data|estimate|stat|statistic|median|average)\b",
    re.IGNORECASE,
)
_EVERY_ONE = re.compile(
    r"\s*[,(:–—-]?\s*(?:and\s+)?(?:every\s+one|each\s+one|all|each|every\s+question|every\s+item)"
    r"(?:\s+of\s+(?:them|which|these|those))?\s+(?:is\s+|are\s+|being\s+|gets\s+|get\s+)?",
    re.IGNORECASE,
)
_COMPARING = re.compile(r"\b(?:half|twice|thrice|times|quarter|third|just|nearly|almost|not|roughly|about)\s+$", re.IGNORECASE)
# What follows a number stays its own up to a clause edge or a conjunction: in "less than
# $35,020 and the highest 10% more than $57,830" the highest-10% cue is the next figure's.
# "..., and its exam gives you": a new statement with its own subject ("..., with a median of" is not)
_NEW_STATEMENT = re.compile(r";|,?\s(?:and|but|while|whereas|so|yet)\s", re.IGNORECASE)
_NEW_SUBJECT = re.compile(r";|,?\s(?:and|but|so|yet)\s", re.IGNORECASE)  # not "while": a comparison carries its qualifier over
_SETTING_BEFORE = re.compile(r"\b(?:in|at|across|within|throughout|for)\s+(?:the\s+|a\s+|most\s+|many\s+)?$", re.IGNORECASE)
_ATTACHED_END = re.compile(r"[(,;:]|\s[–—-]\s|\s(?:and|or|but|while|whereas)\s", re.IGNORECASE)



def choose_qualifier(vocabulary: Vocabulary, measure: Measure, spot: Spot, sentence: str) -> str | None:
    """The qualifier cue words give the number, or None when nothing names one."""
    cues = vocabulary.qualifier_cues[measure.id]
    if not cues:
        return None
    leading = sentence[: spot.quantity.start - spot.sentence[0] - len(spot.before)]
    if PART_OF_NEXT.fullmatch(spot.before) and leading[-1:].isdigit():
        return measure.default_qualifier  # the whole in "110 of the 120 questions are scored", not "four segments of 40 minutes"
    if PART_OF_NEXT.fullmatch(spot.after):
        # the part in it: the qualifier its clause names
        named = [qualifier for qualifier, pattern in cues if _cues_in(pattern, clause_after(spot))]
        if len(named) == 1:
            return named[0]
    attached = spot.quantity.text + " " + _ATTACHED_END.split(spot.after[:30], 1)[0]
    named = [qualifier for qualifier, pattern in cues if _cues_in(pattern, attached)]
    if named:
        return named[0] if len(named) == 1 else _closest_qualifier(cues, spot, measure)
    every = _EVERY_ONE.match(spot.after)
    if every is not None:
        # "120 questions, every one of them scored": the qualifier is the whole count's
        named = [qualifier for qualifier, pattern in cues if pattern is not None and pattern.match(spot.after[every.end() :])]
        if named:
            return named[0]
    if _STARTING_POINT.search(sentence, 0, spot.quantity.start - spot.sentence[0]):
        return measure.default_qualifier  # "grow from 811,000 ... to 912,200": where it starts
    nearest = _nearest_cue_before(cues, spot.before)
    if nearest:
        return nearest
    named = [qualifier for qualifier, pattern in cues if _cues_in(pattern, spot.headers)]
    if len(named) > 1:
        # "Total" row of a "Scored items" column: the total of the scored items
        named = [q for q in named if q != measure.default_qualifier]
    if named:
        return named[0] if len(named) == 1 else _closest_qualifier(cues, spot, measure)
    # its own statement: not "needs a 390 scaled score, and its exam has 120 questions" (but "On
    # the higher end, MAs could earn up to $57,830, while phlebotomists reached $57,750")
    leading = _NEW_SUBJECT.split(sentence[: spot.quantity.start - spot.sentence[0]])[-1]
    in_sentence = {qualifier for qualifier, pattern in cues if _cues_in(pattern, leading)}
    if len(in_sentence) == 1:
        return in_sentence.pop()
    return None


def _cues_in(pattern: PhraseMatcher | None, text: str) -> list[re.Match[str]]:
    """The cue's matches in text, less those that compare ("about half as long as medical
    assistant programs" states no maximum)."""
    if pattern is None:
        return []
    return [
        match for match in pattern.finditer(text)
        if not (match.group(0)[:3].lower() == "as " and _COMPARING.search(text, 0, match.start()))
    ]


def _closest_qualifier(cues: list, spot: Spot, measure: Measure) -> str:
    """When several qualifiers are named next to the number, the one closest to it wins."""
    text = spot.before[-30:] + spot.quantity.text + spot.after[:30]
    number_at = len(spot.before[-30:])
    best = min(
        ((abs(match.start() - number_at), qualifier) for qualifier, pattern in cues for match in _cues_in(pattern, text)),
        default=(0, measure.default_qualifier),
    )
    return best[1]


def _nearest_cue_before(cues: list, before: str) -> str | None:
    """The qualifier named last before the number in its own clause, back to the previous
    number ("..., and the highest 10 percent earned more than $57,830"); a cue behind a clause
    break belongs to the figure before it ("150 of which count, and the CPT has 120")."""
    clause = clause_before(before)
    found = [(match.end(), qualifier) for qualifier, pattern in cues for match in _cues_in(pattern, clause)]
    return max(found)[1] if found else None


def choose_scope(vocabulary: Vocabulary, spot: Spot, sentence: str) -> str | None:
    """The state or work setting the figure is for: named before the number, or after it in
    the same clause ("32% worked in medical and diagnostic laboratories")."""
    if vocabulary.scopes is None:
        return None
    number_at = spot.quantity.start - spot.sentence[0]
    candidates = [
        m for m in spot.analysed.scopes
        if (m.end() <= number_at and _frames(sentence, m, number_at))
        or (m.start() >= number_at and not CLAUSE_BREAK.search(sentence, number_at, m.start()))
    ]
    if candidates:
        best = min(candidates, key=lambda m: clause_distance(sentence, m.start(), m.end(), number_at))
        return _canonical_scope(vocabulary, best.group(0))
    in_headers = vocabulary.scopes.search(spot.headers) if spot.headers else None
    return _canonical_scope(vocabulary, in_headers.group(0)) if in_headers else None


def _frames(sentence: str, scope: re.Match[str], number_at: int) -> bool:
    """A place named before the number scopes it from its own statement ("Outpatient care
    centers pay best, with a median of $47,230"), or from an earlier one as a setting ("In
    Texas, ..."), not as the subject of another statement ("A few hospital systems prefer the
    AMT credential, and its exam gives you 2.5 hours")."""
    return not _NEW_STATEMENT.search(sentence, scope.end(), number_at) or _SETTING_BEFORE.search(sentence, 0, scope.start()) is not None


def _canonical_scope(vocabulary: Vocabulary, matched: str) -> str:
    return vocabulary.facts.scope_name(matched)


def choose_period(spot: Spot, sentence: str) -> str | None:
    """The year or period that labels the number: one right after it ("811,000 jobs in 2024"),
    else the nearest before it ("The 2019-29 cycle projected 17%"), else the nearest after it
    ("12% by 2034"); else one in the table headers."""
    number_at = spot.quantity.start - spot.sentence[0]
    number_end = spot.quantity.end - spot.sentence[0]
    years = spot.analysed.years
    if years:
        right_after = [y for y in years if y.start >= number_end and _LABELS_NUMBER.match(sentence, number_end, y.start)]
        before = [y for y in years if y.end <= number_at]
        after = [y for y in years if y.start >= number_end]
        chosen = right_after[:1] or before[-1:] or after[:1] or years[:1]
        return _format_period(chosen[0])
    for header in (spot.block.row_header, spot.block.column_header):
        header_years = find_years(header) if header else []
        if header_years:
            return _format_period(header_years[0])
    dated_next = _DATED_NEXT.match(spot.block.text, spot.sentence[1])
    return dated_next["year"] if dated_next else None


def _format_period(span: YearSpan) -> str:
    return f"{span.start_year}-{span.end_year}" if span.end_year else str(span.start_year)
