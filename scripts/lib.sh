# Shared by ./scripts/run and ./scripts/test: package installation and the build.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="$ROOT/build"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "need root (or sudo) to run: $*"
    fi
}

# Installs the packages of scripts/packages.txt that are missing (and nothing when all are there).
ensure_packages() {
    local wanted missing=()
    wanted=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$ROOT/scripts/packages.txt")
    for pkg in $wanted; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    say "installing ${#missing[@]} missing Debian packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    # Daemons these packages would start (PostgreSQL's cluster, Prometheus) are not wanted:
    # the scripts start what they need themselves. policy-rc.d tells the maintainer scripts so.
    local policy=/usr/sbin/policy-rc.d made=0
    if [ ! -e "$policy" ]; then
        if printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null; then
            made=1
            # Removed however the install ends: left behind, it would stop every later service start.
            trap 'as_root rm -f /usr/sbin/policy-rc.d' EXIT INT TERM
            as_root chmod 755 "$policy"
        fi
    fi
    local status=0
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
        || status=$?
    if [ "$made" -eq 1 ]; then
        as_root rm -f "$policy"
        trap - EXIT INT TERM
    fi
    return $status
}

# Configures (once) and builds the default preset into build/.
build_default() {
    cd "$ROOT" || exit 1
    if [ ! -f "$BUILD_DIR/build.ninja" ]; then
        say "configuring build/"
        cmake --preset default >/dev/null
    fi
    say "building (programs land in build/bin/)"
    cmake --build --preset default -- -j"$(nproc)"
}
