"""Structured access log: one JSON object per request, on its own line.

Fields: time (UTC, ISO 8601), request_id (also sent back as X-Request-Id), client, method, path,
query, status, bytes (response body), duration_ms and user_agent. JSON encoding escapes whatever
a client puts in its path or headers, so a request can never forge a log line.
"""

from __future__ import annotations

import json
import logging
import secrets
import time
from datetime import datetime, timezone

from starlette.types import ASGIApp, Message, Receive, Scope, Send

ACCESS_LOGGER = "content_audit.access"
# Long query strings (a URL to audit) are kept, but not without bound.
MAX_LOGGED_QUERY = 2048


class AccessLogMiddleware:
    def __init__(self, app: ASGIApp, logger: logging.Logger | None = None) -> None:
        self.app = app
        self.logger = logger or logging.getLogger(ACCESS_LOGGER)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = secrets.token_hex(6)
        scope.setdefault("state", {})["request_id"] = request_id
        started = time.perf_counter()
        outcome = {"status": 500, "bytes": 0}

        async def logged_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                outcome["status"] = message["status"]
                message["headers"] = [*message.get("headers", []), (b"x-request-id", request_id.encode())]
            elif message["type"] == "http.response.body":
                outcome["bytes"] += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, logged_send)
        finally:
            self.logger.info(json.dumps(_entry(scope, request_id, outcome, started), ensure_ascii=False))


def _entry(scope: Scope, request_id: str, outcome: dict[str, int], started: float) -> dict[str, object]:
    headers = dict(scope.get("headers", []))
    client = scope.get("client")
    return {
        "time": datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
        "request_id": request_id,
        "client": client[0] if client else None,
        "method": scope["method"],
        "path": scope["path"],
        "query": scope.get("query_string", b"").decode("latin-1")[:MAX_LOGGED_QUERY],
        "status": outcome["status"],
        "bytes": outcome["bytes"],
        "duration_ms": round((time.perf_counter() - started) * 1000, 1),
        "user_agent": headers.get(b"user-agent", b"").decode("latin-1"),
    }


def json_lines_handler(stream) -> logging.Handler:
    """A handler writing each access entry as it is (already JSON), one per line."""
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(message)s"))
    return handler
