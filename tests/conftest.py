from __future__ import annotations

from pathlib import Path

import pytest

import config
from checks.factfile import load_facts

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def facts():
    return load_facts(config.DEFAULT_FACTS.read_text(encoding="utf-8"), "facts.yaml")


