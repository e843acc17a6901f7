# Shared by the installer tests: arguments, temporary directories, assertions.
# shellcheck shell=bash
set -euo pipefail

BUILD_DIR=${1:?usage: TEST.sh BUILD_DIR PACKAGES_DIR}
PACKAGES=${2:?usage: TEST.sh BUILD_DIR PACKAGES_DIR}
# shellcheck disable=SC2034 # used by the tests that source this file
VERSION=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$BUILD_DIR/CPackConfig.cmake")

fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
note() { printf '%s\n' "$*"; }

need() {
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null || fail "$tool is missing (the Debian packages are in scripts/packages.txt)"
    done
}

# A directory removed on exit.
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tosserp-installer-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# The one package file matching a glob in PACKAGES.
package() {
    local matches
    # shellcheck disable=SC2206 # $1 is a glob
    matches=("$PACKAGES"/$1)
    [ -e "${matches[0]}" ] || fail "no package $1 in $PACKAGES (did installer_packages run?)"
    [ ${#matches[@]} -eq 1 ] || fail "several packages match $1: ${matches[*]}"
    printf '%s\n' "${matches[0]}"
}

# An empty root with a dpkg database, for `dpkg --root`.
new_root() {
    local root
    root=$(mktemp -d "$WORK/root.XXXXXX")
    mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/var/lib/dpkg/triggers"
    touch "$root/var/lib/dpkg/status" "$root/var/lib/dpkg/available"
    printf '%s\n' "$root"
}

# dpkg on a root directory, maintainer scripts run outside a chroot with DPKG_ROOT set;
# the libraries the package depends on come from this machine, not the empty root.
dpkg_root() {
    local root=$1
    shift
    dpkg --root="$root" --log=/dev/null --force-not-root --force-script-chrootless --force-depends "$@"
}
