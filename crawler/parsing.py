"""From fetched bytes to a Document, and the version stamp that says which parser made it."""

from __future__ import annotations

import ast
import hashlib
from functools import cache
from pathlib import Path

import checks
from checks.decode import decode_html
from checks.document import parse_html
from checks.errors import AuditInputError
from checks.model import Document, PageFailure
from crawler.snapshot import Snapshot


def read_document(snapshot: Snapshot, max_bytes: int) -> Document | PageFailure:
    """Decode and parse a snapshot, or say why the page cannot be read."""
    try:
        return parse_html(decode_html(snapshot.body, snapshot.encoding, max_bytes=max_bytes), snapshot.url)
    except AuditInputError as error:
        return PageFailure(snapshot.url, f"cannot read page: {error}", snapshot.status)


PARSER_MODULES = ("checks.decode", "checks.document")


@cache
def parser_version() -> str:
    """A digest of the source of decoding and parsing and every checks module they import: a
    change there retires every stored parse, so a reused Document is never one this release
    would not produce. Changes to extraction or rules do not: they run on every audit anyway."""
    digest = hashlib.sha256()
    for source in sorted(_sources_of(PARSER_MODULES)):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def _sources_of(modules: tuple[str, ...]) -> set[Path]:
    package = Path(checks.__file__).parent
    found: set[Path] = set()
    pending = list(modules)
    while pending:
        path = package.joinpath(*pending.pop().split(".")[1:]).with_suffix(".py")
        if path in found or not path.is_file():
            continue
        found.add(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("checks."):
                pending.append(node.module)
            elif isinstance(node, ast.Import):
                pending += [alias.name for alias in node.names if alias.name.startswith("checks.")]
    return found
