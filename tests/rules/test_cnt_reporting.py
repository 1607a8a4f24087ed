"""CNT-REPORTING — examples of rules.md §9: an information-and-reporting article."""

from __future__ import annotations

from qclv import body, chibo_doc, chibo_profile, xa_doc, xa_profile
from rulekit import run_rule

RULE = "CNT-REPORTING"


def test_wrong_nothing_on_reporting() -> None:
    found = run_rule(RULE, xa_doc(body=body(drop=("reporting",))))
    assert [(f.severity, f.needs_confirmation) for f in found] == [("info", True)]


def test_right_reporting_article() -> None:
    art = ("Chế độ thông tin, báo cáo", ["Báo cáo cấp ủy cấp trên theo quy định."])
    assert run_rule(RULE, xa_doc(body=body(replace={"reporting": art}))) == []
    assert run_rule(RULE, xa_doc(), profile=xa_profile()) == []
    assert run_rule(RULE, chibo_doc(), profile=chibo_profile()) == []


def test_reporting_inside_another_regime_article_counts() -> None:
    art = ("Chế độ công tác", ["1. Định kỳ hằng tháng báo cáo cấp ủy cấp trên; báo cáo đột xuất khi cần.",
                               "2. Thông báo kịp thời tình hình thời sự đến đảng viên."])
    assert run_rule(RULE, xa_doc(body=body(replace={"reporting": art}))) == []


def test_a_passing_mention_of_bao_cao_is_not_a_reporting_article() -> None:
    # "báo cáo" appears in other articles (Bí thư, relations), but no article sets out the reporting regime.
    assert len(run_rule(RULE, xa_doc(body=body(drop=("reporting",))), profile=xa_profile())) == 1
