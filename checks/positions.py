"""Line and column in the source file for blocks, claims, page dates and suppressions.

The HTML parser keeps no source lines, so positions are found afterwards by locating each
block's text in the raw source. Both sides are squeezed to their "readable characters": markup
(tags, comments, scripts, Markdown link targets), entities and whitespace are taken out of the
source and each remaining character remembers its offset; whitespace and Markdown punctuation
are taken out of the block text. Blocks are searched in document order from where the previous
one was found, so repeated text ("150" in two table cells) lands on the right occurrence.

Only local files get positions: the crawl path never builds a SourceText.
"""

from __future__ import annotations

import bisect
import dataclasses
import html
import os
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from checks.document import FRACTIONS, TYPOGRAPHIC_HYPHENS
from checks.model import (
    Block,
    Claim,
    Document,
    Evidence,
    PageDate,
    SourcePosition,
    Suppression,
)

if TYPE_CHECKING:
    from checks.engine import AuditResult

# Markup whose text is not page text; the backreference closes the element that opened.
_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style|title|template)\b.*?(?:</\1\s*>|\Z)|<[A-Za-z/!?][^>]*>",
    re.DOTALL | re.IGNORECASE,
)
_MARKDOWN_LINK_TARGET = re.compile(r"\]\((?:[^()\s]|\([^)\s]*\))*(?:\s+\"[^\"]*\")?\)")
# Whitespace, invisible characters and Markdown emphasis/heading/table/quote/escape marks.
# ("#" after "&" belongs to a numeric character reference such as &#8209;)
_READABLE_RUN = re.compile(r"(?:[^\s*_`#|>\[\]\\~\u00ad\u200b\u2060\ufeff]|(?<=&)#)+")
_GROUPING_COMMA = re.compile(r"(?<=\d),(?=\d)")
_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
_SUPPRESSION_COMMENT = re.compile(r"<!--(?P<body>.*?)-->", re.DOTALL)
_IGNORE_WORDS = re.compile(r"content-audit:\s*ignore\s+(?P<rules>[\w-]+(?:\s*,\s*[\w-]+)*)", re.IGNORECASE)
_PROBES = (16, 6, 3)  # prefix lengths tried when a block's whole text is interrupted in the source
# A prefix is only looked for this near the previous block (in readable characters), so a
# short one cannot jump over the rest of the page and lose every block after it.
_PROBE_REACH = 5_000
_QUOTE_WINDOW = 20_000  # readable characters after a block's start within which its sentences lie


def squeeze(text: str) -> str:
    """The readable characters of text: what SourceText keeps of the same words. Commas inside
    numbers go too: the document writes "18 400" (a thin space) as "18,400"."""
    return _GROUPING_COMMA.sub("", "".join(_READABLE_RUN.findall(text)))


class SourceText:
    """A source file's text with a map from its readable characters back to offsets."""

    def __init__(self, source: str, *, markdown: bool = False, start: int = 0) -> None:
        self.source = source
        self.start = start
        chars: list[str] = []
        offsets: list[int] = []
        for segment_start, segment_end in _text_segments(source, markdown, start):
            _add_readable(source, segment_start, segment_end, chars, offsets)
        # the document reads typographic hyphens as "-" (checks.document.normalize_text); one
        # character for one, so offsets stay aligned
        self.chars, self.offsets = _without_grouping_commas(*_as_document_reads("".join(chars).translate(TYPOGRAPHIC_HYPHENS), offsets))
        self._line_starts = [0] + [match.end() for match in re.finditer("\n", source)]

    def position(self, offset: int) -> SourcePosition:
        line = bisect.bisect_right(self._line_starts, offset)
        return SourcePosition(line, offset - self._line_starts[line - 1] + 1)

    def offset(self, position: SourcePosition) -> int:
        return self._line_starts[position.line - 1] + position.column - 1

    def readable_index(self, offset: int) -> int:
        """The first readable character at or after a source offset."""
        return bisect.bisect_left(self.offsets, offset)

    def find(self, text: str, cursor: int, nested_from: int | None = None) -> tuple[int, int] | None:
        """(readable index, matched length) of text at or after cursor, or at or after
        nested_from (a block inside the one before it), or of its longest prefix after cursor
        when markup or hidden text interrupts it; None when not even a prefix is there."""
        needle = squeeze(text)
        if not needle:
            return None
        found = self.chars.find(needle, cursor)
        if found < 0 and nested_from is not None:
            found = self.chars.find(needle, nested_from, cursor)
        if found >= 0:
            return found, len(needle)
        for probe in _PROBES:
            if probe >= len(needle):
                continue
            found = self.chars.find(needle[:probe], cursor, cursor + _PROBE_REACH)
            if found >= 0:
                return found, len(os.path.commonprefix([self.chars[found : found + len(needle)], needle]))
        return None

    def position_of_readable(self, index: int) -> SourcePosition:
        return self.position(self.offsets[index])


def locate(document: Document, source: SourceText) -> Document:
    """The document with positions on its blocks, page dates and suppressions."""
    starts: dict[str, int] = {}
    blocks: list[Block] = []
    cursor = previous_cursor = 0
    for block in document.blocks:
        # a block nested in the one before it (a hidden label opening a list item) comes after
        # it in document order but before its text in the source
        found = source.find(block.text, cursor, nested_from=previous_cursor)
        if found is None:
            blocks.append(block)
            continue
        index, length = found
        previous_cursor, cursor = cursor, max(cursor, index + length)
        starts.setdefault(block.locator, index)
        blocks.append(dataclasses.replace(block, position=source.position_of_readable(index)))
    dates = tuple(_locate_date(page_date, source, starts) for page_date in document.dates)
    return dataclasses.replace(
        document, blocks=tuple(blocks), dates=dates, suppressions=_locate_suppressions(document.suppressions, source)
    )


