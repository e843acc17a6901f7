#!/usr/bin/env bash
# Events through NATS JetStream: the relay's throughput, and commit → consumer latency through
# JetStream beside the in-process delivery (tosserp-bench-events), against a nats-server with
# JetStream started here on a free port with a throw-away store.
# Usage: bench/events.sh [EVENTS] [FANOUT_EVENTS]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
case "${1:-}" in -h|--help) sed -n 2,5p "$0" | sed "s/^# \{0,1\}//"; exit 0 ;; esac
events=${1:-200000}
fanout=${2:-2000}
require_built tosserp-bench-events
store=$(mktemp -d /tmp/tosserp-events-bench.XXXXXX)
port=$(free_port)
nats-server -js -a 127.0.0.1 -p "$port" -sd "$store" -l "$store/nats.log" &
nats_pid=$!
trap 'kill "$nats_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$store"' EXIT
wait_port "$port"
"$BIN/tosserp-bench-events" --nats "nats://127.0.0.1:$port" --events "$events" --fanout "$fanout"
