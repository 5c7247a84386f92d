"""config/service.yaml: the web service's limits, its SSRF allow-list and who needs the token.

Validated like the sites file (crawler.yamlconfig): a problem is reported as `service.yaml:LINE:
field: what was expected` before the server starts. Every field has a default, so the file is
optional; the bearer token itself never sits in a file: it comes from $CONTENT_AUDIT_API_TOKEN.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from crawler.sites import DEFAULT_USER_AGENT
from crawler.web.addresses import AddressPolicy, parse_networks
from crawler.web.audits import AuditLimits
from crawler.web.fetcher import FetchOptions
from crawler.yamlconfig import ConfigFileError, invalid, load_model

TOKEN_ENV = "CONTENT_AUDIT_API_TOKEN"
MEGABYTE = 1024 * 1024


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Limits(_Strict):
    request_timeout_s: Annotated[float, Field(gt=0, le=300)] = Field(
        10, description="Seconds an on-demand audit may take, queueing included, before a 504."
    )
    cache_ttl_s: Annotated[float, Field(ge=0)] = Field(60, description="Seconds a URL's audit is reused; 0 = never.")
    cache_entries: Annotated[int, Field(ge=0)] = Field(256, description="Audits kept in the cache at most.")
    max_body_kb: Annotated[int, Field(ge=1, le=10_240)] = Field(16, description="Largest request body accepted.")
    max_concurrent_audits: Annotated[int, Field(ge=1, le=512)] = Field(16, description="Audits fetched at once.")
    max_queued_audits: Annotated[int, Field(ge=0, le=10_000)] = Field(
        64, description="Audits waiting for a slot; beyond them requests get a 503."
    )
    requests_per_minute: Annotated[float, Field(gt=0)] = Field(60, description="Per client address, sustained.")
    burst: Annotated[int, Field(ge=1)] = Field(20, description="Requests a client may make at once.")


class Fetching(_Strict):
    user_agent: str = Field(DEFAULT_USER_AGENT, min_length=1)
    timeout_s: Annotated[float, Field(gt=0, le=300)] = Field(8, description="Seconds before a download is given up.")
    max_page_mb: Annotated[float, Field(gt=0, le=100)] = Field(5, description="Larger pages are refused.")
    max_redirects: Annotated[int, Field(ge=0, le=20)] = Field(5, description="Redirects followed per page.")


class ServiceConfig(_Strict):
    allow_networks: list[str] = Field(
        default_factory=list,
        description="CIDR networks the service may fetch although they are not public, e.g. 10.20.0.0/16.",
    )
    token_required_for: Literal["api", "all"] = Field(
        "api", description=f"With ${TOKEN_ENV} set: 'api' protects /api/*, 'all' every page but /healthz."
    )
    limits: Limits = Limits()
    fetch: Fetching = Fetching()

    @field_validator("allow_networks")
    @classmethod
    def _networks_parse(cls, specs: list[str]) -> list[str]:
        try:
            parse_networks(specs)
        except ValueError as error:
            raise invalid(str(error)) from None
        return specs

    @property
    def policy(self) -> AddressPolicy:
        return AddressPolicy(parse_networks(self.allow_networks))

    def audit_limits(self) -> AuditLimits:
        limits = self.limits
        return AuditLimits(
            time_limit_s=limits.request_timeout_s, cache_ttl_s=limits.cache_ttl_s, cache_entries=limits.cache_entries,
            max_concurrent=limits.max_concurrent_audits, max_queued=limits.max_queued_audits,
            max_page_bytes=int(self.fetch.max_page_mb * MEGABYTE),
        )

    def fetch_options(self) -> FetchOptions:
        return FetchOptions(
            user_agent=self.fetch.user_agent, timeout_s=min(self.fetch.timeout_s, self.limits.request_timeout_s),
            max_bytes=int(self.fetch.max_page_mb * MEGABYTE), max_redirects=self.fetch.max_redirects,
            allowed_networks=tuple(self.allow_networks),
        )


class ServiceFile(_Strict):
    """The content-audit web service."""

    service: ServiceConfig = ServiceConfig()


def load_service_config(text: str, path: str = "service.yaml") -> ServiceConfig:
    return load_model(text, path, ServiceFile).service


def read_service_config(path: Path | None) -> ServiceConfig:
    """The file's settings, or every default when path is None."""
    if path is None:
        return ServiceConfig()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigFileError(str(path), None, f"cannot read the service file: {error.strerror}") from None
    return load_service_config(text, str(path))
