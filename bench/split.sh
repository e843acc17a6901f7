#!/usr/bin/env bash
# Orders through the saga on the split deployment (gateway, four services, nats-server; the
# services on SQLite files, then on four PostgreSQL databases) beside the single process, in one
# run (tosserp-bench-orders against each). Run as root (it starts a throw-away PostgreSQL).
# Usage: bench/split.sh [ORDERS] [CLIENTS]
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BIN="$(dirname "$BENCH_DIR")/build/bin"
case "${1:-}" in -h|--help) sed -n 2,6p "$0" | sed "s/^# \{0,1\}//"; exit 0 ;; esac
orders=${1:-2000}
clients=${2:-4}
for program in tosserp-server tosserp-bench-orders; do
    [ -x "$BIN/$program" ] || { echo "build first: $BIN/$program is missing" >&2; exit 1; }
done
command -v nats-server >/dev/null || PATH="$PATH:/usr/sbin"
pg=/usr/lib/postgresql/15/bin
work=$(mktemp -d /tmp/tosserp-split-bench.XXXXXX)
chown postgres: "$work"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    [ -f "$work/pg/postmaster.pid" ] && su postgres -c "$pg/pg_ctl -D '$work/pg' -m fast -w stop" >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 200); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.05; done; return 1; }
password="bench-password-123"
export TOSSERP_ADMIN_PASSWORD=$password TOSSERP_ACCESS_LOG=false TOSSERP_LOG_LEVEL=warn

pg_port=$(free_port)
su postgres -c "$pg/initdb -D '$work/pg' -U postgres -A trust -E UTF8 --locale=C.UTF-8" >/dev/null
su postgres -c "$pg/pg_ctl -D '$work/pg' -l '$work/pg/server.log' -w -o '-c listen_addresses=127.0.0.1 -p $pg_port -k $work/pg' start" >/dev/null

# One deployment: $1 = name of the run, $2 = "sqlite" or "pg". Prints the bench's line.
split_run() {
    local run=$1 storage=$2 nats_port gateway_port
    nats_port=$(free_port)
    nats-server -js -a 127.0.0.1 -p "$nats_port" -sd "$work/$run-nats" -l "$work/$run-nats.log" &
    pids+=($!)
    wait_port "$nats_port"
    local urls=()
    for service in stock users orders payments; do
        local port env=()
        port=$(free_port)
        if [ "$storage" = pg ]; then
            "$pg/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -X -q -c "CREATE DATABASE ${run}_$service"
            env=("TOSSERP_${service^^}_DATABASE=host=127.0.0.1 port=$pg_port user=postgres dbname=${run}_$service")
        fi
        env "${env[@]}" TOSSERP_SERVICE_KEY=bench-service-key-0123456789abcdef0123 \
            TOSSERP_NATS_URL="nats://127.0.0.1:$nats_port" \
            "$BIN/tosserp-server" --service "$service" --listen "127.0.0.1:$port" --data-dir "$work/$run-$service" \
            >"$work/$run-$service.log" 2>&1 &
        pids+=($!)
        wait_port "$port"
        urls+=("TOSSERP_${service^^}_URL=http://127.0.0.1:$port")
    done
    gateway_port=$(free_port)
    env "${urls[@]}" TOSSERP_SERVICE_KEY=bench-service-key-0123456789abcdef0123 \
        "$BIN/tosserp-server" --service gateway --listen "127.0.0.1:$gateway_port" --data-dir "$work/$run-gateway" \
        >"$work/$run-gateway.log" 2>&1 &
    pids+=($!)
    wait_port "$gateway_port"
    echo "$run: $("$BIN/tosserp-bench-orders" "http://127.0.0.1:$gateway_port" "$password" "$orders" "$clients")"
}

single_run() {
    local port
    port=$(free_port)
    "$BIN/tosserp-server" --listen "127.0.0.1:$port" --data-dir "$work/single" >"$work/single.log" 2>&1 &
    pids+=($!)
    wait_port "$port"
    echo "single process, in-process events: $("$BIN/tosserp-bench-orders" "http://127.0.0.1:$port" "$password" "$orders" "$clients")"
}

echo "== $(nproc) cores, $orders orders, $clients clients"
single_run
split_run split_sqlite sqlite
split_run split_pg pg
