import multiprocessing
import os
import signal
from datetime import datetime, timezone

import pytest
from sqlalchemy import text

from checks.model import PageFailure
from crawler.snapshot import Snapshot
from crawler.store import SiteBusyError, StoreError, create_store_engine, migrate, open_store


def snapshot(url: str, body: bytes = b"<p>The CCMA exam has 150 scored questions.</p>", **kwargs) -> Snapshot:
    return Snapshot(url=url, fetched_at=datetime.now(timezone.utc), status=200, body=body, **kwargs)


@pytest.fixture
def store_url(tmp_path):
    return f"sqlite:///{tmp_path / 'audit.db'}"


@pytest.fixture
def store(store_url):
    opened = open_store(store_url)
    yield opened
    opened.close()


def test_sqlite_store_uses_write_ahead_logging(store):
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_a_site_cannot_be_crawled_by_two_runs_at_once(store):
    first = store.start_run(["guides"])
    with pytest.raises(SiteBusyError, match=rf"'guides' is already being crawled by run {first}"):
        store.start_run(["other", "guides"])
    assert store.start_run(["other"]) != first


def test_finishing_a_run_releases_its_sites(store):
    run = store.start_run(["guides"])
    store.fail_run(run, "crawler crashed")
    assert store.run(run).status == "failed"
    assert store.run(run).error == "crawler crashed"
    store.start_run(["guides"])


def test_identical_bodies_are_stored_once_and_headers_are_trimmed(store):
    run = store.start_run(["guides"])
    store.add_snapshot(run, snapshot("http://a.test/1", headers={"ETag": '"v1"', "Set-Cookie": "id=1"}))
    store.add_snapshot(run, snapshot("http://a.test/2"))
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM bodies")).scalar() == 1
    stored = [s for s, _ in store.snapshot_bodies(run)]
    assert [s.url for s in stored] == ["http://a.test/1", "http://a.test/2"]
    assert stored[0].headers == {"etag": '"v1"'}
    assert stored[0].body == snapshot("x").body


def test_failed_run_counts_its_pages_and_failures(store):
    run = store.start_run(["guides"])
    store.add_snapshot(run, snapshot("http://a.test/1", cached=True))
    store.add_failure(run, PageFailure("http://a.test/2", "HTTP 500 after 2 retries", 500))
    store.fail_run(run, "interrupted")
    record = store.run(run)
    assert (record.pages, record.cached_pages, record.failures) == (1, 1, 1)
    assert store.failures(run) == [PageFailure("http://a.test/2", "HTTP 500 after 2 retries", 500)]


def _start_run_then_die(store_url: str) -> None:
    store = open_store(store_url)
    run = store.start_run(["guides"])
    store.add_snapshot(run, snapshot("http://a.test/1"))
    os.kill(os.getpid(), signal.SIGKILL)


def test_a_killed_run_is_marked_incomplete_and_its_site_crawlable_again(store, store_url):
    child = multiprocessing.get_context("fork").Process(target=_start_run_then_die, args=(store_url,))
    child.start()
    child.join()
    assert child.exitcode == -signal.SIGKILL
    [killed] = store.runs()
    assert killed.status == "incomplete"
    assert "ended before the run finished" in killed.error
    store.start_run(["guides"])


def _write_snapshots(store_url: str, site: str) -> None:
    store = open_store(store_url)
    run = store.start_run([site])
    for index in range(40):
        store.add_snapshot(run, snapshot(f"http://{site}.test/{index}", body=f"{site} {index}".encode()))
    store.fail_run(run, "done")


def test_concurrent_writers_do_not_lose_rows(store, store_url):
    context = multiprocessing.get_context("fork")
    writers = [context.Process(target=_write_snapshots, args=(store_url, site)) for site in ("a", "b", "c")]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    assert [w.exitcode for w in writers] == [0, 0, 0]
    assert sorted(run.pages for run in store.runs()) == [40, 40, 40]


def test_unknown_run_is_a_clear_error(store):
    with pytest.raises(StoreError, match="no run 42 in the store"):
        store.findings(42)


def test_a_store_from_a_newer_release_is_refused(store, store_url):
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StoreError, match="revision 9999, newer than this release"):
        open_store(store_url)


def test_opening_migrates_a_store_left_at_an_older_revision(store_url):
    engine = create_store_engine(store_url)
    migrate(engine, "0001")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO runs (sites, status, started_at, host, pid, pages, cached_pages, failures, findings)"
                " VALUES ('guides', 'completed', '2026-01-05 06:00:00', 'h', 1, 3, 0, 0, 2)"
            )
        )
    engine.dispose()
    store = open_store(store_url)
    assert [(run.id, run.status, run.pages) for run in store.runs()] == [(1, "completed", 3)]


def test_a_store_with_parsed_documents_moves_to_page_analyses(store_url):
    engine = create_store_engine(store_url)
    migrate(engine, "0002")
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO documents VALUES ('https://a/', 'h', 'p1', x'00')"))
    engine.dispose()
    store = open_store(store_url)
    with store.engine.connect() as connection:
        tables = set(connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'")).scalars())
    assert "page_analyses" in tables and "documents" not in tables
    assert store.analysed_pages("p1") == set()
    store.close()


def test_hex_fingerprints_of_older_runs_are_rewritten_in_letters(store_url):
    engine = create_store_engine(store_url)
    migrate(engine, "0003")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO runs (sites, status, started_at, host, pid, pages, cached_pages, failures, findings)"
                " VALUES ('guides', 'completed', '2026-01-05 06:00:00', 'h', 1, 3, 0, 0, 1)"
            )
        )
        connection.execute(
            text("INSERT INTO findings (run_id, fingerprint, rule, severity, url, message)"
                 " VALUES (1, '1842d370ff452c2d', 'arithmetic', 'error', 'u', 'm')")
        )
    engine.dispose()
    store = open_store(store_url)
    assert [f.fingerprint for f in store.findings(1)] == ["hokitjngvvklisit"]
    store.close()
