// Locale-free ASCII helpers. <cctype> depends on the C locale and takes int; these do neither.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

// Whether a constexpr function is being evaluated at compile time. Scans that read a word of
// eight bytes at a time (std::memcpy, which is not constexpr) run only at run time; compile-
// time evaluation, and compilers without the builtin, take the byte-at-a-time path instead.
#if defined(__has_builtin)
#if __has_builtin(__builtin_is_constant_evaluated)
#define RSCONN_DETAIL_HAS_IS_CONSTANT_EVALUATED 1
#endif
#endif
#if !defined(RSCONN_DETAIL_HAS_IS_CONSTANT_EVALUATED) && \
    ((defined(__GNUC__) && __GNUC__ >= 9) || (defined(_MSC_VER) && _MSC_VER >= 1925))
#define RSCONN_DETAIL_HAS_IS_CONSTANT_EVALUATED 1
#endif
#if defined(RSCONN_DETAIL_HAS_IS_CONSTANT_EVALUATED)
#define RSCONN_DETAIL_RUN_TIME() (!__builtin_is_constant_evaluated())
#else
#define RSCONN_DETAIL_RUN_TIME() false
#endif

namespace rsconn::detail {

// Eight bytes of `p` as one word (in memory order: the scans below ask only whether some byte
// qualifies, which does not depend on the byte order). Run time only.
inline std::uint64_t load_word(const char* p) noexcept {
  std::uint64_t word = 0;
  std::memcpy(&word, p, sizeof word);
  return word;
}
inline constexpr std::uint64_t word_ones = 0x0101010101010101u;       // 0x01 in every byte
inline constexpr std::uint64_t word_high_bits = word_ones * 0x80u;   // 0x80 in every byte

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_lower(char c) noexcept { return c >= 'a' && c <= 'z'; }
constexpr bool is_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
constexpr bool is_alpha(char c) noexcept { return is_lower(c) || is_upper(c); }
constexpr bool is_alnum(char c) noexcept { return is_alpha(c) || is_digit(c); }
constexpr bool is_control(char c) noexcept {
  return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
}
constexpr char to_lower(char c) noexcept {
  return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}
// Value of a hexadecimal digit, or -1.
constexpr int hex_value(char c) noexcept {
  if (is_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
inline constexpr char hex_upper[] = "0123456789ABCDEF";

// s.substr(pos, n) for a `pos` known to be at most s.size(): without substr's bounds check,
// whose exception path keeps compilers from inlining it on the parsers' hot paths.
constexpr std::string_view subview(std::string_view s, std::size_t pos,
                                   std::size_t n = std::string_view::npos) noexcept {
  std::size_t rest = s.size() - pos;
  return {s.data() + pos, n < rest ? n : rest};
}

constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  if (a == b) return true;  // the usual case (hosts and keys written in lower case), via memcmp
  for (std::size_t i = 0; i < a.size(); ++i)
    if (to_lower(a[i]) != to_lower(b[i])) return false;
  return true;
}
constexpr bool istarts_with(std::string_view s, std::string_view prefix) noexcept {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}
constexpr bool iends_with(std::string_view s, std::string_view suffix) noexcept {
  return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
}
constexpr bool starts_with(std::string_view s, std::string_view prefix) noexcept {
  // A plain loop: the prefixes are short and usually differ early, where a memcmp call
  // would cost more than the comparison.
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (s[i] != prefix[i]) return false;
  return true;
}
constexpr bool all_of_digits(std::string_view s) noexcept {
  if (s.empty()) return false;
  for (char c : s)
    if (!is_digit(c)) return false;
  return true;
}
// No early exit: hosts are short and almost never upper-case, and a branch-free loop lets the
// compiler vectorize it (a byte-wide accumulator: 16 bytes per vector, not 4).
constexpr bool has_upper(std::string_view s) noexcept {
  unsigned char found = 0;
  for (char c : s) found |= static_cast<unsigned char>(static_cast<unsigned char>(c - 'A') < 26);
  return found != 0;
}

}  // namespace rsconn::detail
