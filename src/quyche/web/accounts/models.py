"""Users of the web service and their API tokens.

Roles (:class:`Role`): an administrator sees everything; an inspector (cán bộ kiểm tra of the superior
committee) sees the subtree of its organisation; a staff member sees its own organisation only.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", "Quản trị viên"
    INSPECTOR = "inspector", "Cán bộ kiểm tra của cấp ủy cấp trên"
    STAFF = "staff", "Cán bộ của tổ chức đảng"


class QuycheUserManager(UserManager["User"]):
    def create_superuser(
        self, username: str, email: str | None = None, password: str | None = None, **extra_fields: Any
    ) -> User:
        extra_fields.setdefault("role", Role.ADMINISTRATOR)
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    full_name = models.CharField("họ và tên", max_length=150, blank=True)
    role = models.CharField("vai trò", max_length=20, choices=Role.choices, default=Role.STAFF)
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name="tổ chức đảng",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
        help_text="Bắt buộc với cán bộ kiểm tra và cán bộ của tổ chức; để trống với quản trị viên.",
    )

    objects = QuycheUserManager()  # type: ignore[misc]

    class Meta:
        verbose_name = "người dùng"
        verbose_name_plural = "người dùng"
        constraints = (
            models.CheckConstraint(
                condition=Q(role=Role.ADMINISTRATOR) | Q(organization__isnull=False),
                name="accounts_user_organization_required",
                violation_error_message="Cán bộ kiểm tra và cán bộ của tổ chức phải thuộc một tổ chức đảng.",
            ),
        )

    def __str__(self) -> str:
        return self.full_name or self.get_username()

    @property
    def is_administrator(self) -> bool:
        return self.role == Role.ADMINISTRATOR

    @property
    def is_inspector(self) -> bool:
        return self.role == Role.INSPECTOR


class ApiToken(models.Model):
    """A bearer token for the REST API. Only the SHA-256 of the token is stored; the token is shown once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người dùng", on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField("tên khóa", max_length=100)
    key_hash = models.CharField("mã băm SHA-256", max_length=64, unique=True, editable=False)
    prefix = models.CharField("đầu khóa (để nhận biết)", max_length=12, editable=False)
    created_at = models.DateTimeField("ngày tạo", default=timezone.now, editable=False)
    last_used_at = models.DateTimeField("lần dùng gần nhất", null=True, blank=True, editable=False)
    expires_at = models.DateTimeField("hết hạn", null=True, blank=True)

    class Meta:
        verbose_name = "khóa truy cập API"
        verbose_name_plural = "khóa truy cập API"
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def is_expired(self, now: Any = None) -> bool:
        return self.expires_at is not None and self.expires_at <= (now or timezone.now())
