"""The quantity grammar: every number span in a piece of page text, and every year.

`find_quantities` makes one pass over the text and stops only where a quantity can start: a
digit, sign, "$" or "(", or a number word (all patterns are compiled at import; a 30 KB page
takes a few milliseconds). There it first tries the things that look numeric but are not
quantities (dates, times of day, phone numbers, list markers, calendar years and year periods)
and skips past them; otherwise it reads the number outwards with small anchored patterns:

    [cue words] SIDE [connector [cue] SIDE] [noun phrase | per-period] [or more/less]
    SIDE = [-][$ or $$] digits-or-words [(the same number again)] [thousand/million/k] [+] [unit]

- Numbers: "112,300", "2.5", "$41000", "$$43,100" (typo), "45k" after "$", words from one to
  nineteen, the tens, "twenty-five", "a hundred", "a dozen"; "twenty-five (25)" is one number.
  A number written in words must carry a unit or a noun ("one of the highest" is not a count).
- Units: "%" / "percent" -> percent; minute/hour/day/week/month/year from "3 hours", "3-hour",
  "2h", "2 hrs", "90 min", "7-10 business days"; "$" or "dollars" -> usd with `per` read from
  "per hour", "an hour", "/hr", "hourly", "a year", "annually", "per annum"; "points", "pts",
  "(scaled)", "N/M" with M >= 100 ("380/500"), a number after "scaled" or before "on a scaled"
  -> points. Anything else is a count; `noun` is the head noun of the up-to-four words that
  follow on the same line, lower-cased as written ("150 scored multiple-choice questions" ->
  "questions"): the first plural word, else the last word that is not a participle or adverb.
- Ranges: "4 to 8 months", "30–50", "3-7 weeks", "$16-$23 per hour", "between 5 and 9
  months" ("and" joins only after "between", or before an upper cue as in "as low as $600 and as
  high as $3,500"). A side without a unit takes the other side's; two durations are converted to
  the smaller unit ("9 months to 2 years" -> 9-24 month; a month is 365.25/12 days, values are
  rounded to 2 decimals). Sides with incompatible units, or a low above the high, are not joined.
- Compound durations: "1 hour and 45 minutes", "2 years 6 months" -> one quantity in the
  smaller unit (105 minute).
- Bounds: cue words before the number set `bound` ("at least", "as little as", "over", "more
  than" -> min; "up to", "as long as", "under", "less than", "no more than" -> max), as do a "+"
  suffix ("590+", "$400 – $2,500+": the top is open, so the range reads as a minimum) and a
  following "or more"/"or less". A range closed by an upper cue has no bound. "about",
  "approximately", "around", "roughly", "nearly", "almost", "some", "~" set `approximate`.
- Vague amounts ("a few weeks", "several", "many") are not quantities: "a few weeks to as long
  as two years" yields only "two years" with bound max.

Span convention: a span starts at the sign, currency symbol or first digit/number word and ends
after the last unit, noun or per-period; cue words ("at least", "about", "between", "~") and
"or more" stay outside the span and are reported through `bound` / `approximate`.

Not quantities: years 1900-2100 written as four bare digits and year periods ("2024 to 2034",
"2024–34", "between 2024 and 2034"; `find_years` reports them) unless a unit or "%" follows;
dates ("May 6, 2024", "Oct 16", "2026-06-18", "5/6/2024"), times ("10:30", "9 a.m."), phone
numbers, numbers glued to letters ("CPT-1", "G-12345", "H1", "3D"), "#1", a list marker opening
the text ("1. "), fractions and ratios that are not scores ("24/7", "1/2"), version numbers.
Ordinals with digits are kept ("10th percentile" -> 10); ordinal words ("first") are not numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from checks.model import Quantity
from checks.textcache import per_text, words_in

__all__ = ["YearSpan", "find_quantities", "find_years"]

# Whitespace that stays on one line (NBSP and thin spaces included): a number's unit, noun or
# range partner is never on the next line of a flattened table or card.
_SP = r"[^\S\r\n]"

_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNDER_100 = rf"(?:(?:{_TENS})(?:[- ](?:{_ONES}))?|{_TEENS}|{_ONES})"
_WORD_NUMBER = (
    rf"(?:(?<![\w-])|(?<=\bto-))(?:(?:a|{_ONES})[ ]hundred(?:[ ](?:and[ ])?{_UNDER_100})?"
    rf"|{_UNDER_100}|(?:a[ ])?dozen)(?!\w)"
)
_WORD_VALUES = (
    {"a": 1}
    | {word: value for value, word in enumerate(f"{_ONES}|{_TEENS}".split("|"), start=1)}
    | {word: 20 + 10 * i for i, word in enumerate(_TENS.split("|"))}
)
_WORD_MULTIPLIERS = {"hundred": 100, "dozen": 12}

# Longer numerals are identifiers (order or tracking numbers), never amounts.
_MAX_DIGITS = 15
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUMBER = (
    rf"(?P<neg>(?<![^\s(])[-−])?(?P<cur>\$\$?{_SP}?)?(?<![\w#.,/:])(?:(?<![A-Za-z]-)|(?<=\bto-))(?<![A-Za-z]\()"
    rf"(?P<digits>{_DIGITS})(?![\d]|[.,]\d)(?P<tail>(?:[:/]\d+)+)?(?P<glued>[A-Za-z]+)?"
)

_MONTH = (
    r"(?-i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DURATION_WORDS = r"minutes?|hours?|days?|weeks?|months?|years?"
_YEAR_CORE = r"(?:19\d\d|20\d\d|2100)"
_YEAR_START = r"(?<![\w$.,/#:])(?<![A-Za-z]-)"
# A bare year-like number followed by a unit is an amount ("2000 hours"), not a year.
_YEAR_END = (
    rf"(?![\d%]|[.,:]\d|[-/]\d{{1,2}}[-/]|{_SP}*(?:%|per{_SP}?cent\b)"
    rf"|(?:{_SP}+|-)(?:{_DURATION_WORDS})(?!\w))"
)
_YEAR_DASH = rf"{_SP}*[-–—/]{_SP}*"
_YEAR_WORD = rf"{_SP}+(?:to|through|until){_SP}+"
_YEAR_PERIOD = (
    rf"{_YEAR_START}{_YEAR_CORE}{_YEAR_END}"
    rf"(?:(?:{_YEAR_DASH}|{_YEAR_WORD}|{_SP}+and{_SP}+){_YEAR_CORE}|{_YEAR_DASH}\d\d)?(?![\d%])"
)

_SKIP = "|".join(
    (
        r"\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?",
        r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?!\d)",
        rf"\b\d{{1,2}}(?:st|nd|rd|th)?{_SP}+(?:of{_SP}+)?{_MONTH}\b\.?(?:,?{_SP}+{_YEAR_CORE}(?!\d))?",
        r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\b\.?)?|\b\d{1,2}\s*[ap]\.?m\b\.?",
        r"(?:\+?1[-.\s])?(?:\(\d{3}\)\s*|\b\d{3}[-.])\d{3}[-.]\d{4}(?!\d)",
        r"(?<![^\n])\d{1,2}[.)](?=\s)",
        _YEAR_PERIOD,
    )
)
# Scanning a page position by position with the whole grammar is slow, so the scan only stops
# where a quantity or a skip can start: a digit, sign, "$" or "(" (a charset search runs in C),
# or a number word (found in one pass over the lower-cased text, which needs no IGNORECASE).
# A quantity starts at a digit or "$"; "(", "+" and minus signs only matter right before one.
# The pattern opens with a character set so that the engine skips to candidates in C.
_CANDIDATE_RE = re.compile(r"[\d$(+\-−](?:(?<=[\d$])|(?=\s?[\d$]))")
_NUMBER_WORD_RE = re.compile(_WORD_NUMBER)
# Every number in words holds one of these as a whole word.
_NUMBER_WORDS = frozenset(f"{_ONES}|{_TEENS}|{_TENS}|hundred|dozen".split("|"))
_SKIP_RE = re.compile(_SKIP, re.I)
# "Oct 16", "May 6, 2024": the digits of a date written with a month name before them.
_MONTH_BEFORE_RE = re.compile(rf"\b{_MONTH}\.?{_SP}+$")
_DAY_RE = re.compile(rf"\d{{1,2}}(?:st|nd|rd|th)?(?!\d)(?:,?{_SP}+{_YEAR_CORE}(?!\d))?", re.I)
_SIDE_RE = re.compile(rf"(?P<number>{_NUMBER})|(?P<words>{_WORD_NUMBER})", re.I)

# "two and a half hours", "2-and-a-half years": half a unit more
_AND_A_HALF = rf"(?:{_SP}+|-)and(?:{_SP}+|-)a(?:{_SP}+|-)half(?!\w)"
_ONE_UNITS = r"minute|hour|day|week|month|year"  # "a year", "an hour"
_ONE_AND_A_HALF_RE = re.compile(rf"(?<![\w-])an?{_SP}+(?P<unit>{_ONE_UNITS}){_AND_A_HALF}", re.I)
_AND_A_HALF_RE = re.compile(_AND_A_HALF, re.I)
_RESTATED_RE = re.compile(
    rf"{_SP}*\({_SP}*(?:(?P<digits>\d+)|(?P<words>{_WORD_NUMBER})){_SP}*\)", re.I
)
_ONE_UNIT_RE = re.compile(rf"an?{_SP}+(?P<unit>{_ONE_UNITS})(?!\w)(?P<half>{_AND_A_HALF})?", re.I)
# "$43.7K", "1.2 million": a figure rounded to its multiplier's place
_ROUNDED_BY_MULTIPLIER = re.compile(rf"\d(?:{_SP}*[kKmM]\b|{_SP}*bn\b|{_SP}+(?:thousand|million|billion)\b)", re.I)
_WORD_REMAINDER_RE = re.compile(rf"{_SP}+(?:and{_SP}+)?(?P<words>{_WORD_NUMBER})", re.I)
_MULTIPLIER_RE = re.compile(rf"{_SP}+(thousand|million|billion)(?!\w)", re.I)
_COUNT_MULTIPLIERS = frozenset({"k"})  # "112.3k new jobs"; "m" and "b" only after "$"
_MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "k": 1e3, "m": 1e6, "b": 1e9, "bn": 1e9}
_PLUS_RE = re.compile(rf"\+(?!{_SP}*\d)")
_ORDINALS = frozenset({"st", "nd", "rd", "th"})

_UNIT_NAMES = {
    "minute": ("minute", "minutes", "min", "mins"),
    "hour": ("hour", "hours", "hr", "hrs", "h"),
    "day": ("day", "days"),
    "week": ("week", "weeks", "wk", "wks"),
    "month": ("month", "months", "mo", "mos"),
    "year": ("year", "years", "yr", "yrs"),
}
_DURATION_UNIT = {name: unit for unit, names in _UNIT_NAMES.items() for name in names}
# Written in minutes so conversions between units stay exact where the calendar allows it.
_MINUTES = {"minute": 1, "hour": 60, "day": 1440, "week": 10080, "month": 43830, "year": 525960}
_DURATION_NAMES = "|".join(sorted(_DURATION_UNIT, key=len, reverse=True))
_UNIT_RE = re.compile(
    rf"(?P<percent>{_SP}?%|{_SP}+per{_SP}?cent\b)"
    rf"|(?P<points>{_SP}+(?:points?|pts)\b|{_SP}?\({_SP}?scaled{_SP}?\)"
    rf"|(?={_SP}+on{_SP}+(?:a|the){_SP}+scaled\b))"
    rf"|(?P<usd>{_SP}+(?:dollars?|usd)\b)"
    rf"|(?P<degree>{_SP}?°)"  # "a needle at 15 to 30°": an angle
    rf"|(?:{_SP}+|-)(?P<duration>{_DURATION_NAMES})(?!\w)",
    re.I,
)

_RATE_ADVERBS = {
    "hourly": "hour", "annually": "year", "annual": "year", "yearly": "year",
    "monthly": "month", "weekly": "week", "daily": "day",
}
_PER_RE = re.compile(
    rf"(?:{_SP}*/{_SP}*|{_SP}+(?:per|an?|each){_SP}+)(?:(?P<unit>{_DURATION_NAMES})|annum)(?!\w)"
    rf"|{_SP}+(?:(?P<adverb>{'|'.join(_RATE_ADVERBS)})|per{_SP}+annum)(?!\w)",
    re.I,
)

_CONNECTOR_RE = re.compile(
    rf"{_SP}*(?:-to-|[-–—]|(?<=\s)(?:to|through|thru)(?=\s)|(?<=\s)(?P<conj>and|&)(?=\s)){_SP}*"
    rf"(?:(?:(?P<upper>as{_SP}+(?:high|long|much|many){_SP}+as|up{_SP}+to)"
    rf"|(?P<approx>about|around|approximately|roughly)){_SP}+)?",
    re.I,
)
_COMPOUND_RE = re.compile(rf"{_SP}+(?:and{_SP}+)?", re.I)
# "2h 30m", "2h30m": minutes glued to an "m" after hours ("m" alone is no unit: "$2m")
_GLUED_MINUTES_RE = re.compile(rf"{_SP}*(?P<minutes>[0-5]?\d)m(?![A-Za-z])")

_CUE_WINDOW = 40
_CHANGE_WINDOW = 60
_CHANGE_FROM_RE = re.compile(
    r"\b(?:grow|grows|growing|grew|rise|rises|rising|rose|increase|increases|increased|increasing|climb|climbs"
    r"|climbed|climbing|jump|jumps|jumped|expand|expands|expanded|expanding|fall|falls|fell|drop|drops|dropped"
    r"|decline|declines|declined|go|goes|went)\b[^.;!?]{0,30}?\bfrom\s+(?:about\s+|approximately\s+|around\s+"
    r"|roughly\s+|nearly\s+)?$",
    re.I,
)
_CUE_RE = re.compile(
    r"(?:\b(?:(?P<max>up to|as long as|as high as|as much as|as many as|at most|no more than|not more than"
    r"|no longer than|fewer than|less than|under|below|(?:a\s+)?max(?:imum)?(?:\s+of)?)"
    r"|(?P<min>at least|(?:a\s+)?min(?:imum)?(?:\s+of)?|as little as|as few as|as short as|as low as"
    r"|more than|greater than|over|above|upwards of|no less than|not less than|no fewer than))"
    r"|(?P<approx>\b(?:about|approx(?:imately|\.)?|around|roughly|nearly|almost|some|an estimated)|~|≈)"
    r"|\b(?:(?P<between>between)|(?P<scaled>scaled(?:\s+score)?(?:\s+of)?)))\s*$",
    re.I,
)
_OPEN_END_RE = re.compile(
    rf"{_SP}+or{_SP}+(?:(?P<min>more|longer|greater|higher)|(?P<max>less|fewer|shorter|lower))(?!\w)", re.I
)

_NEXT_WORD_RE = re.compile(rf"(?:{_SP}+|(?P<hyphen>-))(?P<word>[A-Za-z][A-Za-z'’]+(?:-[A-Za-z]+)*)")
_NOUN_PHRASE_WORDS = 4
_CREDIT_MODIFIERS = frozenset({"semester", "credit", "quarter"})
_COMPARATIVE_WORD_RE = re.compile(rf"{_SP}+(?:more|fewer|extra)(?={_SP}+[A-Za-z])", re.I)
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
# Words that end a noun phrase: a counted noun never sits behind one of these.
_STOPWORDS = frozenset(
    """a an the this that these those which who whom whose what it its their they them we you he
    she his her our your my each every all both any some no not only just also even still then
    than so and or but nor plus while whereas if as of in on at for to from by with within without
    per across after before over under between into onto about around like via including among
    through during until since against toward towards is are was were be been being am has have
    had do does did can could will would may might must should shall more less most least
    something anything nothing everything out up down off""".split()
)
_NOT_HEAD_SUFFIXES = ("ed", "ing", "ly")


@dataclass(frozen=True, slots=True)
class YearSpan:
    """A calendar year or year period as written: "2024", "2024–34", "between 2024 and 2034".

    "by 2034" is start_year=2034, end_year=None with "by" inside `text`, so a caller can tell a
    target year from a vintage; "between", "from" and "by" are part of the span, "in" is not.
    """

    start_year: int
    end_year: int | None
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Side:
    """One number with what is glued to it, before it is joined into a range."""

    value: float
    unit: str | None
    start: int
    end: int
    plus: bool = False
    in_words: bool = False


@dataclass(frozen=True, slots=True)
class _Cues:
    bound: str | None
    approximate: bool
    between: bool
    scaled: bool


@dataclass(frozen=True, slots=True)
class _Reading:
    """A side or a joined pair of sides: the value part of a quantity."""

    low: float
    high: float
    unit: str | None
    end: int
    plus: bool
    in_words: bool
    closed: bool = False  # a range whose top was given by an upper cue ("and as high as")
    approximate: bool = False


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text`, sorted by start and non-overlapping."""
    return list(_scan(text))


