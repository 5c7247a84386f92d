"""Which URLs the service may fetch: the SSRF policy, as pure functions over URLs and addresses.

A URL is fetchable when its scheme is http or https and every address its host resolves to is
public, or sits in a network the operator allow-listed. Hosts spelled as numbers in the legacy
forms that `inet_aton` and browsers accept (`2130706433`, `0177.0.0.1`, `0x7f.1`) are read as the
address they mean before any check, so a spelling never smuggles a private address past the rule.

The policy is applied twice (see crawler.web.guard): before the fetch, on the address the name
resolves to now, for a clear refusal; and inside the reactor's name resolver, on the addresses the
connection actually uses, so DNS rebinding between check and connect, and redirects, get no further.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

ALLOWED_SCHEMES = ("http", "https")
# Instance metadata endpoints (AWS, GCP and Azure share the IPv4 one; AWS's IPv6 one; Alibaba's):
# named first so the refusal says what was at stake.
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200")
)
SHARED_ADDRESS_SPACE = ipaddress.ip_network("100.64.0.0/10")
_NUMERIC_PART = re.compile(r"0x[0-9a-f]*|[0-9]+", re.IGNORECASE)


class UrlRefused(Exception):
    """A URL the service will not fetch; the message says why, in words for the requester."""


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    """Refuse non-public addresses except inside `allowed` networks (operator's allow-list)."""

    allowed: tuple[IPNetwork, ...] = ()

    def refusal(self, address: IPAddress) -> str | None:
        """Why address may not be connected to, or None when it may."""
        if any(address.version == network.version and address in network for network in self.allowed):
            return None
        return non_public_reason(address)


@dataclass(frozen=True, slots=True)
class Target:
    """A URL split into what the checks need: scheme, host as given, port, and the IP address
    the host spells when it is an address literal (None for a name to resolve)."""

    url: str
    scheme: str
    host: str
    port: int
    literal: IPAddress | None


def parse_networks(specs: Iterable[str]) -> tuple[IPNetwork, ...]:
    """CIDR strings ("127.0.0.1/32", "10.20.0.0/16", "::1/128") as networks; ValueError names a bad one."""
    networks = []
    for spec in specs:
        try:
            networks.append(ipaddress.ip_network(spec, strict=False))
        except ValueError as error:
            raise ValueError(f"{spec!r} is not an IP network in CIDR form: {error}") from None
    return tuple(networks)


def parse_target(url: str) -> Target:
    """Split url for checking; UrlRefused for a scheme other than http(s) or a missing host."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as error:
        raise UrlRefused(f"not a valid URL: {error}") from None
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        shown = f"{scheme}:" if scheme else "no scheme"
        raise UrlRefused(f"only http and https URLs can be audited, got {shown}")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise UrlRefused("the URL has no host")
    default_port = 443 if scheme == "https" else 80
    return Target(url.strip(), scheme, host, port or default_port, address_literal(host))


def address_literal(host: str) -> IPAddress | None:
    """The IP address host spells (IPv6, dotted quad or a legacy numeric form), else None.

    Follows the WHATWG URL host parser: a host whose last label is numeric is an IPv4 address,
    each label decimal, octal (leading 0) or hex (0x), the last label filling the remaining bytes.
    """
    bare = host.strip("[]").split("%", 1)[0]
    try:
        return ipaddress.ip_address(bare)
    except ValueError:
        pass
    labels = bare.split(".")
    if not _NUMERIC_PART.fullmatch(labels[-1]):
        return None
    values = [_numeric_label(label, host) for label in labels]
    if len(values) > 4 or any(v > 255 for v in values[:-1]) or values[-1] >= 256 ** (5 - len(values)):
        raise UrlRefused(f"{host!r} is not a valid IPv4 address")
    number = sum(v << (8 * (3 - i)) for i, v in enumerate(values[:-1])) + values[-1]
    return ipaddress.IPv4Address(number)


def _numeric_label(label: str, host: str) -> int:
    try:
        if label.lower().startswith("0x"):
            return int(label[2:] or "0", 16)
        if len(label) > 1 and label.startswith("0"):
            return int(label, 8)
        return int(label, 10)
    except ValueError:
        raise UrlRefused(f"{host!r} is not a valid IPv4 address") from None


def non_public_reason(address: IPAddress) -> str | None:
    """What kind of non-public address this is ("a loopback address"), or None for a public one."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour or (address.teredo[1] if address.teredo else None)
        if address.ipv4_mapped is not None:
            return "an IPv4-mapped IPv6 address"
        if embedded is not None and non_public_reason(embedded):
            return f"an IPv6 address embedding {non_public_reason(embedded)}"
    checks = (
        (address in METADATA_ADDRESSES, "a cloud metadata address"),
        (address.is_unspecified, "the unspecified address"),
        (address.is_loopback, "a loopback address"),
        (address.is_link_local, "a link-local address"),
        (address.is_multicast, "a multicast address"),
        (address.version == 4 and address in SHARED_ADDRESS_SPACE, "a carrier-grade NAT (shared) address"),
        (address.is_reserved, "a reserved address"),
        (address.is_private, "a private address"),
        (not address.is_global, "a non-public address"),
    )
    return next((reason for matched, reason in checks if matched), None)


def refuse_addresses(target: Target, addresses: Iterable[IPAddress], policy: AddressPolicy) -> None:
    """UrlRefused naming the first refused address the host resolves to (one is enough: a client
    connecting to any of them could reach it)."""
    for address in addresses:
        reason = policy.refusal(address)
        if reason:
            raise UrlRefused(f"{_host_and_address(target, address)} {reason}: the service does not fetch it")


def _host_and_address(target: Target, address: IPAddress) -> str:
    if target.literal is None:
        return f"{target.host} resolves to {address},"
    if target.host.strip("[]") == str(address) or address.version == 6:
        return f"{target.host} is"
    return f"{target.host} (that is {address}) is"
