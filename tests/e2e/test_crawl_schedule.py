"""End to end: `content-audit schedule` fires crawls, never overlaps one site, enforces its time
limit and stops cleanly on SIGTERM."""

import signal
import time

import pytest

from crawlkit import copy_seed_site, serve, start_cli, write_sites
from crawler.store import open_store


def wait_for(condition, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.1)


def runs(data):
    if not (data / "audit.db").exists():
        return []
    store = open_store(f"sqlite:///{data / 'audit.db'}")
    try:
        return sorted(store.runs(), key=lambda run: run.id)
    finally:
        store.close()


def stop(scheduler):
    scheduler.send_signal(signal.SIGTERM)
    out, err = scheduler.communicate(timeout=40)
    assert scheduler.returncode == 0, err
    assert "Scheduler stopped" in err
    return err


@pytest.fixture
def slow_site(tmp_path):
    root = copy_seed_site(tmp_path / "site")
    (root / "index.html").write_text('<html><body><a href="/trouble/slow">slow</a></body></html>')
    with serve(root) as site:
        yield site


def test_scheduler_fires_the_site_crawl_and_stops_on_sigterm(tmp_path):
    data = tmp_path / "data"
    with serve(copy_seed_site(tmp_path / "site")) as site:
        sites = write_sites(tmp_path / "sites.yaml", [{"name": "seed", "start_urls": [site.url], "schedule": "every 1 seconds"}])
        scheduler = start_cli("schedule", "--sites", str(sites), data_dir=data)
        wait_for(lambda: any(run.status == "completed" for run in runs(data)))
        err = stop(scheduler)
    assert "Scheduled seed: every 1 seconds (UTC)" in err
    assert "Crawl of seed started (pid " in err


def test_overlapping_runs_are_refused_and_a_running_crawl_is_stopped_cleanly(tmp_path, slow_site):
    data = tmp_path / "data"
    sites = write_sites(tmp_path / "sites.yaml", [{"name": "seed", "start_urls": [slow_site.url], "schedule": "every 1 seconds"}])
    scheduler = start_cli("schedule", "--sites", str(sites), data_dir=data)
    wait_for(lambda: len(runs(data)) == 1 and slow_site.requested("/trouble/slow"))
    time.sleep(1.5)  # triggers fire while the slow crawl holds the site
    err = stop(scheduler)
    assert "skipped: maximum number of running instances reached" in err
    [run] = runs(data)
    assert run.status == "failed"
    assert "interrupted" in run.error


def test_a_crawl_over_its_time_limit_is_stopped_and_logged(tmp_path):
    data = tmp_path / "data"
    root = copy_seed_site(tmp_path / "site")
    (root / "index.html").write_text('<html><body><a href="/trouble/hang">hang</a></body></html>')
    with serve(root) as site:
        # A six-field cron expression: seconds first. The limit leaves a slow machine time to
        # start the crawl (so it records its run) and stops it long before the page answers; the
        # request timeout lets the graceful stop finish the request in flight within its grace.
        sites = write_sites(tmp_path / "sites.yaml", [
            {"name": "seed", "start_urls": [site.url], "schedule": "*/2 * * * * *", "timeout": 15, "retries": 0}
        ])
        scheduler = start_cli("schedule", "--sites", str(sites), "--time-limit", "10", data_dir=data)
        wait_for(lambda: any(run.status != "running" for run in runs(data)))
        err = stop(scheduler)
    assert "Crawl of seed exceeded its 10 s time limit: stopping it" in err
    first = runs(data)[0]
    assert first.status == "failed"
    assert "interrupted" in first.error
