"""Meetings in the admin."""

from __future__ import annotations

from django.contrib import admin

from quyche.web.audit.admin import AuditedAdmin
from quyche.web.meetings.models import Meeting


@admin.register(Meeting)
class MeetingAdmin(AuditedAdmin):
    list_display = ("organization", "date", "kind", "combined", "duration_minutes", "present", "total")
    list_filter = ("kind", "combined")
    search_fields = ("organization__name", "notes")
    date_hierarchy = "date"
    autocomplete_fields = ("organization",)
