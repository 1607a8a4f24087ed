"""API: regulations, their versions (upload → check → findings; issue; original file) and waivers."""

import datetime as dt
import logging
from typing import Any

from django.db import transaction
from django.db.models import Count, Max, Q, QuerySet
from django.http import FileResponse, Http404, HttpRequest
from django.utils import timezone
from ninja import Field, File, Form, Query, Router, Schema, UploadedFile
from ninja.decorators import decorate_view
from ninja.errors import HttpError
from ninja.pagination import paginate
from ninja.responses import Status

from quyche.web import permissions
from quyche.web.api_support import (
    READ_ERRORS,
    WRITE_ERRORS,
    ErrorOut,
    OrgRef,
    Page,
    limit_request_body,
    org_ref,
    user_of,
    visible_or_404,
)
from quyche.web.audit import services as audit
from quyche.web.audit.models import Action
from quyche.web.organizations.models import Organization
from quyche.web.regulations.models import (
    Regulation,
    RegulationStatus,
    RegulationVersion,
    SourceFormat,
    Waiver,
    WaiverScope,
)
from quyche.web.regulations.services import (
    create_regulation,
    delete_draft_version,
    grant_waiver,
    issue_version,
    upload_version,
    visible_findings,
)

log = logging.getLogger(__name__)

regulations_router = Router()
versions_router = Router()
waivers_router = Router()

CONTENT_TYPES = {
    SourceFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    SourceFormat.PDF: "application/pdf",
    SourceFormat.TEXT: "text/plain; charset=utf-8",
}


# ------------------------------------------------------------------------------------------- schemas
class RegulationOut(Schema):
    id: int
    organization: OrgRef
    term_start: int = Field(description="Nhiệm kỳ từ năm")
    term_end: int = Field(description="Nhiệm kỳ đến năm")
    khoa: str = Field(description="Khóa (có thể trống)")
    title: str = Field(description="Trích yếu")
    status: str = Field(description=f"Tình trạng: {', '.join(RegulationStatus.values)}")
    status_label: str
    versions_count: int = Field(description="Số phiên bản đã tải lên")
    latest_version: int | None = Field(description="Số của phiên bản mới nhất")
    created_at: dt.datetime
    updated_at: dt.datetime

    @staticmethod
    def resolve_status_label(obj: Regulation) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_organization(obj: Regulation) -> dict[str, Any] | None:
        return org_ref(obj.organization)

    @staticmethod
    def resolve_versions_count(obj: Regulation) -> int:
        n = getattr(obj, "n_versions", None)
        return int(n) if n is not None else obj.versions.count()

    @staticmethod
    def resolve_latest_version(obj: Regulation) -> int | None:
        if hasattr(obj, "last_number"):
            return obj.last_number  # type: ignore[no-any-return]
        return obj.versions.aggregate(n=Max("number"))["n"]  # type: ignore[no-any-return]


class RegulationIn(Schema):
    organization: int = Field(description="Mã tổ chức đảng")
    term_start: int = Field(ge=1930, le=2200, description="Nhiệm kỳ từ năm")
    term_end: int = Field(ge=1930, le=2200, description="Nhiệm kỳ đến năm")
    khoa: str = Field("", max_length=20, description="Khóa")
    title: str = Field("", max_length=500, description="Trích yếu")


class RegulationFilter(Schema):
    organization: int | None = Field(None, description="Chỉ quy chế của tổ chức này")
    under: int | None = Field(None, description="Quy chế của các tổ chức trong cây con của tổ chức này")
    status: str | None = Field(None, description="Lọc theo tình trạng")


class VersionOut(Schema):
    id: int
    regulation_id: int
    organization: OrgRef
    number: int = Field(description="Phiên bản số")
    filename: str = Field(description="Tên tệp khi tải lên")
    size: int = Field(description="Dung lượng (byte)")
    sha256: str
    source_format: str = Field(description="docx | pdf | text")
    uploaded_by: str | None
    uploaded_at: dt.datetime
    as_of: dt.date = Field(description="Ngày đối chiếu khi kiểm tra")
    ruleset: str = Field(description="Phiên bản bộ quy tắc đã dùng")
    catalogue_version: str = Field(description="Phiên bản danh mục văn bản đã dùng")
    skeleton_version: str = Field(description="Phiên bản khung quy chế mẫu đã dùng")
    profile_version: int | None = Field(description="Số phiên bản hồ sơ tổ chức đã dùng")
    note: str
    issued: bool = Field(description="Đã ban hành (không còn sửa, xóa được)")
    issued_at: dt.datetime | None
    issued_by: str | None
    findings_count: dict[str, int] = Field(description="Số kết quả theo mức: error, warning, info")

    @staticmethod
    def resolve_organization(obj: RegulationVersion) -> dict[str, Any] | None:
        return org_ref(obj.regulation.organization)

    @staticmethod
    def resolve_uploaded_by(obj: RegulationVersion) -> str | None:
        return permissions.user_label(obj.uploaded_by)

    @staticmethod
    def resolve_issued_by(obj: RegulationVersion) -> str | None:
        return permissions.user_label(obj.issued_by)

    @staticmethod
    def resolve_profile_version(obj: RegulationVersion) -> int | None:
        return obj.profile_version.number if obj.profile_version is not None else None

    @staticmethod
    def resolve_issued(obj: RegulationVersion) -> bool:
        return obj.is_issued


