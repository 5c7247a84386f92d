"""config/sites.yaml: which sites to crawl, how politely, how often, and where reports go.

Relative paths in the file (facts, reports) are relative to the file itself, so a sites file
and its facts can live together in the team's own repository.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from config import DEFAULT_FACTS
from crawler.paths import default_report_dir
from crawler.schedules import ScheduleError, parse_schedule, time_zone
from crawler.yamlconfig import ConfigFileError, invalid, load_model

DEFAULT_USER_AGENT = "content-audit/0.1 (editorial accuracy audit; obeys robots.txt)"



def _matching(pattern: str, meaning: str) -> AfterValidator:
    compiled = re.compile(pattern)

    def check(value: str) -> str:
        if not compiled.fullmatch(value):
            raise invalid(f"expected {meaning}, got {value!r}")
        return value

    return AfterValidator(check)


Url = Annotated[str, _matching(r"https?://[^/\s]+\S*", "an http:// or https:// URL")]
Name = Annotated[str, _matching(r"[a-z0-9][a-z0-9_-]*", "a lowercase name of letters, digits, - and _")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Politeness(_Strict):
    concurrency: Annotated[int, Field(ge=1, le=64)] = Field(4, description="Parallel requests to the site.")
    delay: Annotated[float, Field(ge=0)] = Field(0.5, description="Seconds between requests (AutoThrottle's start).")
    autothrottle: bool = Field(True, description="Adapt the delay to the server's response times.")


class Site(_Strict):
    name: Name = Field(description="Lowercase id; names the site's snapshots, locks and report folder.")
    start_urls: list[Url] = Field(default_factory=list, description="Pages the crawl starts from.")
    sitemaps: list[Url] = Field(default_factory=list, description="Sitemap URLs; robots.txt Sitemap: lines are read too.")
    allowed_domains: list[str] = Field(
        default_factory=list, description="Hosts the crawl may visit; defaults to the start URLs' hosts."
    )
    include: list[str] = Field(default_factory=list, description="Regexes; when given, only matching URLs are crawled.")
    exclude: list[str] = Field(default_factory=list, description="Regexes of URLs never crawled.")
    max_pages: Annotated[int, Field(ge=1)] = Field(1000, description="Stop after this many pages.")
    max_depth: Annotated[int, Field(ge=0)] = Field(10, description="Links followed from a start page; 0 = start pages only.")
    timezone: str = Field("UTC", description="IANA time zone of the schedule.")
    schedule: str | None = Field(
        None, description='"weekly on monday 06:00", "daily at 06:00", "every 30 minutes" or a cron expression.'
    )
    user_agent: str = Field(DEFAULT_USER_AGENT, min_length=1)
    politeness: Politeness = Politeness()
    timeout: Annotated[float, Field(gt=0)] = Field(30, description="Seconds before a request is given up.")
    retries: Annotated[int, Field(ge=0, le=10)] = Field(2, description="Retries after a 5xx or timeout, with backoff.")
    max_body_mb: Annotated[float, Field(gt=0)] = Field(10, description="Bodies larger than this are refused.")
    stale_after_days: Annotated[int, Field(ge=1)] = Field(90, description="Reviewed/updated dates older than this are stale.")
    reports: str | None = Field(None, description="Report folder; defaults to <data dir>/reports/<name>.")

    @field_validator("include", "exclude")
    @classmethod
    def _regexes_compile(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as error:
                raise invalid(f"invalid regular expression {pattern!r}: {error}") from None
        return patterns

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, zone: str) -> str:
        try:
            time_zone(zone)
        except ScheduleError as error:
            raise invalid(str(error)) from None
        return zone

    @field_validator("schedule")
    @classmethod
    def _readable_schedule(cls, schedule: str | None, info: ValidationInfo) -> str | None:
        # timezone is declared first so that it is already validated here; a bad zone is
        # reported on its own line instead of twice.
        if schedule is not None and "timezone" in info.data:
            try:
                parse_schedule(schedule, info.data["timezone"])
            except ScheduleError as error:
                raise invalid(str(error)) from None
        return schedule

    @model_validator(mode="after")
    def _startable(self) -> Site:
        if not self.start_urls and not self.sitemaps:
            raise invalid("a site needs start_urls or sitemaps (or both)")
        return self

    @property
    def domains(self) -> tuple[str, ...]:
        if self.allowed_domains:
            return tuple(self.allowed_domains)
        hosts = (urlsplit(url).hostname for url in (*self.start_urls, *self.sitemaps))
        return tuple(dict.fromkeys(host for host in hosts if host))


class SitesFile(_Strict):
    """The sites content-audit crawls."""

    facts: str | None = Field(None, description="Fact file; defaults to the bundled config/facts.yaml.")
    reports: str | None = Field(None, description="Report folder for runs covering several sites.")
    sites: Annotated[list[Site], Field(min_length=1)]

    @field_validator("sites")
    @classmethod
    def _unique_names(cls, sites: list[Site]) -> list[Site]:
        names = [site.name for site in sites]
        duplicated = sorted({name for name in names if names.count(name) > 1})
        if duplicated:
            raise invalid(f"site names must be unique; repeated: {', '.join(duplicated)}")
        return sites


@dataclass(frozen=True)
class SitesConfig:
    """A validated sites file and the folder its relative paths are relative to."""

    file: SitesFile
    base_dir: Path
    path: str = "sites.yaml"

    @property
    def facts_path(self) -> Path:
        return self.base_dir / self.file.facts if self.file.facts else DEFAULT_FACTS

    def select(self, names: tuple[str, ...] = ()) -> tuple[Site, ...]:
        """The named sites (all when none are named); ConfigFileError for an unknown name."""
        if not names:
            return tuple(self.file.sites)
        by_name = {site.name: site for site in self.file.sites}
        unknown = [name for name in names if name not in by_name]
        if unknown:
            raise ConfigFileError(
                self.path, None, f"no site named {', '.join(map(repr, unknown))}; configured: {', '.join(by_name)}"
            )
        return tuple(by_name[name] for name in names)

    def report_dir(self, sites: tuple[Site, ...], data_dir: Path) -> Path:
        """A one-site run reports to the site's folder; a multi-site run to the file's `reports`."""
        if len(sites) == 1:
            own = sites[0].reports
            return self.base_dir / own if own else default_report_dir(data_dir, sites[0].name)
        return self.base_dir / self.file.reports if self.file.reports else data_dir / "reports"


def load_sites(text: str, path: str = "sites.yaml", base_dir: Path | None = None) -> SitesConfig:
    return SitesConfig(load_model(text, path, SitesFile), base_dir or Path(path).parent, path)


def read_sites(path: Path) -> SitesConfig:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigFileError(str(path), None, f"cannot read the sites file: {error.strerror}") from None
    return load_sites(text, str(path), path.resolve().parent)


def sites_json_schema() -> dict:
    """JSON Schema of the sites file for editors' YAML tooling (config/sites.schema.json)."""
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **SitesFile.model_json_schema()}
