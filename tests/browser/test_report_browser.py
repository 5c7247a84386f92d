"""The HTML report in a real browser (Debian's chromium, driven by Playwright): filters, grouping,
no JavaScript, hostile pages, accessibility (axe-core) and HTML validity (vnu).

Chromium comes from apt (`apt-get install -y chromium`); axe-core and vnu-jar from npm into the
git-ignored .tools/report-check (see .ci/run). Each check is skipped, with the reason, only when
its tool is not installed.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from pagekit import audit_pages, page
from reportkit import Past, Run, hostile_result
from reports.formats.html import write_run_report
from reports.history import ReportHistory, TrendPoint
from reports.index import write_index

ROOT = Path(__file__).parents[2]
CHROMIUM = Path("/usr/bin/chromium")
NODE_MODULES = ROOT / ".tools" / "report-check" / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Chromium otherwise spends its first seconds retrying connections this machine cannot make.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]
VISIBLE_CARDS = ".view:not([hidden]) .finding:not([hidden])"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium: apt-get install -y chromium")


@pytest.fixture(scope="module")
def result(facts):
    wrong = ("https://example.org/wrong", page("<p>The CCMA exam has 200 questions.</p><p>Reviewed 2026-01-02.</p>"))
    low = ("https://other.example/ok", page("<p>Phlebotomists in Ohio earn a median wage of $39,000.</p>"))
    high = ("https://other.example/b", page("<p>Phlebotomists in Ohio earn a median wage of $45,000.</p>"))
    return audit_pages(facts, wrong, low, high)


@pytest.fixture(scope="module")
def report(result, tmp_path_factory) -> Path:
    """Run 3 of a site: one finding persists from run 2, the rest are new."""
    kept = next(f for f in result.findings if f.rule == "stale-review")
    history = ReportHistory(
        3, dt.datetime(2026, 11, 25, 6), ("example",), 2,
        (Past(kept.fingerprint, kept.rule, kept.severity.value, kept.url, kept.message),),
        (TrendPoint(1, dt.datetime(2026, 11, 11), 2, 1, 0), TrendPoint(2, dt.datetime(2026, 11, 18), 0, 1, 3)), 1,
    )
    directory = tmp_path_factory.mktemp("reports")
    write_index([Run(1), Run(2), Run(3)], directory)
    return write_run_report(result, history, directory)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def watched(browser):
    """A page that records dialogs, script errors and every request it makes."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    tab = context.new_page()
    tab.events = {"dialogs": [], "errors": [], "requests": []}
    tab.on("dialog", lambda dialog: (tab.events["dialogs"].append(dialog.message), dialog.dismiss()))
    tab.on("pageerror", lambda error: tab.events["errors"].append(str(error)))
    tab.on("console", lambda message: message.type == "error" and tab.events["errors"].append(message.text))
    tab.on("request", lambda request: tab.events["requests"].append(request.url))
    yield tab
    context.close()


def visible_rules(tab) -> list[str]:
    return tab.eval_on_selector_all(VISIBLE_CARDS, "cards => cards.map(card => card.dataset.rule)")


def test_filters_and_grouping_show_what_is_asked(watched, report, result, tmp_path):
    watched.goto(report.as_uri())
    total = len(result.findings)
    assert watched.is_visible("#filters")
    assert watched.inner_text("#shown") == f"Showing {total} of {total} findings"

    watched.select_option("#filter-rule", "cross-page-contradiction")
    assert visible_rules(watched) == ["cross-page-contradiction"] * 2
    assert watched.inner_text("#shown") == f"Showing 2 of {total} findings"
    assert watched.is_hidden("#view-page .group:has([data-rule=stale-review])")

    watched.select_option("#filter-rule", "")
    watched.uncheck("input[name=severity][value=info]")
    watched.uncheck("input[name=severity][value=warning]")
    assert set(visible_rules(watched)) == {"contradicts-fact"}

    watched.check("input[name=severity][value=warning]")
    watched.check("input[name=newonly]")
    assert "stale-review" not in visible_rules(watched), "the persisting finding is hidden"

    watched.uncheck("input[name=newonly]")
    watched.fill("#filter-search", "OHIO")
    assert visible_rules(watched) == ["cross-page-contradiction"] * 2

    watched.fill("#filter-search", "")
    watched.select_option("#filter-site", "example.org")
    watched.check("input[name=view][value=rule]")
    assert watched.is_hidden("#view-page") and watched.is_visible("#view-rule")
    assert set(visible_rules(watched)) == {"contradicts-fact", "stale-review"}

    shot = tmp_path / "report-filtered.png"
    watched.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    assert watched.events["errors"] == [] and watched.events["dialogs"] == []


def test_without_javascript_every_finding_is_readable(browser, report, result):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(report.as_uri())
    assert tab.locator("#view-page .finding").count() == len(result.findings)
    assert all(tab.locator("#view-page .finding").nth(i).is_visible() for i in range(len(result.findings)))
    assert tab.is_hidden("#filters") and tab.is_visible(".trend svg")
    context.close()


def test_hostile_page_fires_no_dialog_and_loads_nothing(watched, facts, tmp_path):
    report = write_run_report(hostile_result(facts), None, tmp_path)
    watched.goto(report.as_uri())
    watched.fill("#filter-search", "alert")
    watched.wait_for_timeout(200)
    assert watched.events["dialogs"] == []
    assert watched.events["errors"] == []
    assert watched.events["requests"] == [report.as_uri()]
    assert watched.locator("mark").first.inner_text() == "200 questions"


def test_print_layout_hides_the_controls(watched, report):
    watched.goto(report.as_uri())
    watched.emulate_media(media="print")
    assert watched.is_hidden("#filters") and watched.is_hidden("nav")
    assert watched.is_visible("#view-page .finding >> nth=0")


@pytest.mark.skipif(not AXE.exists(), reason=f"needs axe-core: npm install --prefix {AXE.parents[2]} axe-core")
@pytest.mark.parametrize("name", ["report", "index"])
def test_axe_finds_no_accessibility_violations(browser, report, name):
    # The report's CSP would block the injected axe script: this context alone ignores it.
    context = browser.new_context(bypass_csp=True)
    tab = context.new_page()
    tab.goto((report if name == "report" else report.parent / "index.html").as_uri())
    tab.add_script_tag(path=str(AXE))
    violations = tab.evaluate(
        """async () => (await axe.run(document, {runOnly: ["wcag2a", "wcag2aa", "wcag21aa", "best-practice"]}))
            .violations.map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(" ")).slice(0, 3).join(", ")}`)"""
    )
    context.close()
    assert violations == []


@pytest.mark.skipif(not VNU.exists() or not shutil.which("java"), reason=f"needs java and vnu-jar: npm install --prefix {VNU.parents[4]} vnu-jar")
def test_vnu_finds_the_reports_and_index_valid(report, facts, tmp_path):
    hostile = write_run_report(hostile_result(facts), None, tmp_path)
    checked = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--also-check-svg", str(report), str(hostile), str(report.parent / "index.html")],
        capture_output=True, text=True, timeout=60,
    )
    messages = json.loads(checked.stderr)["messages"]
    # vnu does not compute CSP hashes: it warns about every inline script under a script-src
    # without 'unsafe-inline'. The browser tests above prove the hash admits ours.
    problems = [m for m in messages if "Content Security Policy" not in m["message"]]
    assert problems == [], problems
