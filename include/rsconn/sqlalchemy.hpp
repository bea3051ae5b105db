// SQLAlchemy URLs of sqlalchemy-redshift's dialects, read into the model and written from it:
//
//   redshift+redshift_connector://[user[:password]@]host[:port][/database][?key=value&...]
//   redshift+psycopg2://...   and   redshift://...   (both the psycopg2 dialect)
//
// The facts, from the code of the consumers:
// - SQLAlchemy's make_url (sqlalchemy/engine/url.py, _parse_url, the same regex in 1.4 and 2.0)
//   splits the URL with one regular expression: the user name runs to the first ':' or '/', the
//   password from that ':' to the first '@'; the host is taken as written (no %XX decoding), an
//   IPv6 address in brackets; the database is everything after '/' up to '?', also as written;
//   user and password are decoded with urllib.parse.unquote (%XX as UTF-8, '+' kept); the query
//   with urllib.parse.parse_qsl ('&' separates, '+' is a space, a parameter without '=' or with an
//   empty value is dropped, a repeated key becomes a sequence: a tuple in URL.query). Anything the expression does
//   not match is ignored without a word, and '.' stops at a line break, so rsconn refuses such
//   text rather than guess.
// - DefaultDialect.create_connect_args (sqlalchemy/engine/default.py) and the psycopg2 dialect's
//   (sqlalchemy/dialects/postgresql/psycopg2.py) turn the URL's parts into keyword arguments
//   (user, password, host, port, database; empty parts left out) and add the query on top, values
//   as str. sqlalchemy-redshift (sqlalchemy_redshift/dialect.py) then puts its defaults under them:
//   the psycopg2 dialect sslmode=verify-full and sslrootcert=<its bundled CA file>; the
//   redshift_connector dialect sslmode=verify-full, ssl=True and
//   application_name=sqlalchemy-redshift, and it converts port to int.
// - So the query holds libpq keywords (psycopg2.connect builds a libpq conninfo from them) or
//   redshift_connector.connect() keyword arguments, and a redshift_connector argument arrives as
//   the str of the URL: redshift_connector converts nothing and tests its booleans with `is True`
//   (docs/options/python.md, "No type coercion"), so `?ssl=True` would turn TLS off and `?iam=True`
//   would not use IAM. Such values are refused, both ways: they belong in create_engine's
//   connect_args (the python-json form).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rsconn/connection.hpp"
#include "rsconn/detail/ascii.hpp"
#include "rsconn/detail/decimal.hpp"
#include "rsconn/detail/percent.hpp"
#include "rsconn/diagnostic.hpp"
#include "rsconn/error.hpp"
#include "rsconn/jdbc.hpp"  // detail::is_utf8
#include "rsconn/libpq.hpp"  // libpq_default_port
#include "rsconn/options.hpp"
#include "rsconn/settings.hpp"
#include "rsconn/tls.hpp"
#include "rsconn/translate.hpp"

