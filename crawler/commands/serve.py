"""`content-audit serve`: the report archive, on-demand audits and the JSON API in one process.

One process, one event loop: Twisted's asyncio reactor runs the loop, uvicorn serves the
Starlette app on it, and every on-demand fetch is a Scrapy crawl on the same reactor (see
crawler.web.fetcher). The reactor's name resolver is replaced by the SSRF-guarded one before
anything can connect.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import os
import signal
import socket
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import click
import uvicorn

from checks.engine import AuditSettings
from config import DEFAULT_FACTS
from crawler.commands.common import UserError, data_dir_option, resolve_state, sites_option, store_option, user_errors
from crawler.crawlrun import read_facts
from crawler.process import configure_logging
from crawler.scheduler import CrawlCommand
from crawler.scheduler import serve as run_scheduler
from crawler.sites import SitesConfig, read_sites
from crawler.settings import BASE_SETTINGS
from crawler.store import open_store
from crawler.web.accesslog import ACCESS_LOGGER, json_lines_handler
from crawler.web.app import Service, create_app
from crawler.web.audits import OnDemandAuditor
from crawler.web.config import TOKEN_ENV, ServiceConfig, read_service_config
from crawler.web.ratelimit import RateLimiter
from crawler.web.runreports import RunReports

SERVICE_FILE_ENV = "CONTENT_AUDIT_SERVICE"


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on; keep the default unless a reverse proxy or the office network must reach it.")
@click.option("--port", type=click.IntRange(0, 65535), default=8080, show_default=True, help="Port to listen on (0: any free port, printed at start).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path), envvar=SERVICE_FILE_ENV, help=f"Service file (limits, allow-listed networks) [default: built-in defaults; also ${SERVICE_FILE_ENV}].")
@click.option("--facts", "facts_path", type=click.Path(dir_okay=False, path_type=Path), help="Fact file for on-demand audits and re-rendered reports [default: the bundled one].")
@click.option("--access-log", type=click.Path(dir_okay=False, path_type=Path), help="Append the JSON-lines access log to this file [default: stderr].")
@click.option("--with-scheduler", is_flag=True, help="Also run the sites' scheduled crawls in this process (as `content-audit schedule` would).")
@sites_option
@click.option("--crawl-time-limit", type=click.FloatRange(min=1), default=4 * 3600, show_default=True, help="With --with-scheduler: seconds a crawl may run before it is stopped.")
@data_dir_option
@store_option
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's own log lines.")
def serve_command(
    host: str, port: int, config_file: Path | None, facts_path: Path | None, access_log: Path | None,
    with_scheduler: bool, sites_file: Path, crawl_time_limit: float, data_dir: Path | None, store_url: str | None,
    verbose: bool,
) -> None:
    """Serve the run reports, an "audit this URL" form and a JSON API until SIGTERM or Ctrl-C.

    GET / lists runs; GET /runs/ID shows a run's report; GET /pages?url=URL a page's findings
    across runs; GET /audit?url=URL audits one page now; POST /api/audits {"url": URL} returns the
    same audit as JSON (described at /openapi.json); GET /healthz is for monitoring. Set
    $CONTENT_AUDIT_API_TOKEN to require `Authorization: Bearer TOKEN` on the API.

    With --with-scheduler the sites file's schedules run here too; a crawl is a child process
    either way, so running `content-audit schedule` as a second service is equivalent.
    """
    with user_errors():
        config = read_service_config(config_file)
        facts = read_facts(facts_path or DEFAULT_FACTS)
        directory, url = resolve_state(data_dir, store_url)
        schedule = None
        if with_scheduler:
            schedule = Schedule(read_sites(sites_file), CrawlCommand(str(sites_file.resolve()), str(directory), url, crawl_time_limit))
        store = open_store(url)
    token = os.environ.get(TOKEN_ENV) or None
    listener = bind(host, port)
    configure_logging(verbose)
    # APScheduler's own INFO lines ("Added job", "Running job") duplicate the scheduler's.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    with access_log_handler(access_log):
        if not _is_loopback(host) and token is None:
            logging.getLogger(__name__).warning(
                "Listening on %s without $%s: anyone who can reach it can run audits", host, TOKEN_ENV
            )
        run_on_reactor(config, facts, store, token, listener, schedule)


@dataclass(frozen=True)
class Schedule:
    sites: SitesConfig
    command: CrawlCommand


def bind(host: str, port: int) -> socket.socket:
    """The listening socket, bound before anything starts so a busy port is a clear error."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
    except (OSError, OverflowError) as error:
        listener.close()
        raise UserError(f"cannot listen on {host}:{port}: {getattr(error, 'strerror', None) or error}") from None
    return listener


