"""Pages of the accounts app: sign in, sign out, the dashboard."""

from __future__ import annotations

from django.urls import path

from quyche.web.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("dang-nhap/", views.LoginView.as_view(), name="login"),
    path("dang-xuat/", views.LogoutView.as_view(), name="logout"),
]
