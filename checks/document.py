"""HTML -> Document: the page's text as structured blocks, plus its title and its own dates.

One iterative walk over the BeautifulSoup (lxml) tree, so that deep markup cannot exhaust the
recursion limit and the cost stays a fraction of the parse itself. The walk

- drops page furniture with everything inside it: scripts, styles, navigation, asides, forms,
  buttons (accordion toggles excepted: their text is the question), site headers and footers
  (a <header>/<footer> outside <article>/<main>, or with a banner/contentinfo role), cookie and
  consent banners, breadcrumbs and footnote markers. Class names like "footer-widgets" are not
  read as furniture: FAQs live there;
- turns headings, paragraphs, list items, table cells, captions, quotes and dt/dd into blocks,
  and any other run of inline text (a CTA link in a div, a card's number) into a paragraph;
  every text lands in exactly one block, the innermost one (a nested list's items are not
  repeated in their parent item); <br> is a space, not a block edge;
- keeps hidden text as blocks with visible=False (a hidden span inside a visible heading
  becomes its own block) so that dates in it can still be read. A collapsed accordion panel
  (named by a toggle's aria-controls, right after an aria-expanded toggle, or
  hidden="until-found") counts as visible: readers open it with one click;
- records each block's heading path, and for table cells their 0-based table, row (header rows
  count) and column, and their row and column header texts.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from checks.dates import META_DATE_KEYS, DateSources, MetaDate, TimeElement, page_dates
from checks.errors import AuditInputError
from checks.model import Block, Document, Suppression
from checks.styles import block_display_classes, has_block_display

_HEADING_LEVELS = {f"h{level}": level for level in range(1, 7)}
_HEADING_NAMES = list(_HEADING_LEVELS)
_BLOCK_LEVEL = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form header hgroup hr html li main menu nav ol p pre "
    "section summary table tbody td tfoot th thead tr ul legend".split()
) | frozenset(_HEADING_LEVELS)
# <del>, <s> and <strike> hold struck-out text: what a page no longer says ("<del>150</del> <ins>180</ins>")
_FURNITURE_TAGS = frozenset(
    "script style noscript template svg iframe nav form select textarea object "
    "embed canvas video audio map del s strike".split()
)
_CHROME_TAGS = frozenset({"header", "footer"})
# Furniture or not depending on where they are, so checked even without attributes.
_FURNITURE_BY_POSITION = _CHROME_TAGS | {"sup", "sub", "button", "aside"}
_RECORDED_TAGS = frozenset({"title", "meta", "script", "style"})
_NEEDS_A_LOOK = _BLOCK_LEVEL | _FURNITURE_TAGS | _FURNITURE_BY_POSITION | _RECORDED_TAGS | {"br"}
_FURNITURE_ROLES = frozenset({"navigation", "banner", "contentinfo", "search"})
_FURNITURE_WORDS = ("cookie", "consent", "gdpr", "breadcrumb", "editsection")  # MediaWiki's "[edit]" links
_AUTHOR_BOX_SUFFIXES = ("author-box", "author-bio", "author-description", "author-info", "author-card", "about-author", "about-the-author")
_SIDEBAR_WORDS = ("sidebar", "widget", "related", "promo", "advert", "newsletter", "subscribe", "share", "toc")
# hAtom/h-entry classes and the dateline classes common blog themes put on a post's date.
_MICROFORMAT_DATE_CLASSES = frozenset({
    "updated", "published", "entry-date", "dt-updated", "dt-published", "date-modified", "date-published",
    "post-date", "posted-on", "post-modified", "post-updated", "last-updated", "updated-date", "modified-date",
    "published-date", "publish-date", "article-date", "entry-modified", "date-updated",
})
_MICRODATA_DATE_PROPS = frozenset({"datemodified", "datepublished", "lastreviewed"})
_MICROFORMAT_MAX_CHARS = 40
_NAMING_ATTRIBUTES = frozenset({"id", "class", "aria-label", "itemtype"})
# Class and id words are never read on these: a body class like "gdpr-enabled" is no banner.
_PAGE_ROOTS = frozenset({"html", "body", "main", "article"})
_CONTENT_ROOTS = frozenset({"article", "main"})
_OWN_BLOCKS = {"li": "list_item", "dt": "term", "dd": "definition"}
_TOP_BLOCKS = {
    "p": "paragraph",
    "pre": "paragraph",
    "address": "paragraph",
    "summary": "paragraph",
    "blockquote": "quote",
    "figcaption": "caption",
    "caption": "caption",
}
_HIDDEN_CLASSES = frozenset(
    {"hidden", "hide", "d-none", "invisible", "sr-only", "visually-hidden", "visuallyhidden",
     "screen-reader-text", "screen-reader-only"}
)
# Clipped overflow hides nothing; the others hide only in one context (a quick-add popup, a
# browser without JavaScript, one screen size or print), so readers see the text.
_NOT_HIDING_SUFFIXES = (
    "overflow-hidden", "overflow-x-hidden", "overflow-y-hidden", "quick-add-hidden", "no-js-hidden",
    "mobile-hidden", "tablet-hidden", "desktop-hidden", "print-hidden", "sm-hidden", "md-hidden", "lg-hidden",
    "xl-hidden",
)
# "hidden md:block" or "d-none d-lg-block": hidden on small screens only, so readers see it.
_DISPLAYS = (
    r"(?:block|inline|inline-block|flex|inline-flex|grid|inline-grid|table|table-cell|table-row"
    r"|contents)"
)
_SHOWN_AT_BREAKPOINT = re.compile(rf"(?:\w+:|d-(?:sm|md|lg|xl|xxl)-){_DISPLAYS}")
_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.I)
_FOOTNOTE_MARK = re.compile(r"\[?\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]?|[*†‡§]+")
_SIMPLE_ID = re.compile(r"-?[A-Za-z_][\w-]*")
_YEAR_LABEL = re.compile(r"\s*(?:19|20)\d{2}(?:\s*[-–—/]\s*(?:19|20)?\d{2})?\s*")
_BARE_ORDINAL = re.compile(r"\d{1,3}(?:st|nd|rd|th)", re.IGNORECASE)
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
_SUPPRESSION = re.compile(
    r"content-audit:\s*ignore\s+(?P<rules>[\w-]+(?:\s*,\s*[\w-]+)*)"
    r"(?:\s*--\s*(?P<reason>.*?))?\s*$",
    re.IGNORECASE | re.DOTALL,
)
# Elementor, countUp.js, jQuery countTo and Odometer-style counters
_COUNTER_ATTRIBUTES = ("data-to-value", "data-to", "data-count", "data-count-to", "data-target", "data-end-value", "data-countup")
_PLAIN_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
_INVISIBLE_CHARS = re.compile("[\u00ad\u200b\u2060\ufeff]")
_MAX_SPAN = 1000
_RECORDED_METAS = META_DATE_KEYS | {"og:title"}


def parse_html(html: str, url: str) -> Document:
    """Parse a decoded page into a Document; raises AuditInputError for markup too deep to walk."""
    try:
        soup = BeautifulSoup(html, "lxml")
        walk = _Walk(has_main=soup.find(["main", "article"]) is not None)
        walk.run(soup)
    except RecursionError as error:
        raise AuditInputError("page markup is nested too deeply to parse") from error
    blocks = walk.blocks()
    title = walk.title or _first_h1(blocks) or walk.og_title or ""
    dates = page_dates(walk.date_sources(), blocks)
    return Document(url, title, blocks, dates, walk.suppressions())


# A <br> in a block: kept as "\n" so that lines of a <div> with <br>s ("Median: $44,200/yr<br>Hourly:
# $21.25") are sentences of their own; every other whitespace run collapses to one space.
LINE_BREAK = "\ue000"
_LINE_BREAKS = re.compile(f"\\s*(?:{LINE_BREAK}\\s*)+")


def normalize_text(text: str) -> str:
    """Collapse whitespace (NBSP included), drop soft hyphens and zero-width characters, and
    write typographic hyphens, vulgar fractions and space-grouped thousands the way the number
    grammar reads them ("3‑hour" with a non-breaking hyphen, "2½ hours", "18 400")."""
    if not text.isascii():
        text = _INVISIBLE_CHARS.sub("", text).translate(TYPOGRAPHIC_HYPHENS)
        text = _FRACTION_AFTER_DIGIT.sub(lambda m: m.group(1) + FRACTIONS[m.group(2)], text)
        if "\u2009" in text or "\u202f" in text or "\u00a0" in text:
            text = _SPACED_THOUSANDS.sub(r"\1,", text)
    collapsed = " ".join(text.split())
    return _LINE_BREAKS.sub("\n", collapsed).strip() if LINE_BREAK in collapsed else collapsed


TYPOGRAPHIC_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})
FRACTIONS = {"½": ".5", "¼": ".25", "¾": ".75"}
_FRACTION_AFTER_DIGIT = re.compile(r"(\d)([½¼¾])")
# "18 400" with a thin or no-break space between its digit groups is 18,400
_SPACED_THOUSANDS = re.compile(r"(?<![\d,.])(\d{1,3})[\u2009\u202f\u00a0](?=\d{3}(?![\d]))")


@dataclass(eq=False, slots=True)
class _Pending:
    """A block being collected; it becomes a Block when the walk is done."""

    kind: str
    element: Tag
    visible: bool
    heading_path: tuple[str, ...]
    parts: list[str]
    level: int | None = None
    text: str = ""
    table: int | None = None
    row: int | None = None
    column: int | None = None
    row_header: str | None = None
    column_header: str | None = None
    corner_header: str | None = None
    # where its text goes on after a heading inside it ("<li><time>2019</time><h3>…</h3><p>…")
    continued: "_Pending | None" = None


@dataclass(eq=False)
class _Cell:
    pending: _Pending
    column: int
    colspan: int
    is_header: bool
    rowspan: int = 1


@dataclass(eq=False)
class _Table:
    """Rows and cells of one table as the walk meets them, with rowspans carried down."""

    index: int
    rows: list[list[_Cell]] = field(default_factory=list)
    thead_rows: set[int] = field(default_factory=set)
    covered: list[int] = field(default_factory=list)  # per column: rows a rowspan still covers
    taken: set[int] = field(default_factory=set)  # columns of the current row held from above

    def start_row(self, in_thead: bool) -> None:
        self.rows.append([])
        if in_thead:
            self.thead_rows.add(len(self.rows) - 1)
        self.taken = {column for column, rows in enumerate(self.covered) if rows > 0}
        for column in self.taken:
            self.covered[column] -= 1

    def place(self, block: _Pending, element: Tag) -> None:
        """Give a cell its row and column, skipping columns held by cells spanning from above."""
        if not self.rows:
            self.start_row(in_thead=False)
        row = self.rows[-1]
        column = row[-1].column + row[-1].colspan if row else 0
        while column in self.taken:
            column += 1
        colspan = _span(element, "colspan")
        rowspan = _span(element, "rowspan")
        if rowspan > 1:
            # Spans are tracked over the first _MAX_SPAN columns only: absurd spans stay cheap.
            end = min(column + colspan, _MAX_SPAN)
            self.covered.extend([0] * (end - len(self.covered)))
            for spanned in range(column, end):
                self.covered[spanned] = rowspan - 1
        row.append(_Cell(block, column, colspan, element.name == "th", rowspan))
        block.table, block.row, block.column = self.index, len(self.rows) - 1, column


class _Context(NamedTuple):
    hidden: bool
    in_content: bool
    collector: _Pending | None
    container: Tag
    table: _Table | None
    in_cell: bool


class _Exit(NamedTuple):
    """Leaving a block-level or hidden element: close its block, end the text run."""

    outer: _Context  # the context the element sits in
    opened: _Pending | None
    table: _Table | None  # the table the element started, if it is one
    block_level: bool


class _Walk:
    """One pass over the tree: blocks in document order, plus what dates and titles need."""

    def __init__(self, has_main: bool = True) -> None:
        self.has_main = has_main  # on a page with no <main> or <article>, an <aside> is judged by its name
        self.pending: list[_Pending] = []
        self.headings: list[tuple[int, str]] = []
        self.heading_path: tuple[str, ...] = ()
        self.anonymous: _Pending | None = None
        self.tables = 0
        self.id_counts: Counter[str] = Counter()
        self.title = ""
        self.og_title = ""
        self.meta: list[MetaDate] = []
        self.json_ld: list[tuple[str, str]] = []
        self.times: list[tuple[Tag, str, str]] = []
        self.ignores: list[tuple[str, str, Tag]] = []  # (rule, reason, element of its block)
        self.unplaced_ignores: list[tuple[str, str]] = []
        self.disclosed_ids: set[str] = set()  # panels named by a toggle's aria-controls
        self.block_classes: frozenset[str] = frozenset()  # laid out as blocks by the page's CSS
        self._locator: _Locator | None = None

    def run(self, soup: BeautifulSoup) -> None:
        root = _Context(False, False, None, soup, None, False)
        stack: list[tuple[object, _Context | None]] = [
            (child, root) for child in reversed(soup.contents)
        ]
        while stack:
            node, context = stack.pop()
            if context is None:
                self._leave(node)
            elif type(node) is NavigableString:
                if context.collector is not None:
                    collector = _live(context.collector)
                    # a <pre> block's lines are its rows ("CCMA  NHA  180  3 h")
                    collector.parts.append(node.replace("\n", LINE_BREAK) if collector.element.name == "pre" else node)
                else:
                    self._anonymous_text(node, context)
            elif isinstance(node, Tag):
                if (entered := self._enter(node, context)) is not None:
                    inner, exit = entered
                    if exit is not None:
                        stack.append((exit, None))
                    if node.contents:
                        stack.extend([(child, inner) for child in reversed(node.contents)])
            elif type(node) is Comment:
                self._comment(node, context)

    def _enter(self, element: Tag, context: _Context) -> tuple[_Context, _Exit | None] | None:
        """The context for the element's children and what to do on leaving it; None to skip it."""
        name = element.name
        attrs = element.attrs
        if not attrs and name not in _NEEDS_A_LOOK:
            return context, None  # plain inline markup (<strong>, <em>): nothing changes
        if name in _RECORDED_TAGS and self._record(element, name):
            return None
        if ident := attrs.get("id"):
            self.id_counts[ident] += 1
        block_level = name in _BLOCK_LEVEL or self._displayed_as_block(attrs)
        maybe_furniture = attrs or name in _FURNITURE_BY_POSITION
        if name in _FURNITURE_TAGS or (
            maybe_furniture and _is_furniture(element, name, context.in_content, self.has_main)
        ):
            if block_level:
                self._boundary(context)
            return None
        if "aria-controls" in attrs:
            self.disclosed_ids.update(attrs["aria-controls"].split())
        hidden = context.hidden or (
            bool(attrs) and _is_hidden(attrs) and not self._is_collapsed_panel(element)
        )
        if _is_counter_start(element):
            # An animated counter's markup holds the value it starts from ("0"), not the one
            # readers see, which only its script knows how to format.
            return None
        if name == "br":
            self._line_break(context)
        elif name == "time" and attrs.get("datetime"):
            self._record_time(element, context, element["datetime"])
        elif _MICROFORMAT_DATE_CLASSES.intersection(attrs.get("class") or ()) or (
            str(attrs.get("itemprop", "")).lower() in _MICRODATA_DATE_PROPS
        ):
            # hAtom's <span class="updated">2026-01-03T02:58:09+00:00</span>, often hidden;
            # schema.org microdata's <span itemprop="dateModified">Jul 9, 2026</span>
            self._record_time(element, context, element.get_text(" ", strip=True)[:_MICROFORMAT_MAX_CHARS])
        if not block_level and hidden == context.hidden:
            return context, None
        return self._enter_scope(element, context, hidden, block_level)

    def _enter_scope(
        self, element: Tag, context: _Context, hidden: bool, block_level: bool
    ) -> tuple[_Context, _Exit]:
        """A block-level or hidden element: an edge in the text, maybe a block or a table."""
        name = element.name
        if block_level:
            self._boundary(context)
        opened = self._open_block(element, name, context, hidden)
        table = _Table(self._next_table()) if name == "table" else context.table
        if name == "tr" and table is not None:
            parent = element.parent
            table.start_row(in_thead=parent is not None and parent.name == "thead")
        in_cell = context.in_cell
        if opened is not None and opened.kind == "table_cell":
            in_cell = True
            if context.table is not None:
                context.table.place(opened, element)
        in_content = (
            context.in_content or name in _CONTENT_ROOTS or element.attrs.get("role") == "main"
        )
        inner = _Context(hidden, in_content, opened or _live(context.collector), element, table, in_cell)
        return inner, _Exit(context, opened, table if name == "table" else None, block_level)

    def _displayed_as_block(self, attrs: dict) -> bool:
        """An inline tag the page's CSS shows on a line of its own, like a stat card's number."""
        classes = attrs.get("class")
        if classes and self.block_classes and not self.block_classes.isdisjoint(classes):
            return True
        style = attrs.get("style")
        return bool(style) and has_block_display(style)

    def _is_collapsed_panel(self, element: Tag) -> bool:
        """A closed accordion or "until-found" panel: hidden until the reader opens it.

        Screen-reader and snippet classes (sr-only, rich-snippet-hidden) never mark a panel.
        """
        attrs = element.attrs
        if _hidden_by_class(attrs):
            return False
        if attrs.get("hidden") == "until-found" or attrs.get("id") in self.disclosed_ids:
            return True
        toggle = element.find_previous_sibling()
        if toggle is None:
            return False
        return "aria-expanded" in toggle.attrs or bool(toggle.find(attrs={"aria-expanded": True}))

    def _record_time(self, element: Tag, context: _Context, value: str) -> None:
        collector = _live(context.collector) or self.anonymous
        preceding = "".join(collector.parts)[-60:] if collector else ""
        self.times.append((element, value, preceding, _attribute_words(element)))

    def _leave(self, exit: _Exit) -> None:
        opened = exit.opened
        if opened is not None:
            block: _Pending | None = opened
            while block is not None:
                block.text = normalize_text("".join(block.parts))
                block = block.continued
            if opened.kind == "heading" and opened.visible and opened.text:
                self._push_heading(opened.level or 6, opened.text)
                if exit.outer.collector is not None:
                    # a timeline entry's heading: the entry's text after it sits under it
                    outer = _live(exit.outer.collector)
                    outer.continued = self._new_block(outer.kind, outer.element, outer.visible)
        if exit.block_level:
            self._boundary(exit.outer)
        if exit.table is not None:
            _resolve_headers(exit.table)

    def _anonymous_text(self, node: NavigableString, context: _Context) -> None:
        """Text outside any block joins the current run of inline text, or starts one."""
        if self.anonymous is None:
            if not node.strip():
                return
            self.anonymous = self._new_block("paragraph", context.container, not context.hidden)
        self.anonymous.parts.append(node)

    def _boundary(self, context: _Context) -> None:
        """A block-level edge: separates words inside a block, ends an anonymous run outside one."""
        if context.collector is not None:
            _live(context.collector).parts.append(" ")
        elif self.anonymous is not None:
            self.anonymous.text = normalize_text("".join(self.anonymous.parts))
            self.anonymous = None

    def _line_break(self, context: _Context) -> None:
        collector = _live(context.collector) or self.anonymous
        if collector is not None:
            collector.parts.append(LINE_BREAK)

    def _open_block(
        self, element: Tag, name: str, context: _Context, hidden: bool
    ) -> _Pending | None:
        """A new block for this element, or None when its text belongs to the enclosing block."""
        kind = _OWN_BLOCKS.get(name)
        level = _HEADING_LEVELS.get(name)
        if name in ("td", "th"):
            if element.find("table") is not None:
                return None  # a layout cell holding a page (and its tables), not one figure
            kind = "table_cell" if context.table is not None else "paragraph"
        elif level is not None and not context.in_cell:
            kind = "heading"
        elif kind is None and context.collector is None:
            kind = _TOP_BLOCKS.get(name)
        if kind is None and hidden and not context.hidden:
            if context.collector is None and name in _BLOCK_LEVEL:
                return None  # a hidden <div> of its own: its text runs are hidden paragraphs
            # Hidden text inside visible text is a block of its own and leaves the words
            # around it joined: "Updated <span class=sr-only>on</span> May 2026".
            kind = "paragraph"
        if kind is None:
            return None
        block = self._new_block(kind, element, not hidden)
        if kind == "heading":
            # a heading sits under the headings of higher rank only, not under its predecessor
            block.level = level
            block.heading_path = tuple(text for rank, text in self.headings if rank < level)
        return block

    def _new_block(self, kind: str, element: Tag, visible: bool) -> _Pending:
        block = _Pending(kind, element, visible, self.heading_path, [])
        self.pending.append(block)
        if self.unplaced_ignores:
            self.ignores.extend((rule, reason, element) for rule, reason in self.unplaced_ignores)
            self.unplaced_ignores.clear()
        return block

    def _comment(self, comment: Comment, context: _Context) -> None:
        """An editor's `content-audit: ignore RULE -- reason` for the block it is in or precedes."""
        match = _SUPPRESSION.search(comment)
        if match is None:
            return
        reason = normalize_text(match.group("reason") or "")
        rules = [rule.strip().lower() for rule in match.group("rules").split(",")]
        collector = _live(context.collector) or self.anonymous
        for rule in rules:
            if collector is not None:
                self.ignores.append((rule, reason, collector.element))
            else:
                self.unplaced_ignores.append((rule, reason))

    def _push_heading(self, level: int, text: str) -> None:
        while self.headings and self.headings[-1][0] >= level:
            self.headings.pop()
        self.headings.append((level, text))
        self.heading_path = tuple(text for _, text in self.headings)

    def _next_table(self) -> int:
        self.tables += 1
        return self.tables - 1

    def _record(self, element: Tag, name: str) -> bool:
        """Collect title, meta and JSON-LD; True when the element holds no page text."""
        if name == "title":
            self.title = self.title or normalize_text(element.get_text())
            return True
        if name == "meta":
            self._record_meta(element)
            return True
        if name == "style":
            self.block_classes |= block_display_classes(element.get_text())
            return True
        script_type = (element.get("type") or "").strip().lower()
        if name == "script" and script_type == "application/ld+json":
            self.json_ld.append((element.get_text(), 'script[type="application/ld+json"]'))
            return True
        return False

    def _record_meta(self, element: Tag) -> None:
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = (element.get(attribute) or "").strip()
            if key.lower() in _RECORDED_METAS and (content := element.get("content")):
                if key.lower() == "og:title":
                    self.og_title = self.og_title or normalize_text(content)
                else:
                    self.meta.append(MetaDate(key, content, f'meta[{attribute}="{key}"]'))
                return

    @property
    def locate(self) -> _Locator:
        if self._locator is None:
            self._locator = _Locator(self.id_counts)
        return self._locator

    def blocks(self) -> tuple[Block, ...]:
        if self.anonymous is not None:
            self.anonymous.text = normalize_text("".join(self.anonymous.parts))
        locate = self.locate
        return tuple(
            # Positional: keyword arguments cost a measurable share of the walk on big pages.
            Block(
                block.kind, block.text, locate(block.element), block.heading_path, block.visible,
                block.level, block.table, block.row, block.column, block.row_header,
                block.column_header, None, block.corner_header,
            )
            for block in _joined_lines(self.pending)
        )

    def date_sources(self) -> DateSources:
        times = tuple(
            TimeElement(value, cues, preceding, self.locate(element), element.get_text(" ", strip=True)[:_MICROFORMAT_MAX_CHARS])
            for element, value, preceding, cues in self.times
        )
        return DateSources(meta=tuple(self.meta), json_ld=tuple(self.json_ld), times=times)

    def suppressions(self) -> tuple[Suppression, ...]:
        """Ignore comments with no block after them are kept page-wide (locator "")."""
        placed = [
            Suppression(rule, reason, self.locate(element))
            for rule, reason, element in self.ignores
        ]
        unplaced = [Suppression(rule, reason, "") for rule, reason in self.unplaced_ignores]
        return tuple(placed + unplaced)


