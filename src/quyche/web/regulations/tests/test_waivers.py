"""Waivers hide a finding while in force; an expired waiver stops hiding it."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from quyche.web.regulations.models import RegulationVersion
from quyche.web.regulations.services import create_regulation, grant_waiver, upload_version, visible_findings


@pytest.fixture
def version(tree: dict[str, Any], users: dict[str, Any], docx: Any, upload: Any) -> RegulationVersion:
    reg = create_regulation(tree["an_hoa"], 2025, 2030)
    data = docx(cancu=["- Căn cứ Quy định số 24-QĐ/TW ngày 30/7/2021 của Ban Chấp hành Trung ương;"])
    v = upload_version(reg, upload(data), users["staff"], as_of=date(2025, 11, 20))
    assert v.findings, "the test document must have findings"
    return v


def rules(findings: list[dict[str, Any]]) -> set[str]:
    return {f["rule"] for f in findings}


def test_waiver_hides_until_it_expires(version: RegulationVersion, users: dict[str, Any]) -> None:
    rule = version.findings[0]["rule"]
    total = len(version.findings)
    n_rule = sum(1 for f in version.findings if f["rule"] == rule)
    grant_waiver(rule=rule, organization=version.regulation.organization, approver=users["inspector"],
                 reason="Đã báo cáo cấp trên, chờ hướng dẫn", expires=date(2026, 3, 1), version=version)
    before = visible_findings(version, on=date(2026, 2, 28))
    assert rule not in rules(before.visible)
    assert len(before.waived) == n_rule and len(before.visible) == total - n_rule
    on_expiry = visible_findings(version, on=date(2026, 3, 1))
    assert rule in rules(on_expiry.visible) and not on_expiry.waived
    assert len(on_expiry.visible) == total


def test_scopes(version: RegulationVersion, users: dict[str, Any], tree: dict[str, Any], docx: Any,
                upload: Any) -> None:
    rule = version.findings[0]["rule"]
    org = version.regulation.organization
    # another organisation's waiver does not apply
    grant_waiver(rule=rule, organization=tree["binh_minh"], approver=users["admin"], reason="khác",
                 expires=date(2030, 1, 1))
    assert rule in rules(visible_findings(version, on=date(2026, 1, 1)).visible)
    # an organisation-wide waiver covers every version of every regulation of that organisation
    w = grant_waiver(rule=rule, organization=org, approver=users["admin"], reason="cả tổ chức",
                     expires=date(2030, 1, 1))
    assert w.scope == "organization"
    assert rule not in rules(visible_findings(version, on=date(2026, 1, 1)).visible)
    w.delete()
    # a version waiver does not cover the next version
    grant_waiver(rule=rule, organization=org, approver=users["admin"], reason="phiên bản 1",
                 expires=date(2030, 1, 1), version=version)
    v2 = upload_version(version.regulation, upload(docx(cancu=[
        "- Căn cứ Quy định số 24-QĐ/TW ngày 30/7/2021 của Ban Chấp hành Trung ương;"])), users["staff"],
        as_of=date(2025, 11, 20))
    assert rule in rules(visible_findings(v2, on=date(2026, 1, 1)).visible)
    # a regulation waiver does
    grant_waiver(rule=rule, organization=org, approver=users["admin"], reason="cả quy chế",
                 expires=date(2030, 1, 1), regulation=version.regulation)
    assert rule not in rules(visible_findings(v2, on=date(2026, 1, 1)).visible)


def test_paragraph_waiver_covers_only_that_paragraph(version: RegulationVersion, users: dict[str, Any]) -> None:
    located = [f for f in version.findings if (f.get("location") or {}).get("paragraph")]
    target = located[0]
    para = target["location"]["paragraph"]
    grant_waiver(rule=target["rule"], organization=version.regulation.organization, approver=users["admin"],
                 reason="đoạn này", expires=date(2030, 1, 1), version=version, paragraph=para)
    view = visible_findings(version, on=date(2026, 1, 1))
    assert all(f["location"]["paragraph"] == para for f, _ in view.waived)
    assert any(f["rule"] == target["rule"] and f["location"]["paragraph"] == para for f, _ in view.waived)


def test_waiver_needs_a_known_rule_and_a_reason(version: RegulationVersion, users: dict[str, Any]) -> None:
    org = version.regulation.organization
    with pytest.raises(ValueError, match="không có quy tắc"):
        grant_waiver(rule="NO-SUCH-RULE", organization=org, approver=users["admin"], reason="x",
                     expires=date(2030, 1, 1))
    with pytest.raises(ValueError, match="lý do"):
        grant_waiver(rule=version.findings[0]["rule"], organization=org, approver=users["admin"], reason=" ",
                     expires=date(2030, 1, 1))


def test_scope_constraint_in_the_database(version: RegulationVersion, users: dict[str, Any]) -> None:
    from quyche.web.regulations.models import Waiver

    w = Waiver(rule="FMT-HEADER-STAR", scope="regulation", organization=version.regulation.organization,
               reason="x", approver=users["admin"], expires=date(2030, 1, 1))
    with pytest.raises(ValidationError):
        w.full_clean()
