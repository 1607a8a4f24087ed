"""Review tasks in the admin (opened by the services; closed here or by issuing a new version)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from quyche.web.audit.admin import AuditedAdmin
from quyche.web.reviews import services
from quyche.web.reviews.models import ReviewTask, TaskStatus


@admin.register(ReviewTask)
class ReviewTaskAdmin(AuditedAdmin):
    list_display = ("organization", "reason", "summary", "due_date", "status", "closed_by_version")
    list_filter = ("status", "reason")
    search_fields = ("organization__name", "summary")
    readonly_fields = ("organization", "regulation", "version", "reason", "reference", "summary", "details",
                       "created_at", "created_by", "closed_at", "closed_by", "closed_by_version", "status")
    fields = ("organization", "regulation", "version", "reason", "reference", "summary", "details", "due_date",
              "status", "created_at", "created_by", "closed_at", "closed_by", "closed_by_version", "resolution")
    actions = ("close",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description="Đóng các nhiệm vụ đã chọn", permissions=("change",))
    def close(self, request: HttpRequest, queryset: Any) -> None:
        for task in queryset.filter(status=TaskStatus.OPEN):
            services.close_task(task, request.user, resolution="đóng trong trang quản trị")
