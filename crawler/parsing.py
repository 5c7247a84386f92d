"""From fetched bytes to a Document, and digests of the core's source that say which code made it."""

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


@cache
def source_digest(modules: tuple[str, ...]) -> str:
    """A digest of the source of these checks modules and every checks module they import: a
    change there retires everything stored from their output, so nothing reused is something
    this release would not produce."""
    digest = hashlib.sha256()
    for source in sorted(_sources_of(modules)):
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
