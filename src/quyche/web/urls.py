"""URL map. Later slices add /api/ (django-ninja, OpenAPI at /api/openapi.json) and the pages."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from quyche.web.api import api
from quyche.web.views import healthz

admin.site.site_header = "quyche — quản trị"
admin.site.site_title = "quyche"
admin.site.index_title = "Quản lý quy chế làm việc của các tổ chức đảng"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("", include("quyche.web.accounts.urls")),
    path("", include("quyche.web.organizations.urls")),
    path("", include("quyche.web.regulations.urls")),
    path("", include("quyche.web.meetings.urls")),
    path("", include("quyche.web.reviews.urls")),
    path("", include("quyche.web.references.urls")),
]
