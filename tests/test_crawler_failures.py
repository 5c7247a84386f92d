import pytest
from scrapy import Request
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
)
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from checks.model import PageFailure
from crawler.failures import failure_from_error, not_html

URL = "http://site.test/guides/a.html"


def request(url: str = URL, **meta) -> Request:
    return Request(url, meta=meta)


def reason(error: Exception, req: Request, timeout: float = 10, max_bytes: int = 10 * 1024 * 1024) -> PageFailure:
    return failure_from_error(Failure(error), req, timeout, max_bytes)


def http_error(status: int, req: Request) -> HttpError:
    return HttpError(Response(req.url, status=status, request=req), "Ignoring non-200 response")


@pytest.mark.parametrize(
    ("error", "req", "expected"),
    [
        (http_error(500, request(retry_times=2)), request(retry_times=2), PageFailure(URL, "HTTP 500 after 2 retries", 500)),
        (http_error(503, request(retry_times=1)), request(retry_times=1), PageFailure(URL, "HTTP 503 after 1 retry", 503)),
        (http_error(404, request()), request(), PageFailure(URL, "HTTP 404", 404)),
        (DownloadTimeoutError("took longer"), request(retry_times=2), PageFailure(URL, "timed out after 10 s (2 retries)")),
        (DownloadTimeoutError("took longer"), request(), PageFailure(URL, "timed out after 10 s")),
        (CannotResolveHostError("no such host"), request(), PageFailure(URL, "DNS lookup failed")),
        (DownloadConnectionRefusedError("refused"), request(retry_times=1), PageFailure(URL, "connection refused (1 retry)")),
        (
            DownloadCancelledError("Received 20971520 bytes which is larger than download max size (10485760)"),
            request(), PageFailure(URL, "body over 10 MB limit"),
        ),
    ],
)
def test_download_failures_have_specific_reasons(error, req, expected):
    assert reason(error, req) == expected


def test_robots_refusal_names_the_path_and_query():
    req = request("http://site.test/private/drafts.html?page=2")
    assert reason(IgnoreRequest("Forbidden by robots.txt"), req).reason == "robots.txt disallows /private/drafts.html?page=2"


def test_a_redirect_cycle_is_a_loop_and_is_filed_under_the_first_url():
    looping = request("http://site.test/b", redirect_urls=[URL, "http://site.test/b", URL], redirect_times=3)
    assert reason(IgnoreRequest("max redirections reached"), looping) == PageFailure(URL, "redirect loop")


def test_a_long_redirect_chain_is_not_called_a_loop():
    chain = request("http://site.test/4", redirect_urls=[f"http://site.test/{n}" for n in range(4)], redirect_times=4)
    assert reason(IgnoreRequest("max redirections reached"), chain).reason == "more than 4 redirects"


def test_size_limit_under_a_megabyte_reads_in_kilobytes():
    error = DownloadCancelledError("Expected to receive 900000 bytes which is larger than download max size (524288)")
    assert reason(error, request(), max_bytes=512 * 1024).reason == "body over 512 KB limit"


def test_non_html_names_the_content_type():
    assert not_html(URL, "application/pdf", 200) == PageFailure(URL, "not HTML (application/pdf)", 200)
    assert not_html(URL, None, 200).reason == "not HTML (no Content-Type)"
