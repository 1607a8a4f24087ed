"""URL map. Later slices add /api/ (django-ninja, OpenAPI at /api/openapi.json) and the pages."""

from __future__ import annotations

from django.contrib import admin
from django.urls import path

from quyche.web.views import healthz

admin.site.site_header = "quyche — quản trị"
admin.site.site_title = "quyche"
admin.site.index_title = "Quản lý quy chế làm việc của các tổ chức đảng"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
]
