"""The site spider: yields page requests, Snapshot items and PageFailure items, nothing else.

Pages come from the start URLs, from sitemaps (configured ones and the robots.txt `Sitemap:`
lines) and from links, within the site's domains, include/exclude patterns, page budget and
link depth. Storing and parsing happen in crawler.pipelines.store.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from datetime import datetime, timezone
from urllib.parse import urldefrag, urlsplit

from scrapy import Request, Spider
from scrapy.http import HtmlResponse, Response
from scrapy.linkextractors import LinkExtractor
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from twisted.python.failure import Failure

from checks.model import PageFailure
from crawler.failures import failure_from_error, not_html
from crawler.sites import Site
from crawler.snapshot import Snapshot

LINK_DEPTH = "link_depth"
_GZIP_MAGIC = b"\x1f\x8b"


class SiteSpider(Spider):
    def __init__(self, site: Site, discover_sitemaps: bool = True, **kwargs: object) -> None:
        super().__init__(name=site.name, **kwargs)
        self.site = site
        self.discover_sitemaps = discover_sitemaps
        self.allowed_domains = list(site.domains)
        self._include = [re.compile(p) for p in site.include]
        self._exclude = [re.compile(p) for p in site.exclude]
        # Domains and patterns are applied by _wanted: LinkExtractor's allow_domains compares
        # host:port, so it rejects every link of a site served on a non-default port.
        self._links = LinkExtractor()
        self._seen_pages: set[str] = set()
        self._seen_sitemaps: set[str] = set()

    async def start(self) -> AsyncIterator[Request]:
        for host in self._start_hosts() if self.discover_sitemaps else ():
            yield Request(f"{host}/robots.txt", callback=self.parse_robots, errback=self._ignore, dont_filter=True)
        for url in self.site.sitemaps:
            if request := self._sitemap_request(url):
                yield request
        for url in self.site.start_urls:
            # Start URLs are named explicitly, so include patterns do not apply to them.
            if request := self._page_request(url, depth=0, explicit=True):
                yield request

    def _start_hosts(self) -> list[str]:
        parts = (urlsplit(url) for url in (*self.site.start_urls, *self.site.sitemaps))
        return list(dict.fromkeys(f"{p.scheme}://{p.netloc}" for p in parts))

    def parse_robots(self, response: Response) -> Iterator[Request]:
        for url in sitemap_urls_from_robots(response.body, base_url=response.url):
            if request := self._sitemap_request(url):
                yield request

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        body = response.body
        if body.startswith(_GZIP_MAGIC):
            body = gunzip(body, max_size=self.settings.getint("DOWNLOAD_MAXSIZE"))
        try:
            sitemap = Sitemap(body)
        except Exception:  # lxml raises several kinds; a broken sitemap is skipped, pages still come from links
            self.logger.warning("Unreadable sitemap %s", response.url)
            return
        for entry in sitemap:
            url = entry.get("loc", "")
            request = self._sitemap_request(url) if sitemap.type == "sitemapindex" else self._page_request(url, 0)
            if request:
                yield request

    def parse_page(self, response: Response) -> Iterator[Snapshot | PageFailure | Request]:
        content_type = response.headers.get("Content-Type", b"").decode("latin-1") or None
        if not isinstance(response, HtmlResponse):
            yield not_html(response.url, content_type, response.status)
            return
        yield Snapshot(
            url=response.url, fetched_at=datetime.now(timezone.utc), status=response.status, body=response.body,
            headers={k.decode("latin-1"): v[0].decode("latin-1") for k, v in response.headers.items() if v},
            encoding=_declared_charset(content_type), cached="cached" in response.flags, site=self.name,
        )
        depth = response.meta.get(LINK_DEPTH, 0)
        if depth >= self.site.max_depth:
            return
        for link in self._links.extract_links(response):
            if request := self._page_request(link.url, depth + 1):
                yield request

    def page_failed(self, failure: Failure) -> Iterator[PageFailure]:
        yield failure_from_error(
            failure, failure.request, self.settings.getfloat("DOWNLOAD_TIMEOUT"), self.settings.getint("DOWNLOAD_MAXSIZE")
        )

    def _ignore(self, failure: Failure) -> None:
        """A missing robots.txt or sitemap is normal; robots.txt itself is enforced by Scrapy."""
        self.logger.debug("Skipped %s: %s", failure.request.url, failure.value)

    def _page_request(self, url: str, depth: int, explicit: bool = False) -> Request | None:
        url = urldefrag(url)[0]
        wanted = self._on_site(url) if explicit else self._wanted(url)
        if url in self._seen_pages or not wanted or len(self._seen_pages) >= self.site.max_pages:
            return None
        self._seen_pages.add(url)
        # dont_filter: the set above deduplicates pages; see REDIRECT_MAX_TIMES in crawler.settings.
        return Request(
            url, callback=self.parse_page, errback=self.page_failed, dont_filter=True, meta={LINK_DEPTH: depth}
        )

    def _sitemap_request(self, url: str) -> Request | None:
        if url in self._seen_sitemaps or not self._on_site(url):
            return None
        self._seen_sitemaps.add(url)
        return Request(url, callback=self.parse_sitemap, errback=self._ignore)

    def _on_site(self, url: str) -> bool:
        host = urlsplit(url).hostname or ""
        return any(host == domain or host.endswith("." + domain) for domain in self.allowed_domains)

    def _wanted(self, url: str) -> bool:
        if not url.startswith(("http://", "https://")) or not self._on_site(url):
            return False
        if self._include and not any(p.search(url) for p in self._include):
            return False
        return not any(p.search(url) for p in self._exclude)


def _declared_charset(content_type: str | None) -> str | None:
    match = re.search(r"charset=[\"']?([\w.:-]+)", content_type or "", re.IGNORECASE)
    return match[1] if match else None
