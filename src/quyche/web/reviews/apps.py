from __future__ import annotations

from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "quyche.web.reviews"
    label = "reviews"
    verbose_name = "Rà soát quy chế"
    default_auto_field = "django.db.models.BigAutoField"
