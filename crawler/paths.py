"""Where the service keeps its state: one data directory, overridable by option or environment.

The data directory holds the SQLite store (whose snapshots are also Scrapy's HTTP cache: the
validators that make re-crawls conditional) and, unless a site says otherwise, the reports.
"""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR_ENV = "CONTENT_AUDIT_DATA"
STORE_URL_ENV = "CONTENT_AUDIT_STORE"
DEFAULT_DATA_DIR = ".content-audit"


def resolve_data_dir(option: str | os.PathLike[str] | None = None) -> Path:
    """--data-dir wins, then $CONTENT_AUDIT_DATA, then ./.content-audit."""
    chosen = option or os.environ.get(DATA_DIR_ENV) or DEFAULT_DATA_DIR
    return Path(chosen).expanduser().resolve()


def resolve_store_url(data_dir: Path, option: str | None = None) -> str:
    """--store wins, then $CONTENT_AUDIT_STORE, then a SQLite file in the data directory."""
    return option or os.environ.get(STORE_URL_ENV) or f"sqlite:///{data_dir / 'audit.db'}"


def default_report_dir(data_dir: Path, site: str) -> Path:
    return data_dir / "reports" / site
