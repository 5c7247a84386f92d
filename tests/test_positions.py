"""Line and column in the source file for blocks, claims, page dates and suppressions."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.document import parse_html
from checks.engine import audit
from checks.markdown import body_offset, parse_markdown
from checks.model import SourcePosition
from checks.positions import SourceText, locate, place_claims, squeeze
from crawler.inputs import read_local
from pagekit import TODAY


def located_html(html: str, url: str = "page.html"):
    source = SourceText(html)
    return locate(parse_html(html, url), source), source


def claim_positions_list(facts, document, source) -> list[tuple[str, SourcePosition | None]]:
    result = place_claims(audit([document], facts, TODAY), {document.url: source})
    return [(claim.evidence.matched, claim.evidence.position) for page in result.pages for claim in page.claims]


def claim_positions(facts, document, source) -> dict[str, SourcePosition | None]:
    return dict(claim_positions_list(facts, document, source))


def position_of(text: str, needle: str, occurrence: int = 1) -> SourcePosition:
    """What an editor's editor shows for the n-th occurrence of needle: 1-based line and column."""
    offset = -1
    for _ in range(occurrence):
        offset = text.index(needle, offset + 1)
    line = text.count("\n", 0, offset) + 1
    return SourcePosition(line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


HTML = """<!DOCTYPE html>
<html><head><title>The CCMA exam</title>
<meta property="article:modified_time" content="2026-01-03T03:00:10+00:00">
<script>var note = "The CCMA exam has 200 questions.";</script>
</head>
<body><main><article>
<h1>The CCMA exam</h1>
<p>Café owners ask: the&nbsp;CCMA <em>exam</em>
   has &lt;about&gt; <strong>200</strong> questions.</p>
<!-- content-audit: ignore unknown-claim -- figure pending -->
<p>The CCMA exam takes 3 hours.</p>
</article></main></body></html>
"""


def test_claim_in_html_is_placed_on_the_number_past_tags_and_entities(facts):
    document, source = located_html(HTML)
    positions = claim_positions(facts, document, source)
    assert positions["200 questions"] == position_of(HTML, "200</strong>")
    assert positions["3 hours"] == position_of(HTML, "3 hours")


def test_findings_carry_the_claim_position(facts):
    document, source = located_html(HTML)
    result = place_claims(audit([document], facts, TODAY), {"page.html": source})
    wrong = next(f for f in result.findings if f.rule == "contradicts-fact")
    assert wrong.evidence.position == position_of(HTML, "200</strong>")


def test_blocks_skip_title_and_scripts_and_columns_count_characters():
    document, _ = located_html(HTML)
    heading = next(b for b in document.blocks if b.kind == "heading")
    assert heading.position == position_of(HTML, "The CCMA exam</h1>")
    paragraph = next(b for b in document.blocks if b.text.startswith("Café"))
    assert paragraph.position == position_of(HTML, "Café")


def test_repeated_cell_text_lands_on_its_own_occurrence():
    html = "<table><tr><th>Exam</th><th>Questions</th></tr>\n<tr><td>CPT</td><td>150</td></tr>\n<tr><td>CCMA</td><td>150</td></tr></table>"
    document, _ = located_html(html)
    cells = [b.position for b in document.blocks if b.text == "150"]
    assert cells == [position_of(html, "150", 1), position_of(html, "150", 2)]


def test_page_dates_and_suppressions_point_at_their_markup():
    document, _ = located_html(HTML)
    meta = next(d for d in document.dates if d.source == "meta")
    assert meta.position == position_of(HTML, "2026-01-03T03")
    assert [s.position for s in document.suppressions] == [position_of(HTML, "<!-- content-audit")]


def test_text_interrupted_by_hidden_markup_is_found_by_its_prefix():
    source = SourceText("<h2>Exam <span hidden>(beta)</span> facts for 2026</h2>")
    found = source.find("Exam facts for 2026", 0)
    assert found is not None and found[0] == 0 and found[1] == len("Exam")
    assert source.find("Nowhere on the page", 0) is None


def test_claim_in_markdown_maps_back_to_the_md_file(facts):
    text = (
        "---\ntitle: CCMA\nreviewed: 2026-10-01\n---\n\n# The CCMA exam\n\n"
        "Intro paragraph with *emphasis* and a [link](https://example.org/x).\n\n"
        "The **CCMA exam** has [200 questions](https://example.org/ccma \"NHA\") in total.\n\n"
        "| Exam | Time |\n| --- | --- |\n| CCMA | 3 hours |\n"
    )
    source = SourceText(text, markdown=True, start=body_offset(text))
    document = locate(parse_markdown(text, "ccma.md"), source)
    positions = claim_positions(facts, document, source)
    assert positions["200 questions"] == position_of(text, "200 questions")
    assert positions["3 hours"] == position_of(text, "3 hours")


def test_squeeze_drops_whitespace_and_markdown_marks_alike():
    assert squeeze("The **CCMA**  exam\n| 180 |") == "TheCCMAexam180"
    source = SourceText("<p>The <b>CCMA</b>\n exam &amp; 180</p>")
    assert source.chars == "TheCCMAexam&180"
    assert source.position_of_readable(source.chars.index("&")) == SourcePosition(2, 7)


FIXTURE_PAGES = sorted((Path(__file__).parent / "fixtures").rglob("*.html"))


@pytest.mark.parametrize("path", FIXTURE_PAGES, ids=lambda path: path.name)
def test_every_claim_on_fixture_pages_is_placed_on_its_own_text(facts, path):
    """Whatever the markup, the source read from a claim's line:column is the claimed text."""
    page = read_local(str(path), 10 * 1024 * 1024)
    claims = claim_positions_list(facts, page.document, page.source)
    for matched, position in claims:
        assert position is not None, matched
        readable = page.source.readable_index(page.source.offset(position))
        assert page.source.chars.startswith(squeeze(matched), readable), (matched, position)
    # a block of marks alone (a "#" column header, a press release's closing "###") has no readable text to place
    assert all(block.position is not None for block in page.document.blocks if squeeze(block.text))