@per_text(maxsize=8192)
def _scan(text: str) -> tuple[Quantity, ...]:
    return tuple(_find(text))


def _find(text: str) -> list[Quantity]:
    lowered = text.lower()
    if len(lowered) != len(text):  # a few non-ASCII letters lower-case to two characters
        lowered = text.translate(_ASCII_LOWER)
    word_starts = (
        [match.start() for match in _NUMBER_WORD_RE.finditer(lowered)]
        if not _NUMBER_WORDS.isdisjoint(words_in(text)) else []
    )
    if "half" in lowered:
        word_starts = sorted(word_starts + [match.start() for match in _ONE_AND_A_HALF_RE.finditer(lowered)])
    found: list[Quantity] = []
    position, next_word = 0, 0
    while True:
        candidate = _CANDIDATE_RE.search(text, position)
        while next_word < len(word_starts) and word_starts[next_word] < position:
            next_word += 1
        starts = [candidate.start()] if candidate else []
        starts += word_starts[next_word : next_word + 1]
        if not starts:
            return found
        quantity, position = _read_at(text, min(starts))
        if quantity is not None:
            found.append(quantity)


def _read_at(text: str, start: int) -> tuple[Quantity | None, int]:
    """The quantity starting at `start`, or None; the second item is where scanning resumes."""
    skip = _SKIP_RE.match(text, start) or _month_day(text, start)
    if skip is not None:
        return None, skip.end()
    one_and_a_half = _ONE_AND_A_HALF_RE.match(text, start)
    if one_and_a_half is not None:  # "an hour and a half"
        unit, end = one_and_a_half["unit"].lower(), one_and_a_half.end()
        return Quantity(1.5, 1.5, unit, text[start:end], start, end), end
    quantity, end = _read_quantity(text, start)
    return quantity, max(end, start + 1)


