#!/usr/bin/env bash
# Install quyche into .venv and check the bundled sample regulations.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
.venv/bin/quyche check examples/ --as-of 2026-03-01 || true
