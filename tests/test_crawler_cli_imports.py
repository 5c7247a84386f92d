"""`content-audit audit` on files must not import the service's heavy libraries: the on-demand
audit has a latency target, and every one of them costs tens to hundreds of milliseconds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from crawler.cli import SERVICE_COMMANDS, main

SEED_PAGE = Path(__file__).parent / "fixtures" / "seed-site" / "cpt-vs-ccma.html"
HEAVY = ("scrapy", "twisted", "sqlalchemy", "alembic", "apscheduler", "uvicorn", "starlette")
PROBE = """
import sys
from crawler.cli import main
try:
    main(["audit", sys.argv[1], "--fail-on", "never"])
except SystemExit:
    pass
print(" ".join(sorted({name.split(".")[0] for name in sys.modules})))
"""


def test_auditing_a_file_imports_none_of_the_service_libraries():
    result = subprocess.run([sys.executable, "-c", PROBE, str(SEED_PAGE)], capture_output=True, text=True, check=True)
    imported = set(result.stdout.splitlines()[-1].split())
    assert "checks" in imported
    assert imported.isdisjoint(HEAVY)


def test_help_lists_every_service_command_and_each_one_loads():
    listing = CliRunner().invoke(main, ["--help"]).output
    for name in SERVICE_COMMANDS:
        assert f"  {name} " in listing
        assert CliRunner().invoke(main, [name, "--help"]).exit_code == 0