def _month_day(text: str, start: int) -> re.Match[str] | None:
    if _MONTH_BEFORE_RE.search(text, max(0, start - 12), start) is None:
        return None
    return _DAY_RE.match(text, start)


def _read_quantity(text: str, start: int) -> tuple[Quantity | None, int]:
    first, end = _read_side(text, start)
    if first is None:
        return None, end
    cues = _read_cues(text, start)
    reading = _join_compound(text, first) or _join_range(text, first, cues) or _single(first)
    unit, noun, end = reading.unit, None, reading.end
    if unit is None and cues.scaled:
        unit = "points"
    if unit is None:
        noun, unit, end = _read_noun(text, end)
    if reading.in_words and unit == "count" and noun is None:
        return None, end
    per, end = _read_per(text, end) if unit == "usd" else (None, end)
    quantity = Quantity(
        low=reading.low,
        high=reading.high,
        unit=unit,
        text=text[start:end],
        start=start,
        end=end,
        noun=noun,
        per=per,
        bound=_bound(text, end, reading, cues),
        approximate=cues.approximate or reading.approximate or _ROUNDED_BY_MULTIPLIER.search(text, start, end) is not None,
    )
    return quantity, end


def _bound(text: str, end: int, reading: _Reading, cues: _Cues) -> str | None:
    if reading.plus:
        return "min"
    open_end = _OPEN_END_RE.match(text, end)
    if open_end is not None:
        return "min" if open_end["min"] else "max"
    return None if reading.closed else cues.bound