namespace rsconn {

// The two dialects: which driver the URL's arguments go to.
enum class sqlalchemy_dialect : unsigned char { redshift_connector, psycopg2 };

[[nodiscard]] constexpr driver driver_of(sqlalchemy_dialect d) noexcept {
  return d == sqlalchemy_dialect::psycopg2 ? driver::libpq : driver::python;
}

[[nodiscard]] constexpr source_form form_of(sqlalchemy_dialect d) noexcept {
  return d == sqlalchemy_dialect::psycopg2 ? source_form::sqlalchemy_psycopg2
                                           : source_form::sqlalchemy_redshift_connector;
}

// The scheme rsconn writes for a dialect (the entry points in sqlalchemy-redshift's setup.py).
[[nodiscard]] constexpr std::string_view scheme_of(sqlalchemy_dialect d) noexcept {
  return d == sqlalchemy_dialect::psycopg2 ? "redshift+psycopg2" : "redshift+redshift_connector";
}

// Whether a connection was read from a SQLAlchemy URL.
[[nodiscard]] constexpr bool is_sqlalchemy(source_form f) noexcept {
  return f == source_form::sqlalchemy_psycopg2 || f == source_form::sqlalchemy_redshift_connector;
}

// The bare scheme: setup.py maps `redshift` to the psycopg2 dialect.
inline constexpr std::string_view sqlalchemy_bare_scheme = "redshift";

namespace detail {

struct sqlalchemy_scheme_entry {
  std::string_view scheme;
  sqlalchemy_dialect dialect;
};
inline constexpr sqlalchemy_scheme_entry sqlalchemy_schemes[] = {
    {"redshift+redshift_connector", sqlalchemy_dialect::redshift_connector},
    {"redshift+psycopg2", sqlalchemy_dialect::psycopg2},
    {sqlalchemy_bare_scheme, sqlalchemy_dialect::psycopg2},
};

// The dialect a URL's scheme names (SQLAlchemy looks dialects up by exact name), or none.
constexpr std::optional<sqlalchemy_dialect> sqlalchemy_dialect_of_scheme(std::string_view scheme) noexcept {
  for (const sqlalchemy_scheme_entry& e : sqlalchemy_schemes)
    if (e.scheme == scheme) return e.dialect;
  return std::nullopt;
}

// Python's urllib.parse.unquote (and, with `plus_is_space`, parse_qsl's unquote of
// name.replace('+', ' ')). A '%' without two hexadecimal digits stays as it is, as in Python
// (SQLAlchemy 1.4's render_as_string writes a password's '%' unencoded, and reads it back so).
// Decoded bytes that are not UTF-8 Python replaces with U+FFFD; rsconn refuses them, so that
// nothing is read differently from how it looks.
inline result<std::string> sqlalchemy_unquote(std::string_view raw, std::size_t offset, bool plus_is_space) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    char ch = raw[i];
    int high = ch == '%' && i + 2 < raw.size() ? hex_value(raw[i + 1]) : -1;
    int low = high >= 0 ? hex_value(raw[i + 2]) : -1;
    if (low >= 0) {
      out += static_cast<char>(high * 16 + low);
      i += 2;
    } else {
      out += plus_is_space && ch == '+' ? ' ' : ch;
    }
  }
  if (!is_utf8(out))
    return fail(errc::invalid_character, offset,
                "the decoded value is not UTF-8; Python would replace the bytes with U+FFFD");
  return out;
}

// A host SQLAlchemy reads back as written: it decodes nothing in the host, and a ':' , '/', '?',
// '@' or bracket would end it or change what is user, host and port. DNS names and IPv4 and IPv6
// addresses (written in brackets) pass.
constexpr bool sqlalchemy_host_is_writable(std::string_view host) noexcept {
  if (host.empty()) return false;
  std::string_view inner = host;
  if (host.front() == '[') {
    if (host.size() < 3 || host.back() != ']') return false;
    inner = host.substr(1, host.size() - 2);
  }
  for (char ch : inner)
    if (!(is_alnum(ch) || ch == '-' || ch == '.' || ch == '_' || (ch == ':' && inner.size() != host.size())))
      return false;
  return true;
}

// Bytes written as themselves in the user name, the password and the query (RFC 3986's
// unreserved set): unquote and parse_qsl read every other byte back from its %XX.
constexpr bool is_sqlalchemy_unreserved(char ch) noexcept {
  return is_alnum(ch) || ch == '-' || ch == '.' || ch == '_' || ch == '~';
}

// A database the path carries as written: SQLAlchemy takes the path up to '?' undecoded, so
// anything that would be ambiguous to a reader ('%', which looks like an escape, '#', blanks)
// or would end it goes in the query instead; so does an '@', which after the port's ':' would
// make the regular expression read everything before it as user and password.
constexpr bool sqlalchemy_path_is_writable(std::string_view database) noexcept {
  if (database.empty()) return false;
  for (char ch : database)
    if (!(is_sqlalchemy_unreserved(ch) || ch == '$' || ch == '!' || ch == '*' || ch == ',' || ch == ':'))
      return false;
  return true;
}

