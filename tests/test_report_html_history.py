"""What a run's report knows beyond its own audit: new / resolved / persisting, the trend, and
the history read from a real run store."""

from __future__ import annotations

import datetime as dt

import pytest

from pagekit import audit_pages, page
from reportkit import Past, Run, Scan
from reports.formats.html import render
from reports.history import ReportHistory, TrendPoint, compare, history_for_run

WRONG = ("https://example.org/exam", page("<p>The CCMA exam has 200 questions.</p>"))
FIXED = ("https://example.org/exam", page("<p>The CCMA exam has 180 questions.</p>"))
STALE = ("https://example.org/dated", page("<p>Reviewed 2026-01-02.</p>"))


def test_compare_sorts_findings_into_new_persisting_resolved_and_unchecked(facts):
    result = audit_pages(facts, WRONG, STALE)
    stale, wrong = sorted(result.findings, key=lambda f: f.rule != "stale-review")
    previous = (
        Past(stale.fingerprint, url=stale.url),
        Past("old-on-exam", url=WRONG[0]),
        Past("old-on-exam", url=WRONG[0]),
        Past("old-on-missing-page", url="https://example.org/missing"),
    )
    diff = compare(result, ReportHistory(2, dt.datetime(2026, 11, 25), previous_run_id=1, previous_findings=previous))
    assert diff.new == {wrong.fingerprint} and diff.persisting == {stale.fingerprint}
    assert [f.fingerprint for f in diff.resolved] == ["old-on-exam"]
    assert [f.fingerprint for f in diff.unchecked] == ["old-on-missing-page"]
    assert diff.status(wrong) == "new" and diff.status(stale) == "persisting"


@pytest.mark.parametrize("history", [None, ReportHistory(1, dt.datetime(2026, 11, 25))])
def test_without_a_previous_run_nothing_is_new_or_resolved(facts, history):
    diff = compare(audit_pages(facts, WRONG), history)
    assert (diff.new, diff.persisting, diff.resolved, diff.unchecked) == (frozenset(), frozenset(), (), ())


def test_history_compares_only_completed_runs_of_the_same_sites():
    runs = [
        Run(1), Run(2, sites=("other",)), Run(3, status="failed"), Run(4, sites=("example", "other")),
        Run(5, cached_pages=7), Run(6, status="running"), Run(7),
    ]
    findings = {1: [Past("a", severity="error")], 5: [Past("b", severity="info"), Past("c", severity="info")]}
    history = history_for_run(runs[4], runs, lambda run_id: findings.get(run_id, []))
    assert history.run_id == 5 and history.previous_run_id == 1 and history.pages_unchanged == 7
    assert [f.fingerprint for f in history.previous_findings] == ["a"]
    assert [(p.run_id, p.errors, p.infos) for p in history.trend] == [(1, 1, 0)]


def test_trend_keeps_the_last_runs_and_still_finds_the_previous_one():
    runs = [Run(i) for i in range(1, 8)]
    read: list[int] = []
    history = history_for_run(runs[-1], runs, lambda run_id: read.append(run_id) or [], trend_runs=3)
    assert [p.run_id for p in history.trend] == [5, 6] and history.previous_run_id == 6
    assert sorted(set(read)) == [5, 6], "only the runs shown are read from the store"
    assert history_for_run(runs[-1], runs, lambda run_id: [], trend_runs=1).previous_run_id == 6


def test_trend_runs_below_one_is_refused():
    with pytest.raises(ValueError, match="at least 1"):
        history_for_run(Run(2), [Run(1)], lambda run_id: [], trend_runs=0)


def test_trend_point_counts_severities():
    point = TrendPoint.of(3, dt.datetime(2026, 11, 3), ["error", "info", "info", "warning"])
    assert (point.errors, point.warnings, point.infos, point.total) == (1, 1, 2, 4)


def test_history_from_a_real_store_marks_the_fix_as_resolved_and_re_renders_the_same(facts, tmp_path):
    from crawler.store import open_store

    store = open_store(f"sqlite:///{tmp_path / 'audit.db'}")
    try:
        for pages in ((WRONG, STALE), (FIXED, STALE)):
            run_id = store.start_run(["example"])
            result = audit_pages(facts, *pages)
            store.complete_run(run_id, result, None)
        history = history_for_run(store.run(run_id), store.runs(), store.findings)
        html = render(result, history)
        store.complete_run(store.start_run(["example"]), audit_pages(facts, WRONG), None)
        assert render(result, history_for_run(store.run(run_id), store.runs(), store.findings)) == html
    finally:
        store.close()
    assert history.previous_run_id == run_id - 1 and len(history.trend) == 1
    fixed = html[html.index('<section id="changes"'):]
    assert "CCMA exam questions (total) <code>200 questions</code> contradicts the fact" in fixed
    assert {a["data-status"] for a in Scan(html).elements("article", "finding")} == {"persisting"}
