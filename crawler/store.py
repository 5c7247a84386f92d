"""The run store: every run, page snapshot, claim, finding and failure, in SQL.

SQLite under the data directory by default (WAL, so a report reader or a second site's crawl
never blocks a writer for long), PostgreSQL by URL. Opening a store migrates it to this
release's schema with Alembic, so a newer release opens an older store. A run is `running`
until it is `completed` or `failed`; a run whose process died is marked `incomplete` the next
time anyone starts a run or lists them, and its site locks are released.
"""

from __future__ import annotations

import fcntl
import os
import socket
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine, case, create_engine, event, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from checks.model import PageFailure
from crawler.packing import pack_analysis, unpack_analysis
from crawler.snapshot import Snapshot, kept_headers
from crawler.storeschema import (
    AnalysisRow,
    BodyRow,
    ClaimRow,
    FailureRow,
    FindingRow,
    RunRow,
    SiteLockRow,
    SnapshotRow,
)

if TYPE_CHECKING:
    from checks.engine import AuditResult
    from crawler.analysis import PageAnalysis
    from checks.model import Claim, Finding

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
SQLITE_BUSY_TIMEOUT_S = 30
INSERT_BATCH = 500
T = TypeVar("T")


class StoreError(Exception):
    """A store that cannot be opened or a run that does not exist: a message for the user."""


class SiteBusyError(StoreError):
    """Another live run is crawling one of the requested sites."""


@dataclass(frozen=True, slots=True)
class RunRecord:
    id: int
    sites: tuple[str, ...]
    status: str
    started_at: datetime
    finished_at: datetime | None
    pages: int
    cached_pages: int
    parsed_pages: int
    failures: int
    findings: int
    report_path: str | None
    error: str | None


@dataclass(frozen=True, slots=True)
class StoredPage:
    """A fetched page as the store takes it. compressed_body is None when the body is stored
    already (an unchanged page); analysis is the packed PageAnalysis when this run made one."""

    snapshot: Snapshot
    content_hash: str
    compressed_body: bytes | None = None
    analysis: bytes | None = None