// What a query parameter's key means to the dialect beyond a driver option.
enum class sqlalchemy_query_role : unsigned char { option, database, address };

constexpr sqlalchemy_query_role sqlalchemy_role_of(sqlalchemy_dialect d, std::string_view key) noexcept {
  if (key == "host" || key == "port") return sqlalchemy_query_role::address;
  // psycopg2.connect takes `database` as its own alias of libpq's dbname (psycopg2's
  // extensions.make_dsn), redshift_connector.connect names it `database`.
  if (key == "database" || (d == sqlalchemy_dialect::psycopg2 && key == "dbname"))
    return sqlalchemy_query_role::database;
  return sqlalchemy_query_role::option;
}

}  // namespace detail

// Reads a SQLAlchemy URL of sqlalchemy-redshift (any of its three schemes; the scheme picks the
// dialect, and the model's form says which). Properties: the user and the password of the
// authority under the dialect's driver's names, then the query's parameters in order, keys and
// values decoded. The database comes from the path or from a `database` (psycopg2 also
// `dbname`) parameter. Refused, with the byte where it happens: text SQLAlchemy would read
// differently from how it looks (control characters, escapes of bytes that are not UTF-8, text after an IPv6 address's ']', a parameter it silently drops); a host or port in the
// query (SQLAlchemy's multihost spelling, which rsconn does not read); a part given twice; a
// repeated key, which SQLAlchemy passes as a list, except for a list option of
// redshift_connector (db_groups), whose values are then joined with ','; and for
// redshift_connector a boolean or number option, which would arrive as a str.
[[nodiscard]] inline result<connection> parse_sqlalchemy(std::string_view text) {
  if (text.size() > max_input_length) return fail(errc::input_too_long, max_input_length);
  if (text.empty()) return fail(errc::empty_input);
  std::size_t scheme_end = text.find("://");
  std::optional<sqlalchemy_dialect> dialect =
      scheme_end == std::string_view::npos ? std::nullopt : detail::sqlalchemy_dialect_of_scheme(text.substr(0, scheme_end));
  if (!dialect)
    return fail(errc::invalid_uri, 0,
                "a SQLAlchemy URL of sqlalchemy-redshift starts with redshift+redshift_connector://, redshift+psycopg2:// or "
                "redshift:// (lower case)");
  for (std::size_t i = 0; i < text.size(); ++i)
    if (detail::is_control(text[i]))
      return fail(errc::invalid_character, i,
                  "a control character in a SQLAlchemy URL: SQLAlchemy stops reading the query at a line break; write it as %XX");
  const driver keys = driver_of(*dialect);
  connection c;
  c.form = form_of(*dialect);
  const std::size_t start = scheme_end + 3;

  // The authority, as the regular expression's backtracking splits it: with a ':' right after
  // the first run of characters other than ':' and '/', and an '@' anywhere after it, the run is
  // the user and the password runs to that '@'; otherwise the user runs to the run's last '@'.
  std::size_t run_end = text.find_first_of(":/", start);
  if (run_end == std::string_view::npos) run_end = text.size();
  std::size_t host_start = start;
  std::optional<std::pair<std::size_t, std::size_t>> user, password;  // [begin, end)
  std::size_t at_after_colon = run_end < text.size() && text[run_end] == ':' ? text.find('@', run_end + 1) : std::string_view::npos;
  if (at_after_colon != std::string_view::npos) {
    user = std::make_pair(start, run_end);
    password = std::make_pair(run_end + 1, at_after_colon);
    host_start = at_after_colon + 1;
  } else {
    std::size_t last_at = text.substr(start, run_end - start).rfind('@');
    if (last_at != std::string_view::npos) {
      user = std::make_pair(start, start + last_at);
      host_start = start + last_at + 1;
    }
  }
  auto authority_property = [&](setting s, std::pair<std::size_t, std::size_t> span) -> result<void> {
    auto value = detail::sqlalchemy_unquote(text.substr(span.first, span.second - span.first), span.first, false);
    if (!value) return tl::unexpected(value.error());
    // translate_connect_args leaves an empty part out.
    if (value->empty()) return {};
    property p{std::string(name_of(s, keys)), std::move(*value)};
    p.offset = span.first;
    p.value_offset = span.first;
    c.properties.push_back(std::move(p));
    return {};
  };
  if (user)
    if (auto r = authority_property(setting::user, *user); !r) return tl::unexpected(r.error());
  if (password)
    if (auto r = authority_property(setting::password, *password); !r) return tl::unexpected(r.error());

  // Host and port.
  std::size_t at = host_start;
  std::string host;
  std::size_t host_offset = at;
  if (at < text.size() && text[at] == '[') {
    std::size_t limit = text.find_first_of("/?", at);
    if (limit == std::string_view::npos) limit = text.size();
    std::size_t close = text.substr(0, limit).rfind(']');
    if (close == std::string_view::npos || close <= at + 1) return fail(errc::unclosed_bracket, at);
    host = std::string(text.substr(at, close + 1 - at));
    at = close + 1;
    if (at < text.size() && text[at] != ':' && text[at] != '/' && text[at] != '?')
      return fail(errc::invalid_uri, at,
                  "SQLAlchemy ignores what follows an IPv6 address's ']' unless it is :port, /database or ?query");
  } else {
    std::size_t end = text.find_first_of(":/?", at);
    if (end == std::string_view::npos) end = text.size();
    host = std::string(text.substr(at, end - at));
    at = end;
  }
  std::optional<std::uint32_t> given_port;
  std::size_t port_offset = 0;
  if (at < text.size() && text[at] == ':') {
    std::size_t end = text.find_first_of("/?", at + 1);
    if (end == std::string_view::npos) end = text.size();
    std::string_view digits = text.substr(at + 1, end - at - 1);
    port_offset = at + 1;
    // Python's int() also takes blanks, a sign, '_' and non-ASCII digits; rsconn reads plain
    // digits only, and an empty port is no port (SQLAlchemy: `if components["port"]`).
    if (!digits.empty()) {
      if (!detail::all_of_digits(digits) || digits.size() > 9) return fail(errc::invalid_port, port_offset);
      std::uint32_t n = 0;
      for (char d : digits) n = n * 10 + static_cast<std::uint32_t>(d - '0');
      given_port = n;
    }
    at = end;
  }
  if (at < text.size() && text[at] == '/') {
    std::size_t end = text.find('?', at + 1);
    if (end == std::string_view::npos) end = text.size();
    std::string_view database = text.substr(at + 1, end - at - 1);
    if (!database.empty()) {
      if (!detail::is_utf8(database)) return fail(errc::invalid_character, at + 1, "the database is not UTF-8");
      c.database = std::string(database);
      c.database_offset = at + 1;
    }
    at = end;
  }

  // The query, as parse_qsl splits it.
  if (at < text.size()) {  // text[at] == '?'
    std::size_t piece = at + 1;
    while (piece <= text.size()) {
      std::size_t end = text.find('&', piece);
      if (end == std::string_view::npos) end = text.size();
      std::string_view pair = text.substr(piece, end - piece);
      if (!pair.empty()) {
        std::size_t eq = pair.find('=');
        if (eq == std::string_view::npos || eq + 1 == pair.size())
          return fail(eq == std::string_view::npos ? errc::missing_equals : errc::unrepresentable_value, piece,
                      "SQLAlchemy drops a query parameter without '=' or with an empty value (urllib.parse.parse_qsl)");
        auto key = detail::sqlalchemy_unquote(pair.substr(0, eq), piece, true);
        if (!key) return tl::unexpected(key.error());
        if (key->empty()) return fail(errc::empty_key, piece);
        auto value = detail::sqlalchemy_unquote(pair.substr(eq + 1), piece + eq + 1, true);
        if (!value) return tl::unexpected(value.error());
        switch (detail::sqlalchemy_role_of(*dialect, *key)) {
          case detail::sqlalchemy_query_role::address:
            return fail(errc::unrepresentable_value, piece,
                        "a host or port in the query (SQLAlchemy's multihost spelling) is not read by rsconn; give one host "
                        "and port in the authority");
          case detail::sqlalchemy_query_role::database:
            if (c.database)
              return fail(errc::conflicting_property, piece,
                          "the database is given twice (path and query); psycopg2 refuses database with dbname");
            c.database = std::move(*value);
            c.database_offset = piece + eq + 1;
            break;
          case detail::sqlalchemy_query_role::option: {
            option_ref o = find_option(keys, *key).option;
            setting s = setting_of(o);
            if ((s == setting::user && user) || (s == setting::password && password))
              return fail(errc::conflicting_property, piece, "the user or the password is given in the authority and in the query");
            bool list = o && (*o).type == option_type::list;
            property* earlier = nullptr;
            for (property& q : c.properties)
              if (q.key == *key && q.offset > at) earlier = &q;
            if (earlier && !(list && keys == driver::python))
              return fail(errc::duplicate_property, piece,
                          "a repeated query parameter reaches the driver as a Python list, which this option does not take");
            if (keys == driver::python && o) {
              option_type t = (*o).type;
              if (t == option_type::boolean || t == option_type::integer)
                return fail(errc::invalid_option_value, piece + eq + 1,
                            "SQLAlchemy passes this to redshift_connector as a str, which it does not convert (it tests "
                            "booleans with `is True`): give booleans and numbers in create_engine's connect_args");
              if (list && value->find(',') != std::string::npos)
                return fail(errc::invalid_option_value, piece + eq + 1, "rsconn keeps a list as one comma-separated value; an element holds a ','");
            }
            if (earlier) {
              earlier->value.append(",").append(*value);
              break;
            }
            property p{std::move(*key), std::move(*value)};
            p.offset = piece;
            p.value_offset = piece + eq + 1;
            c.properties.push_back(std::move(p));
            break;
          }
        }
      }
      piece = end + 1;
    }
  }
  // A lone value of a list option would reach redshift_connector as a str, not a list.
  if (keys == driver::python)
    for (const property& p : c.properties) {
      option_ref o = find_option(keys, p.key).option;
      if (p.offset > at && o && (*o).type == option_type::list && p.value.find(',') == std::string::npos)
        return fail(errc::invalid_option_value, p.value_offset,
                    "a single value of a list option reaches redshift_connector as a str, not a list: repeat the parameter "
                    "for each value, or give the list in create_engine's connect_args");
    }

  if (!host.empty()) {
    if (!detail::is_utf8(host)) return fail(errc::invalid_character, host_offset, "the host is not UTF-8");
    address a;
    a.host = std::move(host);
    // Without a port, redshift_connector uses 5439 and libpq 5432.
    a.port = given_port ? *given_port : keys == driver::libpq ? libpq_default_port : port::default_number;
    a.offset = host_offset;
    a.port_offset = port_offset;
    c.hosts.push_back(std::move(a));
  } else if (given_port) {
    return fail(errc::empty_host, host_offset, "a port without a host");
  }

  explicit_settings given;
  // redshift_connector's names (find_setting_property looks in the string forms' columns only).
  auto view_of = [&](setting s) {
    for (auto it = c.properties.rbegin(); it != c.properties.rend(); ++it)
      if (keys == driver::python && setting_of(find_option(keys, it->key).option) == s)
        return encoded_text{it->value, text_encoding::plain};
    return encoded_text{};
  };
  given.cluster_id = view_of(setting::cluster_id);
  given.region = view_of(setting::region);
  given.workgroup = view_of(setting::workgroup);
  given.account_id = view_of(setting::account_id);
  assign_effective(c, resolve(c.first_host(), given, false));
  return c;
}