class CitationOut(Schema):
    reference_key: str = Field(description="Khóa trong danh mục (trống: không có trong danh mục)")
    number_symbol: str
    raw: str = Field(description="Trích dẫn như trong văn bản")
    article: str = Field(description="Điều (trống: phần căn cứ)")
    article_title: str
    paragraph: int | None


class VersionDetail(VersionOut):
    structure: dict[str, Any] = Field(description="Cấu trúc văn bản: chương, điều, phần căn cứ, ghi chú khi đọc")
    findings: list[dict[str, Any]] = Field(description="Mọi kết quả kiểm tra (chưa áp dụng miễn trừ)")
    not_applicable: list[str] = Field(description="Các quy tắc không áp dụng được cho văn bản này")
    citations: list[CitationOut] = Field(description="Văn bản cấp trên được trích dẫn, theo điều")

    @staticmethod
    def resolve_citations(obj: RegulationVersion) -> list[Any]:
        return list(obj.citations.all())


class RegulationDetail(RegulationOut):
    versions: list[VersionOut]

    @staticmethod
    def resolve_versions(obj: Regulation) -> list[Any]:
        return list(obj.versions.select_related("regulation__organization", "uploaded_by", "issued_by",
                                                "profile_version").order_by("-number"))


class VersionFilter(Schema):
    regulation: int | None = Field(None, description="Chỉ phiên bản của quy chế này")
    organization: int | None = Field(None, description="Chỉ phiên bản của tổ chức này")
    issued: bool | None = Field(None, description="true: đã ban hành; false: dự thảo")


class FindingsQuery(Schema):
    on: dt.date | None = Field(None, description="Ngày xem (mặc định: hôm nay)")


class WaiverRef(Schema):
    id: int
    rule: str
    scope: str
    expires: dt.date
    reason: str


class WaivedOut(Schema):
    finding: dict[str, Any]
    waiver: WaiverRef


class FindingsOut(Schema):
    version_id: int
    on: dt.date = Field(description="Ngày xem: miễn trừ còn hiệu lực vào ngày này thì kết quả bị ẩn")
    counts: dict[str, int] = Field(description="Số kết quả còn hiển thị theo mức")
    visible: list[dict[str, Any]] = Field(description="Kết quả còn hiển thị")
    waived: list[WaivedOut] = Field(description="Kết quả được miễn áp dụng vào ngày đó, kèm quyết định miễn")


class WaiverOut(Schema):
    id: int
    rule: str = Field(description="Mã quy tắc")
    scope: str = Field(description=f"Phạm vi: {', '.join(WaiverScope.values)}")
    organization: OrgRef
    regulation_id: int | None
    version_id: int | None
    paragraph: int | None = Field(description="Chỉ đoạn số (trống: mọi đoạn)")
    reason: str = Field(description="Lý do")
    approver: str | None = Field(description="Người chấp thuận")
    created_at: dt.datetime
    expires: dt.date = Field(description="Hết hiệu lực từ ngày này (kết quả hiện lại từ ngày này)")
    active: bool = Field(description="Còn hiệu lực hôm nay")

    @staticmethod
    def resolve_organization(obj: Waiver) -> dict[str, Any] | None:
        return org_ref(obj.organization)

    @staticmethod
    def resolve_approver(obj: Waiver) -> str | None:
        return permissions.user_label(obj.approver)

    @staticmethod
    def resolve_active(obj: Waiver) -> bool:
        return obj.is_active(timezone.localdate())


class WaiverIn(Schema):
    rule: str = Field(min_length=1, max_length=60, description="Mã quy tắc (xem: quyche rules)")
    reason: str = Field(min_length=1, description="Lý do miễn áp dụng")
    expires: dt.date = Field(description="Hết hiệu lực từ ngày (phải sau hôm nay)")
    organization: int | None = Field(None, description="Cả tổ chức (khi không nêu quy chế / phiên bản)")
    regulation: int | None = Field(None, description="Chỉ một quy chế")
    version: int | None = Field(None, description="Chỉ một phiên bản")
    paragraph: int | None = Field(None, ge=1, description="Chỉ đoạn số này")


