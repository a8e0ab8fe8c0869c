#!/usr/bin/env bash
# pcscd with Debian's vsmartcard-vpcd driver: two virtual readers ("Virtual PCD 00 00" on TCP
# 35963, "Virtual PCD 00 01" on 35964) that card emulators connect to.
#   start: start pcscd (as root) unless one already answers; print KEY=VALUE lines for the tests
#          on stdout (WORKSTATION_TEST_PCSCD=1, WORKSTATION_TEST_VPCD_PORT=35963), log to stderr.
#   stop:  stop the pcscd this script started (found by its pid file), nothing else, and only
#          when no other user of this script still needs it (a count kept under flock: two test
#          runs at once must not pull pcscd from under each other).
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
pidfile="${WORKSTATION_PCSCD_PIDFILE:-/tmp/workstation-pcscd.pid}"
logfile="${WORKSTATION_PCSCD_LOG:-/tmp/workstation-pcscd.log}"
usersfile="$pidfile.users"
lockfile="$pidfile.lock"
py="$here/.venv/bin/python"
[ -x "$py" ] || py=python3
log() { printf '[pcscd] %s\n' "$*" >&2; }

# True when pcscd answers and lists the virtual reader.
answers() {
  "$py" - <<'PY' 2>/dev/null
import sys
from smartcard.scard import (SCARD_S_SUCCESS, SCARD_SCOPE_USER, SCardEstablishContext,
                             SCardListReaders, SCardReleaseContext)
hr, ctx = SCardEstablishContext(SCARD_SCOPE_USER)
if hr != SCARD_S_SUCCESS:
    sys.exit(1)
hr, names = SCardListReaders(ctx, [])
SCardReleaseContext(ctx)
sys.exit(0 if hr == SCARD_S_SUCCESS and any("Virtual PCD" in n for n in names) else 1)
PY
}

# Adjust the count of users by $1 (+1 / -1) under a lock; print the new count.
count_users() {
  (
    flock -w 10 9 || true
    local n; n="$(cat "$usersfile" 2>/dev/null || echo 0)"
    [[ "$n" =~ ^[0-9]+$ ]] || n=0
    n=$((n + $1)); ((n < 0)) && n=0
    echo "$n" >"$usersfile"
    echo "$n"
  ) 9>"$lockfile"
}

emit() {
  echo "WORKSTATION_TEST_PCSCD=1"
  echo "WORKSTATION_TEST_VPCD_HOST=127.0.0.1"
  echo "WORKSTATION_TEST_VPCD_PORT=35963"
  echo "WORKSTATION_TEST_VPCD_READER=Virtual PCD 00 00"
}

start() {
  if answers; then
    log "pcscd already runs with the virtual reader; reusing it"
    # Only a pcscd of ours is counted (and ever stopped); a system one is left alone.
    if [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then count_users +1 >/dev/null; fi
    emit
    return 0
  fi
  if ! command -v pcscd >/dev/null && [ ! -x /usr/sbin/pcscd ]; then
    log "pcscd is not installed (apt-get install pcscd vsmartcard-vpcd)"
    return 1
  fi
  if [ ! -e /usr/lib/pcsc/drivers/serial/libifdvpcd.so ] && ! ls /usr/lib/*/pcsc/drivers/serial/libifdvpcd.so >/dev/null 2>&1; then
    log "the vpcd driver is not installed (apt-get install vsmartcard-vpcd)"
    return 1
  fi
  if [ "$(id -u)" != 0 ]; then
    log "pcscd must be started as root"
    return 1
  fi
  # A stale pcscd of ours (not answering) is stopped first.
  if [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    kill "$(cat "$pidfile")" 2>/dev/null || true
    sleep 0.5
  fi
  local bin; bin="$(command -v pcscd || echo /usr/sbin/pcscd)"
  "$bin" --foreground --error >>"$logfile" 2>&1 &
  echo $! >"$pidfile"
  for _ in $(seq 1 50); do
    if answers; then
      log "pcscd started (pid $(cat "$pidfile")), log in $logfile"
      echo 0 >"$usersfile"
      count_users +1 >/dev/null
      emit
      return 0
    fi
    if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      log "pcscd exited at once; see $logfile"
      tail -n 5 "$logfile" >&2
      return 1
    fi
    sleep 0.2
  done
  log "pcscd did not answer within 10 s; see $logfile"
  return 1
}

stop() {
  if [ -s "$pidfile" ] && [ "$(count_users -1)" != 0 ]; then
    log "pcscd still used by another run; leaving it running"
    return 0
  fi
  if [ -s "$pidfile" ]; then
    local pid; pid="$(cat "$pidfile")"
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 25); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      log "pcscd (pid $pid) stopped"
    fi
    rm -f "$pidfile" "$usersfile"
  fi
  return 0
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
