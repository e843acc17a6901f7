#!/usr/bin/env bash
# Signs TossErp packages; run by cpack (SignPackages.cmake, windows/MakeMsi.cmake).
#
#   sign.sh authenticode IN.msi OUT.msi   Authenticode signature (osslsigncode), then verified
#   sign.sh detached FILE SIG             detached SHA-256 signature (openssl dgst), then verified
#   sign.sh publish DIR                   copies the signing certificate to
#                                         DIR/tosserp-signing-cert.pem (verifies the .sig files)
#   sign.sh cert                          prints the certificate file in use
#
# The key: TOSSERP_SIGN_CERT (PEM certificate, chain after it) and TOSSERP_SIGN_KEY (PEM
# private key; passphrase in TOSSERP_SIGN_PASS) when set. Otherwise a throw-away code-signing
# certificate under TOSSERP_SIGN_DIR (made on first use, renewed before it expires), so the
# signing path runs in every build. Optional: TOSSERP_SIGN_CAFILE (trust anchors for the
# verification; default: the certificate itself when self-signed, else the system store),
# TOSSERP_SIGN_TIMESTAMP_URL (RFC 3161 time-stamping server for the Authenticode signature).
set -euo pipefail

die() { printf 'sign.sh: %s\n' "$*" >&2; exit 1; }

# Sets CERT and KEY.
signing_key() {
    if [ -n "${TOSSERP_SIGN_CERT:-}" ] || [ -n "${TOSSERP_SIGN_KEY:-}" ]; then
        if [ -z "${TOSSERP_SIGN_CERT:-}" ] || [ -z "${TOSSERP_SIGN_KEY:-}" ]; then
            die "set both TOSSERP_SIGN_CERT and TOSSERP_SIGN_KEY, or neither"
        fi
        [ -r "$TOSSERP_SIGN_CERT" ] || die "cannot read TOSSERP_SIGN_CERT=$TOSSERP_SIGN_CERT"
        [ -r "$TOSSERP_SIGN_KEY" ] || die "cannot read TOSSERP_SIGN_KEY=$TOSSERP_SIGN_KEY"
        CERT=$TOSSERP_SIGN_CERT
        KEY=$TOSSERP_SIGN_KEY
        return
    fi
    local dir=${TOSSERP_SIGN_DIR:-}
    [ -n "$dir" ] || die "TOSSERP_SIGN_DIR is not set (where the throw-away certificate lives)"
    local current="$dir/throwaway"
    CERT="$current/cert.pem"
    KEY="$current/key.pem"
    if [ -f "$CERT" ] && [ -f "$KEY" ] && openssl x509 -in "$CERT" -noout -checkend 86400 >/dev/null 2>&1; then
        return
    fi
    mkdir -p "$dir"
    # Made aside and renamed into place: concurrent builds never see half a key pair.
    local tmp
    tmp=$(mktemp -d "$dir/.new.XXXXXX")
    openssl req -x509 -newkey rsa:3072 -nodes -sha256 -days 30 \
        -keyout "$tmp/key.pem" -out "$tmp/cert.pem" \
        -subj "/O=TossErp/CN=TossErp build signing (throw-away)" \
        -addext "basicConstraints=critical,CA:FALSE" \
        -addext "keyUsage=critical,digitalSignature" \
        -addext "extendedKeyUsage=codeSigning" >/dev/null 2>&1 \
        || { rm -rf "$tmp"; die "openssl could not make the throw-away certificate"; }
    chmod 600 "$tmp/key.pem"
    if [ -d "$current" ]; then
        rm -rf "$current.old"
        mv "$current" "$current.old" 2>/dev/null || true
    fi
    if ! mv -T "$tmp" "$current" 2>/dev/null; then
        rm -rf "$tmp" # another build made one at the same moment: use that
    fi
    rm -rf "$current.old"
    if [ ! -f "$CERT" ] || [ ! -f "$KEY" ]; then
        die "no throw-away certificate in $current"
    fi
}

# The trust anchors for verifying what CERT signed.
ca_file() {
    if [ -n "${TOSSERP_SIGN_CAFILE:-}" ]; then
        printf '%s\n' "$TOSSERP_SIGN_CAFILE"
    elif [ "$(openssl x509 -in "$CERT" -noout -subject)" = "subject=$(openssl x509 -in "$CERT" -noout -issuer | sed 's/^issuer=//')" ]; then
        printf '%s\n' "$CERT"
    else
        printf '%s\n' /etc/ssl/certs/ca-certificates.crt
    fi
}

pass_args() {
    if [ -n "${TOSSERP_SIGN_PASS:-}" ]; then
        printf '%s\n' "-passin" "env:TOSSERP_SIGN_PASS"
    fi
}

authenticode() {
    local in=$1 out=$2
    command -v osslsigncode >/dev/null || die "osslsigncode is missing (apt-get install osslsigncode)"
    local args=(sign -certs "$CERT" -key "$KEY" -h sha256 -n "TossErp")
    if [ -n "${TOSSERP_SIGN_TIMESTAMP_URL:-}" ]; then
        args+=(-ts "$TOSSERP_SIGN_TIMESTAMP_URL")
    fi
    rm -f "$out"
    if [ -n "${TOSSERP_SIGN_PASS:-}" ]; then
        printf '%s' "$TOSSERP_SIGN_PASS" | osslsigncode "${args[@]}" -readpass - -in "$in" -out "$out" >/dev/null
    else
        osslsigncode "${args[@]}" -in "$in" -out "$out" >/dev/null
    fi
    osslsigncode verify -CAfile "$(ca_file)" -in "$out" >/dev/null \
        || die "the Authenticode signature of $out does not verify"
}

detached() {
    local file=$1 sig=$2 pub
    # shellcheck disable=SC2046
    openssl dgst -sha256 -sign "$KEY" $(pass_args) -out "$sig" "$file"
    pub=$(mktemp)
    openssl x509 -in "$CERT" -noout -pubkey >"$pub"
    if ! openssl dgst -sha256 -verify "$pub" -signature "$sig" "$file" >/dev/null; then
        rm -f "$pub"
        die "the detached signature $sig does not verify"
    fi
    rm -f "$pub"
}

[ $# -ge 1 ] || die "usage: sign.sh authenticode IN OUT | detached FILE SIG | publish DIR | cert"
command -v openssl >/dev/null || die "openssl is missing"
signing_key
case "$1" in
authenticode) [ $# -eq 3 ] || die "usage: sign.sh authenticode IN OUT"; authenticode "$2" "$3" ;;
detached) [ $# -eq 3 ] || die "usage: sign.sh detached FILE SIG"; detached "$2" "$3" ;;
publish)
    [ $# -eq 2 ] || die "usage: sign.sh publish DIR"
    # Only the first certificate: the one whose key made the signatures.
    openssl x509 -in "$CERT" -out "$2/tosserp-signing-cert.pem"
    ;;
cert) printf '%s\n' "$CERT" ;;
*) die "unknown command $1" ;;
esac
