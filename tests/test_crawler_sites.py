import json
from pathlib import Path

import pytest

from config import CONFIG_DIR, DEFAULT_FACTS
from crawler.sites import load_sites, read_sites, sites_json_schema
from crawler.yamlconfig import ConfigFileError

MINIMAL = """\
sites:
  - name: guides
    start_urls: [https://guides.example.org/]
"""


def test_bundled_sites_file_is_valid_and_its_schema_current():
    config = read_sites(CONFIG_DIR / "sites.yaml")
    assert [site.name for site in config.select()] == ["career-guides"]
    assert json.loads((CONFIG_DIR / "sites.schema.json").read_text()) == sites_json_schema()


def test_defaults_fill_everything_but_the_start():
    config = load_sites(MINIMAL, "sites.yaml", Path("/team"))
    [site] = config.select()
    assert site.domains == ("guides.example.org",)
    assert (site.max_pages, site.max_depth, site.retries, site.stale_after_days) == (1000, 10, 2, 90)
    assert site.politeness.autothrottle is True
    assert config.facts_path == DEFAULT_FACTS
    assert config.report_dir((site,), Path("/data")) == Path("/data/reports/guides")


def test_relative_paths_are_relative_to_the_sites_file():
    text = "facts: facts.yaml\nreports: all\n" + MINIMAL + "    reports: out/guides\n  - name: b\n    sitemaps: [https://b.example.org/sitemap.xml]\n"
    config = load_sites(text, "sites.yaml", Path("/team"))
    assert config.facts_path == Path("/team/facts.yaml")
    assert config.report_dir(config.select(("guides",)), Path("/data")) == Path("/team/out/guides")
    assert config.report_dir(config.select(), Path("/data")) == Path("/team/all")
    assert config.select(("b",))[0].domains == ("b.example.org",)


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("    max_pages: 0\n", "sites.yaml:4: sites[0].max_pages: expected a number of at least 1, got 0"),
        ("    include: ['([']\n", "sites.yaml:4: sites[0].include: invalid regular expression '(['"),
        ("    timezone: Mars/Olympus\n", "sites.yaml:4: sites[0].timezone: unknown time zone 'Mars/Olympus'"),
        ("    schedule: every day\n", "sites.yaml:4: sites[0].schedule: cannot read schedule 'every day'"),
        ("    schedule: weekly on funday 06:00\n", "sites.yaml:4: sites[0].schedule: unknown day 'funday'"),
        ("    politeness:\n      concurency: 2\n", "sites.yaml:5: sites[0].politeness.concurency: unknown field; did you mean `concurrency`?"),
        ("    start_url: x\n", "sites.yaml:4: sites[0].start_url: unknown field; did you mean `start_urls`?"),
        ("  - name: guides\n    start_urls: [https://x.example/]\n", "sites.yaml:1: sites: site names must be unique; repeated: guides"),
        ("  - name: Bad Name\n    start_urls: [https://x.example/]\n", "sites.yaml:4: sites[1].name: expected a lowercase name of letters, digits, - and _, got 'Bad Name'"),
        ("  - name: empty\n", "sites.yaml:4: sites[1]: a site needs start_urls or sitemaps"),
        ("  - name: ftp\n    start_urls: [ftp://x.example/]\n", "sites.yaml:5: sites[1].start_urls[0]: expected an http:// or https:// URL"),
    ],
)
def test_problems_are_reported_with_their_line(extra, expected):
    with pytest.raises(ConfigFileError) as error:
        load_sites(MINIMAL + extra, "sites.yaml")
    assert str(error.value).startswith(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sites: [\n", "sites.yaml:2: invalid YAML"),
        ("- a\n", "sites.yaml:1: expected a mapping with facts, reports, sites, got a list"),
        ("facts: x.yaml\n", "sites.yaml: sites: required field is missing"),
    ],
)
def test_malformed_files_are_clear_errors(text, expected):
    with pytest.raises(ConfigFileError) as error:
        load_sites(text, "sites.yaml")
    assert str(error.value).startswith(expected)


def test_unknown_site_name_lists_the_configured_ones():
    with pytest.raises(ConfigFileError, match="no site named 'nope'; configured: guides"):
        load_sites(MINIMAL, "sites.yaml").select(("nope",))


def test_missing_sites_file_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigFileError, match="cannot read the sites file: No such file"):
        read_sites(tmp_path / "sites.yaml")
