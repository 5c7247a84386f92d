"""The service's OpenAPI 3.1 description, written by hand and served at /openapi.json.

tests/test_web_openapi.py keeps it honest: every JSON route of the app is described here and
nothing else is, and real responses validate against these schemas (OpenAPI 3.1 schemas are JSON
Schema 2020-12).
"""

from __future__ import annotations

from typing import Any

from reports.formats.json import SCHEMA, VERSION

ERROR_CODES = (
    "bad_request", "invalid_request", "unsupported_media_type", "body_too_large", "url_refused", "unresolvable_host",
    "unauthorized", "rate_limited", "not_found", "method_not_allowed", "no_report", "fetch_failed", "busy",
    "timeout", "internal_error", "http_error",
)


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _error(description: str, headers: dict[str, Any] | None = None) -> dict[str, Any]:
    response: dict[str, Any] = {"description": description, "content": {"application/json": {"schema": _ref("Error")}}}
    if headers:
        response["headers"] = headers
    return response


_RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait before retrying.", "schema": {"type": "integer"}}}
_NULLABLE_STRING = {"type": ["string", "null"]}
_NUMBER = {"type": "number"}

SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["code", "message"],
                "properties": {"code": {"type": "string", "enum": list(ERROR_CODES)}, "message": {"type": "string"}},
            }
        },
    },
    "AuditRequest": {
        "type": "object",
        "required": ["url"],
        "additionalProperties": False,
        "properties": {"url": {"type": "string", "format": "uri", "maxLength": 2048, "description": "An http(s) URL."}},
    },
    "Evidence": {
        "type": "object",
        "required": ["url", "locator", "quote", "span", "text", "heading_path"],
        "properties": {
            "url": {"type": "string"}, "locator": {"type": "string"}, "quote": {"type": "string"},
            "span": {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2},
            "text": {"type": "string"}, "heading_path": {"type": "array", "items": {"type": "string"}},
            "line": {"type": ["integer", "null"]}, "column": {"type": ["integer", "null"]},
        },
    },
    "Claim": {
        "type": "object",
        "required": ["entity", "measure", "qualifier", "low", "high", "unit", "evidence"],
        "properties": {
            "entity": {"type": "string"}, "measure": {"type": "string"}, "qualifier": {"type": "string"},
            "low": _NUMBER, "high": _NUMBER, "unit": {"type": "string"}, "stated_unit": _NULLABLE_STRING,
            "bound": _NULLABLE_STRING, "approximate": {"type": "boolean"}, "scope": _NULLABLE_STRING,
            "period": _NULLABLE_STRING, "visible": {"type": "boolean"}, "evidence": _ref("Evidence"),
        },
    },
    "Finding": {
        "type": "object",
        "required": ["rule", "severity", "message", "url", "fingerprint", "claims", "params"],
        "properties": {
            "rule": {"type": "string"}, "code": _NULLABLE_STRING,
            "severity": {"type": "string", "enum": ["error", "warning", "info"]},
            "message": {"type": "string"}, "hint": _NULLABLE_STRING, "url": {"type": "string"},
            "fingerprint": {"type": "string"},
            "evidence": {"oneOf": [_ref("Evidence"), {"type": "null"}]},
            "claims": {"type": "array", "items": _ref("Claim")},
            "fact": {"type": ["object", "null"]}, "page_date": {"type": ["object", "null"]},
            "params": {"type": "object"},
        },
    },
    "Failure": {
        "type": "object",
        "required": ["url", "reason", "status"],
        "properties": {"url": {"type": "string"}, "reason": {"type": "string"}, "status": {"type": ["integer", "null"]}},
    },
    "AuditResult": {
        "description": f"The `{SCHEMA}` document, version {VERSION}: the same as `content-audit audit --format json`.",
        "type": "object",
        "required": ["schema", "version", "today", "facts", "settings", "summary", "pages", "failures"],
        "properties": {
            "schema": {"const": SCHEMA},
            "version": {"const": VERSION},
            "today": {"type": "string", "format": "date"},
            "facts": {
                "type": "object",
                "required": ["version", "path", "overdue"],
                "properties": {"version": {"type": "string"}, "path": {"type": "string"}, "overdue": {"type": "array"}},
            },
            "settings": {"type": "object"},
            "summary": {
                "type": "object",
                "required": ["pages", "failed_pages", "claims", "findings", "by_severity", "by_rule"],
                "properties": {
                    "pages": {"type": "integer"}, "failed_pages": {"type": "integer"}, "claims": {"type": "integer"},
                    "findings": {"type": "integer"}, "by_severity": {"type": "object"}, "by_rule": {"type": "object"},
                },
            },
            "pages": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["url", "title", "dates", "findings", "claims"],
                    "properties": {
                        "url": {"type": "string"}, "title": {"type": "string"}, "dates": {"type": "array"},
                        "findings": {"type": "array", "items": _ref("Finding")},
                        "claims": {"type": "array", "items": _ref("Claim")},
                    },
                },
            },
            "failures": {"type": "array", "items": _ref("Failure")},
        },
    },
    "Health": {
        "type": "object",
        "required": ["status", "store", "audits_in_flight", "scheduler"],
        "properties": {
            "status": {"type": "string", "enum": ["ok", "degraded"]},
            "store": {"type": "string"},
            "audits_in_flight": {"type": "integer"},
            "scheduler": {"type": "string", "enum": ["off", "running", "stopped"]},
        },
    },
}

PATHS: dict[str, Any] = {
    "/api/audits": {
        "post": {
            "operationId": "auditUrl",
            "summary": "Fetch one page now and audit it",
            "description": (
                "Only http(s) URLs whose host resolves to public addresses (or to networks the operator "
                "allow-listed) are fetched; redirects are checked the same way. Results are cached briefly per URL."
            ),
            "security": [{"bearer": []}, {}],
            "requestBody": {"required": True, "content": {"application/json": {"schema": _ref("AuditRequest")}}},
            "responses": {
                "200": {"description": "The audit.", "content": {"application/json": {"schema": _ref("AuditResult")}}},
                "400": _error("Invalid request body, or a URL the service refuses to fetch (`url_refused`)."),
                "401": _error("A token is configured and the request did not carry it."),
                "413": _error("The request body is too large."),
                "415": _error("The body is not application/json."),
                "422": _error("The URL's host does not resolve."),
                "429": _error("Too many requests from this client.", _RETRY_AFTER),
                "502": _error("The page could not be fetched or read; the message says why."),
                "503": _error("Too many audits running and queued.", _RETRY_AFTER),
                "504": _error("The audit did not finish within the service's time limit."),
            },
        }
    },
    "/healthz": {
        "get": {
            "operationId": "health",
            "summary": "Liveness and store health, for monitoring",
            "security": [{}],
            "responses": {
                "200": {"description": "Healthy.", "content": {"application/json": {"schema": _ref("Health")}}},
                "503": {"description": "The store is unreachable.", "content": {"application/json": {"schema": _ref("Health")}}},
            },
        }
    },
}


def openapi_document(version: str) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "content-audit",
            "version": version,
            "description": "On-demand audits of the numbers on a page against canonical facts. HTML pages "
            "(/, /runs/{id}, /pages, /audit) are for people and are not described here.",
        },
        "paths": PATHS,
        "components": {
            "schemas": SCHEMAS,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }
