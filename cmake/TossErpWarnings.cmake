# Warnings for the project's own targets: call tosserp_warnings(target).
function(tosserp_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                          )
endfunction()
