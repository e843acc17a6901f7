#!/usr/bin/env bash
# Run the whole Tryton matrix: every scenario at concurrency 1, 8, 64.
#   bench/tryton/run_all.sh DIR [SECONDS]
# Starts from a fresh database in DIR (setup.sh), runs the read scenarios
# first (the write scenarios grow the product and stock_move tables, and the
# stock quantity is computed from the moves), appends the JSON lines to
# DIR/results.jsonl and prints them, then stops the server (stop.sh).
set -euo pipefail
if [ $# -lt 1 ]; then echo "usage: $0 DIR [SECONDS]" >&2; exit 2; fi
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$1"
DIR="$(cd "$1" && pwd)"
SECONDS_PER_RUN="${2:-10}"
CONCURRENCIES="${TRYTON_CONCURRENCIES:-1 8 64}"
SCENARIOS="${TRYTON_SCENARIOS:-read_product read_product_with_stock create_products stock_moves}"

"$HERE/stop.sh" "$DIR"
rm -f "$DIR/db/${TRYTON_DB:-tryton_bench}.sqlite"
"$HERE/setup.sh" "$DIR"
trap '"$HERE/stop.sh" "$DIR"' EXIT
echo "# $(date -u +%FT%TZ) nproc=$(nproc) server=${TRYTON_SERVER:-builtin} loadavg=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$DIR/results.jsonl"
for s in $SCENARIOS; do
    for c in $CONCURRENCIES; do
        /usr/bin/python3 "$HERE/load.py" --scenario "$s" --concurrency "$c" \
            --seconds "$SECONDS_PER_RUN" --pidfile "$DIR/trytond.pid" \
            | tee -a "$DIR/results.jsonl"
        sleep 1
    done
done
