"""ASGI middleware at the door: the per-client rate limit, then the bearer token.

/healthz passes freely (monitors poll it and it reveals nothing). Every other request counts
against its client's bucket; the token, when one is configured, is required on /api/* or, with
`token_required_for: all`, on every page. Tokens are compared in constant time.
"""

from __future__ import annotations

import hmac

from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from crawler.web.errors import ApiError, error_response
from crawler.web.ratelimit import RateLimiter

OPEN_PATHS = frozenset({"/healthz"})


class GateMiddleware:
    def __init__(self, app: ASGIApp, limiter: RateLimiter, token: str | None, token_required_for: str = "api") -> None:
        self.app = app
        self.limiter = limiter
        self.token = token
        self.protect_all = token_required_for == "all"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in OPEN_PATHS:
            await self.app(scope, receive, send)
            return
        refusal = self._refusal(scope)
        if refusal is not None:
            await error_response(Request(scope), refusal)(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _refusal(self, scope: Scope) -> ApiError | None:
        client = scope.get("client")
        decision = self.limiter.take(client[0] if client else "unknown")
        if not decision.allowed:
            return ApiError(
                429, "rate_limited", f"too many requests from this address; retry in {decision.retry_after_s} s",
                {"Retry-After": str(decision.retry_after_s)},
            )
        if self.token and (self.protect_all or scope["path"].startswith("/api/")) and not self._authorised(scope):
            return ApiError(
                401, "unauthorized", "this endpoint needs an `Authorization: Bearer <token>` header with the service's token",
                {"WWW-Authenticate": 'Bearer realm="content-audit"'},
            )
        return None

    def _authorised(self, scope: Scope) -> bool:
        header = dict(scope["headers"]).get(b"authorization", b"").decode("latin-1")
        scheme, _, presented = header.partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(presented.strip().encode(), self.token.encode())
