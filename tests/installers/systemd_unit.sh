#!/usr/bin/env bash
# The systemd unit in the server DEB: systemd-analyze verify finds nothing to say about it
# (when systemd-analyze is installed), and it runs the packaged program as the user tosserp
# with the packaged settings.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
need dpkg-deb

deb=$(package "tosserp-server_*.deb")
root="$WORK/root"
dpkg-deb -x "$deb" "$root"
unit="$root/lib/systemd/system/tosserp-server.service"
[ -f "$unit" ] || fail "no lib/systemd/system/tosserp-server.service in the package"

expect() {
    grep -qx -- "$1" "$unit" || fail "the unit lacks the line: $1"
}
expect 'ExecStart=/usr/bin/tosserp-server --config /etc/tosserp/server.conf'
expect 'User=tosserp'
expect 'Group=tosserp'
expect 'StateDirectory=tosserp'
expect 'WorkingDirectory=/var/lib/tosserp'
expect 'Restart=on-failure'
expect 'WantedBy=multi-user.target'
expect '\[Install\]'
[ -x "$root/usr/bin/tosserp-server" ] || fail "ExecStart names /usr/bin/tosserp-server, which the package lacks"
grep -q '^data_dir = /var/lib/tosserp$' "$root/etc/tosserp/server.conf" || fail "server.conf does not use /var/lib/tosserp"

if command -v systemd-analyze >/dev/null; then
    # Verify against the packaged files plus this machine's stock units (targets).
    if [ -d /lib/systemd/system ]; then
        cp -an /lib/systemd/system/. "$root/lib/systemd/system/"
    fi
    out=$(systemd-analyze --man=no verify --root="$root" tosserp-server.service 2>&1) \
        || fail "systemd-analyze verify: $out"
    [ -z "$out" ] || fail "systemd-analyze verify complains: $out"
    note "systemd-analyze verify: clean"
else
    note "systemd-analyze is not installed: checked the required keys only"
fi
