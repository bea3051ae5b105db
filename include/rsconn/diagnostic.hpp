// A diagnostic: one finding about a connection string, with a severity, a stable code, the
// byte offset in the parsed input it is about, and a sentence a person can act on. validate()
// returns them, and so do the conversion notes (rsconn/translate.hpp).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "rsconn/error.hpp"

namespace rsconn {

enum class severity : unsigned char { warning, error };

[[nodiscard]] constexpr std::string_view to_string(severity s) noexcept {
  return s == severity::error ? "error" : "warning";
}

struct diagnostic {
  rsconn::severity severity = severity::error;
  errc code{};
  std::size_t offset = 0;
  std::string message;
};

[[nodiscard]] inline bool has_errors(const std::vector<diagnostic>& diagnostics) noexcept {
  for (const diagnostic& d : diagnostics)
    if (d.severity == severity::error) return true;
  return false;
}

}  // namespace rsconn
