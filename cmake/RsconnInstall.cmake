include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(DIRECTORY include/rsconn TYPE INCLUDE)
install(TARGETS rsconn EXPORT rsconnTargets)
install(EXPORT rsconnTargets NAMESPACE rsconn:: DESTINATION ${CMAKE_INSTALL_DATADIR}/cmake/rsconn)
# The fmt component has an export of its own, loaded only by find_package(rsconn COMPONENTS fmt),
# so that a consumer of the core never looks for fmt.
if(TARGET rsconn_fmt)
  install(TARGETS rsconn_fmt EXPORT rsconnFmtTargets)
  install(EXPORT rsconnFmtTargets NAMESPACE rsconn:: DESTINATION ${CMAKE_INSTALL_DATADIR}/cmake/rsconn)
endif()

configure_package_config_file(cmake/rsconnConfig.cmake.in
  ${PROJECT_BINARY_DIR}/rsconnConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_DATADIR}/cmake/rsconn)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/rsconnConfigVersion.cmake
  COMPATIBILITY SameMajorVersion ARCH_INDEPENDENT)
install(FILES ${PROJECT_BINARY_DIR}/rsconnConfig.cmake ${PROJECT_BINARY_DIR}/rsconnConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_DATADIR}/cmake/rsconn)

# The .pc file finds the prefix from its own location, so `cmake --install --prefix` works.
file(RELATIVE_PATH RSCONN_PC_TO_PREFIX "${CMAKE_INSTALL_FULL_DATADIR}/pkgconfig" "${CMAKE_INSTALL_PREFIX}")
string(REGEX REPLACE "/$" "" RSCONN_PC_TO_PREFIX "${RSCONN_PC_TO_PREFIX}")
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(RSCONN_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(RSCONN_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
configure_file(cmake/rsconn.pc.in ${PROJECT_BINARY_DIR}/rsconn.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/rsconn.pc DESTINATION ${CMAKE_INSTALL_DATADIR}/pkgconfig)
if(TARGET rsconn_fmt)
  configure_file(cmake/rsconn-fmt.pc.in ${PROJECT_BINARY_DIR}/rsconn-fmt.pc @ONLY)
  install(FILES ${PROJECT_BINARY_DIR}/rsconn-fmt.pc DESTINATION ${CMAKE_INSTALL_DATADIR}/pkgconfig)
endif()

# The single header, written straight into the installation (it takes a few milliseconds, and
# so needs no build step before `cmake --install`): PREFIX/include/rsconn-single/rsconn/rsconn.hpp,
# for `-I PREFIX/include/rsconn-single` and `#include <rsconn/rsconn.hpp>`.
set(RSCONN_SINGLE_INSTALL_DIR "${CMAKE_INSTALL_INCLUDEDIR}/rsconn-single/rsconn")
install(CODE "
  set(_rsconn_single_dir \"${RSCONN_SINGLE_INSTALL_DIR}\")
  if(NOT IS_ABSOLUTE \"\${_rsconn_single_dir}\")
    set(_rsconn_single_dir \"\${CMAKE_INSTALL_PREFIX}/\${_rsconn_single_dir}\")
  endif()
  set(_rsconn_single \"\$ENV{DESTDIR}\${_rsconn_single_dir}/rsconn.hpp\")
  message(STATUS \"Installing: \${_rsconn_single}\")
  execute_process(COMMAND \"${CMAKE_COMMAND}\" \"-DRSCONN_INCLUDE_DIR=${PROJECT_SOURCE_DIR}/include\"
                          \"-DRSCONN_SINGLE_HEADER=\${_rsconn_single}\" \"-DRSCONN_VERSION=${PROJECT_VERSION}\"
                          -P \"${PROJECT_SOURCE_DIR}/cmake/RsconnSingleHeader.cmake\"
                  RESULT_VARIABLE _rsconn_single_result)
  if(NOT _rsconn_single_result EQUAL 0)
    message(FATAL_ERROR \"rsconn: writing the single header failed\")
  endif()
  list(APPEND CMAKE_INSTALL_MANIFEST_FILES \"\${_rsconn_single}\")
")
