#!/usr/bin/env bash
# The desktop client started with only the system-wide defaults an installer wrote
# (/etc/xdg/TossErp/TossErp.conf, here under a private XDG_CONFIG_DIRS) uses the preset server.
# Usage: preset_server.sh TOSSERP_BINARY
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/xdg/TossErp" "$work/home" "$work/runtime"
chmod 700 "$work/runtime"
printf '[General]\nServerUrl=https://erp.example.test\nDisableAutoUpdate=true\n' >"$work/xdg/TossErp/TossErp.conf"
out=$(HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_CONFIG_DIRS="$work/xdg" \
      XDG_RUNTIME_DIR="$work/runtime" QT_QPA_PLATFORM=offscreen "$1" --self-test 2>&1)
echo "$out"
grep -q 'server https://erp.example.test' <<<"$out" || { echo "FAIL: the preset server was not used"; exit 1; }
# Without the defaults there is no preset.
out=$(HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_CONFIG_DIRS="$work/none" \
      XDG_RUNTIME_DIR="$work/runtime" QT_QPA_PLATFORM=offscreen "$1" --self-test 2>&1)
grep -q 'server (none preset)' <<<"$out" || { echo "FAIL: a server appeared from nowhere: $out"; exit 1; }
echo "ok: the installer's preset server is used"
