#!/usr/bin/env bash
# Fixture: makes every package of this build into PACKAGES_DIR with cpack (a throw-away
# signing certificate, whatever the environment says).
set -euo pipefail
BUILD_DIR=${1:?usage: build_packages.sh BUILD_DIR PACKAGES_DIR CPACK}
PACKAGES=${2:?}
CPACK=${3:-cpack}

for tool in dpkg-deb dpkg-shlibdeps wixl msibuild msiinfo osslsigncode openssl; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (scripts/packages.txt)" >&2; exit 1; }
done
[ -x "$BUILD_DIR/bin/tosserp-server" ] || { echo "FAIL: build tosserp-server first" >&2; exit 1; }

rm -rf "$PACKAGES"
mkdir -p "$PACKAGES"
env -u TOSSERP_SIGN_CERT -u TOSSERP_SIGN_KEY -u TOSSERP_SIGN_PASS -u TOSSERP_SIGN_CAFILE \
    -u TOSSERP_SIGN_TIMESTAMP_URL \
    "$CPACK" --config "$BUILD_DIR/CPackConfig.cmake" -B "$PACKAGES" >"$PACKAGES/cpack.log" 2>&1 \
    || { cat "$PACKAGES/cpack.log" >&2; echo "FAIL: cpack" >&2; exit 1; }
ls -l "$PACKAGES"
