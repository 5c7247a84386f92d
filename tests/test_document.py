from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from checks.document import normalize_text, parse_html
from checks.errors import AuditInputError
from checks.model import Block, Document

FIXTURES = Path(__file__).parent / "fixtures"
SEED_PAGES = ("cpt-vs-ccma.html", "medical-assistant-vs-phlebotomist.html")


def fixture_path(name: str) -> Path:
    """Seed pages live in the seed site; hand-made pages beside them in pages/."""
    return FIXTURES / ("seed-site" if name in SEED_PAGES else "pages") / name


def seed(name: str) -> Document:
    return parse_html(fixture_path(name).read_text(encoding="utf-8"), f"https://example.test/{name}")


def article(body: str, head: str = "<title>Guide</title>") -> Document:
    return parse_html(f"<html><head>{head}</head><body><main><article>{body}</article></main></body></html>", "u")


def texts(document: Document, kind: str | None = None) -> list[str]:
    return [block.text for block in document.blocks if kind is None or block.kind == kind]


def only(document: Document, text: str) -> Block:
    [block] = [block for block in document.blocks if text in block.text]
    return block


# --- the seed pages ---------------------------------------------------------------------


def test_cpt_page_at_a_glance_cell_carries_its_headers():
    cell = only(seed("cpt-vs-ccma.html"), "180 questions, 3 hours")
    assert (cell.kind, cell.text, cell.column_header, cell.row_header) == (
        "table_cell", "180 questions, 3 hours", "CCMA", "Exam"
    )
    assert (cell.table, cell.row, cell.column) == (0, 3, 2)
    assert cell.heading_path == ("CPT vs CCMA: Phlebotomy Tech or Clinical Medical Assistant?", "CPT vs CCMA at a glance")


def test_cpt_page_keeps_the_call_to_action_as_its_own_block():
    cta = only(seed("cpt-vs-ccma.html"), "590+")
    assert cta.text == "Unlock 590+ CPT practice questions across 5 full-length simulators — $19.99 lifetime →"
    assert (cta.kind, cta.locator) == ("paragraph", "body > main > article > div")


def test_cpt_page_drops_navigation_and_footer():
    document = seed("cpt-vs-ccma.html")
    all_text = " ".join(texts(document))
    assert "Pricing" not in all_text and "MA vs Phlebotomist" not in all_text
    assert "© 2026 DrCertifications" not in all_text
    assert document.title == "CPT vs CCMA: Phlebotomy Tech or Clinical Medical Assistant?"


def test_cpt_page_dates():
    found = {(d.role, d.value, d.source) for d in seed("cpt-vs-ccma.html").dates}
    assert found == {
        ("reviewed", date(2026, 6, 18), "text"),
        ("modified", date(2026, 6, 18), "meta"),
        ("modified", date(2026, 6, 18), "json-ld"),
    }


def test_ma_page_topic_table_has_column_and_row_headers():
    document = seed("medical-assistant-vs-phlebotomist.html")
    counts = [b for b in document.blocks if b.column_header == "# of Questions"]
    assert [b.text for b in counts] == ["84", "15", "12", "12", "12", "7", "8", "150"]
    assert [b.row_header for b in counts][-1] == "Total"
    assert {b.table for b in counts} == {2}
    assert counts[0].heading_path[-2:] == ("FAQ", "What’s on the CCMA Exam?")


def test_ma_page_keeps_the_faq_inside_footer_widgets_and_drops_script_and_aside():
    document = seed("medical-assistant-vs-phlebotomist.html")
    all_text = " ".join(texts(document))
    assert "150 scored multiple-choice questions, plus 30 unscored pretest questions" in all_text
    assert "G-12345" not in all_text
    assert "Related Blog Posts" not in all_text
    assert "Programs" not in texts(document)


def test_ma_page_faq_dates_are_hidden_blocks_outside_their_heading():
    document = seed("medical-assistant-vs-phlebotomist.html")
    hidden = [b for b in document.blocks if not b.visible]
    assert len(hidden) == 7
    assert all(b.text.startswith("2026-01-03T") for b in hidden)
    assert "What’s on the CCMA Exam?" in texts(document, "heading")


def test_ma_page_dates():
    found = {(d.role, d.value) for d in seed("medical-assistant-vs-phlebotomist.html").dates}
    assert found == {("modified", date(2026, 1, 3)), ("published", date(2025, 11, 12))}


