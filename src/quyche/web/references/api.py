"""API: the catalogue of higher-level documents (list, search, detail with the supersession chain, history),
edits by administrators and board inspectors through :func:`save_reference` (history, review tasks), and
the impact of a document on the regulations that cite it.

``{ref}`` in a path is the catalogue key (``QD-24-TW-2021``) or the numeric id.
"""

import datetime as dt
from typing import Any

from django.db.models import Max, Q
from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate
from ninja.responses import Status

from quyche.web import permissions
from quyche.web.accounts.models import User
from quyche.web.api_support import NOT_FOUND, READ_ERRORS, WRITE_ERRORS, ErrorOut, OrgRef, Page, org_ref, user_of
from quyche.web.references.models import KIND_CHOICES, STATUS_CHOICES, Reference, ReferenceChange
from quyche.web.references.services import fields_of, record_of, save_reference
from quyche.web.reviews.models import ReviewTask
from quyche.web.reviews.services import impact as compute_impact

router = Router()

EDIT_REFUSED = "Chỉ quản trị viên hoặc cán bộ kiểm tra của cấp ủy (tổ chức gốc) được sửa danh mục văn bản."
KINDS = ", ".join(k for k, _ in KIND_CHOICES)
STATUSES = ", ".join(k for k, _ in STATUS_CHOICES)


# ------------------------------------------------------------------------------------------- schemas
class ReferenceOut(Schema):
    id: int
    key: str = Field(description="Khóa ổn định trong danh mục, ví dụ QD-24-TW-2021")
    number_symbol: str = Field(description="Số, ký hiệu")
    doc_type: str = Field(description="Thể loại")
    date: dt.date = Field(description="Ngày ký")
    issuer: str = Field(description="Cơ quan ban hành")
    title_short: str = Field(description="Trích yếu (ngắn)")
    kind: str = Field(description=f"Nhóm văn bản: {KINDS}")
    status: str = Field(description=f"Tình trạng: {STATUSES}")
    confidence: str = Field(description="Độ tin cậy: H, M, L")
    in_force_from: dt.date | None = Field(description="Có hiệu lực từ")
    superseded_by: str | None = Field(description="Khóa văn bản thay thế")
    superseded_on: dt.date | None = Field(description="Ngày văn bản thay thế có hiệu lực")
    link_confidence: str
    link_status: str
    link_type: str
    applies_to: list[Any] = Field(description="Áp dụng cho (references.md §2)")
    basis: bool = Field(description="Đưa vào phần căn cứ")
    origin: str = Field(description="Nguồn gốc bản ghi: danh mục đóng gói hay cấp ủy thêm")
    updated_at: dt.datetime
    updated_by: str | None

    @staticmethod
    def resolve_superseded_by(obj: Reference) -> str | None:
        return obj.superseded_by_id

    @staticmethod
    def resolve_updated_by(obj: Reference) -> str | None:
        return permissions.user_label(obj.updated_by)


class ChainItem(Schema):
    key: str
    number_symbol: str
    date: dt.date
    title_short: str
    status: str
    superseded_by: str | None
    superseded_on: dt.date | None
    link_confidence: str
    this: bool = Field(description="Là văn bản đang xem")


class ReferenceDetail(ReferenceOut):
    record: dict[str, Any] = Field(description="Bản ghi đầy đủ theo references.md §1")
    chain: list[ChainItem] = Field(description="Chuỗi thay thế: các văn bản trước (cũ nhất trước), văn bản này, "
                                               "rồi các văn bản thay thế nó")
    predecessors: list[str] = Field(description="Khóa các văn bản được văn bản này thay thế trực tiếp")
    changes: int = Field(description="Số thay đổi trong lịch sử (xem /history)")

    @staticmethod
    def resolve_record(obj: Reference) -> dict[str, Any]:
        return record_of(obj)

    @staticmethod
    def resolve_chain(obj: Reference) -> list[dict[str, Any]]:
        return [{"key": r.key, "number_symbol": r.number_symbol, "date": r.date, "title_short": r.title_short,
                 "status": r.status, "superseded_by": r.superseded_by_id, "superseded_on": r.superseded_on,
                 "link_confidence": r.link_confidence, "this": r.pk == obj.pk} for r in _chain(obj)[0]]

    @staticmethod
    def resolve_predecessors(obj: Reference) -> list[str]:
        return _chain(obj)[1]

    @staticmethod
    def resolve_changes(obj: Reference) -> int:
        return ReferenceChange.objects.filter(reference_key=obj.key).count()


