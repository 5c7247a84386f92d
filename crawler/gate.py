"""The audit command as a CI gate: what happens around the audit itself.

Before the audit: the gate config's per-path ignores, the baseline and the list of changed
files are read, so a bad file or git ref stops the run before any work. After it: claims get
their exact source positions, unused suppressions become findings when asked for, a baseline
is written, the report is narrowed to changed files and baselined findings are taken out.
The exit status is decided on what is left.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

from checks.engine import AuditResult
from checks.errors import AuditInputError
from checks.model import Finding
from checks.positions import SourceText, place_claims
from checks.rules import RULES
from checks.suppressions import PathIgnore, is_known_rule, unused_findings
from crawler.baseline import Baseline, read_baseline, write_baseline
from crawler.changed import changed_files, only_changed
from crawler.yamlconfig import CUSTOM_ERROR, load_model
from reports.formats import github, junit, sarif
from reports.formats import html as html_format
from reports.formats import json as json_format
from reports.formats import text as text_format

RENDERERS: dict[str, Callable[[AuditResult], str]] = {
    "json": json_format.render,
    "html": html_format.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
}
FORMATS = ("text", *RENDERERS)


def _known_rule(identifier: str) -> str:
    if not is_known_rule(identifier):
        examples = ", ".join(f"{rule.name} ({rule.code})" for rule in RULES[:2])
        raise PydanticCustomError(CUSTOM_ERROR, f"unknown rule `{identifier}`; expected a rule name or code such as {examples}")
    return identifier.strip().lower()


class _PathIgnoreEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    path: str = Field(min_length=1, description="Glob on the page's path; `*` also matches `/`.")
    rules: list[Annotated[str, AfterValidator(_known_rule)]] = Field(min_length=1, description="Rule names or codes.")
    reason: str = Field("", description="Why these findings are accepted on these pages.")


class GateConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    per_path_ignores: list[_PathIgnoreEntry] = Field(default_factory=list, alias="per-path-ignores")


@dataclass(frozen=True)
class GateOptions:
    config: Path | None = None
    baseline: Path | None = None
    write_baseline: Path | None = None
    changed_since: str | None = None
    report_unused_suppressions: bool = False


@dataclass(frozen=True)
class Gated:
    result: AuditResult
    notes: tuple[str, ...]


@dataclass(frozen=True)
class Gate:
    path_ignores: tuple[PathIgnore, ...] = ()
    baseline: Baseline | None = None
    changed: frozenset[str] | None = None
    write_baseline: Path | None = None
    report_unused_suppressions: bool = False

    @classmethod
    def prepare(cls, options: GateOptions) -> Gate:
        """Read everything the gate needs up front; AuditInputError or ConfigFileError on a problem."""
        return cls(
            path_ignores=load_path_ignores(options.config) if options.config else (),
            baseline=read_baseline(options.baseline) if options.baseline else None,
            changed=changed_files(options.changed_since) if options.changed_since else None,
            write_baseline=options.write_baseline,
            report_unused_suppressions=options.report_unused_suppressions,
        )

    def apply(self, result: AuditResult, sources: Mapping[str, SourceText]) -> Gated:
        notes: list[str] = []
        if result.suppressed:
            notes.append(f"{len(result.suppressed)} findings silenced by ignore comments or per-path ignores")
        result = place_claims(result, sources)
        if self.report_unused_suppressions:
            result = with_unused_suppressions(result)
        baseline = self.baseline
        if self.write_baseline is not None:
            written = write_baseline(result, self.write_baseline)
            notes.append(f"wrote {written} finding fingerprints to the baseline {self.write_baseline}")
            baseline = Baseline(frozenset(finding.fingerprint for finding in result.findings))
        if self.changed is not None:
            audited = len(result.pages)
            result = only_changed(result, self.changed)
            notes.append(f"reporting on {len(result.pages)} changed of {audited} audited pages")
        if baseline is not None:
            known = baseline.count_known(result)
            result = baseline.without_known(result)
            notes.append(f"{known} findings already in the baseline are not reported")
        return Gated(result, tuple(notes))


def load_path_ignores(path: Path) -> tuple[PathIgnore, ...]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise AuditInputError(f"{path}: cannot read config: {error}") from error
    config = load_model(text, str(path), GateConfig)
    return tuple(PathIgnore(entry.path, frozenset(entry.rules), entry.reason) for entry in config.per_path_ignores)


def with_unused_suppressions(result: AuditResult) -> AuditResult:
    """Unused suppressions reported as findings on their pages."""
    extra: dict[str, list[Finding]] = {}
    for finding in unused_findings(result.unused_suppressions):
        extra.setdefault(finding.url, []).append(finding)
    if not extra:
        return result
    pages = tuple(
        dataclasses.replace(page, findings=_by_severity(page.findings + tuple(extra.get(page.url, ()))))
        for page in result.pages
    )
    return dataclasses.replace(result, pages=pages)


def _by_severity(findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
    """Errors first, as the engine orders a page's findings; the sort is stable."""
    return tuple(sorted(findings, key=lambda finding: -finding.severity.rank))


def render(result: AuditResult, output_format: str, *, show_claims: bool = False) -> str:
    if output_format == "text":
        return text_format.render(result, show_claims=show_claims)
    return RENDERERS[output_format](result)


def write_reports(result: AuditResult, outputs: Mapping[str, Path | None]) -> None:
    """Extra report files of the same run (--output-sarif and friends)."""
    for output_format, path in outputs.items():
        if path is None:
            continue
        try:
            path.write_text(render(result, output_format), encoding="utf-8")
        except OSError as error:
            raise AuditInputError(f"{path}: cannot write {output_format} report: {error.strerror or error}") from error
