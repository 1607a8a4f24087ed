"""The catalogue in the admin: the board edits entries here; every save is validated by quyche, kept in the
history with its source, and may open review tasks (see :mod:`quyche.web.references.services`)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.http import HttpRequest

from quyche.references import CatalogueError
from quyche.web.references import services
from quyche.web.references.models import Reference, ReferenceChange


class ReferenceForm(forms.ModelForm[Reference]):
    change_source = forms.CharField(
        label="nguồn của thay đổi",
        help_text="Đường dẫn hoặc số, ký hiệu văn bản làm căn cứ cho thay đổi này (bắt buộc).",
        widget=forms.TextInput(attrs={"size": 100}),
    )
    change_note = forms.CharField(label="ghi chú thay đổi", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    class Meta:
        model = Reference
        exclude = ("updated_at", "updated_by", "origin")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        candidate = self.instance
        for name, value in data.items():
            if name in {f.name for f in Reference._meta.fields}:
                setattr(candidate, name, value)
        try:
            services._validate_with(candidate)
        except CatalogueError as exc:
            raise forms.ValidationError(exc.message) from exc
        return data


@admin.register(Reference)
class ReferenceAdmin(admin.ModelAdmin[Reference]):
    form = ReferenceForm
    list_display = ("key", "number_symbol", "date", "kind", "status", "superseded_by", "link_confidence", "origin")
    list_filter = ("kind", "status", "confidence", "origin")
    search_fields = ("key", "number_symbol", "title_short", "issuer")
    autocomplete_fields = ("superseded_by",)
    readonly_fields = ("origin", "updated_at", "updated_by")

    def save_model(self, request: HttpRequest, obj: Reference, form: Any, change: bool) -> None:
        try:
            services.save_reference(
                obj, request.user, source=form.cleaned_data["change_source"], note=form.cleaned_data["change_note"]
            )
        except (CatalogueError, services.ReferenceEditError) as exc:  # validated in the form; a race lands here
            messages.error(request, str(exc))

    def delete_model(self, request: HttpRequest, obj: Reference) -> None:
        services.delete_reference(obj, request.user, source="xóa trong trang quản trị")

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(ReferenceChange)
class ReferenceChangeAdmin(admin.ModelAdmin[ReferenceChange]):
    list_display = ("created_at", "reference_key", "action", "fields", "user", "source")
    list_filter = ("action",)
    search_fields = ("reference_key", "source", "note")
    readonly_fields = tuple(f.name for f in ReferenceChange._meta.fields)
    actions = ("revert",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.action(description="Hoàn tác các thay đổi đã chọn", permissions=("view",))
    def revert(self, request: HttpRequest, queryset: Any) -> None:
        for change in queryset.order_by("-created_at", "-id"):
            try:
                services.revert_change(change, request.user)
            except (CatalogueError, services.ReferenceEditError) as exc:
                messages.error(request, f"#{change.pk}: {exc}")