class RevokeIn(Schema):
    expires: dt.date | None = Field(None, description="Hết hiệu lực từ ngày (mặc định: hôm nay); chỉ được rút ngắn")
    note: str = Field("", max_length=500, description="Ghi chú")


class WaiverFilter(Schema):
    organization: int | None = Field(None, description="Chỉ miễn trừ của tổ chức này")
    rule: str | None = Field(None, description="Theo mã quy tắc")
    version: int | None = Field(None, description="Những miễn trừ áp dụng cho phiên bản này")
    active_on: dt.date | None = Field(None, description="Chỉ miễn trừ còn hiệu lực vào ngày này")


# ------------------------------------------------------------------------------------------- helpers
def _annotated(qs: QuerySet[Regulation]) -> QuerySet[Regulation]:
    return qs.annotate(n_versions=Count("versions"), last_number=Max("versions__number"))


def _visible_org(request: HttpRequest, org_id: int) -> Organization:
    return visible_or_404(permissions.organizations(user_of(request)), pk=org_id)


def _version(request: HttpRequest, version_id: int) -> RegulationVersion:
    return visible_or_404(permissions.versions(user_of(request)), pk=version_id)


def _regulation(request: HttpRequest, regulation_id: int) -> Regulation:
    return visible_or_404(_annotated(permissions.regulations(user_of(request))), pk=regulation_id)


# ------------------------------------------------------------------------------------------- regulations
@regulations_router.get("", response={200: list[RegulationOut], **READ_ERRORS}, summary="Danh sách quy chế")
@paginate(Page)
def list_regulations(request: HttpRequest, filters: Query[RegulationFilter]) -> Any:
    qs = _annotated(permissions.regulations(user_of(request)))
    if filters.organization is not None:
        qs = qs.filter(organization=_visible_org(request, filters.organization))
    if filters.under is not None:
        qs = qs.filter(organization__path__startswith=_visible_org(request, filters.under).path)
    if filters.status:
        qs = qs.filter(status=filters.status)
    return qs.order_by("organization__path", "-term_start", "pk")


@regulations_router.post("", response={201: RegulationDetail, **WRITE_ERRORS},
                         summary="Tạo quy chế cho một nhiệm kỳ")
def create(request: HttpRequest, payload: RegulationIn) -> Status[Regulation]:
    user = user_of(request)
    org = _visible_org(request, payload.organization)
    permissions.require(permissions.can_create_regulation(user, org), "Bạn không được tạo quy chế cho tổ chức này.")
    reg = create_regulation(org, payload.term_start, payload.term_end, khoa=payload.khoa, title=payload.title,
                            actor=user)
    return Status(201, _regulation(request, reg.pk))


@regulations_router.get("/{int:regulation_id}", response={200: RegulationDetail, **READ_ERRORS},
                        summary="Một quy chế và các phiên bản")
def detail(request: HttpRequest, regulation_id: int) -> Regulation:
    return _regulation(request, regulation_id)


@regulations_router.get("/{int:regulation_id}/versions", response={200: list[VersionOut], **READ_ERRORS},
                        summary="Các phiên bản của quy chế (mới nhất trước)")
@paginate(Page)
def list_regulation_versions(request: HttpRequest, regulation_id: int) -> Any:
    reg = _regulation(request, regulation_id)
    return permissions.versions(user_of(request)).filter(regulation=reg).order_by("-number")


@regulations_router.post(
    "/{int:regulation_id}/versions",
    response={201: VersionDetail, **WRITE_ERRORS, 413: ErrorOut, 415: ErrorOut},
    summary="Tải lên phiên bản mới → kiểm tra → kết quả",
    description="Tệp DOCX, PDF, TXT hoặc MD (nhận biết theo nội dung), tối đa QUYCHE_MAX_UPLOAD_BYTES. quyche đọc "
                "và kiểm tra ngay với hồ sơ hiện hành của tổ chức và danh mục văn bản của cấp ủy; tệp gốc được "
                "lưu theo mã băm SHA-256. Tệp không đọc được: 422 (quá lớn: 413; sai loại: 415).",
)
@decorate_view(limit_request_body("QUYCHE_MAX_UPLOAD_BYTES"))
def upload(
    request: HttpRequest,
    regulation_id: int,
    file: File[UploadedFile],
    note: Form[str] = "",
    as_of: Form[dt.date | None] = None,
) -> Status[RegulationVersion]:
    user = user_of(request)
    reg = _regulation(request, regulation_id)
    permissions.require(permissions.can_upload(user, reg), "Bạn không được tải lên phiên bản của quy chế này.")
    version = upload_version(reg, file, user, as_of=as_of, note=note[:500])
    return Status(201, _version(request, version.pk))


