// Secrets masked in text that may not parse: what to show a user when a connection string is
// refused, so that echoing it back (with a caret under the offending byte) never prints a
// password. The parsers' own writers redact what they parse (`reveal_secrets`); this is for the
// rest.
//
//   mask_secrets("jdbc:redshift://h:x/dev?password=hunter2")  ->  "...?password=*******"
//   mask_secrets("Server=h;PWD={a;b}}c}")                     ->  "Server=h;PWD=*********"
//
// Every value that follows a secret's key (rsconn::is_secret_key: password, PWD, SessionToken,
// ...) and a URI's user:password@ is replaced by as many '*' as it has bytes, so offsets into the
// text stay right. A value ends where its form's own scanner says: an ODBC {braced} value at its
// closing brace (detail::scan_odbc_pair), a libpq 'quoted' one at its closing quote
// (detail::scan_libpq_pair), and then at the next ';', '&' or blank; any other value at the
// next ';' or '&'. Where the end is unclear (an unclosed brace or quote) the mask runs to the
// end of the text.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

#include "rsconn/libpq.hpp"
#include "rsconn/odbc.hpp"
#include "rsconn/properties.hpp"

namespace rsconn {

namespace detail {

inline constexpr std::string_view c_spaces = " \t\r\n\f\v";

// Where the value that starts at `start` (its first non-blank byte, after the '=' at `equals`
// of a key that begins at `key_start`) ends. A value opened with '{' or '\'' ends where the
// scanner of that form reads its end (ODBC's braces, libpq's quotes), and then at the next ';',
// '&' or blank, so that what a quote or brace leaves behind in another form (JDBC's
// `password='a'b`) is masked too. Any other value ends at the next ';' or '&' (an ODBC value
// may hold blanks).
inline std::size_t secret_value_end(std::string_view text, std::size_t key_start, std::size_t start,
                                    std::size_t equals) {
  const char open = start < text.size() ? text[start] : '\0';
  if (open != '\'' && open != '{') return std::min(text.find_first_of(";&", equals + 1), text.size());
  std::size_t pos = key_start;
  std::size_t error_at = 0;
  std::size_t end = text.size();
  if (open == '\'') {
    libpq_pair pair;
    if (scan_libpq_pair(text, pos, pair, error_at) == libpq_scan::pair) end = pos;
  } else {
    odbc_pair pair;
    // The scanner steps past the closing brace and what may follow it (blanks, one ';'): the
    // value ends at the last '}' before where it stopped.
    if (scan_odbc_pair(text, pos, pair, error_at) == odbc_scan::pair) end = text.find_last_of('}', pos - 1) + 1;
  }
  // libpq's scanner steps past the blank that ends a value; ODBC's stops at the brace.
  if (end > start && end <= text.size() && c_spaces.find(text[end - 1]) != std::string_view::npos) --end;
  while (end < text.size() && text[end] != ';' && text[end] != '&' && c_spaces.find(text[end]) == std::string_view::npos)
    ++end;
  return end;
}

}  // namespace detail

[[nodiscard]] inline std::string mask_secrets(std::string_view input) {
  std::string text(input);
  auto mask = [&text](std::size_t from, std::size_t to) {
    for (std::size_t j = from; j < to && j < text.size(); ++j) text[j] = '*';
  };
  // URIs: user[:password]@ ends at the first '@' before any '/'.
  if (std::size_t scheme = text.find("://"); scheme != std::string::npos) {
    std::size_t start = scheme + 3;
    std::size_t at = text.find_first_of("@/", start);
    if (at != std::string::npos && text[at] == '@') {
      std::size_t colon = text.find(':', start);
      if (colon < at) mask(colon + 1, at);
    }
  }
  std::size_t i = 0;
  while ((i = text.find('=', i)) != std::string::npos) {
    // The key before the '=': libpq and ODBC allow blanks around it ("key = value").
    std::size_t key_end = i == 0 ? std::string::npos : text.find_last_not_of(detail::c_spaces, i - 1);
    key_end = key_end == std::string::npos ? 0 : key_end + 1;
    std::size_t key_start = key_end == 0 ? std::string::npos : text.find_last_of(";&?{ \t", key_end - 1);
    key_start = key_start == std::string::npos ? 0 : key_start + 1;
    if (key_start >= key_end || !is_secret_key(std::string_view(text).substr(key_start, key_end - key_start))) {
      ++i;  // not a secret: its value may still hold one (libpq keywords have no ';')
      continue;
    }
    std::size_t start = text.find_first_not_of(detail::c_spaces, i + 1);
    if (start == std::string::npos) start = text.size();
    // The scanners read the original text: masking earlier values does not move this one.
    std::size_t end = detail::secret_value_end(input, key_start, start, i);
    mask(i + 1, end);
    i = std::max(end, i + 1);
  }
  return text;
}

}  // namespace rsconn
