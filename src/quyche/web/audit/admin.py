"""Read-only audit log in the admin, and a mixin that logs every admin save and delete."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from quyche.web.audit import services
from quyche.web.audit.models import Action, AuditLog


@admin.register(AuditLog)
class AuditLogAdmin(admin.ModelAdmin[AuditLog]):
    list_display = ("created_at", "actor_name", "action", "model", "object_repr", "organization")
    list_filter = ("action", "model")
    search_fields = ("actor_name", "object_repr", "object_id", "note")
    date_hierarchy = "created_at"
    readonly_fields = tuple(f.name for f in AuditLog._meta.fields)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class AuditedAdmin(admin.ModelAdmin[Any]):
    """Admin whose saves and deletes go to the audit log with the old and new values."""

    def save_model(self, request: HttpRequest, obj: models.Model, form: Any, change: bool) -> None:
        before = None
        if change and obj.pk is not None:
            old = type(obj)._default_manager.filter(pk=obj.pk).first()
            before = services.snapshot(old) if old is not None else None
        super().save_model(request, obj, form, change)
        services.record(
            request.user,
            Action.UPDATE if change else Action.CREATE,
            obj,
            changes=services.diff(before, services.snapshot(obj)),
            note="quản trị",
        )

    def delete_model(self, request: HttpRequest, obj: models.Model) -> None:
        before = services.snapshot(obj)
        label, pk, text = obj._meta.label_lower, obj.pk, str(obj)
        org_id = getattr(obj, "organization_id", None)
        super().delete_model(request, obj)
        services.record(
            request.user, Action.DELETE, None, changes=services.diff(before, None), model=label,
            object_id=pk, object_repr=text, organization_id=org_id, note="quản trị",
        )

    def delete_queryset(self, request: HttpRequest, queryset: models.QuerySet[Any]) -> None:
        for obj in queryset:
            self.delete_model(request, obj)
