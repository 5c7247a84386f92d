"""sync_jobs against a real SQLAlchemyJobStore: restarts keep schedules, edits apply, removals stick."""

import asyncio

from crawler.scheduler import CrawlCommand, build_scheduler, sync_jobs
from crawler.sites import load_sites

COMMAND = CrawlCommand("/team/sites.yaml", "/data", "sqlite:////data/audit.db", 600)


def sites(*entries: str) -> str:
    return "sites:\n" + "".join(
        f"  - name: {name}\n    start_urls: [https://{name}.example/]\n    schedule: {schedule}\n"
        for name, schedule in (entry.split("=") for entry in entries)
    )


def synced(store_url: str, text: str, command: CrawlCommand = COMMAND) -> dict:
    """Start a scheduler on the store (paused, as `schedule` does), sync, report, shut down."""

    async def session():
        scheduler = build_scheduler(store_url)
        scheduler.start(paused=True)
        sync_jobs(scheduler, load_sites(text), command)
        jobs = {job.id: job for job in scheduler.get_jobs()}
        scheduler.shutdown(wait=False)
        return jobs

    return asyncio.run(session())


def test_a_restart_keeps_the_next_run_time_and_makes_up_missed_runs_once(tmp_path):
    store = f"sqlite:///{tmp_path / 'audit.db'}"
    [first] = synced(store, sites("guides=every 2 hours")).values()
    [again] = synced(store, sites("guides=every 2 hours")).values()
    assert again.next_run_time == first.next_run_time
    assert (again.coalesce, again.max_instances, again.misfire_grace_time) == (True, 1, None)
    assert again.args == ("guides", "/team/sites.yaml", "/data", "sqlite:////data/audit.db", 600)


def test_changed_schedule_or_command_is_applied(tmp_path):
    store = f"sqlite:///{tmp_path / 'audit.db'}"
    synced(store, sites("guides=every 2 hours"))
    [changed] = synced(store, sites("guides=daily at 06:00")).values()
    assert changed.name == "guides: daily at 06:00 (UTC)"
    assert (changed.next_run_time.hour, changed.next_run_time.minute) == (6, 0)
    longer = CrawlCommand(COMMAND.sites_file, COMMAND.data_dir, COMMAND.store_url, 1200)
    [relimited] = synced(store, sites("guides=daily at 06:00"), longer).values()
    assert relimited.args[-1] == 1200
    assert relimited.next_run_time == changed.next_run_time


def test_sites_without_a_schedule_lose_their_job(tmp_path):
    store = f"sqlite:///{tmp_path / 'audit.db'}"
    assert set(synced(store, sites("guides=every 2 hours", "news=every 3 hours"))) == {"crawl:guides", "crawl:news"}
    unscheduled = sites("guides=every 2 hours") + "  - name: news\n    start_urls: [https://news.example/]\n"
    assert set(synced(store, unscheduled)) == {"crawl:guides"}
