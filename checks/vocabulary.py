"""The fact file's words compiled for matching: entity aliases, measure cues, qualifier cues.

Compiled once per fact base; the extractor asks it where entities are mentioned and which
cue words occur in a piece of text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator, Sequence

from checks.facts import Ambiguity, FactBase, Measure
from checks.textcache import WORD, words_in


@dataclass(frozen=True, slots=True)
class Mention:
    entity: str
    start: int
    end: int


class PhraseMatcher:
    """A phrase regex behind a cheap first test: a text can hold one of the phrases only if it
    holds one of their first words. Most texts hold none, so most searches never run the regex,
    which Python's engine would otherwise try alternative by alternative at every position."""

    __slots__ = ("regex", "_first_words")

    def __init__(self, regex: re.Pattern[str], first_words: frozenset[str] | None) -> None:
        self.regex = regex
        self._first_words = first_words  # None: some phrase starts with no word to look for

    def search(self, text: str) -> re.Match[str] | None:
        return self.regex.search(text) if self._may_occur(text) else None

    def match(self, text: str) -> re.Match[str] | None:
        return self.regex.match(text) if self._may_occur(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text) if self._may_occur(text) else iter(())

    def count(self, text: str) -> int:
        return len(self.regex.findall(text)) if self._may_occur(text) else 0

    def _may_occur(self, text: str) -> bool:
        return self.may_occur_in(words_in(text))

    def may_occur_in(self, words: frozenset[str]) -> bool:
        """Whether a text with these words can hold one of the phrases."""
        return self._first_words is None or not self._first_words.isdisjoint(words)


def phrase_pattern(
    phrases: Iterable[str], *, plurals: bool = False, case_sensitive: bool = False
) -> PhraseMatcher | None:
    """One regex matching any phrase as whole words, longest first; case-insensitive unless
    asked otherwise.

    Phrases that begin and end with a letter or digit share one pair of word-boundary checks:
    Python's regex engine tries each alternative's lookbehind separately, which made the
    per-phrase form several times slower on a 70-phrase list.
    """
    ordered = [p for p in sorted(set(phrases), key=len, reverse=True) if p.strip()]
    if not ordered:
        return None
    worded = [_phrase_body(p, plurals) for p in ordered if p[0].isalnum() and p[-1].isalnum()]
    other = [_phrase_regex(p, plurals) for p in ordered if not (p[0].isalnum() and p[-1].isalnum())]
    parts = ([rf"(?<![\w-])(?:{'|'.join(worded)})(?![\w-])"] if worded else []) + other
    regex = re.compile("|".join(parts), 0 if case_sensitive else re.IGNORECASE)
    return PhraseMatcher(regex, _first_words(ordered, plurals))


def _first_words(phrases: list[str], plurals: bool) -> frozenset[str] | None:
    """The words a text must hold for a phrase to occur in it; a one-word phrase may take a plural ending."""
    words: set[str] = set()
    for phrase in phrases:
        lowered = phrase.lower()
        first = WORD.match(lowered)
        if first is None:
            return None
        word = first.group()
        words.add(word)
        if plurals and first.end() == len(lowered) and lowered[-1].isalpha():
            words.update((word + "s", word + "es"))
    return frozenset(words)


def _phrase_body(phrase: str, plurals: bool) -> str:
    body = r"\s+".join(re.escape(word) for word in phrase.split())
    if plurals and phrase[-1:].isalpha():
        body += r"(?:s|es|'s|’s)?"
    return body


def _phrase_regex(phrase: str, plurals: bool) -> str:
    head = r"(?<![\w-])" if phrase[:1].isalnum() else ""
    tail = r"(?![\w-])" if phrase[-1:].isalnum() else ""
    return head + _phrase_body(phrase, plurals) + tail


def _is_acronym(alias: str) -> bool:
    return alias.isupper() and len(alias) <= 6 and " " not in alias


