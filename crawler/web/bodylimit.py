"""ASGI middleware: refuse request bodies over a size limit, declared or streamed, with a 413.

A declared Content-Length over the limit is refused before the body is read; a body streamed
without one is counted as it arrives and refused as soon as it passes the limit.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from crawler.web.errors import ApiError, error_response


def _too_large(limit: int) -> ApiError:
    return ApiError(413, "body_too_large", f"request bodies are limited to {limit} bytes")


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"0")
        if not declared.isdigit() or int(declared) > self.max_bytes:
            # Answered here: Starlette's exception handlers sit inside this middleware.
            error = _too_large(self.max_bytes) if declared.isdigit() else ApiError(400, "bad_request", "invalid Content-Length")
            await error_response(Request(scope), error)(scope, receive, send)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise _too_large(self.max_bytes)
            return message

        await self.app(scope, limited_receive, send)
