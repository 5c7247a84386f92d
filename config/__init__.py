"""Bundled configuration data (facts.yaml, sites.yaml and their JSON Schemas)."""

from pathlib import Path

CONFIG_DIR = Path(__file__).parent
DEFAULT_FACTS = CONFIG_DIR / "facts.yaml"
