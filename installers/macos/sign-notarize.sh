#!/usr/bin/env bash
# macOS signing of the TossErp client; run by cpack on a macOS runner with Xcode (SignApp.cmake
# before the DMG is made, ../common/SignPackages.cmake after). Nothing here runs on Linux.
#
#   sign-notarize.sh app TossErp.app   codesign the bundle inside-out (frameworks, plug-ins,
#                                      dylibs, then the app) with the hardened runtime and a
#                                      secure timestamp; verify it
#   sign-notarize.sh dmg TossErp.dmg   codesign the disk image, notarise it (xcrun notarytool
#                                      submit --wait), staple the ticket, check Gatekeeper
#
# Environment:
#   TOSSERP_APPLE_IDENTITY   "Developer ID Application: Company (TEAMID)", in the keychain.
#                            Unset: ad-hoc signature (-), no notarisation (local test builds).
#   Notarisation credentials, one of:
#     TOSSERP_NOTARY_PROFILE                 a keychain profile made once with
#                                            `xcrun notarytool store-credentials`
#     TOSSERP_NOTARY_KEY, TOSSERP_NOTARY_KEY_ID, TOSSERP_NOTARY_ISSUER
#                                            an App Store Connect API key (.p8 file, its id,
#                                            the issuer id) — what CI runners use
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ENTITLEMENTS="$HERE/entitlements.plist"
IDENTITY=${TOSSERP_APPLE_IDENTITY:--}

die() { printf 'sign-notarize.sh: %s\n' "$*" >&2; exit 1; }
say() { printf '==> %s\n' "$*" >&2; }

[ "$(uname -s)" = Darwin ] || die "runs on macOS only"
command -v codesign >/dev/null || die "codesign is missing (install Xcode or its command line tools)"

codesign_args=(--force --sign "$IDENTITY")
if [ "$IDENTITY" != - ]; then
    codesign_args+=(--options runtime --timestamp)
fi

sign_app() {
    local app=$1
    [ -d "$app/Contents/MacOS" ] || die "$app is not an application bundle"
    say "signing the code inside $app"
    # Inside-out: find -depth lists what a framework or plug-in holds before the framework
    # itself; the bundle comes last (no --deep: Apple recommends signing each piece).
    while IFS= read -r -d '' item; do
        codesign "${codesign_args[@]}" "$item"
    done < <(find "$app/Contents" -depth \( -name '*.dylib' -o -name '*.so' -o -name '*.framework' \
        -o -name '*.bundle' -o -name '*.app' \) -print0)
    while IFS= read -r -d '' item; do
        if file "$item" | grep -q 'Mach-O'; then
            codesign "${codesign_args[@]}" "$item"
        fi
    done < <(find "$app/Contents/MacOS" -type f -print0)
    codesign "${codesign_args[@]}" --entitlements "$ENTITLEMENTS" "$app"
    codesign --verify --deep --strict --verbose=2 "$app"
    say "signed $app as $IDENTITY"
}

notarytool_auth() {
    if [ -n "${TOSSERP_NOTARY_PROFILE:-}" ]; then
        printf '%s\0' --keychain-profile "$TOSSERP_NOTARY_PROFILE"
    elif [ -n "${TOSSERP_NOTARY_KEY:-}" ] && [ -n "${TOSSERP_NOTARY_KEY_ID:-}" ] && [ -n "${TOSSERP_NOTARY_ISSUER:-}" ]; then
        printf '%s\0' --key "$TOSSERP_NOTARY_KEY" --key-id "$TOSSERP_NOTARY_KEY_ID" --issuer "$TOSSERP_NOTARY_ISSUER"
    fi
}

sign_dmg() {
    local dmg=$1
    [ -f "$dmg" ] || die "no disk image $dmg"
    codesign "${codesign_args[@]}" "$dmg"
    codesign --verify --verbose=2 "$dmg"
    if [ "$IDENTITY" = - ]; then
        say "ad-hoc signature: not notarised (set TOSSERP_APPLE_IDENTITY for a release)"
        return
    fi
    local auth=()
    while IFS= read -r -d '' arg; do auth+=("$arg"); done < <(notarytool_auth)
    [ ${#auth[@]} -gt 0 ] || die "set TOSSERP_NOTARY_PROFILE or TOSSERP_NOTARY_KEY/_KEY_ID/_ISSUER to notarise"
    say "notarising $dmg (waits for Apple's answer)"
    local log
    log=$(mktemp)
    if ! xcrun notarytool submit "$dmg" "${auth[@]}" --wait --output-format json | tee "$log"; then
        die "notarytool submit failed"
    fi
    if ! grep -q '"status" *: *"Accepted"' "$log"; then
        id=$(sed -n 's/.*"id" *: *"\([^"]*\)".*/\1/p' "$log" | head -1)
        if [ -n "$id" ]; then
            xcrun notarytool log "$id" "${auth[@]}" >&2 || true
        fi
        die "notarisation was not accepted"
    fi
    rm -f "$log"
    xcrun stapler staple "$dmg"
    xcrun stapler validate "$dmg"
    spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg"
    say "$dmg: signed, notarised, stapled"
}

case "${1:-}" in
app) [ $# -eq 2 ] || die "usage: sign-notarize.sh app PATH.app"; sign_app "$2" ;;
dmg) [ $# -eq 2 ] || die "usage: sign-notarize.sh dmg PATH.dmg"; sign_dmg "$2" ;;
*) die "usage: sign-notarize.sh app PATH.app | dmg PATH.dmg" ;;
esac
