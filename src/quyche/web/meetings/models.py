"""Meetings (sinh hoạt chi bộ, hội nghị) as the organisations record them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from quyche.web.organizations.models import Organization


class MeetingKind(models.TextChoices):
    REGULAR = "thuong_ky", "Thường kỳ"
    THEMATIC = "chuyen_de", "Chuyên đề"
    EXTRAORDINARY = "bat_thuong", "Bất thường"


class Meeting(models.Model):
    organization = models.ForeignKey(
        Organization, verbose_name="tổ chức đảng", on_delete=models.PROTECT, related_name="meetings"
    )
    date = models.DateField("ngày họp", db_index=True)
    kind = models.CharField("loại sinh hoạt", max_length=20, choices=MeetingKind.choices)
    combined = models.BooleanField(
        "thường kỳ kết hợp chuyên đề", default=False,
        help_text="Buổi sinh hoạt thường kỳ có lồng ghép sinh hoạt chuyên đề (tối thiểu 120 phút từ 28/10/2025).",
    )
    duration_minutes = models.PositiveIntegerField("thời lượng (phút)")
    present = models.PositiveIntegerField("số đảng viên có mặt")
    total = models.PositiveIntegerField("tổng số đảng viên phải dự")
    notes = models.TextField("ghi chú", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người ghi",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField("ngày ghi", default=timezone.now, editable=False)

    class Meta:
        verbose_name = "buổi sinh hoạt"
        verbose_name_plural = "sinh hoạt, hội nghị"
        ordering = ("organization", "-date")
        constraints = (
            models.CheckConstraint(condition=Q(present__lte=F("total")), name="meetings_present_le_total",
                                   violation_error_message="Số có mặt không được lớn hơn tổng số."),
            models.CheckConstraint(condition=Q(duration_minutes__gt=0), name="meetings_duration_positive"),
            models.CheckConstraint(condition=Q(combined=False) | Q(kind="thuong_ky"),
                                   name="meetings_combined_is_regular",
                                   violation_error_message="Chỉ buổi thường kỳ mới kết hợp chuyên đề."),
        )

    def __str__(self) -> str:
        return f"{self.organization} — {self.get_kind_display()} {self.date:%d/%m/%Y}"

    @property
    def counts_as_regular(self) -> bool:
        return self.kind == MeetingKind.REGULAR

    @property
    def counts_as_thematic(self) -> bool:
        return self.kind == MeetingKind.THEMATIC or self.combined

    @property
    def attendance(self) -> float | None:
        return self.present / self.total if self.total else None
