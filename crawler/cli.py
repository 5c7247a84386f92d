"""The `content-audit` command line: one click command per subcommand.

User errors (bad paths, malformed fact files, unreadable pages) exit with status 2 and a
one-line message; findings at or above --fail-on exit with 1; a clean audit exits with 0.
"""

from __future__ import annotations

import datetime as dt
import importlib
import sys
from pathlib import Path

import click

import config
from checks.decode import MAX_PAGE_BYTES
from checks.engine import AuditResult, AuditSettings, audit
from checks.errors import AuditInputError, FactFileError
from checks.factfile import load_facts
from checks.facts import FactBase
from checks.model import Severity
from checks.rules import RuleError
from crawler.commands.common import UserError
from crawler.gate import FORMATS, Gate, GateOptions, render, write_reports
from crawler.inputs import Inputs, expand_paths, is_url, read_local
from crawler.yamlconfig import ConfigFileError

FAIL_ON = ("error", "warning", "info", "never")


class LazyGroup(click.Group):
    """Subcommands named as "module:attribute" are imported only when run or listed: the
    service's commands pull in Scrapy, SQLAlchemy, Alembic, APScheduler and uvicorn, which an
    on-demand `audit` (the one command with a latency target) must not pay for."""

    def __init__(self, *args, lazy_commands: dict[str, str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands = lazy_commands

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy_commands and name not in self.commands:
            module, attribute = self.lazy_commands[name].split(":")
            self.add_command(getattr(importlib.import_module(module), attribute), name)
        return super().get_command(ctx, name)


SERVICE_COMMANDS = {
    "crawl": "crawler.commands.crawl:crawl_command",
    "demo": "crawler.commands.demo:demo_command",
    "runs": "crawler.commands.runs:runs_command",
    "diff": "crawler.commands.runs:diff_command",
    "schedule": "crawler.commands.schedule:schedule_command",
    "serve": "crawler.commands.serve:serve_command",
}


@click.group(cls=LazyGroup, lazy_commands=SERVICE_COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="content-audit")
def main() -> None:
    """Audit the numbers on comparison pages against canonical facts."""


def load_fact_base(path: str | None) -> FactBase:
    """The fact file at path, or the bundled default; problems become UserError."""
    fact_path = Path(path) if path else config.DEFAULT_FACTS
    try:
        text = fact_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UserError(f"{fact_path}: cannot read fact file: {error}") from error
    try:
        return load_facts(text, str(path or "facts.yaml"))
    except FactFileError as error:
        raise UserError(str(error)) from error


def parse_today(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise click.BadParameter(f"expected YYYY-MM-DD, got {value!r}", param_hint="--today") from error


def gather(paths: tuple[str, ...], max_bytes: int) -> Inputs:
    try:
        arguments = expand_paths(paths)
        local = [read_local(a, max_bytes) for a in arguments if not is_url(a)]
    except AuditInputError as error:
        raise UserError(str(error)) from error
    documents = [page.document for page in local]
    urls = [a for a in arguments if is_url(a)]
    failures = []
    if urls:
        from crawler.ondemand import FetchSettings, fetch_documents

        fetched, failures = fetch_documents(urls, FetchSettings(max_bytes=max_bytes))
        documents += fetched
    return Inputs(documents, list(failures), {page.document.url: page.source for page in local})


def exit_status(result: AuditResult, fail_on: str) -> int:
    if fail_on == "never":
        return 0
    threshold = Severity(fail_on).rank
    return 1 if any(f.severity.rank >= threshold for f in result.findings) else 0


@main.command("audit")
@click.argument("paths", nargs=-1, required=True)
@click.option("--facts", "facts_path", type=click.Path(dir_okay=False), help="Fact file (default: the bundled config/facts.yaml).")
@click.option("--today", help="Audit as of this date, YYYY-MM-DD (default: today).")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True, help="Report format on stdout (or --output).")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="error", show_default=True, help="Exit 1 when a finding is at or above this severity.")
@click.option("--claims", "show_claims", is_flag=True, help="List every extracted claim, not only findings (text format).")
@click.option("--stale-after", type=click.IntRange(min=1), default=90, show_default=True, help="Days after which a review date is stale.")
@click.option("--max-page-mb", type=click.FloatRange(min=0.01), default=MAX_PAGE_BYTES / 1024 / 1024, show_default=True, help="Refuse pages larger than this.")
@click.option("--output", type=click.Path(dir_okay=False, writable=True), help="Write the report to this file instead of stdout.")
@click.option("--output-json", type=click.Path(dir_okay=False, writable=True, path_type=Path), help="Also write a JSON report here.")
@click.option("--output-sarif", type=click.Path(dir_okay=False, writable=True, path_type=Path), help="Also write a SARIF report here.")
@click.option("--output-junit", type=click.Path(dir_okay=False, writable=True, path_type=Path), help="Also write a JUnit XML report here.")
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path), help="Report and fail only on findings not in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False, writable=True, path_type=Path), help="Record every current finding in this baseline file.")
@click.option("--changed-since", metavar="GIT_REF", help="Report only on files changed since this git ref; every given page still takes part in cross-page checks.")
@click.option("--report-unused-suppressions", is_flag=True, help="Report 'content-audit: ignore' comments that silenced nothing (warning).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), envvar="CONTENT_AUDIT_CONFIG", help="Gate config with per-path-ignores (also $CONTENT_AUDIT_CONFIG).")
def audit_command(
    paths, facts_path, today, output_format, fail_on, show_claims, stale_after, max_page_mb, output,
    output_json, output_sarif, output_junit, baseline, write_baseline, changed_since, report_unused_suppressions, config_path,
) -> None:
    """Audit HTML and Markdown files, directories of them, '-' (stdin) or http(s) URLs.

    Exit status: 0 no finding at or above --fail-on, 1 findings, 2 usage or input error.
    """
    facts = load_fact_base(facts_path)
    as_of = parse_today(today)
    try:
        gate = Gate.prepare(GateOptions(config_path, baseline, write_baseline, changed_since, report_unused_suppressions))
    except (AuditInputError, ConfigFileError) as error:
        raise UserError(str(error)) from error
    inputs = gather(paths, int(max_page_mb * 1024 * 1024))
    if not inputs.documents and not inputs.failures:
        raise UserError("nothing to audit")
    settings = AuditSettings(stale_after_days=stale_after, path_ignores=gate.path_ignores)
    try:
        gated = gate.apply(audit(inputs.documents, facts, as_of, settings, inputs.failures), inputs.sources)
        write_reports(gated.result, {"json": output_json, "sarif": output_sarif, "junit": output_junit})
    except (RuleError, AuditInputError) as error:
        raise UserError(str(error)) from error
    for note in gated.notes:
        click.echo(f"content-audit: {note}", err=True)
    result = gated.result
    rendered = render(result, output_format, show_claims=show_claims)
    if output:
        Path(output).write_text(rendered, encoding="utf-8")
    else:
        click.echo(rendered, nl=False)
    if inputs.failures and not inputs.documents:
        sys.exit(2)
    sys.exit(exit_status(result, fail_on))


@main.group("facts")
def facts_group() -> None:
    """Work with fact files."""


@facts_group.command("check")
@click.argument("path", required=False, type=click.Path(dir_okay=False))
def facts_check(path: str | None) -> None:
    """Validate a fact file (default: the bundled one); exit 2 with file:line on a problem."""
    facts = load_fact_base(path)
    click.echo(
        f"{path or config.DEFAULT_FACTS}: ok — {len(facts.entities)} entities, {len(facts.measures)} measures, "
        f"{len(facts.facts)} facts (version {facts.version})"
    )

