"""Search form of the reference catalogue page."""

from __future__ import annotations

from django import forms

from quyche.web.references.models import KIND_CHOICES


class ReferenceSearchForm(forms.Form):
    q = forms.CharField(label="Tìm văn bản", required=False, max_length=200,
                        help_text="Số hiệu (294-QĐ/TW, 294), khóa hoặc từ khóa trong trích yếu.")
    kind = forms.ChoiceField(label="Nhóm văn bản", required=False, choices=[("", "Mọi nhóm"), *KIND_CHOICES])
