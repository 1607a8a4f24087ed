from __future__ import annotations

from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "quyche.web.meetings"
    label = "meetings"
    verbose_name = "Sinh hoạt, hội nghị"
    default_auto_field = "django.db.models.BigAutoField"
