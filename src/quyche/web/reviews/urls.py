"""Pages of the reviews app."""

from __future__ import annotations

from django.urls import path

from quyche.web.reviews import views

app_name = "reviews"

urlpatterns = [
    path("nhiem-vu/", views.task_list, name="tasks"),
    path("nhiem-vu/<int:pk>/dong/", views.close, name="close"),
]
