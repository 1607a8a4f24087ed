"""Forms of the review task pages: the filters of the list and closing a task."""

from __future__ import annotations

from django import forms

from quyche.web.reviews.models import Reason, TaskStatus

ALL = ""


class TaskFilterForm(forms.Form):
    status = forms.ChoiceField(label="Tình trạng", required=False,
                               choices=[(TaskStatus.OPEN.value, "Đang mở"), (TaskStatus.CLOSED.value, "Đã đóng"),
                                        ("all", "Tất cả")])
    reason = forms.ChoiceField(label="Lý do", required=False, choices=[(ALL, "Mọi lý do"), *Reason.choices])
    overdue = forms.BooleanField(label="Chỉ nhiệm vụ quá hạn", required=False)
    q = forms.CharField(label="Tổ chức hoặc nội dung", required=False, max_length=200)


class CloseTaskForm(forms.Form):
    resolution = forms.CharField(label="Kết quả xử lý", max_length=2000, required=False,
                                 widget=forms.Textarea(attrs={"rows": 2}),
                                 help_text="Ví dụ: đã rà soát, quy chế không cần sửa.")