def browser_like(html: str) -> BeautifulSoup:
    """The page as a browser builds it: lxml leaves a table's bare rows outside any <tbody>."""
    soup = BeautifulSoup(html, "lxml")
    for table in soup.find_all("table"):
        rows = table.find_all("tr", recursive=False)
        if rows:
            body = soup.new_tag("tbody")
            rows[0].insert_before(body)
            for row in rows:
                body.append(row.extract())
    return soup


@pytest.mark.parametrize("name", [*SEED_PAGES, "messy-wordpress.html"])
def test_every_locator_finds_an_element_holding_the_block_text(name):
    html = fixture_path(name).read_text(encoding="utf-8")
    soup = browser_like(html)
    for block in parse_html(html, name).blocks:
        element = soup.select_one(block.locator)
        assert element is not None, block.locator
        assert block.text in normalize_text(element.get_text()), block.locator


@pytest.mark.parametrize("name", SEED_PAGES)
def test_each_text_lands_in_exactly_one_block(name):
    """All content text, in document order, with nothing lost and nothing repeated."""
    soup = BeautifulSoup(fixture_path(name).read_text(encoding="utf-8"), "lxml")
    for furniture in soup.find_all(["head", "script", "style", "nav", "aside", "header", "footer"]):
        furniture.decompose()
    expected = "".join(soup.get_text().split())
    assert "".join("".join(block.text.split()) for block in seed(name).blocks) == expected


def test_messy_page_keeps_content_and_drops_chrome():
    document = seed("messy-wordpress.html")
    all_text = " ".join(texts(document))
    for chrome in ("cookies", "Programs", "Blog", "Recent Posts", "1-800-555-0100", "G-99999", "Example Careers"):
        assert chrome not in all_text, chrome
    assert texts(document)[:2] == [
        "How Long Is Phlebotomy Training?",
        "By Jane Doe · Posted in September 2022 · Updated May 6, 2024",
    ]
    assert "Phlebotomy programs usually take 4 to 8 months, though some accelerated courses finish in as little as one month." in all_text
    assert ["30", "successful venipunctures", "10", "capillary sticks"] == texts(document)[4:8]
    assert only(document, "120 (100 scored)").row_header == "Exam questions (CPT)"
    assert [b.text for b in document.blocks if b.kind == "list_item"][:4] == [
        "Venipuncture", "Order of draw", "Tube additives", "Capillary puncture"
    ]
    assert only(document, "Desktop-only summary").visible
    assert not only(document, "(opens in a new tab)").visible
    assert only(document, "500+").text == "Get 500+ phlebotomy practice questions — only $29"


def test_messy_page_dates_from_every_source_but_the_sidebar():
    found = {(d.role, d.value, d.source) for d in seed("messy-wordpress.html").dates}
    assert found == {
        ("modified", date(2024, 5, 6), "meta"),
        ("modified", date(2024, 5, 6), "json-ld"),
        ("published", date(2022, 9, 14), "json-ld"),
        ("reviewed", date(2024, 4, 30), "json-ld"),
        ("modified", date(2024, 5, 6), "time"),
        ("published", date(2022, 9, 1), "text"),
        ("modified", date(2024, 5, 6), "text"),
        ("reviewed", date(2024, 4, 30), "text"),
    }


# --- block kinds and structure ----------------------------------------------------------


def test_block_kinds_in_document_order():
    document = article(
        "<h1>Title</h1><p>Intro</p><ul><li>One</li></ul>"
        "<table><caption>Fees</caption><tr><td>Exam</td><td>$125</td></tr></table>"
        "<figure><img alt='chart'><figcaption>Chart</figcaption></figure>"
        "<blockquote><p>Quoted</p><p>words</p></blockquote>"
        "<dl><dt>CCMA</dt><dd>180 questions</dd></dl><pre>code  block</pre>"
    )
    assert [(b.kind, b.text) for b in document.blocks] == [
        ("heading", "Title"),
        ("paragraph", "Intro"),
        ("list_item", "One"),
        ("caption", "Fees"),
        ("table_cell", "Exam"),
        ("table_cell", "$125"),
        ("caption", "Chart"),
        ("quote", "Quoted words"),
        ("term", "CCMA"),
        ("definition", "180 questions"),
        ("paragraph", "code block"),
    ]
    assert document.blocks[0].level == 1


