"""The store on PostgreSQL: runs only when CONTENT_AUDIT_TEST_PG_URL names a scratch database,
e.g. postgresql+psycopg://postgres@localhost/content_audit_test (needs `pip install psycopg`).
The test drops the store's tables when it is done."""

import os
from datetime import datetime, timezone

import pytest
from sqlalchemy import text

from checks.model import PageFailure
from crawler.snapshot import Snapshot
from crawler.store import SiteBusyError, open_store
from crawler.storeschema import Base

PG_URL = os.environ.get("CONTENT_AUDIT_TEST_PG_URL")
pytestmark = pytest.mark.skipif(not PG_URL, reason="set CONTENT_AUDIT_TEST_PG_URL to a scratch PostgreSQL database")


@pytest.fixture
def store():
    opened = open_store(PG_URL)
    yield opened
    with opened.engine.begin() as connection:
        Base.metadata.drop_all(connection)
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    opened.close()


def test_run_lifecycle_on_postgresql(store):
    run = store.start_run(["guides"])
    with pytest.raises(SiteBusyError):
        store.start_run(["guides"])
    for url in ("http://a.test/1", "http://a.test/2"):
        store.add_snapshot(run, Snapshot(url, datetime.now(timezone.utc), 200, b"<p>same body</p>", cached=True))
    store.add_failure(run, PageFailure("http://a.test/3", "HTTP 500 after 2 retries", 500))
    store.fail_run(run, "stopped")
    [record] = store.runs()
    assert (record.status, record.pages, record.cached_pages, record.failures) == ("failed", 2, 2, 1)
    assert open_store(PG_URL).runs()[0].id == run
