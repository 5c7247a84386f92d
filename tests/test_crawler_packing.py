from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from crawler.analysis import analyse
from crawler.packing import pack_analysis, unpack_analysis
from crawler.snapshot import Snapshot

SEED_PAGE = Path(__file__).parent / "fixtures" / "seed-site" / "cpt-vs-ccma.html"


def analysis_of(url: str, facts):
    page = Snapshot(url=url, fetched_at=datetime.now(timezone.utc), status=200, body=SEED_PAGE.read_bytes())
    return analyse(page, facts, 5_000_000)


def test_an_analysis_comes_back_equal(facts):
    analysis = analysis_of("https://example.com/a", facts)
    assert unpack_analysis(pack_analysis(analysis)) == analysis


def test_analyses_read_together_share_their_equal_strings(facts):
    strings: dict[str, str] = {}
    first, second = (
        unpack_analysis(pack_analysis(analysis_of(url, facts)), strings)
        for url in ("https://example.com/a", "https://example.com/b")
    )
    assert first.extraction.claims[0].evidence.quote is second.extraction.claims[0].evidence.quote
    assert first.document.blocks[0].locator is second.document.blocks[0].locator
    assert first.document.url != second.document.url