// What sqlalchemy-redshift adds to the URL's arguments, as warnings (errc::form_default), and
// for the bare `redshift://` scheme the other reading of it (errc::ambiguous_form): Airflow's
// Redshift connection URI also starts so and splits a raw '@' in the password differently.
// `text` is the URL `c` was read from (its scheme is not part of the model).
[[nodiscard]] inline std::vector<diagnostic> sqlalchemy_notes(const connection& c, std::string_view text = {}) {
  std::vector<diagnostic> notes;
  if (!is_sqlalchemy(c.form)) return notes;
  bool psycopg2 = c.form == source_form::sqlalchemy_psycopg2;
  driver keys = driver_of(c.form);
  auto given = [&](std::string_view id) {
    for (const property& p : c.properties)
      if (option_ref o = find_option(keys, p.key).option; o && (*o).id == id) return true;
    return false;
  };
  auto add = [&](std::string message) {
    notes.push_back({severity::warning, errc::form_default, 0, std::move(message)});
  };
  std::string_view who = psycopg2 ? "sqlalchemy-redshift's psycopg2 dialect" : "sqlalchemy-redshift's redshift_connector dialect";
  if (!given("ssl_mode")) add(std::string(who) + " adds sslmode=verify-full: TLS with the certificate and the host name checked");
  if (psycopg2 && !given("ssl_root_cert"))
    add(std::string(who) + " adds sslrootcert=<the redshift-ca-bundle.crt it ships>, the CA bundle the certificate is checked against");
  if (!psycopg2) {
    add(std::string(who) + " adds ssl=True (a URL cannot change it: a query value would arrive as a str)");
    if (!given("application_name")) add(std::string(who) + " adds application_name=sqlalchemy-redshift");
  }
  if (detail::starts_with(text, "redshift://"))
    notes.push_back({severity::warning, errc::ambiguous_form, 0,
                     "redshift:// is read as sqlalchemy-redshift's psycopg2 dialect; Airflow's Redshift connection URI starts "
                     "the same way and splits a raw '@' in the password differently"});
  return notes;
}

