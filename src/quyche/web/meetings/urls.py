"""Pages of the meetings app."""

from __future__ import annotations

from django.urls import path

from quyche.web.meetings import views

app_name = "meetings"

urlpatterns = [
    path("to-chuc/<int:pk>/sinh-hoat/", views.record, name="record"),
    path("to-chuc/<int:pk>/tuan-thu/", views.compliance_view, name="compliance"),
]
