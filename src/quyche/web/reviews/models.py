"""Review tasks: an organisation's working regulation must be looked at again, and why (domain.md §5)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from quyche.web.organizations.models import Organization


class Reason(models.TextChoices):
    REFERENCE_SUPERSEDED = "reference_superseded", "Văn bản được trích dẫn đã bị thay thế"
    NEW_TERM = "new_term", "Nhiệm kỳ mới"
    PROFILE_CHANGED = "profile_changed", "Hồ sơ tổ chức thay đổi"
    MODEL_CHANGED = "model_changed", "Quy chế mẫu thay đổi"


class TaskStatus(models.TextChoices):
    OPEN = "open", "Đang mở"
    CLOSED = "closed", "Đã đóng"


class ReviewTask(models.Model):
    organization = models.ForeignKey(
        Organization, verbose_name="tổ chức đảng", on_delete=models.PROTECT, related_name="review_tasks"
    )
    regulation = models.ForeignKey(
        "regulations.Regulation",
        verbose_name="quy chế",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="review_tasks",
    )
    version = models.ForeignKey(
        "regulations.RegulationVersion",
        verbose_name="phiên bản cần rà soát",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="review_tasks",
    )
    reason = models.CharField("lý do", max_length=30, choices=Reason.choices)
    reference = models.ForeignKey(
        "references.Reference",
        verbose_name="văn bản liên quan",
        to_field="key",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="review_tasks",
    )
    summary = models.CharField("nội dung", max_length=500)
    details = models.JSONField("chi tiết (văn bản, điều khoản liên quan)", default=dict, blank=True)
    due_date = models.DateField("hạn rà soát")
    status = models.CharField("tình trạng", max_length=10, choices=TaskStatus.choices, default=TaskStatus.OPEN)
    created_at = models.DateTimeField("ngày mở", default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người mở (trống: tự động)",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    closed_at = models.DateTimeField("ngày đóng", null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người đóng",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    closed_by_version = models.ForeignKey(
        "regulations.RegulationVersion",
        verbose_name="đóng bởi phiên bản",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="closed_tasks",
    )
    resolution = models.TextField("kết quả xử lý", blank=True)

    class Meta:
        verbose_name = "nhiệm vụ rà soát"
        verbose_name_plural = "nhiệm vụ rà soát"
        ordering = ("status", "due_date", "id")
        indexes = (models.Index(fields=("organization", "status"), name="reviews_org_status"),)
        constraints = (
            models.CheckConstraint(
                condition=models.Q(status="open", closed_at__isnull=True)
                | models.Q(status="closed", closed_at__isnull=False),
                name="reviews_closed_has_date",
            ),
        )

    def __str__(self) -> str:
        return f"{self.organization}: {self.summary}"
