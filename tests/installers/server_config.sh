#!/usr/bin/env bash
# The packaged server starts the way its systemd unit starts it (--config
# /etc/tosserp/server.conf, the shipped file) and answers /health/ready. The data directory and
# the port come from the environment, which the server ranks above the file.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
need dpkg-deb curl

deb=$(package "tosserp-server_*.deb")
root="$WORK/root"
dpkg-deb -x "$deb" "$root"
exec_start=$(sed -n 's/^ExecStart=//p' "$root/lib/systemd/system/tosserp-server.service")
[ "$exec_start" = "/usr/bin/tosserp-server --config /etc/tosserp/server.conf" ] || fail "unexpected ExecStart: $exec_start"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || shuf -i 20000-60999 -n 1)
mkdir -p "$WORK/data"
TOSSERP_DATA_DIR="$WORK/data" TOSSERP_LISTEN="127.0.0.1:$port" \
    "$root/usr/bin/tosserp-server" --config "$root/etc/tosserp/server.conf" >"$WORK/server.log" 2>&1 &
pid=$!
# shellcheck disable=SC2317 # called by the trap
stop() { kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; true; }
trap 'stop; rm -rf "$WORK"' EXIT

for _ in $(seq 1 100); do
    if curl -fsS "http://127.0.0.1:$port/health/ready" >"$WORK/health" 2>/dev/null; then
        note "health/ready: $(cat "$WORK/health")"
        note "the packaged server runs with the packaged settings"
        exit 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
        cat "$WORK/server.log" >&2
        if grep -q 'Unsupported configuration file type' "$WORK/server.log"; then
            note "hint: --config must read a file of any other name than *.ini/*.properties/*.json/*.xml" \
                "as key = value lines (the package's file is server.conf)" >&2
        fi
        fail "tosserp-server --config /etc/tosserp/server.conf exited (the unit would fail the same way)"
    fi
    sleep 0.1
done
cat "$WORK/server.log" >&2
fail "no answer on /health/ready within 10 s"
