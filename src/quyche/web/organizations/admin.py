"""Organisations (tree) and their profile versions in the admin."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from quyche.profile import ProfileError, profile_from_dict
from quyche.web.audit.admin import AuditedAdmin
from quyche.web.organizations import services
from quyche.web.organizations.models import Organization, ProfileVersion


class ProfileVersionInline(admin.TabularInline[ProfileVersion, Organization]):
    model = ProfileVersion
    fields = ("number", "created_at", "author", "note")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Organization)
class OrganizationAdmin(AuditedAdmin):
    list_display = ("indented_name", "kind", "type", "parent", "merged_into")
    list_filter = ("kind", "type")
    search_fields = ("name",)
    autocomplete_fields = ("parent", "merged_into")
    readonly_fields = ("path", "depth", "created_at", "updated_at")
    inlines = (ProfileVersionInline,)

    @admin.display(description="tên tổ chức", ordering="path")
    def indented_name(self, obj: Organization) -> str:
        return "· " * obj.depth + obj.name


class ProfileVersionForm(forms.ModelForm[ProfileVersion]):
    source_text = forms.CharField(
        label="hồ sơ (YAML hoặc JSON, theo contract.md §1)", widget=forms.Textarea(attrs={"rows": 24, "cols": 100})
    )

    class Meta:
        model = ProfileVersion
        fields = ("organization", "source_text", "note")

    def clean_source_text(self) -> str:
        text: str = self.cleaned_data["source_text"]
        try:
            profile_from_dict(services.parse_profile_text(text))
        except ProfileError as exc:
            raise forms.ValidationError(exc.message) from exc
        return text


@admin.register(ProfileVersion)
class ProfileVersionAdmin(admin.ModelAdmin[ProfileVersion]):
    form = ProfileVersionForm
    list_display = ("organization", "number", "created_at", "author", "note")
    search_fields = ("organization__name",)
    autocomplete_fields = ("organization",)

    def get_readonly_fields(self, request: HttpRequest, obj: ProfileVersion | None = None) -> Any:
        if obj is None:
            return ()
        return ("organization", "number", "data", "source_text", "author", "created_at", "note")

    def get_fields(self, request: HttpRequest, obj: ProfileVersion | None = None) -> Any:
        if obj is None:
            return ("organization", "source_text", "note")
        return ("organization", "number", "created_at", "author", "note", "data", "source_text")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: ProfileVersion, form: Any, change: bool) -> None:
        version = services.add_profile_version(
            obj.organization, form.cleaned_data["source_text"], request.user, note=obj.note
        )
        obj.pk, obj.number, obj.data, obj.created_at = version.pk, version.number, version.data, version.created_at
        obj._state.adding = False
