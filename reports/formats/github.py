"""GitHub Actions workflow commands: each finding becomes an annotation on the changed file.

`::error file=…,line=…,col=…,title=…::message` for errors, `::warning` for warnings and
`::notice` for info. Values are escaped as the Actions runner expects: in the message `%`, CR
and LF; in properties also `:` and `,`, which would otherwise end the property.
"""

from __future__ import annotations

from checks.engine import AuditResult
from checks.model import Finding, Severity
from checks.rules import RULES_BY_NAME
from reports.formats.json import summary

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
CODES = {name: rule.code for name, rule in RULES_BY_NAME.items()}


def render(result: AuditResult) -> str:
    lines = [annotation(finding) for finding in result.findings]
    lines += [
        _command("error", {"title": "page could not be checked"}, f"{failure.url}: {failure.reason}")
        for failure in result.failures
    ]
    counts = summary(result)
    lines.append(
        f"content-audit: {counts['pages']} pages, {counts['findings']} findings "
        f"({counts['by_severity']['error']} errors, {counts['by_severity']['warning']} warnings, "
        f"{counts['by_severity']['info']} info)"
    )
    return "\n".join(lines) + "\n"


def annotation(finding: Finding) -> str:
    properties: dict[str, str] = {}
    message = finding.message
    if "://" in finding.url:
        message = f"{finding.url}: {message}"  # a crawled page is no file in the repository
    else:
        properties["file"] = finding.url
    evidence = finding.evidence
    if evidence is not None and evidence.position is not None:
        properties["line"] = str(evidence.position.line)
        properties["col"] = str(evidence.position.column)
    properties["title"] = f"{finding.rule} ({CODES[finding.rule]})" if finding.rule in CODES else finding.rule
    if finding.hint:
        message += f"\nFix: {finding.hint}"
    return _command(COMMANDS[finding.severity], properties, message)


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(name: str, properties: dict[str, str], message: str) -> str:
    listed = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{name} {listed}::{escape_data(message)}" if listed else f"::{name}::{escape_data(message)}"