def _joined_lines(pending: list[_Pending]) -> list[_Pending]:
    """The blocks with text, a PDF conversion's wrapped lines joined back into their sentence:
    "... biggest domain: 84 of the 150 scored" then "items, or about 65% of your score." in
    sibling <div>s are one paragraph."""
    joined: list[_Pending] = []
    for block in pending:
        if not block.text:
            continue
        if joined and _continues(joined[-1], block):
            previous = joined[-1]
            glue = "" if previous.text.endswith("-") and previous.text[-2:-1].isalpha() else " "
            previous.text = f"{previous.text}{glue}{block.text}"
            continue
        joined.append(block)
    return joined


def _continues(line: _Pending, block: _Pending) -> bool:
    """A block that carries on the line before it mid-sentence: both paragraphs of one parent,
    the line long and unfinished, the block starting in lower case."""
    return (
        block.kind == line.kind == "paragraph" and block.visible == line.visible
        and block.text[:1].islower() and len(line.text) >= WRAPPED_LINE_MIN_CHARS
        and not line.text.endswith(_SENTENCE_ENDS) and line.element.parent is block.element.parent
    )


def _live(collector: _Pending | None) -> _Pending | None:
    """The block a collector's text goes to now: itself, or its continuation after a heading."""
    while collector is not None and collector.continued is not None:
        collector = collector.continued
    return collector


