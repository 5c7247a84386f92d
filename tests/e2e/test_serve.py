"""End to end: `content-audit serve` as a subprocess on loopback, audited pages on a loopback site.

Three services are started once per module: one allow-listing 127.0.0.1 (so the fixture site is
reachable), one with every default (SSRF deny on everything private), and one with a token and
a tight rate limit.
"""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest

from crawlkit import SLOW_SECONDS, copy_seed_site, serve
from servekit import redirecting_server, running_service, validator_for

TOKEN = "s3cret-token-for-tests"
PAGE = "cpt-vs-ccma.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with serve(copy_seed_site(tmp_path_factory.mktemp("site") / "seed")) as running:
        yield running


@pytest.fixture(scope="module")
def open_service(tmp_path_factory):
    limits = {"request_timeout_s": 1.5, "requests_per_minute": 6000, "burst": 200, "max_body_kb": 1}
    with running_service(tmp_path_factory.mktemp("open"), {"allow_networks": ["127.0.0.1/32"], "limits": limits}) as service:
        yield service


@pytest.fixture(scope="module")
def default_service(tmp_path_factory):
    with running_service(tmp_path_factory.mktemp("default"), {}) as service:
        yield service


@pytest.fixture(scope="module")
def guarded_service(tmp_path_factory):
    service_config = {"allow_networks": ["127.0.0.1/32"], "limits": {"requests_per_minute": 60, "burst": 3}}
    with running_service(
        tmp_path_factory.mktemp("guarded"), service_config, env={"CONTENT_AUDIT_API_TOKEN": TOKEN}
    ) as service:
        yield service


def test_api_audit_returns_the_json_report_schema(open_service, site):
    response = open_service.post_audit(site.url + PAGE)
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["schema"], body["version"]) == ("content-audit/audit", 2)
    [page] = body["pages"]
    assert page["url"] == site.url + PAGE
    assert body["summary"]["claims"] > 0 and body["failures"] == []
    validator_for(open_service.get("/openapi.json").json(), "AuditResult").validate(body)


def test_form_on_the_index_leads_to_the_html_report(open_service, site):
    index = open_service.get("/", headers={"Accept": "text/html"})
    assert index.status_code == 200
    assert 'action="/audit"' in index.text and "form-action 'self'" in index.text
    report = open_service.get("/audit", params={"url": site.url + PAGE}, headers={"Accept": "text/html"})
    assert report.status_code == 200
    assert report.headers["content-type"].startswith("text/html")
    assert "CPT" in report.text and "<script" in report.text


def test_repeated_audit_is_served_from_the_cache(open_service, site):
    url = site.url + PAGE + "?cache-test"
    open_service.post_audit(url)
    fetched = len([path for path in site.arrivals if path.endswith("?cache-test")])
    assert open_service.post_audit(url).status_code == 200
    assert len([path for path in site.arrivals if path.endswith("?cache-test")]) == fetched


@pytest.mark.parametrize(
    "url, refusal",
    [
        ("http://127.0.0.1:{port}/", "127.0.0.1 is a loopback address"),
        ("http://localhost:{port}/", "localhost resolves to"),
        ("http://[::1]:{port}/", "::1 is a loopback address"),
        ("http://2130706433:{port}/", "2130706433 (that is 127.0.0.1) is a loopback address"),
        ("http://0177.0.0.1:{port}/", "(that is 127.0.0.1) is a loopback address"),
        ("http://0x7f.1:{port}/", "(that is 127.0.0.1) is a loopback address"),
        ("http://10.1.2.3/", "private address"),
        ("http://169.254.169.254/latest/meta-data/", "cloud metadata address"),
        ("http://[fd00:ec2::254]/", "cloud metadata address"),
        ("http://100.64.0.1/", "carrier-grade NAT"),
        ("http://[::ffff:127.0.0.1]/", "IPv4-mapped"),
        ("http://0.0.0.0:{port}/", "unspecified address"),
        ("file:///etc/passwd", "only http and https"),
        ("gopher://127.0.0.1:70/", "only http and https"),
    ],
)
def test_ssrf_attempts_are_refused_by_default(default_service, site, url, refusal):
    port = site.url.rsplit(":", 1)[1].strip("/")
    response = default_service.post_audit(url.format(port=port))
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["code"] == "url_refused" and refusal in error["message"]


