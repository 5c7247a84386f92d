"""`--changed-since GIT_REF`: report only on the content files a change touched.

Every page given on the command line is still audited, so cross-page checks compare a changed
page with the unchanged ones (a change that contradicts an unchanged page fails); only the
report is narrowed to the changed files. A file counts as changed when it differs between the
merge base of REF and HEAD (what a pull request changes), differs between HEAD and the working
tree, or is untracked and not ignored. Deleted files are not pages any more and are skipped.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess

from checks.engine import AuditResult
from checks.errors import AuditInputError

_NAMES = ["--name-only", "-z", "--diff-filter=d", "--relative"]


def changed_files(ref: str) -> frozenset[str]:
    """Absolute paths of the files under the working directory changed since ref."""
    if ref.startswith("-"):
        raise AuditInputError(f"--changed-since: {ref!r} is not a git revision")
    try:
        committed = _git("diff", *_NAMES, f"{ref}...HEAD")
    except AuditInputError:
        # No merge base (unrelated histories, a shallow clone): compare with ref itself.
        committed = _git("diff", *_NAMES, ref)
    uncommitted = _git("diff", *_NAMES, "HEAD")
    untracked = _git("ls-files", "--others", "--exclude-standard", "-z")
    return frozenset(os.path.abspath(name) for name in (*committed, *uncommitted, *untracked))


def only_changed(result: AuditResult, changed: frozenset[str]) -> AuditResult:
    """The result narrowed to pages (and failed pages) whose files are in changed."""
    return dataclasses.replace(
        result,
        pages=tuple(page for page in result.pages if _is_changed(page.url, changed)),
        failures=tuple(failure for failure in result.failures if _is_changed(failure.url, changed)),
    )


def _is_changed(url: str, changed: frozenset[str]) -> bool:
    return "://" not in url and os.path.abspath(url) in changed


def _git(*arguments: str) -> list[str]:
    try:
        completed = subprocess.run(["git", *arguments], capture_output=True, check=False)
    except FileNotFoundError as error:
        raise AuditInputError("--changed-since needs git, and git is not installed") from error
    if completed.returncode != 0:
        message = completed.stderr.decode(errors="replace").strip().splitlines()
        raise AuditInputError(f"--changed-since: git {arguments[0]} failed: {message[0] if message else 'no message'}")
    return [name for name in completed.stdout.decode(errors="surrogateescape").split("\0") if name]
