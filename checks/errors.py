"""Errors the core raises for bad input; the CLI turns them into messages and exit code 2."""

from __future__ import annotations


class AuditInputError(Exception):
    """A page or file that cannot be audited (empty, binary, undecodable, too large)."""


class FactFileError(Exception):
    """A malformed or inconsistent fact file, located to the line."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")
