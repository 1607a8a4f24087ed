"""The access policy as a table: users × objects × actions → the HTTP status the API must answer.

Tree::

    A (tỉnh) ── A1 (xã) ── A1a, A1b (chi bộ)        B (tỉnh) ── B1 (xã) ── B1a (chi bộ)
            └── A2 (xã) ── A2a (chi bộ)

Every object kind has one instance in each chi bộ (the *location*): A1a is staff_A1a's own organisation,
A1b its sibling, A2a another commune of province A, B1a the other province. The expected status is computed
from two small tables written here independently of :mod:`quyche.web.permissions`:

- ``SEES``: the locations each user may see (anything else is 404, so existence does not leak; lists
  answer 200 and must contain the location's object exactly when it is visible);
- ``MAY``: the writes each user may make on what it sees (anything else is 403).

Anonymous requests are 401 everywhere. The world is built once per module (committed, flushed at the end);
each cell runs in its own transaction, rolled back.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

from quyche.web.tests.apiclient import Api

LOCATIONS = ("A1a", "A1b", "A2a", "B1a")
USERS = ("admin", "insp_A", "insp_A1", "staff_A1a", "staff_B1a", "anon")

SEES: dict[str, set[str]] = {
    "admin": {"A1a", "A1b", "A2a", "B1a"},
    "insp_A": {"A1a", "A1b", "A2a"},
    "insp_A1": {"A1a", "A1b"},
    "staff_A1a": {"A1a"},
    "staff_B1a": {"B1a"},
    "anon": set(),
}

_SUPERVISING = {
    ("organization", "create"), ("organization", "move"),
    ("profile", "create"), ("regulation", "create"),
    ("version", "create"), ("version", "issue"), ("version", "delete"),
    ("waiver", "create"), ("waiver", "revoke"),
    ("task", "close"),
    ("meeting", "create"),
}
_STAFF = {("profile", "create"), ("regulation", "create"), ("version", "create"), ("meeting", "create")}
_CATALOGUE = {("reference", "create"), ("reference", "update"), ("reference", "supersede")}

MAY: dict[str, set[tuple[str, str]]] = {
    "admin": _SUPERVISING | _CATALOGUE,
    "insp_A": _SUPERVISING | _CATALOGUE,  # inspector of a root organisation: the board
    "insp_A1": set(_SUPERVISING),  # inspector of a commune: no catalogue edits
    "staff_A1a": set(_STAFF),
    "staff_B1a": set(_STAFF),
    "anon": set(),
}

READS = {"read", "children", "findings", "download", "compliance", "impact"}


@dataclass(frozen=True)
class Action:
    kind: str
    name: str
    success: int
    send: Callable[[Api, dict[str, Any], str], Any]
    listing: Callable[[dict[str, Any], str], tuple[str, int]] | None = None  # (collection key, the object's id)
    located: bool = True


def _q(w: dict[str, Any], loc: str, what: str) -> Any:
    return w[what][loc]


def _profile(org_name: str) -> dict[str, Any]:
    from quyche.web.conftest import chi_bo_profile

    return chi_bo_profile(name=org_name, members=8)


ACTIONS: list[Action] = [
    # organisations
    Action("organization", "list", 200, lambda a, w, loc: a.get("/organizations", limit=500),
           listing=lambda w, loc: ("items", w["org"][loc].pk)),
    Action("organization", "read", 200, lambda a, w, loc: a.get(f"/organizations/{w['org'][loc].pk}")),
    Action("organization", "children", 200, lambda a, w, loc: a.get(f"/organizations/{w['org'][loc].pk}/children")),
    Action("organization", "create", 201, lambda a, w, loc: a.post("/organizations", {
        "name": f"Tổ đảng mới {loc}", "kind": "chi_bo_truc_thuoc", "parent": w["org"][loc].pk})),
    Action("organization", "move", 200, lambda a, w, loc: a.post(f"/organizations/{w['org'][loc].pk}/move", {
        "parent": w["org"][loc].parent_id})),
    # profile versions
    Action("profile", "list", 200, lambda a, w, loc: a.get(f"/organizations/{w['org'][loc].pk}/profiles")),
    Action("profile", "read", 200, lambda a, w, loc: a.get(f"/organizations/{w['org'][loc].pk}/profile")),
    Action("profile", "create", 201, lambda a, w, loc: a.post(f"/organizations/{w['org'][loc].pk}/profiles", {
        "data": _profile(w["org"][loc].name), "note": "bổ sung đảng viên"})),
    # regulations
    Action("regulation", "list", 200, lambda a, w, loc: a.get("/regulations", limit=500),
           listing=lambda w, loc: ("items", w["reg"][loc].pk)),
    Action("regulation", "read", 200, lambda a, w, loc: a.get(f"/regulations/{w['reg'][loc].pk}")),
    Action("regulation", "create", 201, lambda a, w, loc: a.post("/regulations", {
        "organization": w["org"][loc].pk, "term_start": 2030, "term_end": 2035})),
    # regulation versions
    Action("version", "list", 200, lambda a, w, loc: a.get("/versions", limit=500),
           listing=lambda w, loc: ("items", w["v1"][loc].pk)),
    Action("version", "read", 200, lambda a, w, loc: a.get(f"/versions/{w['v1'][loc].pk}")),
    Action("version", "findings", 200, lambda a, w, loc: a.get(f"/versions/{w['v1'][loc].pk}/findings",
                                                                 on="2026-01-01")),
    Action("version", "download", 200, lambda a, w, loc: a.get(f"/versions/{w['v1'][loc].pk}/original")),
    Action("version", "create", 201, lambda a, w, loc: a.upload(f"/regulations/{w['reg'][loc].pk}/versions",
                                                                 w["docx"], as_of="2025-11-20")),
    Action("version", "issue", 200, lambda a, w, loc: a.post(f"/versions/{w['v1'][loc].pk}/issue")),
    Action("version", "delete", 204, lambda a, w, loc: a.delete(f"/versions/{w['v2'][loc].pk}")),
    # waivers
    Action("waiver", "list", 200, lambda a, w, loc: a.get("/waivers", limit=500),
           listing=lambda w, loc: ("items", w["waiver"][loc].pk)),
    Action("waiver", "read", 200, lambda a, w, loc: a.get(f"/waivers/{w['waiver'][loc].pk}")),
    Action("waiver", "create", 201, lambda a, w, loc: a.post("/waivers", {
        "rule": w["rule"], "reason": "Chờ hướng dẫn của cấp trên", "expires": "2031-01-01",
        "version": w["v2"][loc].pk})),
    Action("waiver", "revoke", 200, lambda a, w, loc: a.post(f"/waivers/{w['waiver'][loc].pk}/revoke", {})),
    # review tasks
    Action("task", "list", 200, lambda a, w, loc: a.get("/tasks", limit=500),
           listing=lambda w, loc: ("items", w["task"][loc].pk)),
    Action("task", "read", 200, lambda a, w, loc: a.get(f"/tasks/{w['task'][loc].pk}")),
    Action("task", "close", 200, lambda a, w, loc: a.post(f"/tasks/{w['task'][loc].pk}/close", {
        "resolution": "Đã rà soát, không cần sửa"})),
    # meetings
    Action("meeting", "list", 200, lambda a, w, loc: a.get("/meetings", limit=500),
           listing=lambda w, loc: ("items", w["meeting"][loc].pk)),
    Action("meeting", "read", 200, lambda a, w, loc: a.get(f"/meetings/{w['meeting'][loc].pk}")),
    Action("meeting", "create", 201, lambda a, w, loc: a.post("/meetings", {
        "organization": w["org"][loc].pk, "date": "2025-11-20", "kind": "chuyen_de", "duration_minutes": 100,
        "present": 8, "total": 9})),
    Action("meeting", "compliance", 200, lambda a, w, loc: a.get("/meetings/compliance",
                                                                  organization=w["org"][loc].pk, month="2025-11")),
    # the catalogue: one global object; its impact is scoped like a list of organisations
    Action("reference", "impact", 200, lambda a, w, loc: a.get("/references/QD-77-TU-2025/impact"),
           listing=lambda w, loc: ("organizations", w["org"][loc].pk)),
    Action("reference", "list", 200, lambda a, w, loc: a.get("/references", q="77-QĐ/TU"), located=False),
    Action("reference", "read", 200, lambda a, w, loc: a.get("/references/QD-77-TU-2025"), located=False),
    Action("reference", "create", 201, lambda a, w, loc: a.post("/references", {
        "record": {"key": "QD-90-TU-2026", "number_symbol": "90-QĐ/TU", "date": "2026-03-01",
                   "issuer": "Tỉnh ủy", "title_short": "Quy định của Tỉnh ủy", "kind": "other",
                   "applies_to": ["all"], "confidence": "H", "status": "in_force"},
        "source": "Công văn 20-CV/TU"}), located=False),
    Action("reference", "update", 200, lambda a, w, loc: a.patch("/references/QD-77-TU-2025", {
        "record": {"note": "Đã đối chiếu bản gốc"}, "source": "Bản gốc lưu tại Văn phòng"}), located=False),
    Action("reference", "supersede", 200, lambda a, w, loc: a.post("/references/QD-77-TU-2025/supersede", {
        "by": "QD-120-TU-2026", "on": "2026-02-01", "link_confidence": "H",
        "source": "Quy định 120-QĐ/TU thay thế 77-QĐ/TU"}), located=False),
]


def expected(user: str, action: Action, loc: str) -> int:
    if user == "anon":
        return 401
    if action.listing is not None:
        return 200
    if action.located and loc not in SEES[user]:
        return 404
    if action.name in READS or action.name == "list":
        return action.success
    return action.success if (action.kind, action.name) in MAY[user] else 403


def _cases() -> Iterator[Any]:
    for action in ACTIONS:
        for loc in LOCATIONS if action.located else ("-",):
            for user in USERS:
                cell = f"{action.kind}-{action.name}-{loc}-{user}" if action.located else \
                    f"{action.kind}-{action.name}-{user}"
                yield pytest.param(user, action, loc, expected(user, action, loc), id=cell)


# ------------------------------------------------------------------------------------------- the world
CITES_77 = ("Quan hệ công tác", ["Thực hiện theo Quy định số 77-QĐ/TU ngày 05/01/2025 của Ban Thường vụ Tỉnh ủy."])


def _board_reference(key: str, number: str, day: date) -> Any:
    from quyche.web.references.models import Reference
    from quyche.web.references.services import fields_of

    return Reference(**fields_of({
        "key": key, "number_symbol": number, "doc_type": "Quy định", "date": day, "issuer": "Tỉnh ủy",
        "title_short": "Quy định của Tỉnh ủy", "kind": "other", "applies_to": ["all"], "confidence": "H",
        "status": "in_force",
    }))


def _build(media: Path) -> dict[str, Any]:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from quyche.web.accounts.models import Role, User
    from quyche.web.conftest import chi_bo_profile, regulation_docx
    from quyche.web.meetings.services import record_meeting
    from quyche.web.organizations.services import add_profile_version, create_organization
    from quyche.web.references.services import load_packaged_references, save_reference
    from quyche.web.regulations.services import create_regulation, grant_waiver, upload_version
    from quyche.web.reviews.models import Reason
    from quyche.web.reviews.services import open_task
    from quyche.web.tests.apiclient import token_for

    a = create_organization("Đảng bộ tỉnh A", "dang_bo_tinh")
    a1 = create_organization("Đảng ủy xã A1", "dang_uy_co_so", "xa", a)
    a2 = create_organization("Đảng ủy xã A2", "dang_uy_co_so", "xa", a)
    b = create_organization("Đảng bộ tỉnh B", "dang_bo_tinh")
    b1 = create_organization("Đảng ủy xã B1", "dang_uy_co_so", "xa", b)
    org = {
        "A1a": create_organization("Chi bộ thôn A1a", "chi_bo_truc_thuoc", "thon_to_dan_pho", a1),
        "A1b": create_organization("Chi bộ thôn A1b", "chi_bo_truc_thuoc", "thon_to_dan_pho", a1),
        "A2a": create_organization("Chi bộ thôn A2a", "chi_bo_truc_thuoc", "thon_to_dan_pho", a2),
        "B1a": create_organization("Chi bộ thôn B1a", "chi_bo_truc_thuoc", "thon_to_dan_pho", b1),
    }
    people = {
        "admin": User.objects.create_user("admin", role=Role.ADMINISTRATOR),
        "insp_A": User.objects.create_user("insp_A", role=Role.INSPECTOR, organization=a),
        "insp_A1": User.objects.create_user("insp_A1", role=Role.INSPECTOR, organization=a1),
        "staff_A1a": User.objects.create_user("staff_A1a", role=Role.STAFF, organization=org["A1a"]),
        "staff_B1a": User.objects.create_user("staff_B1a", role=Role.STAFF, organization=org["B1a"]),
    }
    admin = people["admin"]
    load_packaged_references()
    save_reference(_board_reference("QD-77-TU-2025", "77-QĐ/TU", date(2025, 1, 5)), admin, source="Công văn 15-CV/TU")
    save_reference(_board_reference("QD-120-TU-2026", "120-QĐ/TU", date(2026, 2, 1)), admin, source="120-QĐ/TU")
    data = regulation_docx(extra_articles=[CITES_77])
    world: dict[str, Any] = {"org": org, "docx": data, "reg": {}, "v1": {}, "v2": {}, "waiver": {}, "task": {},
                             "meeting": {}}
    for loc, o in org.items():
        add_profile_version(o, chi_bo_profile(name=o.name), admin)
        reg = create_regulation(o, 2025, 2030)
        v1 = upload_version(reg, SimpleUploadedFile("quy-che.docx", data), admin, as_of=date(2025, 11, 20))
        v2 = upload_version(reg, SimpleUploadedFile("quy-che.docx", data), admin, as_of=date(2025, 11, 20))
        assert v1.findings, "the matrix document must have findings to waive"
        world["rule"] = v1.findings[0]["rule"]
        world["reg"][loc], world["v1"][loc], world["v2"][loc] = reg, v1, v2
        world["waiver"][loc] = grant_waiver(rule=world["rule"], organization=o, approver=admin, reason="Chờ hướng dẫn",
                                            expires=date(2030, 1, 1), version=v1)
        world["task"][loc] = open_task(o, Reason.PROFILE_CHANGED, "Bí thư thay đổi", {}, regulation=reg, version=v1,
                                       actor=admin)[0]
        world["meeting"][loc] = record_meeting(o, actor=admin, date=date(2025, 11, 5), kind="thuong_ky",
                                               duration_minutes=120, present=9, total=10)
    world["tokens"] = {name: token_for(user) for name, user in people.items()}
    assert media.is_dir()
    return world


@pytest.fixture(scope="module")
def matrix_media(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("matrix-files")


@pytest.fixture(scope="module")
def world(django_db_setup: None, django_db_blocker: Any, matrix_media: Path) -> Iterator[dict[str, Any]]:
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(matrix_media), PASSWORD_HASHERS=fast):
        try:
            yield _build(matrix_media)
        finally:
            call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(autouse=True)
def _media_root(settings: Any, matrix_media: Path) -> Path:
    """The originals uploaded when the world was built stay where the cells can download them."""
    settings.MEDIA_ROOT = str(matrix_media)
    return matrix_media


# ------------------------------------------------------------------------------------------- the cells
@pytest.mark.parametrize(("user", "action", "loc", "status"), list(_cases()))
def test_cell(world: dict[str, Any], db: None, user: str, action: Action, loc: str, status: int) -> None:
    api = Api(world["tokens"].get(user), Client())
    response = action.send(api, world, loc)
    # reading a streamed body to its end closes the file (closing the response by hand would also close the
    # test's database connection on PostgreSQL)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == status, f"{user} {action.kind}.{action.name} @{loc}: {body[:300]!r}"
    if status in (401, 403, 404):
        payload = json.loads(body)
        assert set(payload) >= {"detail"} and isinstance(payload["detail"], str) and payload["detail"]
    if action.name == "download" and status == 200:
        assert body == world["docx"]
    if action.listing is not None and status == 200:
        key, wanted = action.listing(world, loc)
        data = response.json()
        ids = {item["id"] for item in data[key]}
        assert (wanted in ids) == (loc in SEES[user]), f"{user} sees {action.kind} @{loc}: {sorted(ids)}"
