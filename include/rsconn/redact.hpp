// Secrets masked in text that may not parse: what to show a user when a connection string is
// refused, so that echoing it back (with a caret under the offending byte) never prints a
// password. The parsers' own writers redact what they parse (`reveal_secrets`); this is for the
// rest.
//
//   mask_secrets("jdbc:redshift://h:x/dev?password=hunter2")  ->  "...?password=*******"
//   mask_secrets("Server=h;PWD={a;b}}c}")                     ->  "Server=h;PWD=********"
//
// Every value that follows a secret's key (rsconn::is_secret_key: password, PWD, SessionToken,
// ...) and a URL's user:password@ is replaced by as many '*' as it has bytes, so offsets into the
// text stay right. Where a value ends is the latest end any reader of the text's form could give
// it: a text that fails to parse may be meant for another reader than the one it looks like, and
// masking a byte too many costs nothing, showing one does (details at detail::value_end); keys
// are looked for as each reader splits them (detail::secret_key_start). Where the text parses
// in its detected form, each secret property is masked too, from where its value starts to the
// next key. The work is linear in the text's length.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "rsconn/detail/ascii.hpp"
#include "rsconn/detect.hpp"
#include "rsconn/libpq.hpp"
#include "rsconn/odbc.hpp"
#include "rsconn/options.hpp"
#include "rsconn/properties.hpp"

namespace rsconn {

namespace detail {

// What the text looks like, by its start (the order of rsconn::detect_form).
enum class masked_form : unsigned char { jdbc, uri, libpq, odbc };

[[nodiscard]] constexpr masked_form masked_form_of(std::string_view text) noexcept {
  if (istarts_with(text, "jdbc:")) return masked_form::jdbc;
  // A scheme at the start: postgresql://, redshift+psycopg2://, ... (not "://" inside a value).
  std::size_t scheme = 0;
  while (scheme < text.size() && (is_alnum(text[scheme]) || text[scheme] == '+' || text[scheme] == '-' ||
                                  text[scheme] == '.'))
    ++scheme;
  if (scheme > 0 && text.substr(scheme, 3) == "://") return masked_form::uri;
  if (looks_like_libpq_keywords(text)) return masked_form::libpq;
  return masked_form::odbc;
}

// The first position at or after `from` where `is_end` holds, or the text's size; `cursor` keeps
// the last answer, so that asking at increasing positions costs one pass over the text in all.
template <class IsEnd>
std::size_t next_end(std::string_view text, std::size_t from, std::size_t& cursor, IsEnd is_end) {
  if (cursor >= from && cursor != std::string_view::npos) return cursor;
  std::size_t i = from;
  while (i < text.size() && !is_end(text, i)) ++i;
  cursor = i;
  return i;
}

// The cursors of the ends a value may have: a ';', a '&', a blank libpq does not escape (any
// blank after a backslash counts as escaped: masking more is the safe side).
struct value_ends {
  bool odbc_shaped = false;  // rsconn::looks_like_odbc of the whole text, asked once
  std::size_t semicolon = std::string_view::npos;
  std::size_t ampersand = std::string_view::npos;
  std::size_t blank = std::string_view::npos;

