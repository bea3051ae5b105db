# Warnings for rsconn's own tests, examples and tools. This target is never exported, so a
# consumer's flags stay untouched.
add_library(rsconn_warnings INTERFACE)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(rsconn_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion)
  if(RSCONN_WERROR)
    target_compile_options(rsconn_warnings INTERFACE -Werror)
  endif()
elseif(MSVC)
  target_compile_options(rsconn_warnings INTERFACE /W4 /permissive-)
endif()
option(RSCONN_WERROR "Treat warnings in rsconn's own code as errors" OFF)
