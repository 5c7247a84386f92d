"""The SSRF policy: which URLs and addresses the web service refuses, and how it reads hosts."""

from __future__ import annotations

import ipaddress

import pytest

from crawler.web.addresses import (
    AddressPolicy,
    UrlRefused,
    address_literal,
    non_public_reason,
    parse_networks,
    parse_target,
    refuse_addresses,
)


@pytest.mark.parametrize(
    "host, address",
    [
        ("127.0.0.1", "127.0.0.1"),
        ("2130706433", "127.0.0.1"),
        ("0177.0.0.1", "127.0.0.1"),
        ("0x7f.1", "127.0.0.1"),
        ("0x7f000001", "127.0.0.1"),
        ("127.1", "127.0.0.1"),
        ("10.0x10.1", "10.16.0.1"),
        ("[::1]", "::1"),
        ("fe80::1%eth0", "fe80::1"),
        ("example.com", None),
        ("1e3.example", None),
    ],
)
def test_hosts_spelling_an_address_are_read_as_that_address(host, address):
    expected = ipaddress.ip_address(address) if address else None
    assert address_literal(host) == expected


@pytest.mark.parametrize("host", ["256.0.0.1", "1.2.3.4.5", "0x1ffffffff", "08.0.0.1", "example.256"])
def test_numeric_hosts_that_are_no_address_are_refused(host):
    with pytest.raises(UrlRefused, match="not a valid IPv4 address"):
        address_literal(host)


@pytest.mark.parametrize(
    "address, reason",
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.0.0.1", "private"),
        ("172.16.5.4", "private"),
        ("192.168.1.1", "private"),
        ("fd12:3456::1", "private"),
        ("169.254.169.254", "cloud metadata"),
        ("fd00:ec2::254", "cloud metadata"),
        ("169.254.10.1", "link-local"),
        ("fe80::1", "link-local"),
        ("100.64.0.1", "carrier-grade NAT"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("::ffff:8.8.8.8", "IPv4-mapped"),
        ("2002:7f00:1::", "embedding a loopback address"),
        ("198.18.0.1", "private"),
    ],
)
def test_non_public_addresses_have_a_reason(address, reason):
    assert reason in non_public_reason(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.215.14", "8.8.8.8", "2606:4700::1111"])
def test_public_addresses_pass(address):
    assert non_public_reason(ipaddress.ip_address(address)) is None


def test_allow_listed_networks_pass_and_nothing_else_does():
    policy = AddressPolicy(parse_networks(["127.0.0.1/32", "10.20.0.0/16"]))
    assert policy.refusal(ipaddress.ip_address("127.0.0.1")) is None
    assert policy.refusal(ipaddress.ip_address("10.20.3.4")) is None
    assert "loopback" in policy.refusal(ipaddress.ip_address("127.0.0.2"))
    assert "private" in policy.refusal(ipaddress.ip_address("10.21.0.1"))
    assert "loopback" in policy.refusal(ipaddress.ip_address("::1"))


@pytest.mark.parametrize(
    "url, message",
    [
        ("file:///etc/passwd", "got file:"),
        ("gopher://example.com/", "got gopher:"),
        ("javascript:alert(1)", "got javascript:"),
        ("example.com/page", "got no scheme"),
        ("http:///path", "has no host"),
        ("http://example.com:99999/", "not a valid URL"),
    ],
)
def test_urls_other_than_http_with_a_host_are_refused(url, message):
    with pytest.raises(UrlRefused, match=message):
        parse_target(url)


def test_target_keeps_scheme_host_default_port_and_literal():
    target = parse_target("HTTPS://Example.COM./a?b")
    assert (target.scheme, target.host, target.port, target.literal) == ("https", "example.com", 443, None)
    assert parse_target("http://0x7f.1:8080/").literal == ipaddress.ip_address("127.0.0.1")


def test_a_name_is_refused_when_any_of_its_addresses_is():
    target = parse_target("http://mixed.example/")
    addresses = [ipaddress.ip_address("93.184.215.14"), ipaddress.ip_address("10.0.0.5")]
    with pytest.raises(UrlRefused, match="mixed.example resolves to 10.0.0.5, a private address"):
        refuse_addresses(target, addresses, AddressPolicy())


def test_parse_networks_names_the_bad_entry():
    with pytest.raises(ValueError, match="'10.0.0.0/33'"):
        parse_networks(["10.0.0.0/8", "10.0.0.0/33"])
