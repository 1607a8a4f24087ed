"""ORG-PROFILE-COUNTS — examples of rules.md §5; the three parts, reported with any document."""

from __future__ import annotations

from typing import Any

import pytest
from org_kit import SCHOOL_CB, SCHOOL_DU, THON_CB, committee, org_profile, party_doc, unchecked

from quyche.profile import Profile, ProfileError, profile_from_dict
from rulekit import run_rule

RULE = "ORG-PROFILE-COUNTS"
DOC = party_doc()


def parts(profile: Profile) -> list[tuple[str, str]]:
    found = run_rule(RULE, DOC, profile=profile)
    assert all(f.zone == "profile" and f.paragraph is None for f in found)
    return [(f.part, f.severity) for f in found]


def test_wrong_chi_bo_with_two_members() -> None:
    profile = unchecked(org_profile("chi_bo_truc_thuoc", THON_CB, members=5), members=2)
    assert parts(profile) == [("chi_bo_min", "error")]


def test_the_loader_rejects_it_naming_the_rule() -> None:
    data: dict[str, Any] = {
        "schema": "quyche/profile/v1", "name": THON_CB, "kind": "chi_bo_truc_thuoc", "type": "thon_to_dan_pho",
        "superior": "Đảng bộ xã An Hòa", "place": "An Hòa", "term": {"from": 2025, "to": 2030}, "members": 2,
    }
    with pytest.raises(ProfileError, match="ORG-PROFILE-COUNTS"):
        profile_from_dict(data)


def test_right_chi_bo_with_five_members() -> None:
    assert parts(org_profile("chi_bo_truc_thuoc", THON_CB, members=5)) == []


@pytest.mark.parametrize(("kind", "name", "members", "extra", "expected"), [
    ("chi_bo_co_so", SCHOOL_CB, 35, {}, [("co_so_size", "warning")]),
    ("chi_bo_co_so", SCHOOL_CB, 35, {"size_exception_approved": True}, []),
    ("chi_bo_co_so", SCHOOL_CB, 29, {}, []),
    ("chi_bo_truc_thuoc", THON_CB, 35, {}, []),  # not a tổ chức cơ sở đảng
    ("dang_uy_co_so", SCHOOL_DU, 20, {}, [("co_so_size", "warning")]),
    ("dang_uy_co_so", SCHOOL_DU, 30, {}, []),
])
def test_grassroots_size(kind: str, name: str, members: int, extra: dict[str, Any],
                         expected: list[tuple[str, str]]) -> None:
    school: dict[str, Any] = {"type": "truong_hoc", "superior": "Đảng bộ xã An Hòa", "members": members}
    if kind == "dang_uy_co_so":
        school["committee"] = committee(7)
    assert parts(org_profile(kind, name, **school, **extra)) == expected


@pytest.mark.parametrize(("size", "btv", "merged", "expected"), [
    (27, 6, None, []),  # 27 members, BTV 9 (bí thư, 2 phó bí thư, 6 ủy viên BTV)
    (30, 6, 2, [("xa_committee", "warning")]),  # formed from two units: at most 27
    (30, 6, 3, []),  # formed from three units: at most 33
    (35, 6, None, [("xa_committee", "warning")]),  # above 33 whatever the merger
    (27, 4, None, [("xa_committee", "warning")]),  # BTV 7
    (27, 9, None, [("xa_committee", "warning")]),  # BTV 12
])
def test_commune_committee_2025_2030(size: int, btv: int, merged: int | None,
                                     expected: list[tuple[str, str]]) -> None:
    extra = {} if merged is None else {"merged_from_units": merged}
    profile = org_profile("dang_uy_cap_tren_co_so", committee=committee(size, deputies=2, btv=btv), **extra)
    assert parts(profile) == expected


def test_commune_committee_of_another_term_is_not_judged() -> None:
    profile = org_profile(committee=committee(35, deputies=2, btv=2), term={"from": 2020, "to": 2025, "khoa": "V"})
    assert parts(profile) == []


def test_not_applicable_without_a_profile() -> None:
    assert run_rule(RULE, DOC) == []
