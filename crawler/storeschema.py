"""The store's tables. Alembic migrations in crawler/migrations are the authority on the
schema of an existing database; these mappings must describe the head revision."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, Float, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class RunRow(Base):
    """One crawl: status goes running -> completed | failed, or incomplete if it was killed."""

    __tablename__ = "runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sites: Mapped[str] = mapped_column(String(500))
    status: Mapped[str] = mapped_column(String(20), index=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    host: Mapped[str] = mapped_column(String(255))
    pid: Mapped[int] = mapped_column(Integer)
    pages: Mapped[int] = mapped_column(Integer, default=0)
    cached_pages: Mapped[int] = mapped_column(Integer, default=0)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    findings: Mapped[int] = mapped_column(Integer, default=0)
    report_path: Mapped[str | None] = mapped_column(Text)
    error: Mapped[str | None] = mapped_column(Text)
    parsed_pages: Mapped[int] = mapped_column(Integer, default=0)


class SiteLockRow(Base):
    """Held by the run crawling a site; the primary key makes taking it atomic on any backend."""

    __tablename__ = "site_locks"
    site: Mapped[str] = mapped_column(String(200), primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"))


class BodyRow(Base):
    """Page bodies by content hash, zlib-compressed: an unchanged page is stored once."""

    __tablename__ = "bodies"
    content_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    body: Mapped[bytes] = mapped_column(LargeBinary)


class SnapshotRow(Base):
    __tablename__ = "snapshots"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"), index=True)
    site: Mapped[str] = mapped_column(String(200))
    url: Mapped[str] = mapped_column(Text, index=True)
    fetched_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    status: Mapped[int] = mapped_column(Integer)
    cached: Mapped[bool] = mapped_column(default=False)
    headers: Mapped[dict] = mapped_column(JSON)
    content_hash: Mapped[str] = mapped_column(ForeignKey("bodies.content_hash"))
    parsed: Mapped[bool] = mapped_column(default=False)


class AnalysisRow(Base):
    """A page's analysis (pickled, zlib-compressed crawler.analysis.PageAnalysis) for a body.

    analysis_version changes with the parsing and extraction code and the fact base, so a stale
    analysis is never reused.
    """

    __tablename__ = "page_analyses"
    url: Mapped[str] = mapped_column(Text, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    analysis_version: Mapped[str] = mapped_column(String(64), primary_key=True)
    analysis: Mapped[bytes] = mapped_column(LargeBinary)


class ClaimRow(Base):
    __tablename__ = "claims"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(Text)
    entity: Mapped[str] = mapped_column(String(200))
    measure: Mapped[str] = mapped_column(String(200))
    qualifier: Mapped[str] = mapped_column(String(200))
    low: Mapped[float] = mapped_column(Float)
    high: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(50))
    scope: Mapped[str | None] = mapped_column(String(200))
    period: Mapped[str | None] = mapped_column(String(50))
    quote: Mapped[str] = mapped_column(Text)
    locator: Mapped[str] = mapped_column(Text)


class FindingRow(Base):
    __tablename__ = "findings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"), index=True)
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    rule: Mapped[str] = mapped_column(String(100))
    severity: Mapped[str] = mapped_column(String(20))
    url: Mapped[str] = mapped_column(Text)
    message: Mapped[str] = mapped_column(Text)
    hint: Mapped[str | None] = mapped_column(Text)


class FailureRow(Base):
    __tablename__ = "failures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[int | None] = mapped_column(Integer)
