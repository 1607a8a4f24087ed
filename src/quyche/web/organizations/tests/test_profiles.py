"""Profile versions: validated by quyche, numbered, immutable; the latest is the current profile."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import IntegrityError, connection, transaction

from quyche.profile import Profile, ProfileError
from quyche.web.immutable import ImmutableError
from quyche.web.organizations.models import ProfileVersion
from quyche.web.organizations.services import add_profile_version


def test_versions_are_numbered_and_latest_is_current(tree: dict[str, Any], users: dict[str, Any],
                                                     profiles: dict[str, Any]) -> None:
    org = tree["an_hoa"]
    assert org.profile() is None
    v1 = add_profile_version(org, profiles["xa"](), users["inspector"])
    v2 = add_profile_version(org, profiles["xa"](members=330), users["inspector"], note="bổ sung đảng viên")
    assert (v1.number, v2.number) == (1, 2)
    assert org.current_profile_version == v2
    profile = org.profile()
    assert isinstance(profile, Profile)
    assert profile.members == 330 and profile.is_dang_uy_xa and profile.template_kind == "302"
    assert profile.extra["ancestors"] == ["Đảng bộ tỉnh Tây Ninh"]  # scoped catalogue entries see the tree
    assert v2.author == users["inspector"]


def test_yaml_text_is_kept(tree: dict[str, Any]) -> None:
    text = """schema: quyche/profile/v1
name: "Chi bộ thôn Phú Lộc"
kind: chi_bo_truc_thuoc
type: thon_to_dan_pho
superior: "Đảng bộ xã An Hòa"
place: "An Hòa"
term: {from: 2025, to: 2030}
members: 12
committee:
  - {name: "Phạm Văn Dũng", role: bi_thu}
"""
    v = add_profile_version(tree["phu_loc"], text)
    assert v.source_text == text
    assert v.data["members"] == 12
    assert tree["phu_loc"].profile().has_chi_uy


def test_invalid_profile_is_refused_and_nothing_stored(tree: dict[str, Any], profiles: dict[str, Any]) -> None:
    bad = profiles["chi_bo"](members=2)
    with pytest.raises(ProfileError, match="members"):
        add_profile_version(tree["phu_loc"], bad)
    with pytest.raises(ProfileError, match="YAML"):
        add_profile_version(tree["phu_loc"], "name: [unclosed")
    assert not ProfileVersion.objects.exists()


def test_profile_kind_and_type_follow_the_profile(tree: dict[str, Any], profiles: dict[str, Any]) -> None:
    org = tree["truong"]
    add_profile_version(org, profiles["chi_bo"](name=org.name, kind="chi_bo_co_so", type="truong_hoc"))
    org.refresh_from_db()
    assert (org.kind, org.type) == ("chi_bo_co_so", "truong_hoc")


def test_profile_versions_are_immutable(tree: dict[str, Any], profiles: dict[str, Any]) -> None:
    v = add_profile_version(tree["an_hoa"], profiles["xa"]())
    v.note = "sửa"
    with pytest.raises(ImmutableError):
        v.save()
    with pytest.raises(ImmutableError):
        v.delete()
    with pytest.raises(ImmutableError):
        ProfileVersion.objects.filter(pk=v.pk).update(note="sửa")
    with pytest.raises(ImmutableError):
        ProfileVersion.objects.all().delete()
    # the database refuses too, whatever the ORM does
    table = ProfileVersion._meta.db_table
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cur:
        cur.execute(f"UPDATE {table} SET note = %s WHERE id = %s", ["sửa", v.pk])
    assert ProfileVersion.objects.get(pk=v.pk).note == ""