def _read_side(text: str, start: int) -> tuple[_Side | None, int]:
    """The number at `start` with its sign, currency, restatement, multiplier, "+" and unit."""
    match = _SIDE_RE.match(text, start)
    if match is None:
        return None, start
    in_words = match["words"] is not None
    numeral = (_word_value(match["words"]), None) if in_words else _read_numeral(match)
    if numeral is None:
        return None, match.end()
    value, unit = numeral
    end = _after_restatement(text, match.end(), value)
    half = _AND_A_HALF_RE.match(text, end) if unit is None else None
    if half is not None:
        value, end = value + 0.5, half.end()
    multiplier = _MULTIPLIER_RE.match(text, end)
    if multiplier is not None:
        value, end = value * _MULTIPLIERS[multiplier[1].lower()], multiplier.end()
        remainder = _WORD_REMAINDER_RE.match(text, end) if in_words else None
        if remainder is not None:  # "thirty-five thousand twenty", "112 thousand three hundred"
            value, end = value + _word_value(remainder["words"]), remainder.end()
    plus, end = _read_plus(text, end)
    if unit is None:
        unit, end = _read_unit(text, end)
        plus_after_unit, end = _read_plus(text, end)  # "70%+"
        plus = plus or plus_after_unit
    return _Side(value, unit, start, end, plus, in_words), end