class RecordIn(Schema):
    """Fields of a catalogue record (references.md §1); left out = unchanged (PATCH) or empty (POST)."""

    key: str | None = Field(None, max_length=100, description="Khóa (không đổi được sau khi tạo)")
    number_symbol: str | None = Field(None, max_length=200, description="Số, ký hiệu")
    doc_type: str | None = Field(None, max_length=100, description="Thể loại")
    date: dt.date | None = Field(None, description="Ngày ký")
    date_precision: str | None = Field(None, description="day | month | year")
    date_confidence: str | None = None
    issuer: str | None = Field(None, max_length=300, description="Cơ quan ban hành")
    issuer_confidence: str | None = None
    title_short: str | None = Field(None, description="Trích yếu (ngắn)")
    kind: str | None = Field(None, description=f"Nhóm văn bản: {KINDS}")
    applies_to: list[Any] | None = Field(None, description="Áp dụng cho (references.md §2)")
    in_force_from: dt.date | None = None
    in_force_from_precision: str | None = None
    in_force_from_confidence: str | None = None
    superseded_by: str | None = Field(None, description="Khóa văn bản thay thế")
    superseded_on: dt.date | None = None
    superseded_on_precision: str | None = None
    link_confidence: str | None = None
    link_status: str | None = Field(None, description="UNCONFIRMED | confirmed")
    link_type: str | None = Field(None, description="replaced | repealed | followed_by")
    amends: str | None = None
    obsolete_for: list[Any] | None = None
    confidence: str | None = Field(None, description="Độ tin cậy: H, M, L")
    status: str | None = Field(None, description=f"Tình trạng: {STATUSES}")
    status_confidence: str | None = None
    content_confidence: str | None = None
    subject: str | None = None
    scope: list[Any] | None = None
    default_for: list[Any] | None = None
    default_for_confidence: str | None = None
    see_also: list[str] | None = None
    review_after: str | None = None
    deadline: dt.date | None = None
    basis: bool | None = None
    note: str | None = None
    source: list[str] | None = Field(None, description="Nguồn của văn bản (đường dẫn)")


class NewRecordIn(RecordIn):
    key: str = Field(min_length=1, max_length=100, description="Khóa ổn định, ví dụ QD-294-TW-2025")
    number_symbol: str = Field(min_length=1, max_length=200, description="Số, ký hiệu")
    date: dt.date = Field(description="Ngày ký")
    title_short: str = Field(min_length=1, description="Trích yếu (ngắn)")
    kind: str = Field(description=f"Nhóm văn bản: {KINDS}")
    confidence: str = Field(description="Độ tin cậy: H, M, L")
    status: str = Field(description=f"Tình trạng: {STATUSES}")
    applies_to: list[Any] = Field(description="Áp dụng cho (references.md §2)")


class ChangeMeta(Schema):
    source: str = Field(min_length=1, description="Nguồn của thay đổi: văn bản căn cứ, đường dẫn (bắt buộc)")
    note: str = Field("", description="Ghi chú")
    confidence: str = Field("", description="Độ tin cậy của thay đổi: H, M, L (mặc định: của bản ghi)")


class ReferenceCreate(ChangeMeta):
    record: NewRecordIn


class ReferenceUpdate(ChangeMeta):
    record: RecordIn


class SupersedeIn(ChangeMeta):
    by: str = Field(description="Khóa (hoặc mã) văn bản thay thế")
    on: dt.date | None = Field(None, description="Ngày văn bản thay thế có hiệu lực (mặc định: ngày có hiệu lực "
                                                  "hoặc ngày ký của văn bản thay thế)")
    link_confidence: str = Field("", description="Độ tin cậy của liên kết: H, M, L")
    link_status: str = Field("", description="UNCONFIRMED | confirmed (trống: đã rõ)")
    link_type: str = Field("replaced", description="replaced | repealed | followed_by")


class ChangeOut(Schema):
    id: int
    reference_key: str
    action: str = Field(description="load | add | change | delete | revert")
    fields: list[str]
    old: dict[str, Any]
    new: dict[str, Any]
    source: str
    confidence: str
    note: str
    user: str | None
    created_at: dt.datetime
    reverts_id: int | None

    @staticmethod
    def resolve_user(obj: ReferenceChange) -> str | None:
        return permissions.user_label(obj.user)


