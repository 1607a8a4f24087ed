"""TYP-QCLV-IS-QC — examples of rules.md §1, the attached pattern and the self-naming sentence."""

from __future__ import annotations

import pytest

from factory import L, PartyDoc, doc
from rulekit import run_rule

RULE = "TYP-QCLV-IS-QC"
LAYOUTS = ["table", "tabs", "textbox", "paragraphs"]
SUMMARY = [L("làm việc của Ban Chấp hành Đảng bộ xã An Hòa khóa I, nhiệm kỳ 2025 - 2030", b=True)]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_wrong_quy_dinh_for_a_working_regulation(layout: str) -> None:
    found = run_rule(RULE, doc(title=[L("QUY ĐỊNH", b=True, size=16)], summary=SUMMARY, header_layout=layout))
    assert [(f.severity, f.expected, f.actual, f.zone) for f in found] == [
        ("error", "QUY CHẾ", "QUY ĐỊNH", "title")
    ]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("formatting", ["direct", "styles"])
def test_right_quy_che(layout: str, formatting: str) -> None:
    assert run_rule(RULE, doc(summary=SUMMARY, header_layout=layout, formatting=formatting)) == []


@pytest.mark.parametrize("title", ["NỘI QUY", "HƯỚNG DẪN", "Quy định"])
def test_other_types_for_a_working_regulation(title: str) -> None:
    assert len(run_rule(RULE, doc(title=[L(title, b=True, size=16)], summary=SUMMARY))) == 1


def test_decision_issuing_the_working_regulation_is_the_attached_pattern() -> None:
    summary = [
        L(
            "ban hành Quy chế làm việc của Ban Chấp hành Đảng bộ xã An Hòa khóa I, nhiệm kỳ 2025 - 2030",
            b=True,
        )
    ]
    assert run_rule(RULE, doc(title=[L("QUYẾT ĐỊNH", b=True, size=16)], summary=summary)) == []


def test_quy_dinh_on_another_subject_is_not_judged() -> None:
    spec = PartyDoc(
        title=[L("QUY ĐỊNH", b=True, size=16)],
        summary=[L("về chế độ công tác phí của cơ quan Đảng ủy xã An Hòa", b=True)],
    )
    spec.cancu = [*spec.cancu[:-1], L("Ban Chấp hành Đảng bộ xã An Hòa quy định như sau:", align="both")]
    assert run_rule(RULE, spec.read()) == []


def test_operative_sentence_calling_the_text_a_working_regulation() -> None:
    spec = PartyDoc(
        title=[L("QUY ĐỊNH", b=True, size=16)],
        summary=[L("về lề lối công tác của Ban Chấp hành Đảng bộ xã An Hòa", b=True)],
    )
    found = run_rule(RULE, spec.read())  # the default operative sentence: "… ban hành Quy chế làm việc …"
    assert len(found) == 1 and "ban hành Quy chế làm việc" in found[0].message


def test_citing_another_bodys_working_regulation_is_not_calling_itself_one() -> None:
    """The căn cứ cites the superior's "Quy chế làm việc"; the operative sentence is about a plan."""
    spec = PartyDoc(
        title=[L("KẾ HOẠCH", b=True, size=16)], summary=[L("kiểm tra, giám sát năm 2026", b=True)]
    )
    spec.cancu = [
        *spec.cancu[:-1],
        L("Ban Chấp hành Đảng bộ xã An Hòa ban hành Kế hoạch như sau:", align="both"),
    ]
    assert run_rule(RULE, spec.read()) == []
