# The tools the tests need beyond the compiler. Where one is missing, the tests that need it
# are left out with a warning that names the Debian package to install, except when every test
# must run: RSCONN_REQUIRE_ALL_TESTS (on by default when the environment says CI=true, as
# .ci/run's does) turns a missing tool into a configure error, so that a green CI never means
# "skipped". scripts/install-deps.sh installs every package named here.
if("$ENV{CI}" STREQUAL "true")
  set(_rsconn_require_default ON)
else()
  set(_rsconn_require_default OFF)
endif()
option(RSCONN_REQUIRE_ALL_TESTS "Fail the configure step when a tool some tests need is missing"
       ${_rsconn_require_default})

# rsconn_test_tool_missing(WHAT PACKAGE TESTS): WHAT was not found; PACKAGE provides it; TESTS
# says which tests go without it.
function(rsconn_test_tool_missing what package tests)
  set(_text "rsconn: ${what} not found (Debian package ${package}; scripts/install-deps.sh installs it)")
  if(RSCONN_REQUIRE_ALL_TESTS)
    message(FATAL_ERROR "${_text}. RSCONN_REQUIRE_ALL_TESTS is on (CI=true): ${tests} must run.")
  endif()
  message(WARNING "${_text}: ${tests} are not built.")
endfunction()

# Tests that import Debian's python3-* packages must use Debian's interpreter, not another
# python3 that comes first on PATH (pyenv and the like cannot see those packages).
if(NOT DEFINED Python3_EXECUTABLE AND EXISTS /usr/bin/python3)
  set(Python3_EXECUTABLE /usr/bin/python3)
endif()
