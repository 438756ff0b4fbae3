#!/usr/bin/env bash
# Starts a relaydb source and a relaydb replica already replicating from it, for a
# try-out: data directories ./data/demo-source and ./data/demo-replica (created afresh
# on each run; logs data/demo-*.err), ports 3306/3307 or the next free ones, loopback only.
# Prints how to connect to each once replication runs, and stays in the foreground
# until Ctrl-C, which stops both servers cleanly (SIGTERM).
#   RELAYDB_BIN  the server binary (default build/src/server/relaydb)
#   PORT         first port to try (default 3306)
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${RELAYDB_BIN:-build/src/server/relaydb}
[[ -x $bin ]] || { echo "demo: no relaydb binary at $bin (run 'make build')" >&2; exit 1; }
mkdir -p "$PWD/data"
rm -rf "$PWD/data/demo-source" "$PWD/data/demo-replica"

port_free() {
  /usr/bin/python3 -c 'import socket, sys
s = socket.socket()
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)' "$1"
}
next_free() {  # next_free <first>
  local p=$1
  until port_free "$p"; do
    p=$((p + 1))
    (( p < 65536 )) || { echo "demo: no free port" >&2; exit 1; }
  done
  echo "$p"
}
source_port=$(next_free "${PORT:-3306}")
replica_port=$(next_free $((source_port + 1)))

pids=()
start_server() {  # start_server <name> <port> <server-id>
  # Own session: Ctrl-C reaches this script only, which then shuts the servers down.
  setsid "$bin" --datadir="$PWD/data/demo-$1" --port="$2" --bind-address=127.0.0.1 \
    --server-id="$3" --log-error="$PWD/data/demo-$1.err" --socket="$PWD/data/demo-$1.sock" \
    </dev/null &
  pids+=($!)
}

stop() {  # stop [exit status]
  trap - INT TERM
  echo; echo "demo: stopping relaydb (pids ${pids[*]})"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && { echo "demo: pid $pid ignored SIGTERM for 30 s; killing" >&2; kill -KILL "$pid"; }
    wait "$pid" 2>/dev/null || true
  done
  exit "${1:-0}"
}
trap stop INT TERM

wait_ready() {  # wait_ready <name> <port> <pid>
  local deadline=$((SECONDS + 60))
  until mariadb-admin --no-defaults -h127.0.0.1 -P"$2" -uroot --connect-timeout=2 ping >/dev/null 2>&1; do
    if ! kill -0 "$3" 2>/dev/null; then
      echo "demo: relaydb ($1) exited during start-up; log data/demo-$1.err:" >&2
      tail -n 30 "data/demo-$1.err" >&2 || true; stop 1
    fi
    (( SECONDS < deadline )) || { echo "demo: relaydb ($1) not ready after 60 s" >&2; stop 1; }
    sleep 0.1
  done
}

start_server source "$source_port" 1
start_server replica "$replica_port" 2
wait_ready source "$source_port" "${pids[0]}"
wait_ready replica "$replica_port" "${pids[1]}"

src() { mariadb --no-defaults -h127.0.0.1 -P"$source_port" -uroot "$@"; }
rep() { mariadb --no-defaults -h127.0.0.1 -P"$replica_port" -uroot "$@"; }

# The replication account, then the replica starts from the source's first binlog.
src -e "CREATE USER 'repl'@'127.0.0.1' IDENTIFIED BY 'repl';
        GRANT REPLICATION SLAVE ON *.* TO 'repl'@'127.0.0.1'"
first=$(src -N -e "SHOW BINARY LOGS" | head -n1 | cut -f1)
rep -e "CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=$source_port, MASTER_USER='repl',
        MASTER_PASSWORD='repl', MASTER_LOG_FILE='$first', MASTER_LOG_POS=4, MASTER_CONNECT_RETRY=1;
        START SLAVE"

# Wait until both replica threads run.
deadline=$((SECONDS + 30))
until [[ $(rep -N -e "SHOW SLAVE STATUS" | cut -f11,12) == $'Yes\tYes' ]]; do
  (( SECONDS < deadline )) || { echo "demo: replication did not start:" >&2; rep -e "SHOW SLAVE STATUS\G" >&2; stop 1; }
  sleep 0.1
done

cat <<MSG
relaydb source (pid ${pids[0]}, datadir data/demo-source) and replica (pid ${pids[1]},
datadir data/demo-replica) are running; the replica follows the source.

    mariadb -h127.0.0.1 -P$source_port -uroot      # the source: write here
    mariadb -h127.0.0.1 -P$replica_port -uroot      # the replica: SHOW SLAVE STATUS\G

Press Ctrl-C to stop both.
MSG
wait "${pids[0]}" || true
stop 0