def _is_counter_start(element: Tag) -> bool:
    """A number in the markup that a script counts away from, to the one an attribute holds."""
    attrs = element.attrs
    target = next((attrs[name] for name in _COUNTER_ATTRIBUTES if name in attrs), None)
    if not isinstance(target, str) or not _PLAIN_NUMBER.fullmatch(target.strip()):
        return False
    shown = element.get_text().strip()
    return bool(_PLAIN_NUMBER.fullmatch(shown)) and shown != target.strip()


def _attribute_words(element: Tag) -> str:
    classes = element.get("class") or []
    return " ".join([*classes, element.get("itemprop") or ""])


def _is_furniture(element: Tag, name: str, in_content: bool, has_main: bool = True) -> bool:
    """Site chrome or widgets by role, position or class; _FURNITURE_TAGS are checked first."""
    attrs = element.attrs
    if "role" in attrs and attrs["role"].strip().lower() in _FURNITURE_ROLES:
        return True
    if name in _CHROME_TAGS:
        # Only site headers and footers: an article's own header holds its title and byline.
        return not in_content
    if name == "aside":
        # A sidebar, unless it sits inside the article, or inside <main> (or on a page with
        # neither) and is not named as one: then it is a key-facts box that repeats (and can
        # contradict) the article's figures.
        if element.find_parent("article") is not None:
            return False
        if has_main and element.find_parent("main") is None:
            return True
        named = " ".join([attrs.get("id") or "", *(attrs.get("class") or ())]).lower()
        return any(word in named for word in _SIDEBAR_WORDS)
    if name in ("sup", "sub") and _is_footnote_mark(element):
        return True
    if name == "button":
        return not _is_disclosure(element)
    if name in _PAGE_ROOTS or not _NAMING_ATTRIBUTES.intersection(attrs):
        return False
    classes = [token.lower() for token in attrs.get("class") or ()]
    if any(token == "sidebar" or token.startswith("sidebar-") for token in classes):
        return True  # <div class="sidebar">, not a theme's "content-sidebar-wrap"
    if any(token.endswith(_AUTHOR_BOX_SUFFIXES) for token in classes):
        return True  # "Priya has analyzed healthcare labor data for 9 years": the writer's bio
    words = " ".join(
        [attrs.get("id") or "", *classes, attrs.get("aria-label") or "", attrs.get("itemtype") or ""]
    ).lower()
    return any(word in words for word in _FURNITURE_WORDS)


