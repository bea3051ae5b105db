// rsconn::parse — recognise which form a string is in, and parse it into the model.
#pragma once

#include <optional>
#include <string_view>

#include "rsconn/connection.hpp"
#include "rsconn/detail/ascii.hpp"
#include "rsconn/endpoint.hpp"
#include "rsconn/error.hpp"
#include "rsconn/jdbc.hpp"
#include "rsconn/libpq.hpp"
#include "rsconn/odbc.hpp"
#include "rsconn/sqlalchemy.hpp"

namespace rsconn {

// The form a string looks like, judged from its first characters and its separators; no
// parsing. An unrecognised string gets the closest guess for the error message.
[[nodiscard]] constexpr source_form detect_form(std::string_view text) noexcept {
  if (detail::istarts_with(text, "jdbc:")) return source_form::jdbc;
  if (is_libpq_uri(text)) return source_form::libpq_uri;  // postgresql:// or postgres://
  if (looks_like_libpq_keywords(text)) return source_form::libpq_keywords;  // host=... port=...
  if (looks_like_odbc(text)) return source_form::odbc;  // Driver=...; Server=...; (after libpq: "host=h port=1")
  if (text.find_first_of(":/") != std::string_view::npos || (!text.empty() && text.front() == '['))
    return source_form::endpoint;
  return source_form::host;
}

// Parses any supported form into the owning model.
[[nodiscard]] inline result<connection> parse(std::string_view text) {
  // Before any guessing: an overlong input is refused as such, whatever it looks like.
  if (text.size() > max_input_length) return fail(errc::input_too_long, max_input_length);
  switch (detect_form(text)) {
    case source_form::jdbc: return parse_jdbc_connection(text);
    case source_form::libpq_uri:
    case source_form::libpq_keywords: return parse_libpq_connection(text);
    case source_form::odbc: return parse_odbc_connection(text);
    case source_form::host:
      return parse_host(text).map([](const endpoint_view& v) { return to_connection(v); });
    default: {
      auto c = parse_endpoint_connection(text);
      if (!c && text.find("://") != std::string_view::npos)
        return fail(errc::unrecognized_form, text.find("://"),
                    "this looks like a URL of a kind rsconn does not read; a JDBC URL starts with jdbc:redshift:, a "
                    "libpq URI with postgresql:// or postgres:// (lower case)");
      return c;
    }
  }
}

// The form a name stands for, as the CLI's --from takes it (to_string's names, and "libpq" for
// the keyword form), or nothing.
[[nodiscard]] constexpr std::optional<source_form> source_form_named(std::string_view name) noexcept {
  for (source_form f : {source_form::jdbc, source_form::endpoint, source_form::host, source_form::odbc,
                        source_form::libpq_keywords, source_form::libpq_uri})
    if (name == to_string(f)) return f;
  if (name == "libpq") return source_form::libpq_keywords;
  return std::nullopt;
}

// Parses `text` as `form`, whatever it looks like: for strings that read as more than one form
// (`host=h;port=5439` is an ODBC string and a libpq one), the caller says which reader is meant.
// libpq decides between its keyword and URI syntax by itself, as PQconnectdb does; asked for a
// URI, a string that is none is refused.
[[nodiscard]] inline result<connection> parse(std::string_view text, source_form form) {
  if (text.size() > max_input_length) return fail(errc::input_too_long, max_input_length);
  switch (form) {
    case source_form::jdbc: return parse_jdbc_connection(text);
    case source_form::odbc: return parse_odbc_connection(text);
    case source_form::libpq_uri:
      if (!is_libpq_uri(text))
        return fail(errc::invalid_uri, 0, "a libpq URI starts with postgresql:// or postgres:// (lower case)");
      return parse_libpq_connection(text);
    case source_form::libpq_keywords: return parse_libpq_connection(text);
    case source_form::host: return parse_host(text).map([](const endpoint_view& v) { return to_connection(v); });
    case source_form::endpoint: return parse_endpoint_connection(text);
    case source_form::sqlalchemy_redshift_connector:
    case source_form::sqlalchemy_psycopg2: return parse_sqlalchemy(text);  // the scheme names the dialect
  }
  return fail(errc::unrecognized_form, 0);
}

}  // namespace rsconn
