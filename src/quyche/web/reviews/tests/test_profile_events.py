"""Profile changes that matter to the regulation open a review; others do not."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from quyche.profile import profile_from_dict
from quyche.web.organizations.services import add_profile_version, merge_organizations
from quyche.web.references.models import Reference
from quyche.web.references.services import load_packaged_references, save_reference
from quyche.web.regulations.models import RegulationStatus
from quyche.web.regulations.services import create_regulation, issue_version, upload_version
from quyche.web.reviews.models import Reason, ReviewTask
from quyche.web.reviews.services import profile_differences


def fields(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    return [c["field"] for c in profile_differences(profile_from_dict(old), profile_from_dict(new))]


def test_differences(profiles: dict[str, Any]) -> None:
    xa, chi_bo, committee = profiles["xa"], profiles["chi_bo"], profiles["committee"]
    assert fields(xa(), xa(members=400)) == []
    assert fields(xa(), xa(term={"from": 2030, "to": 2035, "khoa": "II"})) == ["term"]
    assert fields(xa(), xa(committee=committee(7, secretary="Hồ Văn Mới"))) == ["secretary"]
    assert fields(xa(), xa(committee=committee(9))) == ["committee_size"]  # 7 → 9: a Ban Thường vụ now
    assert fields(xa(committee=committee(9)), xa(committee=committee(11))) == []  # stays ≥ 9
    assert fields(xa(committee=committee(11)), xa(committee=committee(8))) == ["committee_size"]
    assert fields(chi_bo(), chi_bo(members=8)) == []
    assert fields(chi_bo(members=8), chi_bo(members=9)) == ["members"]  # a chi ủy from 9 full members
    assert fields(chi_bo(members=12), chi_bo(members=6)) == ["members"]
    changes = profile_differences(profile_from_dict(xa()), profile_from_dict(xa(committee=committee(9))))
    assert "nay có Ban Thường vụ" in changes[0]["message"]


@pytest.fixture
def issued(tree: dict[str, Any], users: dict[str, Any], profiles: dict[str, Any], docx: Any, upload: Any
           ) -> dict[str, Any]:
    add_profile_version(tree["an_hoa"], profiles["xa"](), users["inspector"])
    reg = create_regulation(tree["an_hoa"], 2025, 2030)
    v = issue_version(upload_version(reg, upload(docx()), users["staff"]), users["inspector"])
    return {"reg": reg, "version": v}


def test_first_profile_and_small_changes_open_nothing(issued: dict[str, Any], tree: dict[str, Any],
                                                      profiles: dict[str, Any]) -> None:
    add_profile_version(tree["an_hoa"], profiles["xa"](members=333))
    add_profile_version(tree["phu_loc"], profiles["chi_bo"]())  # first profile of the chi bộ
    assert not ReviewTask.objects.exists()


def test_new_term(issued: dict[str, Any], tree: dict[str, Any], profiles: dict[str, Any],
                  users: dict[str, Any]) -> None:
    add_profile_version(tree["an_hoa"], profiles["xa"](term={"from": 2030, "to": 2035, "khoa": "II"}),
                        users["inspector"])
    task = ReviewTask.objects.get()
    assert task.reason == Reason.NEW_TERM and task.organization == tree["an_hoa"]
    assert task.regulation == issued["reg"] and task.version == issued["version"]
    assert task.details["changes"][0]["new"] == "2030 - 2035, khóa II" and task.details["profile_version"] == 2
    issued["reg"].refresh_from_db()
    assert issued["reg"].status == RegulationStatus.NEEDS_REVIEW


def test_secretary_and_btv(issued: dict[str, Any], tree: dict[str, Any], profiles: dict[str, Any]) -> None:
    committee = profiles["committee"]
    add_profile_version(tree["an_hoa"], profiles["xa"](committee=committee(7, secretary="Hồ Văn Mới")))
    task = ReviewTask.objects.get()
    assert task.reason == Reason.PROFILE_CHANGED and "Hồ Văn Mới" in task.summary
    add_profile_version(tree["an_hoa"], profiles["xa"](committee=committee(10, secretary="Hồ Văn Mới")))
    task.refresh_from_db()
    assert ReviewTask.objects.count() == 1  # joined the open task
    assert task.details["later_events"][0]["changes"][0]["field"] == "committee_size"


def test_chi_bo_crossing_nine_members(tree: dict[str, Any], profiles: dict[str, Any], users: dict[str, Any],
                                      docx: Any, upload: Any) -> None:
    add_profile_version(tree["phu_loc"], profiles["chi_bo"](members=8))
    reg = create_regulation(tree["phu_loc"], 2025, 2030)
    upload_version(reg, upload(docx()), users["staff"])
    add_profile_version(tree["phu_loc"], profiles["chi_bo"](members=9))
    task = ReviewTask.objects.get()
    assert task.details["changes"][0]["field"] == "members" and "chi ủy" in task.summary
    assert task.regulation == reg


def test_merger(issued: dict[str, Any], tree: dict[str, Any], users: dict[str, Any], docx: Any,
                upload: Any) -> None:
    old = create_regulation(tree["binh_minh"], 2025, 2030)
    upload_version(old, upload(docx()), users["staff"])
    merge_organizations(tree["binh_minh"], tree["an_hoa"], actor=users["admin"], on=date(2025, 12, 1))
    tree["binh_minh"].refresh_from_db()
    tree["tan_lap"].refresh_from_db()
    old.refresh_from_db()
    assert tree["binh_minh"].merged_into == tree["an_hoa"] and not tree["binh_minh"].is_active
    assert tree["tan_lap"].is_within(tree["an_hoa"])  # subordinates moved
    assert old.status == RegulationStatus.SUPERSEDED
    task = ReviewTask.objects.get()
    assert task.organization == tree["an_hoa"] and "hợp nhất" in task.summary
    with pytest.raises(ValueError):
        merge_organizations(tree["an_hoa"], tree["phu_loc"])


def test_model_regulation_change(issued: dict[str, Any], tree: dict[str, Any], profiles: dict[str, Any],
                                 users: dict[str, Any]) -> None:
    load_packaged_references()
    add_profile_version(tree["phu_loc"], profiles["chi_bo"]())
    model = Reference.objects.get(key="QD-302-TW-2025")  # model for đảng ủy xã, phường, đặc khu
    model.deadline = date(2099, 6, 30)
    save_reference(model, users["admin"], source="Công văn hướng dẫn áp dụng")
    task = ReviewTask.objects.get()
    assert task.reason == Reason.MODEL_CHANGED and task.organization == tree["an_hoa"]
    assert task.due_date == date(2099, 6, 30) and task.reference_id == "QD-302-TW-2025"
    model.note = "chỉ sửa ghi chú"
    save_reference(model, users["admin"], source="ghi chú")
    assert ReviewTask.objects.count() == 1
