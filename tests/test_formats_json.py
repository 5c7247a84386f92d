"""The JSON document is written by orjson but must read exactly as the standard library writes it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checks.decode import decode_html
from checks.document import parse_html
from checks.engine import audit
from pagekit import TODAY
from reports.formats.json import dumps, number, render, result_to_dict

SEEDS = Path(__file__).parent / "fixtures" / "seed-site"


def standard(document: object) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False)


@pytest.mark.parametrize(
    "value",
    [0.0, -0.0, 0.1, 44200.0, 1e-05, 0.0001, 1e16, 123456789012345678.0, -2.5e-7, float("nan"), float("inf"), 3],
)
def test_numbers_read_as_the_standard_library_writes_them(value):
    document = {"value": number(value) if isinstance(value, float) else value, "list": [number(1e-9), []], "empty": {}}
    assert dumps(document) == standard(document)


def test_hostile_text_reads_as_the_standard_library_writes_it():
    document = {"quote": '<script>alert("x")</script>\u2028\u0000\ttab “curly” é 💉', "nested": [{"a": None, "b": True}]}
    assert dumps(document) == standard(document)


def test_ints_past_64_bits_and_lone_surrogates_fall_back_to_the_standard_library():
    document = {"big": 2**70, "broken": "\ud800"}
    assert dumps(document) == standard(document)


def test_an_audit_of_the_seed_pages_reads_as_the_standard_library_writes_it(facts):
    documents = [parse_html(decode_html(path.read_bytes()), path.name) for path in sorted(SEEDS.glob("*.html"))]
    result = audit(documents, facts, TODAY)
    assert render(result) == standard(result_to_dict(result)) + "\n"
