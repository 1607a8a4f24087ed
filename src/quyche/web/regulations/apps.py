from __future__ import annotations

from django.apps import AppConfig


class RegulationsConfig(AppConfig):
    name = "quyche.web.regulations"
    label = "regulations"
    verbose_name = "Quy chế làm việc"
    default_auto_field = "django.db.models.BigAutoField"
