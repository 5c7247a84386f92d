"""Links into crawled pages. Everything a page gives us is hostile: only http(s) URLs become hrefs.

A `javascript:` or `data:` URL read from a page (or a local file path given on the command line)
is shown as text, never linked.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

# A text fragment of a whole long sentence breaks on any small difference between our quote
# and the live text; past this many words we match the first and last few words instead.
MAX_FRAGMENT_WORDS = 12
EDGE_WORDS = 5


# Characters a URL may hold as they are; anything else (quotes, <>, spaces, non-ASCII) a page may
# put in a link is percent-encoded, so the href is a valid URL and never more than one attribute.
_URL_CHARACTERS = ":/?#[]@!$&'()*+,;=%~"


def safe_href(url: str | None) -> str | None:
    """url, percent-encoded, when it is an absolute http(s) URL with a host, else None."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(url.strip(), safe=_URL_CHARACTERS)


def text_fragment_link(url: str | None, quote_text: str) -> str | None:
    """A link that opens the live page scrolled to quote_text (a `#:~:text=` URL fragment)."""
    href = safe_href(url)
    words = quote_text.split()
    if href is None or not words:
        return None
    page = href.split("#", 1)[0]
    if len(words) <= MAX_FRAGMENT_WORDS:
        directive = _encode(" ".join(words))
    else:
        directive = f"{_encode(' '.join(words[:EDGE_WORDS]))},{_encode(' '.join(words[-EDGE_WORDS:]))}"
    return f"{page}#:~:text={directive}"


def _encode(text: str) -> str:
    """Percent-encode for a text directive: '-', ',' and '&' are its syntax, so they are encoded too."""
    return quote(text, safe="").replace("-", "%2D")


def site_of(url: str) -> str:
    """The host a finding belongs to, for the site filter; local files share one label."""
    return (urlsplit(url).hostname or "local files") if safe_href(url) else "local files"
