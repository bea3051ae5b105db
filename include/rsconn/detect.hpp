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

namespace detail {

// An ODBC string whose keys the driver does not know (`Server Name=h`, `Host_Name=h`, `a=b=c`,
// `{PWD}=x`, non-ASCII keys) is still ODBC: the driver's tokenizer reads it and its dispatcher
// passes unknown keys on (RS_CONN_INFO::parseConnectString, rsconnect.cpp), so validate is the
// one to name them. Not ODBC-shaped: a first key holding ':' or '/' or opening with '[' (an
// endpoint or a URL: `h:5439/dev?x=y`, `mysql://h/?a=b`), a string the tokenizer refuses
// (`a b=c;d`), and one libpq's tokenizer reads as two or more blank-separated pairs
// (`foo=bar host=h`: a libpq keyword list with an unknown keyword, which ODBC would read as one
// value "bar host=h").
[[nodiscard]] constexpr bool looks_like_odbc_with_unknown_keys(std::string_view text) noexcept {
  std::size_t start = text.find_first_not_of("; \t\n\v\f\r");
  if (start == std::string_view::npos) return false;
  std::size_t equals = text.find('=', start);
  if (equals == std::string_view::npos || text[start] == '[') return false;
  if (text.substr(start, equals - start).find_first_of(":/") != std::string_view::npos) return false;
  if (!odbc_tokenizes(text)) return false;
  std::size_t pos = 0;
  libpq_pair pair;
  std::size_t error_at = 0;
  for (int pairs = 0; pairs < 2; ++pairs)
    if (scan_libpq_pair(text, pos, pair, error_at) != libpq_scan::pair) return true;
  return false;
}

}  // namespace detail

namespace detail {

// Whether libpq's tokenizer reads a first pair whose key is one of its keywords.
[[nodiscard]] constexpr bool first_key_is_libpq_keyword(std::string_view text) noexcept {
  std::size_t pos = 0;
  std::size_t error_at = 0;
  libpq_pair first;
  return scan_libpq_pair(text, pos, first, error_at) == libpq_scan::pair && is_libpq_keyword(first.key);
}

}  // namespace detail

// The form a string looks like, judged from its first characters and its separators; no
// parsing. An unrecognised string gets the closest guess for the error message.
[[nodiscard]] constexpr source_form detect_form(std::string_view text) noexcept {
  if (detail::istarts_with(text, "jdbc:")) return source_form::jdbc;
  if (is_libpq_uri(text)) return source_form::libpq_uri;  // postgresql:// or postgres://
  // redshift+redshift_connector://, redshift+psycopg2://, redshift:// (sqlalchemy-redshift's
  // dialects, exact names as SQLAlchemy looks them up; a bare redshift:// is Airflow's URI too,
  // which validate names as ambiguous_form).
  if (std::size_t scheme_end = text.find("://"); scheme_end != std::string_view::npos)
    if (auto dialect = detail::sqlalchemy_dialect_of_scheme(text.substr(0, scheme_end)))
      return *dialect == sqlalchemy_dialect::redshift_connector ? source_form::sqlalchemy_redshift_connector
                                                                : source_form::sqlalchemy_psycopg2;
  if (looks_like_libpq_keywords(text)) return source_form::libpq_keywords;  // host=... port=...
  if (looks_like_odbc(text)) return source_form::odbc;  // Driver=...; Server=...; (after libpq: "host=h port=1")
  if (detail::looks_like_odbc_with_unknown_keys(text)) return source_form::odbc;  // Server Name=h, a=b=c
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
    case source_form::libpq_uri: return parse_libpq_connection(text);
    case source_form::libpq_keywords: {
      auto c = parse_libpq_connection(text);
      // `host=h ;port=1`: libpq refuses the keyword ";port", the ODBC driver reads two settings.
      // Where only ODBC reads a string that holds a ';', it is ODBC's (without a ';' a failed
      // libpq string is a libpq mistake, `host=h prot=5439`, and libpq's error says which).
      if (!c && text.find(';') != std::string_view::npos)
        if (auto odbc = parse_odbc_connection(text)) return odbc;
      return c;
    }
    case source_form::odbc: {
      auto c = parse_odbc_connection(text);
      // `password=a;b`: the ODBC driver refuses it (`b` has no '='), libpq reads one password
      // "a;b". A string whose first key is a libpq keyword, as libpq spells it, and that only
      // libpq reads, is libpq's.
      if (!c && detail::first_key_is_libpq_keyword(text))
        if (auto libpq = parse_libpq_connection(text)) return libpq;
      return c;
    }
    case source_form::host:
      return parse_host(text).map([](const endpoint_view& v) { return to_connection(v); });
    case source_form::sqlalchemy_redshift_connector:
    case source_form::sqlalchemy_psycopg2: return parse_sqlalchemy(text);
    default: {
      auto c = parse_endpoint_connection(text);
      if (!c && text.find("://") != std::string_view::npos)
        return fail(errc::unrecognized_form, text.find("://"),
                    "this looks like a URL of a kind rsconn does not read; a JDBC URL starts with jdbc:redshift:, a "
                    "libpq URI with postgresql:// or postgres://, a SQLAlchemy URL with redshift:// or "
                    "redshift+redshift_connector:// or redshift+psycopg2:// (lower case)");
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
