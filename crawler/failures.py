"""Why a page could not be checked, in words an editor understands.

Each Scrapy failure (an errback's twisted Failure, or a response the spider refuses) becomes a
PageFailure whose reason is specific: "HTTP 500 after 2 retries", "robots.txt disallows
/private/drafts.html", "redirect loop", "timed out after 10 s".
"""

from __future__ import annotations

from urllib.parse import urlsplit

from scrapy import Request
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from checks.model import PageFailure

_SIMPLE_REASONS: tuple[tuple[type[BaseException], str], ...] = (
    (CannotResolveHostError, "DNS lookup failed"),
    (DownloadConnectionRefusedError, "connection refused"),
    (ResponseDataLossError, "connection closed before the whole page arrived"),
)


def failure_from_error(failure: Failure, request: Request, timeout: float, max_bytes: int) -> PageFailure:
    """The PageFailure for an errback; request is the last request tried (after redirects)."""
    error = failure.value
    url = _original_url(request)
    if isinstance(error, HttpError):
        return PageFailure(url, http_reason(error.response.status, request), error.response.status)
    if isinstance(error, IgnoreRequest):
        return PageFailure(url, _ignored_reason(str(error), request))
    if isinstance(error, DownloadTimeoutError):
        return PageFailure(url, f"timed out after {timeout:g} s{_retried(request)}")
    if isinstance(error, DownloadCancelledError) and "max size" in str(error):
        return PageFailure(url, f"body over {_size(max_bytes)} limit")
    for kind, reason in _SIMPLE_REASONS:
        if isinstance(error, kind):
            return PageFailure(url, reason + _retried(request))
    return PageFailure(url, f"{type(error).__name__}: {error}".rstrip(": "))


def http_reason(status: int, request: Request) -> str:
    return f"HTTP {status}{_after_retries(request)}"


def not_html(url: str, content_type: str | None, status: int) -> PageFailure:
    return PageFailure(url, f"not HTML ({content_type or 'no Content-Type'})", status)


def _ignored_reason(message: str, request: Request) -> str:
    if "robots.txt" in message:
        parts = urlsplit(request.url)
        return f"robots.txt disallows {parts.path or '/'}{'?' + parts.query if parts.query else ''}"
    if "max redirections" in message:
        visited = [*request.meta.get("redirect_urls", []), request.url]
        if len(set(visited)) < len(visited):
            return "redirect loop"
        return f"more than {request.meta.get('redirect_times', len(visited) - 1)} redirects"
    return message


def _after_retries(request: Request) -> str:
    retries = request.meta.get("retry_times", 0)
    return f" after {retries} retr{'y' if retries == 1 else 'ies'}" if retries else ""


def _retried(request: Request) -> str:
    retries = request.meta.get("retry_times", 0)
    return f" ({retries} retr{'y' if retries == 1 else 'ies'})" if retries else ""


def _original_url(request: Request) -> str:
    """Failures are filed under the URL the crawl asked for, not where redirects led."""
    redirects = request.meta.get("redirect_urls")
    return redirects[0] if redirects else request.url


def _size(size: int) -> str:
    megabytes = size / (1024 * 1024)
    return f"{megabytes:.3g} MB" if megabytes >= 1 else f"{size / 1024:.0f} KB"
