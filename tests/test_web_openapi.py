"""The hand-written OpenAPI document stays in step with the app's JSON routes and error codes."""

from __future__ import annotations

import ast
from pathlib import Path

import jsonschema
import pytest

from checks.model import PageFailure
from crawler.store import open_store
from crawler.web.addresses import AddressPolicy
from crawler.web.app import Service, create_app
from crawler.web.audits import AuditLimits, OnDemandAuditor
from crawler.web.openapi import ERROR_CODES, openapi_document
from crawler.web.ratelimit import RateLimiter
from crawler.web.runreports import RunReports

WEB_PACKAGE = Path(__file__).parent.parent / "crawler" / "web"


async def _no_fetch(url: str) -> PageFailure:
    return PageFailure(url, "not fetched in this test")


@pytest.fixture
def app(tmp_path, facts):
    store = open_store(f"sqlite:///{tmp_path / 'audit.db'}")
    auditor = OnDemandAuditor(_no_fetch, facts, AddressPolicy(), AuditLimits())
    yield create_app(Service(auditor, store, RunReports(store, facts), RateLimiter(60, 10), 1024))
    store.close()


def test_every_json_route_is_described_and_nothing_else(app):
    served = {
        route.path: sorted(method.lower() for method in route.methods if method != "HEAD")
        for route in app.routes
        if route.path.startswith("/api/") or route.path == "/healthz"
    }
    documented = {path: sorted(operations) for path, operations in openapi_document("0").get("paths").items()}
    assert documented == served


def test_every_error_code_the_code_raises_is_in_the_schema():
    raised = set()
    for module in WEB_PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "ApiError" and len(node.args) >= 2:
                if isinstance(node.args[1], ast.Constant):
                    raised.add(node.args[1].value)
    assert raised and raised <= set(ERROR_CODES), raised - set(ERROR_CODES)


def test_the_document_is_valid_json_schema_throughout():
    document = openapi_document("0")
    for name, schema in document["components"]["schemas"].items():
        jsonschema.Draft202012Validator.check_schema(schema)
    assert document["openapi"].startswith("3.1")

