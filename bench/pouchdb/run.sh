#!/usr/bin/env bash
# PouchDB peer of the sync benchmark: seeds N product documents into express-pouchdb, then
# replicates them into a fresh on-disk PouchDB (leveldb) twice, with the default batch size and
# with batch_size 1000. Prints the seed time and one JSON line per replication.
# Usage: bench/pouchdb/run.sh [N]   (N defaults to 100000)
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
n=${1:-100000}
case "$n" in ''|*[!0-9]*) echo "usage: $0 [N]" >&2; exit 2 ;; esac
command -v node >/dev/null || { echo "node is missing" >&2; exit 1; }

if [ ! -d "$DIR/node_modules" ]; then
    (cd "$DIR" && npm ci --no-audit --no-fund) >&2
fi

work=$(mktemp -d /tmp/tosserp-pouchdb.XXXXXX)
server_pid=
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
node "$DIR/server.js" "$port" "$work/server" >"$work/server.log" 2>&1 & server_pid=$!
for _ in $(seq 200); do
    grep -q '^listening' "$work/server.log" && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; echo "server exited" >&2; exit 1; }
    sleep 0.05
done
grep -q '^listening' "$work/server.log" || { echo "server did not start" >&2; exit 1; }

url="http://127.0.0.1:$port"
db=products
node "$DIR/seed.js" "$url" "$db" "$n"

# The local replicas go to os.tmpdir(), i.e. under $work, so they are removed even after a crash.
for bs in default 1000; do
    if [ "$bs" = default ]; then args=(); else args=(--batch-size "$bs"); fi
    line=$(TMPDIR="$work" node "$DIR/replicate.js" "$url" "$db" "${args[@]}")
    echo "$line"
    docs=$(node -e 'console.log(JSON.parse(process.argv[1]).docs)' "$line")
    [ "$docs" = "$n" ] || { echo "batch size $bs: replicated $docs docs, expected $n" >&2; exit 1; }
done
