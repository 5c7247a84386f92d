from __future__ import annotations

import pytest

from checks.decode import MAX_PAGE_BYTES, decode_html, repair_mojibake
from checks.errors import AuditInputError


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "page is empty"),
        (b"  \n\t ", "page is empty (only whitespace)"),
        (b"<html>\x00\x01\x02\x00</html>", "page is binary, not text (it contains NUL bytes)"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "page is binary, not text: it looks like a PDF document"),
        (b"\x89PNG\r\n\x1a\n", "page is binary, not text: it looks like a PNG image"),
        (b"\x1f\x8b\x08\x00", "page is binary, not text: it looks like gzip-compressed data"),
        (b"\x01\x02\x03\x04\x05\x06 <p>x</p>", "page is binary, not text (it is full of control characters)"),
    ],
)
def test_unusable_bodies_are_refused_with_a_specific_message(body, message):
    with pytest.raises(AuditInputError) as error:
        decode_html(body)
    assert str(error.value) == message


def test_a_page_over_the_size_limit_is_refused():
    body = b"<p>" + b"x" * (20 * 1024 * 1024) + b"</p>"
    with pytest.raises(AuditInputError, match=r"^page is 20\.0 MB, over the 10\.0 MB limit$"):
        decode_html(body)


def test_the_size_limit_is_a_setting():
    assert MAX_PAGE_BYTES == 10 * 1024 * 1024
    with pytest.raises(AuditInputError, match=r"over the 0\.0 MB limit"):
        decode_html(b"<p>" + b"x" * 100 + b"</p>", max_bytes=50)
    assert decode_html(b"<p>ok</p>", max_bytes=50) == "<p>ok</p>"


@pytest.mark.parametrize(
    ("body", "declared", "expected"),
    [
        ("<p>café — 180</p>".encode(), None, "<p>café — 180</p>"),
        ("<p>café — 180</p>".encode("cp1252"), None, "<p>café — 180</p>"),
        ("<p>café</p>".encode("cp1252"), "windows-1252", "<p>café</p>"),
        # Browsers read latin-1 labels as windows-1252: 0x93/0x94 are curly quotes, not controls.
        (b"<p>\x93quoted\x94</p>", "iso-8859-1", "<p>“quoted”</p>"),
        ('<meta charset="windows-1252"><p>caf\xe9</p>'.encode("latin-1"), None, '<meta charset="windows-1252"><p>café</p>'),
        (b"\xef\xbb\xbf<p>caf\xc3\xa9</p>", None, "<p>café</p>"),
        ("<p>x — y</p>".encode("utf-16"), None, "<p>x — y</p>"),
        ("<p>x — y</p>".encode("utf-16-le"), "utf-16-le", "<p>x — y</p>"),
        ("<p>café</p>".encode(), "no-such-charset", "<p>café</p>"),
    ],
)
def test_charset_comes_from_header_bom_meta_then_utf8_then_cp1252(body, declared, expected):
    assert decode_html(body, declared) == expected


def test_stray_invalid_bytes_in_a_utf8_page_become_replacement_characters():
    body = b'<meta charset="utf-8"><p>caf\xc3\xa9 \xe2\x80\x94 a stray \xff byte</p>'
    assert decode_html(body) == '<meta charset="utf-8"><p>café — a stray \ufffd byte</p>'


def test_a_cp1252_page_mislabelled_utf8_is_read_as_cp1252():
    body = b'<meta charset="utf-8"><p>caf\xe9 na\xefve \x96 r\xe9sum\xe9</p>'
    assert decode_html(body) == '<meta charset="utf-8"><p>café naïve – résumé</p>'


def test_invalid_utf8_without_declaration_falls_back_without_crashing():
    assert decode_html(b"<p>\xff\xfe\xfa ok</p>") == "<p>ÿþú ok</p>"


def test_undecodable_text_is_refused():
    body = "<p>x</p>".encode("utf-16-le") + b"\xd8" * 2000
    with pytest.raises(AuditInputError, match=r"^page could not be decoded: \d+% of its characters are invalid in utf-16-le$"):
        decode_html(body, "utf-16-le")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CPT â€” CCMA", "CPT — CCMA"),
        ("youâ€™re", "you’re"),
        ("â€œquotedâ€\x9d", "“quoted”"),
        ("â€œquotedâ€ next", "“quoted” next"),
        ("6 â€“ 8 months", "6 – 8 months"),
        ("caf\u00c3\u00a9 and Â£5", "café and £5"),
        ("waitâ€¦", "wait…"),
        ("cafÃ©â€™s", "café’s"),
        ("emoji ðŸ˜€ here", "emoji 😀 here"),
        ("café’s naïve résumé", "café’s naïve résumé"),
        ("SÃO PAULO", "SÃO PAULO"),
        ("plain ASCII text", "plain ASCII text"),
    ],
)
def test_repair_mojibake_only_touches_double_encoded_runs(text, expected):
    assert repair_mojibake(text) == expected


def test_decode_repairs_mojibake_in_a_page():
    body = "<p>Exam â€” 180 questions, youâ€™ll pass</p>".encode()
    assert decode_html(body) == "<p>Exam — 180 questions, you’ll pass</p>"


def test_text_without_double_encoding_signatures_is_left_alone():
    # "×½" is a valid UTF-8 reading too, but nothing else on the page says it was mangled.
    assert repair_mojibake("a 2×½ inch tube") == "a 2×½ inch tube"