def test_nested_lists_give_each_item_once_innermost_text_only():
    document = article("<ul><li>Parent <strong>item</strong><ul><li>Child one</li><li>Child two</li></ul> tail</li></ul>")
    assert texts(document) == ["Parent item tail", "Child one", "Child two"]


def test_heading_path_resets_deeper_levels_and_excludes_the_heading_itself():
    document = article(
        "<h1>Guide</h1><h2>Exam</h2><h3>Scoring</h3><p>a</p><h2>Salary</h2><p>b</p><h4>Deep</h4><p>c</p>"
    )
    paths = {b.text: b.heading_path for b in document.blocks}
    assert paths["Scoring"] == ("Guide", "Exam")
    assert paths["a"] == ("Guide", "Exam", "Scoring")
    assert paths["b"] == ("Guide", "Salary")
    assert paths["c"] == ("Guide", "Salary", "Deep")


def test_hidden_headings_do_not_enter_the_heading_path():
    document = article("<h2>Exam</h2><h3 class='sr-only'>Secret</h3><p>text</p>")
    assert only(document, "text").heading_path == ("Exam",)


def test_anonymous_text_in_divs_becomes_blocks_split_at_block_elements():
    document = article(
        "<div class='cta'><a href='/buy'>Unlock 590+ CPT practice questions — $19.99 lifetime</a></div>"
        "<div class='card'><div class='num'>180</div><div class='label'>questions</div></div>"
        "<section>Before <em>inline</em><p>para</p>after</section>"
        "<div>line one<br>line two</div>"
    )
    assert texts(document) == [
        "Unlock 590+ CPT practice questions — $19.99 lifetime",
        "180",
        "questions",
        "Before inline",
        "para",
        "after",
        "line one\nline two",
    ]
    assert all(b.kind == "paragraph" for b in document.blocks)
    assert document.blocks[1].locator == "body > main > article > div:nth-of-type(2) > div:nth-of-type(1)"


def test_spans_the_page_styles_as_blocks_split_a_card_into_lines():
    document = article(
        "<div class='stat-card'><span class='num'>180</span><span class='label'>Total questions</span></div>"
        "<p>Exam: <span class='num'>3</span> hours</p>"
        "<div><span style='display:block'>150</span><span>scored</span></div>",
        head="<style>.stat-card .num{font-size:2rem;display:block}</style>",
    )
    assert texts(document) == ["180", "Total questions", "Exam: 3 hours", "150", "scored"]


def test_text_is_normalised_but_punctuation_kept():
    document = article("<p>  180\u00a0questions,\n\t3 hours — in\u00adcluding pre\u200btest “items”  </p>")
    assert texts(document) == ["180 questions, 3 hours — including pretest “items”"]


def test_inline_markup_joins_without_extra_spaces_and_blocks_are_separated():
    document = article("<ul><li><p>Median salary (2024): <strong>$44,200</strong>.</p><p>Next</p></li></ul>")
    assert texts(document) == ["Median salary (2024): $44,200. Next"]


def test_footnote_markers_do_not_glue_onto_numbers():
    document = article("<p>$44,200<sup><a href='#fn1'>1</a></sup> a year and 1<sup>st</sup> place; $43,660<sup>[2]</sup></p>")
    assert texts(document) == ["$44,200 a year and 1st place; $43,660"]


def test_comments_are_dropped():
    assert texts(article("<p>180 <!-- 200 --> questions</p>")) == ["180 questions"]


# --- tables -------------------------------------------------------------------------------


def test_headerless_key_value_table_uses_first_cell_as_row_header():
    document = article("<table><tr><td>Questions</td><td>180</td></tr><tr><td>Time limit</td><td>3 hours</td></tr></table>")
    cells = [(b.text, b.row_header, b.column_header) for b in document.blocks]
    assert cells == [("Questions", None, None), ("180", "Questions", None), ("Time limit", None, None), ("3 hours", "Time limit", None)]


def test_first_row_of_th_without_thead_is_the_header_row():
    document = article("<table><tr><th>Credential</th><th>Questions</th></tr><tr><td>CPT</td><td>120</td></tr></table>")
    cell = only(document, "120")
    assert (cell.row, cell.column, cell.column_header, cell.row_header) == (1, 1, "Questions", "CPT")


