"""Pages of the organisations app."""

from __future__ import annotations

from django.urls import path

from quyche.web.organizations import views

app_name = "organizations"

urlpatterns = [
    path("to-chuc/", views.tree, name="tree"),
    path("to-chuc/<int:pk>/", views.detail, name="detail"),
    path("to-chuc/<int:pk>/truc-thuoc/", views.children, name="children"),
    path("to-chuc/<int:pk>/ho-so/", views.profile, name="profile"),
]
