#!/usr/bin/env bash
# Initial sync of N products (with barcodes and stock levels) into an empty replica, end to
# end on loopback, beside the raw SQLite floor and PouchDB replicating the same documents
# (bench/pouchdb/), then the push of 10,000 queued offline commands. Prints a Markdown table.
# Usage: bench/sync.sh [PRODUCTS] [--no-pouchdb]
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BIN="$(dirname "$BENCH_DIR")/build/bin"
products=${1:-100000}
pouch=1
[ "${2:-}" = "--no-pouchdb" ] && pouch=0
for tool in tosserp-server tosserpctl tosserp-bench-seed tosserp-bench-sqlite-floor tosserp-bench-queue; do
    [ -x "$BIN/$tool" ] || { echo "build first: $BIN/$tool is missing" >&2; exit 1; }
done
work=$(mktemp -d /tmp/tosserp-sync-bench.XXXXXX)
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
password="bench admin passphrase"

"$BIN/tosserp-bench-seed" "$work/data" "$products" >&2
TOSSERP_ACCESS_LOG=false TOSSERP_LOG_LEVEL=warn "$BIN/tosserp-server" --listen "127.0.0.1:$port" \
    --data-dir "$work/data" >/dev/null & server_pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.1; done

ctl() { "$BIN/tosserpctl" --server "http://127.0.0.1:$port" --replica "$work/replica.db" "$@"; }
echo "$password" | ctl login --user admin --password-stdin >/dev/null
/usr/bin/time -f "%e %M" -o "$work/sync.time" "$BIN/tosserpctl" --replica "$work/replica.db" sync >/dev/null 2>&1
read -r sync_s sync_kb <"$work/sync.time"
floor_s=$("$BIN/tosserp-bench-sqlite-floor" "$work/floor.db" "$products" | python3 -c 'import json,sys; print(json.load(sys.stdin)["seconds"])')

# 10,000 receipts queued offline, then one sync to have them all acknowledged.
"$BIN/tosserp-bench-queue" "$work/replica.db" 10000 1 5 >/dev/null
/usr/bin/time -f "%e %M" -o "$work/push.time" "$BIN/tosserpctl" --replica "$work/replica.db" sync >/dev/null 2>&1
read -r push_s _ <"$work/push.time"

echo
echo "Machine: $(nproc) cores, $(uname -sr). $products products (one EAN-13 barcode and one stock level each)."
echo
echo "| what | seconds | rows/s | peak client memory | ratio |"
echo "|---|---:|---:|---:|---:|"
awk -v s="$sync_s" -v n="$products" -v kb="$sync_kb" -v f="$floor_s" 'BEGIN {
    printf "| TossErp initial sync (snapshot, %d products + %d levels) | %.2f | %.0f | %.0f MB | 1 |\n", n, n, s, n / s, kb / 1024
    printf "| raw SQLite floor (same product rows, unique SKU and barcode indexes) | %.2f | %.0f | | %.1f× faster |\n", f, n / f, s / f }'
if [ "$pouch" -eq 1 ]; then
    "$BENCH_DIR/pouchdb/run.sh" "$products" 2>/dev/null | grep '^{' | while read -r line; do
        python3 - "$line" "$sync_s" <<'PY'
import json, sys
d = json.loads(sys.argv[1]); ours = float(sys.argv[2])
print(f"| PouchDB replicate, batch size {d['batch_size']} | {d['seconds']:.2f} | {d['docs_per_s']:.0f} | {d['peak_rss_mb']:.0f} MB | {d['seconds'] / ours:.1f}× slower |")
PY
    done
fi
awk -v s="$push_s" 'BEGIN { printf "\nPush of 10,000 queued offline commands until all acknowledged (one tosserpctl sync): %.2f s\n", s }'
