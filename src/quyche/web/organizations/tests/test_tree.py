"""The organisation tree: materialised paths, subtree queries, moves."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from quyche.web.organizations.models import Organization
from quyche.web.organizations.services import create_organization, move_organization


def names(qs: Any) -> set[str]:
    return {o.name for o in qs}


def test_paths_and_depths(tree: dict[str, Any]) -> None:
    tinh, an_hoa, phu_loc = tree["tinh"], tree["an_hoa"], tree["phu_loc"]
    assert tinh.path == f"/{tinh.pk}/" and tinh.depth == 0
    assert an_hoa.path == f"/{tinh.pk}/{an_hoa.pk}/" and an_hoa.depth == 1
    assert phu_loc.path == f"{an_hoa.path}{phu_loc.pk}/" and phu_loc.depth == 2
    stored = Organization.objects.get(pk=phu_loc.pk)
    assert (stored.path, stored.depth) == (phu_loc.path, 2)
    assert phu_loc.ancestor_ids == [tinh.pk, an_hoa.pk]
    assert [o.name for o in phu_loc.ancestors()] == ["Đảng bộ tỉnh Tây Ninh", "Đảng ủy xã An Hòa"]


def test_subtree_queries(tree: dict[str, Any]) -> None:
    an_hoa = tree["an_hoa"]
    assert names(an_hoa.subtree()) == {"Chi bộ thôn Phú Lộc", "Chi bộ Trường Tiểu học An Hòa", "Đảng ủy xã An Hòa"}
    assert names(an_hoa.descendants()) == {"Chi bộ thôn Phú Lộc", "Chi bộ Trường Tiểu học An Hòa"}
    assert Organization.objects.subtree_of(tree["tinh"]).count() == 6
    # "/1/" must not match "/10/…": ids are delimited on both sides
    assert tree["tan_lap"] not in an_hoa.subtree()
    assert tree["phu_loc"].is_within(an_hoa) and tree["phu_loc"].is_within(tree["tinh"])
    assert not tree["tan_lap"].is_within(an_hoa)


def test_prefix_ids_do_not_leak(db: None) -> None:
    """Ten roots: the subtree of /1/ must not include /10/ (ids share a prefix)."""
    roots = [create_organization(f"Đảng bộ {i}", "dang_bo_tinh") for i in range(11)]
    first = roots[0]
    child = create_organization("Con", "chi_bo_co_so", "khac", first)
    others = [r for r in roots if str(r.pk).startswith(str(first.pk)) and r.pk != first.pk]
    assert names(first.subtree()) == {first.name, child.name}
    for other in others:
        assert other not in first.subtree()


def test_move_rewrites_the_whole_subtree(tree: dict[str, Any]) -> None:
    phu_loc = tree["phu_loc"]
    to_dang = create_organization("Tổ đảng số 1", "chi_bo_truc_thuoc", "thon_to_dan_pho", phu_loc)
    move_organization(phu_loc, tree["binh_minh"])
    phu_loc.refresh_from_db()
    to_dang.refresh_from_db()
    assert phu_loc.path == f"{tree['binh_minh'].path}{phu_loc.pk}/"
    assert to_dang.path == f"{phu_loc.path}{to_dang.pk}/" and to_dang.depth == 3
    assert names(tree["an_hoa"].descendants()) == {"Chi bộ Trường Tiểu học An Hòa"}
    assert names(tree["binh_minh"].descendants()) == {"Chi bộ thôn Phú Lộc", "Chi bộ thôn Tân Lập", "Tổ đảng số 1"}
    # move a whole branch up one level
    move_organization(tree["binh_minh"], None)
    to_dang.refresh_from_db()
    assert to_dang.depth == 2 and to_dang.path.startswith(f"/{tree['binh_minh'].pk}/")


def test_cannot_move_below_itself(tree: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        move_organization(tree["an_hoa"], tree["phu_loc"])
    tree["an_hoa"].refresh_from_db()
    assert tree["an_hoa"].parent_id == tree["tinh"].pk


def test_name_unique_within_parent(tree: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        create_organization("Chi bộ thôn Phú Lộc", "chi_bo_truc_thuoc", "thon_to_dan_pho", tree["an_hoa"])
    create_organization("Chi bộ thôn Phú Lộc", "chi_bo_truc_thuoc", "thon_to_dan_pho", tree["binh_minh"])
