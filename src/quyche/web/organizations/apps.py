from __future__ import annotations

from django.apps import AppConfig


class OrganizationsConfig(AppConfig):
    name = "quyche.web.organizations"
    label = "organizations"
    verbose_name = "Tổ chức đảng"
    default_auto_field = "django.db.models.BigAutoField"
