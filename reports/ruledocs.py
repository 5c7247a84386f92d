"""Rule documentation (the rule modules' docstrings, in ruff's sections) as report HTML.

The docstrings use a small subset of Markdown: `## Section` headings, paragraphs separated by
blank lines, `code` spans and a "Use instead:" label. That subset is all this renders; every
piece of text is escaped before any markup is wrapped around it.
"""

from __future__ import annotations

from markupsafe import Markup, escape

USE_INSTEAD = "Use instead:"


def rule_doc_html(doc: str, heading_level: int = 4) -> Markup:
    """The doc as headings and paragraphs; section headings get heading_level."""
    parts: list[Markup] = []
    for block in (b.strip() for b in doc.split("\n\n")):
        if not block:
            continue
        first, _, rest = block.partition("\n")
        if first.startswith("## "):
            parts.append(Markup("<h{0}>{1}</h{0}>").format(heading_level, inline(first[3:].strip())))
            if rest.strip():
                parts.append(_paragraph(rest))
        elif first.startswith(USE_INSTEAD):
            label_rest = " ".join((first[len(USE_INSTEAD) :], rest)).strip()
            parts.append(Markup("<p><strong>{}</strong> {}</p>").format(USE_INSTEAD, inline(label_rest)))
        else:
            parts.append(_paragraph(block))
    return Markup("\n").join(parts)


def _paragraph(text: str) -> Markup:
    return Markup("<p>{}</p>").format(inline(" ".join(text.split())))


def inline(text: str) -> Markup:
    """text escaped, with `backtick` spans as <code>; unpaired backticks stay as written."""
    pieces = text.split("`")
    if len(pieces) % 2 == 0:
        return escape(text)
    return Markup("").join(
        Markup("<code>{}</code>").format(piece) if index % 2 else escape(piece) for index, piece in enumerate(pieces)
    )
