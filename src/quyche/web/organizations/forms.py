"""Forms of the organisation pages: a new profile version written as YAML (or JSON)."""

from __future__ import annotations

from typing import Any

import yaml
from django import forms

from quyche.profile import ProfileError, profile_from_dict
from quyche.web.organizations.models import Organization
from quyche.web.organizations.services import parse_profile_text


class ProfileForm(forms.Form):
    """The profile as text; quyche validates it and its Vietnamese message is shown next to the field."""

    text = forms.CharField(
        label="Hồ sơ tổ chức (YAML)",
        widget=forms.Textarea(attrs={"rows": 24, "cols": 80, "spellcheck": "false", "class": "code"}),
        help_text="Theo mẫu quyche/profile/v1: tên, cấp tổ chức, loại hình, cấp trên, địa danh, nhiệm kỳ, "
                  "số đảng viên chính thức, cấp ủy (họ tên, chức vụ, nhiệm vụ).",
        error_messages={"required": "Chưa nhập hồ sơ."},
        strip=False,  # kept as written (stored as the version's source text); only line ends are normalised
    )
    note = forms.CharField(label="Ghi chú (không bắt buộc)", max_length=500, required=False,
                           help_text="Ví dụ: hồ sơ sau đại hội; thay đổi bí thư theo quyết định số …")

    def clean_text(self) -> str:
        text: str = self.cleaned_data["text"].replace("\r\n", "\n")
        if not text.strip():
            raise forms.ValidationError("Chưa nhập hồ sơ.", code="required")
        try:
            profile_from_dict(parse_profile_text(text))
        except ProfileError as exc:
            raise forms.ValidationError(exc.message, code="profile") from None
        return text


def profile_text(org: Organization) -> str:
    """The current profile as the text to edit: the text it was saved from, else its data as YAML; a
    starting skeleton for an organisation without a profile."""
    version = org.current_profile_version
    if version is not None:
        if version.source_text.strip():
            return version.source_text
        return yaml.safe_dump(version.data, allow_unicode=True, sort_keys=False, width=100)
    skeleton: dict[str, Any] = {
        "schema": "quyche/profile/v1",
        "name": org.name,
        "kind": org.kind,
        "type": org.type or "khac",
        "superior": org.parent.name if org.parent else "",
        "place": "",
        "term": {"from": 2025, "to": 2030},
        "members": 0,
        "committee": [{"name": "", "role": "bi_thu", "duties": ["Phụ trách chung"]}],
    }
    return yaml.safe_dump(skeleton, allow_unicode=True, sort_keys=False, width=100)