def _read_plus(text: str, end: int) -> tuple[bool, int]:
    match = _PLUS_RE.match(text, end)
    return (True, match.end()) if match else (False, end)


def _after_restatement(text: str, end: int, value: float) -> int:
    """ "twenty-five (25)" and "5 (five)" state one number twice: read past the repeat."""
    match = _RESTATED_RE.match(text, end)
    if match is None:
        return end
    restated = float(match["digits"]) if match["digits"] else _word_value(match["words"])
    return match.end() if restated == value else end


def _read_numeral(match: re.Match[str]) -> tuple[float, str | None] | None:
    """Value and unit of a digit numeral, or None when it is not a quantity ("24/7", "3D")."""
    digits = match["digits"].replace(",", "")
    if len(digits) > _MAX_DIGITS:
        return None
    value = float(digits)
    if match["neg"]:
        value = -value
    unit = "usd" if match["cur"] else None
    glued = (match["glued"] or "").lower()
    if match["tail"]:
        return _read_score(value, match["tail"]) if not (glued or unit) else None
    if not glued or glued in _ORDINALS:
        return value, unit
    if glued in _MULTIPLIERS and (unit == "usd" or glued in _COUNT_MULTIPLIERS):
        return value * _MULTIPLIERS[glued], unit  # "$45k", "112.3k new jobs"
    if unit is None and glued in _DURATION_UNIT:
        return value, _DURATION_UNIT[glued]
    return None