@dataclass(frozen=True, slots=True)
class StoredFinding:
    fingerprint: str
    rule: str
    severity: str
    url: str
    message: str
    hint: str | None


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def create_store_engine(url: str) -> Engine:
    """An engine with the SQLite settings that make concurrent writers and kills safe."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if parsed.database:
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})
    event.listen(engine, "connect", _configure_sqlite_connection)
    return engine


def _configure_sqlite_connection(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # NORMAL in WAL mode loses at most the last commits on power loss, never integrity.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def open_store(url: str) -> Store:
    engine = create_store_engine(url)
    migrate(engine)
    return Store(engine)


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision`; refuse a store written by a newer release."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    scripts = ScriptDirectory.from_config(config)
    with _migration_lock(engine), engine.begin() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        if current is not None and not _known_revision(scripts, current):
            raise StoreError(
                f"the store at {engine.url!r} has schema revision {current}, newer than this "
                "release understands: upgrade content-audit"
            )
        if revision == "head" and current == scripts.get_current_head():
            return
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql("SELECT pg_advisory_xact_lock(7305182245)")
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def _known_revision(scripts: ScriptDirectory, revision: str) -> bool:
    try:
        return scripts.get_revision(revision) is not None
    except CommandError:
        return False


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    """Two processes opening a fresh SQLite store at once must not both create its tables."""
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:":
        yield
        return
    with open(f"{database}.migrate.lock", "a") as lock_file:
        fcntl.flock(lock_file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Store:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()

    def start_run(self, sites: Sequence[str]) -> int:
        """Record a new running run and lock its sites; SiteBusyError if one is being crawled."""
        self.reap_abandoned_runs()
        with self._sessions() as session:
            run = RunRow(
                sites=",".join(sites), status="running", started_at=utcnow(), host=socket.gethostname(),
                pid=os.getpid(), pages=0, cached_pages=0, parsed_pages=0, failures=0, findings=0,
            )
            session.add(run)
            session.flush()
            session.add_all(SiteLockRow(site=site, run_id=run.id) for site in sites)
            try:
                session.commit()
            except IntegrityError:
                session.rollback()
                raise SiteBusyError(self._busy_message(sites)) from None
            return run.id

    def _busy_message(self, sites: Sequence[str]) -> str:
        with self._sessions() as session:
            holders = session.execute(
                select(SiteLockRow.site, RunRow.id, RunRow.pid, RunRow.host)
                .join(RunRow, RunRow.id == SiteLockRow.run_id)
                .where(SiteLockRow.site.in_(sites))
            ).all()
        return "; ".join(
            f"site {site!r} is already being crawled by run {run_id} (pid {pid} on {host})"
            for site, run_id, pid, host in holders
        ) or f"sites {', '.join(sites)} are locked by another run"

    def reap_abandoned_runs(self) -> int:
        """Mark running runs whose process on this host is gone as incomplete; free their sites."""
        host = socket.gethostname()
        with self._sessions() as session:
            running = session.scalars(select(RunRow).where(RunRow.status == "running", RunRow.host == host))
            dead = [run for run in running if not _process_alive(run.pid)]
            for run in dead:
                run.status = "incomplete"
                run.finished_at = utcnow()
                run.error = f"process {run.pid} ended before the run finished"
                session.query(SiteLockRow).filter(SiteLockRow.run_id == run.id).delete()
            session.commit()
            return len(dead)

    def add_snapshot(
        self, run_id: int, snapshot: Snapshot, analysis: PageAnalysis | None = None, analysis_version: str = ""
    ) -> None:
        """Record a fetched page; `analysis` is its PageAnalysis when this run had to make it."""
        packed = pack_analysis(analysis) if analysis is not None else None
        page = StoredPage(snapshot, snapshot.content_hash, zlib.compress(snapshot.body), packed)
        self.add_pages(run_id, [page], analysis_version)

    def add_pages(self, run_id: int, pages: Sequence[StoredPage], analysis_version: str) -> None:
        """Record fetched pages in one transaction (a crawl writes them in batches)."""
        bodies = [
            {"content_hash": p.content_hash, "size": len(p.snapshot.body), "body": p.compressed_body}
            for p in pages
            if p.compressed_body is not None
        ]
        analyses = [
            {"url": p.snapshot.url, "content_hash": p.content_hash, "analysis_version": analysis_version, "analysis": p.analysis}
            for p in pages
            if p.analysis is not None
        ]
        snapshots = [
            {
                "run_id": run_id, "site": p.snapshot.site, "url": p.snapshot.url, "fetched_at": p.snapshot.fetched_at,
                "status": p.snapshot.status, "cached": p.snapshot.cached, "headers": kept_headers(p.snapshot.headers),
                "content_hash": p.content_hash, "parsed": p.analysis is not None,
            }
            for p in pages
        ]
        with self._sessions() as session:
            for table, rows in ((BodyRow, bodies), (AnalysisRow, analyses)):
                if rows:
                    session.execute(_insert_ignoring_duplicates_statement(session, table), rows)
            if snapshots:
                session.execute(insert(SnapshotRow), snapshots)
            session.commit()

    def analysed_pages(self, analysis_version: str) -> set[tuple[str, str]]:
        """(URL, content hash) of every page analysed with this version: a crawl asks this once,
        not once a page."""
        with self._sessions() as session:
            rows = session.execute(
                select(AnalysisRow.url, AnalysisRow.content_hash).where(AnalysisRow.analysis_version == analysis_version)
            )
            return {(url, content_hash) for url, content_hash in rows}

    def run_analyses(self, run_id: int, analysis_version: str) -> Iterator[PageAnalysis]:
        """The analysed pages of a run, one at a time, in the order they were fetched; equal
        strings of different pages are one object (see crawler.packing)."""
        strings: dict[str, str] = {}
        with self._sessions() as session:
            rows = session.scalars(
                select(AnalysisRow.analysis)
                .join(
                    SnapshotRow,
                    (SnapshotRow.url == AnalysisRow.url) & (SnapshotRow.content_hash == AnalysisRow.content_hash),
                )
                .where(SnapshotRow.run_id == run_id, AnalysisRow.analysis_version == analysis_version)
                .order_by(SnapshotRow.id)
                .execution_options(yield_per=50)
            )
            for blob in rows:
                yield unpack_analysis(blob, strings)

    def latest_snapshot(self, url: str) -> Snapshot | None:
        """The last page fetched from url, with its body: what a conditional re-crawl revalidates."""
        # Plain columns on a pooled connection: it is asked once for every request of a crawl.
        with self.engine.connect() as connection:
            row = connection.execute(
                select(
                    SnapshotRow.url, SnapshotRow.fetched_at, SnapshotRow.status, SnapshotRow.headers,
                    SnapshotRow.cached, SnapshotRow.site, BodyRow.body,
                )
                .join(BodyRow, BodyRow.content_hash == SnapshotRow.content_hash)
                .where(SnapshotRow.url == url)
                .order_by(SnapshotRow.id.desc())
                .limit(1)
            ).first()
        if row is None:
            return None
        return Snapshot(
            url=row.url, fetched_at=row.fetched_at, status=row.status, body=zlib.decompress(row.body),
            headers=dict(row.headers), cached=row.cached, site=row.site,
        )

    def add_failure(self, run_id: int, failure: PageFailure) -> None:
        with self._sessions() as session:
            session.add(FailureRow(run_id=run_id, url=failure.url, reason=failure.reason, status=failure.status))
            session.commit()

    def failures(self, run_id: int) -> list[PageFailure]:
        with self._sessions() as session:
            rows = session.scalars(select(FailureRow).where(FailureRow.run_id == run_id).order_by(FailureRow.id))
            return [PageFailure(url=row.url, reason=row.reason, status=row.status) for row in rows]

    def snapshot_bodies(self, run_id: int) -> Iterator[tuple[Snapshot, str]]:
        """The run's snapshots with their bodies, one at a time (a large site never sits in memory)."""
        with self._sessions() as session:
            rows = session.execute(
                select(SnapshotRow, BodyRow.body)
                .join(BodyRow, BodyRow.content_hash == SnapshotRow.content_hash)
                .where(SnapshotRow.run_id == run_id)
                .order_by(SnapshotRow.id)
                .execution_options(yield_per=50)
            )
            for snapshot_row, body in rows:
                yield _snapshot_from_row(snapshot_row, zlib.decompress(body)), snapshot_row.content_hash

    def complete_run(self, run_id: int, result: AuditResult, report_path: str | None) -> None:
        """Store the audit's claims and findings and close the run."""
        claims = (_claim_values(run_id, page.url, claim) for page in result.pages for claim in page.claims)
        findings = (_finding_values(run_id, finding) for finding in result.findings)
        with self._sessions() as session:
            # Plain multi-row INSERTs in batches: a large site has tens of thousands of claims,
            # which as ORM objects would cost seconds and hold them all in the session at once.
            for table, rows in ((ClaimRow, claims), (FindingRow, findings)):
                for batch in batched(rows, INSERT_BATCH):
                    session.execute(insert(table), batch)
            self._close_run(
                session, run_id, status="completed", report_path=report_path,
                failures=len(result.failures), findings=len(result.findings), **self._snapshot_counts(session, run_id),
            )
            session.commit()

    def fail_run(self, run_id: int, error: str) -> None:
        with self._sessions() as session:
            failures = session.scalar(select(func.count()).where(FailureRow.run_id == run_id))
            self._close_run(
                session, run_id, status="failed", error=error, failures=failures,
                **self._snapshot_counts(session, run_id),
            )
            session.commit()

    @staticmethod
    def _snapshot_counts(session: Session, run_id: int) -> dict[str, int]:
        pages, cached, parsed = session.execute(
            select(func.count(), _count_true(SnapshotRow.cached), _count_true(SnapshotRow.parsed)).where(
                SnapshotRow.run_id == run_id
            )
        ).one()
        return {"pages": pages, "cached_pages": cached, "parsed_pages": parsed}

    @staticmethod
    def _close_run(session: Session, run_id: int, **values) -> None:
        session.execute(update(RunRow).where(RunRow.id == run_id).values(finished_at=utcnow(), **values))
        session.query(SiteLockRow).filter(SiteLockRow.run_id == run_id).delete()

    def runs(self, limit: int = 50) -> list[RunRecord]:
        self.reap_abandoned_runs()
        with self._sessions() as session:
            rows = session.scalars(select(RunRow).order_by(RunRow.id.desc()).limit(limit))
            return [_run_record(row) for row in rows]

    def run(self, run_id: int) -> RunRecord:
        with self._sessions() as session:
            row = session.get(RunRow, run_id)
            if row is None:
                raise StoreError(f"no run {run_id} in the store (see `content-audit runs`)")
            return _run_record(row)

    def findings(self, run_id: int) -> list[StoredFinding]:
        self.run(run_id)
        # Plain columns: a large site's run has tens of thousands of findings, and every report
        # reads the previous run's.
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(
                    FindingRow.fingerprint, FindingRow.rule, FindingRow.severity, FindingRow.url, FindingRow.message,
                    FindingRow.hint,
                )
                .where(FindingRow.run_id == run_id)
                .order_by(FindingRow.id)
            )
            return [StoredFinding(*row) for row in rows]


