"""Form of a recorded meeting (sinh hoạt chi bộ, hội nghị)."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone

from quyche.web.meetings.models import MeetingKind


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class MeetingForm(forms.Form):
    date = forms.DateField(label="Ngày họp", widget=DateInput(),
                           error_messages={"required": "Chưa nhập ngày họp.", "invalid": "Ngày không hợp lệ."})
    kind = forms.ChoiceField(label="Loại sinh hoạt", choices=MeetingKind.choices, initial=MeetingKind.REGULAR)
    combined = forms.BooleanField(label="Thường kỳ có kết hợp sinh hoạt chuyên đề", required=False,
                                  help_text="Từ 28/10/2025 buổi kết hợp phải kéo dài ít nhất 120 phút.")
    duration_minutes = forms.IntegerField(
        label="Thời lượng (phút)", min_value=1, max_value=24 * 60, help_text="Từ 28/10/2025: ít nhất 90 phút.",
        error_messages={"required": "Chưa nhập thời lượng.", "invalid": "Thời lượng phải là số phút.",
                        "min_value": "Thời lượng phải ít nhất 1 phút.",
                        "max_value": "Thời lượng không quá 24 giờ (1440 phút)."})
    present = forms.IntegerField(
        label="Số đảng viên có mặt", min_value=0, max_value=100_000,
        error_messages={"required": "Chưa nhập số có mặt.", "invalid": "Phải là một số nguyên.",
                        "min_value": "Số có mặt không được âm.", "max_value": "Số quá lớn."})
    total = forms.IntegerField(
        label="Tổng số đảng viên phải dự", min_value=1, max_value=100_000,
        error_messages={"required": "Chưa nhập tổng số đảng viên.", "invalid": "Phải là một số nguyên.",
                        "min_value": "Tổng số phải ít nhất 1.", "max_value": "Số quá lớn."})
    notes = forms.CharField(label="Ghi chú", required=False, max_length=2000,
                            widget=forms.Textarea(attrs={"rows": 3}))

    def clean_date(self) -> datetime.date:
        day: datetime.date = self.cleaned_data["date"]
        if day > timezone.localdate():
            raise forms.ValidationError("Ngày họp không được sau hôm nay (chỉ ghi buổi đã họp).")
        return day

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        present, total = data.get("present"), data.get("total")
        if present is not None and total is not None and present > total:
            self.add_error("present", "Số có mặt không được lớn hơn tổng số đảng viên phải dự.")
        if data.get("combined") and data.get("kind") != MeetingKind.REGULAR:
            self.add_error("combined", "Chỉ buổi sinh hoạt thường kỳ mới kết hợp chuyên đề.")
        return data