def test_a_redirect_from_an_allowed_host_to_a_denied_one_is_refused(open_service, site):
    port = site.url.rsplit(":", 1)[1].strip("/")
    with redirecting_server(f"http://127.0.0.2:{port}/{PAGE}") as redirector:
        response = open_service.post_audit(redirector + "moved.html")
    assert response.status_code == 502, response.text
    message = response.json()["error"]["message"]
    assert "redirect to http://127.0.0.2" in message and "loopback address" in message


def test_a_slow_page_times_out_cleanly(open_service, site):
    started = time.monotonic()
    response = open_service.post_audit(site.url + "trouble/slow")
    assert time.monotonic() - started < SLOW_SECONDS
    assert response.status_code in (502, 504), response.text
    assert response.json()["error"]["code"] in ("timeout", "fetch_failed")
    assert "Traceback" not in response.text
    health = open_service.get("/healthz").json()
    assert (health["status"], health["scheduler"]) == ("ok", "off")


def test_error_bodies_are_json_with_code_and_message(open_service):
    cases = [
        (httpx.post(f"{open_service.url}api/audits", content=b"{not json", headers={"Content-Type": "application/json"}), 400, "invalid_request"),
        (httpx.post(f"{open_service.url}api/audits", content=b"url=x", headers={"Content-Type": "text/plain"}), 415, "unsupported_media_type"),
        (httpx.post(f"{open_service.url}api/audits", json={"url": "http://example.com/" + "a" * 2000}), 413, "body_too_large"),
        (open_service.get("/runs/999"), 404, "not_found"),
        (open_service.get("/api/audits"), 405, "method_not_allowed"),
    ]
    error_schema = validator_for(open_service.get("/openapi.json").json(), "Error")
    for response, status, code in cases:
        assert response.status_code == status, response.text
        assert response.json()["error"]["code"] == code
        error_schema.validate(response.json())


def test_the_api_needs_the_token_when_one_is_set(guarded_service, site):
    missing = guarded_service.post_audit(site.url + PAGE)
    assert missing.status_code == 401 and missing.headers["www-authenticate"].startswith("Bearer")
    wrong = guarded_service.post_audit(site.url + PAGE, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    right = guarded_service.post_audit(site.url + PAGE, headers={"Authorization": f"Bearer {TOKEN}"})
    assert right.status_code == 200, right.text


def test_clients_over_the_rate_limit_get_429_with_retry_after(guarded_service):
    # the burst is 3 and a token comes back each second: the refused response itself is read,
    # since on a loaded machine a later request may find a token again
    responses = (guarded_service.get("/openapi.json") for _ in range(8))
    limited = next((response for response in responses if response.status_code == 429), None)
    assert limited is not None
    assert int(limited.headers["retry-after"]) >= 1
    assert limited.json()["error"]["code"] == "rate_limited"
    assert guarded_service.get("/healthz").status_code == 200


def test_concurrent_audits_all_succeed(open_service, site):
    async def audit_all() -> list[httpx.Response]:
        async with httpx.AsyncClient(timeout=30) as client:
            requests = [
                client.post(f"{open_service.url}api/audits", json={"url": f"{site.url}{PAGE}?concurrent={n}"})
                for n in range(12)
            ]
            return await asyncio.gather(*requests)

    responses = asyncio.run(audit_all())
    assert [r.status_code for r in responses] == [200] * 12, [r.text for r in responses if r.status_code != 200]


def test_access_log_is_one_json_object_per_request(open_service):
    open_service.get("/healthz")
    entry = open_service.access_entries()[-1]
    assert entry["path"] == "/healthz" and entry["status"] == 200 and entry["method"] == "GET"
    assert {"time", "request_id", "client", "duration_ms", "bytes"} <= set(entry)
