#!/usr/bin/env bash
# The MSI's tables, read back with msiinfo: per-machine x64 product of this version with the
# stable UpgradeCode and major-upgrade rows, the public properties for silent installs, the
# registry values the client reads its defaults from, the Start-menu shortcut, the files.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
need msiinfo msiextract

msi=$(package "tosserp-*-x64.msi")
upgrade_code=$(sed -n 's/^set(CPACK_TOSSERP_MSI_UPGRADE_CODE "\(.*\)")$/\1/p' "$BUILD_DIR/CPackConfig.cmake")
[ -n "$upgrade_code" ] || fail "no CPACK_TOSSERP_MSI_UPGRADE_CODE in CPackConfig.cmake"

table() { msiinfo export "$msi" "$1" | tr -d '\r' | tail -n +4; }
has_row() { # TABLE, then the row's leading fields (tab-separated, as an extended regex)
    table "$1" | grep -Eq "^$2" || { table "$1" >&2; fail "$1 has no row matching: $2"; }
}
T=$'\t'

tables=$(msiinfo tables "$msi")
for t in Property Upgrade Shortcut Registry Component File Directory LaunchCondition AppSearch CustomAction; do
    grep -qx "$t" <<<"$tables" || fail "no $t table"
done

# Product and upgrades.
has_row Property "ProductVersion${T}${VERSION}\$"
has_row Property "UpgradeCode${T}\\{${upgrade_code}\\}\$"
has_row Property "ALLUSERS${T}1\$"
has_row Property "ProductName${T}TossErp\$"
has_row Upgrade "\\{${upgrade_code}\\}${T}${T}${VERSION}${T}${T}513${T}${T}WIX_UPGRADE_DETECTED\$"
has_row Upgrade "\\{${upgrade_code}\\}${T}${VERSION}${T}${T}${T}2${T}${T}WIX_DOWNGRADE_DETECTED\$"
has_row LaunchCondition "NOT WIX_DOWNGRADE_DETECTED${T}"
has_row InstallExecuteSequence "RemoveExistingProducts${T}${T}1501\$"
has_row InstallExecuteSequence "InstallInitialize${T}${T}1500\$"
msiinfo suminfo "$msi" | grep -qx 'Template: x64;1033' || fail "not an x64 package: $(msiinfo suminfo "$msi")"

# Public properties: SERVER_URL and DISABLE_AUTO_UPDATE reach the elevated part of the install.
secure=$(table Property | sed -n "s/^SecureCustomProperties${T}//p")
for p in SERVER_URL DISABLE_AUTO_UPDATE; do
    tr ';' '\n' <<<"$secure" | grep -qx "$p" || fail "$p is not in SecureCustomProperties ($secure)"
done
has_row LaunchCondition 'Installed OR NOT DISABLE_AUTO_UPDATE OR DISABLE_AUTO_UPDATE = "0" OR DISABLE_AUTO_UPDATE = "1"'
has_row LaunchCondition 'Installed OR NOT SERVER_URL OR SERVER_URL << "https://"'
# Upgrades and repairs keep the installed values.
has_row AppSearch "SAVED_SERVER_URL${T}"
has_row RegLocator "[A-Za-z]+${T}2${T}Software\\\\TossErp\\\\TossErp${T}ServerUrl${T}18\$"
has_row CustomAction "KeepServerUrl${T}[0-9]+${T}SERVER_URL${T}\\[SAVED_SERVER_URL\\]"
has_row InstallExecuteSequence "KeepServerUrl${T}SAVED_SERVER_URL AND NOT SERVER_URL${T}51\$"

# Where the client reads its defaults: HKLM (2) \Software\TossErp\TossErp, 64-bit components.
has_row Registry "[A-Za-z0-9_]+${T}2${T}Software\\\\TossErp\\\\TossErp${T}ServerUrl${T}\\[SERVER_URL\\]${T}ClientDefaultServerUrl\$"
has_row Registry "[A-Za-z0-9_]+${T}2${T}Software\\\\TossErp\\\\TossErp${T}DisableAutoUpdate${T}#\\[AUTO_UPDATE_OFF\\]${T}ClientDefaultAutoUpdate\$"
for component in ClientDefaultServerUrl ClientDefaultAutoUpdate StartMenuShortcut; do
    attributes=$(table Component | awk -F'\t' -v c="$component" '$1 == c { print $4 }')
    [ -n "$attributes" ] || fail "no component $component"
    (((attributes & 256) != 0)) || fail "component $component is not 64-bit (attributes $attributes)"
done

# Start menu and the installed files.
has_row Shortcut "TossErpShortcut${T}TossErpMenu${T}TossErp${T}StartMenuShortcut${T}\\[INSTALLDIR\\]"
has_row Directory "TossErpMenu${T}ProgramMenuFolder${T}TossErp\$"
has_row Directory "INSTALLDIR${T}ProgramFiles64Folder${T}TossErp\$"
mkdir -p "$WORK/extract"
(cd "$WORK/extract" && msiextract "$msi" >/dev/null)
for f in README.txt LICENSE.txt server.conf.example; do
    found=$(find "$WORK/extract" -name "$f" | head -1)
    [ -n "$found" ] || fail "$f is not in the MSI"
done
grep -q 'SERVER_URL' "$(find "$WORK/extract" -name README.txt | head -1)" || fail "README.txt is not the TossErp one"

# The WiX source it came from keeps the dialogs for the Windows build only.
wxs="$PACKAGES/_CPack_Packages/Linux/External/msi/tosserp.wxs"
if [ -f "$wxs" ]; then
    grep -q '<UIRef Id="WixUI_InstallDir" />' "$wxs" || fail "the WiX source lost its dialogs"
    awk '/<\?if \$\(var.WindowsUI\) = 1 \?>/ { inside = 1 } /<\?endif\?>/ { inside = 0 } /<UIRef/ && !inside { bad = 1 } END { exit bad }' "$wxs" \
        || fail "a UIRef outside <?if \$(var.WindowsUI) = 1 ?> (wixl cannot compile it)"
fi
note "$(basename "$msi"): tables ok"
