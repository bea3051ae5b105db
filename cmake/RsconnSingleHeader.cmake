# Writes rsconn as one header: every file of include/rsconn that rsconn/rsconn.hpp includes,
# each once, in include order, with its `#pragma once` dropped; system and dependency headers
# (<string>, <tl/expected.hpp>, <fmt/format.h>) stay includes. The formatters follow the core,
# each behind the macro that asks for it:
#
#   #define RSCONN_WITH_FMT          rsconn/fmt.hpp's fmt::formatter specialisations (needs fmt)
#   #define RSCONN_WITH_STD_FORMAT   rsconn/std_format.hpp's std::formatter ones
#
# Run as a script (the rsconn_single_header target does):
#   cmake -DRSCONN_INCLUDE_DIR=include -DRSCONN_SINGLE_HEADER=out/rsconn/rsconn.hpp
#         -DRSCONN_VERSION=0.3.0 -P cmake/RsconnSingleHeader.cmake
# Plain string operations throughout: headers hold ';' and '[', which CMake lists would mangle.
cmake_minimum_required(VERSION 3.16)

foreach(required RSCONN_INCLUDE_DIR RSCONN_SINGLE_HEADER RSCONN_VERSION)
  if(NOT DEFINED ${required})
    message(FATAL_ERROR "RsconnSingleHeader.cmake: set -D${required}=...")
  endif()
endforeach()

set(_rsconn_emitted "")          # headers already written, as |name| for exact matching
set(_rsconn_quoted_include "#include \"rsconn/")

# Appends header rsconn/NAME (in RSCONN_INCLUDE_DIR) and, first, every rsconn header it
# includes that is not written yet, to the variable named by OUT.
function(rsconn_emit name out)
  if(_rsconn_emitted MATCHES "\\|${name}\\|")
    return()
  endif()
  set(_rsconn_emitted "${_rsconn_emitted}|${name}|" PARENT_SCOPE)
  set(_rsconn_emitted "${_rsconn_emitted}|${name}|")
  set(path "${RSCONN_INCLUDE_DIR}/rsconn/${name}")
  if(NOT EXISTS "${path}")
    message(FATAL_ERROR "RsconnSingleHeader.cmake: ${path} does not exist")
  endif()
  file(READ "${path}" rest)
  string(REPLACE "#pragma once\n" "" rest "${rest}")
  set(text "${${out}}// ---- rsconn/${name} ----\n")
  while(TRUE)
    string(FIND "${rest}" "${_rsconn_quoted_include}" at)
    if(at EQUAL -1)
      break()
    endif()
    string(SUBSTRING "${rest}" 0 ${at} before)
    string(APPEND text "${before}")
    math(EXPR name_start "${at} + 10")  # past '#include "'
    string(SUBSTRING "${rest}" ${name_start} -1 rest)
    string(FIND "${rest}" "\"" name_end)
    string(SUBSTRING "${rest}" 0 ${name_end} included)   # rsconn/x.hpp
    string(FIND "${rest}" "\n" line_end)
    math(EXPR line_end "${line_end} + 1")
    string(SUBSTRING "${rest}" ${line_end} -1 rest)
    string(REGEX REPLACE "^rsconn/" "" included "${included}")
    rsconn_emit("${included}" text)
    set(_rsconn_emitted "${_rsconn_emitted}" PARENT_SCOPE)
  endwhile()
  string(APPEND text "${rest}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

set(single "// rsconn ${RSCONN_VERSION}: Amazon Redshift connection strings as C++ value types, as one header.
// Generated from rsconn's include/ by cmake/RsconnSingleHeader.cmake (the rsconn_single_header
// target); do not edit. It needs tl-expected (<tl/expected.hpp>) on the include path, and fmt
// (<fmt/format.h>) too when RSCONN_WITH_FMT is defined before including it:
//   #define RSCONN_WITH_FMT          the fmt::formatter specialisations of rsconn/fmt.hpp
//   #define RSCONN_WITH_STD_FORMAT   the std::formatter ones of rsconn/std_format.hpp
#pragma once

")
# The core: the umbrella header and the formatting definition both formatter sets share.
foreach(entry rsconn.hpp detail/formatting.hpp)
  rsconn_emit("${entry}" single)
endforeach()
# The formatters, each behind its macro. Everything they include must be core by now (checked:
# a header first written inside an #if would be missing when the macro is not defined).
foreach(pair "fmt.hpp;RSCONN_WITH_FMT" "std_format.hpp;RSCONN_WITH_STD_FORMAT")
  list(GET pair 0 entry)
  list(GET pair 1 macro)
  string(APPEND single "\n#if defined(${macro})\n")
  # The entry itself is new; what it includes must not be.
  set(_rsconn_emitted "${_rsconn_emitted}|${entry}|")
  file(READ "${RSCONN_INCLUDE_DIR}/rsconn/${entry}" entry_text)
  string(REPLACE "#pragma once\n" "" entry_text "${entry_text}")
  string(REGEX MATCHALL "#include \"rsconn/[^\"]+\"" entry_includes "${entry_text}")
  foreach(include_line IN LISTS entry_includes)
    string(REGEX REPLACE "^#include \"rsconn/([^\"]+)\"$" "\\1" included "${include_line}")
    if(NOT _rsconn_emitted MATCHES "\\|${included}\\|")
      message(FATAL_ERROR "RsconnSingleHeader.cmake: rsconn/${entry} includes rsconn/${included}, which the core "
                          "does not; add it to the core entries")
    endif()
  endforeach()
  string(REGEX REPLACE "#include \"rsconn/[^\"]+\"[^\n]*\n" "" entry_text "${entry_text}")
  string(APPEND single "// ---- rsconn/${entry} ----\n${entry_text}#endif  // ${macro}\n")
endforeach()

# Every header of include/rsconn is in it: one the umbrella header does not reach would be missing.
file(GLOB_RECURSE _rsconn_all_headers RELATIVE "${RSCONN_INCLUDE_DIR}/rsconn" "${RSCONN_INCLUDE_DIR}/rsconn/*.hpp")
foreach(header IN LISTS _rsconn_all_headers)
  if(NOT _rsconn_emitted MATCHES "\\|${header}\\|")
    message(FATAL_ERROR "RsconnSingleHeader.cmake: rsconn/${header} is not reached from rsconn/rsconn.hpp; include it there")
  endif()
endforeach()
if(single MATCHES "#include \"rsconn/")
  message(FATAL_ERROR "RsconnSingleHeader.cmake: an rsconn include was left in the single header")
endif()
# Write only on change, so that what includes it is not rebuilt for nothing.
set(previous "")
if(EXISTS "${RSCONN_SINGLE_HEADER}")
  file(READ "${RSCONN_SINGLE_HEADER}" previous)
endif()
if(NOT previous STREQUAL single)
  file(WRITE "${RSCONN_SINGLE_HEADER}" "${single}")
endif()
