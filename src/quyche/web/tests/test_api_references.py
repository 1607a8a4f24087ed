"""REST API: the catalogue (search, detail with chain, history, edits through save_reference) and impact."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from quyche.web.accounts.models import Role, User
from quyche.web.references.models import Reference, ReferenceChange
from quyche.web.references.services import fields_of, load_packaged_references, save_reference
from quyche.web.regulations.services import create_regulation, issue_version, upload_version
from quyche.web.reviews.models import ReviewTask
from quyche.web.tests.apiclient import Api, token_for

CITES_77 = ("Quan hệ công tác", ["Thực hiện theo Quy định số 77-QĐ/TU ngày 05/01/2025 của Ban Thường vụ Tỉnh ủy."])
NEUTRAL = ("Quan hệ công tác", ["Phối hợp chặt chẽ với Mặt trận Tổ quốc và các đoàn thể."])


def record(key: str, number: str, day: str, **more: Any) -> dict[str, Any]:
    return {"key": key, "number_symbol": number, "doc_type": "Quy định", "date": day, "issuer": "Tỉnh ủy Tây Ninh",
            "title_short": "Quy định của Tỉnh ủy", "kind": "other", "applies_to": ["all"], "confidence": "H",
            "status": "in_force", **more}


@pytest.fixture
def world(tree: dict[str, Any], users: dict[str, Any], docx: Callable[..., bytes], upload: Any) -> dict[str, Any]:
    """An Hòa (issued) and Tân Lập (draft) cite 77-QĐ/TU in Điều 6; Bình Minh does not."""
    load_packaged_references()
    admin = users["admin"]
    save_reference(Reference(**fields_of(record("QD-77-TU-2025", "77-QĐ/TU", "2025-01-05"))), admin,
                   source="Công văn 15-CV/TU")
    a = create_regulation(tree["an_hoa"], 2025, 2030)
    a_v = issue_version(upload_version(a, upload(docx(extra_articles=[CITES_77])), admin), admin)
    d = create_regulation(tree["tan_lap"], 2025, 2030)
    d_v = upload_version(d, upload(docx(extra_articles=[NEUTRAL, CITES_77])), admin)
    b = create_regulation(tree["binh_minh"], 2025, 2030)
    upload_version(b, upload(docx(extra_articles=[NEUTRAL])), admin)
    board = User.objects.create_user("bankiemtra", role=Role.INSPECTOR, organization=tree["tinh"])
    return {"a": a, "a_v": a_v, "d": d, "d_v": d_v, "board": Api(token_for(board)),
            "admin": Api(token_for(admin)), "inspector": Api(token_for(users["inspector"])),
            "staff": Api(token_for(users["staff"]))}


def test_impact_lists_the_articles_after_a_supersession(world: dict[str, Any], tree: dict[str, Any]) -> None:
    board = world["board"]
    made = board.post("/references", {"record": record("QD-120-TU-2026", "120-QĐ/TU", "2026-02-01"),
                                      "source": "Quy định 120-QĐ/TU"})
    assert made.status_code == 201, made.content
    assert made.json()["change"]["action"] == "add" and made.json()["tasks_opened"] == []
    before = board.get("/references/QD-77-TU-2025/impact").json()
    assert {o["name"] for o in before["organizations"]} == {"Đảng ủy xã An Hòa", "Chi bộ thôn Tân Lập"}
    response = board.post("/references/QD-77-TU-2025/supersede", {
        "by": "QD-120-TU-2026", "on": "2026-02-01", "link_confidence": "H",
        "source": "Quy định 120-QĐ/TU thay thế 77-QĐ/TU"})
    assert response.status_code == 200, response.content
    out = response.json()
    assert out["reference"]["superseded_by"] == "QD-120-TU-2026" and out["reference"]["status"] == "superseded"
    assert out["change"]["fields"] and "superseded_by" in out["change"]["fields"]
    assert len(out["tasks_opened"]) == 2  # one per citing organisation (the board sees the whole province)
    impact = board.get("/references/QD-77-TU-2025/impact").json()
    assert impact["count"] == 2 and impact["reference"]["key"] == "QD-77-TU-2025"
    by_org = {i["organization"]["name"]: i for i in impact["items"]}
    an_hoa = by_org["Đảng ủy xã An Hòa"]
    assert an_hoa["version"] == {"id": world["a_v"].pk, "number": 1, "issued": True}
    assert an_hoa["regulation"]["id"] == world["a"].pk and an_hoa["regulation"]["status"] == "needs_review"
    assert [a["label"] for a in an_hoa["articles"]] == ["Điều 6"]
    assert an_hoa["articles"][0]["title"] == "Quan hệ công tác"
    assert "77-QĐ/TU" in an_hoa["articles"][0]["citations"][0]
    assert [a["label"] for a in by_org["Chi bộ thôn Tân Lập"]["articles"]] == ["Điều 7"]
    # the same impact, scoped: the commune inspector sees An Hòa only; the staff of Phú Lộc nothing
    assert [o["name"] for o in world["inspector"].get("/references/QD-77-TU-2025/impact").json()["organizations"]] \
        == ["Đảng ủy xã An Hòa"]
    nothing = world["staff"].get("/references/QD-77-TU-2025/impact").json()
    assert nothing["count"] == 0 and nothing["items"] == [] and nothing["organizations"] == []
    # the review tasks carry the articles too
    tasks = world["inspector"].get("/tasks", reason="reference_superseded").json()
    assert tasks["count"] == 1 and tasks["items"][0]["reference"] == "QD-77-TU-2025"
    assert [a["label"] for a in tasks["items"][0]["details"]["articles"]] == ["Điều 6"]
    # the chain, from either end
    chain = board.get("/references/QD-120-TU-2026").json()
    assert [c["key"] for c in chain["chain"]] == ["QD-77-TU-2025", "QD-120-TU-2026"]
    assert chain["predecessors"] == ["QD-77-TU-2025"] and chain["chain"][1]["this"]
    old = board.get("/references/QD-77-TU-2025").json()
    assert [c["key"] for c in old["chain"]] == ["QD-77-TU-2025", "QD-120-TU-2026"] and old["chain"][0]["this"]
    assert old["record"]["superseded_on"] == "2026-02-01" and old["changes"] == 2
    history = board.get("/references/QD-77-TU-2025/history").json()
    assert [h["action"] for h in history["items"]] == ["change", "add"]
    assert history["items"][0]["user"] == "bankiemtra" and history["items"][0]["source"].startswith("Quy định 120")


def test_read_by_key_or_id_and_search(world: dict[str, Any]) -> None:
    staff = world["staff"]
    ref = Reference.objects.get(key="QD-24-TW-2021")
    by_key = staff.get("/references/QD-24-TW-2021")
    assert by_key.status_code == 200 and by_key.json()["number_symbol"] == "24-QĐ/TW"
    assert staff.get(f"/references/{ref.pk}").json()["key"] == "QD-24-TW-2021"
    assert staff.get("/references/KHONG-CO").status_code == 404
    found = staff.get("/references", q="77-QĐ/TU").json()
    assert [r["key"] for r in found["items"]] == ["QD-77-TU-2025"]
    assert staff.get("/references", kind="dieu_le").json()["count"] >= 1
    assert staff.get("/references", limit=5).json()["count"] == Reference.objects.count()


def test_edits_are_for_administrators_and_the_board(world: dict[str, Any]) -> None:
    edit = {"record": {"note": "Đã đối chiếu bản gốc"}, "source": "Bản gốc tại Văn phòng"}
    for who in ("staff", "inspector"):
        assert world[who].patch("/references/QD-77-TU-2025", edit).status_code == 403
        assert world[who].post("/references", {"record": record("QD-1-TU-2026", "1-QĐ/TU", "2026-01-01"),
                                               "source": "x"}).status_code == 403
    changed = world["board"].patch("/references/QD-77-TU-2025", edit)
    assert changed.status_code == 200 and changed.json()["reference"]["record"]["note"] == "Đã đối chiếu bản gốc"
    assert changed.json()["change"]["fields"] == ["note"]
    unchanged = world["admin"].patch("/references/QD-77-TU-2025", edit)
    assert unchanged.status_code == 200 and unchanged.json()["change"] is None
    assert ReferenceChange.objects.filter(reference_key="QD-77-TU-2025").count() == 2


def test_catalogue_validation(world: dict[str, Any]) -> None:
    admin = world["admin"]
    no_source = admin.patch("/references/QD-77-TU-2025", {"record": {"note": "x"}, "source": ""})
    assert no_source.status_code == 422
    key_change = admin.patch("/references/QD-77-TU-2025", {"record": {"key": "QD-78-TU-2025"}, "source": "x"})
    assert key_change.status_code == 422 and "không được đổi khóa" in key_change.json()["detail"]
    dangling = admin.patch("/references/QD-77-TU-2025", {"record": {"superseded_by": "KHONG-CO"}, "source": "x"})
    assert dangling.status_code == 422 and "KHONG-CO" in dangling.json()["detail"]
    bad_kind = admin.post("/references", {"record": record("QD-2-TU-2026", "2-QĐ/TU", "2026-01-01", kind="khac"),
                                          "source": "x"})
    assert bad_kind.status_code == 422 and "khac" in bad_kind.json()["detail"]
    duplicate = admin.post("/references", {"record": record("QD-77-TU-2025", "77-QĐ/TU", "2025-01-05"),
                                           "source": "x"})
    assert duplicate.status_code == 409
    missing = admin.post("/references", {"record": {"key": "X"}, "source": "x"})
    assert missing.status_code == 422 and "record" in missing.json()["detail"]
    assert admin.post("/references/QD-77-TU-2025/supersede", {"by": "KHONG-CO", "source": "x"}).status_code == 422
    assert not ReviewTask.objects.exists()
    assert Reference.objects.get(key="QD-77-TU-2025").date == date(2025, 1, 5)
