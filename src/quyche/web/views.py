"""Project-level views (app views live in each app)."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@require_safe
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness probe (contract.md §4): 200 {"status": "ok"} without login."""
    return JsonResponse({"status": "ok"})
