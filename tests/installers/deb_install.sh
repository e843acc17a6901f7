#!/usr/bin/env bash
# The server DEB installs into a clean root (dpkg --root, maintainer scripts included), its
# program runs from there, the conffile is registered, and a purge leaves nothing behind.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
need dpkg dpkg-deb

deb=$(package "tosserp-server_*.deb")
root=$(new_root)
before=$(cd "$root" && find . | sort)

dpkg_root "$root" -i "$deb" >"$WORK/install.log" 2>&1 || { cat "$WORK/install.log"; fail "dpkg -i"; }
status=$(dpkg-query --admindir="$root/var/lib/dpkg" -W -f='${Status} ${Version}' tosserp-server)
[ "$status" = "install ok installed $VERSION" ] || fail "dpkg status: $status"

for path in usr/bin/tosserp-server etc/tosserp/server.conf lib/systemd/system/tosserp-server.service \
    usr/share/doc/tosserp-server/copyright; do
    [ -e "$root/$path" ] || fail "$path is not installed"
done
[ -d "$root/var/lib/tosserp" ] || fail "postinst did not make the data directory /var/lib/tosserp"
[ "$(stat -c %a "$root/var/lib/tosserp")" = 750 ] || fail "/var/lib/tosserp is not mode 750"
[ "$(stat -c %a "$root/etc/tosserp/server.conf")" = 640 ] || fail "server.conf is not mode 640"
[ ! -e "$root/etc/xdg" ] || fail "the server package ships /etc/xdg (the client's defaults)"

out=$("$root/usr/bin/tosserp-server" --version)
[ "$out" = "tosserp-server $VERSION" ] || fail "tosserp-server --version printed: $out"
note "installed: $out"

conffiles=$(dpkg-query --admindir="$root/var/lib/dpkg" -W -f='${Conffiles}' tosserp-server)
grep -q '^ /etc/tosserp/server.conf [0-9a-f]\{32\}$' <<<"$conffiles" || fail "dpkg does not track the conffile: $conffiles"

# An administrator's edit survives reinstalling (conffile), data survives removal.
echo "log_level = debug" >>"$root/etc/tosserp/server.conf"
echo data >"$root/var/lib/tosserp/stock.db"
dpkg_root "$root" -i "$deb" >"$WORK/reinstall.log" 2>&1 || { cat "$WORK/reinstall.log"; fail "reinstall"; }
grep -q '^log_level = debug$' "$root/etc/tosserp/server.conf" || fail "reinstalling replaced the edited conffile"
dpkg_root "$root" -r tosserp-server >"$WORK/remove.log" 2>&1 || { cat "$WORK/remove.log"; fail "dpkg -r"; }
[ ! -e "$root/usr/bin/tosserp-server" ] || fail "remove left the program"
[ -f "$root/etc/tosserp/server.conf" ] || fail "remove deleted the settings (only purge should)"
[ -f "$root/var/lib/tosserp/stock.db" ] || fail "remove deleted the data (only purge should)"

dpkg_root "$root" -P tosserp-server >"$WORK/purge.log" 2>&1 || { cat "$WORK/purge.log"; fail "dpkg -P"; }
status=$(dpkg-query --admindir="$root/var/lib/dpkg" -W -f='${Status}' tosserp-server 2>/dev/null || true)
case "$status" in "" | "unknown ok not-installed" | "purge ok not-installed") ;; *) fail "after purge: $status" ;; esac
after=$(cd "$root" && find . -path './var/lib/dpkg/*' -prune -o -print | sort)
expected=$(grep -v '^./var/lib/dpkg/' <<<"$before")
if [ "$after" != "$expected" ]; then
    diff <(printf '%s\n' "$expected") <(printf '%s\n' "$after") || true
    fail "purge left files behind"
fi
note "install, reinstall, remove, purge: ok"

# The client DEB (when this build has the client): installs, its programs run from the root
# (--version), its defaults are a conffile, and a purge leaves nothing behind.
clients=("$PACKAGES"/tosserp_*.deb)
if [ ${#clients[@]} -eq 0 ] || [ ! -e "${clients[0]}" ]; then
    [ "${TOSSERP_EXPECT_CLIENT:-0}" = 0 ] || fail "this build has the client, but no client package was made"
    note "no client package in this build: client checks skipped"
    exit 0
fi
client=${clients[0]}
root=$(new_root)
before=$(cd "$root" && find . | sort)
dpkg_root "$root" -i "$client" >"$WORK/client-install.log" 2>&1 || { cat "$WORK/client-install.log"; fail "dpkg -i client"; }
out=$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/tosserp" --version 2>/dev/null)
grep -q "$VERSION" <<<"$out" || fail "tosserp --version printed: $out"
out=$("$root/usr/bin/tosserpctl" --version)
[ "$out" = "tosserpctl $VERSION" ] || fail "tosserpctl --version printed: $out"
[ -f "$root/etc/xdg/TossErp/TossErp.conf" ] || fail "the client's defaults are not installed"
dpkg_root "$root" -P tosserp >"$WORK/client-purge.log" 2>&1 || { cat "$WORK/client-purge.log"; fail "dpkg -P client"; }
after=$(cd "$root" && find . -path './var/lib/dpkg/*' -prune -o -print | sort)
expected=$(grep -v '^./var/lib/dpkg/' <<<"$before")
[ "$after" = "$expected" ] || fail "the client's purge left files behind"
note "client: install, --version of tosserp and tosserpctl, purge: ok"
