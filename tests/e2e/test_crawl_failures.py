"""End to end: pages that fail in every way are recorded with their reason; the run completes."""

from crawlkit import copy_seed_site, report_of, run_cli, serve, write_sites

TROUBLE = {
    "/trouble/500": "HTTP 500 after 1 retry",
    "/trouble/slow": "timed out after 1 s (1 retry)",
    "/trouble/big": "body over 512 KB limit",
    "/trouble/report": "not HTML (application/pdf)",
    "/trouble/loop": "redirect loop",
}


def test_failures_are_recorded_with_reasons_and_the_run_completes(tmp_path, monkeypatch):
    root = copy_seed_site(tmp_path / "site")
    links = "".join(f'<li><a href="{path}">{path}</a></li>' for path in [*TROUBLE, "/trouble/encoding"])
    (root / "index.html").write_text(f"<html><head><title>Guides</title></head><body><ul>{links}</ul></body></html>")
    with serve(root) as site:
        sites = write_sites(
            tmp_path / "sites.yaml",
            [{"name": "troubled", "start_urls": [site.url], "timeout": 1, "retries": 1, "max_body_mb": 0.5}],
        )
        result = run_cli("crawl", "--sites", str(sites), "--today", "2026-11-25", data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    report = report_of(result.stdout)
    reasons = {failure["url"].removeprefix(site.url.rstrip("/")): failure["reason"] for failure in report["failures"]}
    assert reasons == TROUBLE
    assert f"{site.url}trouble/encoding" in [page["url"] for page in report["pages"]]
    assert "completed" in result.stdout
