"""End to end: runs, diff between runs, a killed crawl, and the no-setup demo."""

import json
import signal
import time

import pytest

from crawlkit import copy_seed_site, report_of, run_cli, serve, start_cli, write_sites

MA_PAGE = "medical-assistant-vs-phlebotomist.html"


@pytest.fixture
def seed_site(tmp_path):
    with serve(copy_seed_site(tmp_path / "site")) as site:
        yield site


def crawl(sites_file, data_dir):
    result = run_cli("crawl", "--sites", str(sites_file), "--today", "2026-11-25", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    return result


def test_a_changed_page_shows_new_and_resolved_findings_in_diff(tmp_path, seed_site):
    sites = write_sites(tmp_path / "sites.yaml", [{"name": "seed", "start_urls": [seed_site.url]}])
    data = tmp_path / "data"
    crawl(sites, data)
    seed_site.change(MA_PAGE, "4 months to 2 years", "9 months to 2 years")
    seed_site.change("cpt-vs-ccma.html", "</article>", "<p>The CCMA exam has 200 questions.</p></article>")
    crawl(sites, data)

    diff = run_cli("diff", "1", "2", "--json", data_dir=data)
    assert diff.returncode == 0, diff.stderr
    changes = json.loads(diff.stdout)
    assert ("contradicts-fact", seed_site.url + MA_PAGE) in {(f["rule"], f["url"]) for f in changes["resolved"]}
    assert ("contradicts-fact", seed_site.url + "cpt-vs-ccma.html") in {(f["rule"], f["url"]) for f in changes["new"]}
    assert changes["persisting"]
    assert not {f["fingerprint"] for f in changes["new"]} & {f["fingerprint"] for f in changes["persisting"]}

    text = run_cli("diff", "1", "2", data_dir=data).stdout
    assert text.startswith(f"Run 1 -> run 2: {len(changes['new'])} new, {len(changes['resolved'])} resolved")

    runs = run_cli("runs", data_dir=data).stdout.splitlines()
    assert [line.split()[0] for line in runs[1:]] == ["2", "1"]
    assert all("completed" in line for line in runs[1:])


def test_diff_of_an_unknown_run_is_a_clear_error(tmp_path):
    result = run_cli("diff", "1", "2", data_dir=tmp_path / "data")
    assert result.returncode == 2
    assert result.stderr.strip() == "content-audit: error: no run 1 in the store (see `content-audit runs`)"


def test_a_crawl_killed_with_sigkill_leaves_the_store_usable(tmp_path):
    root = copy_seed_site(tmp_path / "site")
    (root / "index.html").write_text('<html><body><a href="/trouble/slow">slow</a></body></html>')
    data = tmp_path / "data"
    with serve(root) as site:
        sites = write_sites(tmp_path / "sites.yaml", [{"name": "seed", "start_urls": [site.url]}])
        crawl_process = start_cli("crawl", "--sites", str(sites), data_dir=data)
        deadline = time.monotonic() + 30
        while not site.requested("/") and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)  # the index page's snapshot is stored while /trouble/slow hangs
        crawl_process.send_signal(signal.SIGKILL)
        crawl_process.wait(timeout=10)

        runs = run_cli("runs", data_dir=data)
        assert runs.returncode == 0, runs.stderr
        assert "incomplete" in runs.stdout.splitlines()[1]
        assert "ended before the run finished" in runs.stdout

        again = crawl(sites, data)
    assert "Run 2 (seed) completed: 2 pages" in again.stdout


def test_demo_needs_no_setup_and_leaves_a_report(tmp_path):
    result = run_cli("demo", data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    report = report_of(result.stdout)
    assert len(report["pages"]) == 3
    assert report["summary"]["findings"] > 0
    assert "robots.txt disallows /private/drafts.html" in [f["reason"] for f in report["failures"]]
