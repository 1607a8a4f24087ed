"""TPL-MODEL-VERBATIM — examples of rules.md §8: model articles copied unchanged, the threshold, the share."""

from __future__ import annotations

import re

import pytest

from qclv import body, xa_doc, xa_profile
from quyche.rules.base import Settings
from quyche.skeleton import skeleton
from rulekit import run_rule

RULE = "TPL-MODEL-VERBATIM"


def model_clauses(block: str, kind: str = "7619-mau1") -> list[str]:
    """The model text of a block, split into its numbered clauses as a document would print them."""
    b = skeleton().block(block, kind)
    assert b is not None and b.model_text
    return [c.strip() for c in re.split(r"\s(?=\d\.\s)", b.model_text)]


def test_wrong_relation_with_the_unit_head_copied_from_the_model() -> None:
    copied = ("Quan hệ với thủ trưởng cơ quan, đơn vị", model_clauses("rel.administration"))
    found = run_rule(RULE, xa_doc(body=body(replace={"rel_admin": copied})))
    assert [f.severity for f in found] == ["warning"]
    assert "Điều 11." in found[0].message and "1/12" in found[0].message
    assert found[0].actual == "100 %"


def test_right_article_names_the_unit_and_its_own_arrangements() -> None:
    own = ("Quan hệ với Ban Giám hiệu", [
        "1. Lãnh đạo Ban Giám hiệu Trường THPT Hòa Bình thực hiện nhiệm vụ năm học; Hiệu trưởng báo cáo Đảng ủy "
        "kết quả thực hiện nghị quyết tại hội nghị thường kỳ hằng tháng.",
        "2. Đảng ủy không làm thay công việc chuyên môn của Hiệu trưởng; mỗi học kỳ nghe Ban Giám hiệu báo cáo một "
        "lần vào tuần cuối của học kỳ."])
    assert run_rule(RULE, xa_doc(body=body(replace={"rel_admin": own}))) == []


def test_clean_regulation() -> None:
    assert run_rule(RULE, xa_doc()) == []
    assert run_rule(RULE, xa_doc(), profile=xa_profile()) == []


def test_share_of_copied_articles_and_one_finding_each() -> None:
    replace = {
        "rel_admin": ("Quan hệ với thủ trưởng cơ quan, đơn vị", model_clauses("rel.administration")),
        "rel_front": ("Quan hệ với Mặt trận Tổ quốc và các đoàn thể", model_clauses("rel.front")),
        "btv": ("Trách nhiệm, quyền hạn của Ban Thường vụ", model_clauses("resp.ban_thuong_vu")),
    }
    found = run_rule(RULE, xa_doc(body=body(replace=replace)))
    assert [f.message.split(".")[0] for f in found] == ["Điều 4", "Điều 11", "Điều 12"]
    assert all("3/12 điều" in f.message and "25 %" in f.message for f in found)


def test_model_of_another_template_kind_is_copying_too() -> None:
    # The 302 (đảng ủy xã) model copied into a regulation whose kind is inferred as 7619-mau1 (no profile).
    copied = ("Quan hệ với chính quyền", model_clauses("rel.administration", "302"))
    found = run_rule(RULE, xa_doc(body=body(replace={"rel_admin": copied})))
    assert len(found) == 1
    assert len(run_rule(RULE, xa_doc(body=body(replace={"rel_admin": copied})), profile=xa_profile())) == 1


@pytest.mark.parametrize(("threshold", "fires"), [(0.95, False), (0.6, True)])
def test_threshold_is_a_setting(threshold: float, fires: bool) -> None:
    clauses = model_clauses("rel.front")
    edited = [clauses[0].replace("Mặt trận Tổ quốc", "Ủy ban Mặt trận Tổ quốc Việt Nam xã An Hòa") + " Hằng quý "
              "Thường trực Đảng ủy làm việc với Ủy ban Mặt trận.", *clauses[1:]]
    d = xa_doc(body=body(replace={"rel_front": ("Quan hệ với Mặt trận Tổ quốc và các đoàn thể", edited)}))
    found = run_rule(RULE, d, settings=Settings(verbatim_threshold=threshold))
    assert bool(found) is fires


def test_principles_are_shared_wording_and_never_compared() -> None:
    principles = ("Nguyên tắc làm việc", [
        "1. Bảo đảm nguyên tắc tập trung dân chủ, tập thể lãnh đạo, cá nhân phụ trách, quyết định theo đa số."])
    assert run_rule(RULE, xa_doc(body=body(replace={"principles": principles}))) == []
