#!/usr/bin/env bash
# Stop the Tryton server started by setup.sh DIR (only the pid in DIR/trytond.pid).
set -euo pipefail
if [ $# -ne 1 ]; then
    echo "usage: $0 DIR" >&2
    exit 2
fi
PIDFILE="$1/trytond.pid"
if [ ! -s "$PIDFILE" ]; then
    echo "[tryton-stop] no pid file $PIDFILE: not running" >&2
    exit 0
fi
PID="$(cat "$PIDFILE")"
if ! kill -0 "$PID" 2>/dev/null; then
    echo "[tryton-stop] pid $PID not running; removing stale pid file" >&2
    rm -f "$PIDFILE"
    exit 0
fi
kill -TERM "$PID"
for _ in $(seq 1 40); do
    kill -0 "$PID" 2>/dev/null || break
    sleep 0.25
done
if kill -0 "$PID" 2>/dev/null; then
    echo "[tryton-stop] pid $PID ignored SIGTERM for 10 s; sending SIGKILL" >&2
    kill -KILL "$PID" 2>/dev/null || true
    sleep 0.5
fi
rm -f "$PIDFILE"
echo "[tryton-stop] stopped pid $PID" >&2
