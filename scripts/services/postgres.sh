#!/usr/bin/env bash
# A private PostgreSQL server for the tests: its own data directory under /tmp, a free port,
# a unix socket in the same directory, trust authentication for local connections only.
#   start: initdb (first time) and start it; print WORKSTATION_TEST_PG=postgresql+psycopg://…
#          on stdout (the tests create one database per test through it); log to stderr.
#   stop:  stop the server this script started (pg_ctl stop on its data directory).
# Works as root (runs the server as the "postgres" user) or as an ordinary user.
set -uo pipefail
base="${WORKSTATION_PG_DIR:-/tmp/workstation-pg}"
data="$base/data"
logfile="$base/server.log"
portfile="$base/port"
log() { printf '[postgres] %s\n' "$*" >&2; }

bindir=""
for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && bindir="$d"; done
if [ -z "$bindir" ] && command -v initdb >/dev/null; then bindir="$(dirname "$(command -v initdb)")"; fi

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    # cd first: the postgres user may not be allowed into the caller's directory.
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

free_port() {
  python3 - <<'PY'
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
}

emit() {
  echo "WORKSTATION_TEST_PG=postgresql+psycopg://postgres@127.0.0.1:$(cat "$portfile")/postgres"
}

running() {
  [ -f "$data/postmaster.pid" ] && as_owner "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1
}

# Several test runs may share the server: each start counts a user, each stop uncounts one,
# and the server stops with its last user.
users() { cat "$base/users" 2>/dev/null || echo 0; }

start() {
  if [ -z "$bindir" ]; then
    log "PostgreSQL is not installed (apt-get install postgresql)"
    return 1
  fi
  mkdir -p "$base"
  exec 9>"$base/lock"
  flock 9
  if running && [ -f "$portfile" ]; then
    echo $(( $(users) + 1 )) >"$base/users"
    log "already running on port $(cat "$portfile"); reusing it"
    emit
    return 0
  fi
  echo 1 >"$base/users"
  mkdir -p "$base"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$base"; fi
  if [ ! -f "$data/PG_VERSION" ]; then
    log "initdb in $data"
    as_owner "$bindir/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
      >"$base/initdb.log" 2>&1 || { cat "$base/initdb.log" >&2; return 1; }
  fi
  port="$(free_port)"
  echo "$port" >"$portfile"
  # fsync off and a small footprint: a throw-away server for tests.
  # 9>&-: the server must not inherit the lock, or every later start/stop would wait forever.
  as_owner "$bindir/pg_ctl" -D "$data" -l "$logfile" -w -t 60 start -o \
    "-p $port -k $base -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60" \
    >&2 9>&- || { tail -20 "$logfile" >&2; return 1; }
  log "started on 127.0.0.1:$port (data $data)"
  emit
}

stop() {
  [ -d "$base" ] || return 0
  exec 9>"$base/lock"
  flock 9
  left=$(( $(users) - 1 ))
  if [ "$left" -gt 0 ]; then
    echo "$left" >"$base/users"
    log "still used by $left other run(s); leaving it running"
    return 0
  fi
  rm -f "$base/users"
  if [ -n "$bindir" ] && [ -f "$data/postmaster.pid" ]; then
    as_owner "$bindir/pg_ctl" -D "$data" -m fast -w stop >&2 || true
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