def test_a_bare_ordinal_header_counts_what_the_header_row_starts_with():
    document = article(
        "<table><tr><th>Percentile</th><th>10th</th><th>Median</th></tr>"
        "<tr><td>Annual wage</td><td>$35,020</td><td>$44,200</td></tr></table>"
    )
    assert [only(document, figure).column_header for figure in ("$35,020", "$44,200")] == ["10th percentile", "Median"]


def test_first_row_in_bold_without_thead_is_the_header_row():
    document = article(
        "<table><tr><td></td><td><strong>CPT</strong></td><td><b>CCMA</b></td></tr>"
        "<tr><td><strong>Exam</strong></td><td>120 questions</td><td>180 questions</td></tr></table>"
    )
    cell = only(document, "180 questions")
    assert (cell.column_header, cell.row_header) == ("CCMA", "Exam")


def test_a_partly_bold_first_row_is_data():
    document = article(
        "<table><tr><td><strong>Exam</strong></td><td>120 questions</td></tr>"
        "<tr><td><strong>Time</strong></td><td>2 hours</td></tr></table>"
    )
    assert only(document, "2 hours").column_header is None
    assert only(document, "120 questions").row_header == "Exam"


def test_numeric_first_column_is_not_a_row_header():
    document = article("<table><thead><tr><th>Score</th><th>Result</th></tr></thead><tr><td>390</td><td>Pass</td></tr></table>")
    assert only(document, "Pass").row_header is None


def test_colspan_and_rowspan_place_cells_in_the_right_columns():
    document = article(
        "<table><thead><tr><th rowspan='2'>Topic</th><th colspan='2'>CCMA</th></tr>"
        "<tr><th>Items</th><th>Share</th></tr></thead>"
        "<tbody><tr><td>Clinical</td><td>84</td><td>56%</td></tr>"
        "<tr><td colspan='bogus'>Total</td><td>150</td><td>100%</td></tr></tbody></table>"
    )
    share = only(document, "56%")
    assert (share.row, share.column, share.column_header, share.row_header) == (2, 2, "CCMA Share", "Clinical")
    assert only(document, "150").column_header == "CCMA Items"
    assert only(document, "Items").column == 1


def test_a_row_group_heads_the_word_cells_of_every_row_it_spans():
    document = article(
        "<table><thead><tr><th>Sector</th><th>Setting</th><th>Share</th></tr></thead><tbody>"
        "<tr><th scope='rowgroup' rowspan='2'>Providers</th><td>Hospitals</td><td>38%</td></tr>"
        "<tr><td>Physician offices</td><td>12%</td></tr><tr><td>Labs</td><td>29%</td></tr></tbody></table>"
    )
    assert only(document, "38%").row_header == "Providers Hospitals"
    assert only(document, "12%").row_header == "Providers Physician offices"
    assert only(document, "29%").row_header == "Labs"  # past the group, the first column labels the row again


def test_nested_tables_number_their_own_cells_and_a_cell_holding_a_table_is_layout():
    document = article(
        "<table><tr><td>Outer <table><tr><td>Key</td><td>Inner 5</td></tr></table></td><td>Outer 2</td></tr></table>"
    )
    assert [(b.kind, b.text, b.table, b.column) for b in document.blocks] == [
        ("paragraph", "Outer", None, None), ("table_cell", "Key", 1, 0), ("table_cell", "Inner 5", 1, 1),
        ("table_cell", "Outer 2", 0, 0),
    ]
    assert only(document, "Inner 5").row_header == "Key"


# --- visibility and furniture -------------------------------------------------------------


@pytest.mark.parametrize(
    "markup",
    [
        "<div hidden>secret</div>",
        "<div aria-hidden='true'>secret</div>",
        "<div style='color:red; display: none'>secret</div>",
        "<div style='visibility:hidden'>secret</div>",
        "<div class='hidden'>secret</div>",
        "<span class='sr-only'>secret</span>",
        "<p class='visually-hidden'>secret</p>",
        "<p class='screen-reader-text'>secret</p>",
        "<span class='updated rich-snippet-hidden'>secret</span>",
        "<div hidden><p>in a <b>hidden</b> parent: secret</p></div>",
    ],
)
def test_hidden_text_is_kept_as_invisible_blocks(markup):
    document = article(f"<p>shown</p>{markup}")
    assert [(b.text.endswith("secret"), b.visible) for b in document.blocks] == [(False, True), (True, False)]