def _is_disclosure(button: Tag) -> bool:
    """An accordion toggle: its text is the FAQ question, which is content, not a control."""
    attrs = button.attrs
    if "aria-expanded" in attrs or "aria-controls" in attrs:
        return True
    return button.find_parent(_HEADING_NAMES) is not None


def _is_footnote_mark(element: Tag) -> bool:
    """A citation marker such as <sup><a href="#fn1">1</a></sup>: it would glue onto a number."""
    link = element.find("a", href=True)
    if link is not None and link["href"].startswith("#"):
        return True
    return bool(_FOOTNOTE_MARK.fullmatch(element.get_text().strip()))


def _is_hidden(attrs: dict) -> bool:
    return _hidden_by_attribute(attrs) or _hidden_by_class(attrs)


def _hidden_by_attribute(attrs: dict) -> bool:
    if "hidden" in attrs or (attrs.get("aria-hidden") or "").strip().lower() == "true":
        return True
    style = attrs.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _hidden_by_class(attrs: dict) -> bool:
    classes = attrs.get("class")
    if not classes:
        return False
    lowered = [token.lower() for token in classes]
    hiding = any(
        token in _HIDDEN_CLASSES
        or (token.endswith("-hidden") and not token.endswith(_NOT_HIDING_SUFFIXES))
        for token in lowered
    )
    return hiding and not any(_SHOWN_AT_BREAKPOINT.fullmatch(token) for token in lowered)


