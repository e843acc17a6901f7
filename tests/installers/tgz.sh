#!/usr/bin/env bash
# The server TGZ: one top directory tosserp-VERSION-linux-ARCH with the same tree as the
# DEB (usr/bin, etc/tosserp, lib/systemd/system), nothing outside it, and the program runs
# from the unpacked tree.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
need tar

tgz=$(package "tosserp-server-*-linux-*.tar.gz")
top=$(tar -tzf "$tgz" | cut -d/ -f1 | sort -u)
[ "$(wc -l <<<"$top")" -eq 1 ] || fail "more than one top directory: $top"
case "$top" in tosserp-"$VERSION"-linux-*) ;; *) fail "top directory $top" ;; esac
tar -tzf "$tgz" >"$WORK/tgz-contents.txt"
if grep -q -e '^/' -e '\.\./' "$WORK/tgz-contents.txt"; then
    fail "absolute or parent paths in the archive"
fi

tar -xzf "$tgz" -C "$WORK"
tree="$WORK/$top"
for path in usr/bin/tosserp-server etc/tosserp/server.conf lib/systemd/system/tosserp-server.service \
    usr/share/doc/tosserp-server/README; do
    [ -e "$tree/$path" ] || fail "$path missing from the archive"
done
[ ! -e "$tree/etc/xdg" ] || fail "the server archive ships /etc/xdg"
out=$("$tree/usr/bin/tosserp-server" --version)
[ "$out" = "tosserp-server $VERSION" ] || fail "--version printed: $out"
note "$(basename "$tgz"): $top, $out"