def _read_score(value: float, tail: str) -> tuple[float, str] | None:
    """ "380/500" is a score out of a scale; other slashed or colon numbers are not quantities."""
    if tail[0] != "/" or tail.count("/") != 1:
        return None
    scale = float(tail[1:])
    return (value, "points") if scale >= 100 and 0 <= value <= scale else None


def _read_unit(text: str, end: int) -> tuple[str | None, int]:
    match = _UNIT_RE.match(text, end)
    if match is None:
        return None, end
    if match["duration"] is not None:
        return _DURATION_UNIT[match["duration"].lower()], match.end()
    return match.lastgroup, match.end()


def _word_value(words: str) -> float:
    total = 0.0
    for token in re.split(r"[\s-]+", words.lower()):
        if token in _WORD_MULTIPLIERS:
            total = max(total, 1) * _WORD_MULTIPLIERS[token]
        else:
            total += _WORD_VALUES.get(token, 0)
    return total


def _read_cues(text: str, start: int) -> _Cues:
    """Bound, approximation, "between" and "scaled" cue words right before the number."""
    bound, kinds, end = None, set(), start
    for _ in range(3):
        match = _CUE_RE.search(text, max(0, end - _CUE_WINDOW), end)
        if match is None:
            break
        kinds.add(match.lastgroup)
        if bound is None and match.lastgroup in ("min", "max"):
            bound = match.lastgroup  # the cue nearest the number wins
        end = match.start()
    return _Cues(bound, "approx" in kinds, "between" in kinds, "scaled" in kinds)