struct sqlalchemy_options {
  // The dialect to write; none: the connection's own when it is a SQLAlchemy URL, psycopg2 for a
  // libpq string (the same option names), redshift_connector for every other form.
  std::optional<sqlalchemy_dialect> dialect;
  // Otherwise the password and other secrets are written as ***.
  bool reveal_secrets = false;
  // What to do with a property the URL cannot carry (rsconn/translate.hpp).
  unknown_keys unknown = unknown_keys::refuse;
};

[[nodiscard]] constexpr sqlalchemy_dialect default_sqlalchemy_dialect(const connection& c) noexcept {
  if (c.form == source_form::sqlalchemy_redshift_connector) return sqlalchemy_dialect::redshift_connector;
  return driver_of(c.form) == driver::libpq ? sqlalchemy_dialect::psycopg2 : sqlalchemy_dialect::redshift_connector;
}

namespace detail {

struct sqlalchemy_parameter {
  std::string_view key;
  std::string_view value;
  bool secret = false;
  std::size_t offset = 0;  // of the property it comes from
};

}  // namespace detail

// Writes a URL that SQLAlchemy and the dialect read back as `c`:
//   <scheme>://[user[:password]@]host:port[/database][?key=value&...]
// The port is always written; the user and the password (percent-encoded but for unreserved
// characters) in the authority; the database in the path when it holds only characters that need
// no encoding there, else as the `database` (psycopg2: `dbname`) parameter; the other properties,
// translated into the dialect's driver's names, in the query, percent-encoded. TLS: a source that
// states its mode is written sslmode; one that states none gets the dialect's verify-full. Fails
// (errc::unrepresentable_value, at the property) for what the URL cannot carry: no host or
// several, an empty value (SQLAlchemy drops it), bytes that are not UTF-8, for
// redshift_connector IAM, booleans, numbers, one-element lists and TLS weaker than verify-ca (all
// need connect_args); and, by options.unknown, a key the target does not know.
[[nodiscard]] inline result<std::string> to_sqlalchemy(const connection& c, const sqlalchemy_options& options = {}) {
  using verdict = property_translation::verdict;
  const sqlalchemy_dialect dialect = options.dialect ? *options.dialect : default_sqlalchemy_dialect(c);
  const driver to = driver_of(dialect);
  const driver from = driver_of(c.form);
  const bool python = to == driver::python;
  if (c.hosts.empty()) return fail(errc::missing_required_field, 0, "a SQLAlchemy URL needs a host");
  if (c.hosts.size() > 1)
    return fail(errc::unrepresentable_value, c.hosts[1].offset, "rsconn writes one host into a SQLAlchemy URL");
  const address& a = c.hosts.front();
  if (!detail::sqlalchemy_host_is_writable(a.host))
    return fail(errc::unrepresentable_value, a.offset,
                "SQLAlchemy takes the host as written, so it can hold only letters, digits, '-', '.', '_' (an IPv6 address "
                "in brackets)");
  if (a.port < 1 || a.port > 65535) return fail(errc::invalid_port, a.port_offset);
  if (c.iam && python && options.unknown != unknown_keys::drop)
    return fail(errc::unrepresentable_value, 0,
                "redshift_connector uses IAM only for iam=True, a Python bool, and a URL passes str: give iam=True in "
                "create_engine's connect_args (or write the python-json form)");

  const std::string_view user_key = name_of(setting::user, to);
  const std::string_view password_key = name_of(setting::password, to);
  const property* user = nullptr;
  const property* password = nullptr;
  std::vector<detail::sqlalchemy_parameter> parameters;
  setting_spellings spellings(c);
  tls_reading tls = effective_tls(c);
  if (tls.refused)
    return fail(errc::unrepresentable_value, tls.offset, "the source's driver refuses its TLS settings, so there is no mode to carry over");
  if (tls.stated && python && tls.mode < tls_mode::verify_ca)
    return fail(errc::unrepresentable_value, tls.offset,
                "redshift_connector through sqlalchemy-redshift always uses TLS (ssl=True) with verify-ca or verify-full; a "
                "weaker mode needs ssl=False, a Python bool, in create_engine's connect_args");

  for (const property& p : c.properties) {
    property_translation t;
    if (from == to) {
      t.key = p.key;
      t.value = p.value;
      t.option = find_option(to, p.key).option;
      if (is_structural(setting_of(t.option))) t.what = verdict::skip;
      else if (!t.option) t.what = options.unknown == unknown_keys::keep ? verdict::write
                                   : options.unknown == unknown_keys::drop ? verdict::drop : verdict::refuse;
      t.reason = "the driver has no option of this name";
    } else {
      t = translate_property(p, from, to, options.unknown, spellings);
    }
    if (t.what == verdict::refuse) return fail(errc::unrepresentable_value, p.offset, t.reason);
    if (t.what != verdict::write) continue;
    auto cannot = [&](std::string_view reason) -> std::optional<error> {
      if (options.unknown == unknown_keys::drop) return std::nullopt;
      return error{errc::unrepresentable_value, p.offset, reason};
    };
    bool tls_option = is_tls_mode_option(to, t.option, t.value);
    if (tls_option && from != to) continue;  // written from the mode below
    if (tls_option && python && (*t.option).id == "ssl") {
      // The dialect passes ssl=True itself; any other value needs a Python bool.
      if (t.value == "True") continue;
      return fail(errc::unrepresentable_value, p.offset, "ssl is a Python bool; a URL would pass a str (which turns TLS off)");
    }
    option_type type = t.option ? (*t.option).type : option_type::string;
    if (python && (type == option_type::boolean || type == option_type::integer)) {
      if (auto e = cannot("SQLAlchemy would pass this to redshift_connector as a str, which it does not convert: give "
                          "booleans and numbers in create_engine's connect_args (or write the python-json form)"))
        return tl::unexpected(*e);
      continue;
    }
    if (t.value.empty()) {
      if (auto e = cannot("SQLAlchemy drops an empty value (in the authority and in the query)")) return tl::unexpected(*e);
      continue;
    }
    if (!detail::is_utf8(t.value) || (to == driver::libpq && t.value.find('\0') != std::string_view::npos))
      return fail(errc::unrepresentable_value, p.value_offset,
                  "the value is not UTF-8 (Python reads it as U+FFFD) or holds a NUL byte (libpq cannot)");
    if (t.key == user_key) {
      user = &p;
      continue;
    }
    if (t.key == password_key) {
      password = &p;
      continue;
    }
    bool secret = is_secret_key(t.key) && !options.reveal_secrets;
    // A later spelling of the same key is what the source driver reads; a URL cannot repeat it.
    for (auto it = parameters.begin(); it != parameters.end();)
      it = it->key == t.key ? parameters.erase(it) : it + 1;
    if (python && type == option_type::list) {
      std::string_view rest = t.value;
      std::size_t pieces = 0;
      for (char ch : rest) pieces += ch == ',' ? 1 : 0;
      if (pieces == 0) {
        if (auto e = cannot("a single value of a list option would reach redshift_connector as a str, not a list"))
          return tl::unexpected(*e);
        continue;
      }
      while (true) {
        std::size_t comma = rest.find(',');
        std::string_view element = rest.substr(0, comma);
        if (element.empty()) return fail(errc::unrepresentable_value, p.value_offset, "a list has an empty element");
        parameters.push_back({t.key, element, secret, p.offset});
        if (comma == std::string_view::npos) break;
        rest = rest.substr(comma + 1);
      }
      continue;
    }
    parameters.push_back({t.key, t.value, secret, p.offset});
  }
  // The mode a source states: as written when it is this driver's own sslmode (kept in place
  // above), else spelled here.
  if (tls.stated && from != to) {
    tls_spelling s = spell_tls(to, tls.mode, true);
    parameters.push_back({s.key, s.value, false, tls.offset});
  }
  for (const property* p : {user, password})
    if (p && p->value.empty())
      return fail(errc::unrepresentable_value, p->offset, "SQLAlchemy leaves an empty user or password out");
  if (c.database && c.database->empty())
    return fail(errc::unrepresentable_value, c.database_offset, "SQLAlchemy leaves an empty database out");
  if (c.database && !detail::is_utf8(*c.database))
    return fail(errc::unrepresentable_value, c.database_offset, "the database is not UTF-8");
  if (c.database && to == driver::libpq && c.database->find('\0') != std::string::npos)
    return fail(errc::unrepresentable_value, c.database_offset, "libpq cannot carry a NUL byte");
  bool database_in_path = c.database && detail::sqlalchemy_path_is_writable(*c.database);

  std::string out;
  out.reserve(64 + a.host.size() + 3 * (c.database ? c.database->size() : 0) + 3 * c.properties.size() * 16);
  out.append(scheme_of(dialect)).append("://");
  auto encoded = [&out](std::string_view v) { detail::append_percent_encoded_if(out, v, detail::is_sqlalchemy_unreserved); };
  if (user || password) {
    if (user) encoded(user->value);
    if (password) {
      out += ':';
      if (options.reveal_secrets) encoded(password->value);
      else out += redacted;
    }
    out += '@';
  }
  out += a.host;
  out += ':';
  detail::append_decimal(out, a.port);
  if (database_in_path) out.append("/").append(*c.database);
  char separator = '?';
  auto parameter = [&](std::string_view key, std::string_view value, bool secret) {
    out += separator;
    separator = '&';
    encoded(key);
    out += '=';
    if (secret) out += redacted;
    else encoded(value);
  };
  if (c.database && !database_in_path) parameter(python ? "database" : "dbname", *c.database, false);
  for (const detail::sqlalchemy_parameter& p : parameters) parameter(p.key, p.value, p.secret);
  return out;
}

}  // namespace rsconn