ROW_LABEL_MAX_CHARS = 80
WRAPPED_LINE_MIN_CHARS = 40
_SENTENCE_ENDS = (".", "!", "?", ":", ";", '"', "”")
_SENTENCE_INSIDE = re.compile(r"[a-z)][.!?]\s+[A-Z]")


def _span(element: Tag, attribute: str) -> int:
    try:
        return min(max(int(element.get(attribute) or 1), 1), _MAX_SPAN)
    except ValueError:
        return 1


def _resolve_headers(table: _Table) -> None:
    """Fill in column headers from the header rows and row headers from each row's label."""
    header_rows = table.thead_rows or _header_first_row(table)
    column_headers: dict[int, list[str]] = {}
    for index in sorted(header_rows):
        row = table.rows[index]
        for cell in row:
            text = _ordinal_of_dimension(cell.pending.text, row[0].pending.text if cell is not row[0] else "")
            for column in range(cell.column, cell.column + cell.colspan):
                texts = column_headers.setdefault(column, [])
                if text and text not in texts:
                    texts.append(text)
    groups: list[tuple[_Cell, int]] = []  # row-group labels spanning down, with their last row
    for index, row in enumerate(table.rows):
        if index in header_rows:
            continue
        groups = [(cell, last) for cell, last in groups if last >= index]
        label = _row_label(row, first_column=max((cell.column + cell.colspan for cell, _ in groups), default=0))
        text = label.pending.text if label is not None else None
        if label is not None and (label.rowspan > 1 or label.pending.element.get("scope") == "rowgroup"):
            # "<th rowspan=3>Exam</th><th>Questions</th>", then "<th>Fee</th>": "Exam Questions", "Exam Fee"
            groups.append((label, index + label.rowspan - 1))
            inner = next((c for c in row if c.column > label.column and _reads_as_label(c)), None)
            label, text = (inner, f"{text} {inner.pending.text}") if inner is not None else (label, text)
        elif label is not None:
            above = [cell.pending.text for cell, _ in groups if cell.column < label.column]
            text = " ".join([*above, text])
        corner = " ".join(column_headers.get(label.column, ())) or None if label is not None else None
        for cell in row:
            cell.pending.column_header = " ".join(column_headers.get(cell.column, ())) or None
            if label is not None and label is not cell and label.column < cell.column:
                cell.pending.row_header = text
                cell.pending.corner_header = corner


