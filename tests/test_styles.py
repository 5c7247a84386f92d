from __future__ import annotations

import pytest

from checks.styles import block_display_classes, has_block_display


@pytest.mark.parametrize(
    ("css", "classes"),
    [
        (".stat-card .num{font-size:2.4rem;font-weight:700;display:block}", {"num"}),
        ("span.label, .big { display: flex }", {"label", "big"}),
        ("@media (min-width: 600px) { .col { display: grid } }", {"col"}),
        ("/* .old{display:block} */ .new{display:block}", {"new"}),
        (".x{display:inline-block} .y{display:inline-flex} .z{display:none}", set()),
        (".a.b{display:block} .c:hover{display:block} .d::before{display:block}", set()),
        (".e[hidden]{display:block} p{display:block} #id{display:block}", set()),
        (".broken{display:block", set()),
        ("", set()),
    ],
)
def test_block_display_classes(css, classes):
    assert block_display_classes(css) == classes


@pytest.mark.parametrize(
    ("style", "expected"),
    [("display:block", True), ("color: red; display: flex;", True), ("display:inline-block", False), ("", False)],
)
def test_has_block_display(style, expected):
    assert has_block_display(style) is expected