class Vocabulary:
    """Matchers for one fact base."""

    def __init__(self, facts: FactBase) -> None:
        self.facts = facts
        self._alias_entity: dict[str, str] = {}
        self._ambiguity: dict[str, Ambiguity] = {}
        acronyms, names, phrases = [], [], []
        for entity in facts.entities:
            for alias in entity.aliases:
                self._alias_entity[alias.lower()] = entity.id
                if _is_acronym(alias):
                    acronyms.append(alias)
                else:
                    (names if alias != alias.lower() else phrases).append(alias)
            for ambiguity in entity.ambiguous:
                self._ambiguity[ambiguity.alias.lower()] = ambiguity
        self._phrases = phrase_pattern(phrases, plurals=True)
        # A capitalised alias is a proper name ("Certified Medical Assistant"): written in lower
        # case it is a description ("certified medical assistants earn...").
        self._names = phrase_pattern(names, plurals=True, case_sensitive=True)
        self._acronyms = PhraseMatcher(
            re.compile(
                rf"(?<![\w-])(?:{'|'.join(re.escape(a) for a in sorted(acronyms, key=len, reverse=True))})"
                r"(?:s|'s|’s)?(?![\w]|-\d|\s+(?:I|II|1|2)\b)"
            ),
            _first_words(acronyms, plurals=True),
        ) if acronyms else None
        self.foreign = phrase_pattern(
            [word for a in self._ambiguity.values() for word in a.reject if len(word) > 3] + list(facts.other_names)
        )
        self._confirm = {k: phrase_pattern(a.confirm) for k, a in self._ambiguity.items()}
        self._reject = {k: phrase_pattern(a.reject) for k, a in self._ambiguity.items()}
        self._kinds = {entity.id: entity.kind for entity in facts.entities}
        measure_kinds: dict[str, set[str]] = {m.id: set(m.about) for m in facts.measures if m.about}
        for fact in facts.facts:
            measure_kinds.setdefault(fact.measure, set()).add(self._kinds.get(fact.entity, ""))
        self._measure_kinds = {m: frozenset(k) for m, k in measure_kinds.items()}
        self._by_unit = {
            unit: tuple(m for m in facts.measures if unit in m.accepts) for m0 in facts.measures for unit in m0.accepts
        }
        self.cues = {m.id: phrase_pattern(m.cues) for m in facts.measures}
        self.nouns = {m.id: phrase_pattern(m.nouns) for m in facts.measures}
        self.excludes = {m.id: phrase_pattern(m.exclude) for m in facts.measures}
        self.parts = {m.id: phrase_pattern(m.parts, plurals=True) for m in facts.measures}
        self.topics = {m.id: phrase_pattern(m.topic) for m in facts.measures}
        self.qualifier_cues = {
            m.id: [(q.id, phrase_pattern(q.cues)) for q in m.qualifiers if q.cues] for m in facts.measures
        }
        # "the lowest 10%", "the middle 80%": numbers that belong to a phrase, not figures
        self.numeric_cues = phrase_pattern(
            cue for m in facts.measures for cue in (*(c for q in m.qualifiers for c in q.cues), *m.exclude)
            if any(ch.isdigit() for ch in cue)
        )
        self.scopes = phrase_pattern(name for group in facts.scopes for name in group)
        self.marketing = phrase_pattern(facts.marketing)
        self.historical = phrase_pattern(facts.historical)

    def confirmed_aliases(self, page_texts: Sequence[str]) -> frozenset[str]:
        """Ambiguous aliases the page is about: it holds a confirming word, and no more words of
        the other meaning than confirming ones (a page on management accountants with one aside
        on the AAMA CMA is still about accountants). Counted text by text (title, blocks), so
        the first-word test skips the texts that cannot hold a phrase."""
        page_words = frozenset().union(*(words_in(text) for text in page_texts))
        return frozenset(
            alias for alias, confirm in self._confirm.items()
            if confirm is None
            or _count(confirm, page_texts, page_words) >= max(1, _count(self._reject[alias], page_texts, page_words))
        )

    def mentions(self, text: str, confirmed: frozenset[str], sentence: str | None = None) -> list[Mention]:
        """Entity mentions in text. An ambiguous alias counts only when the page or its own
        sentence confirms it and the sentence holds none of its reject words ("CMA ... management
        accountant"); otherwise it comes back with entity "" (a name that is not one of ours)."""
        found: list[Mention] = []
        for pattern in (self._names, self._phrases, self._acronyms):
            if pattern is None:
                continue
            for match in pattern.finditer(text):
                alias = _strip_plural(match.group(0).lower(), self._alias_entity)
                if alias is None:
                    continue
                entity = self._alias_entity[alias] if self._allowed(alias, confirmed, sentence or text) else ""
                found.append(Mention(entity, match.start(), match.end()))
        return _without_overlaps(found)

    def _allowed(self, alias: str, confirmed: frozenset[str], sentence: str) -> bool:
        if alias not in self._ambiguity:
            return True
        reject, confirm = self._reject[alias], self._confirm[alias]
        if reject is not None and reject.search(sentence) is not None:
            return False
        return alias in confirmed or (confirm is not None and confirm.search(sentence) is not None)

    def kind_of(self, entity_id: str) -> str | None:
        return self._kinds.get(entity_id)

    def kinds_for(self, measure_id: str) -> frozenset[str]:
        """The kinds of entity (credential, occupation) the fact file holds this measure for."""
        return self._measure_kinds.get(measure_id, frozenset())

    def measures_accepting(self, unit: str) -> tuple[Measure, ...]:
        """The measures a quantity in this unit can state, in fact-file order."""
        return self._by_unit.get(unit, ())


def _count(pattern: PhraseMatcher | None, texts: Sequence[str], page_words: frozenset[str]) -> int:
    if pattern is None or not pattern.may_occur_in(page_words):
        return 0
    return sum(pattern.count(text) for text in texts)


def _strip_plural(matched: str, known: dict[str, str]) -> str | None:
    matched = re.sub(r"\s+", " ", matched)
    for suffix in ("", "'s", "’s", "es", "s"):
        if matched.endswith(suffix) and matched[: len(matched) - len(suffix)] in known:
            return matched[: len(matched) - len(suffix)]
    return None


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest mention where two overlap ("Certified Clinical Medical Assistant")."""
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


_CACHE: dict[int, tuple[FactBase, Vocabulary]] = {}


def vocabulary_for(facts: FactBase) -> Vocabulary:
    """The compiled vocabulary of a fact base, built once per fact base object."""
    cached = _CACHE.get(id(facts))
    if cached is not None and cached[0] is facts:
        return cached[1]
    if len(_CACHE) > 8:
        _CACHE.clear()
    vocabulary = Vocabulary(facts)
    _CACHE[id(facts)] = (facts, vocabulary)
    return vocabulary
