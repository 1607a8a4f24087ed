"""Pages of the regulations app."""

from __future__ import annotations

from django.urls import path

from quyche.web.regulations import views

app_name = "regulations"

urlpatterns = [
    path("to-chuc/<int:pk>/quy-che/moi/", views.create, name="create"),
    path("quy-che/<int:pk>/tai-len/", views.upload, name="upload"),
    path("phien-ban/<int:pk>/", views.version_detail, name="version"),
    path("phien-ban/<int:pk>/tep-goc/", views.original, name="original"),
    path("phien-ban/<int:pk>/mien-tru/", views.waiver, name="waiver"),
    path("phien-ban/<int:pk>/ban-hanh/", views.issue, name="issue"),
    path("quy-tac/", views.rules, name="rules"),
    path("quy-tac/<str:rule_id>/", views.rule, name="rule"),
]
