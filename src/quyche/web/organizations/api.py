"""API: the organisation tree (list, subtree, children, create, move) and the profile versions."""

import datetime as dt
import json
from typing import Any

from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate
from ninja.responses import Status

from quyche.web import permissions
from quyche.web.api_support import READ_ERRORS, WRITE_ERRORS, ErrorOut, OrgRef, Page, user_of, visible_or_404
from quyche.web.organizations.models import Kind, Organization, OrgType, ProfileVersion
from quyche.web.organizations.services import add_profile_version, create_organization, move_organization

router = Router()

YAML_TYPES = ("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain")


# ------------------------------------------------------------------------------------------- schemas
class OrganizationOut(Schema):
    id: int
    name: str = Field(description="Tên tổ chức đảng")
    kind: str = Field(description=f"Cấp tổ chức: {', '.join(Kind.values)}")
    kind_label: str = Field(description="Cấp tổ chức (tên đọc được)")
    type: str = Field(description="Loại hình (có thể trống)")
    parent_id: int | None = Field(description="Tổ chức cấp trên trực tiếp")
    depth: int = Field(description="Cấp trong cây (0: gốc)")
    path: str = Field(description="Đường dẫn trong cây: mã các tổ chức từ gốc xuống, “/1/5/23/”")
    active: bool = Field(description="Còn hoạt động (chưa hợp nhất, chưa giải thể)")
    merged_into_id: int | None = Field(description="Đã hợp nhất vào tổ chức này")
    dissolved_on: dt.date | None = Field(description="Ngày giải thể / hợp nhất")

    @staticmethod
    def resolve_kind_label(obj: Organization) -> str:
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_active(obj: Organization) -> bool:
        return obj.is_active


class OrganizationDetail(OrganizationOut):
    ancestors: list[OrgRef] = Field(description="Các tổ chức cấp trên trong phạm vi được xem, từ gốc xuống")
    children_count: int = Field(description="Số tổ chức cấp dưới trực tiếp được xem")
    profile_version: int | None = Field(description="Số phiên bản hồ sơ hiện hành (trống: chưa có hồ sơ)")

    @staticmethod
    def resolve_ancestors(obj: Organization, context: dict[str, Any]) -> list[dict[str, Any]]:
        visible = permissions.organizations(user_of(context["request"]))
        return [{"id": a.pk, "name": a.name} for a in visible.filter(pk__in=obj.ancestor_ids).order_by("depth")]

    @staticmethod
    def resolve_children_count(obj: Organization, context: dict[str, Any]) -> int:
        return permissions.organizations(user_of(context["request"])).filter(parent=obj).count()

    @staticmethod
    def resolve_profile_version(obj: Organization) -> int | None:
        number = obj.profile_versions.order_by("-number").values_list("number", flat=True).first()
        return int(number) if number is not None else None


class OrganizationIn(Schema):
    name: str = Field(min_length=1, max_length=200, description="Tên tổ chức đảng")
    kind: str = Field(description=f"Cấp tổ chức: {', '.join(Kind.values)}")
    type: str = Field("", description=f"Loại hình: {', '.join(OrgType.values)} (có thể trống)")
    parent: int | None = Field(None, description="Mã tổ chức cấp trên trực tiếp (trống: gốc, chỉ quản trị viên)")


class MoveIn(Schema):
    parent: int | None = Field(description="Mã tổ chức cấp trên mới (trống: thành gốc, chỉ quản trị viên)")


class OrganizationFilter(Schema):
    under: int | None = Field(None, description="Chỉ các tổ chức trong cây con của tổ chức này (kể cả nó)")
    q: str | None = Field(None, max_length=200, description="Tìm theo tên")
    kind: str | None = Field(None, description="Lọc theo cấp tổ chức")
    active: bool | None = Field(None, description="true: còn hoạt động; false: đã hợp nhất / giải thể")


