"""From fetched bytes to a Document, and the version stamp that says which parser made it."""

from __future__ import annotations

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
def parser_version() -> str:
    """A digest of the core's source: any change to it (decoding, parsing, the model) retires
    every stored parse, so a reused Document is never one this release would not produce."""
    digest = hashlib.sha256()
    for source in sorted(Path(checks.__file__).parent.rglob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]