@pytest.mark.parametrize(
    "markup",
    [
        "<div class='overflow-hidden'>shown</div>",
        "<div class='hidden md:block'>shown</div>",
        "<div class='d-none d-lg-block'>shown</div>",
        "<div style='display:block'>shown</div>",
        "<div aria-hidden='false'>shown</div>",
    ],
)
def test_text_that_readers_see_stays_visible(markup):
    assert [b.visible for b in article(markup).blocks] == [True]


@pytest.mark.parametrize(
    "accordion",
    [
        "<h3><button aria-expanded='false'>How long?</button></h3><div hidden><p>2 hours</p></div>",
        "<button aria-expanded='false' aria-controls='p1'>How long?</button><p>x</p><div id='p1' hidden>2 hours</div>",
        "<div class='q' aria-expanded='false'>How long?</div><div style='display:none' aria-hidden='true'>2 hours</div>",
        "<p>How long?</p><div hidden='until-found'>2 hours</div>",
    ],
)
def test_collapsed_accordion_panels_are_visible(accordion):
    assert only(article(accordion), "2 hours").visible


def test_hidden_panels_without_a_toggle_stay_hidden():
    document = article(
        "<h3>How long?</h3><div hidden><p>2 hours</p></div>"
        "<button aria-expanded='false'>Menu</button><span class='sr-only'>opens the menu</span>"
    )
    assert [(b.text, b.visible) for b in document.blocks] == [
        ("How long?", True), ("2 hours", False), ("Menu", True), ("opens the menu", False)
    ]


def test_hidden_span_inside_a_visible_heading_is_split_out():
    document = article("<h2>What’s on the exam?<span class='rich-snippet-hidden'>2026-01-03</span></h2><p>a</p>")
    assert [(b.kind, b.text, b.visible) for b in document.blocks] == [
        ("heading", "What’s on the exam?", True),
        ("paragraph", "2026-01-03", False),
        ("paragraph", "a", True),
    ]
    assert document.blocks[2].heading_path == ("What’s on the exam?",)


@pytest.mark.parametrize("container", ["p", "div", "li"])
def test_hidden_inline_text_does_not_split_the_words_around_it(container):
    document = article(f"<{container}>Updated <span class='sr-only'>on</span>May 2026</{container}>")
    assert [(b.text, b.visible) for b in document.blocks] == [("Updated May 2026", True), ("on", False)]
    assert [(d.role, d.text) for d in document.dates] == [("modified", "Updated May 2026")]


@pytest.mark.parametrize(
    "furniture",
    [
        "<script>var x = 'G-12345';</script>",
        "<style>.x{content:'G-12345'}</style>",
        "<noscript>G-12345</noscript>",
        "<template><p>G-12345</p></template>",
        "<svg><text>G-12345</text></svg>",
        "<iframe>G-12345</iframe>",
        "<nav><a href='/'>G-12345</a></nav>",
        "<form><label>G-12345</label><input></form>",
        "<button>G-12345</button>",
        "<div role='navigation'>G-12345</div>",
        "<div role='search'>G-12345</div>",
        "<div id='cookie-notice'>G-12345</div>",
        "<div class='cc-window consent-banner'>G-12345</div>",
        "<div class='gdpr-popup'><p>G-12345</p></div>",
        "<ol class='breadcrumbs'><li>G-12345</li></ol>",
        "<div aria-label='Breadcrumb'>G-12345</div>",
        "<div class='entry-author-description author-bio'><p>G-12345</p></div>",
        "<section class='author-box'><p>G-12345</p></section>",
        "<div class='td-author-description'>G-12345</div>",
    ],
)
def test_page_furniture_is_dropped(furniture):
    document = article(f"<p>before</p>{furniture}<p>after</p>")
    assert texts(document) == ["before", "after"]


def test_a_sidebar_is_furniture_but_a_key_facts_aside_inside_the_article_is_content():
    document = parse_html(
        "<html><body><main><article><p>before</p><aside class='key-facts'><p>Median pay (2021): $37,380</p></aside>"
        "</article><aside class='sidebar'><p>G-12345</p></aside></main></body></html>",
        "u",
    )
    assert texts(document) == ["before", "Median pay (2021): $37,380"]


