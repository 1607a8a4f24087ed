"""Superseding a reference opens review tasks for exactly the organisations whose current version cites it."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from quyche.references import CatalogueError
from quyche.web.references.models import Reference, ReferenceChange
from quyche.web.references.services import fields_of, load_packaged_references, save_reference
from quyche.web.regulations.models import RegulationStatus
from quyche.web.regulations.services import create_regulation, issue_version, upload_version
from quyche.web.reviews.models import Reason, ReviewTask, TaskStatus
from quyche.web.reviews.services import impact

CITES_77 = ("Quan hệ công tác", ["Thực hiện theo Quy định số 77-QĐ/TU ngày 05/01/2025 của Ban Thường vụ Tỉnh ủy."])
CITES_78 = ("Quan hệ công tác", ["Thực hiện theo Quy định số 78-QĐ/TU ngày 05/01/2025 của Ban Thường vụ Tỉnh ủy."])
NEUTRAL = ("Quan hệ công tác", ["Phối hợp chặt chẽ với Mặt trận Tổ quốc và các đoàn thể."])


def board_reference(key: str, number: str, day: date, **more: Any) -> Reference:
    return Reference(**fields_of({
        "key": key, "number_symbol": number, "doc_type": "Quy định", "date": day, "issuer": "Tỉnh ủy Tây Ninh",
        "title_short": "Quy định của Tỉnh ủy", "kind": "other", "applies_to": ["all"], "confidence": "H",
        "status": "in_force", **more,
    }))


@pytest.fixture
def world(tree: dict[str, Any], users: dict[str, Any], docx: Any, upload: Any) -> dict[str, Any]:
    """Five organisations, each citing (or not) 77-QĐ/TU in its current or an older version."""
    staff, boss = users["staff"], users["inspector"]
    load_packaged_references()
    # D uploads before the board enters 77-QĐ/TU: its citation is kept by number-symbol only
    d = create_regulation(tree["tan_lap"], 2025, 2030)
    upload_version(d, upload(docx(extra_articles=[NEUTRAL, CITES_77])), staff)
    save_reference(board_reference("QD-77-TU-2025", "77-QĐ/TU", date(2025, 1, 5)), boss, source="Công văn 15-CV/TU")
    # A: issued current version cites it in Điều 6
    a = create_regulation(tree["an_hoa"], 2025, 2030)
    a_v1 = issue_version(upload_version(a, upload(docx(extra_articles=[CITES_77])), staff), boss)
    # B: the superseded 2020-2025 regulation cites it, the current one does not
    b_old = create_regulation(tree["binh_minh"], 2020, 2025)
    issue_version(upload_version(b_old, upload(docx(extra_articles=[CITES_77])), staff), boss)
    b = create_regulation(tree["binh_minh"], 2025, 2030)
    issue_version(upload_version(b, upload(docx(extra_articles=[NEUTRAL])), staff), boss)
    # C: a first draft cited it, the latest draft (current) does not
    c = create_regulation(tree["phu_loc"], 2025, 2030)
    upload_version(c, upload(docx(extra_articles=[CITES_77])), staff)
    upload_version(c, upload(docx(extra_articles=[NEUTRAL])), staff)
    # E: cites another provincial regulation
    e = create_regulation(tree["truong"], 2025, 2030)
    upload_version(e, upload(docx(extra_articles=[CITES_78])), staff)
    return {"a": a, "a_v1": a_v1, "b": b, "c": c, "d": d, "e": e, "tree": tree}


def supersede(boss: Any, **link: Any) -> Reference:
    save_reference(board_reference("QD-120-TU-2026", "120-QĐ/TU", date(2026, 2, 1)), boss, source="120-QĐ/TU")
    old = Reference.objects.get(key="QD-77-TU-2025")
    old.superseded_by_id = "QD-120-TU-2026"
    old.superseded_on = date(2026, 2, 1)
    old.status = "superseded"
    for name, value in link.items():
        setattr(old, name, value)
    save_reference(old, boss, source="Quy định 120-QĐ/TU thay thế 77-QĐ/TU")
    return old


def test_impact_lists_current_versions_and_articles(world: dict[str, Any]) -> None:
    ref = Reference.objects.get(key="QD-77-TU-2025")
    result = impact(ref)
    tree = world["tree"]
    assert {o.name for o in result.organizations} == {tree["an_hoa"].name, tree["tan_lap"].name}
    item = next(i for i in result.items if i.organization == tree["an_hoa"])
    assert item.version == world["a_v1"] and item.regulation == world["a"]
    assert item.labels == ["Điều 6"]
    assert item.articles[0]["title"] == "Quan hệ công tác"
    d_item = next(i for i in result.items if i.organization == tree["tan_lap"])
    assert d_item.labels == ["Điều 7"]


def test_superseding_opens_one_task_per_citing_organisation(world: dict[str, Any], users: dict[str, Any]) -> None:
    assert not ReviewTask.objects.exists()
    supersede(users["inspector"], link_confidence="H")
    tasks = list(ReviewTask.objects.order_by("organization__path"))
    tree = world["tree"]
    assert {t.organization for t in tasks} == {tree["an_hoa"], tree["tan_lap"]}
    for t in tasks:
        assert t.reason == Reason.REFERENCE_SUPERSEDED and t.status == TaskStatus.OPEN
        assert t.reference_id == "QD-77-TU-2025"
        assert t.details["successor"]["number_symbol"] == "120-QĐ/TU"
        assert t.details["superseded_on"] == "2026-02-01" and not t.details["needs_confirmation"]
    a_task = next(t for t in tasks if t.organization == tree["an_hoa"])
    assert a_task.version == world["a_v1"] and a_task.regulation == world["a"]
    assert [a["label"] for a in a_task.details["articles"]] == ["Điều 6"]
    assert "77-QĐ/TU" in a_task.summary and "120-QĐ/TU" in a_task.summary and "Điều 6" in a_task.summary
    world["a"].refresh_from_db()
    assert world["a"].status == RegulationStatus.NEEDS_REVIEW
    # the history keeps who, when, the old and new values, and the source
    change = ReferenceChange.objects.filter(reference_key="QD-77-TU-2025", action="change").get()
    assert change.old["superseded_by"] is None and change.new["superseded_by"] == "QD-120-TU-2026"
    assert change.user == users["inspector"] and change.source.startswith("Quy định 120")
    assert a_task.details["change"] == change.pk


def test_low_confidence_link_is_marked_then_confirmed_without_duplicates(world: dict[str, Any],
                                                                         users: dict[str, Any]) -> None:
    old = supersede(users["inspector"], link_confidence="L")
    tasks = list(ReviewTask.objects.all())
    assert len(tasks) == 2 and all(t.details["needs_confirmation"] for t in tasks)
    assert all("chưa được xác nhận" in t.summary for t in tasks)
    old.link_confidence = "H"
    save_reference(old, users["inspector"], source="Đã đối chiếu văn bản gốc")
    assert ReviewTask.objects.count() == 2  # the confirmation joins the open tasks
    assert all(t.details["later_events"][0]["event"] == "confirmed" for t in ReviewTask.objects.all())


def test_no_event_no_task(world: dict[str, Any], users: dict[str, Any]) -> None:
    ref = Reference.objects.get(key="QD-77-TU-2025")
    ref.note = "ghi chú mới"
    save_reference(ref, users["inspector"], source="ghi chú")
    assert not ReviewTask.objects.exists()


def test_broken_link_is_refused_and_nothing_changes(world: dict[str, Any], users: dict[str, Any]) -> None:
    ref = Reference.objects.get(key="QD-77-TU-2025")
    ref.superseded_by_id = "QD-77-TU-2025"  # itself
    ref.superseded_on = date(2026, 1, 1)
    with pytest.raises(CatalogueError, match="superseded_by"):
        save_reference(ref, users["inspector"], source="nhầm")
    assert Reference.objects.get(key="QD-77-TU-2025").superseded_by_id is None
    assert not ReviewTask.objects.exists()


def test_issuing_a_new_version_closes_the_task(world: dict[str, Any], users: dict[str, Any], docx: Any,
                                               upload: Any) -> None:
    supersede(users["inspector"], link_confidence="H")
    task = ReviewTask.objects.get(organization=world["tree"]["an_hoa"])
    v2 = upload_version(world["a"], upload(docx(extra_articles=[NEUTRAL])), users["staff"])
    task.refresh_from_db()
    assert task.status == TaskStatus.OPEN  # a draft does not close it
    issue_version(v2, users["inspector"])
    task.refresh_from_db()
    world["a"].refresh_from_db()
    assert task.status == TaskStatus.CLOSED and task.closed_by_version == v2 and task.closed_at is not None
    assert world["a"].status == RegulationStatus.ISSUED
    # the new version no longer cites the old document: a later event does not reopen anything for A
    assert world["tree"]["an_hoa"] not in impact(Reference.objects.get(key="QD-77-TU-2025")).organizations
    other = ReviewTask.objects.get(organization=world["tree"]["tan_lap"])
    assert other.status == TaskStatus.OPEN