class WriteOut(Schema):
    reference: ReferenceDetail
    change: ChangeOut | None = Field(description="Thay đổi được ghi vào lịch sử (trống: không có gì thay đổi)")
    tasks_opened: list[int] = Field(description="Nhiệm vụ rà soát mới mở (trong phạm vi của người dùng)")


class ReferenceFilter(Schema):
    q: str | None = Field(None, max_length=200, description="Tìm theo khóa, số ký hiệu, trích yếu, cơ quan")
    kind: str | None = Field(None, description=f"Nhóm văn bản: {KINDS}")
    status: str | None = Field(None, description=f"Tình trạng: {STATUSES}")
    superseded: bool | None = Field(None, description="true: đã có văn bản thay thế")


class ImpactArticle(Schema):
    article: str = Field(description="Số điều (trống: phần căn cứ)")
    label: str = Field(description="“Điều 6” hoặc “phần căn cứ”")
    title: str
    citations: list[str] = Field(description="Trích dẫn như trong văn bản")
    paragraphs: list[int | None]


class ImpactRegulation(Schema):
    id: int
    term: str
    status: str


class ImpactVersion(Schema):
    id: int
    number: int
    issued: bool


class ImpactItemOut(Schema):
    organization: OrgRef
    regulation: ImpactRegulation
    version: ImpactVersion
    articles: list[ImpactArticle]


class ImpactOut(Schema):
    reference: ReferenceOut
    count: int = Field(description="Số tổ chức bị ảnh hưởng (trong phạm vi của người dùng)")
    organizations: list[OrgRef]
    items: list[ImpactItemOut] = Field(description="Theo tổ chức: quy chế, phiên bản hiện hành, các điều trích dẫn")


# ------------------------------------------------------------------------------------------- helpers
def _lookup(request: HttpRequest, ref: str) -> Reference:
    qs = permissions.references(user_of(request)).select_related("updated_by")
    obj = qs.filter(key=ref).first()
    if obj is None and ref.isdigit():
        obj = qs.filter(pk=int(ref)).first()
    if obj is None:
        raise Http404(NOT_FOUND)
    return obj


def _chain(ref: Reference) -> tuple[list[Reference], list[str]]:
    links: dict[str, str] = {
        str(key): str(target)
        for key, target in Reference.objects.exclude(superseded_by=None).values_list("key", "superseded_by_id")
    }
    preds: dict[str, list[str]] = {}
    for old, new in links.items():
        preds.setdefault(new, []).append(old)
    earlier: set[str] = set()
    stack = [ref.key]
    while stack:
        for p in preds.get(stack.pop(), ()):
            if p not in earlier and p != ref.key:
                earlier.add(p)
                stack.append(p)
    later: list[str] = []
    at = links.get(ref.key)
    while at and at not in later and at != ref.key and at not in earlier:
        later.append(at)
        at = links.get(at)
    rows = Reference.objects.in_bulk([*earlier, *later], field_name="key")
    before = sorted((rows[k] for k in earlier if k in rows), key=lambda r: (r.date, r.key))
    return [*before, ref, *(rows[k] for k in later if k in rows)], sorted(preds.get(ref.key, []))


def _last_task_id() -> int:
    return int(ReviewTask.objects.aggregate(n=Max("pk"))["n"] or 0)


def _save(user: User, ref: Reference, meta: ChangeMeta) -> dict[str, Any]:
    """Store through save_reference (catalogue validated, history kept, review tasks opened)."""
    last = _last_task_id()
    change = save_reference(ref, user, source=meta.source, note=meta.note, confidence=meta.confidence)
    opened = permissions.tasks(user).filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)
    stored = Reference.objects.select_related("updated_by").get(pk=ref.pk)
    return {"reference": stored, "change": change, "tasks_opened": list(opened)}


# ------------------------------------------------------------------------------------------- read
@router.get("", response={200: list[ReferenceOut], **READ_ERRORS}, summary="Danh sách, tìm kiếm văn bản cấp trên")
@paginate(Page)
def list_references(request: HttpRequest, filters: Query[ReferenceFilter]) -> Any:
    qs = permissions.references(user_of(request)).select_related("updated_by")
    if filters.q:
        q = filters.q.strip()
        qs = qs.filter(Q(key__icontains=q) | Q(number_symbol__icontains=q) | Q(title_short__icontains=q)
                       | Q(issuer__icontains=q))
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.superseded is not None:
        qs = qs.filter(superseded_by__isnull=not filters.superseded)
    return qs.order_by("-date", "key")


@router.get("/{ref}", response={200: ReferenceDetail, **READ_ERRORS},
            summary="Một văn bản, kèm chuỗi thay thế")