def _single(side: _Side) -> _Reading:
    return _Reading(side.value, side.value, side.unit, side.end, side.plus, side.in_words)


def _join_compound(text: str, first: _Side) -> _Reading | None:
    """ "1 hour and 45 minutes" as one duration in the smaller unit."""
    if first.unit not in _MINUTES or first.plus:
        return None
    glued = _GLUED_MINUTES_RE.match(text, first.end) if first.unit == "hour" else None
    if glued is not None:
        total = first.value * 60 + int(glued["minutes"])
        return _Reading(total, total, "minute", glued.end(), False, False)
    joint = _COMPOUND_RE.match(text, first.end)
    if joint is None:
        return None
    second, _ = _read_side(text, joint.end())
    if second is None or second.unit not in _MINUTES or _MINUTES[second.unit] >= _MINUTES[first.unit]:
        return None
    total = _convert(first.value, first.unit, second.unit) + second.value
    return _Reading(total, total, second.unit, second.end, second.plus, first.in_words and second.in_words)


def _join_range(text: str, first: _Side, cues: _Cues) -> _Reading | None:
    """ "4 to 8 months", "between 5 and 9 months", "as low as $600 and as high as $3,500"."""
    connector = _CONNECTOR_RE.match(text, first.end)
    if connector is None or first.plus:
        return None
    if first.unit is None and _CHANGE_FROM_RE.search(text, max(0, first.start - _CHANGE_WINDOW), first.start):
        return None  # "grow 12%, from 811,000 to 912,200 jobs": where a count starts and where it ends
    if connector["conj"] and not (connector["upper"] or cues.between):
        return None
    if _SKIP_RE.match(text, connector.end()):  # "grows 12% through 2034": a year is no range end
        return None
    second, _ = _read_side(text, connector.end())
    if second is None and first.unit in _MINUTES:
        second = _one_unit(text, connector.end())
    if second is None:
        return None
    joined = _range_values(first, second)
    if joined is None:
        return None
    low, high, unit = joined
    return _Reading(
        low, high, unit, second.end, second.plus, first.in_words and second.in_words,
        closed=connector["upper"] is not None, approximate=connector["approx"] is not None,
    )


def _one_unit(text: str, start: int) -> _Side | None:
    """ "a year", "a year and a half": one unit as the top of a duration range ("4 weeks to a year")."""
    match = _ONE_UNIT_RE.match(text, start)
    if match is None:
        return None
    return _Side(1.5 if match["half"] else 1.0, match["unit"].lower(), start, match.end())


