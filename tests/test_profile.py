"""Profiles: contract.md §1 fields, derived facts (rules.md §0.3), clear rejection messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from quyche.profile import ProfileError, load_profile, profile_from_dict

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def base(**kw: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "schema": "quyche/profile/v1", "name": "Chi bộ thôn Phú Lộc", "kind": "chi_bo_truc_thuoc",
        "type": "thon_to_dan_pho", "superior": "Đảng bộ xã An Hòa", "place": "An Hòa",
        "term": {"from": 2025, "to": 2030}, "members": 12,
        "committee": [{"name": "Lê Văn Bình", "role": "bi_thu"}, {"name": "Mai Thị Cúc", "role": "pho_bi_thu"}],
    }
    data.update(kw)
    return data


def committee(n: int, btv: int = 0) -> list[dict[str, str]]:
    roles = ["bi_thu", "pho_bi_thu"] + ["uy_vien_btv"] * btv
    roles += ["uy_vien"] * (n - len(roles))
    return [{"name": f"Đồng chí {i}", "role": r} for i, r in enumerate(roles[:n])]


def test_derived_facts_of_a_chi_bo() -> None:
    p = profile_from_dict(base())
    assert p.is_chi_bo and not p.is_dang_uy
    assert p.has_chi_uy and p.chiuy_size == 2 and not p.has_btv
    assert p.org_abbr == "CB" and p.deputy_count == 1 and p.secretary and p.secretary.name == "Lê Văn Bình"
    small = profile_from_dict(base(members=8))
    assert not small.has_chi_uy and small.chiuy_size == 0


@pytest.mark.parametrize(("size", "btv", "expected"), [(7, 0, False), (9, 0, True), (5, 1, True)])
def test_ban_thuong_vu_threshold(size: int, btv: int, expected: bool) -> None:
    p = profile_from_dict(base(kind="dang_uy_co_so", type="truong_hoc", members=80, committee=committee(size, btv)))
    assert p.has_btv is expected and p.org_abbr == "ĐU"


def test_sector_and_commune_committee() -> None:
    school = profile_from_dict(base(kind="dang_uy_co_so", type="truong_hoc", members=40, committee=committee(7)))
    assert school.sector == "don_vi_su_nghiep"
    xa = profile_from_dict(base(kind="dang_uy_cap_tren_co_so", type="xa", members=400, committee=committee(15, 7)))
    assert xa.is_dang_uy_xa


@pytest.mark.parametrize(("change", "field", "rule"), [
    ({"members": 2}, "members", "ORG-PROFILE-COUNTS"),
    ({"committee": [{"name": "A", "role": "bi_thu"}, {"name": "B", "role": "pho_bi_thu"},
                    {"name": "C", "role": "pho_bi_thu"}]}, "committee", "ORG-PBT-MAX"),
    ({"members": 40, "committee": committee(8)}, "committee", "ORG-CHIUY-MAX"),
])
def test_impossible_organisation_is_rejected_naming_field_and_rule(change: dict[str, Any], field: str,
                                                                  rule: str) -> None:
    with pytest.raises(ProfileError) as exc:
        profile_from_dict(base(**change))
    assert f"“{field}”" in exc.value.message and rule in exc.value.message


@pytest.mark.parametrize(("change", "field"), [
    ({"kind": "chi_bo"}, "kind"), ({"type": "huyen"}, "type"), ({"name": ""}, "name"),
    ({"term": {"from": 2030, "to": 2025}}, "term"), ({"term": "2025-2030"}, "term"),
    ({"members": "mười"}, "members"), ({"committee": [{"name": "A", "role": "chu_tich"}]}, "committee[1].role"),
    ({"schema": "other/v2"}, "schema"),
])
def test_wrong_field_is_named(change: dict[str, Any], field: str) -> None:
    with pytest.raises(ProfileError) as exc:
        profile_from_dict(base(**change))
    assert f"“{field}”" in exc.value.message


def test_bad_yaml_and_encoding(tmp_path: Path) -> None:
    bad = tmp_path / "a.profile.yaml"
    bad.write_text("name: [unclosed\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="YAML"):
        load_profile(bad)
    bad.write_bytes("name: Chi bộ".encode("utf-16"))
    with pytest.raises(ProfileError):
        load_profile(bad)


def test_text_is_nfc_and_extra_fields_are_kept() -> None:
    decomposed = "Chi bộ thôn Phú Lộc".encode().decode()  # already NFC; build an NFD one:
    import unicodedata

    p = profile_from_dict(base(name=unicodedata.normalize("NFD", decomposed), has_to_dang=True,
                               rule_overrides={"FMT-PAGE-MARGINS": "info"}))
    assert unicodedata.is_normalized("NFC", p.name)
    assert p.extra["has_to_dang"] is True and p.rule_overrides == {"FMT-PAGE-MARGINS": "info"}


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus not present")
def test_every_corpus_profile_loads() -> None:
    profiles = sorted(CORPUS.glob("*.profile.yaml"))
    assert profiles
    for path in profiles:
        load_profile(path)


def test_example_profiles_load() -> None:
    for path in EXAMPLES.glob("*.profile.yaml"):
        load_profile(path)


def test_template_kind_and_superior_committee() -> None:
    xa = profile_from_dict(base(kind="dang_uy_cap_tren_co_so", type="xa", superior="Đảng bộ tỉnh Nghệ An",
                                members=400, committee=committee(15, 7)))
    assert xa.template_kind == "302"
    assert xa.superior_committees[:2] == ("Tỉnh ủy Nghệ An", "Đảng ủy tỉnh Nghệ An")
    assert "Ban Thường vụ Tỉnh ủy Nghệ An" in xa.superior_committees
    ubnd = profile_from_dict(base(kind="chi_bo_co_so", type="ubnd_xa"))
    assert ubnd.template_kind == "363"
    assert ubnd.superior_committee == "Đảng ủy xã An Hòa"
    assert "Ban Thường vụ Đảng ủy xã An Hòa" in ubnd.superior_committees
    dn = profile_from_dict(base(kind="dang_uy_cap_tren_co_so", type="doanh_nghiep_nha_nuoc", members=300,
                                committee=committee(11, 3)))
    assert dn.is_dn_cap_tren and dn.template_kind == "147"
    assert profile_from_dict(base()).template_kind == "7619-chibo"
    school = profile_from_dict(base(kind="dang_uy_co_so", type="truong_hoc", members=40, committee=committee(7)))
    assert school.template_kind == "7619-mau1"
    city = profile_from_dict(base(superior="Đảng bộ thành phố Đà Nẵng"))
    assert city.superior_committee == "Thành ủy Đà Nẵng"
