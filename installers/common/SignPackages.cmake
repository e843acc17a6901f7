# CPACK_POST_BUILD_SCRIPTS: after each generator, a detached signature (FILE.sig, openssl
# dgst -sha256 -sign) for every package it made, verified on the spot, and the signing
# certificate next to the packages (tosserp-signing-cert.pem) to verify them with. CPack
# itself writes FILE.sha256 (CPACK_PACKAGE_CHECKSUM). The MSI's Authenticode signature is
# made before this, in windows/MakeMsi.cmake. On macOS a disk image is first codesigned,
# notarised and stapled (macos/sign-notarize.sh dmg), so its .sig and .sha256 cover the
# stapled file.
find_program(TOSSERP_BASH bash)
if(NOT TOSSERP_BASH)
  message(FATAL_ERROR "signing the packages needs bash, openssl and osslsigncode")
endif()
set(ENV{TOSSERP_SIGN_DIR} "${CPACK_TOSSERP_SIGN_DIR}")

foreach(package IN LISTS CPACK_PACKAGE_FILES)
  if(package MATCHES "\\.json$") # the External generator's component metadata
    continue()
  endif()
  get_filename_component(name "${package}" NAME)
  if(package MATCHES "\\.dmg$")
    execute_process(COMMAND "${TOSSERP_BASH}" "${CPACK_TOSSERP_MACOS_SIGN_SCRIPT}" dmg "${package}"
                    RESULT_VARIABLE failed)
    if(failed)
      message(FATAL_ERROR "could not sign and notarise ${name}")
    endif()
  endif()
  set(signature "${CPACK_PACKAGE_DIRECTORY}/${name}.sig")
  execute_process(COMMAND "${TOSSERP_BASH}" "${CPACK_TOSSERP_SIGN_SCRIPT}" detached "${package}" "${signature}"
                  RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "could not sign ${name}")
  endif()
  message(STATUS "signed ${name} -> ${name}.sig")
endforeach()

execute_process(COMMAND "${TOSSERP_BASH}" "${CPACK_TOSSERP_SIGN_SCRIPT}" publish "${CPACK_PACKAGE_DIRECTORY}"
                RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "could not publish the signing certificate")
endif()
