// Decimal numbers written in place: formatters reserve their output once, and a temporary
// std::to_string would be a second string (and, for long numbers, a second allocation).
// write_decimal takes any output iterator (the fmt and std formatters' too, detail/formatting.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>

namespace rsconn::detail {

template <class Out>
Out write_decimal(Out out, std::uint64_t value) {
  char digits[20];
  std::size_t n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  while (n > 0) *out++ = digits[--n];
  return out;
}

inline void append_decimal(std::string& out, std::uint32_t value) { write_decimal(std::back_inserter(out), value); }

}  // namespace rsconn::detail
