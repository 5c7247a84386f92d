"""Options and error handling shared by the service's subcommands.

Command modules import the store, Scrapy and APScheduler inside the commands that use them:
every `content-audit` invocation (an on-demand `audit` above all) would otherwise pay for all of
them at start-up.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from checks.errors import AuditInputError, FactFileError
from crawler.paths import resolve_data_dir, resolve_store_url
from crawler.yamlconfig import ConfigFileError

if TYPE_CHECKING:
    from crawler.store import Store

SITES_FILE_ENV = "CONTENT_AUDIT_SITES"


class UserError(click.ClickException):
    """A problem the user can fix (a bad page or path, bad config, busy site, unknown run): one
    line on stderr and exit 2, never a traceback."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"content-audit: error: {self.format_message()}", err=True)


@contextmanager
def user_errors() -> Iterator[None]:
    from crawler.store import StoreError

    try:
        yield
    except (ConfigFileError, FactFileError, StoreError, AuditInputError) as error:
        raise UserError(str(error)) from None


data_dir_option = click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="State folder (store, HTTP cache, reports) [default: $CONTENT_AUDIT_DATA or ./.content-audit].",
)
store_option = click.option(
    "--store", "store_url", metavar="URL",
    help="SQLAlchemy URL of the run store, e.g. postgresql+psycopg://… "
    "[default: $CONTENT_AUDIT_STORE or a SQLite file in the data folder].",
)
sites_option = click.option(
    "--sites", "sites_file", type=click.Path(dir_okay=False, path_type=Path), envvar=SITES_FILE_ENV,
    default="sites.yaml", show_default=True, help="Sites file (also $CONTENT_AUDIT_SITES).",
)


def resolve_state(data_dir: Path | None, store_url: str | None) -> tuple[Path, str]:
    directory = resolve_data_dir(data_dir)
    return directory, resolve_store_url(directory, store_url)


def opened_store(data_dir: Path | None, store_url: str | None) -> Store:
    from crawler.store import open_store

    return open_store(resolve_state(data_dir, store_url)[1])
