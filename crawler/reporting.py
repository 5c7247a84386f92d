"""Writing a run's report: every format through one function, each file written atomically.

A reader (a browser, a CI job, a sync tool) never sees half a report: each file is written to a
temporary name in the same folder and renamed into place.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from checks.engine import AuditResult
from reports.formats.json import render as render_json

# One renderer per format, all (AuditResult) -> str; the HTML report registers here.
RENDERERS: dict[str, tuple[Callable[[AuditResult], str], str]] = {"json": (render_json, ".json")}


def write_report(result: AuditResult, directory: Path, stem: str, formats: Sequence[str] = ("json",)) -> Path:
    """Render result in each format into directory/stem.EXT; returns the first file's path."""
    unknown = [name for name in formats if name not in RENDERERS]
    if unknown:
        raise ValueError(f"unknown report format {', '.join(unknown)}; known: {', '.join(RENDERERS)}")
    paths = []
    for name in formats:
        render, suffix = RENDERERS[name]
        paths.append(atomic_write(directory / f"{stem}{suffix}", render(result)))
    return paths[0]


def atomic_write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
