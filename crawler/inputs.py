"""Turn the audit command's arguments (files, directories, '-', URLs) into documents.

Local files (HTML or Markdown) are named by their path relative to the working directory, so
fingerprints, baselines and SARIF locations do not depend on how the path was typed, and keep
their source text for line and column positions.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from checks.decode import decode_html
from checks.document import parse_html
from checks.errors import AuditInputError
from checks.markdown import MARKDOWN_SUFFIXES, body_offset, parse_markdown
from checks.model import Document, PageFailure
from checks.positions import SourceText, locate

PAGE_SUFFIXES = (".html", ".htm", ".xhtml")
CONTENT_SUFFIXES = PAGE_SUFFIXES + MARKDOWN_SUFFIXES


@dataclass(frozen=True)
class Inputs:
    documents: list[Document]
    failures: list[PageFailure]
    sources: dict[str, SourceText] = field(default_factory=dict)


@dataclass(frozen=True)
class LocalPage:
    document: Document
    source: SourceText


def is_url(argument: str) -> bool:
    return argument.startswith(("http://", "https://"))


def expand_paths(arguments: Iterable[str]) -> list[str]:
    """Files as given, HTML and Markdown files inside directories (sorted), '-' for stdin.

    Raises AuditInputError for a path that does not exist or a directory with no pages.
    """
    expanded: list[str] = []
    for argument in arguments:
        if argument == "-" or is_url(argument):
            expanded.append(argument)
            continue
        path = Path(argument)
        if path.is_dir():
            pages = sorted(str(p) for p in path.rglob("*") if p.suffix.lower() in CONTENT_SUFFIXES and p.is_file())
            if not pages:
                raise AuditInputError(f"{argument}: directory holds no HTML or Markdown files ({', '.join(CONTENT_SUFFIXES)})")
            expanded += pages
        elif path.is_file():
            expanded.append(argument)
        else:
            raise AuditInputError(f"{argument}: no such file or directory")
    return expanded


def page_name(argument: str) -> str:
    """A local file's page URL: its path relative to the working directory when inside it."""
    if argument == "-":
        return "<stdin>"
    relative = os.path.relpath(os.path.abspath(argument))
    return Path(argument).as_posix() if relative.startswith("..") else Path(relative).as_posix()


def read_local(argument: str, max_bytes: int) -> LocalPage:
    """Parse one local file (or stdin for '-') with source positions; AuditInputError names
    the file and the problem."""
    try:
        body = sys.stdin.buffer.read() if argument == "-" else Path(argument).read_bytes()
    except OSError as error:
        raise AuditInputError(f"{argument}: cannot read: {error.strerror or error}") from error
    name = page_name(argument)
    try:
        if Path(argument).suffix.lower() in MARKDOWN_SUFFIXES:
            text = decode_html(body, "utf-8", max_bytes=max_bytes)
            source = SourceText(text, markdown=True, start=body_offset(text))
            document = parse_markdown(text, name)
        else:
            text = decode_html(body, None, max_bytes=max_bytes)
            source = SourceText(text)
            document = parse_html(text, name)
    except AuditInputError as error:
        raise AuditInputError(f"{name}: {error}") from error
    return LocalPage(locate(document, source), source)
