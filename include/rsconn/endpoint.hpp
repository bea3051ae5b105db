// The console's "Endpoint" form, HOST:PORT/DATABASE, and a bare host name.
//
//   default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev
//   default.123456789012.us-east-1.redshift-serverless.amazonaws.com
//
// The port and the database are optional; an IPv6 address is written in brackets. The
// database is plain text (the console does not percent-encode). `parse_endpoint` does not
// allocate; the view refers into the caller's string.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "rsconn/connection.hpp"
#include "rsconn/detail/ascii.hpp"
#include "rsconn/detail/decimal.hpp"
#include "rsconn/error.hpp"
#include "rsconn/host.hpp"
#include "rsconn/port.hpp"

namespace rsconn {

struct endpoint_view {
  std::string_view text;
  std::string_view host;
  rsconn::port port;           // 5439 when not written
  bool port_written = false;
  bool database_written = false;
  std::string_view database;   // after the '/', when database_written
  std::size_t host_offset = 0;
  std::size_t port_offset = 0;
  std::size_t database_offset = 0;
  host_parts parts;
  effective_fields effective;
};

namespace detail {

// The bytes of a host name outside brackets: letters, digits, '-', '.', '_' (seen in custom
// DNS). A table: one load per byte instead of five range tests.
struct host_name_bytes {
  bool has[256];
};
constexpr host_name_bytes make_host_name_bytes() noexcept {
  host_name_bytes set{};
  for (int b = 0; b < 256; ++b) {
    char c = static_cast<char>(b);
    set.has[b] = is_alnum(c) || c == '-' || c == '.' || c == '_';
  }
  return set;
}
inline constexpr host_name_bytes host_name_byte = make_host_name_bytes();
constexpr bool is_host_name_char(char c) noexcept { return host_name_byte.has[static_cast<unsigned char>(c)]; }

// Host names (see is_host_name_char); or a bracketed IPv6 literal.
constexpr std::size_t first_bad_host_char(std::string_view host) noexcept {
  if (!host.empty() && host.front() == '[') {
    for (std::size_t i = 1; i + 1 < host.size(); ++i) {
      char c = host[i];
      if (!(hex_value(c) >= 0 || c == ':' || c == '.' || c == '%' || is_alnum(c))) return i;
    }
    return host.back() == ']' && host.size() > 2 ? host.size() : host.size() - 1;
  }
  for (std::size_t i = 0; i < host.size(); ++i)
    if (!is_host_name_char(host[i])) return i;
  return host.size();
}

}  // namespace detail

// Parses HOST[:PORT][/DATABASE].
[[nodiscard]] constexpr result<endpoint_view> parse_endpoint(std::string_view text) noexcept {
  if (text.size() > max_input_length) return fail(errc::input_too_long, max_input_length);
  if (text.empty()) return fail(errc::empty_input, 0);
  endpoint_view view;
  view.text = text;
  std::size_t host_end = 0;
  if (text.front() == '[') {
    std::size_t close = text.find(']');
    if (close == std::string_view::npos) return fail(errc::unclosed_bracket, 0);
    host_end = close + 1;
  } else {
    // One pass: the host runs to the first ':' or '/'; any other byte that cannot be in a host
    // name before it is an error there (the host is not empty then).
    while (host_end < text.size() && detail::is_host_name_char(text[host_end])) ++host_end;
    if (host_end < text.size() && text[host_end] != ':' && text[host_end] != '/')
      return fail(errc::invalid_host_name, host_end);
  }
  view.host = text.substr(0, host_end);
  if (view.host.empty()) return fail(errc::empty_host, 0);
  if (text.front() == '[') {
    if (std::size_t bad = detail::first_bad_host_char(view.host); bad < view.host.size())
      return fail(errc::invalid_host_name, bad);
  }
  std::size_t at = host_end;
  if (at < text.size() && text[at] == ':') {
    std::size_t port_end = text.find('/', at + 1);
    if (port_end == std::string_view::npos) port_end = text.size();
    view.port_offset = at + 1;
    auto number = port::parse(text.substr(at + 1, port_end - at - 1));
    if (!number) return fail(errc::invalid_port, at + 1 + number.error().offset);
    view.port = *number;
    view.port_written = true;
    at = port_end;
  }
  if (at < text.size()) {
    if (text[at] != '/') return fail(errc::invalid_host_name, at);
    view.database_written = true;
    view.database = text.substr(at + 1);
    view.database_offset = at + 1;
    for (std::size_t i = 0; i < view.database.size(); ++i)
      if (detail::is_control(view.database[i]))
        return fail(errc::invalid_database_name, at + 1 + i, "a database name has no control characters");
  }
  view.parts = classify_host(view.host);
  view.effective = resolve(view.parts, explicit_settings{}, false);
  return view;
}

// Parses a bare host name (no port, no database).
[[nodiscard]] constexpr result<endpoint_view> parse_host(std::string_view text) noexcept {
  auto view = parse_endpoint(text);
  if (!view) return view;
  if (view->port_written || view->database_written)
    return fail(errc::invalid_host_name, view->host.size(), "a host name has no ':' or '/'");
  return view;
}

result<endpoint_view> parse_endpoint(std::string&&) = delete;
result<endpoint_view> parse_host(std::string&&) = delete;
// C strings (literals): without these overloads the calls are ambiguous between the above.
[[nodiscard]] constexpr result<endpoint_view> parse_endpoint(const char* text) noexcept {
  return parse_endpoint(std::string_view(text));
}
[[nodiscard]] constexpr result<endpoint_view> parse_host(const char* text) noexcept {
  return parse_host(std::string_view(text));
}

[[nodiscard]] inline connection to_connection(const endpoint_view& view) {
  connection c;
  c.form = view.port_written || view.database_written ? source_form::endpoint : source_form::host;
  c.hosts.push_back({std::string(view.host), view.port.number(), view.host_offset, view.port_offset});
  if (view.database_written) c.database = std::string(view.database);
  c.database_offset = view.database_offset;
  assign_effective(c, view.effective);
  return c;
}

[[nodiscard]] inline result<connection> parse_endpoint_connection(std::string_view text) {
  return parse_endpoint(text).map([](const endpoint_view& v) { return to_connection(v); });
}

// HOST:PORT/DATABASE (the database part only when the connection names one). Needs exactly
// one host with a port 1..65535.
[[nodiscard]] inline result<std::string> to_endpoint(const connection& c) {
  if (c.hosts.empty())
    return fail(errc::missing_required_field, 0,
                "the connection names no host (a JDBC cluster-id URL gives only a cluster id and a region)");
  if (c.hosts.size() != 1) return fail(errc::unrepresentable_value, 0, "an endpoint carries exactly one host");
  const address& a = c.hosts.front();
  if (a.host.empty() || detail::first_bad_host_char(a.host) < a.host.size())
    return fail(errc::unrepresentable_value, 0, "this host cannot be written as an endpoint");
  if (a.port < 1 || a.port > 65535) return fail(errc::invalid_port, 0);
  std::string out;
  out.reserve(a.host.size() + 7 + (c.database ? c.database->size() : 0));
  out += a.host;
  out += ':';
  detail::append_decimal(out, a.port);
  if (c.database) {
    for (char ch : *c.database)
      if (detail::is_control(ch))
        return fail(errc::unrepresentable_value, 0, "an endpoint cannot carry control characters in the database");
    out += '/';
    out += *c.database;
  }
  return out;
}

// The host alone.
[[nodiscard]] inline result<std::string> to_host(const connection& c) {
  if (c.hosts.empty()) return fail(errc::missing_required_field, 0, "the connection has no host");
  return c.hosts.front().host;
}

}  // namespace rsconn
