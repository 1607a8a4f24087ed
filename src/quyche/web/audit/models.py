"""Audit log of every change made through the services and the admin. Append-only."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from quyche.web.immutable import ImmutableModel


class Action(models.TextChoices):
    CREATE = "create", "Tạo mới"
    UPDATE = "update", "Sửa"
    DELETE = "delete", "Xóa"
    UPLOAD = "upload", "Tải lên"
    ISSUE = "issue", "Ban hành"
    IMPORT = "import", "Nhập dữ liệu"
    OPEN = "open", "Mở rà soát"
    CLOSE = "close", "Đóng rà soát"
    MERGE = "merge", "Hợp nhất"
    LOGIN = "login", "Đăng nhập"
    TOKEN = "token", "Khóa truy cập API"


class AuditLog(ImmutableModel):
    immutable_reason = "nhật ký thay đổi chỉ được ghi thêm, không được sửa hay xóa"

    created_at = models.DateTimeField("thời điểm", default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thực hiện",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_name = models.CharField("tên người thực hiện", max_length=150, blank=True)
    action = models.CharField("thao tác", max_length=20, choices=Action.choices)
    model = models.CharField("loại dữ liệu", max_length=100, db_index=True)
    object_id = models.CharField("mã bản ghi", max_length=100, blank=True, db_index=True)
    object_repr = models.CharField("bản ghi", max_length=300, blank=True)
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name="tổ chức đảng",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    diff = models.JSONField("thay đổi (giá trị cũ, mới)", default=dict, blank=True)
    note = models.CharField("ghi chú", max_length=500, blank=True)

    class Meta:
        verbose_name = "mục nhật ký"
        verbose_name_plural = "nhật ký thay đổi"
        ordering = ("-created_at", "-id")
        indexes = (models.Index(fields=("model", "object_id"), name="audit_model_object"),)

    def __str__(self) -> str:
        who = self.actor_name or "hệ thống"
        return f"{self.created_at:%d/%m/%Y %H:%M} {who}: {self.get_action_display()} {self.object_repr}"