def detail(request: HttpRequest, ref: str) -> Reference:
    return _lookup(request, ref)


@router.get("/{ref}/history", response={200: list[ChangeOut], **READ_ERRORS},
            summary="Lịch sử thay đổi của văn bản (mới nhất trước)")
@paginate(Page)
def history(request: HttpRequest, ref: str) -> Any:
    obj = _lookup(request, ref)
    return permissions.reference_changes(user_of(request)).filter(reference_key=obj.key).order_by("-created_at",
                                                                                                  "-pk")


@router.get("/{ref}/impact", response={200: ImpactOut, **READ_ERRORS},
            summary="Tổ chức, quy chế, phiên bản và điều khoản trích dẫn văn bản này",
            description="Chỉ xét phiên bản hiện hành của quy chế hiện hành của mỗi tổ chức, trong phạm vi của "
                        "người dùng.")
def impact(request: HttpRequest, ref: str) -> dict[str, Any]:
    user = user_of(request)
    obj = _lookup(request, ref)
    allowed = permissions.visible_organization_ids(user)
    items = [i for i in compute_impact(obj).items if allowed is None or i.organization.pk in allowed]
    return {
        "reference": obj,
        "count": len(items),
        "organizations": [org_ref(i.organization) for i in items],
        "items": [
            {
                "organization": org_ref(i.organization),
                "regulation": {"id": i.regulation.pk, "term": i.regulation.term, "status": i.regulation.status},
                "version": {"id": i.version.pk, "number": i.version.number, "issued": i.version.is_issued},
                "articles": i.articles,
            }
            for i in items
        ],
    }


# ------------------------------------------------------------------------------------------- write
@router.post("", response={201: WriteOut, **WRITE_ERRORS, 409: ErrorOut}, summary="Thêm văn bản vào danh mục")
def create(request: HttpRequest, payload: ReferenceCreate) -> Status[dict[str, Any]]:
    user = user_of(request)
    permissions.require(permissions.can_edit_references(user), EDIT_REFUSED)
    record = payload.record.model_dump(exclude_none=True)
    if Reference.objects.filter(key=record["key"]).exists():
        raise HttpError(409, f"Khóa “{record['key']}” đã có trong danh mục.")
    ref = Reference(**fields_of(record))
    return Status(201, _save(user, ref, payload))


@router.patch("/{ref}", response={200: WriteOut, **WRITE_ERRORS}, summary="Sửa văn bản trong danh mục",
              description="Chỉ các trường được gửi thay đổi (null: xóa giá trị). Danh mục được quyche kiểm tra "
                          "toàn bộ trước khi lưu; thêm hoặc xác nhận liên kết thay thế mở nhiệm vụ rà soát.")
def update(request: HttpRequest, ref: str, payload: ReferenceUpdate) -> dict[str, Any]:
    user = user_of(request)
    obj = _lookup(request, ref)
    permissions.require(permissions.can_edit_references(user), EDIT_REFUSED)
    record = record_of(obj)
    for name, value in payload.record.model_dump(exclude_unset=True).items():
        if value is None:
            record.pop(name, None)
        else:
            record[name] = value
    for name, value in fields_of(record).items():
        setattr(obj, name, value)
    return _save(user, obj, payload)


@router.post("/{ref}/supersede", response={200: WriteOut, **WRITE_ERRORS},
             summary="Ghi nhận văn bản đã bị thay thế",
             description="Đặt liên kết thay thế; mở một nhiệm vụ rà soát cho mỗi tổ chức có phiên bản hiện hành "
                         "trích dẫn văn bản này, nêu các điều cần sửa.")
def supersede(request: HttpRequest, ref: str, payload: SupersedeIn) -> dict[str, Any]:
    user = user_of(request)
    obj = _lookup(request, ref)
    permissions.require(permissions.can_edit_references(user), EDIT_REFUSED)
    try:
        successor = _lookup(request, payload.by)
    except Http404:
        raise HttpError(422, f"by: không có văn bản “{payload.by}” trong danh mục.") from None
    if successor.pk == obj.pk:
        raise HttpError(422, "by: một văn bản không thay thế chính nó.")
    obj.superseded_by_id = successor.key
    obj.superseded_on = payload.on or successor.in_force_from or successor.date
    obj.status = "superseded"
    obj.link_confidence = payload.link_confidence
    obj.link_status = payload.link_status
    obj.link_type = payload.link_type
    return _save(user, obj, payload)
