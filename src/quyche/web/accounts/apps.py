from __future__ import annotations

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "quyche.web.accounts"
    label = "accounts"
    verbose_name = "Tài khoản và quyền truy cập"
    default_auto_field = "django.db.models.BigAutoField"
