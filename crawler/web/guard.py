"""The SSRF policy (crawler.web.addresses) applied where addresses are known.

Two places, on purpose:

- `check_url`, before a fetch starts (and, through crawler.web.guardmiddleware, before every
  request Scrapy makes, redirects and robots.txt included): resolves the host now and refuses
  with a message that names the address and why.
- `GuardedNameResolver`, installed as the reactor's name resolver: Twisted's HostnameEndpoint
  (which Scrapy's HTTP/1.1 handler connects through) asks it for the addresses to connect to,
  even for IP literals, and only allowed addresses reach the endpoint. A name that resolved to a
  public address during the check and to 127.0.0.1 a moment later (DNS rebinding) therefore
  cannot be connected to: the check names the problem, the resolver pins the rule.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket

from twisted.internet.interfaces import IHostnameResolver, IHostResolution, IResolutionReceiver
from zope.interface import implementer

from crawler.web.addresses import AddressPolicy, IPAddress, Target, parse_target, refuse_addresses

logger = logging.getLogger(__name__)


class UnresolvableHost(Exception):
    """The host has no address (a DNS failure, not a refusal)."""


async def check_url(url: str, policy: AddressPolicy) -> Target:
    """The parsed target when url may be fetched; UrlRefused or UnresolvableHost otherwise."""
    target = parse_target(url)
    addresses = [target.literal] if target.literal is not None else await resolve(target.host, target.port)
    refuse_addresses(target, addresses, policy)
    return target


async def resolve(host: str, port: int) -> list[IPAddress]:
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise UnresolvableHost(f"cannot resolve {host}: {getattr(error, 'strerror', None) or error}") from None
    # The scope id of a link-local IPv6 result ("fe80::1%eth0") is not part of the address.
    return list(dict.fromkeys(ipaddress.ip_address(info[4][0].split("%", 1)[0]) for info in infos))


@implementer(IHostnameResolver)
class GuardedNameResolver:
    """Wraps the reactor's resolver; addresses the policy refuses are never handed on."""

    def __init__(self, wrapped: IHostnameResolver, policy: AddressPolicy) -> None:
        self._wrapped = wrapped
        self._policy = policy

    def resolveHostName(
        self, resolutionReceiver, hostName, portNumber=0, addressTypes=None, transportSemantics="TCP"
    ) -> IHostResolution:
        receiver = _FilteringReceiver(resolutionReceiver, self._policy, hostName)
        return self._wrapped.resolveHostName(receiver, hostName, portNumber, addressTypes, transportSemantics)


@implementer(IResolutionReceiver)
class _FilteringReceiver:
    def __init__(self, receiver: IResolutionReceiver, policy: AddressPolicy, host: str) -> None:
        self._receiver = receiver
        self._policy = policy
        self._host = host

    def resolutionBegan(self, resolution: IHostResolution) -> None:
        self._receiver.resolutionBegan(resolution)

    def addressResolved(self, address) -> None:
        reason = self._policy.refusal(ipaddress.ip_address(address.host.split("%", 1)[0]))
        if reason:
            logger.warning("Refused to connect to %s for %s: %s", address.host, self._host, reason)
            return
        self._receiver.addressResolved(address)

    def resolutionComplete(self) -> None:
        self._receiver.resolutionComplete()


def install_guarded_resolver(reactor, policy: AddressPolicy) -> None:
    """Every connection the reactor makes by name or literal from now on obeys policy."""
    reactor.installNameResolver(GuardedNameResolver(reactor.nameResolver, policy))
