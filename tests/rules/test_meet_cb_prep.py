"""MEET-CB-PREP — examples of rules.md §6 (info, needs confirmation)."""

from __future__ import annotations

from meetdocs import chibo_doc, danguy_doc
from rulekit import run_rule

RULE = "MEET-CB-PREP"
MONTHLY = "1. Chi bộ sinh hoạt thường kỳ mỗi tháng một lần."


def test_wrong_nothing_about_preparation() -> None:
    found = run_rule(RULE, chibo_doc([MONTHLY, "2. Chi bộ sinh hoạt chuyên đề ít nhất mỗi quý một lần."]))
    assert [(f.severity, f.needs_confirmation) for f in found] == [("info", True)]
    assert found[0].message.startswith("[Cần xác nhận]") and "không nói gì" in found[0].message


def test_right_posted_on_the_app() -> None:
    d = chibo_doc([MONTHLY, "2. Tài liệu được đăng tải trên ứng dụng Sổ tay đảng viên điện tử trước ít nhất 01 "
                            "ngày."])
    assert run_rule(RULE, d) == []


def test_preparation_without_the_app() -> None:
    d = chibo_doc([MONTHLY, "2. Trước mỗi kỳ sinh hoạt, Bí thư phân công chuẩn bị nội dung, dự thảo nghị quyết."])
    found = run_rule(RULE, d)
    assert len(found) == 1 and "Sổ tay đảng viên điện tử" in found[0].message
    assert "phân công chuẩn bị" not in found[0].message  # that step is there


def test_a_separate_preparation_article_counts() -> None:
    """Corpus layout: "Điều 8. Chuẩn bị và tổ chức sinh hoạt" is a meeting clause too."""
    d = chibo_doc([MONTHLY], extra=["Điều 9. Chuẩn bị và tổ chức sinh hoạt",
                                    "1. Tài liệu được đưa lên ứng dụng Sổ tay đảng viên điện tử trước một ngày."])
    assert run_rule(RULE, d) == []


def test_no_meeting_article_is_left_to_cnt_meeting_regime() -> None:
    assert run_rule(RULE, chibo_doc(None)) == []


def test_not_applicable_to_a_dang_uy() -> None:
    assert run_rule(RULE, danguy_doc()) == []