def _count_true(column):
    return func.coalesce(func.sum(case((column, 1), else_=0)), 0)


def _insert_ignoring_duplicates_statement(session: Session, model):
    dialect = session.get_bind().dialect.name
    insert_for = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return insert_for(model).on_conflict_do_nothing()


def _snapshot_from_row(row: SnapshotRow, body: bytes) -> Snapshot:
    return Snapshot(
        url=row.url, fetched_at=row.fetched_at, status=row.status, body=body, headers=dict(row.headers),
        cached=row.cached, site=row.site,
    )


def _claim_values(run_id: int, url: str, claim: Claim) -> dict[str, object]:
    return dict(
        run_id=run_id, url=url, entity=claim.entity, measure=claim.measure, qualifier=claim.qualifier,
        low=claim.low, high=claim.high, unit=claim.unit, scope=claim.scope, period=claim.period,
        quote=claim.evidence.quote, locator=claim.evidence.locator,
    )


def _finding_values(run_id: int, finding: Finding) -> dict[str, object]:
    return dict(
        run_id=run_id, fingerprint=finding.fingerprint, rule=finding.rule, severity=finding.severity.value,
        url=finding.url, message=finding.message, hint=finding.hint,
    )


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _run_record(row: RunRow) -> RunRecord:
    return RunRecord(
        id=row.id, sites=tuple(row.sites.split(",")), status=row.status, started_at=row.started_at,
        finished_at=row.finished_at, pages=row.pages, cached_pages=row.cached_pages,
        parsed_pages=row.parsed_pages, failures=row.failures,
        findings=row.findings, report_path=row.report_path, error=row.error,
    )
