"""Forms of the regulation pages: open a regulation, upload a version, grant a waiver, issue a draft."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone

from quyche.catalogue import catalogue as rule_catalogue
from quyche.readers import SUPPORTED_SUFFIXES
from quyche.web.meetings.forms import DateInput
from quyche.web.regulations.models import WaiverScope


class RegulationForm(forms.Form):
    term_start = forms.IntegerField(label="Nhiệm kỳ từ năm", min_value=1930, max_value=2200)
    term_end = forms.IntegerField(label="đến năm", min_value=1930, max_value=2200)
    khoa = forms.CharField(label="Khóa (không bắt buộc)", max_length=20, required=False,
                           help_text="Ví dụ: I, XV.")
    title = forms.CharField(label="Trích yếu (không bắt buộc)", max_length=500, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("term_start"), data.get("term_end")
        if start is not None and end is not None and end <= start:
            self.add_error("term_end", "Năm kết thúc nhiệm kỳ phải sau năm bắt đầu.")
        return data


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Tệp quy chế",
        help_text=f"Tệp {', '.join(SUPPORTED_SUFFIXES)}, tối đa "
                  f"{settings.QUYCHE_MAX_UPLOAD_BYTES // (1024 * 1024)} MB. Tệp được kiểm tra ngay khi tải lên.",
        error_messages={"required": "Chưa chọn tệp.", "empty": "Tệp rỗng (0 byte).",
                        "invalid": "Không nhận được tệp; hãy chọn lại."},
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(SUPPORTED_SUFFIXES)}),
    )
    note = forms.CharField(label="Ghi chú (không bắt buộc)", max_length=500, required=False,
                           help_text="Ví dụ: bản trình Hội nghị Ban Chấp hành; bản đã sửa theo góp ý.")


SCOPE_HELP = {
    WaiverScope.VERSION: "chỉ phiên bản này",
    WaiverScope.REGULATION: "mọi phiên bản của quy chế này",
    WaiverScope.ORGANIZATION: "mọi quy chế của tổ chức",
}


class WaiverForm(forms.Form):
    rule = forms.ChoiceField(label="Quy tắc được miễn áp dụng")
    scope = forms.ChoiceField(
        label="Phạm vi",
        choices=[(k.value, f"{k.label} ({SCOPE_HELP[k]})") for k in
                 (WaiverScope.VERSION, WaiverScope.REGULATION, WaiverScope.ORGANIZATION)],
        initial=WaiverScope.VERSION,
    )
    paragraph = forms.IntegerField(label="Chỉ đoạn số (không bắt buộc)", min_value=1, required=False,
                                   help_text="Để trống: mọi vị trí của quy tắc này.")
    reason = forms.CharField(label="Lý do", max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
                             error_messages={"required": "Cần ghi lý do miễn áp dụng."})
    expires = forms.DateField(label="Hết hiệu lực từ ngày", widget=DateInput(),
                              help_text="Từ ngày này phát hiện hiện lại.",
                              error_messages={"required": "Chưa nhập ngày hết hiệu lực.",
                                              "invalid": "Ngày không hợp lệ."})

    def __init__(self, *args: Any, rules: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cat = rule_catalogue()
        ids = rules if rules else list(cat.rules)
        choices = [(r, f"{r} — {cat.rules[r].name}" if r in cat.rules else r) for r in dict.fromkeys(ids)]
        rule_field = self.fields["rule"]
        assert isinstance(rule_field, forms.ChoiceField)
        rule_field.choices = choices
        expires_field = self.fields["expires"]
        expires_field.initial = timezone.localdate() + timedelta(days=90)

    def clean_reason(self) -> str:
        reason: str = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError("Cần ghi lý do miễn áp dụng.")
        return reason

    def clean_expires(self) -> date:
        day: date = self.cleaned_data["expires"]
        if day <= timezone.localdate():
            raise forms.ValidationError("Ngày hết hiệu lực phải sau hôm nay.")
        return day


class IssueForm(forms.Form):
    confirm = forms.BooleanField(
        label="Tôi xác nhận phiên bản này đã được ký ban hành chính thức",
        error_messages={"required": "Hãy đánh dấu xác nhận trước khi ghi nhận ban hành."},
    )
