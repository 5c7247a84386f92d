"""Shared machinery for the realistic-page suites: a fixture directory of pages written like the
real web, its expectations.json, and the known engine gaps that run as strict xfails.

expectations.json lists, per page: every planted error (must_find), every trap (must_not_contain:
no finding on the page quotes or names it; must_not_find: no finding of that rule contains all
the strings) and, for a correct page, the severity nothing may exceed (max_severity). Pages
sharing a group are audited together.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path

import pytest

import config
from checks.decode import decode_html
from checks.document import parse_html
from checks.markdown import parse_markdown
from checks.engine import AuditResult, audit
from checks.factfile import load_facts
from checks.model import Finding, Severity

CASE_KINDS = ("find", "not", "not-find", "max-severity")


@lru_cache(maxsize=1)
def _facts():
    return load_facts(config.DEFAULT_FACTS.read_text(encoding="utf-8"), "facts.yaml")


@cache
def _audit(directory: Path, pages: tuple[str, ...], today: str) -> AuditResult:
    documents = [_parse(directory / name) for name in pages]
    return audit(documents, _facts(), dt.date.fromisoformat(today))


def _parse(path: Path):
    """A fixture page as the CLI reads it: Markdown rendered, HTML decoded."""
    text = decode_html(path.read_bytes(), None)
    return parse_markdown(text, path.name) if path.suffix in (".md", ".markdown") else parse_html(text, path.name)


def finding_text(finding: Finding) -> str:
    """What an editor reads: the message, the hint and every quote the finding shows."""
    quotes = [claim.evidence.quote for claim in finding.claims]
    if finding.location is not None:
        quotes.append(finding.location.quote)
    return "\n".join([finding.message, finding.hint or "", *quotes])


def summary(findings: list[Finding]) -> str:
    return "\n".join(f"[{f.rule}] {f.message}" for f in findings) or "(no findings)"


def _matching(findings: list[Finding], rule: str, contains: list[str]) -> list[Finding]:
    return [f for f in findings if f.rule == rule and all(text in finding_text(f) for text in contains)]


_BLOCK_TAG = re.compile(
    r"</?(?:p|div|li|ul|ol|dl|dt|dd|h[1-6]|tr|td|th|table|thead|tbody|tfoot|caption|section|article|aside|header|footer"
    r"|nav|main|figure|figcaption|blockquote|pre|br|hr|details|summary|form|label|button|option|select|title|head|body|html)\b[^>]*>",
    re.IGNORECASE,
)


def visible_text(markup: str) -> str:
    """The page's words with tags dropped and whitespace collapsed, furniture included; an
    inline tag joins what it splits ("<span>$44</span><span>,200</span>")."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", _BLOCK_TAG.sub(" ", markup))).split())


@dataclass(frozen=True)
class RealisticSuite:
    """One fixture directory with its expectations and the ids of cases the engine misses today."""

    directory: Path
    gaps: Mapping[str, str]

    @cached_property
    def spec(self) -> dict:
        return json.loads((self.directory / "expectations.json").read_text(encoding="utf-8"))

    @property
    def pages(self) -> list[dict]:
        return self.spec["pages"]

    def findings_on(self, entry: dict) -> list[Finding]:
        group = entry.get("group")
        pages = tuple(e["page"] for e in self.pages if group and e.get("group") == group) or (entry["page"],)
        result = _audit(self.directory, pages, entry.get("today", self.spec["today"]))
        return [finding for finding in result.findings if finding.url == entry["page"]]

    def cases(self, kind: str) -> list:
        cases = []
        for entry in self.pages:
            if kind == "find":
                cases += [self._case(entry, kind, _rule_id(e), e) for e in entry["must_find"]]
            elif kind == "not":
                cases += [self._case(entry, kind, text, text) for text in entry["must_not_contain"]]
            elif kind == "not-find":
                cases += [self._case(entry, kind, _rule_id(e), e) for e in entry.get("must_not_find", [])]
            elif kind == "max-severity" and "max_severity" in entry:
                cases.append(self._case(entry, kind, "", Severity(entry["max_severity"])))
        return cases

    def case_ids(self) -> set[str]:
        return {param.id.split("/", 1)[1] for kind in CASE_KINDS for param in self.cases(kind)}

    @classmethod
    def load(cls, directory: Path) -> "RealisticSuite":
        """A fixture directory, with its gaps.json when the engine still misses something."""
        gaps = directory / "gaps.json"
        return cls(directory, json.loads(gaps.read_text(encoding="utf-8")) if gaps.exists() else {})

    def _case(self, entry: dict, kind: str, detail: str, payload) -> pytest.param:
        case_id = f"{entry['page'].removesuffix('.html')}:{kind}{':' + detail if detail else ''}"
        reason = self.gaps.get(case_id)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        return pytest.param(self, entry, payload, id=f"{self.directory.name}/{case_id}", marks=marks)

    # The assertions each suite's tests make, one per kind of case.

    def assert_found(self, entry: dict, expected: dict) -> None:
        findings = self.findings_on(entry)
        assert _matching(findings, expected["rule"], expected["contains"]), (
            f"no {expected['rule']} finding containing {expected['contains']} among:\n{summary(findings)}"
        )

    def assert_no_quote(self, entry: dict, trap: str) -> None:
        hits = [f for f in self.findings_on(entry) if trap in finding_text(f)]
        assert not hits, f"trap {trap!r} in:\n{summary(hits)}"

    def assert_not_found(self, entry: dict, unwanted: dict) -> None:
        hits = _matching(self.findings_on(entry), unwanted["rule"], unwanted["contains"])
        assert not hits, summary(hits)

    def assert_under_ceiling(self, entry: dict, ceiling: Severity) -> None:
        above = [f for f in self.findings_on(entry) if f.severity.rank > ceiling.rank]
        assert not above, summary(above)

    def assert_pages_described(self) -> None:
        described = {entry["page"] for entry in self.pages}
        assert described == {path.name for path in self.directory.iterdir() if path.suffix in (".html", ".md", ".markdown")}

    def assert_gaps_name_cases(self) -> None:
        assert set(self.gaps) <= self.case_ids(), sorted(set(self.gaps) - self.case_ids())

    def assert_traps_on_page(self, entry: dict) -> None:
        """A trap that is not on the page cannot catch anything (furniture counts: it must stay out)."""
        text = visible_text(decode_html((self.directory / entry["page"]).read_bytes(), None))
        assert [trap for trap in entry["must_not_contain"] if trap not in text] == []


def _rule_id(expectation: dict) -> str:
    return f"{expectation['rule']}:{'+'.join(expectation['contains'])}"


def page_id(entry: dict) -> str:
    return entry["page"].removesuffix(".html")
