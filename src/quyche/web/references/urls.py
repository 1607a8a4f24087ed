"""Pages of the references app (the catalogue of higher-level documents)."""

from __future__ import annotations

from django.urls import path

from quyche.web.references import views

app_name = "references"

urlpatterns = [
    path("van-ban/", views.reference_list, name="list"),
    path("van-ban/<str:key>/", views.reference_detail, name="detail"),
]
