"""Errors as clients see them: a status, a stable code and a message; never a stack trace.

API clients (paths under /api/, or anyone not asking for HTML) get
`{"error": {"code": "...", "message": "..."}}`; browsers on the HTML pages get the same code and
message in a small HTML page. Unexpected exceptions are logged here with the request id and
answered with `internal_error` and that id, nothing more.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from crawler.web.pages import render_error

logger = logging.getLogger("content_audit.web")

_HTTP_CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
    413: "body_too_large", 415: "unsupported_media_type", 429: "rate_limited", 503: "busy",
}


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = dict(headers or {})


def error_response(request: Request, error: ApiError) -> Response:
    if wants_html(request):
        return HTMLResponse(render_error(error.status, error.code, error.message), error.status, error.headers)
    return JSONResponse({"error": {"code": error.code, "message": error.message}}, error.status, error.headers)


def wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api/") and "text/html" in request.headers.get("accept", "")


async def api_error_handler(request: Request, error: Exception) -> Response:
    assert isinstance(error, ApiError)
    return error_response(request, error)


async def http_error_handler(request: Request, error: Exception) -> Response:
    """Starlette's own 404 / 405 in the same shape as ours."""
    assert isinstance(error, HTTPException)
    code = _HTTP_CODES.get(error.status_code, "http_error")
    return error_response(request, ApiError(error.status_code, code, str(error.detail), error.headers))


async def internal_error_handler(request: Request, error: Exception) -> Response:
    request_id = request.scope.get("state", {}).get("request_id", "-")
    logger.error("Unhandled error in %s %s (request %s)", request.method, request.url.path, request_id, exc_info=error)
    return error_response(
        request, ApiError(500, "internal_error", f"internal error; the server log has the details (request {request_id})")
    )


EXCEPTION_HANDLERS = {ApiError: api_error_handler, HTTPException: http_error_handler, Exception: internal_error_handler}
