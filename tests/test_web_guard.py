"""The reactor-level pin: addresses the SSRF policy refuses never reach a connecting endpoint."""

from __future__ import annotations

import asyncio

import pytest
from twisted.internet.address import IPv4Address, IPv6Address
from twisted.internet.interfaces import IHostnameResolver
from zope.interface import implementer

from crawler.web.addresses import AddressPolicy, UrlRefused, parse_networks
from crawler.web.guard import GuardedNameResolver, UnresolvableHost, check_url


@implementer(IHostnameResolver)
class FixedAnswers:
    """Stands in for DNS: answers every name with the same addresses (a rebinding attacker's)."""

    def __init__(self, *addresses) -> None:
        self.addresses = addresses

    def resolveHostName(self, receiver, hostName, portNumber=0, addressTypes=None, transportSemantics="TCP"):
        receiver.resolutionBegan(None)
        for address in self.addresses:
            receiver.addressResolved(address)
        receiver.resolutionComplete()
        return receiver


class Collected:
    def __init__(self) -> None:
        self.addresses: list[str] = []
        self.complete = False

    def resolutionBegan(self, resolution) -> None:
        pass

    def addressResolved(self, address) -> None:
        self.addresses.append(address.host)

    def resolutionComplete(self) -> None:
        self.complete = True


def test_refused_addresses_are_dropped_before_the_endpoint_sees_them():
    answers = FixedAnswers(
        IPv4Address("TCP", "93.184.215.14", 80), IPv4Address("TCP", "127.0.0.1", 80),
        IPv6Address("TCP", "::1", 80), IPv4Address("TCP", "169.254.169.254", 80),
    )
    received = Collected()
    GuardedNameResolver(answers, AddressPolicy()).resolveHostName(received, "rebinding.example", 80)
    assert received.addresses == ["93.184.215.14"] and received.complete


def test_allow_listed_addresses_pass_the_resolver():
    received = Collected()
    policy = AddressPolicy(parse_networks(["127.0.0.1/32"]))
    answers = FixedAnswers(IPv4Address("TCP", "127.0.0.1", 80), IPv4Address("TCP", "127.0.0.2", 80))
    GuardedNameResolver(answers, policy).resolveHostName(received, "local.test", 80)
    assert received.addresses == ["127.0.0.1"]


def test_check_url_resolves_names_before_judging_them():
    with pytest.raises(UrlRefused, match="localhost resolves to"):
        asyncio.run(check_url("http://localhost/", AddressPolicy()))
    with pytest.raises(UnresolvableHost, match="cannot resolve"):
        asyncio.run(check_url("http://no-such-host.invalid/", AddressPolicy()))
    allowed = asyncio.run(check_url("http://localhost:8080/x", AddressPolicy(parse_networks(["127.0.0.0/8", "::1/128"]))))
    assert (allowed.host, allowed.port) == ("localhost", 8080)
