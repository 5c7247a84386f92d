"""End to end: the real `content-audit crawl` against a real HTTP server on 127.0.0.1."""

import pytest

from crawlkit import copy_seed_site, report_of, run_cli, serve, write_sites

SEED_PAGES = ["/", "/cpt-vs-ccma.html", "/medical-assistant-vs-phlebotomist.html"]


@pytest.fixture
def seed_site(tmp_path):
    with serve(copy_seed_site(tmp_path / "site")) as site:
        yield site


@pytest.fixture
def sites_file(tmp_path, seed_site):
    return write_sites(tmp_path / "sites.yaml", [{"name": "seed", "start_urls": [seed_site.url]}])


def by_url(page: dict) -> str:
    return page["url"]


def crawl(sites_file, data_dir, *extra):
    result = run_cli("crawl", "--sites", str(sites_file), "--today", "2026-11-25", *extra, data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    return result


def test_crawl_audits_the_site_within_robots_and_domain(tmp_path, seed_site, sites_file):
    result = crawl(sites_file, tmp_path / "data")
    report = report_of(result.stdout)
    assert sorted(page["url"] for page in report["pages"] if page["title"]) == sorted(
        seed_site.url.rstrip("/") + path for path in SEED_PAGES
    )
    assert not seed_site.requested("/private/drafts.html")
    assert all("elsewhere.example" not in page["url"] for page in report["pages"])
    assert all("elsewhere.example" not in failure["url"] for failure in report["failures"])
    assert {"url": seed_site.url + "private/drafts.html", "reason": "robots.txt disallows /private/drafts.html"}.items() <= next(
        f for f in report["failures"] if "drafts" in f["url"]
    ).items()
    assert report["summary"]["findings"] > 0
    assert f"Report: {tmp_path / 'data' / 'reports' / 'seed'}" in result.stdout


def test_second_run_of_an_unchanged_site_revalidates_and_parses_nothing(tmp_path, seed_site, sites_file):
    first = report_of(crawl(sites_file, tmp_path / "data").stdout)
    seed_site.requests.clear()
    seed_site.arrivals.clear()
    second = crawl(sites_file, tmp_path / "data")
    assert all(seed_site.statuses(path) == [304] for path in SEED_PAGES)
    assert "3 pages (3 unchanged since the last crawl, 0 parsed)" in second.stdout
    assert sorted(report_of(second.stdout)["pages"], key=by_url) == sorted(first["pages"], key=by_url)


def test_sitemap_named_in_robots_txt_is_read(tmp_path, seed_site, sites_file):
    (seed_site.root / "orphan.html").write_text(
        "<html><head><title>Orphan</title></head><body><p>Linked from nowhere.</p></body></html>"
    )
    (seed_site.root / "sitemap.xml").write_text(
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{seed_site.url}orphan.html</loc></url></urlset>"
    )
    with (seed_site.root / "robots.txt").open("a") as robots:
        robots.write(f"Sitemap: {seed_site.url}sitemap.xml\n")
    report = report_of(crawl(sites_file, tmp_path / "data").stdout)
    assert seed_site.url + "orphan.html" in [page["url"] for page in report["pages"]]


def test_include_exclude_and_page_budget_limit_the_crawl(tmp_path, seed_site):
    sites = write_sites(
        tmp_path / "sites.yaml",
        [{"name": "seed", "start_urls": [seed_site.url], "exclude": ["cpt-vs"], "max_pages": 2}],
    )
    report = report_of(crawl(sites, tmp_path / "data").stdout)
    assert not seed_site.requested("/cpt-vs-ccma.html")
    assert len(report["pages"]) + len(report["failures"]) <= 2
