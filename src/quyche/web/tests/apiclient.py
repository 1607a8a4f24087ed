"""A thin client for the REST API tests: bearer token or anonymous, JSON in and out."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from quyche.web.accounts.services import create_token

JSON = "application/json"


def token_for(user: Any, name: str = "kiểm thử", **kwargs: Any) -> str:
    return create_token(user, name, **kwargs)[1]


class Api:
    """``Api(token)`` sends ``Authorization: Bearer <token>``; ``Api()`` sends no credentials."""

    def __init__(self, token: str | None = None, client: Client | None = None) -> None:
        self.client = client or Client()
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def _url(self, path: str) -> str:
        return path if path.startswith("/api/") else "/api" + path

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(self._url(path), params, headers=self.headers)

    def post(self, path: str, data: Any = None) -> Any:
        return self.client.post(self._url(path), json.dumps(data if data is not None else {}), content_type=JSON,
                                headers=self.headers)

    def patch(self, path: str, data: Any) -> Any:
        return self.client.patch(self._url(path), json.dumps(data), content_type=JSON, headers=self.headers)

    def delete(self, path: str) -> Any:
        return self.client.delete(self._url(path), headers=self.headers)

    def raw(self, path: str, body: str | bytes, content_type: str) -> Any:
        return self.client.post(self._url(path), body, content_type=content_type, headers=self.headers)

    def upload(self, path: str, data: bytes, name: str = "quy-che.docx", **form: Any) -> Any:
        from django.core.files.uploadedfile import SimpleUploadedFile

        return self.client.post(self._url(path), {"file": SimpleUploadedFile(name, data), **form},
                                headers=self.headers)
