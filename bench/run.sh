#!/usr/bin/env bash
# Catalog reads and batched stock-movement writes against tosserp-server (demo data, SQLite),
# beside a trivial Poco "hello" server in the same run; with --with-tryton also Tryton 6.0
# doing the same work over JSON-RPC (bench/tryton/). Prints a Markdown table.
# Usage: bench/run.sh [--seconds N] [--with-tryton]
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH_DIR")"
BIN="$ROOT/build/bin"
export BENCH_DIR
seconds=10
tryton=0
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift ;;
        --with-tryton) tryton=1 ;;
        -h|--help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown argument $1" >&2; exit 2 ;;
    esac
    shift
done
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
[ -x "$BIN/tosserp-server" ] && [ -x "$BIN/tosserp-bench-hello" ] || { echo "build first: ./scripts/test or cmake --build --preset default" >&2; exit 1; }

work=$(mktemp -d /tmp/tosserp-bench.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() { for _ in $(seq 100); do curl -sf "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done; echo "no answer from $1" >&2; exit 1; }

# wrk_run NAME CONNECTIONS SCRIPT URL → prints "NAME conns rps p50 p99 errors"
wrk_run() {
    local name=$1 conns=$2 script=$3 url=$4 line
    line=$(wrk -t2 -c"$conns" -d"${seconds}s" --timeout 5s -s "$script" "$url" | grep '^RESULT')
    echo "$name $conns $line"
}

rows=()
hello_port=$(free_port)
"$BIN/tosserp-bench-hello" "$hello_port" >/dev/null & pids+=($!)
wait_http "http://127.0.0.1:$hello_port/"
rows+=("$(wrk_run hello 64 "$BENCH_DIR/wrk/report.lua" "http://127.0.0.1:$hello_port/")")
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true

export ADMIN_PASSWORD="bench admin passphrase"
# start_server DIR [extra TOSSERP_* settings...] → sets base, server_pid, TOKEN
start_server() {
    local dir=$1; shift
    local port; port=$(free_port)
    env TOSSERP_ACCESS_LOG=false TOSSERP_LOG_LEVEL=warn TOSSERP_ADMIN_PASSWORD="$ADMIN_PASSWORD" "$@" \
        "$BIN/tosserp-server" --listen "127.0.0.1:$port" --data-dir "$dir" --demo >/dev/null & server_pid=$!
    pids+=($server_pid)
    base="http://127.0.0.1:$port"
    wait_http "$base/health/ready"
    TOKEN=$(curl -sf -H 'Content-Type: application/json' \
        -d "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" "$base/api/v1/auth/login" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
    export TOKEN
}

# The catalog published without sign-in gives the unauthenticated baseline of the same read.
start_server "$work/data" TOSSERP_PUBLIC_CATALOG=true
rss_after_start=$(awk '/VmRSS/ {print $2}' /proc/$server_pid/status)
rows+=("$(TOKEN= wrk_run product_get_no_auth 64 "$BENCH_DIR/wrk/random_product.lua" "$base")")
rows+=("$(wrk_run product_get 64 "$BENCH_DIR/wrk/random_product.lua" "$base")")
rows+=("$(wrk_run product_page_50 64 "$BENCH_DIR/wrk/authed_report.lua" "$base/api/v1/products?limit=50")")
rows+=("$(wrk_run product_search 64 "$BENCH_DIR/wrk/authed_report.lua" "$base/api/v1/products?q=tea")")
rows+=("$(wrk_run stock_levels 64 "$BENCH_DIR/wrk/authed_report.lua" "$base/api/v1/stock/levels?product_id=7")")
rows+=("$(BATCH=100 wrk_run movements_batch100 8 "$BENCH_DIR/wrk/movements_report.lua" "$base/api/v1/stock/movements")")
rows+=("$(wrk_run product_create 8 "$BENCH_DIR/wrk/create_product.lua" "$base")")
rows+=("$(wrk_run logins 8 "$BENCH_DIR/wrk/login.lua" "$base/api/v1/auth/login")")
rss_peak=$(awk '/VmHWM/ {print $2}' /proc/$server_pid/status)
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true

# Every request verifies the token's RS256 signature: the cost the cache saves.
start_server "$work/data-nocache" TOSSERP_TOKEN_CACHE=false
rows+=("$(wrk_run product_get_uncached_token 64 "$BENCH_DIR/wrk/random_product.lua" "$base")")
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true

echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); wrk -t2, ${seconds}s per scenario, load generator on the same machine."
echo
echo "| scenario | connections | requests/s | p50 ms | p99 ms | errors |"
echo "|---|---:|---:|---:|---:|---:|"
hello_rps=0
for row in "${rows[@]}"; do
    read -r name conns _ requests errors rps p50 p99 non2xx <<<"$(echo "$row" | sed 's/[a-z0-9_]*=//g')"
    [ "$name" = hello ] && hello_rps=$rps
    echo "| $name | $conns | $rps | $p50 | $p99 | $((errors + non2xx)) |"
    [ "$name" = product_get ] && get_rps=$rps
    [ "$name" = product_get_no_auth ] && open_rps=$rps
    [ "$name" = product_get_uncached_token ] && uncached_rps=$rps
    [ "$name" = movements_batch100 ] && moves_rps=$rps
    [ "$name" = product_create ] && create_rps=$rps
    [ "$name" = stock_levels ] && levels_rps=$rps
done
echo
awk -v g="$get_rps" -v h="$hello_rps" 'BEGIN { printf "Single-product GET (signed in) / hello: %.2f\n", g / h }'
awk -v g="$get_rps" -v o="$open_rps" -v u="$uncached_rps" 'BEGIN {
    printf "Authentication cost on a product GET: %.1f%% with the token cache, %.1f%% verifying every token\n",
        (1 - g / o) * 100, (1 - u / o) * 100 }'
awk -v m="$moves_rps" 'BEGIN { printf "Stock movements per second (batches of 100): %.0f\n", m * 100 }'
echo "Server memory: $((rss_after_start / 1024)) MiB after start with the demo data, $((rss_peak / 1024)) MiB peak."

if [ "$tryton" -eq 1 ]; then
    tdir="$work/tryton"
    TRYTON_PORT=$(free_port)
    export TRYTON_PORT
    "$BENCH_DIR/tryton/setup.sh" "$tdir" >/dev/null
    echo
    echo "Tryton 6.0 (Debian packages, SQLite, JSON-RPC), same machine, same run, 8 concurrent clients:"
    echo
    echo "| scenario | Tryton per s | TossErp per s | ratio |"
    echo "|---|---:|---:|---:|"
    tryton_rate() {
        /usr/bin/python3 "$BENCH_DIR/tryton/load.py" --scenario "$1" --seconds "$seconds" --concurrency 8 \
            --url "http://127.0.0.1:$TRYTON_PORT" --pidfile "$tdir/trytond.pid" 2>/dev/null |
            tail -n 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["rps"])'
    }
    # Reads first: the stock quantity Tryton computes grows with every move recorded.
    for pair in "read_product:$get_rps:product GET" "read_product_with_stock:$levels_rps:product with stock on hand" \
                "create_products:$create_rps:products created" \
                "stock_moves:$(awk -v m="$moves_rps" 'BEGIN { print m * 100 }'):stock movements recorded"; do
        IFS=: read -r scenario ours label <<<"$pair"
        theirs=$(tryton_rate "$scenario")
        awk -v l="$label" -v t="$theirs" -v o="$ours" 'BEGIN { printf "| %s | %.1f | %.0f | %.0f× |\n", l, t, o, o / t }'
    done
    "$BENCH_DIR/tryton/stop.sh" "$tdir" >/dev/null
fi
