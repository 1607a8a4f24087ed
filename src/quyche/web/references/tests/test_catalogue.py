"""The catalogue in the database: import, round trip to quyche, board edits with history, revert."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from django.core.management import call_command

from quyche.references import CatalogueError, packaged_catalogue
from quyche.web.references.models import BOARD_ORIGIN, PACKAGED_ORIGIN, Reference, ReferenceChange
from quyche.web.references.services import (
    ReferenceEditError,
    as_catalogue,
    delete_reference,
    fields_of,
    link_event,
    load_packaged_references,
    revert_change,
    save_reference,
)


def strip(refs: Any) -> dict[str, Any]:
    return {r.key: replace(r, origin="") for r in refs}


def test_empty_table_means_packaged_catalogue(db: None) -> None:
    assert as_catalogue() is packaged_catalogue()


def test_import_round_trips_to_the_packaged_catalogue(db: None) -> None:
    result = load_packaged_references()
    packaged = packaged_catalogue()
    assert len(result.created) == len(packaged) and result.version == packaged.version
    cat = as_catalogue()
    assert strip(cat) == strip(packaged)  # every field of every record, links included
    assert cat.version == packaged.version
    assert cat.basis_sets == packaged.basis_sets
    assert ReferenceChange.objects.filter(action="load").count() == len(packaged)
    assert set(Reference.objects.values_list("origin", flat=True)) == {PACKAGED_ORIGIN}
    again = load_packaged_references()
    assert again.created == () and again.unchanged == len(packaged)


def test_management_command(db: None, capsys: pytest.CaptureFixture[str]) -> None:
    call_command("load_references")
    assert "thêm 50" in capsys.readouterr().out or Reference.objects.count() == len(packaged_catalogue())


def test_board_edit_changes_version_and_is_kept(db: None, users: dict[str, Any]) -> None:
    load_packaged_references()
    ref = Reference.objects.get(key="QD-294-TW-2025")
    ref.link_confidence = "M"
    change = save_reference(ref, users["inspector"], source="https://example.vn/xac-nhan", note="đã đối chiếu")
    assert change is not None and change.fields == ["link_confidence"]
    assert change.old == {"link_confidence": "L"} and change.new == {"link_confidence": "M"}
    assert change.user == users["inspector"] and change.source == "https://example.vn/xac-nhan"
    cat = as_catalogue()
    assert cat.version.startswith(packaged_catalogue().version + "+db.")
    assert cat["QD-294-TW-2025"].link_confidence == "M"
    # nothing changed → nothing recorded
    assert save_reference(ref, users["inspector"], source="lặp lại") is None
    # the board edit survives a package update, which only touches rows still from the package
    assert load_packaged_references(update=True).updated == ()
    assert Reference.objects.get(key="QD-294-TW-2025").link_confidence == "M"


def test_every_change_needs_a_source(db: None, users: dict[str, Any]) -> None:
    load_packaged_references()
    ref = Reference.objects.get(key="QD-294-TW-2025")
    ref.note = "x"
    with pytest.raises(ReferenceEditError, match="nguồn"):
        save_reference(ref, users["admin"], source="  ")


def test_board_adds_its_own_document_and_can_revert(db: None, users: dict[str, Any]) -> None:
    load_packaged_references()
    new = Reference(**fields_of({
        "key": "QD-05-TU-2025", "number_symbol": "05-QĐ/TU", "date": "2025-08-01", "issuer": "Tỉnh ủy Tây Ninh",
        "title_short": "Quy định về chế độ báo cáo", "kind": "other", "applies_to": ["all"], "confidence": "M",
        "status": "in_force", "scope": ["Tây Ninh"],
    }))
    add = save_reference(new, users["admin"], source="05-QĐ/TU")
    assert add is not None and add.action == "add"
    assert Reference.objects.get(key="QD-05-TU-2025").origin == BOARD_ORIGIN
    assert as_catalogue()["QD-05-TU-2025"].scope == ("Tây Ninh",)
    # change, then undo the change
    new.title_short = "Quy định về chế độ thông tin, báo cáo"
    change = save_reference(new, users["admin"], source="bản chính thức")
    assert change is not None
    back = revert_change(change, users["admin"])
    assert back is not None and back.action == "revert" and back.reverts == change
    assert Reference.objects.get(key="QD-05-TU-2025").title_short == "Quy định về chế độ báo cáo"
    # undo the addition: the entry goes; undo the deletion: it comes back
    gone = revert_change(add, users["admin"])
    assert gone is not None
    assert not Reference.objects.filter(key="QD-05-TU-2025").exists()
    revert_change(gone, users["admin"])
    assert Reference.objects.get(key="QD-05-TU-2025").scope == ["Tây Ninh"]


def test_invalid_edits_are_refused_whole(db: None, users: dict[str, Any]) -> None:
    load_packaged_references()
    ref = Reference.objects.get(key="QD-24-TW-2021")
    ref.superseded_on = date(2000, 1, 1)  # before its own signing date
    with pytest.raises(CatalogueError, match="superseded_on"):
        save_reference(ref, users["admin"], source="nhầm")
    ref.refresh_from_db()
    assert ref.superseded_on == date(2025, 1, 20)
    with pytest.raises(ReferenceEditError):  # another entry is superseded by it
        delete_reference(Reference.objects.get(key="QD-232-TW-2025"), users["admin"], source="x")
    assert not ReferenceChange.objects.exclude(action="load").exists()
    with pytest.raises(CatalogueError):  # the căn cứ sets need it
        delete_reference(Reference.objects.get(key="DIEU-LE-2011"), users["admin"], source="x")


def test_changes_are_append_only(db: None, users: dict[str, Any]) -> None:
    from quyche.web.immutable import ImmutableError

    load_packaged_references()
    change = ReferenceChange.objects.first()
    assert change is not None
    change.source = "sửa lịch sử"
    with pytest.raises(ImmutableError):
        change.save()
    with pytest.raises(ImmutableError):
        ReferenceChange.objects.all().delete()


def test_link_event() -> None:
    assert link_event(None, {"superseded_by": "B"}) == "added"
    assert link_event({"superseded_by": "A"}, {"superseded_by": "B"}) == "added"
    assert link_event({"superseded_by": "B", "link_confidence": "L"},
                      {"superseded_by": "B", "link_confidence": "H"}) == "confirmed"
    assert link_event({"superseded_by": "B", "link_status": "UNCONFIRMED"},
                      {"superseded_by": "B", "link_status": "confirmed"}) == "confirmed"
    assert link_event({"superseded_by": "B", "link_confidence": "H"},
                      {"superseded_by": "B", "link_confidence": "M"}) is None
    assert link_event({"superseded_by": "B"}, {}) is None


def test_package_update_touches_only_rows_from_the_package(db: None, users: dict[str, Any],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import copy

    from quyche.web.references import services

    load_packaged_references()
    edited = Reference.objects.get(key="QD-24-TW-2021")
    edited.note = "ghi chú của cơ quan giám sát"
    save_reference(edited, users["admin"], source="x")
    newer = copy.deepcopy(services._packaged_data())
    for rec in newer["references"]:
        if rec["key"] in ("QD-29-TW-2016", "QD-24-TW-2021"):
            rec["title_short"] = "Tên mới trong bản đóng gói"
    monkeypatch.setattr(services, "_packaged_data", lambda: newer)
    assert load_packaged_references().updated == ()  # without update=True nothing is overwritten
    result = load_packaged_references(update=True)
    assert result.updated == ("QD-29-TW-2016",)
    change = ReferenceChange.objects.filter(reference_key="QD-29-TW-2016", action="load").first()  # newest
    assert change is not None and change.fields == ["title_short"]
    assert change.new == {"title_short": "Tên mới trong bản đóng gói"}
    assert Reference.objects.get(key="QD-24-TW-2021").title_short != "Tên mới trong bản đóng gói"
