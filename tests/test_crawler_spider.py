import asyncio
import gzip

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse, Response, TextResponse, XmlResponse
from scrapy.utils.test import get_crawler

from checks.model import PageFailure
from crawler.sites import Site
from crawler.snapshot import Snapshot, kept_headers
from crawler.spider import LINK_DEPTH, SiteSpider

BASE = "http://site.test"


def spider(**site) -> SiteSpider:
    settings = {"DOWNLOAD_TIMEOUT": 5, "DOWNLOAD_MAXSIZE": 1024 * 1024}
    return SiteSpider.from_crawler(get_crawler(SiteSpider, settings), site=Site(name="site", start_urls=[f"{BASE}/"], **site))


def page(url: str, links: list[str], depth: int = 0, **kwargs) -> HtmlResponse:
    body = "".join(f'<a href="{link}">x</a>' for link in links)
    request = Request(url, meta={LINK_DEPTH: depth})
    return HtmlResponse(url, body=f"<html><body>{body}</body></html>".encode(), request=request, **kwargs)


def followed(items) -> list[str]:
    return [item.url for item in items if isinstance(item, Request)]


def test_a_page_becomes_a_snapshot_and_its_on_site_links_requests():
    crawl = spider()
    items = list(crawl.parse_page(page(f"{BASE}/", ["/a.html", "https://elsewhere.test/x", "/a.html#part", "mailto:x@y.z"],
                                       headers={"Content-Type": "text/html; charset=windows-1252", "ETag": '"v1"'}, flags=["cached"])))
    [snapshot] = [item for item in items if isinstance(item, Snapshot)]
    assert (snapshot.url, snapshot.status, snapshot.encoding, snapshot.cached, snapshot.site) == (f"{BASE}/", 200, "windows-1252", True, "site")
    assert kept_headers(snapshot.headers)["etag"] == '"v1"'
    assert followed(items) == [f"{BASE}/a.html"]


def test_include_and_exclude_patterns_filter_links():
    crawl = spider(include=["/guides/"], exclude=["print"])
    items = crawl.parse_page(page(f"{BASE}/", ["/guides/a.html", "/guides/a-print.html", "/about.html"]))
    assert followed(items) == [f"{BASE}/guides/a.html"]


def test_links_stop_at_the_maximum_depth():
    crawl = spider(max_depth=1)
    assert followed(crawl.parse_page(page(f"{BASE}/a.html", ["/b.html"], depth=0))) == [f"{BASE}/b.html"]
    assert followed(crawl.parse_page(page(f"{BASE}/b.html", ["/c.html"], depth=1))) == []


def test_the_page_budget_counts_every_page_requested():
    crawl = spider(max_pages=2)
    assert followed(crawl.parse_page(page(f"{BASE}/", ["/a.html", "/b.html", "/c.html"]))) == [f"{BASE}/a.html", f"{BASE}/b.html"]


def test_non_html_responses_are_failures_not_pages():
    response = TextResponse(f"{BASE}/data.csv", body=b"a,b", headers={"Content-Type": "text/csv"}, request=Request(f"{BASE}/data.csv"))
    assert list(spider().parse_page(response)) == [PageFailure(f"{BASE}/data.csv", "not HTML (text/csv)", 200)]


URLSET = b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://site.test/s.html</loc></url><url><loc>https://elsewhere.test/x</loc></url></urlset>'


@pytest.mark.parametrize("body", [URLSET, gzip.compress(URLSET)])
def test_sitemap_pages_on_the_site_are_requested(body):
    response = Response(f"{BASE}/sitemap.xml", body=body)
    assert followed(spider().parse_sitemap(response)) == [f"{BASE}/s.html"]


def test_sitemap_index_leads_to_sitemaps_and_robots_names_them():
    crawl = spider()
    index = XmlResponse(f"{BASE}/index.xml", body=b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>http://site.test/a.xml</loc></sitemap></sitemapindex>')
    assert followed(crawl.parse_sitemap(index)) == [f"{BASE}/a.xml"]
    robots = TextResponse(f"{BASE}/robots.txt", body=b"User-agent: *\nSitemap: http://site.test/b.xml\nSitemap: http://site.test/a.xml\n")
    assert followed(crawl.parse_robots(robots)) == [f"{BASE}/b.xml"]


def test_start_urls_are_crawled_even_outside_include_patterns():
    async def collect():
        return [request.url async for request in spider(include=["/guides/"]).start()]

    assert asyncio.run(collect()) == [f"{BASE}/robots.txt", f"{BASE}/"]
