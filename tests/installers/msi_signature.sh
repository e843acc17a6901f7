#!/usr/bin/env bash
# The MSI's Authenticode signature: osslsigncode accepts it against the published signing
# certificate, and rejects a copy with one byte changed (in the string pool, which the
# signature covers) and a copy checked against another certificate.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
need osslsigncode openssl

msi=$(package "tosserp-*-x64.msi")
cert=$(package tosserp-signing-cert.pem)

osslsigncode verify -CAfile "$cert" -in "$msi" >"$WORK/verify.log" 2>&1 \
    || { cat "$WORK/verify.log"; fail "osslsigncode rejects the signed MSI"; }
grep -q '^Signature verification: ok' "$WORK/verify.log" || { cat "$WORK/verify.log"; fail "no 'Signature verification: ok'"; }
subject=$(openssl x509 -in "$cert" -noout -subject)
note "accepted, signed by ${subject#subject=}"

# One byte changed: a character of the UpgradeCode in the string pool.
upgrade_code=$(sed -n 's/^set(CPACK_TOSSERP_MSI_UPGRADE_CODE "\(.*\)")$/\1/p' "$BUILD_DIR/CPackConfig.cmake")
offset=$(grep -obUaF -- "$upgrade_code" "$msi" | head -1 | cut -d: -f1)
[ -n "$offset" ] || fail "the UpgradeCode is not in the MSI's string pool"
cp "$msi" "$WORK/tampered.msi"
original=$(dd if="$msi" bs=1 skip="$offset" count=1 2>/dev/null)
replacement=X
[ "$original" = X ] && replacement=Y
printf '%s' "$replacement" | dd of="$WORK/tampered.msi" bs=1 seek="$offset" conv=notrunc 2>/dev/null
[ "$(cmp -l "$msi" "$WORK/tampered.msi" | wc -l)" -eq 1 ] || fail "the tampered copy should differ in one byte"
if osslsigncode verify -CAfile "$cert" -in "$WORK/tampered.msi" >"$WORK/tampered.log" 2>&1; then
    cat "$WORK/tampered.log"
    fail "osslsigncode accepts an MSI with a changed byte"
fi
grep -q 'MISMATCH' "$WORK/tampered.log" || { cat "$WORK/tampered.log"; fail "the tampered MSI failed for another reason than its digest"; }
note "a copy with one changed byte: rejected (digest mismatch)"

# Another certificate does not vouch for it.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -keyout "$WORK/other.key" -out "$WORK/other.pem" \
    -subj "/CN=someone else" -addext extendedKeyUsage=codeSigning >/dev/null 2>&1
if osslsigncode verify -CAfile "$WORK/other.pem" -in "$msi" >"$WORK/other.log" 2>&1; then
    fail "osslsigncode accepts the MSI against an unrelated certificate"
fi
note "against an unrelated certificate: rejected"