  std::size_t next_semicolon(std::string_view text, std::size_t from) {
    return next_end(text, from, semicolon, [](std::string_view t, std::size_t i) { return t[i] == ';'; });
  }
  std::size_t next_ampersand(std::string_view text, std::size_t from) {
    return next_end(text, from, ampersand, [](std::string_view t, std::size_t i) { return t[i] == '&'; });
  }
  std::size_t next_blank(std::string_view text, std::size_t from) {
    return next_end(text, from, blank,
                    [](std::string_view t, std::size_t i) { return is_c_space(t[i]) && (i == 0 || t[i - 1] != '\\'); });
  }
};

// Where the value after the '=' at `equals` of the key [key_start, key_end) ends:
//  - JDBC: at the next '&' or ';' (the JDBC driver's separators; quotes and braces are data);
//  - a URI's query (libpq, SQLAlchemy): at the next '&' (';' is data there);
//  - libpq keywords: a 'quoted' value at its closing quote (detail::scan_libpq_pair), any at the
//    next blank libpq does not escape; for a key after a ';' or at the start (where the ODBC
//    driver reads one, whatever its name), at the next ';' if later;
//  - ODBC: a {braced} value at its closing brace (detail::scan_odbc_pair), then at the next ';';
//    a plain one at the next ';'; for a key libpq knows as it is spelt, after a blank or at the
//    start (`password=a;b` is one password to libpq), or in a text that is not ODBC-shaped
//    either, at the next blank if later.
// Every end is the latest its readers give; an earlier one would show bytes of the secret.
inline std::size_t value_end(std::string_view text, masked_form form, std::size_t key_start, std::size_t key_end,
                             std::size_t equals, bool inside_mask, value_ends& ends) {
  const std::string_view key = text.substr(key_start, key_end - key_start);
  std::size_t start = equals + 1;
  while (start < text.size() && is_c_space(text[start])) ++start;
  const char open = start < text.size() ? text[start] : '\0';
  // A key another form's reader sees: ODBC's keys follow a ';' or start the text (blanks before
  // them trimmed), libpq's a blank or start it.
  std::size_t before_key = key_start;  // ODBC trims the blanks before a key
  while (before_key > 0 && is_c_space(text[before_key - 1])) --before_key;
  const bool after_semicolon = before_key == 0 || text[before_key - 1] == ';';
  const bool after_blank = key_start == 0 || is_c_space(text[key_start - 1]);
  // Inside a value masked already, a quote or a brace is not scanned again (that could cost a
  // pass over the text per '='): such a value is masked to the end.
  if (inside_mask && (open == '\'' || open == '{') && form != masked_form::jdbc && form != masked_form::uri)
    return text.size();
  switch (form) {
    case masked_form::jdbc:
      return std::min(ends.next_semicolon(text, equals + 1), ends.next_ampersand(text, equals + 1));
    case masked_form::uri: return ends.next_ampersand(text, equals + 1);
    case masked_form::libpq: {
      std::size_t end = start;
      if (open == '\'') {
        std::size_t pos = key_start;
        std::size_t error_at = 0;
        libpq_pair pair;
        if (scan_libpq_pair(text, pos, pair, error_at) != libpq_scan::pair) return text.size();
        end = pos;  // past the closing quote (and the blank after it, if one)
      }
      end = std::max(end, ends.next_blank(text, end));  // what follows a closing quote goes with it
      // The ODBC driver takes any key (rsconn reads a string libpq refuses as ODBC when it can).
      if (after_semicolon) end = std::max(end, ends.next_semicolon(text, equals + 1));
      return end;
    }
    case masked_form::odbc: {
      std::size_t end = equals + 1;
      if (open == '{') {
        std::size_t pos = key_start;
        std::size_t error_at = 0;
        odbc_pair pair;
        if (scan_odbc_pair(text, pos, pair, error_at) != odbc_scan::pair) return text.size();
        // The scanner steps past the closing brace and what may follow it (blanks, one ';').
        end = text.find_last_of('}', pos - 1) + 1;
      }
      end = std::max(end, ends.next_semicolon(text, end));  // what follows a closing brace goes with it
      if ((after_blank && find_option(driver::libpq, key)) || !ends.odbc_shaped)
        end = std::max(end, ends.next_blank(text, start));
      return end;
    }
  }
  return text.size();
}

// Where the key before the '=' (whose end, blanks before the '=' skipped, is `key_end`) starts,
// as each reader would take it: after the last or the first ';' (ODBC, which trims blanks; its
// keys may hold braces, quotes and a ';' where a segment has no '=', `{PWD}`, `a;PWD`), after the
// last blank (libpq), after the first '}' (ODBC, after a {braced} value: `{a}PWD}=x`), after the last '&' or ';' (a URL's
// query: a JDBC key may hold a '?'), after the last or the first '?' (where a URL's query
// starts), or after the last byte that ends a key in any form (the tightest). The latest of
// those starts whose key is a secret's, or npos. Keys longer than any secret's name (with
// U+212A, three bytes for a 'k') are not looked at, so that no '=' costs more than that.
inline constexpr std::size_t longest_secret_key = std::size_t{3} * 64;
inline std::size_t secret_key_start(std::string_view text, std::size_t key_end) {
  constexpr std::string_view ends_a_key = ";&?{}'\"= \t\r\n\f\v";
  constexpr std::size_t none = std::string_view::npos;
  std::size_t tight = none, odbc = none, first_odbc = none, libpq = none, url = none, query = none,
              first_query = none, after_brace = none;
  const std::size_t lowest = key_end > longest_secret_key ? key_end - longest_secret_key : 0;
  std::size_t i = key_end;
  for (; i > lowest; --i) {
    const char c = text[i - 1];
    if (c == '=') break;  // the '=' of the pair before: no reader's key reaches past it
    if (tight == none && ends_a_key.find(c) != std::string_view::npos) tight = i;
    if (c == ';') {
      if (odbc == none) odbc = i;
      first_odbc = i;  // an ODBC key runs from the end of the pair before, ';' and all (`a;b=c`)
    }
    if (libpq == none && is_c_space(c)) libpq = i;
    if (url == none && (c == '&' || c == ';')) url = i;  // a JDBC key may hold a '?'
    if (c == '}') after_brace = i;  // the first '}': an ODBC {value} before the key ends there
    if (c == '?') {
      if (query == none) query = i;
      first_query = i;  // a URL's query starts after its first '?'
    }
  }
  // Stopped at the text's start or at the '=' before: a key not ended earlier starts there.
  if (i == 0 || text[i - 1] == '=')
    for (std::size_t* start : {&tight, &odbc, &first_odbc, &libpq, &url, &query, &first_query, &after_brace})
      if (*start == none) *start = i;
  for (std::size_t* start : {&odbc, &first_odbc})
    if (*start != none)
      while (*start < key_end && is_c_space(text[*start])) ++*start;
  std::size_t best = none;
  for (std::size_t start : {tight, odbc, first_odbc, libpq, url, query, first_query, after_brace}) {
    if (start == none || start >= key_end || (best != none && start <= best)) continue;
    if (is_secret_key(text.substr(start, key_end - start))) best = start;
  }
  return best;
}

}  // namespace detail

namespace detail {

// The masks by the text's shape alone (for a text no form reads): see mask_secrets.
[[nodiscard]] inline std::string mask_secrets_by_shape(std::string_view input) {
  std::string text(input);
  std::size_t masked_until = 0;  // the end of the last mask: bytes before it are masked already
  auto mask = [&text, &masked_until](std::size_t from, std::size_t to) {
    for (std::size_t j = std::max(from, masked_until); j < to && j < text.size(); ++j) text[j] = '*';
    masked_until = std::max(masked_until, to);
  };
  const detail::masked_form form = detail::masked_form_of(input);
  // URIs: the password of user:password@. libpq's userinfo ends at the first '@' before any '/';
  // SQLAlchemy's URL pattern reads a user up to the first ':' or '/' (an '@' in it is data), then
  // a password up to the first '@' ('/' in it is data). Both: from the first ':' after the
  // scheme, when no '/' comes before it, to the first '@' after it.
  if (form == detail::masked_form::uri) {
    std::size_t authority = input.find("://") + 3;
    std::size_t colon = input.find_first_of(":/", authority);
    if (colon != std::string_view::npos && input[colon] == ':')
      if (std::size_t at = input.find('@', colon); at != std::string_view::npos) mask(colon + 1, at);
  }
  detail::value_ends ends;
  ends.odbc_shaped = form == detail::masked_form::odbc && looks_like_odbc(input);
  // Every '=': inside a masked value too, since that value's end may fall inside another one
  // (`password=a password=b;c` read both ways), whose key must still be found.
  for (std::size_t i = input.find('='); i != std::string_view::npos; i = input.find('=', i + 1)) {
    std::size_t key_end = i;
    while (key_end > 0 && detail::is_c_space(input[key_end - 1])) --key_end;  // "key = value"
    std::size_t key_start = detail::secret_key_start(input, key_end);
    if (key_start == std::string_view::npos) continue;
    mask(i + 1, detail::value_end(input, form, key_start, key_end, i, i < masked_until, ends));
    if (masked_until >= input.size()) break;
  }
  return text;
}

}  // namespace detail

// The masks by the text's shape, and where the text parses (rsconn::parse, its detected form),
// each secret property's value from where it starts to the next key, exactly as parsed.
[[nodiscard]] inline std::string mask_secrets(std::string_view input) {
  std::string text = detail::mask_secrets_by_shape(input);
  if (input.size() > max_input_length) return text;
  auto parsed = parse(input);
  if (!parsed) return text;
  std::vector<std::size_t> key_offsets;
  key_offsets.reserve(parsed->properties.size());
  for (const property& p : parsed->properties) key_offsets.push_back(p.offset);
  std::sort(key_offsets.begin(), key_offsets.end());
  for (const property& p : parsed->properties) {
    if (!p.secret() || p.value_offset == 0 || p.value_offset > input.size()) continue;
    auto next_key = std::upper_bound(key_offsets.begin(), key_offsets.end(), p.value_offset);
    std::size_t end = next_key == key_offsets.end() ? input.size() : *next_key;
    // In a URL a value ends at the next '&' (a query's) or '@' (a user:password's) at the latest;
    // what the shape's mask covers beyond that stays covered.
    if (parsed->form != source_form::odbc && parsed->form != source_form::libpq_keywords)
      end = std::min(end, std::min(input.find_first_of("&@", p.value_offset), input.size()));
    // Up to the separator before the next key, which stays visible.
    while (end > p.value_offset + p.value.size() && end > p.value_offset &&
           (input[end - 1] == ';' || input[end - 1] == '&' || detail::is_c_space(input[end - 1])))
      --end;
    for (std::size_t j = p.value_offset; j < end; ++j) text[j] = '*';
  }
  return text;
}

}  // namespace rsconn
