#!/usr/bin/env bash
# Starts relaydb for a try-out: datadir ./data/demo (kept between runs; log data/demo.err),
# port 3306 or the next free one, loopback only. Prints how to connect once the server
# accepts logins and runs in the foreground until Ctrl-C, which stops the server cleanly
# (SIGTERM).
#   RELAYDB_BIN  the server binary (default build/src/server/relaydb)
#   PORT         first port to try (default 3306)
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${RELAYDB_BIN:-build/src/server/relaydb}
datadir=$PWD/data/demo
log=$PWD/data/demo.err
[[ -x $bin ]] || { echo "demo: no relaydb binary at $bin (run 'make build')" >&2; exit 1; }
mkdir -p "$PWD/data"

port_free() {
  /usr/bin/python3 -c 'import socket, sys
s = socket.socket()
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)' "$1"
}
port=${PORT:-3306}
until port_free "$port"; do
  port=$((port + 1))
  (( port < 65536 )) || { echo "demo: no free port" >&2; exit 1; }
done

# Own session: Ctrl-C reaches this script only, which then shuts the server down cleanly.
setsid "$bin" --datadir="$datadir" --port="$port" --bind-address=127.0.0.1 --server-id=1 \
  --log-error="$log" --socket="$PWD/data/demo.sock" </dev/null &
pid=$!

stop() {  # stop [exit status]
  trap - INT TERM
  if kill -0 "$pid" 2>/dev/null; then
    echo; echo "demo: stopping relaydb (pid $pid)"
    kill -TERM "$pid"
    for _ in $(seq 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && { echo "demo: relaydb ignored SIGTERM for 30 s; killing" >&2; kill -KILL "$pid"; }
  fi
  wait "$pid" 2>/dev/null || true
  exit "${1:-0}"
}
trap stop INT TERM

# Wait until the server accepts a login (or dies), 60 s at most.
deadline=$((SECONDS + 60))
until mariadb-admin --no-defaults -h127.0.0.1 -P"$port" -uroot --connect-timeout=2 ping >/dev/null 2>&1; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "demo: relaydb exited during start-up; log $log:" >&2; tail -n 30 "$log" >&2 || true; exit 1
  fi
  (( SECONDS < deadline )) || { echo "demo: relaydb not ready after 60 s; log $log" >&2; stop 1; }
  sleep 0.1
done

cat <<MSG
relaydb is running (pid $pid, datadir $datadir, log $log).
Connect with:

    mariadb -h127.0.0.1 -P$port -uroot

Press Ctrl-C to stop it.
MSG
wait "$pid" || true
echo "demo: relaydb exited; last lines of $log:"; tail -n 10 "$log" || true
