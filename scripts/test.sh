#!/usr/bin/env bash
# Install everything into .venv and run the whole test suite (lint, types, tests).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f .ci/apt-packages.txt ] && command -v apt-get >/dev/null 2>&1; then
  missing=$(grep -v '^\s*#' .ci/apt-packages.txt | while read -r pkg; do
    [ -n "$pkg" ] && ! dpkg -s "$pkg" >/dev/null 2>&1 && echo "$pkg"; done || true)
  if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends $missing
  fi
fi
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
.venv/bin/ruff check src tests bench
.venv/bin/mypy
.venv/bin/python -m pytest -n "${QUYCHE_TEST_WORKERS:-2}" "$@"
# The web tests again on PostgreSQL (contract.md §4: DATABASE_URL selects it); pytest-django makes test_quyche
# (test_quyche_gwN per worker). Skipped with a message where no server answers, except on CI (CI=true) or with
# QUYCHE_REQUIRE_POSTGRES=1, where a missing server is an error.
PG_URL=${QUYCHE_TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/quyche}
if .venv/bin/python - "$PG_URL" <<'PY'
import socket
import sys
from urllib.parse import urlsplit

url = urlsplit(sys.argv[1])
try:
    socket.create_connection((url.hostname or "127.0.0.1", url.port or 5432), timeout=3).close()
except OSError:
    sys.exit(1)
PY
then
  DATABASE_URL="$PG_URL" .venv/bin/python -m pytest -n "${QUYCHE_TEST_WORKERS:-2}" src/quyche/web
elif [ -n "${QUYCHE_REQUIRE_POSTGRES:-${CI:-}}" ] && [ "${QUYCHE_REQUIRE_POSTGRES:-${CI:-}}" != "0" ]; then
  echo "PostgreSQL is not reachable at $PG_URL, and this run requires it (CI / QUYCHE_REQUIRE_POSTGRES)" >&2
  exit 1
else
  echo "SKIPPED: web tests on PostgreSQL (no server answers at $PG_URL; set QUYCHE_TEST_DATABASE_URL)" >&2
fi
