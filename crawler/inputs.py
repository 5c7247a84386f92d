"""Turn the audit command's arguments (files, directories, '-', URLs) into documents."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from checks.decode import decode_html
from checks.document import parse_html
from checks.errors import AuditInputError
from checks.model import Document, PageFailure

PAGE_SUFFIXES = (".html", ".htm", ".xhtml")


@dataclass(frozen=True)
class Inputs:
    documents: list[Document]
    failures: list[PageFailure]


def is_url(argument: str) -> bool:
    return argument.startswith(("http://", "https://"))


def expand_paths(arguments: Iterable[str]) -> list[str]:
    """Files as given, HTML files inside directories (sorted), '-' for stdin.

    Raises AuditInputError for a path that does not exist or a directory with no pages.
    """
    expanded: list[str] = []
    for argument in arguments:
        if argument == "-" or is_url(argument):
            expanded.append(argument)
            continue
        path = Path(argument)
        if path.is_dir():
            pages = sorted(str(p) for p in path.rglob("*") if p.suffix.lower() in PAGE_SUFFIXES and p.is_file())
            if not pages:
                raise AuditInputError(f"{argument}: directory holds no HTML files ({', '.join(PAGE_SUFFIXES)})")
            expanded += pages
        elif path.is_file():
            expanded.append(argument)
        else:
            raise AuditInputError(f"{argument}: no such file or directory")
    return expanded


def read_document(argument: str, max_bytes: int) -> Document:
    """Parse one local file (or stdin for '-'); AuditInputError names the file and the problem."""
    try:
        body = sys.stdin.buffer.read() if argument == "-" else Path(argument).read_bytes()
    except OSError as error:
        raise AuditInputError(f"{argument}: cannot read: {error.strerror or error}") from error
    name = "<stdin>" if argument == "-" else argument
    try:
        return parse_html(decode_html(body, None, max_bytes=max_bytes), name)
    except AuditInputError as error:
        raise AuditInputError(f"{name}: {error}") from error
