"""From fetched bytes to a Document, and the version stamp that says which parser made it."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

import checks
from checks.decode import decode_html
from checks.document import parse_html
from checks.model import Document
from crawler.snapshot import Snapshot


def read_document(snapshot: Snapshot, max_bytes: int) -> Document:
    """Decode and parse a snapshot; raises checks.errors.AuditInputError for an unreadable page."""
    return parse_html(decode_html(snapshot.body, snapshot.encoding, max_bytes=max_bytes), snapshot.url)


@cache
def parser_version() -> str:
    """A digest of the core's source: any change to it (decoding, parsing, the model) retires
    every stored parse, so a reused Document is never one this release would not produce."""
    digest = hashlib.sha256()
    for source in sorted(Path(checks.__file__).parent.rglob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]
