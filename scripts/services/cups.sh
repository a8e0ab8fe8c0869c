#!/usr/bin/env bash
# A private CUPS for the printing tests: its own config, spool, socket and a virtual PDF
# printer (cups-pdf) whose output folder we choose. Never touches a system cupsd.
#   start: prints KEY=VALUE lines for pytest on stdout (logs on stderr), exit 0 when ready
#   stop:  kills the private cupsd by its pid
set -euo pipefail
# One private CUPS per start, in its own folder, so two test runs at once never stop each
# other's cupsd. `stop` finds the folder in WORKSTATION_TEST_CUPS_DIR (printed by `start`,
# exported by run-tests) or WORKSTATION_CUPS_DIR (chosen by the caller).
if [ "${1:-}" = stop ]; then
  base="${WORKSTATION_TEST_CUPS_DIR:-${WORKSTATION_CUPS_DIR:-}}"
else
  base="${WORKSTATION_CUPS_DIR:-/tmp/workstation-cups-$(id -u)-$$}"
fi
printer="${WORKSTATION_CUPS_PRINTER_NAME:-VirtualPDF}"
log() { printf '[cups] %s\n' "$*" >&2; }

stop() {
  if [ -z "$base" ]; then
    log "nothing to stop: set WORKSTATION_TEST_CUPS_DIR to the folder printed by start"
    return 0
  fi
  if [ -f "$base/cupsd.pid" ]; then
    pid="$(cat "$base/cupsd.pid")"
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
      log "stopped cupsd (pid $pid)"
    fi
    rm -f "$base/cupsd.pid"
  fi
  case "$base" in /tmp/workstation-cups-*) rm -rf "$base" ;; esac
}

# cups-pdf reads /etc/cups/cups-pdf.conf (a path compiled in): its "Out" folder, with ${HOME}
# the home of the user who submits the job (us).
pdf_out() {
  local out home
  out="$(sed -n 's/^[[:space:]]*Out[[:space:]]\+//p' /etc/cups/cups-pdf.conf 2>/dev/null | tail -1)"
  home="$(getent passwd "$(id -un)" | cut -d: -f6)"
  out="${out:-\${HOME\}/PDF}"
  echo "${out//\$\{HOME\}/$home}"
}

start() {
  command -v cupsd >/dev/null || { log "cupsd is not installed (apt-get install cups)"; exit 1; }
  command -v lpadmin >/dev/null || { log "lpadmin is missing (apt-get install cups-client)"; exit 1; }
  [ -x /usr/lib/cups/backend/cups-pdf ] || { log "cups-pdf backend missing (printer-driver-cups-pdf)"; exit 1; }
  stop
  rm -rf "$base"
  mkdir -p "$base"/{etc/ppd,etc/ssl,spool/tmp,cache,state,log,run}
  chmod 0755 "$base"
  chmod 0710 "$base/spool"
  chmod 1777 "$base/spool/tmp"
  local sock="$base/run/cups.sock"
  cat >"$base/etc/cupsd.conf" <<CONF
LogLevel warn
Listen $sock
Browsing No
WebInterface No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Location /admin>
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
CONF
  cat >"$base/etc/cups-files.conf" <<CONF
SystemGroup root lpadmin
ServerRoot $base/etc
RequestRoot $base/spool
TempDir $base/spool/tmp
CacheDir $base/cache
StateDir $base/state
AccessLog $base/log/access_log
ErrorLog $base/log/error_log
PageLog $base/log/page_log
CONF
  cp /usr/share/cups/mime/*.types /usr/share/cups/mime/*.convs "$base/etc/" 2>/dev/null || true
  cupsd -f -c "$base/etc/cupsd.conf" -s "$base/etc/cups-files.conf" \
    >>"$base/log/cupsd.out" 2>&1 &
  echo $! >"$base/cupsd.pid"
  export CUPS_SERVER="$sock"
  for _ in $(seq 100); do
    [ -S "$sock" ] && lpstat -r >/dev/null 2>&1 && break
    sleep 0.1
  done
  if ! lpstat -r >/dev/null 2>&1; then
    log "cupsd did not start; see $base/log/error_log"; stop; exit 1
  fi
  lpadmin -p "$printer" -v cups-pdf:/ -m lsb/usr/cups-pdf/CUPS-PDF_noopt.ppd -E >&2
  log "cupsd pid $(cat "$base/cupsd.pid"), socket $sock, printer $printer, PDFs in $base/out"
  echo "CUPS_SERVER=$sock"
  echo "WORKSTATION_TEST_CUPS_PRINTER=$printer"
  echo "WORKSTATION_TEST_CUPS_OUT=$(pdf_out)"
  echo "WORKSTATION_TEST_CUPS_DIR=$base"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