def _range_values(first: _Side, second: _Side) -> tuple[float, float, str | None] | None:
    """Both ends in one unit, or None when the two numbers cannot be a range."""
    unit_a, unit_b = first.unit, second.unit
    if unit_a is None or unit_b is None or unit_a == unit_b:
        unit, low, high = unit_a or unit_b, first.value, second.value
    elif unit_a in _MINUTES and unit_b in _MINUTES:
        unit = min(unit_a, unit_b, key=_MINUTES.__getitem__)
        low, high = _convert(first.value, unit_a, unit), _convert(second.value, unit_b, unit)
    else:
        return None
    return (low, high, unit) if low <= high else None


def _convert(value: float, unit: str, to_unit: str) -> float:
    return round(value * _MINUTES[unit] / _MINUTES[to_unit], 2)


def _read_noun(text: str, end: int) -> tuple[str | None, str, int]:
    """The counted noun after a bare number: (noun, unit, end); a duration noun sets the unit."""
    words: list[tuple[str, int]] = []
    comparative = _COMPARATIVE_WORD_RE.match(text, end)  # "30 more questions than the CCMA"
    position = comparative.end() if comparative else end
    for _ in range(_NOUN_PHRASE_WORDS):
        match = _NEXT_WORD_RE.match(text, position)
        if match is None or (match["hyphen"] and words) or _is_stopword(match["word"]):
            break
        words.append((match["word"], match.end()))
        position = match.end()
        if match["hyphen"]:
            break
    head = _head_noun(words)
    if head is None:
        return None, "count", end
    noun, head_end = head[0].lower(), head[1]
    before = [word.lower() for word, word_end in words if word_end < head_end]
    if before and before[-1] in _CREDIT_MODIFIERS:
        return f"{before[-1]} {noun}", "count", head_end  # "5 semester hours of college credit": credits, not time
    if noun.removesuffix("s") in _MINUTES:
        return None, noun.removesuffix("s"), head_end
    return noun, "count", head_end


def _is_stopword(word: str) -> bool:
    return word.lower().split("-", 1)[0] in _STOPWORDS


def _head_noun(words: list[tuple[str, int]]) -> tuple[str, int] | None:
    """The first plural word, else the last word that is not a participle or an adverb."""
    for word, end in words:
        lowered = word.lower()
        if lowered.endswith("s") and not lowered.endswith(("ss", "us", "is")):
            return word, end
    for word, end in reversed(words):
        if not word.lower().endswith(_NOT_HEAD_SUFFIXES):
            return word, end
    return None


def _read_per(text: str, end: int) -> tuple[str | None, int]:
    match = _PER_RE.match(text, end)
    if match is None:
        return None, end
    if match["unit"]:
        return _DURATION_UNIT[match["unit"].lower()], match.end()
    if match["adverb"]:
        return _RATE_ADVERBS[match["adverb"].lower()], match.end()
    return "year", match.end()  # "per annum"


_YEARS_RE = re.compile(
    rf"(?:(?P<between>\bbetween{_SP}+)|\b(?:by|from){_SP}+)?{_YEAR_START}(?P<first>{_YEAR_CORE}){_YEAR_END}"
    rf"(?:(?:{_YEAR_DASH}|{_YEAR_WORD}|(?(between){_SP}+and{_SP}+|(?!)))(?P<second>{_YEAR_CORE})"
    rf"|{_YEAR_DASH}(?P<short>\d\d))?(?![\d%])",
    re.I,
)


def find_years(text: str) -> list[YearSpan]:
    """Calendar years and year periods, sorted by start; years inside numeric dates are not.

    A period's two-digit end takes the start's century, or the next one when it would end
    before it began ("1999-01" -> 1999-2001); a period written backwards is reported in order.
    """
    spans = []
    for match in _YEARS_RE.finditer(text):
        first = int(match["first"])
        if match["second"]:
            last: int | None = int(match["second"])
        elif match["short"]:
            last = first // 100 * 100 + int(match["short"])
            last += 100 if last < first else 0
        else:
            last = None
        low, high = (first, last) if last is None or last >= first else (last, first)
        spans.append(YearSpan(low, high, match.group(), match.start(), match.end()))
    return spans
