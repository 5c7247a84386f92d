"""The `content-audit` command line: one click command per subcommand."""

from __future__ import annotations

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="content-audit")
def main() -> None:
    """Audit the numbers on comparison pages against canonical facts."""