class ProfileVersionOut(Schema):
    id: int
    organization_id: int
    number: int = Field(description="Phiên bản số (tăng dần; phiên bản lớn nhất là hồ sơ hiện hành)")
    data: dict[str, Any] = Field(description="Hồ sơ đã kiểm tra (contract.md §1)")
    source_text: str = Field(description="Văn bản YAML/JSON gốc đã gửi (trống nếu gửi dạng đối tượng JSON)")
    author: str | None = Field(description="Người lập")
    created_at: dt.datetime
    note: str

    @staticmethod
    def resolve_author(obj: ProfileVersion) -> str | None:
        return permissions.user_label(obj.author)


class ProfileIn(Schema):
    text: str | None = Field(None, description="Hồ sơ viết bằng YAML hoặc JSON")
    data: dict[str, Any] | None = Field(None, description="Hồ sơ dạng đối tượng JSON")
    note: str = Field("", max_length=500, description="Ghi chú cho phiên bản")


PROFILE_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": (
            "Hồ sơ tổ chức (contract.md §1): gửi văn bản YAML (Content-Type: application/yaml hoặc text/plain; "
            "ghi chú qua ?note=), hoặc JSON: chính hồ sơ, hay {\"text\": \"…YAML…\"} / {\"data\": {…}} kèm "
            "\"note\". Hồ sơ được quyche kiểm tra; sai thì trả 422 với thông báo nêu trường và quy tắc."
        ),
        "content": {
            "application/json": {"schema": {"oneOf": [
                ProfileIn.model_json_schema(),
                {"type": "object", "title": "Hồ sơ", "description": "Chính hồ sơ (contract.md §1)"},
            ]}},
            "application/yaml": {"schema": {"type": "string"}},
        },
    }
}


# ------------------------------------------------------------------------------------------- helpers
def _visible(request: HttpRequest, org_id: int) -> Organization:
    return visible_or_404(permissions.organizations(user_of(request)), pk=org_id)


def _profile_payload(request: HttpRequest) -> tuple[str | dict[str, Any], str]:
    """The profile sent (YAML/JSON text, or a mapping) and the note."""
    content_type = (request.content_type or "").lower()
    note = request.GET.get("note", "")[:500]
    try:
        body = request.body.decode("utf-8")
    except UnicodeDecodeError:
        raise HttpError(422, "Hồ sơ phải là văn bản UTF-8.") from None
    if content_type in YAML_TYPES:
        return body, note
    if content_type != "application/json":
        raise HttpError(415, "Gửi hồ sơ dạng application/json hoặc application/yaml.")
    try:
        decoded = json.loads(body)
    except json.JSONDecodeError as exc:
        raise HttpError(422, f"JSON không hợp lệ (dòng {exc.lineno}, cột {exc.colno}).") from None
    if isinstance(decoded, dict) and set(decoded) & {"text", "data"} and not set(decoded) - {"text", "data", "note"}:
        wrapped = ProfileIn(**decoded)
        if (wrapped.text is None) == (wrapped.data is None):
            raise HttpError(422, "Gửi đúng một trong hai: “text” (YAML/JSON) hoặc “data” (đối tượng JSON).")
        return (wrapped.text if wrapped.text is not None else dict(wrapped.data or {})), wrapped.note or note
    return body, note


# ------------------------------------------------------------------------------------------- tree
@router.get("", response={200: list[OrganizationOut], **READ_ERRORS}, summary="Danh sách tổ chức đảng")
@paginate(Page)
def list_organizations(request: HttpRequest, filters: Query[OrganizationFilter]) -> Any:
    user = user_of(request)
    qs = permissions.organizations(user)
    if filters.under is not None:
        root = visible_or_404(qs, pk=filters.under)
        qs = qs.filter(path__startswith=root.path)
    if filters.q:
        qs = qs.filter(name__icontains=filters.q.strip())
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.active is True:
        qs = qs.filter(merged_into__isnull=True, dissolved_on__isnull=True)
    elif filters.active is False:
        qs = qs.exclude(merged_into__isnull=True, dissolved_on__isnull=True)
    return qs.order_by("path")


@router.post("", response={201: OrganizationDetail, **WRITE_ERRORS}, summary="Tạo tổ chức đảng",
             description="Quản trị viên: mọi nơi; cán bộ kiểm tra: dưới tổ chức trong phạm vi của mình.")
