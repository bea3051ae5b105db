// rsconn's version: the one place it is written (CMake reads it from here).
#pragma once

#define RSCONN_VERSION_MAJOR 0
#define RSCONN_VERSION_MINOR 1
#define RSCONN_VERSION_PATCH 0

namespace rsconn {
inline constexpr int version_major = RSCONN_VERSION_MAJOR;
inline constexpr int version_minor = RSCONN_VERSION_MINOR;
inline constexpr int version_patch = RSCONN_VERSION_PATCH;
inline constexpr const char* version_string = "0.1.0";
}  // namespace rsconn