@contextlib.contextmanager
def access_log_handler(path: Path | None) -> Iterator[None]:
    logger = logging.getLogger(ACCESS_LOGGER)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    stream = path.open("a", encoding="utf-8", buffering=1) if path else sys.stderr
    handler = json_lines_handler(stream)
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        if path:
            stream.close()


def run_on_reactor(
    config: ServiceConfig, facts, store, token: str | None, listener: socket.socket, schedule: Schedule | None
) -> None:
    from scrapy.utils.reactor import install_reactor

    install_reactor(str(BASE_SETTINGS["TWISTED_REACTOR"]))
    from twisted.internet import reactor

    from crawler.web.guard import install_guarded_resolver

    install_guarded_resolver(reactor, config.policy)
    outcome: list[BaseException] = []

    def start() -> None:
        task = asyncio.ensure_future(serve_until_stopped(config, facts, store, token, listener, schedule))
        task.add_done_callback(lambda done: (_record_error(done, outcome), reactor.stop()))

    reactor.callLater(0, start)
    reactor.run(installSignalHandlers=False)
    if outcome:
        raise click.ClickException(f"the service stopped: {outcome[0]}")


async def serve_until_stopped(
    config: ServiceConfig, facts, store, token: str | None, listener: socket.socket, schedule: Schedule | None
) -> None:
    from crawler.web.fetcher import ReactorFetcher

    fetcher = ReactorFetcher(config.fetch_options())
    scheduling: list[asyncio.Future] = []
    service = Service(
        auditor=OnDemandAuditor(fetcher.fetch, facts, config.policy, config.audit_limits(), AuditSettings()),
        store=store,
        reports=RunReports(store, facts),
        limiter=RateLimiter(config.limits.requests_per_minute, config.limits.burst),
        max_body_bytes=config.limits.max_body_kb * 1024,
        token=token,
        token_required_for=config.token_required_for,
        scheduler_state=lambda: _scheduler_state(scheduling),
    )
    server = _Server(
        uvicorn.Config(
            create_app(service), log_level="warning", access_log=False, proxy_headers=False, server_header=False,
            lifespan="off",
        )
    )
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, server.stop)
    if schedule is not None:
        # The scheduler installs its own SIGTERM/SIGINT handlers (over ours): a signal stops it
        # first, stopping its running crawls, and its end then stops the web server.
        scheduling.append(asyncio.ensure_future(run_scheduler(schedule.sites, schedule.command)))
        scheduling[0].add_done_callback(lambda _: server.stop())
    serving = asyncio.ensure_future(server.serve(sockets=[listener]))
    while not server.started and not serving.done():
        await asyncio.sleep(0.01)
    if server.started:
        host, port = listener.getsockname()[:2]
        shown = f"[{host}]" if ":" in host else host
        click.echo(f"Serving on http://{shown}:{port}/ (Ctrl-C to stop)")
    try:
        await serving
    finally:
        for task in scheduling:
            task.cancel()
        await asyncio.gather(*scheduling, return_exceptions=True)
        await fetcher.close()
        store.close()


class _Server(uvicorn.Server):
    """uvicorn without its own signal handling: the service installs handlers on the loop it
    shares with the reactor, and stops the crawls before the process ends."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield

    def stop(self) -> None:
        self.should_exit = True


def _scheduler_state(scheduling: list[asyncio.Future]) -> str:
    if not scheduling:
        return "off"
    return "stopped" if scheduling[0].done() else "running"


def _record_error(task: asyncio.Future, outcome: list[BaseException]) -> None:
    if not task.cancelled() and task.exception() is not None:
        logging.getLogger(__name__).error("The service failed", exc_info=task.exception())
        outcome.append(task.exception())


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"
