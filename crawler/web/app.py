"""The web application: routes over the on-demand auditor, the run store and the report renderers.

Requests pass, outermost first: the access log, security headers, the gate (rate limit, token),
the body size limit, then Starlette's routing with our error handlers. Store reads and report
rendering are blocking work and run in threads, so the event loop (which also drives the crawls)
never waits on them.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from importlib.metadata import version

from sqlalchemy import text
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from checks.engine import AuditResult
from crawler.store import Store, StoreError
from crawler.web.accesslog import AccessLogMiddleware
from crawler.web.addresses import UrlRefused
from crawler.web.audits import AuditBusy, AuditTimedOut, OnDemandAuditor
from crawler.web.bodylimit import BodyLimitMiddleware
from crawler.web.errors import EXCEPTION_HANDLERS, ApiError
from crawler.web.gate import GateMiddleware
from crawler.web.guard import UnresolvableHost
from crawler.web.headers import SecurityHeadersMiddleware
from crawler.web.openapi import openapi_document
from crawler.web.pagehistory import page_history
from crawler.web.pages import MAX_URL_LENGTH, render_home, render_page_history
from crawler.web.ratelimit import RateLimiter
from crawler.web.runreports import NoReport, RunReports
from reports.formats import html as html_report
from reports.formats.json import result_to_dict

INDEX_RUNS = 100
BUSY_RETRY_AFTER_S = 5


@dataclass(frozen=True)
class Service:
    """Everything the routes use, built once by the serve command (or a test)."""

    auditor: OnDemandAuditor
    store: Store
    reports: RunReports
    limiter: RateLimiter
    max_body_bytes: int
    token: str | None = None
    token_required_for: str = "api"
    scheduler_state: Callable[[], str] = lambda: "off"


def create_app(service: Service) -> Starlette:
    routes = [
        Route("/", partial(home, service=service), methods=["GET"]),
        Route("/runs/{run_id:int}", partial(run_report, service=service), methods=["GET"]),
        Route("/run-{run_id:int}.html", run_report_alias, methods=["GET"]),
        Route("/pages", partial(page, service=service), methods=["GET"]),
        Route("/audit", partial(audit_page, service=service), methods=["GET"]),
        Route("/api/audits", partial(audit_api, service=service), methods=["POST"]),
        Route("/healthz", partial(health, service=service), methods=["GET"]),
        Route("/openapi.json", openapi, methods=["GET"]),
    ]
    middleware = [
        Middleware(AccessLogMiddleware),
        Middleware(SecurityHeadersMiddleware),
        Middleware(GateMiddleware, limiter=service.limiter, token=service.token, token_required_for=service.token_required_for),
        Middleware(BodyLimitMiddleware, max_bytes=service.max_body_bytes),
    ]
    return Starlette(routes=routes, middleware=middleware, exception_handlers=EXCEPTION_HANDLERS)


async def home(request: Request, service: Service) -> Response:
    runs = await asyncio.to_thread(service.store.runs, INDEX_RUNS)
    return HTMLResponse(await asyncio.to_thread(render_home, runs))


async def run_report(request: Request, service: Service) -> Response:
    run_id = request.path_params["run_id"]
    try:
        return HTMLResponse(await asyncio.to_thread(service.reports.html, run_id))
    except StoreError:
        raise ApiError(404, "not_found", f"no run {run_id}") from None
    except NoReport as error:
        raise ApiError(409, "no_report", str(error)) from None


async def run_report_alias(request: Request) -> Response:
    """The runs index links reports by their file names; the service serves them under /runs/."""
    return RedirectResponse(f"/runs/{request.path_params['run_id']}", status_code=308)


async def page(request: Request, service: Service) -> Response:
    url = _url_parameter(request)
    history = await asyncio.to_thread(page_history, service.store, url)
    return HTMLResponse(await asyncio.to_thread(render_page_history, history))


async def audit_page(request: Request, service: Service) -> Response:
    result = await run_audit(service.auditor, _url_parameter(request))
    return HTMLResponse(await asyncio.to_thread(html_report.render, result))


async def audit_api(request: Request, service: Service) -> Response:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/json":
        raise ApiError(415, "unsupported_media_type", 'send the request as application/json: {"url": "https://…"}')
    result = await run_audit(service.auditor, _url_from_body(await request.body()))
    return JSONResponse(result_to_dict(result))


async def health(request: Request, service: Service) -> Response:
    try:
        await asyncio.to_thread(_ping, service.store)
        store = "ok"
    except Exception as error:  # any driver error means the same thing to a monitor: unhealthy
        store = f"unreachable: {type(error).__name__}"
    body = {
        "status": "ok" if store == "ok" else "degraded",
        "store": store,
        "audits_in_flight": service.auditor.in_flight,
        "scheduler": service.scheduler_state(),
    }
    return JSONResponse(body, 200 if store == "ok" else 503)


async def openapi(request: Request) -> Response:
    return JSONResponse(openapi_document(version("content-audit")))


async def run_audit(auditor: OnDemandAuditor, url: str) -> AuditResult:
    """The audit of url, or the ApiError that says why there is none."""
    try:
        result = await auditor.audit_url(url)
    except UrlRefused as error:
        raise ApiError(400, "url_refused", str(error)) from None
    except UnresolvableHost as error:
        raise ApiError(422, "unresolvable_host", str(error)) from None
    except AuditBusy as error:
        raise ApiError(503, "busy", f"{error}; retry shortly", {"Retry-After": str(BUSY_RETRY_AFTER_S)}) from None
    except AuditTimedOut as error:
        raise ApiError(504, "timeout", str(error)) from None
    if result.failures and not result.pages:
        failure = result.failures[0]
        raise ApiError(502, "fetch_failed", f"{failure.url} could not be audited: {failure.reason}")
    return result


def _url_parameter(request: Request) -> str:
    return _checked_url(request.query_params.get("url", ""))


def _url_from_body(body: bytes) -> str:
    try:
        payload = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ApiError(400, "invalid_request", f"the body is not JSON: {error}") from None
    if not isinstance(payload, dict) or set(payload) != {"url"} or not isinstance(payload["url"], str):
        raise ApiError(400, "invalid_request", 'expected a JSON object with one field: {"url": "https://…"}')
    return _checked_url(payload["url"])


def _checked_url(url: str) -> str:
    url = url.strip()
    if not url:
        raise ApiError(400, "invalid_request", "give the page's address as url")
    if len(url) > MAX_URL_LENGTH:
        raise ApiError(400, "invalid_request", f"URLs are limited to {MAX_URL_LENGTH} characters")
    if any(character.isspace() or ord(character) < 32 for character in url):
        raise ApiError(400, "invalid_request", "the URL contains spaces or control characters")
    return url


def _ping(store: Store) -> None:
    with store.engine.connect() as connection:
        connection.execute(text("SELECT 1"))
