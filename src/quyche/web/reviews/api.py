"""API: review tasks (list with filters, detail, close with a resolution)."""

import datetime as dt
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from quyche.web import permissions
from quyche.web.api_support import READ_ERRORS, WRITE_ERRORS, ErrorOut, OrgRef, Page, org_ref, user_of, visible_or_404
from quyche.web.reviews.models import Reason, ReviewTask, TaskStatus
from quyche.web.reviews.services import close_task

router = Router()


class TaskOut(Schema):
    id: int
    organization: OrgRef
    regulation_id: int | None
    version_id: int | None = Field(description="Phiên bản cần rà soát")
    reason: str = Field(description=f"Lý do: {', '.join(Reason.values)}")
    reason_label: str
    reference: str | None = Field(description="Khóa văn bản cấp trên liên quan")
    summary: str = Field(description="Nội dung cần rà soát")
    details: dict[str, Any] = Field(description="Chi tiết: văn bản, điều khoản, thay đổi hồ sơ…")
    due_date: dt.date = Field(description="Hạn rà soát")
    status: str = Field(description="open | closed")
    created_at: dt.datetime
    closed_at: dt.datetime | None
    closed_by: str | None
    closed_by_version_id: int | None = Field(description="Phiên bản đã đóng nhiệm vụ (khi ban hành)")
    resolution: str = Field(description="Kết quả xử lý")

    @staticmethod
    def resolve_organization(obj: ReviewTask) -> dict[str, Any] | None:
        return org_ref(obj.organization)

    @staticmethod
    def resolve_reason_label(obj: ReviewTask) -> str:
        return str(obj.get_reason_display())

    @staticmethod
    def resolve_reference(obj: ReviewTask) -> str | None:
        return obj.reference_id

    @staticmethod
    def resolve_closed_by(obj: ReviewTask) -> str | None:
        return permissions.user_label(obj.closed_by)


class TaskFilter(Schema):
    status: str | None = Field(None, description="open | closed")
    reason: str | None = Field(None, description=f"Lý do: {', '.join(Reason.values)}")
    organization: int | None = Field(None, description="Chỉ nhiệm vụ của tổ chức này")
    under: int | None = Field(None, description="Nhiệm vụ của các tổ chức trong cây con của tổ chức này")
    reference: str | None = Field(None, description="Theo khóa văn bản cấp trên")
    overdue: bool | None = Field(None, description="true: đang mở và đã quá hạn")


class CloseIn(Schema):
    resolution: str = Field(min_length=1, max_length=5000, description="Kết quả xử lý (bắt buộc)")
    version: int | None = Field(None, description="Phiên bản quy chế đã giải quyết nhiệm vụ (nếu có)")


@router.get("", response={200: list[TaskOut], **READ_ERRORS}, summary="Danh sách nhiệm vụ rà soát")
@paginate(Page)
def list_tasks(request: HttpRequest, filters: Query[TaskFilter]) -> Any:
    user = user_of(request)
    qs = permissions.tasks(user)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.reason:
        qs = qs.filter(reason=filters.reason)
    if filters.organization is not None:
        qs = qs.filter(organization_id=filters.organization)
    if filters.under is not None:
        root = visible_or_404(permissions.organizations(user), pk=filters.under)
        qs = qs.filter(organization__path__startswith=root.path)
    if filters.reference:
        qs = qs.filter(reference_id=filters.reference)
    if filters.overdue is True:
        qs = qs.filter(status=TaskStatus.OPEN, due_date__lt=timezone.localdate())
    return qs.order_by("status", "due_date", "pk")


@router.get("/{int:task_id}", response={200: TaskOut, **READ_ERRORS}, summary="Một nhiệm vụ rà soát")
def task_detail(request: HttpRequest, task_id: int) -> ReviewTask:
    return visible_or_404(permissions.tasks(user_of(request)), pk=task_id)


@router.post("/{int:task_id}/close", response={200: TaskOut, **WRITE_ERRORS, 409: ErrorOut},
             summary="Đóng nhiệm vụ với kết quả xử lý")
def close(request: HttpRequest, task_id: int, payload: CloseIn) -> ReviewTask:
    user = user_of(request)
    task = visible_or_404(permissions.tasks(user), pk=task_id)
    permissions.require(permissions.can_close_task(user, task),
                        "Chỉ quản trị viên hoặc cán bộ kiểm tra của cấp trên được đóng nhiệm vụ rà soát.")
    if task.status == TaskStatus.CLOSED:
        raise HttpError(409, "Nhiệm vụ đã đóng.")
    version = None
    if payload.version is not None:
        version = visible_or_404(permissions.versions(user), pk=payload.version)
        if version.regulation.organization_id != task.organization_id:
            raise HttpError(422, "version: phiên bản không thuộc tổ chức của nhiệm vụ.")
    with transaction.atomic():
        close_task(task, user, resolution=payload.resolution.strip(), version=version)
    return visible_or_404(permissions.tasks(user), pk=task_id)
