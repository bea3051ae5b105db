// Java's URLDecoder, as the JDBC driver applies it to property values and the database:
// '+' is a space; "%XX" runs are bytes decoded as UTF-8, each malformed sequence becoming
// U+FFFD exactly where the JDK's decoder puts one; a '%' without two hex digits after it is
// an error. Integer.parseInt reads the two characters, so "%+4" is byte 4 and "%-0" byte 0
// (a sign is accepted), while "%-4" is negative and an error.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "rsconn/detail/ascii.hpp"

namespace rsconn::detail {

// The byte a "%XY" escape stands for, or -1 where URLDecoder throws.
constexpr int java_escape_value(char x, char y) noexcept {
  int low = hex_value(y);
  if (low < 0) return -1;
  if (x == '+' || x == '-') return (x == '-' && low != 0) ? -1 : low;
  int high = hex_value(x);
  return high < 0 ? -1 : high * 16 + low;
}

// Offset of the first malformed escape in s, or npos when URLDecoder accepts s.
constexpr std::size_t java_url_first_error(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') continue;
    if (i + 2 >= s.size()) return i;  // fewer than two characters after it
    if (java_escape_value(s[i + 1], s[i + 2]) < 0) return i;
    i += 2;
  }
  return std::string_view::npos;
}

constexpr bool java_url_needs_decoding(std::string_view s) noexcept {
  return s.find_first_of("%+") != std::string_view::npos;
}

// Decodes bytes[0, n) as the JDK's UTF-8 decoder does with REPLACE, appending to out.
inline void append_java_utf8(std::string& out, const unsigned char* b, std::size_t n) {
  constexpr std::string_view replacement = "\xEF\xBF\xBD";
  auto continuation = [](unsigned char c) { return (c & 0xC0) == 0x80; };
  std::size_t i = 0;
  while (i < n) {
    unsigned char b1 = b[i];
    if (b1 < 0x80) {
      out += static_cast<char>(b1);
      ++i;
    } else if (b1 >= 0xC2 && b1 <= 0xDF) {  // two bytes
      if (i + 1 < n && continuation(b[i + 1])) {
        out.append(reinterpret_cast<const char*>(b + i), 2);
        i += 2;
      } else {
        out += replacement;
        i += 1;
        if (i >= n) return;
      }
    } else if ((b1 & 0xF0) == 0xE0) {  // three bytes
      if (i + 2 < n) {
        unsigned char b2 = b[i + 1], b3 = b[i + 2];
        bool overlong = b1 == 0xE0 && (b2 & 0xE0) == 0x80;
        if (overlong || !continuation(b2) || !continuation(b3)) {
          out += replacement;
          i += (overlong || !continuation(b2)) ? 1u : 2u;
        } else {
          bool surrogate = b1 == 0xED && b2 >= 0xA0;
          if (surrogate) out += replacement;
          else out.append(reinterpret_cast<const char*>(b + i), 3);
          i += 3;
        }
      } else {  // truncated at the end
        if (i + 1 < n && ((b1 == 0xE0 && (b[i + 1] & 0xE0) == 0x80) || !continuation(b[i + 1]))) {
          out += replacement;
          i += 1;
          continue;
        }
        out += replacement;
        return;  // the JDK drops what is left
      }
    } else if ((b1 & 0xF8) == 0xF0) {  // four bytes (F0..F7)
      if (i + 3 < n) {
        unsigned char b2 = b[i + 1], b3 = b[i + 2], b4 = b[i + 3];
        std::uint32_t cp = ((b1 & 0x07u) << 18) | ((b2 & 0x3Fu) << 12) | ((b3 & 0x3Fu) << 6) | (b4 & 0x3Fu);
        bool malformed = !continuation(b2) || !continuation(b3) || !continuation(b4) ||
                         cp < 0x10000 || cp > 0x10FFFF;
        if (!malformed) {
          out.append(reinterpret_cast<const char*>(b + i), 4);
          i += 4;
          continue;
        }
        out += replacement;
        if (b1 > 0xF4 || (b1 == 0xF0 && (b2 < 0x90 || b2 > 0xBF)) ||
            (b1 == 0xF4 && (b2 & 0xF0) != 0x80) || !continuation(b2))
          i += 1;
        else if (!continuation(b3))
          i += 2;
        else
          i += 3;
      } else {  // truncated at the end
        bool bad_second = i + 1 < n && ((b1 == 0xF0 && (b[i + 1] < 0x90 || b[i + 1] > 0xBF)) ||
                                        (b1 == 0xF4 && (b[i + 1] & 0xF0) != 0x80) ||
                                        !continuation(b[i + 1]));
        if (b1 > 0xF4 || bad_second) {
          out += replacement;
          i += 1;
          continue;
        }
        if (i + 2 < n && !continuation(b[i + 2])) {
          out += replacement;
          i += 2;
          continue;
        }
        out += replacement;
        return;
      }
    } else {  // 80..C1, F8..FF
      out += replacement;
      ++i;
    }
  }
}

// Appends URLDecoder.decode(s, "UTF-8") to out. Precondition: java_url_first_error(s) == npos.
inline void append_java_url_decoded(std::string& out, std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '+') {
      out += ' ';
      ++i;
    } else if (c == '%') {
      // A run of escapes is one byte sequence, decoded as a whole, as URLDecoder does.
      std::string pending;
      while (i + 2 < s.size() && s[i] == '%') {
        int value = java_escape_value(s[i + 1], s[i + 2]);
        pending += static_cast<char>(value < 0 ? 0 : value);
        i += 3;
      }
      append_java_utf8(out, reinterpret_cast<const unsigned char*>(pending.data()), pending.size());
    } else {
      out += c;
      ++i;
    }
  }
}

inline std::string java_url_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  append_java_url_decoded(out, s);
  return out;
}

// Whether URLDecoder.decode(s) equals the ASCII text `ascii`, ignoring ASCII case, without
// allocating. (A decoded non-ASCII byte can never equal an ASCII character, so the UTF-8
// replacement rules do not matter here.)
constexpr bool java_url_iequals(std::string_view s, std::string_view ascii) noexcept {
  std::size_t j = 0;
  for (std::size_t i = 0; i < s.size(); ++j) {
    if (j >= ascii.size()) return false;
    int byte = 0;
    if (s[i] == '+') {
      byte = ' ';
      ++i;
    } else if (s[i] == '%' && i + 2 < s.size()) {
      byte = java_escape_value(s[i + 1], s[i + 2]);
      i += 3;
    } else {
      byte = static_cast<unsigned char>(s[i]);
      ++i;
    }
    if (byte < 0 || byte >= 0x80 || to_lower(static_cast<char>(byte)) != to_lower(ascii[j])) return false;
  }
  return j == ascii.size();
}

}  // namespace rsconn::detail
