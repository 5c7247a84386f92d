"""`content-audit facts check`: the fact file's errors as an editor sees them on the command line."""

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

import config
from checks.factfile import load_facts
from crawler.cli import main

MINIMAL = Path(__file__).parent / "fixtures" / "factfiles" / "minimal.yaml"
CONSOLE_SCRIPT = Path(sys.executable).parent / "content-audit"


def test_bundled_fact_file_checks_ok():
    facts = load_facts(config.DEFAULT_FACTS.read_text())
    result = CliRunner().invoke(main, ["facts", "check"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"{config.DEFAULT_FACTS}: ok — {len(facts.entities)} entities, {len(facts.measures)} measures, "
        f"{len(facts.facts)} facts (version {facts.version})\n"
    )


def test_given_fact_file_checks_ok():
    result = CliRunner().invoke(main, ["facts", "check", str(MINIMAL)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{MINIMAL}: ok — 2 entities, 2 measures, 2 facts (version test)\n"


def test_broken_fact_file_exits_2_with_file_and_line(tmp_path):
    broken = tmp_path / "facts.yaml"
    broken.write_text(MINIMAL.read_text().replace("value: 180", "value: abc"))
    result = CliRunner().invoke(main, ["facts", "check", str(broken)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"content-audit: error: {broken}:32: facts[0].value: expected a number or a [low, high] range, got 'abc'\n"
    )


def test_unreadable_fact_file_exits_2(tmp_path):
    result = CliRunner().invoke(main, ["facts", "check", str(tmp_path / "missing.yaml")])
    assert result.exit_code == 2
    assert "cannot read fact file" in result.stderr


def test_installed_command_reports_a_broken_file_without_a_traceback(tmp_path):
    broken = tmp_path / "facts.yaml"
    text = MINIMAL.read_text()
    broken.write_text(text.replace("- entity: ccma\n    measure: exam_questions", "- entity: ccmaa\n    measure: exam_questions"))
    completed = subprocess.run(
        [str(CONSOLE_SCRIPT), "facts", "check", str(broken)], capture_output=True, text=True, timeout=60
    )
    assert completed.returncode == 2
    assert completed.stderr == (
        f"content-audit: error: {broken}:29: facts[0].entity: unknown entity 'ccmaa'; expected one of ccma, cma_aama\n"
    )
