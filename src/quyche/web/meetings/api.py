"""API: meetings (list by organisation and month, record one) and their compliance per month."""

import calendar
import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate
from ninja.responses import Status

from quyche.web import permissions
from quyche.web.api_support import READ_ERRORS, WRITE_ERRORS, OrgRef, Page, org_ref, user_of, visible_or_404
from quyche.web.meetings.models import Meeting, MeetingKind
from quyche.web.meetings.services import compliance as month_compliance
from quyche.web.meetings.services import record_meeting
from quyche.web.organizations.models import Organization

router = Router()

MONTH = r"^\d{4}-(0[1-9]|1[0-2])$"
KINDS = ", ".join(MeetingKind.values)


class MeetingOut(Schema):
    id: int
    organization: OrgRef
    date: dt.date = Field(description="Ngày họp")
    kind: str = Field(description=f"Loại sinh hoạt: {KINDS}")
    kind_label: str
    combined: bool = Field(description="Thường kỳ kết hợp chuyên đề")
    duration_minutes: int = Field(description="Thời lượng (phút)")
    present: int = Field(description="Số đảng viên có mặt")
    total: int = Field(description="Tổng số đảng viên phải dự")
    attendance: float | None = Field(description="Tỷ lệ có mặt (0–1)")
    notes: str
    created_by: str | None
    created_at: dt.datetime

    @staticmethod
    def resolve_organization(obj: Meeting) -> dict[str, Any] | None:
        return org_ref(obj.organization)

    @staticmethod
    def resolve_kind_label(obj: Meeting) -> str:
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_created_by(obj: Meeting) -> str | None:
        return permissions.user_label(obj.created_by)


class MeetingIn(Schema):
    organization: int = Field(description="Mã tổ chức (chi bộ)")
    date: dt.date = Field(description="Ngày họp")
    kind: str = Field(description=f"Loại sinh hoạt: {KINDS}")
    combined: bool = Field(False, description="Thường kỳ kết hợp chuyên đề")
    duration_minutes: int = Field(gt=0, le=24 * 60, description="Thời lượng (phút)")
    present: int = Field(ge=0, description="Số đảng viên có mặt")
    total: int = Field(ge=0, description="Tổng số đảng viên phải dự")
    notes: str = Field("", max_length=5000, description="Ghi chú")


class MeetingFilter(Schema):
    organization: int | None = Field(None, description="Chỉ buổi họp của tổ chức này")
    month: str | None = Field(None, pattern=MONTH, description="Tháng, dạng YYYY-MM")
    kind: str | None = Field(None, description=f"Loại sinh hoạt: {KINDS}")


class ComplianceQuery(Schema):
    organization: int = Field(description="Mã tổ chức (chi bộ)")
    month: str = Field(pattern=MONTH, description="Tháng, dạng YYYY-MM")


class IssueOut(Schema):
    code: str = Field(description="regular_missing, thematic_missing, thematic_pending, duration_short, "
                                  "attendance_low, not_chi_bo")
    severity: str = Field(description="error | warning | info")
    message: str
    meeting: int | None
    citation: str


class ComplianceOut(Schema):
    organization: OrgRef
    year: int
    month: int
    applicable: bool = Field(description="Chế độ sinh hoạt hằng tháng áp dụng (tổ chức là chi bộ)")
    ok: bool = Field(description="Không có lỗi hay cảnh báo")
    regular_count: int = Field(description="Số buổi thường kỳ trong tháng")
    thematic_in_quarter: int = Field(description="Số buổi chuyên đề trong quý, tính đến hết tháng")
    quarter_complete: bool
    meetings: list[MeetingOut]
    issues: list[IssueOut]


def _month(value: str) -> tuple[int, int]:
    year, month = value.split("-")
    return int(year), int(month)


def _visible_org(request: HttpRequest, org_id: int) -> Organization:
    return visible_or_404(permissions.organizations(user_of(request)), pk=org_id)


@router.get("", response={200: list[MeetingOut], **READ_ERRORS}, summary="Danh sách buổi sinh hoạt")
@paginate(Page)
def list_meetings(request: HttpRequest, filters: Query[MeetingFilter]) -> Any:
    qs = permissions.meetings(user_of(request))
    if filters.organization is not None:
        qs = qs.filter(organization=_visible_org(request, filters.organization))
    if filters.month:
        year, month = _month(filters.month)
        last = calendar.monthrange(year, month)[1]
        qs = qs.filter(date__range=(dt.date(year, month, 1), dt.date(year, month, last)))
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    return qs.order_by("organization__path", "-date", "-pk")


@router.post("", response={201: MeetingOut, **WRITE_ERRORS}, summary="Ghi một buổi sinh hoạt")
def create(request: HttpRequest, payload: MeetingIn) -> Status[Meeting]:
    user = user_of(request)
    org = _visible_org(request, payload.organization)
    permissions.require(permissions.can_record_meeting(user, org), "Bạn không được ghi sinh hoạt của tổ chức này.")
    fields = payload.model_dump(exclude={"organization"})
    try:
        meeting = record_meeting(org, actor=user, **fields)
    except ValueError as exc:
        raise HttpError(422, f"kind: {exc}") from None
    return Status(201, meeting)


@router.get("/compliance", response={200: ComplianceOut, **READ_ERRORS},
            summary="Việc thực hiện chế độ sinh hoạt chi bộ trong một tháng",
            description="Thường kỳ mỗi tháng, chuyên đề mỗi quý, thời lượng tối thiểu, tỷ lệ có mặt; tháng chưa hết "
                        "không bị tính là thiếu buổi thường kỳ.")
def compliance(request: HttpRequest, query: Query[ComplianceQuery]) -> dict[str, Any]:
    org = _visible_org(request, query.organization)
    year, month = _month(query.month)
    result = month_compliance(org, year, month, today=timezone.localdate())
    data = result.to_json()
    data.update(organization=org_ref(org), meetings=result.meetings)
    return data


@router.get("/{int:meeting_id}", response={200: MeetingOut, **READ_ERRORS}, summary="Một buổi sinh hoạt")
def detail(request: HttpRequest, meeting_id: int) -> Meeting:
    return visible_or_404(permissions.meetings(user_of(request)), pk=meeting_id)
