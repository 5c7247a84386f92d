"""The README documents every command, rule and output format: adding one without docs fails."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from checks.rules import CATALOGUE
from crawler.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_is_documented(command):
    assert f"content-audit {command}" in README


@pytest.mark.parametrize("rule", CATALOGUE, ids=lambda rule: rule.name)
def test_every_rule_is_in_the_catalogue_table(rule):
    assert f"| {rule.code} | `{rule.name}` | {rule.severity.value} |" in README


def _format_choices() -> list[str]:
    option = next(p for p in main.commands["audit"].params if p.name == "output_format")
    assert isinstance(option.type, click.Choice)
    return list(option.type.choices)


@pytest.mark.parametrize("fmt", _format_choices())
def test_every_output_format_is_documented(fmt):
    assert fmt in README.split("### `audit` options", 1)[1].split("##", 1)[0]


def test_first_screen_holds_the_two_commands():
    first_screen = "\n".join(README.splitlines()[:30])
    assert ".venv/bin/content-audit demo" in first_screen
    assert ".venv/bin/pytest" in first_screen


def test_ci_runs_the_readme_test_command():
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    command = next(line for line in README.splitlines() if line.endswith(".venv/bin/pytest") and line.startswith("python3"))
    assert command in ci.splitlines()
