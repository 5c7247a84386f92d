"""Downloader middleware: every request Scrapy is about to send passes the SSRF check first.

Redirects are new requests that go through the downloader middlewares again, so a page that
redirects to a private address fails here with the reason ("redirect to ... refused: ...
127.0.0.1 is a loopback address") instead of reaching the network; robots.txt requests are
checked the same way. The reactor's guarded resolver (crawler.web.guard) stays the backstop for
what happens between this check and the connection.
"""

from __future__ import annotations

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured

from crawler.web.addresses import AddressPolicy, UrlRefused, parse_networks
from crawler.web.guard import UnresolvableHost, check_url

# CIDR networks the service may fetch from although they are not public (the operator's allow-list).
ALLOWED_NETWORKS_SETTING = "CONTENT_AUDIT_ALLOWED_NETWORKS"
ENABLED_SETTING = "CONTENT_AUDIT_ADDRESS_GUARD"


class AddressGuardMiddleware:
    def __init__(self, policy: AddressPolicy) -> None:
        self.policy = policy

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AddressGuardMiddleware:
        if not crawler.settings.getbool(ENABLED_SETTING):
            raise NotConfigured(f"{ENABLED_SETTING} is off")
        return cls(AddressPolicy(parse_networks(crawler.settings.getlist(ALLOWED_NETWORKS_SETTING))))

    async def process_request(self, request: Request) -> None:
        try:
            await check_url(request.url, self.policy)
        except UrlRefused as error:
            raise IgnoreRequest(f"{_what(request)} refused: {error}") from None
        except UnresolvableHost:
            # Left to the download itself, which reports it as a DNS failure in the usual words.
            return None


def _what(request: Request) -> str:
    return f"redirect to {request.url}" if request.meta.get("redirect_urls") else request.url