def place_claims(result: AuditResult, sources: Mapping[str, SourceText]) -> AuditResult:
    """Move each claim's position from its block's start to the claimed number itself."""
    placed: dict[Evidence, Evidence] = {}

    def evidence(original: Evidence) -> Evidence:
        if original not in placed:
            source = sources.get(original.url)
            placed[original] = _refine(original, source) if source is not None else original
        return placed[original]

    def claim(original: Claim) -> Claim:
        refined = evidence(original.evidence)
        return original if refined is original.evidence else dataclasses.replace(original, evidence=refined)

    pages = tuple(
        dataclasses.replace(
            page,
            claims=tuple(claim(c) for c in page.claims),
            findings=tuple(dataclasses.replace(f, claims=tuple(claim(c) for c in f.claims)) for f in page.findings),
        )
        for page in result.pages
    )
    return dataclasses.replace(result, pages=pages)


def _refine(evidence: Evidence, source: SourceText) -> Evidence:
    if evidence.position is None:
        return evidence
    block_start = source.readable_index(source.offset(evidence.position))
    window = source.chars[block_start : block_start + _QUOTE_WINDOW]
    quote = squeeze(evidence.quote)
    found = window.find(quote) if quote else -1
    if found >= 0:
        at = block_start + found + len(squeeze(evidence.quote[: evidence.span[0]]))
    else:
        matched = squeeze(evidence.matched)
        found = window.find(matched) if matched else -1
        if found < 0:
            return evidence
        at = block_start + found
    if at >= len(source.offsets):
        return evidence
    return dataclasses.replace(evidence, position=source.position_of_readable(at))


def _locate_date(page_date: PageDate, source: SourceText, starts: dict[str, int]) -> PageDate:
    if page_date.position is not None:
        return page_date
    if page_date.source == "text":
        found = source.find(page_date.text, starts.get(page_date.locator, 0))
        if found is None:
            return page_date
        return dataclasses.replace(page_date, position=source.position_of_readable(found[0]))
    # Dates from attributes or JSON-LD live inside markup: look for the value as written.
    anchor = source.source.find("ld+json") if page_date.source == "json-ld" else source.start
    offset = source.source.find(page_date.text, max(anchor, source.start))
    return page_date if offset < 0 else dataclasses.replace(page_date, position=source.position(offset))


def _locate_suppressions(suppressions: tuple[Suppression, ...], source: SourceText) -> tuple[Suppression, ...]:
    """Pair suppressions with ignore comments in order; one comment may name several rules."""
    comments = [
        (match.start(), {rule.strip().lower() for rule in words.group("rules").split(",")})
        for match in _SUPPRESSION_COMMENT.finditer(source.source, source.start)
        if (words := _IGNORE_WORDS.search(match.group("body")))
    ]
    located = []
    next_comment = 0
    for suppression in suppressions:
        for index in range(next_comment, len(comments)):
            offset, rules = comments[index]
            if suppression.rule in rules:
                rules.discard(suppression.rule)
                next_comment = index
                located.append(dataclasses.replace(suppression, position=source.position(offset)))
                break
        else:
            located.append(suppression)
    return tuple(located)


def _text_segments(source: str, markdown: bool, start: int) -> list[tuple[int, int]]:
    """Offsets of the runs of text between pieces of markup."""
    segments = []
    position = start
    for match in _MARKUP.finditer(source, start):
        segments.append((position, match.start()))
        position = match.end()
    segments.append((position, len(source)))
    if not markdown:
        return segments
    return [piece for segment in segments for piece in _without_link_targets(source, *segment)]


def _without_link_targets(source: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    for match in _MARKDOWN_LINK_TARGET.finditer(source, start, end):
        pieces.append((start, match.start()))
        start = match.end()
    pieces.append((start, end))
    return pieces


def _add_readable(source: str, start: int, end: int, chars: list[str], offsets: list[int]) -> None:
    """Append the readable characters of source[start:end], entities decoded, with their offsets."""
    for run in _READABLE_RUN.finditer(source, start, end):
        text = run.group()
        if "&" not in text:
            chars.append(text)
            offsets.extend(range(run.start(), run.end()))
            continue
        position = run.start()
        for entity in _ENTITY.finditer(source, run.start(), run.end()):
            _add_plain(source[position : entity.start()], position, chars, offsets)
            decoded = squeeze(html.unescape(entity.group()))
            chars.append(decoded)
            offsets.extend([entity.start()] * len(decoded))
            position = entity.end()
        _add_plain(source[position : run.end()], position, chars, offsets)


def _as_document_reads(chars: str, offsets: list[int]) -> tuple[str, list[int]]:
    """Vulgar fractions spelled as the document spells them ("2½" -> "2.5"), each written
    character mapped back to the fraction's offset."""
    if not any(fraction in chars for fraction in FRACTIONS):
        return chars, offsets
    written: list[str] = []
    mapped: list[int] = []
    for char, offset in zip(chars, offsets):
        spelled = FRACTIONS.get(char, char)
        written.append(spelled)
        mapped.extend([offset] * len(spelled))
    return "".join(written), mapped


def _without_grouping_commas(chars: str, offsets: list[int]) -> tuple[str, list[int]]:
    """The readable characters less the commas inside numbers, as `squeeze` drops them."""
    drop = {match.start() for match in _GROUPING_COMMA.finditer(chars)}
    if not drop:
        return chars, offsets
    kept = [index for index in range(len(chars)) if index not in drop]
    return "".join(chars[index] for index in kept), [offsets[index] for index in kept]


def _add_plain(text: str, start: int, chars: list[str], offsets: list[int]) -> None:
    chars.append(text)
    offsets.extend(range(start, start + len(text)))
