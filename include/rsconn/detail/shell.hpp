// Rendering an argument vector as one POSIX shell command line (used by rsql.hpp and
// data_api.hpp; the functions are part of rsconn's API through those headers).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rsconn/detail/ascii.hpp"

namespace rsconn {

namespace detail {

// Bytes a POSIX shell never treats specially in a word (no globs, no expansions; no '=',
// which makes a first word an assignment).
constexpr bool is_shell_safe(char c) noexcept {
  return is_alnum(c) || c == '_' || c == '-' || c == '.' || c == '/' || c == ':' || c == '@' || c == '%' ||
         c == '+' || c == ',';
}

inline void append_shell_quoted(std::string& out, std::string_view word) {
  bool safe = !word.empty();
  for (char c : word) safe = safe && is_shell_safe(c);
  if (safe) {
    out += word;
    return;
  }
  // Inside single quotes nothing is special but the quote itself, which is written '\''.
  out += '\'';
  for (char c : word) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  out += '\'';
}

}  // namespace detail

// One word for a POSIX shell: unchanged when it holds only safe characters, otherwise in
// single quotes with each ' written '\''. The empty word is ''.
[[nodiscard]] inline std::string shell_quote(std::string_view word) {
  std::string out;
  out.reserve(word.size() + 2);
  detail::append_shell_quoted(out, word);
  return out;
}

// An argument vector as one command line a POSIX shell splits back into the same words.
// (Arguments cannot hold NUL bytes; the builders that produce argv refuse them.)
[[nodiscard]] inline std::string shell_command_line(const std::vector<std::string>& argv) {
  std::size_t size = 0;
  for (const std::string& word : argv) size += word.size() + 3;
  std::string out;
  out.reserve(size + size / 4);
  for (std::size_t i = 0; i < argv.size(); ++i) {
    if (i) out += ' ';
    detail::append_shell_quoted(out, argv[i]);
  }
  return out;
}

}  // namespace rsconn
