"""Board staff edit the catalogue in the admin: validated, sourced, kept in the history."""

from __future__ import annotations

from typing import Any

from django.test import Client

from quyche.web.references.models import Reference, ReferenceChange
from quyche.web.references.services import load_packaged_references


def admin_client(users: dict[str, Any]) -> Client:
    user = users["admin"]
    user.is_staff = True
    user.is_superuser = True
    user.save()
    client = Client()
    client.force_login(user)
    return client


def form_data(ref: Reference, **over: Any) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for f in Reference._meta.fields:
        if f.name in ("id", "updated_at", "updated_by", "origin", "official_text"):
            continue
        value = getattr(ref, f.attname)
        if f.name in ("applies_to", "obsolete_for", "scope", "default_for", "see_also", "source"):
            import json

            value = json.dumps(value, ensure_ascii=False)
        data[f.name] = "" if value is None else value
    data["basis"] = "on" if ref.basis else ""
    data.update(over)
    return {k: v for k, v in data.items() if v != "" or k in over}


def test_admin_edit_goes_through_the_service(users: dict[str, Any]) -> None:
    load_packaged_references()
    client = admin_client(users)
    ref = Reference.objects.get(key="QD-294-TW-2025")
    url = f"/admin/references/reference/{ref.pk}/change/"
    assert client.get(url).status_code == 200
    # no source: the form refuses
    response = client.post(url, form_data(ref, link_confidence="M"))
    assert response.status_code == 200 and "nguồn của thay đổi" in response.content.decode()
    # a broken link: quyche's message comes back in the form
    response = client.post(url, form_data(ref, superseded_on="2000-01-01", change_source="x"))
    assert response.status_code == 200 and "superseded_on" in response.content.decode()
    assert not ReferenceChange.objects.exclude(action="load").exists()
    response = client.post(url, form_data(ref, link_confidence="M", change_source="Công văn xác nhận"))
    assert response.status_code == 302, response.content.decode()[:2000]
    change = ReferenceChange.objects.get(action="change")
    assert change.fields == ["link_confidence"] and change.source == "Công văn xác nhận"
    assert change.user == users["admin"]
