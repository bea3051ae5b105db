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
// (detail::scan_libpq_pair), and then at the next ';', '&' or blank; any other value where the
// text's form ends it (a URL's at ';' or '&', libpq keywords' at a blank, an ODBC string's at
// ';'; detail::value_ends). Where the end is unclear (an unclosed brace or quote) the mask runs to the
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

// How the text's plain values end, by what it looks like (rsconn::detect_form's order): in a URL
// (JDBC, libpq URI) at ';' or '&'; in libpq keywords at a blank (';' is data to libpq); in an
// ODBC string at ';' (blanks are data to ODBC), and, for a key libpq reads too as it is spelt
// (`password=a;b` is one password "a;b" to libpq), at the later of the two.
enum class value_ends : unsigned char { url, libpq, odbc };

[[nodiscard]] constexpr value_ends value_ends_of(std::string_view text) noexcept {
  if (text.find("://") != std::string_view::npos || istarts_with(text, "jdbc:")) return value_ends::url;
  if (looks_like_libpq_keywords(text)) return value_ends::libpq;
  return value_ends::odbc;
}

// Where the value that starts at `start` (its first non-blank byte, after the '=' at `equals`
// of the key [key_start, key_end)) ends. A value opened with '{' or '\'' ends where the scanner
// of that form reads its end (ODBC's braces, libpq's quotes), and then at the next ';', '&' or
// blank, so that what a quote or brace leaves behind in another form (JDBC's `password='a'b`)
// is masked too. Any other value ends as value_ends says.
inline std::size_t secret_value_end(std::string_view text, value_ends ends, std::size_t key_start,
                                    std::size_t key_end, std::size_t start, std::size_t equals) {
  const char open = start < text.size() ? text[start] : '\0';
  if (open != '\'' && open != '{') {
    const std::size_t semicolon = std::min(text.find(';', equals + 1), text.size());
    const std::size_t blank = std::min(text.find_first_of(c_spaces, start), text.size());
    switch (ends) {
      case value_ends::url: return std::min(text.find_first_of(";&", equals + 1), text.size());
      case value_ends::libpq: return blank;
      case value_ends::odbc:
        return find_option(driver::libpq, text.substr(key_start, key_end - key_start)) ? std::max(semicolon, blank)
                                                                                       : semicolon;
    }
  }
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
  // Every '=' of the original text is looked at, inside masked values too: one value's end may
  // be unclear (`password=a password=b;c`), and the next secret's key must still be found. Keys
  // and values are read from `input`, the masks written into `text`.
  const detail::value_ends ends = detail::value_ends_of(input);
  for (std::size_t i = input.find('='); i != std::string_view::npos; i = input.find('=', i + 1)) {
    // The key before the '=': libpq and ODBC allow blanks around it ("key = value").
    std::size_t key_end = i == 0 ? std::string_view::npos : input.find_last_not_of(detail::c_spaces, i - 1);
    key_end = key_end == std::string_view::npos ? 0 : key_end + 1;
    std::size_t key_start = key_end == 0 ? std::string_view::npos : input.find_last_of(";&?{ \t", key_end - 1);
    key_start = key_start == std::string_view::npos ? 0 : key_start + 1;
    if (key_start >= key_end || !is_secret_key(input.substr(key_start, key_end - key_start))) continue;
    std::size_t start = input.find_first_not_of(detail::c_spaces, i + 1);
    if (start == std::string_view::npos) start = input.size();
    mask(i + 1, detail::secret_value_end(input, ends, key_start, key_end, start, i));
  }
  return text;
}

}  // namespace rsconn
