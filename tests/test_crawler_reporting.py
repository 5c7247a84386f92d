"""The run's JSON report is written page by page, and must be reports.formats.json's document
byte for byte."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from checks.document import parse_html
from checks.engine import audit
from checks.model import PageFailure
from crawler.reporting import json_pieces
from reports.formats.json import render

SEED_SITE = Path(__file__).parent / "fixtures" / "seed-site"


@pytest.fixture(scope="module")
def seed_result(facts):
    documents = [parse_html(p.read_text(encoding="utf-8"), f"https://example.com/{p.name}") for p in sorted(SEED_SITE.glob("*.html"))]
    return audit(documents, facts, date(2026, 11, 25), failures=[PageFailure("https://example.com/gone", "HTTP 404", 404)])


@pytest.mark.parametrize(
    "shape",
    ["as audited", "no pages", "one page", "no failures", "a page without findings or claims"],
)
def test_the_streamed_json_report_is_the_json_format_byte_for_byte(seed_result, shape):
    result = {
        "as audited": seed_result,
        "no pages": replace(seed_result, pages=()),
        "one page": replace(seed_result, pages=seed_result.pages[:1]),
        "no failures": replace(seed_result, failures=()),
        "a page without findings or claims": replace(
            seed_result, pages=(replace(seed_result.pages[0], findings=(), claims=(), dates=()),)
        ),
    }[shape]
    streamed = "".join(json_pieces(result))
    assert streamed == render(result)
    assert json.loads(streamed)["summary"]["pages"] == len(result.pages)
