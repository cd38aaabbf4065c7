#!/usr/bin/env bash
# Installs what the console needs on Debian 12 (as root) and starts it.
# Data (SQLite database, settings, certificates) goes to ~/.local/share/voip-device-console.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
install_debian_packages packaging/debian-runtime.txt
make_venv .venv
.venv/bin/python -m pip install -q -e .
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  cat <<'MSG'
No display found, so the GUI cannot open here. Headless choices:
  .venv/bin/python main.py serve            # provisioning server without GUI (Ctrl+C stops it)
  .venv/bin/python main.py --help           # every action as a CLI command (demo, line, device, ...)
  apt-get install -y xvfb && xvfb-run -a .venv/bin/python main.py   # the GUI on a virtual screen
MSG
  exit 0
fi
exec .venv/bin/python main.py "$@"
