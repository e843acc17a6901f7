# CPACK_EXTERNAL_PACKAGE_SCRIPT: builds the Windows installer from the files CPack staged
# (components in CPACK_TOSSERP_MSI_COMPONENTS under CPACK_TEMPORARY_DIRECTORY), signs it with
# Authenticode and hands it back to CPack (CPACK_EXTERNAL_BUILT_PACKAGES).
#
#   1. the file list: every staged file becomes a component under INSTALLDIR; tosserp.exe,
#      when staged (Windows build), goes in through -dClientExe instead;
#   2. tosserp.wxs from tosserp.wxs.in (version, upgrade code, file list);
#   3. compile: WiX 3 (candle + light, with the dialogs) when on Windows, otherwise
#      `wixl -a x64` and a few fix-ups for what wixl does not support (below);
#   4. sign (../common/sign.sh authenticode), which also verifies the signature.
set(work "${CPACK_TOPLEVEL_DIRECTORY}/msi")
file(REMOVE_RECURSE "${work}")
file(MAKE_DIRECTORY "${work}")

function(xml_escape out text)
  string(REPLACE "&" "&amp;" text "${text}")
  string(REPLACE "<" "&lt;" text "${text}")
  string(REPLACE ">" "&gt;" text "${text}")
  string(REPLACE "\"" "&quot;" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

function(wix_id out prefix text)
  string(MD5 hash "${text}")
  string(SUBSTRING "${hash}" 0 24 hash)
  set(${out} "${prefix}_${hash}" PARENT_SCOPE)
endfunction()

# 1. The file list.
set(files) # paths relative to INSTALLDIR
set(client_exe)
foreach(component IN LISTS CPACK_TOSSERP_MSI_COMPONENTS)
  set(root "${CPACK_TEMPORARY_DIRECTORY}/${component}")
  if(NOT IS_DIRECTORY "${root}")
    continue()
  endif()
  file(GLOB_RECURSE staged LIST_DIRECTORIES false RELATIVE "${root}" "${root}/*")
  foreach(relative IN LISTS staged)
    if(DEFINED source_of_${relative})
      message(FATAL_ERROR "MSI: ${relative} is installed by two components")
    endif()
    if(relative STREQUAL "tosserp.exe")
      set(client_exe "${component}/${relative}")
      continue()
    endif()
    # Relative to the staging directory, where the compilers run (wixl takes no absolute
    # Source paths).
    set(source_of_${relative} "${component}/${relative}")
    list(APPEND files "${relative}")
  endforeach()
endforeach()
list(SORT files)
if(NOT files AND NOT client_exe)
  message(FATAL_ERROR "MSI: nothing staged in ${CPACK_TEMPORARY_DIRECTORY}")
endif()

set(directories "")
foreach(relative IN LISTS files)
  get_filename_component(dir "${relative}" DIRECTORY)
  while(dir AND NOT dir IN_LIST directories)
    list(APPEND directories "${dir}")
    get_filename_component(dir "${dir}" DIRECTORY)
  endwhile()
endforeach()
list(SORT directories)

set(MSI_COMPONENT_REFS "")
# The <Directory>/<Component> tree below INSTALLDIR ("" is INSTALLDIR itself).
function(emit_directory out dir indent)
  set(xml "")
  foreach(relative IN LISTS files)
    get_filename_component(parent "${relative}" DIRECTORY)
    if(NOT parent STREQUAL dir)
      continue()
    endif()
    get_filename_component(name "${relative}" NAME)
    wix_id(component C "${relative}")
    wix_id(file_id F "${relative}")
    xml_escape(name_xml "${name}")
    file(TO_NATIVE_PATH "${source_of_${relative}}" source)
    xml_escape(source_xml "${source}")
    string(APPEND xml "${indent}<Component Id=\"${component}\" Guid=\"*\" Win64=\"yes\">\n"
                      "${indent}  <File Id=\"${file_id}\" Name=\"${name_xml}\" Source=\"${source_xml}\" KeyPath=\"yes\" />\n"
                      "${indent}</Component>\n")
    set_property(GLOBAL APPEND_STRING PROPERTY TOSSERP_MSI_REFS "      <ComponentRef Id=\"${component}\" />\n")
  endforeach()
  foreach(child IN LISTS directories)
    get_filename_component(parent "${child}" DIRECTORY)
    if(NOT parent STREQUAL dir)
      continue()
    endif()
    get_filename_component(name "${child}" NAME)
    wix_id(dir_id D "${child}")
    xml_escape(name_xml "${name}")
    emit_directory(inner "${child}" "${indent}  ")
    string(APPEND xml "${indent}<Directory Id=\"${dir_id}\" Name=\"${name_xml}\">\n${inner}${indent}</Directory>\n")
  endforeach()
  set(${out} "${xml}" PARENT_SCOPE)
endfunction()
set_property(GLOBAL PROPERTY TOSSERP_MSI_REFS "")
emit_directory(MSI_DIRECTORIES "" "          ")
get_property(MSI_COMPONENT_REFS GLOBAL PROPERTY TOSSERP_MSI_REFS)

# 2. The WiX source.
set(MSI_VERSION "${CPACK_PACKAGE_VERSION}")
xml_escape(MSI_MANUFACTURER "${CPACK_PACKAGE_VENDOR}")
set(MSI_UPGRADE_CODE "${CPACK_TOSSERP_MSI_UPGRADE_CODE}")
set(wxs "${work}/tosserp.wxs")
configure_file("${CPACK_TOSSERP_MSI_TEMPLATE}" "${wxs}" @ONLY)

# 3. Compile.
set(unsigned "${work}/unsigned.msi")
set(defines)
if(client_exe)
  file(TO_NATIVE_PATH "${client_exe}" client_exe_native)
  list(APPEND defines "ClientExe=${client_exe_native}")
endif()
find_program(CANDLE candle HINTS "$ENV{WIX}/bin")
find_program(LIGHT light HINTS "$ENV{WIX}/bin")
find_program(WIXL wixl)
if(CMAKE_HOST_WIN32 AND CANDLE AND LIGHT)
  file(TO_NATIVE_PATH "${CPACK_TOSSERP_MSI_LICENSE_RTF}" license_rtf)
  set(candle_defines -dWindowsUI=1 "-dLicenseRtf=${license_rtf}")
  foreach(define IN LISTS defines)
    list(APPEND candle_defines "-d${define}")
  endforeach()
  execute_process(COMMAND "${CANDLE}" -nologo -arch x64 ${candle_defines} -ext WixUIExtension
                          -out "${work}/tosserp.wixobj" "${wxs}"
                  WORKING_DIRECTORY "${CPACK_TEMPORARY_DIRECTORY}" RESULT_VARIABLE failed)
  if(NOT failed)
    execute_process(COMMAND "${LIGHT}" -nologo -ext WixUIExtension -out "${unsigned}" "${work}/tosserp.wixobj"
                    WORKING_DIRECTORY "${CPACK_TEMPORARY_DIRECTORY}" RESULT_VARIABLE failed)
  endif()
  if(failed)
    message(FATAL_ERROR "MSI: the WiX toolset failed on ${wxs}")
  endif()
elseif(WIXL)
  set(wixl_defines -D WindowsUI=0)
  foreach(define IN LISTS defines)
    list(APPEND wixl_defines -D "${define}")
  endforeach()
  execute_process(COMMAND "${WIXL}" -a x64 ${wixl_defines} -o "${unsigned}" "${wxs}"
                  WORKING_DIRECTORY "${CPACK_TEMPORARY_DIRECTORY}" RESULT_VARIABLE failed
                  ERROR_VARIABLE wixl_errors)
  # wixl warns about every attribute it ignores (Secure, Schedule, ...): show only failures.
  if(failed OR NOT EXISTS "${unsigned}")
    message(FATAL_ERROR "MSI: wixl failed on ${wxs}:\n${wixl_errors}")
  endif()
  # What wixl ignores, written into the tables the way WiX 3 writes them:
  #  - Property/@Secure: public properties must be listed in SecureCustomProperties to reach
  #    the elevated part of a per-machine install;
  #  - MajorUpgrade/@Schedule="afterInstallInitialize": RemoveExistingProducts right after
  #    InstallInitialize;
  #  - MajorUpgrade/@AllowSameVersionUpgrades: the upgrade range includes this version.
  find_program(MSIBUILD msibuild)
  if(NOT MSIBUILD)
    message(FATAL_ERROR "MSI: msibuild is missing (apt-get install msitools)")
  endif()
  function(msi_query query)
    execute_process(COMMAND "${MSIBUILD}" "${unsigned}" -q "${query}" RESULT_VARIABLE failed)
    if(failed)
      message(FATAL_ERROR "MSI: msibuild failed: ${query}")
    endif()
  endfunction()
  msi_query("UPDATE `Property` SET `Value` = 'WIX_DOWNGRADE_DETECTED;WIX_UPGRADE_DETECTED;SERVER_URL;DISABLE_AUTO_UPDATE' WHERE `Property` = 'SecureCustomProperties'")
  msi_query("UPDATE `InstallExecuteSequence` SET `Sequence` = 1501 WHERE `Action` = 'RemoveExistingProducts'")
  # Attributes is part of the Upgrade table's key: replace the row (513 = MigrateFeatures +
  # VersionMaxInclusive).
  msi_query("DELETE FROM `Upgrade` WHERE `ActionProperty` = 'WIX_UPGRADE_DETECTED'")
  msi_query("INSERT INTO `Upgrade` (`UpgradeCode`, `VersionMax`, `Attributes`, `ActionProperty`) VALUES ('{${MSI_UPGRADE_CODE}}', '${MSI_VERSION}', 513, 'WIX_UPGRADE_DETECTED')")
else()
  message(FATAL_ERROR "MSI: needs wixl (apt-get install wixl msitools) or, on Windows, the WiX toolset 3")
endif()

# 4. Sign.
set(msi "${work}/${CPACK_TOSSERP_MSI_FILE_NAME}.msi")
find_program(TOSSERP_BASH bash)
if(NOT TOSSERP_BASH)
  message(FATAL_ERROR "MSI: signing needs bash, openssl and osslsigncode")
endif()
set(ENV{TOSSERP_SIGN_DIR} "${CPACK_TOSSERP_SIGN_DIR}")
execute_process(COMMAND "${TOSSERP_BASH}" "${CPACK_TOSSERP_SIGN_SCRIPT}" authenticode "${unsigned}" "${msi}"
                RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "MSI: Authenticode signing failed")
endif()
message(STATUS "MSI: ${CPACK_TOSSERP_MSI_FILE_NAME}.msi built from ${wxs} and signed")

set(CPACK_EXTERNAL_BUILT_PACKAGES "${msi}")
