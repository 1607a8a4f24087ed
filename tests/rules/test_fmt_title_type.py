"""FMT-TITLE-TYPE — examples of rules.md §2, the size tolerance, caps from formatting, styles."""

from __future__ import annotations

from dataclasses import replace

import pytest

from factory import L, doc
from rulekit import run_rule

RULE = "FMT-TITLE-TYPE"
FORMATTING = ["direct", "styles"]


@pytest.mark.parametrize("formatting", FORMATTING)
def test_wrong_lower_case_not_bold_14pt(formatting: str) -> None:
    found = run_rule(RULE, doc(title=[L("Quy chế", b=False, size=14)], formatting=formatting))
    by_part = {f.part: f.severity for f in found}
    assert by_part == {"style": "error", "size": "warning"}
    style = next(f for f in found if f.part == "style")
    assert "in hoa" in style.message and "đậm" in style.message and style.zone == "title"


@pytest.mark.parametrize("formatting", FORMATTING)
@pytest.mark.parametrize("layout", ["table", "tabs", "textbox", "paragraphs"])
def test_right_upper_bold_16pt(formatting: str, layout: str) -> None:
    assert run_rule(RULE, doc(title=[L("QUY CHẾ", b=True, size=16)], formatting=formatting,
                              header_layout=layout)) == []


@pytest.mark.parametrize("size", [15, 15.5, 16])
def test_sizes_15_to_16_are_accepted(size: float) -> None:
    assert run_rule(RULE, doc(title=[L("QUY CHẾ", b=True, size=size)])) == []


@pytest.mark.parametrize(("size", "shown"), [(14.5, "14,5 pt"), (16.5, "16,5 pt"), (17, "17 pt")])
def test_sizes_outside_15_to_16_are_a_size_warning(size: float, shown: str) -> None:
    found = run_rule(RULE, doc(title=[L("QUY CHẾ", b=True, size=size)]))
    assert [(f.part, f.severity, f.actual) for f in found] == [("size", "warning", shown)]


def test_not_bold_alone_is_an_error() -> None:
    found = run_rule(RULE, doc(title=[L("QUY CHẾ", b=False, size=16)]))
    assert [(f.part, f.severity) for f in found] == [("style", "error")]
    assert found[0].actual == "không đậm"


def test_all_caps_formatting_counts_as_upper_case() -> None:
    # "Quy chế" typed in lower case but shown in capitals through the all-caps toggle.
    d = doc(title=[L("Quy chế", b=True, size=16)])
    assert d.zones.title_type is not None
    for r in d.zones.title_type.runs:
        r.fmt = replace(r.fmt, caps=True)
    assert run_rule(RULE, d) == []


def test_title_smaller_than_other_text_is_a_size_warning() -> None:
    found = run_rule(RULE, doc(title=[L("QUY CHẾ", b=True, size=15)],
                               summary=[L("làm việc của Ban Chấp hành Đảng bộ xã An Hòa", b=True, size=16)]))
    assert [(f.part, f.severity, f.actual) for f in found] == [("size", "warning", "16 pt")]


def test_left_aligned_title_is_flagged() -> None:
    found = run_rule(RULE, doc(title=[L("QUY CHẾ", b=True, size=16, align="left")]))
    assert [f.part for f in found] == ["style"] and "căn giữa" in found[0].message
