// Decimal numbers appended in place: formatters reserve their output once, and a temporary
// std::to_string would be a second string (and, for long numbers, a second allocation).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace rsconn::detail {

inline void append_decimal(std::string& out, std::uint32_t value) {
  char digits[10];
  std::size_t n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  while (n > 0) out += digits[--n];
}

}  // namespace rsconn::detail
