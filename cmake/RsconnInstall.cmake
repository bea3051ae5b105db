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
