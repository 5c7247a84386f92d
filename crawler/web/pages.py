"""The service's own HTML: the runs index with the audit form, a page's history, error pages.

Reports themselves come from reports/ unchanged. The index is the report archive's index
(reports.index.render_index) with the service's forms added: its CSP forbids form submission
(a report folder on disk has nothing to submit to), so the service's copy allows submitting to
itself and nowhere else. The service's pages share the report's stylesheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined, select_autoescape

from crawler.web.pagehistory import PageHistory
from reports.formats.html import environment as report_environment
from reports.index import IndexedRun, render_index

MAX_URL_LENGTH = 2048
_MAIN_START = "<main>"
_NO_FORMS = "form-action 'none'"
_SELF_FORMS = "form-action 'self'"


class PageTemplateError(RuntimeError):
    """The report index no longer has the markers the audit form is placed by."""


@cache
def environment() -> Environment:
    reports = report_environment()
    env = Environment(
        loader=ChoiceLoader([PackageLoader("crawler.web", "templates"), reports.loader]),
        autoescape=select_autoescape(enabled_extensions=("html",), default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(reports.filters)
    return env


def render_home(runs: Sequence[IndexedRun]) -> str:
    index = render_index(runs)
    if index.count(_MAIN_START) != 1 or _NO_FORMS not in index:
        raise PageTemplateError("the runs index lost its <main> or its form-action CSP: update crawler.web.pages")
    form = environment().get_template("audit_form.html").render(max_url_length=MAX_URL_LENGTH)
    return index.replace(_NO_FORMS, _SELF_FORMS).replace(_MAIN_START, _MAIN_START + "\n" + form, 1)


def render_page_history(history: PageHistory) -> str:
    return environment().get_template("page_history.html").render(history=history)


def render_error(status: int, code: str, message: str) -> str:
    return environment().get_template("error.html").render(status=status, code=code, message=message)
