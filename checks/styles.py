"""What a page's own <style> rules say about layout, read just enough to split text correctly.

Stat cards are often `<span class="num">180</span><span class="label">Total questions</span>`
with `.num{display:block}` in the page's stylesheet: readers see two lines, the markup has
two adjacent inline spans. Knowing which classes the page lays out as blocks keeps "180" and
"Total questions" apart. This is no CSS engine: only class selectors are read, and a wrong
guess costs no more than a block edge where there was none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_COMMENT = re.compile(r"/\*.*?(?:\*/|\Z)", re.DOTALL)
_BRACES = re.compile(r"([{}])")
_BLOCK_DISPLAY = re.compile(
    r"(?:^|;)\s*display\s*:\s*(?:block|flex|grid|table|list-item|flow-root)\b", re.IGNORECASE
)
_COMBINATORS = re.compile(r"[\s>+~]+")
_CLASS = re.compile(r"\.(-?[A-Za-z_][\w-]*)")


def block_display_classes(css: str) -> frozenset[str]:
    """Classes that a rule in this stylesheet displays as a block box (also inside @media)."""
    classes: set[str] = set()
    for selectors, declarations in _rules(_COMMENT.sub("", css)):
        if _BLOCK_DISPLAY.search(declarations):
            classes.update(filter(None, map(_subject_class, selectors.split(","))))
    return frozenset(classes)


def has_block_display(style: str) -> bool:
    """True when an inline style attribute makes the element a block box."""
    return bool(_BLOCK_DISPLAY.search(style))


def _rules(css: str) -> Iterator[tuple[str, str]]:
    """(selectors, declarations) of every rule, at any nesting depth."""
    preludes: list[str] = []
    text = ""
    for token in _BRACES.split(css):
        if token == "{":
            preludes.append(text.strip())
            text = ""
        elif token == "}":
            if preludes:
                yield preludes.pop(), text
            text = ""
        else:
            text = token


def _subject_class(selector: str) -> str | None:
    """The one class of the element a selector styles: ".card .num" -> "num".

    Pseudo-classes, pseudo-elements, attribute selectors and compound classes (".a.b") are
    skipped: they style an element only in some state or combination.
    """
    subject = _COMBINATORS.split(selector.strip())[-1]
    if ":" in subject or "[" in subject:
        return None
    classes = _CLASS.findall(subject)
    return classes[0] if len(classes) == 1 else None
