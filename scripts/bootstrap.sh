#!/usr/bin/env bash
# Set up everything the workstation needs on Debian/Ubuntu: system packages (when root),
# the virtual environment and the pinned Python dependencies. Safe to run again: each step
# is skipped when it is already done.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

say() { printf '[setup] %s\n' "$*" >&2; }

# 1. System packages (Qt runtime libraries, fonts, pcscd + vpcd, CUPS, PostgreSQL, poppler).
mapfile -t wanted < <(grep -vE '^\s*(#|$)' scripts/apt-packages.txt)
missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 || true
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  else
    say "not root: please install these system packages first:"
    say "  sudo apt-get install ${missing[*]}"
  fi
fi

# 2. Virtual environment with the pinned dependencies (re-installed only when they change).
py="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  say "creating the virtual environment in .venv"
  "$py" -m venv .venv
fi
stamp=.venv/.deps-stamp
want="$(cat pyproject.toml scripts/bootstrap.sh | sha256sum | cut -c1-16)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  say "installing Python dependencies (first run takes a few minutes)"
  .venv/bin/python -m pip install -q --upgrade pip >&2
  .venv/bin/python -m pip install -q -e ".[dev]" >&2
  echo "$want" > "$stamp"
fi

# 3. Compiled translations for the desktop app.
if [ -x .venv/bin/pyside6-lrelease ]; then
  for ts in resources/i18n/*.ts; do
    [ -e "$ts" ] || continue
    qm="${ts%.ts}.qm"
    [ "$qm" -nt "$ts" ] || .venv/bin/pyside6-lrelease -silent "$ts" -qm "$qm" >&2
  done
fi
