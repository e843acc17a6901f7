#!/usr/bin/env bash
# The desktop window on a replica of N products (one EAN-13 barcode and one stock level each),
# synced from a real server: cold start to a filled dashboard, keystroke → list latency in the
# catalog search, and peak memory (tosserp-bench-client). Keeps the replica in
# KEEP_DIR when set, and uses a kept one when it is there.
# Usage: bench/client.sh [PRODUCTS] [RUNS]
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BIN="$(dirname "$BENCH_DIR")/build/bin"
case "${1:-}" in -h|--help) sed -n 2,6p "$0" | sed "s/^# \{0,1\}//"; exit 0 ;; esac
products=${1:-1000000}
runs=${2:-5}
for tool in tosserp-server tosserpctl tosserp-bench-seed tosserp-bench-client; do
    [ -x "$BIN/$tool" ] || { echo "build first: $BIN/$tool is missing" >&2; exit 1; }
done
work=${KEEP_DIR:-$(mktemp -d /tmp/tosserp-client-bench.XXXXXX)}
mkdir -p "$work"
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
    wait 2>/dev/null || true
    [ -n "${KEEP_DIR:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

if [ ! -f "$work/replica-$products.db" ]; then
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    rm -rf "$work/data"
    "$BIN/tosserp-bench-seed" "$work/data" "$products" >&2
    TOSSERP_ACCESS_LOG=false TOSSERP_LOG_LEVEL=warn "$BIN/tosserp-server" --listen "127.0.0.1:$port" \
        --data-dir "$work/data" >/dev/null & server_pid=$!
    for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.1; done
    echo "bench admin passphrase" | "$BIN/tosserpctl" --server "http://127.0.0.1:$port" \
        --replica "$work/replica-$products.db" login --user admin --password-stdin >/dev/null
    "$BIN/tosserpctl" --replica "$work/replica-$products.db" sync >/dev/null
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
    rm -rf "$work/data"
fi

echo "Machine: $(nproc) cores, $(uname -sr); Qt $(qtpaths6 --qt-version 2>/dev/null || echo 6); offscreen."
echo "Replica: $products products, $(du -m "$work/replica-$products.db" | cut -f1) MB; the server is not running."
XDG_RUNTIME_DIR="$work/runtime" "$BIN/tosserp-bench-client" "$work/replica-$products.db" "$runs"