def test_a_numbers_box_inside_main_is_content_and_an_aside_outside_it_is_a_sidebar():
    document = parse_html(
        "<html><body><main><p>before</p><aside class='bythenumbers'><p>112,300 openings a year</p></aside>"
        "<aside class='widget-area'><p>Subscribe</p></aside></main><aside><p>Elsewhere</p></aside></body></html>",
        "u",
    )
    assert texts(document) == ["before", "112,300 openings a year"]


def test_on_a_page_without_main_or_article_an_aside_is_judged_by_its_name():
    document = parse_html(
        "<html><body><div class='wrap'><h1>Pay</h1><aside class='latest-box'><p>Latest median: $42,000</p></aside>"
        "<aside class='sidebar-widgets'><p>Subscribe</p></aside><p>after</p></div></body></html>",
        "u",
    )
    assert texts(document) == ["Pay", "Latest median: $42,000", "after"]


def test_thousands_grouped_by_a_thin_or_no_break_space_read_as_one_number():
    assert normalize_text("about 18\u2009400 new jobs, 811\u00a0000 in 2024, 5\u00a0to 8") == "about 18,400 new jobs, 811,000 in 2024, 5 to 8"


def test_a_pdf_conversions_wrapped_lines_are_one_paragraph():
    document = article(
        "<div class='pc'><div class='t'>Clinical Patient Care is by far the biggest domain: 84 of the 150 scored</div>"
        "<div class='t'>items, or about 65% of your score. Put most of your study time here.</div>"
        "<div class='t'>Medical Law is the smallest.</div><div class='t'>180</div><div class='t'>questions</div></div>"
    )
    assert texts(document) == [
        "Clinical Patient Care is by far the biggest domain: 84 of the 150 scored items, or about 65% of your score. "
        "Put most of your study time here.",
        "Medical Law is the smallest.", "180", "questions",
    ]


def test_a_pre_blocks_lines_stay_lines():
    document = article("<pre>Credential   Questions   Time\nCCMA         180         3 h\nCMA          200         160 min</pre>")
    assert only(document, "CCMA").text.split("\n") == ["Credential Questions Time", "CCMA 180 3 h", "CMA 200 160 min"]


def test_a_layout_cell_of_sentences_labels_nothing_beside_it():
    document = article(
        "<table><tr><td>CCMA (NHA) 180 questions in 3 hours. Bring one valid photo ID.</td>"
        "<td>CPT (NHA) 120 questions in 2 hours.</td></tr></table>"
    )
    assert only(document, "CPT (NHA)").row_header is None


def test_mediawiki_edit_links_are_furniture():
    document = article("<h2>History<span class='mw-editsection'>[<a href='?action=edit'>edit</a>]</span></h2><p>x</p>")
    assert texts(document, "heading") == ["History"]


def test_a_year_in_the_first_column_labels_its_row():
    document = article("<table><tr><th>Projection cycle</th><th>Growth</th></tr><tr><td>2019-29</td><td>19%</td></tr></table>")
    assert only(document, "19%").row_header == "2019-29"


def test_accordion_toggles_keep_their_question_text():
    document = article(
        "<h3><button aria-expanded='false'>How many questions are on the CCMA exam?</button></h3>"
        "<div><p>180 questions.</p></div>"
        "<button class='faq-toggle' aria-controls='a2'>How long is the exam?</button><p id='a2'>3 hours.</p>"
        "<button onclick='buy()'>Buy now</button>"
    )
    assert texts(document) == [
        "How many questions are on the CCMA exam?", "180 questions.", "How long is the exam?", "3 hours."
    ]
    assert only(document, "180 questions.").heading_path == ("How many questions are on the CCMA exam?",)


def test_site_header_and_footer_are_dropped_but_article_header_and_footer_kept():
    document = parse_html(
        "<body class='gdpr-enabled'><header><p>Site name</p></header><div role='banner'>Banner</div>"
        "<main><article><header><h1>Title</h1></header><p>Body</p>"
        "<footer><p>Last updated: May 2026</p></footer></article></main>"
        "<footer><p>© Site</p></footer><div role='contentinfo'>Legal</div></body>",
        "u",
    )
    assert texts(document) == ["Title", "Body", "Last updated: May 2026"]
    assert [(d.role, d.value) for d in document.dates] == [("modified", date(2026, 5, 1))]


def test_footer_widgets_by_class_are_content():
    document = article("<section class='fusion-footer-widgets'><h2>FAQ</h2><p>150 scored questions</p></section>")
    assert texts(document) == ["FAQ", "150 scored questions"]


