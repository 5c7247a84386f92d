"""End to end: the service shows the runs a crawl stored: the index, a run's report, a page's history."""

from __future__ import annotations

import pytest

from crawlkit import copy_seed_site, run_cli, serve, write_sites
from servekit import running_service

HTML = {"Accept": "text/html"}
PAGE = "cpt-vs-ccma.html"


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("archive")
    with serve(copy_seed_site(tmp / "site")) as site:
        sites = write_sites(tmp / "sites.yaml", [{"name": "seed", "start_urls": [site.url]}])
        for _ in range(2):
            crawl = run_cli("crawl", "--sites", str(sites), data_dir=tmp / "data")
            assert crawl.returncode == 0, crawl.stderr
        with running_service(tmp, {}) as service:
            yield service, site


def test_index_lists_runs_and_links_their_reports(archive):
    service, _ = archive
    index = service.get("/", headers=HTML)
    assert index.status_code == 200
    assert 'href="run-2.html"' in index.text and 'href="run-1.html"' in index.text
    alias = service.get("/run-2.html", follow_redirects=False)
    assert alias.status_code == 308 and alias.headers["location"] == "/runs/2"


def test_a_runs_report_is_served_with_its_history(archive):
    service, site = archive
    report = service.get("/runs/2", headers=HTML)
    assert report.status_code == 200, report.text
    assert site.url + PAGE in report.text
    assert "run 2" in report.text.lower() and "run 1" in report.text.lower()


def test_a_pages_history_lists_each_run_and_its_findings(archive):
    service, site = archive
    history = service.get("/pages", params={"url": site.url + PAGE}, headers=HTML)
    assert history.status_code == 200
    assert 'href="/runs/1"' in history.text and 'href="/runs/2"' in history.text
    assert "HTTP 304" not in history.text and "HTTP 200" in history.text
    unknown = service.get("/pages", params={"url": site.url + "nowhere.html"}, headers=HTML)
    assert "No run has checked this page" in unknown.text


def test_unknown_runs_are_404_pages_for_browsers(archive):
    service, _ = archive
    missing = service.get("/runs/99", headers=HTML)
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/html")
    assert "no run 99" in missing.text
