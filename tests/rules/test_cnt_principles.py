"""CNT-PRINCIPLES — examples of rules.md §9: a principles article stating the core principles."""

from __future__ import annotations

from qclv import body, chibo_doc, chibo_profile, xa_doc, xa_profile
from rulekit import run_rule

RULE = "CNT-PRINCIPLES"


def test_wrong_no_principles_and_no_tap_trung_dan_chu() -> None:
    found = run_rule(RULE, xa_doc(body=body(drop=("principles",))))
    assert [(f.severity, f.needs_confirmation) for f in found] == [("warning", False)]
    assert found[0].expected == "Điều … Nguyên tắc làm việc"


def test_right_principles_article() -> None:
    right = ("Nguyên tắc làm việc",
             ["… tập trung dân chủ, tập thể lãnh đạo, cá nhân phụ trách, quyết định theo đa số …"])
    assert run_rule(RULE, xa_doc(body=body(replace={"principles": right}))) == []
    assert run_rule(RULE, xa_doc(), profile=xa_profile()) == []
    assert run_rule(RULE, chibo_doc(), profile=chibo_profile()) == []


def test_principles_article_without_the_core_principles() -> None:
    thin = ("Nguyên tắc làm việc", ["1. Chấp hành Cương lĩnh chính trị, Điều lệ Đảng.",
                                    "2. Thiểu số phục tùng đa số; giữ gìn đoàn kết nội bộ."])
    found = run_rule(RULE, xa_doc(body=body(replace={"principles": thin})))
    assert len(found) == 1
    assert all(w in (found[0].actual or "") for w in ("tập trung dân chủ", "tập thể lãnh đạo", "cá nhân phụ trách"))


def test_spelling_variants_of_the_title_and_text() -> None:
    variant = ("NGUYÊN TẮC HOẠT ĐỘNG", ["Thực hiện nguyên tắc TẬP TRUNG DÂN CHỦ; tập thể lãnh đạo, cá nhân phụ trách."])
    assert run_rule(RULE, xa_doc(body=body(replace={"principles": variant}))) == []


def test_principles_inside_an_untitled_general_article() -> None:
    # No "Nguyên tắc" title, but the article states several principles: the skeleton's text pass finds it.
    general = ("Quy định chung về lề lối", [
        "1. Bảo đảm nguyên tắc tập trung dân chủ, tập thể lãnh đạo, cá nhân phụ trách.",
        "2. Thiểu số phục tùng đa số; thường xuyên tự phê bình và phê bình."])
    assert run_rule(RULE, xa_doc(body=body(replace={"principles": general}))) == []
