#!/usr/bin/env bash
# Every DEB, TGZ and MSI has a detached signature (FILE.sig) that verifies with the public key
# of the published signing certificate, and a checksum file (FILE.sha256) that sha256sum -c
# accepts; a changed copy fails both.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
need openssl sha256sum

cert=$(package tosserp-signing-cert.pem)
openssl x509 -in "$cert" -noout -pubkey >"$WORK/pub.pem"
shopt -s nullglob
files=("$PACKAGES"/*.deb "$PACKAGES"/*.tar.gz "$PACKAGES"/*.msi)
[ ${#files[@]} -ge 3 ] || fail "expected at least a DEB, a TGZ and an MSI in $PACKAGES"
for file in "${files[@]}"; do
    name=$(basename "$file")
    [ -f "$file.sig" ] || fail "no $name.sig"
    [ -f "$file.sha256" ] || fail "no $name.sha256"
    openssl dgst -sha256 -verify "$WORK/pub.pem" -signature "$file.sig" "$file" >/dev/null \
        || fail "the signature of $name does not verify"
    (cd "$PACKAGES" && sha256sum --quiet -c "$name.sha256") || fail "the checksum of $name does not match"
    grep -Eq "^[0-9a-f]{64}  $name\$" "$file.sha256" || fail "$name.sha256 is not in sha256sum format"

    cp "$file" "$WORK/$name"
    size=$(stat -c %s "$file")
    printf '\xff' | dd of="$WORK/$name" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null
    if cmp -s "$file" "$WORK/$name"; then
        printf '\x00' | dd of="$WORK/$name" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null
    fi
    if openssl dgst -sha256 -verify "$WORK/pub.pem" -signature "$file.sig" "$WORK/$name" >/dev/null 2>&1; then
        fail "the signature of $name accepts a changed copy"
    fi
    cp "$file.sha256" "$WORK/"
    if (cd "$WORK" && sha256sum --quiet -c "$name.sha256" >/dev/null 2>&1); then
        fail "the checksum of $name accepts a changed copy"
    fi
    note "$name: signature and checksum verify; a changed copy fails both"
done
