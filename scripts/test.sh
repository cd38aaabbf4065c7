#!/usr/bin/env bash
# Installs the test dependencies (Debian packages and Python) and runs the whole suite, then the
# Qt-free core once more in an environment without PySide6. Run as root on Debian 12.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
install_debian_packages packaging/debian-runtime.txt packaging/debian-test.txt
start_postgres
make_venv .venv
.venv/bin/python -m pip install -q -e ".[test]"
export QT_QPA_PLATFORM=offscreen
mkdir -p artifacts

echo "== core tests without PySide6 =="
make_venv .venv-core
mapfile -t core_requirements < <(python3 scripts/core_requirements.py)
.venv-core/bin/python -m pip install -q "${core_requirements[@]}"
if .venv-core/bin/python -c 'import PySide6' 2>/dev/null; then
  echo "PySide6 must not be installed in .venv-core" >&2
  exit 1
fi
.venv-core/bin/python -m pytest -q -p no:cacheprovider -W ignore::pytest.PytestConfigWarning \
  --ignore=tests/ui tests

echo "== the whole suite =="
.venv/bin/python -m pytest -q -p no:cacheprovider tests