# ------------------------------------------------------------------------------------------- versions
@versions_router.get("", response={200: list[VersionOut], **READ_ERRORS}, summary="Danh sách phiên bản quy chế")
@paginate(Page)
def list_versions(request: HttpRequest, filters: Query[VersionFilter]) -> Any:
    qs = permissions.versions(user_of(request))
    if filters.regulation is not None:
        qs = qs.filter(regulation_id=filters.regulation)
    if filters.organization is not None:
        qs = qs.filter(regulation__organization_id=filters.organization)
    if filters.issued is not None:
        qs = qs.filter(issued_at__isnull=not filters.issued)
    return qs.order_by("regulation__organization__path", "regulation_id", "-number")


@versions_router.get("/{int:version_id}", response={200: VersionDetail, **READ_ERRORS},
                     summary="Một phiên bản: cấu trúc, kết quả kiểm tra, trích dẫn")
def version_detail(request: HttpRequest, version_id: int) -> RegulationVersion:
    return _version(request, version_id)


@versions_router.get("/{int:version_id}/findings", response={200: FindingsOut, **READ_ERRORS},
                     summary="Kết quả kiểm tra vào một ngày, sau khi áp dụng miễn trừ")
def findings(request: HttpRequest, version_id: int, query: Query[FindingsQuery]) -> dict[str, Any]:
    version = _version(request, version_id)
    view = visible_findings(version, on=query.on)
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in view.visible:
        counts[str(f.get("severity", "info"))] = counts.get(str(f.get("severity", "info")), 0) + 1
    return {
        "version_id": version.pk,
        "on": view.on,
        "counts": counts,
        "visible": view.visible,
        "waived": [{"finding": f, "waiver": w} for f, w in view.waived],
    }


@versions_router.post("/{int:version_id}/issue", response={200: VersionDetail, **WRITE_ERRORS, 409: ErrorOut},
                      summary="Xác nhận dự thảo đã được ban hành",
                      description="Quy chế thành quy chế đã ban hành, quy chế nhiệm kỳ trước được thay thế, các "
                                  "nhiệm vụ rà soát đang mở của tổ chức được đóng bởi phiên bản này.")
def issue(request: HttpRequest, version_id: int) -> RegulationVersion:
    user = user_of(request)
    version = _version(request, version_id)
    permissions.require(permissions.can_issue(user, version),
                        "Chỉ quản trị viên hoặc cán bộ kiểm tra được xác nhận ban hành.")
    if version.is_issued:
        raise HttpError(409, "Phiên bản này đã được ban hành.")
    issue_version(version, user)
    return _version(request, version_id)


@versions_router.get(
    "/{int:version_id}/original",
    response={**READ_ERRORS},
    summary="Tải về tệp gốc",
    openapi_extra={"responses": {"200": {"description": "Tệp gốc như đã tải lên",
                                         "content": {"application/octet-stream": {}}}}},
)
def original(request: HttpRequest, version_id: int) -> FileResponse:
    user = user_of(request)
    version = _version(request, version_id)
    permissions.require(permissions.can_view_original(user, version))
    try:
        handle = version.file.open("rb")
    except (FileNotFoundError, ValueError):
        log.error("tệp gốc của %s không còn trong kho: %s", version, version.file.name)
        raise Http404("tệp gốc") from None
    response = FileResponse(handle, as_attachment=True, filename=version.filename,
                            content_type=CONTENT_TYPES.get(SourceFormat(version.source_format)))
    response["Cache-Control"] = "private, no-store"
    return response


@versions_router.delete("/{int:version_id}", response={204: None, **WRITE_ERRORS, 409: ErrorOut},
                        summary="Xóa dự thảo tải lên nhầm (phiên bản đã ban hành không xóa được)")
def delete_version(request: HttpRequest, version_id: int) -> Status[None]:
    user = user_of(request)
    version = _version(request, version_id)
    permissions.require(permissions.can_delete_version(user, version),
                        "Chỉ quản trị viên hoặc cán bộ kiểm tra được xóa dự thảo.")
    if version.is_issued:
        raise HttpError(409, "Phiên bản đã ban hành không xóa được.")
    if version.waivers.exists() or version.review_tasks.exists() or version.closed_tasks.exists():
        raise HttpError(409, "Phiên bản đang được miễn trừ hoặc nhiệm vụ rà soát dẫn chiếu, không xóa được.")
    delete_draft_version(version, user)
    return Status(204, None)