def _ordinal_of_dimension(header: str, dimension: str) -> str:
    """ "10th" under a header row that starts "Percentile" is the 10th percentile: a bare
    ordinal header counts what the row's first cell names."""
    if dimension and _BARE_ORDINAL.fullmatch(header) and _LETTER.search(dimension) and not _DIGIT.search(dimension):
        return f"{header} {dimension.lower()}"
    return header


def _header_first_row(table: _Table) -> set[int]:
    """Without a <thead>, a first row of <th> labels, of bold text only, or of words over a row of
    figures is the header row; a row of labels under a first row of bare figures heads those figures."""
    if len(table.rows) < 2:
        return set()
    first = table.rows[0]
    if first and all(not _LETTER.search(cell.pending.text) for cell in first):
        # figures over their labels ("$43,660 | 6%" above "Median pay | Growth"): the labels head them
        second = table.rows[1]
        return {1} if second and all(_LETTER.search(cell.pending.text) for cell in second) else set()
    if all(cell.is_header and _LETTER.search(cell.pending.text) for cell in first):
        return {0}  # not "<th>Total questions</th><th>120</th>": a row of its own
    if all(_LETTER.search(c.pending.text) and not _DIGIT.search(c.pending.text) for c in first) and any(
        c.pending.text and not _LETTER.search(c.pending.text) for c in table.rows[1]
    ):
        return {0}  # "Work setting | Median annual" above "Hospitals | $43,590"
    labels = [cell for cell in first if cell.pending.text]
    return {0} if labels and all(_is_bold(cell) for cell in labels) else set()


