"""Regulations, versions (read-only: uploads go through the service), citations and waivers in the admin."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from quyche.web.audit.admin import AuditedAdmin
from quyche.web.regulations.models import Regulation, RegulationVersion, VersionCitation, Waiver


class ReadOnlyAdmin(admin.ModelAdmin[Any]):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class VersionInline(admin.TabularInline[RegulationVersion, Regulation]):
    model = RegulationVersion
    fields = ("number", "filename", "uploaded_at", "uploaded_by", "issued_at", "ruleset")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Regulation)
class RegulationAdmin(AuditedAdmin):
    list_display = ("organization", "term", "khoa", "status", "updated_at")
    list_filter = ("status", "term_start")
    search_fields = ("organization__name", "title")
    autocomplete_fields = ("organization",)
    inlines = (VersionInline,)


class CitationInline(admin.TabularInline[VersionCitation, RegulationVersion]):
    model = VersionCitation
    fields = ("article", "raw", "reference_key", "paragraph")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(RegulationVersion)
class RegulationVersionAdmin(ReadOnlyAdmin):
    list_display = ("regulation", "number", "filename", "uploaded_at", "issued_at", "ruleset", "catalogue_version")
    list_filter = ("source_format", "ruleset")
    search_fields = ("regulation__organization__name", "filename", "sha256")
    inlines = (CitationInline,)


@admin.register(Waiver)
class WaiverAdmin(AuditedAdmin):
    list_display = ("rule", "organization", "scope", "paragraph", "approver", "created_at", "expires")
    list_filter = ("scope", "rule")
    search_fields = ("rule", "organization__name", "reason")
    autocomplete_fields = ("organization",)
    raw_id_fields = ("regulation", "version")
