from __future__ import annotations

from django.apps import AppConfig


class ReferencesConfig(AppConfig):
    name = "quyche.web.references"
    label = "references"
    verbose_name = "Danh mục văn bản cấp trên"
    default_auto_field = "django.db.models.BigAutoField"