def _is_bold(cell: _Cell) -> bool:
    """A cell whose whole text is <strong> or <b>, as editors mark header rows by hand."""
    bold = cell.pending.element.find_all(["strong", "b"])
    return normalize_text(" ".join(tag.get_text() for tag in bold)) == cell.pending.text


def _row_label(row: list[_Cell], first_column: int = 0) -> _Cell | None:
    """The row's header cell: its first <th>, else a cell in the first column that a row group
    above leaves free, if it reads as a label."""
    for cell in row:
        if cell.is_header and _LETTER.search(cell.pending.text) and _is_short_label(cell.pending.text):
            return cell  # a <th> holding only a figure ("<th>$47,920</th>") is no label
    first = row[0] if row else None
    if first is None or first.column != first_column or not _is_short_label(first.pending.text):
        return None  # an email's layout cell of sentences labels nothing beside it
    if _LETTER.search(first.pending.text) or _YEAR_LABEL.fullmatch(first.pending.text):
        return first  # "Medical assistants | 12%", "2019-29 | 19%"
    return None


def _is_short_label(text: str) -> bool:
    return len(text) <= ROW_LABEL_MAX_CHARS and not _SENTENCE_INSIDE.search(text)


def _reads_as_label(cell: _Cell) -> bool:
    """Inside a row group: a <th> with words, or a data cell of words only ("<th rowspan=3>
    Healthcare providers</th><td>Hospitals</td><td>38%</td>")."""
    text = cell.pending.text
    return bool(_LETTER.search(text)) and (cell.is_header or not _DIGIT.search(text))


