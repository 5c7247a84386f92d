"""One fetched page as the crawler hands it to the store: the raw material of an audit."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime

# Only these response headers are kept: they explain what was fetched and make the next fetch
# conditional; the rest (cookies, server banners, dates) is noise in a history table.
KEPT_HEADERS = ("content-type", "content-length", "etag", "last-modified", "cache-control", "location")


@dataclass(frozen=True, slots=True)
class Snapshot:
    """cached is True when the server answered 304 and the body came from the HTTP cache."""

    url: str
    fetched_at: datetime
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    encoding: str | None = None
    cached: bool = False
    site: str = ""

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.body).hexdigest()


def kept_headers(headers: dict[str, str]) -> dict[str, str]:
    lowered = {name.lower(): value for name, value in headers.items()}
    return {name: lowered[name] for name in KEPT_HEADERS if name in lowered}
