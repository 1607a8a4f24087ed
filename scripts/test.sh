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