# --- locators -----------------------------------------------------------------------------


def test_locator_starts_at_the_nearest_unique_simple_id():
    document = parse_html(
        "<body><div id='main'><div><p>a</p><p>b</p></div></div><div id='dup'><p>c</p></div>"
        "<div id='dup'><p>d</p></div><div id='1 bad'><span>e</span></div></body>",
        "u",
    )
    assert [b.locator for b in document.blocks] == [
        "#main > div > p:nth-of-type(1)",
        "#main > div > p:nth-of-type(2)",
        "body > div:nth-of-type(2) > p",
        "body > div:nth-of-type(3) > p",
        "body > div:nth-of-type(4)",
    ]


# --- title ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "body", "title"),
    [
        ("<title> The  title </title>", "<h1>Heading</h1>", "The title"),
        ("", "<h1>Heading</h1>", "Heading"),
        ("<meta property='og:title' content='OG title'>", "<h2>Not a title</h2>", "OG title"),
        ("", "<p>text</p>", ""),
    ],
)
def test_title_falls_back_to_h1_then_og_title(head, body, title):
    assert article(body, head=head).title == title


# --- dates from the page --------------------------------------------------------------------


def test_dates_from_time_elements_json_ld_in_body_and_text():
    document = article(
        "<p class='byline'>By Jane · Updated <time datetime='2024-05-06'>May 6, 2024</time></p>"
        "<script type='application/ld+json'>{\"@type\": \"Article\", \"datePublished\": \"2023-01-02\"}</script>"
        "<p>Medically reviewed on March 3, 2025</p>"
    )
    assert [(d.role, d.value, d.source) for d in document.dates] == [
        ("published", date(2023, 1, 2), "json-ld"),
        ("modified", date(2024, 5, 6), "time"),
        ("modified", date(2024, 5, 6), "text"),
        ("reviewed", date(2025, 3, 3), "text"),
    ]
    assert document.dates[1].locator == "body > main > article > p:nth-of-type(1) > time"


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("<p>reviewed 2026-06-18</p>", ("reviewed", date(2026, 6, 18), "day")),
        ("<p>Last updated: May 2026</p>", ("modified", date(2026, 5, 1), "month")),
        ("<div><span>Updated:</span> <span>May 6, 2024</span></div>", ("modified", date(2024, 5, 6), "day")),
        ("<p>Posted in <a href='/cat'>September 2022</a></p>", ("published", date(2022, 9, 1), "month")),
        ("<p><em>Medically reviewed</em> on March 3, 2025</p>", ("reviewed", date(2025, 3, 3), "day")),
        ("<p>Last reviewed: 06/18/2026</p>", ("reviewed", date(2026, 6, 18), "day")),
        ("<p class='sr-only'>Updated 2025-02-03</p>", ("modified", date(2025, 2, 3), "day")),
    ],
)
def test_visible_date_phrases_on_a_page(byline, expected):
    [found] = article(f"<h1>Guide</h1>{byline}<p>180 questions</p>").dates
    assert (found.role, found.value, found.precision, found.source) == (*expected, "text")


def test_a_date_without_a_year_is_not_guessed():
    assert article("<p class='meta'>Admin - Oct 16</p><p>Updated Oct 16</p>").dates == ()


@pytest.mark.parametrize(
    ("meta", "role", "locator"),
    [
        ("<meta name='dcterms.modified' content='2025-02-03'>", "modified", 'meta[name="dcterms.modified"]'),
        ("<meta http-equiv='last-modified' content='2025-02-03'>", "modified", 'meta[http-equiv="last-modified"]'),
        ("<meta property='og:updated_time' content='2025-02-03T10:00:00Z'>", "modified", 'meta[property="og:updated_time"]'),
        ("<meta name='date' content='2025-02-03'>", "modified", 'meta[name="date"]'),
        ("<meta itemprop='datePublished' content='2025-02-03'>", "published", 'meta[itemprop="datePublished"]'),
    ],
)
def test_meta_dates_are_located_by_their_attribute(meta, role, locator):
    [found] = article("<p>x</p>", head=meta).dates
    assert (found.role, found.value, found.source, found.locator) == (role, date(2025, 2, 3), "meta", locator)


# --- robustness -----------------------------------------------------------------------------


