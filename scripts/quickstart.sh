#!/usr/bin/env bash
# Install quyche into .venv and start the web app with the demo province (`quyche serve --demo`).
# Extra arguments go to `quyche serve`, e.g. `bash scripts/quickstart.sh --port 8080`.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
exec .venv/bin/quyche serve --demo "$@"
