"""The demo province (``quyche serve --demo``): what it makes, that the injected defects are found by the real
checker and the clean regulations pass, and that a seed always gives the same demo."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.core.management import call_command

from quyche.web import demo
from quyche.web.accounts.models import Role, User
from quyche.web.meetings.models import Meeting
from quyche.web.meetings.services import compliance
from quyche.web.organizations.models import Organization, ProfileVersion
from quyche.web.references.models import Reference
from quyche.web.regulations.models import Regulation, RegulationStatus, RegulationVersion, Waiver
from quyche.web.regulations.services import visible_findings
from quyche.web.reviews.models import Reason, ReviewTask, TaskStatus

TODAY = date(2026, 11, 26)
PASSWORDS = {username: f"mat-khau-{username}" for username, *_ in demo.ACCOUNTS}


def snapshot() -> dict[str, Any]:
    """Everything the demo made, without ids and timestamps."""
    def org_path(org: Organization) -> str:
        return " / ".join([*(a.name for a in org.ancestors()), org.name])

    return {
        "orgs": sorted((org_path(o), o.kind, o.type) for o in Organization.objects.all()),
        "profiles": sorted((pv.organization.name, pv.number, repr(pv.data), pv.note)
                           for pv in ProfileVersion.objects.select_related("organization")),
        "versions": sorted((v.regulation.organization.name, v.number, v.sha256, v.filename, v.as_of.isoformat(),
                            v.is_issued, repr(sorted((f["rule"], f["severity"]) for f in v.findings)))
                           for v in RegulationVersion.objects.select_related("regulation__organization")),
        "regulations": sorted((r.organization.name, r.status, r.title) for r in Regulation.objects.all()),
        "waivers": sorted((w.organization.name, w.rule, w.expires.isoformat()) for w in Waiver.objects.all()),
        "tasks": sorted((t.organization.name, t.reason, t.status, t.summary) for t in ReviewTask.objects.all()),
        "meetings": sorted((m.organization.name, m.date.isoformat(), m.duration_minutes, m.present, m.total,
                            m.combined) for m in Meeting.objects.all()),
        "users": sorted((u.username, u.role, u.organization.name if u.organization else "", u.full_name)
                        for u in User.objects.all()),
    }


def test_plan_is_pure_and_seeded() -> None:
    assert demo.plan_profiles(7) == demo.plan_profiles(7)
    assert demo.plan_profiles(7) != demo.plan_profiles(8)
    profiles = demo.plan_profiles(7)
    assert len(profiles) == len(demo.TREE) - 1  # every organisation but the province
    assert profiles["khtn"]["superior"] == "Đảng bộ Trường Trung học phổ thông Tân Phú"
    assert profiles["tan_phu"]["superior"] == demo.PROVINCE
    assert all(len({m["name"] for m in p["committee"]}) == len(p["committee"]) for p in profiles.values())


@pytest.mark.django_db
def test_demo_contents() -> None:
    summary = demo.build_demo(seed=11, today=TODAY, passwords=PASSWORDS)
    assert summary.seconds < 20
    # tree: province → 2 commune committees → grassroots → chi bộ trực thuộc
    tinh = Organization.objects.get(parent=None)
    assert tinh.name == demo.PROVINCE and tinh.kind == "dang_bo_tinh"
    communes = list(tinh.children.order_by("name"))
    assert [c.type for c in communes] == ["phuong", "xa"]
    assert Organization.objects.count() == len(demo.TREE) == summary.organizations
    assert Organization.objects.filter(kind="chi_bo_truc_thuoc", depth=3).count() == 3
    assert {o.type for o in Organization.objects.all()} >= {"truong_hoc", "ubnd_xa", "thon_to_dan_pho", "cong_an"}

    # accounts: an administrator, two inspectors (province, commune), staff of two chi bộ; passwords work
    users = {u.username: u for u in User.objects.all()}
    assert set(users) == set(PASSWORDS)
    assert users["quantri"].role == Role.ADMINISTRATOR and users["quantri"].is_superuser
    assert users["kiemtra.tinh"].role == Role.INSPECTOR and users["kiemtra.tinh"].organization == tinh
    assert users["kiemtra.tanphu"].organization.name == "Đảng ủy xã Tân Phú"  # type: ignore[union-attr]
    staff = [u for u in users.values() if u.role == Role.STAFF]
    assert len(staff) == 2 and all(u.organization and u.organization.is_chi_bo for u in staff)
    assert all(users[name].check_password(pw) for name, pw in PASSWORDS.items())
    assert [a.username for a in summary.accounts] == [a[0] for a in demo.ACCOUNTS]

    # regulations: the injected defects are found by the checker, the others are clean
    versions = list(RegulationVersion.objects.select_related("regulation__organization"))
    assert len(versions) == summary.versions == 13 and summary.regulations == Regulation.objects.count() == 11
    expected = demo.expected_errors()
    spoiled = {v.regulation.organization.name: v for v in versions if v.number == 1}
    for name, rules in expected.items():
        found = {f["rule"] for f in spoiled[name].findings}
        assert rules <= found, (name, rules, found)
    clean = [v for v in versions if v.regulation.organization.name not in expected or v.number > 1]
    assert len(clean) >= 6
    for v in clean:
        assert not [f for f in v.findings if f["severity"] == "error"], (str(v), v.findings)
    assert all(v.findings_count["error"] for v in versions if v.regulation.organization.name in expected
               and v.number == 1)
    assert summary.with_errors == len(expected) and summary.clean == len(versions) - len(expected)
    assert sum(v.is_issued for v in versions) == summary.issued == 10
    drafts = [v for v in versions if v.filename.endswith("-du-thao.docx")]  # a "Dự thảo", without a number
    assert len(drafts) == 1 and drafts[0].structure["document"]["number"] == "-QC/CB"
    assert versions[0].catalogue_version and Reference.objects.count() >= 50

    # waivers: one in force hides its finding, one has expired and shows it again
    khtn = spoiled["Chi bộ Tổ Khoa học tự nhiên"]
    view = visible_findings(khtn, TODAY)
    assert [f["rule"] for f, _ in view.waived] == ["FMT-BODY-TEXT"]
    bac_ha = spoiled["Đảng ủy phường Bắc Hà"]
    assert "FMT-HEADER-STAR" in {f["rule"] for f in visible_findings(bac_ha, TODAY).visible}
    assert Waiver.objects.filter(expires__lt=TODAY).count() == 1

    # review tasks: a new bí thư; the confirmed link 294-QĐ/TW → 20-QĐ/TW; the re-issued regulation closed its own
    ref = Reference.objects.get(key=demo.CONFIRMED_LINK)
    assert ref.link_confidence == "H"
    tasks = ReviewTask.objects.select_related("organization")
    assert tasks.get(reason=Reason.PROFILE_CHANGED).organization.name == "Chi bộ thôn Phú Hòa"
    superseded = tasks.filter(reason=Reason.REFERENCE_SUPERSEDED)
    assert superseded.filter(status=TaskStatus.OPEN).count() >= 8
    ubnd = superseded.get(organization__name="Chi bộ Ủy ban nhân dân xã Tân Phú")
    assert ubnd.status == TaskStatus.CLOSED and ubnd.closed_by_version is not None
    assert ubnd.closed_by_version.number == 2
    assert Regulation.objects.filter(status=RegulationStatus.NEEDS_REVIEW).count() >= 5
    assert summary.open_tasks == tasks.filter(status=TaskStatus.OPEN).count()
    assert ProfileVersion.objects.filter(number=2).count() == 1

    # meetings of the last months, some months not compliant
    assert Meeting.objects.count() == summary.meetings > 30
    assert not Meeting.objects.filter(date__gt=TODAY).exists()
    assert Meeting.objects.filter(date__lt=TODAY - timedelta(days=160)).count() == 0
    phu_loc = Organization.objects.get(name="Chi bộ thôn Phú Lộc")
    codes = {i.code for m in (9, 10) for i in compliance(phu_loc, 2026, m, today=TODAY).issues}
    assert {"regular_missing", "duration_short"} <= codes
    assert summary.meeting_issues >= 4


@pytest.mark.django_db(transaction=True)
def test_demo_is_deterministic() -> None:
    demo.build_demo(seed=5, today=TODAY, passwords=PASSWORDS)
    first = snapshot()
    with pytest.raises(demo.DemoError, match="đã có dữ liệu"):
        demo.build_demo(seed=5, today=TODAY)
    call_command("flush", interactive=False, verbosity=0)
    demo.build_demo(seed=5, today=TODAY, passwords={})
    second = snapshot()
    assert first == second
