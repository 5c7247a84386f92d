"""Writing a report so that a reader never sees half of it.

The text goes to a temporary file in the target's own folder (a rename is atomic only within one
file system) and is renamed over the target once it is flushed to disk.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


def atomic_write(path: Path, text: str) -> Path:
    """Write text to path as UTF-8 in one rename; the folder is created if needed."""
    with atomic_stream(path) as stream:
        stream.write(text)
    return path


@contextmanager
def atomic_stream(path: Path) -> Iterator[TextIO]:
    """A UTF-8 text stream whose content replaces path in one rename when the block ends without
    an error: a large report is written piece by piece instead of being held whole in memory."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp creates the file 0600; a report is meant to be read by others, like any new file.
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