# ------------------------------------------------------------------------------------------- waivers
@waivers_router.get("", response={200: list[WaiverOut], **READ_ERRORS}, summary="Danh sách miễn áp dụng quy tắc")
@paginate(Page)
def list_waivers(request: HttpRequest, filters: Query[WaiverFilter]) -> Any:
    user = user_of(request)
    qs = permissions.waivers(user)
    if filters.organization is not None:
        qs = qs.filter(organization_id=filters.organization)
    if filters.rule:
        qs = qs.filter(rule=filters.rule.strip())
    if filters.version is not None:
        version = _version(request, filters.version)
        reg = version.regulation
        qs = qs.filter(organization_id=reg.organization_id).filter(
            Q(scope=WaiverScope.ORGANIZATION) | Q(scope=WaiverScope.REGULATION, regulation_id=reg.pk)
            | Q(scope=WaiverScope.VERSION, version=version)
        )
    if filters.active_on is not None:
        qs = qs.filter(expires__gt=filters.active_on)
    return qs.order_by("organization__path", "rule", "-created_at", "pk")


@waivers_router.get("/{int:waiver_id}", response={200: WaiverOut, **READ_ERRORS}, summary="Một miễn trừ")
def waiver_detail(request: HttpRequest, waiver_id: int) -> Waiver:
    return visible_or_404(permissions.waivers(user_of(request)), pk=waiver_id)


@waivers_router.post("", response={201: WaiverOut, **WRITE_ERRORS}, summary="Chấp thuận miễn áp dụng một quy tắc",
                     description="Người chấp thuận là người gửi yêu cầu (quản trị viên hoặc cán bộ kiểm tra trong "
                                 "phạm vi). Phạm vi là đối tượng hẹp nhất được nêu: phiên bản, quy chế, tổ chức.")
def create_waiver(request: HttpRequest, payload: WaiverIn) -> Status[Waiver]:
    user = user_of(request)
    version = _version(request, payload.version) if payload.version is not None else None
    regulation = (_regulation(request, payload.regulation) if payload.regulation is not None
                  else version.regulation if version is not None else None)
    if payload.organization is not None:
        org = _visible_org(request, payload.organization)
    elif regulation is not None:
        org = regulation.organization
    else:
        raise HttpError(422, "Cần nêu tổ chức, quy chế hoặc phiên bản được miễn áp dụng.")
    permissions.require(permissions.can_manage_waivers(user, org),
                        "Chỉ quản trị viên hoặc cán bộ kiểm tra của cấp trên được chấp thuận miễn áp dụng.")
    if payload.expires <= timezone.localdate():
        raise HttpError(422, "expires: ngày hết hiệu lực phải sau hôm nay.")
    try:
        waiver = grant_waiver(rule=payload.rule, organization=org, approver=user, reason=payload.reason,
                              expires=payload.expires, regulation=regulation, version=version,
                              paragraph=payload.paragraph)
    except ValueError as exc:  # unknown rule, no reason, a regulation of another organisation
        raise HttpError(422, str(exc)) from None
    return Status(201, waiver)


@waivers_router.post("/{int:waiver_id}/revoke", response={200: WaiverOut, **WRITE_ERRORS},
                     summary="Thu hồi miễn trừ (đặt ngày hết hiệu lực)",
                     description="Kết quả bị miễn hiện lại từ ngày hết hiệu lực mới; chỉ được rút ngắn thời hạn.")
def revoke_waiver(request: HttpRequest, waiver_id: int, payload: RevokeIn) -> Waiver:
    user = user_of(request)
    waiver = visible_or_404(permissions.waivers(user), pk=waiver_id)
    permissions.require(permissions.can_manage_waivers(user, waiver.organization),
                        "Chỉ quản trị viên hoặc cán bộ kiểm tra của cấp trên được thu hồi miễn trừ.")
    day = payload.expires or timezone.localdate()
    if day > waiver.expires:
        raise HttpError(422, "expires: thu hồi chỉ rút ngắn thời hạn; hãy chấp thuận một miễn trừ mới để gia hạn.")
    if day != waiver.expires:
        with transaction.atomic():
            before = audit.snapshot(waiver, ["expires"])
            waiver.expires = day
            waiver.save(update_fields=["expires"])
            audit.record(user, Action.UPDATE, waiver, changes=audit.diff(before, audit.snapshot(waiver, before)),
                         note=("thu hồi miễn trừ. " + payload.note).strip()[:500])
    return waiver