def create(request: HttpRequest, payload: OrganizationIn) -> Status[Organization]:
    user = user_of(request)
    parent = None
    if payload.parent is not None:
        parent = _visible(request, payload.parent)
    permissions.require(permissions.can_create_organization(user, parent),
                        "Chỉ quản trị viên, hoặc cán bộ kiểm tra trong phạm vi của mình, được tạo tổ chức.")
    org = create_organization(payload.name, payload.kind, payload.type, parent, actor=user)
    return Status(201, org)


@router.get("/{int:org_id}", response={200: OrganizationDetail, **READ_ERRORS}, summary="Một tổ chức đảng")
def detail(request: HttpRequest, org_id: int) -> Organization:
    return _visible(request, org_id)


@router.get("/{int:org_id}/children", response={200: list[OrganizationOut], **READ_ERRORS},
            summary="Các tổ chức cấp dưới trực tiếp")
@paginate(Page)
def children(request: HttpRequest, org_id: int) -> Any:
    org = _visible(request, org_id)
    return permissions.organizations(user_of(request)).filter(parent=org).order_by("path")


@router.post("/{int:org_id}/move", response={200: OrganizationDetail, **WRITE_ERRORS},
             summary="Chuyển tổ chức (cùng cây con) sang cấp trên khác")
def move(request: HttpRequest, org_id: int, payload: MoveIn) -> Organization:
    user = user_of(request)
    org = _visible(request, org_id)
    permissions.require(permissions.can_move_organization(user, org),
                        "Bạn không được chuyển tổ chức này (chỉ các tổ chức dưới tổ chức của mình).")
    parent = _visible(request, payload.parent) if payload.parent is not None else None
    permissions.require(permissions.can_create_organization(user, parent),
                        "Không được chuyển tổ chức ra ngoài phạm vi của mình.")
    move_organization(org, parent, actor=user)
    org.refresh_from_db()
    return org


# ------------------------------------------------------------------------------------------- profiles
@router.get("/{int:org_id}/profiles", response={200: list[ProfileVersionOut], **READ_ERRORS},
            summary="Các phiên bản hồ sơ của tổ chức (mới nhất trước)")
@paginate(Page)
def list_profiles(request: HttpRequest, org_id: int) -> Any:
    org = _visible(request, org_id)
    return permissions.profile_versions(user_of(request)).filter(organization=org).order_by("-number")


@router.get("/{int:org_id}/profile", response={200: ProfileVersionOut, **READ_ERRORS},
            summary="Hồ sơ hiện hành (phiên bản mới nhất)")
def current_profile(request: HttpRequest, org_id: int) -> ProfileVersion:
    org = _visible(request, org_id)
    version = permissions.profile_versions(user_of(request)).filter(organization=org).order_by("-number").first()
    if version is None:
        raise Http404("chưa có hồ sơ")
    return version


@router.get("/{int:org_id}/profiles/{int:number}", response={200: ProfileVersionOut, **READ_ERRORS},
            summary="Một phiên bản hồ sơ")
def profile_version(request: HttpRequest, org_id: int, number: int) -> ProfileVersion:
    org = _visible(request, org_id)
    return visible_or_404(permissions.profile_versions(user_of(request)), organization=org, number=number)


@router.post("/{int:org_id}/profiles", response={201: ProfileVersionOut, **WRITE_ERRORS, 415: ErrorOut},
             summary="Lưu phiên bản hồ sơ mới", openapi_extra=PROFILE_BODY,
             description="Hồ sơ được quyche kiểm tra trước khi lưu; thay đổi quan trọng (nhiệm kỳ, bí thư, "
                         "ngưỡng Ban Thường vụ / chi ủy) mở nhiệm vụ rà soát quy chế.")
def add_profile(request: HttpRequest, org_id: int) -> Status[ProfileVersion]:
    user = user_of(request)
    org = _visible(request, org_id)
    permissions.require(permissions.can_add_profile(user, org), "Bạn không được lưu hồ sơ của tổ chức này.")
    profile, note = _profile_payload(request)
    version = add_profile_version(org, profile, user, note=note)
    return Status(201, version)
