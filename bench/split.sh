#!/usr/bin/env bash
# Orders through the saga on the split deployment (gateway, four services, nats-server; the
# services on SQLite files, then the same with TLS between gateway and services, then on four
# PostgreSQL databases) beside the single process, in one run (tosserp-bench-orders against
# each). Run as root (it starts a throw-away PostgreSQL).
# Usage: bench/split.sh [ORDERS] [CLIENTS]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
case "${1:-}" in -h|--help) sed -n 2,7p "$0" | sed "s/^# \{0,1\}//"; exit 0 ;; esac
orders=${1:-2000}
clients=${2:-4}
require_built tosserp-server tosserp-bench-orders
work=$(mktemp -d /tmp/tosserp-split-bench.XXXXXX)
chown postgres: "$work" # the cluster lives inside
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    stop_postgres "$work/pg"
    rm -rf "$work"
}
trap cleanup EXIT
password="bench-password-123"
export TOSSERP_ADMIN_PASSWORD=$password TOSSERP_ACCESS_LOG=false TOSSERP_LOG_LEVEL=warn

start_postgres "$work/pg"
pg_port=$PG_PORT

# The services' certificate for the TLS run; the gateway trusts it through SSL_CERT_FILE.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost \
    -addext subjectAltName=IP:127.0.0.1,DNS:localhost -keyout "$work/key.pem" -out "$work/cert.pem" >/dev/null 2>&1

# One deployment: $1 = name of the run, $2 = "sqlite" or "pg", $3 = "tls" for TLS between the
# gateway and the services. Prints the bench's line.
split_run() {
    local run=$1 storage=$2 tls=${3:-} nats_port gateway_port scheme=http tls_env=()
    if [ "$tls" = tls ]; then
        scheme=https
        tls_env=("TOSSERP_TLS_CERT=$work/cert.pem" "TOSSERP_TLS_KEY=$work/key.pem")
    fi
    nats_port=$(free_port)
    nats-server -js -a 127.0.0.1 -p "$nats_port" -sd "$work/$run-nats" -l "$work/$run-nats.log" &
    pids+=($!)
    wait_port "$nats_port"
    local urls=()
    for service in stock users orders payments; do
        local port env=()
        port=$(free_port)
        if [ "$storage" = pg ]; then
            "$PG_BIN/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -X -q -c "CREATE DATABASE ${run}_$service"
            env=("TOSSERP_${service^^}_DATABASE=host=127.0.0.1 port=$pg_port user=postgres dbname=${run}_$service")
        fi
        env "${env[@]}" "${tls_env[@]}" TOSSERP_SERVICE_KEY=bench-service-key-0123456789abcdef0123 \
            TOSSERP_NATS_URL="nats://127.0.0.1:$nats_port" \
            "$BIN/tosserp-server" --service "$service" --listen "127.0.0.1:$port" --data-dir "$work/$run-$service" \
            >"$work/$run-$service.log" 2>&1 &
        pids+=($!)
        wait_port "$port"
        urls+=("TOSSERP_${service^^}_URL=$scheme://127.0.0.1:$port")
    done
    gateway_port=$(free_port)
    env "${urls[@]}" SSL_CERT_FILE="$work/cert.pem" TOSSERP_SERVICE_KEY=bench-service-key-0123456789abcdef0123 \
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
split_run split_sqlite_tls sqlite tls
split_run split_pg pg
