# Library dependencies: the system's packages first; a pinned download only as the fallback
# for users with internet access (FetchContent's FIND_PACKAGE_ARGS needs CMake 3.24).
include(FetchContent)

function(rsconn_dependency name)
  cmake_parse_arguments(PARSE_ARGV 1 dep "" "PACKAGE;TARGET;GIT_REPOSITORY;GIT_TAG" "")
  if(TARGET ${dep_TARGET})
    return()
  endif()
  find_package(${dep_PACKAGE} QUIET CONFIG)
  if(${dep_PACKAGE}_FOUND)
    return()
  endif()
  message(STATUS "rsconn: ${dep_PACKAGE} not found; fetching ${dep_GIT_REPOSITORY} at ${dep_GIT_TAG}")
  FetchContent_Declare(${name} GIT_REPOSITORY ${dep_GIT_REPOSITORY} GIT_TAG ${dep_GIT_TAG}
                       GIT_SHALLOW TRUE)
  FetchContent_MakeAvailable(${name})
endfunction()

if(RSCONN_FMT)
  rsconn_dependency(fmt PACKAGE fmt TARGET fmt::fmt
    GIT_REPOSITORY https://github.com/fmtlib/fmt.git GIT_TAG 9.1.0)
endif()
rsconn_dependency(tl_expected PACKAGE tl-expected TARGET tl::expected
  GIT_REPOSITORY https://github.com/TartanLlama/expected.git GIT_TAG v1.1.0)
if(NOT TARGET tl::expected AND TARGET expected)
  add_library(tl::expected ALIAS expected)
endif()
