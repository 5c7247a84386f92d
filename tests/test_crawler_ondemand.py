"""fetch_documents: the on-demand audit's fetch through the crawl's stack, on a loopback site."""


import pytest

from crawler.ondemand import FetchSettings, fetch_documents
from crawlkit import copy_seed_site, serve


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with serve(copy_seed_site(tmp_path_factory.mktemp("ondemand") / "site")) as served:
        yield served


def test_one_page_becomes_a_document(site):
    documents, failures = fetch_documents([site.url + "cpt-vs-ccma.html"], FetchSettings())
    assert failures == []
    assert [d.url for d in documents] == [site.url + "cpt-vs-ccma.html"]
    assert documents[0].title


def test_each_url_is_a_document_or_a_failure_with_its_reason(site):
    urls = [site.url, site.url + "private/drafts.html", site.url + "missing.html", site.url + "trouble/report"]
    documents, failures = fetch_documents(urls, FetchSettings(retries=0))
    assert [d.url for d in documents] == [site.url]
    assert {(f.url, f.reason) for f in failures} == {
        (site.url + "private/drafts.html", "robots.txt disallows /private/drafts.html"),
        (site.url + "missing.html", "HTTP 404"),
        (site.url + "trouble/report", "not HTML (application/pdf)"),
    }
    assert not site.requested("/private/drafts.html")


def test_fetching_twice_in_one_process_works(site):
    for _ in range(2):
        documents, _ = fetch_documents([site.url], FetchSettings())
        assert len(documents) == 1


def test_pages_over_the_size_limit_are_refused(site):
    documents, failures = fetch_documents([site.url + "trouble/big"], FetchSettings(max_bytes=100_000, retries=0))
    assert documents == []
    assert [f.reason for f in failures] == ["body over 98 KB limit"]
