"""A page as the audit needs it once it has been read: its claims, and the little of its
document that the rules read besides them. Made once per page as the crawl fetches it, stored
by (URL, body, analysis version), and reused by every later run that fetches the same body.

What the rules read besides claims (checks.rules, checks.suppressions): the page's title, dates
and ignore comments, and its table cells (table totals, and comments that cover a table). Every
other block is needed only to extract the claims, so it is dropped: a crawl keeps a few
kilobytes per page for the audit instead of the whole parsed page.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from checks.extract import Extraction, extract
from checks.facts import FactBase
from checks.model import Document, PageFailure
from crawler.parsing import read_document, source_digest
from crawler.snapshot import Snapshot

# Decoding, parsing and extraction, with everything they import: the code an analysis comes from.
ANALYSIS_MODULES = ("checks.decode", "checks.document", "checks.extract")


@dataclass(frozen=True, slots=True)
class PageAnalysis:
    document: Document  # title, dates, ignore comments and table cells only (see audit_document)
    extraction: Extraction


def analyse(snapshot: Snapshot, facts: FactBase, max_bytes: int) -> PageAnalysis | PageFailure:
    """Read a fetched page and extract its claims, or say why the page cannot be read."""
    document = read_document(snapshot, max_bytes)
    if isinstance(document, PageFailure):
        return document
    return PageAnalysis(audit_document(document), extract(document, facts))


def audit_document(document: Document) -> Document:
    """The document with only the blocks the rules read once claims are extracted."""
    tables = tuple(block for block in document.blocks if block.table is not None)
    return Document(document.url, document.title, tables, document.dates, document.suppressions)


def analysis_version(facts: FactBase) -> str:
    """Changes with the code that reads and extracts pages and with the fact base (whose
    vocabulary decides what a claim is), so a stored analysis is reused only when this run
    would make the same one. The fact base is fingerprinted by its value (frozen dataclasses of
    tuples, so its repr is stable), not its file: a reformatted file keeps the stored analyses."""
    facts_digest = hashlib.sha256(repr(facts).encode("utf-8")).hexdigest()[:16]
    return f"{source_digest(ANALYSIS_MODULES)}-{facts_digest}"
