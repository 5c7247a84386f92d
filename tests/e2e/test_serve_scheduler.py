"""End to end: `serve --with-scheduler` runs the sites' schedules in the web service's process."""

from __future__ import annotations

from crawlkit import write_sites
from servekit import running_service


def test_the_scheduler_runs_beside_the_service_and_stops_with_it(tmp_path):
    sites = write_sites(
        tmp_path / "sites.yaml",
        [{"name": "weekly", "start_urls": ["http://127.0.0.1:9/"], "schedule": "weekly on monday 06:00"}],
    )
    with running_service(tmp_path, {}, args=("--with-scheduler", "--sites", str(sites))) as service:
        health = service.get("/healthz").json()
        assert health["scheduler"] == "running" and health["status"] == "ok"
    log = service.process.stderr.read()
    assert "Scheduled weekly: weekly on monday 06:00" in log
    assert "Scheduler stopped" in log