def _first_h1(blocks: tuple[Block, ...]) -> str:
    return next((b.text for b in blocks if b.kind == "heading" and b.level == 1 and b.visible), "")


class _Locator:
    """CSS selectors for elements: the nearest unique #id, then tag:nth-of-type(n) steps.

    Selectors are meant for the page as a browser builds it (rows inside a <tbody>).

    Only the elements asked for and their parents are cached: caching every ancestor would
    store quadratic text on deeply nested pages.
    """

    def __init__(self, id_counts: Counter[str]) -> None:
        self.id_counts = id_counts
        self.cache: dict[int, str] = {}
        self.steps: dict[int, dict[int, str]] = {}

    def __call__(self, element: Tag) -> str:
        if known := self.cache.get(id(element)):
            return known
        parent = element.parent
        if parent_locator := self.cache.get(id(parent)):
            locator = self.cache[id(element)] = f"{parent_locator} > {self._step(element)}"
            return locator
        steps: list[str] = []
        node: Tag | None = element
        prefix = ""
        while node is not None and node.name != "[document]":
            if known := self.cache.get(id(node)):
                prefix = known
                break
            ident = node.attrs.get("id")
            if ident and self.id_counts[ident] == 1 and _SIMPLE_ID.fullmatch(ident):
                prefix = f"#{ident}"
                break
            if node.name in ("body", "head"):
                prefix = node.name
                break
            steps.append(self._step(node))
            node = node.parent
        locator = " > ".join([part for part in (prefix, *reversed(steps)) if part])
        self.cache[id(element)] = locator
        if parent is not None and (parent_locator := locator.rpartition(" > ")[0]):
            self.cache.setdefault(id(parent), parent_locator)
        return locator

    def _step(self, node: Tag) -> str:
        parent = node.parent
        if parent is None:
            return node.name
        siblings = self.steps.get(id(parent))
        if siblings is None:
            siblings = self.steps[id(parent)] = _sibling_steps(parent)
        return siblings.get(id(node), node.name)


def _sibling_steps(parent: Tag) -> dict[int, str]:
    children = [child for child in parent.contents if isinstance(child, Tag)]
    totals: dict[str, int] = {}
    for child in children:
        totals[child.name] = totals.get(child.name, 0) + 1
    seen: dict[str, int] = {}
    steps = {}
    # Browsers wrap a table's bare rows in a <tbody>; lxml does not. Selectors follow browsers.
    wrapper = "tbody > " if parent.name == "table" else ""
    for child in children:
        name = child.name
        if totals[name] == 1:
            step = name
        else:
            seen[name] = seen.get(name, 0) + 1
            step = f"{name}:nth-of-type({seen[name]})"
        steps[id(child)] = wrapper + step if name == "tr" else step
    return steps