def test_deeply_nested_markup_does_not_exhaust_the_recursion_limit():
    html = "<html><body>" + "<div>" * 10_000 + "<p>deep 180 questions</p>" + "</div>" * 10_000 + "<p>after</p></body></html>"
    try:
        document = parse_html(html, "u")
    except AuditInputError as error:
        assert str(error) == "page markup is nested too deeply to parse"
    else:
        assert texts(document) == ["deep 180 questions", "after"]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>one<p>two", ["one", "two"]),
        ("<div><p>unclosed <b>bold</div><p>next</p>", ["unclosed bold", "next"]),
        ("</div></span><p>stray closers</p></td>", ["stray closers"]),
        ("<td>cell without table</td>", ["cell without table"]),
        ("<ul><li>a<li>b</ul>", ["a", "b"]),
        ("<table><td>no row</td></table>", ["no row"]),
        ("plain text, no tags", ["plain text, no tags"]),
        ("", []),
        ("<p>&amp; &lt;tag&gt; &nbsp;&#8212;&bogus;</p>", ["& <tag> —&bogus;"]),
    ],
)
def test_malformed_html_still_parses(html, expected):
    assert texts(parse_html(html, "u")) == expected


# --- suppressions ---------------------------------------------------------------------------


def test_ignore_comments_become_suppressions_for_their_block_or_the_next():
    document = article(
        "<!-- content-audit: ignore contradicts-fact -- the 2019 figure is quoted on purpose -->"
        "<p>The CCMA had 200 questions in 2019.</p>"
        "<ul><li>180 questions <!-- Content-Audit: ignore stale-review, unknown-claim --></li></ul>"
        "<!-- an ordinary comment --><!-- content-audit: ignore arithmetic -->"
    )
    assert [(s.rule, s.reason, s.locator) for s in document.suppressions] == [
        ("contradicts-fact", "the 2019 figure is quoted on purpose", "body > main > article > p"),
        ("stale-review", "", "body > main > article > ul > li"),
        ("unknown-claim", "", "body > main > article > ul > li"),
        ("arithmetic", "", ""),
    ]
    assert texts(document) == ["The CCMA had 200 questions in 2019.", "180 questions"]


def test_absurd_spans_are_placed_without_blowing_up():
    rows = "".join(f"<tr><td rowspan='99999' colspan='5000'>{i}</td><td>x</td></tr>" for i in range(300))
    document = parse_html(f"<table>{rows}</table>", "u")
    assert len(document.blocks) == 600
    assert (document.blocks[1].column, document.blocks[3].column) == (1000, 2000)


def test_a_heading_sits_under_higher_ranked_headings_only():
    document = article("<h1>Guide</h1><h2>First</h2><p>x</p><h2>Second</h2><h3>Detail</h3>")
    assert [(b.text, b.heading_path) for b in document.blocks if b.kind == "heading"] == [
        ("Guide", ()), ("First", ("Guide",)), ("Second", ("Guide",)), ("Detail", ("Guide", "Second"))
    ]


@pytest.mark.parametrize(
    "classes", ["quick-add-hidden", "no-js-hidden", "mobile-hidden", "print-hidden", "overflow-hidden"]
)
def test_classes_that_hide_only_in_one_context_leave_text_visible(classes):
    assert only(article(f'<div class="{classes}"><p>The CPT exam lasts 2 hours.</p></div>'), "2 hours").visible


def test_an_animated_counters_starting_value_is_not_page_text():
    document = article('<div><span class="counter" data-to-value="10000">0</span><span>Graduates</span></div>')
    assert "0" not in " ".join(texts(document))


def test_figures_over_their_labels_take_the_labels_as_column_headers():
    document = article("<table><tr><th>$43,660</th><th>6%</th></tr><tr><td>Median pay</td><td>Growth</td></tr></table>")
    assert only(document, "6%").column_header == "Growth"


def test_a_key_value_table_of_th_rows_has_no_header_row_and_figure_th_cells_are_no_labels():
    document = article(
        "<table><tr><th>Total questions</th><th>120</th></tr><tr><th>Time limit</th><th>2 hours</th></tr></table>"
        "<table><tr><td>Setting</td><td>Median</td></tr><tr><td>Hospitals</td><th>$43,590</th></tr></table>"
    )
    assert (only(document, "2 hours").row_header, only(document, "2 hours").column_header) == ("Time limit", None)
    assert (only(document, "$43,590").row_header, only(document, "$43,590").column_header) == ("Hospitals", "Median")
