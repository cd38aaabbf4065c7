# Shared by setup-and-run.sh and test.sh.

install_debian_packages() {  # file with one package per line (# comments allowed)
  local wanted missing=()
  wanted=$(cat "$@" | grep -v '^\s*#' | tr -s ' \n' ' ')
  for pkg in $wanted; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    # services must not start themselves (CI starts what it needs on its own ports)
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
    rm -f /usr/sbin/policy-rc.d
  fi
}

make_venv() {  # path
  if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends python3-venv >/dev/null
  fi
  if [ ! -x "$1/bin/python" ]; then
    python3 -m venv "$1"
  fi
  "$1/bin/python" -m pip install -q --upgrade pip >/dev/null
}

start_postgres() {  # a PostgreSQL server on 127.0.0.1:5432 that trusts loopback connections
  if pg_isready -q -h 127.0.0.1 -p 5432; then
    return
  fi
  local version hba
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  hba=/etc/postgresql/$version/main/pg_hba.conf
  if ! grep -q 'vdc-test' "$hba"; then
    sed -i '1i host all all 127.0.0.1/32 trust # vdc-test\nhost all all ::1/128 trust # vdc-test' "$hba"
  fi
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
  for _ in $(seq 1 50); do
    pg_isready -q -h 127.0.0.1 -p 5432 && return
    sleep 0.2
  done
  echo "PostgreSQL did not start on 127.0.0.1:5432" >&2
  return 1
}
