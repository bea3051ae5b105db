// Percent-encoding for the values rsconn writes into URLs.
#pragma once

#include <string>
#include <string_view>

#include "rsconn/detail/ascii.hpp"

namespace rsconn::detail {

// Bytes that every URL decoder rsconn writes for passes through unchanged and that never act
// as a separator in any of the URL forms: unreserved characters plus a few harmless ones.
constexpr bool is_url_safe(char c) noexcept {
  return is_alnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '*' || c == ':' ||
         c == '@' || c == ',' || c == '/' || c == '!' || c == '$' || c == '(' || c == ')';
}

// Appends `value` with every byte for which `keep` is false written as %XX (upper-case hex).
template <class Keep>
void append_percent_encoded_if(std::string& out, std::string_view value, Keep keep) {
  for (char c : value) {
    if (keep(c)) {
      out += c;
    } else {
      auto byte = static_cast<unsigned char>(c);
      out += '%';
      out += hex_upper[byte >> 4];
      out += hex_upper[byte & 0xF];
    }
  }
}

// Appends `value` with every byte outside is_url_safe percent-encoded. Both Java's URLDecoder
// and RFC 3986 decoders read the result back byte for byte.
inline void append_percent_encoded(std::string& out, std::string_view value) {
  append_percent_encoded_if(out, value, is_url_safe);
}

}  // namespace rsconn::detail
