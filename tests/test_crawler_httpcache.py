from __future__ import annotations

from datetime import datetime, timezone

from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.settings import Settings

from crawler.httpcache import StoreCacheStorage
from crawler.snapshot import Snapshot
from crawler.store import open_store

BODY = b"<html><body><p>The CCMA exam has 150 scored questions.</p></body></html>"


def page(url: str, body: bytes, etag: str) -> Snapshot:
    return Snapshot(
        url=url, fetched_at=datetime.now(timezone.utc), status=200, body=body,
        headers={"Content-Type": "text/html; charset=utf-8", "ETag": etag, "Set-Cookie": "x=1"},
    )


def test_the_cached_response_is_the_page_s_latest_snapshot(tmp_path):
    url = f"sqlite:///{tmp_path / 'audit.db'}"
    store = open_store(url)
    run = store.start_run(["site"])
    store.add_snapshot(run, page("https://example.com/a", b"<p>old</p>", '"1"'))
    store.add_snapshot(run, page("https://example.com/a", BODY, '"2"'))
    store.close()
    storage = StoreCacheStorage(Settings({"CONTENT_AUDIT_STORE_URL": url}))
    storage.open_spider(None)
    cached = storage.retrieve_response(None, Request("https://example.com/a"))
    missing = storage.retrieve_response(None, Request("https://example.com/b"))
    storage.close_spider(None)
    assert isinstance(cached, HtmlResponse)
    assert (cached.url, cached.status, cached.body) == ("https://example.com/a", 200, BODY)
    assert cached.headers[b"ETag"] == b'"2"'
    assert b"Set-Cookie" not in cached.headers
    assert missing is None
