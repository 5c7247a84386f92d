"""Page bytes -> text: refuse what is not an HTML page, pick the charset, repair mojibake.

Charset order: the HTTP header's charset, a byte-order mark, the page's own <meta charset> (both
found by bs4's EncodingDetector), then UTF-8, then windows-1252. Like browsers, "iso-8859-1"
and "ascii" labels decode as windows-1252, and a declared charset is kept even when a few stray
bytes are invalid (they become U+FFFD) unless the page is mostly invalid in it, which means the
label is wrong.
"""

from __future__ import annotations

import codecs
import re

from bs4.dammit import EncodingDetector

from checks.errors import AuditInputError

MAX_PAGE_BYTES = 10 * 1024 * 1024

_MEGABYTE = 1024 * 1024
_WIDE_ENCODINGS = ("utf-16", "utf-32")
# Browsers treat these labels as windows-1252; Python's latin-1 would turn its curly quotes
# and dashes into invisible C1 control characters.
_WINDOWS_1252_ALIASES = {"iso8859-1", "ascii"}
_FALLBACK_ENCODINGS = ("utf-8", "cp1252")
_MAX_REPLACEMENT_SHARE = 0.1
_MAX_CONTROL_SHARE = 0.05
_SAMPLE_CHARS = 4096
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAGIC_NUMBERS = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
)

# The cp1252 reading of a UTF-8 byte sequence: a lead byte C2-F4 then continuation bytes 80-BF.
# Bytes cp1252 leaves undefined survive as the C1 control with the same number.
_CONTINUATION = "".join(
    sorted({bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xC0)})
)
_CONTINUATION_CLASS = f"[{re.escape(_CONTINUATION)}]"


def _leads(first: int, last: int) -> str:
    return "[" + re.escape(bytes(range(first, last + 1)).decode("cp1252")) + "]"


# Lead bytes C2-DF start 2-byte sequences, E0-EF 3-byte ones, F0-F4 4-byte ones.
_MOJIBAKE = re.compile(
    f"{_leads(0xC2, 0xDF)}{_CONTINUATION_CLASS}"
    f"|{_leads(0xE0, 0xEF)}{_CONTINUATION_CLASS}{{2}}"
    f"|{_leads(0xF0, 0xF4)}{_CONTINUATION_CLASS}{{3}}"
)
# "â€" starts every mangled curly quote, dash and ellipsis; "Â" and "Ã" start mangled
# Latin-1 letters and symbols; "ðŸ" starts mangled emoji.
_SIGNATURE = re.compile(f"â€|ðŸ|[ÂÃ]{_CONTINUATION_CLASS}")
_CP1252_UNDEFINED = {chr(b): bytes([b]) for b in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
# "”" is E2 80 9D; 9D is undefined in cp1252, so double-encoding often lost or replaced it.
_BROKEN_CLOSING_QUOTE = re.compile(f"â€(?:\ufffd|(?!{_CONTINUATION_CLASS}))")


def decode_html(
    body: bytes, declared_encoding: str | None = None, *, max_bytes: int = MAX_PAGE_BYTES
) -> str:
    """Decode a fetched page to text, or raise AuditInputError saying why it is not one.

    declared_encoding is the charset of the HTTP Content-Type header, when there was one.
    """
    _refuse_unusable(body, max_bytes)
    data, bom_encoding = EncodingDetector.strip_byte_order_mark(body)
    wide = _is_wide(bom_encoding) or _is_wide(declared_encoding)
    if not wide and b"\x00" in data:
        raise AuditInputError("page is binary, not text (it contains NUL bytes)")
    text, encoding = _decode(data, [declared_encoding, bom_encoding, _meta_charset(data)])
    _refuse_garbage(text, encoding)
    return repair_mojibake(text)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 text that was read as windows-1252 ("â€”" -> "—", "Ã©" -> "é").

    Only text showing the tell-tale signatures of double encoding is touched, and there a run
    is replaced only when its bytes form valid UTF-8, so ordinary accented text stays.
    """
    if not _SIGNATURE.search(text):
        return text
    return _BROKEN_CLOSING_QUOTE.sub("”", _MOJIBAKE.sub(_repair_run, text))


def _repair_run(match: re.Match[str]) -> str:
    run = match.group()
    raw = b"".join(_CP1252_UNDEFINED.get(char) or char.encode("cp1252") for char in run)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return run


def _refuse_unusable(body: bytes, max_bytes: int) -> None:
    if len(body) > max_bytes:
        raise AuditInputError(
            f"page is {len(body) / _MEGABYTE:.1f} MB, over the {max_bytes / _MEGABYTE:.1f} MB limit"
        )
    if not body.strip():
        raise AuditInputError("page is empty" if not body else "page is empty (only whitespace)")
    for magic, what in _MAGIC_NUMBERS:
        if body.startswith(magic):
            raise AuditInputError(f"page is binary, not text: it looks like {what}")


def _meta_charset(data: bytes) -> str | None:
    return EncodingDetector.find_declared_encoding(data, is_html=True)


def _decode(data: bytes, declared: list[str | None]) -> tuple[str, str]:
    """Decode with the first usable declared charset, else UTF-8, else windows-1252."""
    candidates = [name for name in map(_codec_name, declared) if name]
    for encoding in candidates:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            text = data.decode(encoding, errors="replace")
            # UTF-16/32 bytes are never readable as UTF-8 or cp1252: nothing better to fall to.
            if _mostly_valid(text) or encoding.startswith(_WIDE_ENCODINGS):
                return text, encoding
    for encoding in _FALLBACK_ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("cp1252", errors="replace"), "cp1252"


def _codec_name(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if name in _WINDOWS_1252_ALIASES else name


def _is_wide(label: str | None) -> bool:
    name = _codec_name(label)
    return bool(name) and name.startswith(_WIDE_ENCODINGS)


def _mostly_valid(text: str) -> bool:
    """True when replacement characters are a minority of the non-ASCII characters.

    A UTF-8 page with one stray byte keeps its UTF-8; a windows-1252 page mislabelled UTF-8
    (every accented byte invalid) does not.
    """
    invalid = text.count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    return invalid <= (non_ascii - invalid)


def _refuse_garbage(text: str, encoding: str) -> None:
    sample = text[:_SAMPLE_CHARS]
    if len(_CONTROL_CHARS.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
        raise AuditInputError("page is binary, not text (it is full of control characters)")
    invalid = text.count("\ufffd")
    if invalid > _MAX_REPLACEMENT_SHARE * len(text):
        raise AuditInputError(
            f"page could not be decoded: {invalid / len(text):.0%} of its characters are "
            f"invalid in {encoding}"
        )
