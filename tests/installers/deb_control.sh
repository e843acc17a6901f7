#!/usr/bin/env bash
# The DEBs' control data: the conffile is declared, the maintainer scripts are there and
# skip system changes under DPKG_ROOT, the dependencies; the client package (once the client
# exists) ships the client defaults and installs next to the server without a conflict.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
need dpkg dpkg-deb

deb=$(package "tosserp-server_*.deb")
info=$(dpkg-deb -I "$deb")
note "$info"
grep -Eq '^ +[0-9]+ bytes, +[0-9]+ lines +conffiles' <<<"$info" || fail "no conffiles in the control archive"
mkdir -p "$WORK/control"
dpkg-deb -e "$deb" "$WORK/control"
[ "$(cat "$WORK/control/conffiles")" = "/etc/tosserp/server.conf" ] || fail "conffiles: $(cat "$WORK/control/conffiles")"
for script in postinst prerm postrm; do
    [ -x "$WORK/control/$script" ] || fail "no executable $script"
    sh -n "$WORK/control/$script" || fail "$script is not valid sh"
    grep -q 'DPKG_ROOT' "$WORK/control/$script" || fail "$script ignores DPKG_ROOT"
done
[ "$(dpkg-deb -f "$deb" Package)" = tosserp-server ] || fail "package name"
[ "$(dpkg-deb -f "$deb" Version)" = "$VERSION" ] || fail "version $(dpkg-deb -f "$deb" Version), want $VERSION"
depends=$(dpkg-deb -f "$deb" Depends)
for dep in adduser libc6 libssl3 libsqlite3-0 libpocofoundation; do
    grep -q "$dep" <<<"$depends" || fail "Depends lacks $dep: $depends"
done
dpkg-deb -c "$deb" >"$WORK/server-contents.txt"
if grep -q ' \./etc/xdg/' "$WORK/server-contents.txt"; then
    fail "the server package ships files under /etc/xdg (the client package owns them)"
fi

shopt -s nullglob
clients=("$PACKAGES"/tosserp_*.deb)
if [ ${#clients[@]} -eq 0 ]; then
    [ "${TOSSERP_EXPECT_CLIENT:-0}" = 0 ] || fail "this build has the client, but no client package was made"
    note "no client package in this build (no tosserp target): server checks only"
    exit 0
fi
client=${clients[0]}
mkdir -p "$WORK/client-control"
dpkg-deb -e "$client" "$WORK/client-control"
grep -qx /etc/xdg/TossErp/TossErp.conf "$WORK/client-control/conffiles" || fail "the client package does not declare /etc/xdg/TossErp/TossErp.conf"
dpkg-deb -c "$client" >"$WORK/client-contents.txt" # not piped into grep -q: dpkg-deb would die of SIGPIPE
grep -q ' \./etc/xdg/TossErp/TossErp.conf$' "$WORK/client-contents.txt" || fail "the client package lacks TossErp.conf"
root=$(new_root)
dpkg_root "$root" -i "$deb" "$client" >"$WORK/both.log" 2>&1 || { cat "$WORK/both.log"; fail "server and client DEBs do not install together"; }
grep -q '^\[General\]' "$root/etc/xdg/TossErp/TossErp.conf" || fail "TossErp.conf has no [General] section"
note "server and client packages install side by side"
