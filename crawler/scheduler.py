"""The long-running scheduler: each configured site's crawl on its schedule.

APScheduler 3's AsyncIOScheduler on a plain asyncio loop, jobs persisted in the run store's
database (SQLAlchemyJobStore), so a restart neither loses nor doubles a run: a run missed while
the scheduler was down is made up once (coalesce, no misfire grace limit), never twice.

Each crawl runs as `python -m crawler crawl --site NAME` in a child process with a time limit:
a crash or a hang in one crawl is logged and cannot take the scheduler down, and Twisted's
reactor (one per process) never has to restart. Because crawls are child processes, the
scheduler itself needs no Twisted reactor at all. max_instances=1 per site job, and the store's
site lock behind it, mean two crawls of one site never overlap.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
import time
from dataclasses import dataclass

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from crawler.schedules import parse_schedule
from crawler.sites import SitesConfig
from crawler.store import create_store_engine

logger = logging.getLogger(__name__)

JOB_PREFIX = "crawl:"
JOB_FUNCTION = "crawler.scheduler:run_site_crawl"
# After SIGTERM a crawl stops gracefully (its run is marked failed); after this it is killed
# (and the store marks the run incomplete when next used).
TERMINATE_GRACE_S = 20.0
RUNNING: dict[str, asyncio.subprocess.Process] = {}


@dataclass(frozen=True, slots=True)
class CrawlCommand:
    """What every scheduled crawl is started with; plain strings, as jobs are pickled."""

    sites_file: str
    data_dir: str
    store_url: str
    time_limit_s: float

    def job_args(self, site: str) -> list[object]:
        return [site, self.sites_file, self.data_dir, self.store_url, self.time_limit_s]


def build_scheduler(store_url: str) -> AsyncIOScheduler:
    return AsyncIOScheduler(
        jobstores={"default": SQLAlchemyJobStore(engine=create_store_engine(store_url))},
        # None: no limit on lateness, so a weekly run missed during downtime is made up once.
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
    )


def sync_jobs(scheduler: AsyncIOScheduler, config: SitesConfig, command: CrawlCommand) -> None:
    """Make the stored jobs match the sites file, keeping next run times of unchanged schedules."""
    wanted = {f"{JOB_PREFIX}{site.name}": site for site in config.select() if site.schedule}
    for job in scheduler.get_jobs():
        if job.id.startswith(JOB_PREFIX) and job.id not in wanted:
            logger.info("Removing the schedule of %s (no longer scheduled in %s)", job.id[len(JOB_PREFIX):], config.path)
            job.remove()
    for job_id, site in wanted.items():
        name = f"{site.name}: {site.schedule} ({site.timezone})"
        trigger = parse_schedule(site.schedule, site.timezone)
        args = command.job_args(site.name)
        existing = scheduler.get_job(job_id)
        if existing is None:
            scheduler.add_job(JOB_FUNCTION, trigger, args=args, id=job_id, name=name)
        elif existing.name != name:
            scheduler.modify_job(job_id, name=name, args=args)
            scheduler.reschedule_job(job_id, trigger=trigger)
        elif list(existing.args) != args:
            scheduler.modify_job(job_id, args=args)


async def run_site_crawl(site: str, sites_file: str, data_dir: str, store_url: str, time_limit_s: float) -> int:
    """One scheduled crawl in a child process; returns its exit status (never raises for it)."""
    started = time.monotonic()
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "crawler", "crawl", "--site", site, "--sites", sites_file,
        "--data-dir", data_dir, "--store", store_url,
    )
    RUNNING[site] = child
    logger.info("Crawl of %s started (pid %d)", site, child.pid)
    try:
        status = await asyncio.wait_for(child.wait(), time_limit_s)
    except asyncio.TimeoutError:
        logger.error("Crawl of %s exceeded its %g s time limit: stopping it", site, time_limit_s)
        status = await stop_child(child)
    except asyncio.CancelledError:
        await stop_child(child)
        raise
    finally:
        RUNNING.pop(site, None)
    log = logger.info if status == 0 else logger.error
    log("Crawl of %s ended with exit status %d after %.1f s", site, status, time.monotonic() - started)
    return status


async def stop_child(child: asyncio.subprocess.Process) -> int:
    """SIGTERM (the crawl stops gracefully and records its run as failed), SIGKILL if it lingers."""
    if child.returncode is None:
        child.terminate()
    try:
        return await asyncio.wait_for(child.wait(), TERMINATE_GRACE_S)
    except asyncio.TimeoutError:
        child.kill()
        return await child.wait()


async def serve(config: SitesConfig, command: CrawlCommand) -> None:
    """Run until SIGTERM or SIGINT, then stop starting crawls and stop the running ones."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    scheduler = build_scheduler(command.store_url)
    scheduler.start(paused=True)
    try:
        sync_jobs(scheduler, config, command)
        for job in scheduler.get_jobs():
            logger.info("Scheduled %s; next run %s", job.name, job.next_run_time)
        if not scheduler.get_jobs():
            logger.warning("No site in %s has a schedule: nothing to do until one does", config.path)
        scheduler.resume()
        await stop.wait()
        logger.info("Stopping: no new crawls; stopping %d running", len(RUNNING))
    finally:
        scheduler.pause()
        await asyncio.gather(*(stop_child(child) for child in list(RUNNING.values())))
        # Let the finished jobs log their exit before the executor is shut down.
        await asyncio.sleep(0)
        scheduler.shutdown(wait=False)
    logger.info("Scheduler stopped")
