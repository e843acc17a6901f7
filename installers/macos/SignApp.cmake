# CPACK_PRE_BUILD_SCRIPTS on macOS: signs the staged TossErp.app before DragNDrop puts it in the
# disk image (sign-notarize.sh app). The disk image itself is signed, notarised and stapled
# after (../common/SignPackages.cmake).
if(NOT CPACK_GENERATOR STREQUAL "DragNDrop")
  return()
endif()
file(GLOB_RECURSE bundles LIST_DIRECTORIES true "${CPACK_TEMPORARY_DIRECTORY}/*.app")
list(FILTER bundles INCLUDE REGEX "\\.app$")
list(FILTER bundles EXCLUDE REGEX "\\.app/.*\\.app$")
if(NOT bundles)
  message(FATAL_ERROR "no application bundle staged in ${CPACK_TEMPORARY_DIRECTORY}")
endif()
foreach(bundle IN LISTS bundles)
  execute_process(COMMAND bash "${CPACK_TOSSERP_MACOS_SIGN_SCRIPT}" app "${bundle}" RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "signing ${bundle} failed")
  endif()
endforeach()
