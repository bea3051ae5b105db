// What rsconn's types look like when formatted, written once for both formatting libraries:
// rsconn/fmt.hpp (fmt::formatter) and rsconn/std_format.hpp (std::formatter) are thin adapters
// over this header, which includes neither library. Each adapter hands its parse context's
// range to parse_format_spec and its output iterator to formatting<T>::write, so the two cannot
// disagree on a spec or on a byte of output (README, "Using it in your project").
//
//   "{}"    every type; a connection or property with its secrets written as ***
//   "{:s}"  connection and property only: the secrets shown (ask for it explicitly)
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "rsconn/connection.hpp"
#include "rsconn/detail/decimal.hpp"
#include "rsconn/diagnostic.hpp"
#include "rsconn/error.hpp"
#include "rsconn/host.hpp"
#include "rsconn/jdbc.hpp"
#include "rsconn/names.hpp"
#include "rsconn/port.hpp"
#include "rsconn/properties.hpp"

namespace rsconn::detail {

// The types with a formatter, for the adapters to specialise in one line each:
// RSCONN_DETAIL_FORMATTED_TYPES(ADAPTER) expands ADAPTER(type) for every one of them.
// (Full specialisations, not one constrained partial one: fmt's and the standard library's
// range formatters are partial specialisations too, and would be ambiguous with it.)
#define RSCONN_DETAIL_FORMATTED_TYPES(ADAPTER) \
  ADAPTER(rsconn::workgroup_name)              \
  ADAPTER(rsconn::account_id)                  \
  ADAPTER(rsconn::region)                      \
  ADAPTER(rsconn::cluster_id)                  \
  ADAPTER(rsconn::vpc_endpoint_name)           \
  ADAPTER(rsconn::database_name)               \
  ADAPTER(rsconn::partition)                   \
  ADAPTER(rsconn::host_kind)                   \
  ADAPTER(rsconn::target_kind)                 \
  ADAPTER(rsconn::source_form)                 \
  ADAPTER(rsconn::errc)                        \
  ADAPTER(rsconn::severity)                    \
  ADAPTER(rsconn::port)                        \
  ADAPTER(rsconn::error)                       \
  ADAPTER(rsconn::diagnostic)                  \
  ADAPTER(rsconn::property)                    \
  ADAPTER(rsconn::connection)

// A format spec read: where it ends (at the '}' or the end of the range), whether it asked for
// secrets, and, when it is not one rsconn knows, why (the adapter reports it its library's way).
template <class Iterator>
struct format_spec {
  Iterator end;
  bool reveal = false;
  const char* error = nullptr;
};

// Reads the spec between ':' and '}'. Only types that hold secrets take "s"; anything else is
// an error, which keeps every output predictable.
template <class Iterator>
constexpr format_spec<Iterator> parse_format_spec(Iterator it, Iterator end, bool takes_reveal) {
  format_spec<Iterator> spec{it};
  if (takes_reveal && it != end && *it == 's') {
    spec.reveal = true;
    ++it;
  }
  spec.end = it;
  if (it != end && *it != '}')
    spec.error = takes_reveal ? "rsconn: the only format spec is 's' (show secrets)" : "rsconn types take no format spec";
  return spec;
}

template <class Out>
Out write_text(Out out, std::string_view text) {
  for (char c : text) *out++ = c;
  return out;
}

// formatting<T>: `takes_reveal` (whether "{:s}" means something) and `write(out, value, reveal)`.
template <class T, class = void>
struct formatting;

// Names and enums: their text.
template <class T>
struct formatting<T, std::void_t<decltype(std::declval<const T&>().str())>> {
  static constexpr bool takes_reveal = false;
  template <class Out>
  static Out write(Out out, const T& value, bool /*reveal*/) {
    return write_text(out, value.str());
  }
};
template <class T>
struct formatting<T, std::enable_if_t<std::is_enum_v<T>>> {
  static constexpr bool takes_reveal = false;
  template <class Out>
  static Out write(Out out, T value, bool /*reveal*/) {
    return write_text(out, rsconn::to_string(value));
  }
};

template <>
struct formatting<rsconn::port> {
  static constexpr bool takes_reveal = false;
  template <class Out>
  static Out write(Out out, rsconn::port value, bool /*reveal*/) {
    return write_decimal(out, value.number());
  }
};

// "CODE at OFFSET: MESSAGE", what an error and a diagnostic both say.
template <class Out>
Out write_located(Out out, rsconn::errc code, std::size_t offset, std::string_view message) {
  out = write_text(out, rsconn::to_string(code));
  out = write_text(out, " at ");
  out = write_decimal(out, offset);
  out = write_text(out, ": ");
  return write_text(out, message);
}

// "invalid_port at 23: the port must be a whole number from 1 to 65535"
template <>
struct formatting<rsconn::error> {
  static constexpr bool takes_reveal = false;
  template <class Out>
  static Out write(Out out, const rsconn::error& e, bool /*reveal*/) {
    return write_located(out, e.code, e.offset, e.message());
  }
};

// "error invalid_port at 23: port 0 is not a TCP port (1-65535)". Diagnostic messages never
// quote secret values, so there is nothing to redact here.
template <>
struct formatting<rsconn::diagnostic> {
  static constexpr bool takes_reveal = false;
  template <class Out>
  static Out write(Out out, const rsconn::diagnostic& d, bool /*reveal*/) {
    out = write_text(out, rsconn::to_string(d.severity));
    out = write_text(out, " ");
    return write_located(out, d.code, d.offset, d.message);
  }
};

// "key=value", the value *** when the key is a secret's (unless "{:s}").
template <>
struct formatting<rsconn::property> {
  static constexpr bool takes_reveal = true;
  template <class Out>
  static Out write(Out out, const rsconn::property& p, bool reveal) {
    out = write_text(out, p.key);
    out = write_text(out, "=");
    return write_text(out, p.secret() && !reveal ? rsconn::redacted : std::string_view(p.value));
  }
};

// The connection as a JDBC URL (its own style); when no JDBC URL can carry it, a description:
// "serverless connection h:5439 workgroup=wg region=us-east-1 database=dev".
template <>
struct formatting<rsconn::connection> {
  static constexpr bool takes_reveal = true;
  template <class Out>
  static Out write(Out out, const rsconn::connection& c, bool reveal) {
    rsconn::jdbc_options options;
    options.reveal_secrets = reveal;
    if (auto url = rsconn::to_jdbc(c, options)) return write_text(out, *url);
    out = write_text(out, rsconn::to_string(c.target));
    out = write_text(out, " connection");
    for (const rsconn::address& a : c.hosts) {
      out = write_text(out, " ");
      out = write_text(out, a.host);
      out = write_text(out, ":");
      out = write_decimal(out, a.port);
    }
    auto field = [&out](std::string_view label, const std::optional<std::string>& value) {
      if (!value) return;
      out = write_text(out, label);
      out = write_text(out, *value);
    };
    field(" workgroup=", c.workgroup);
    field(" cluster=", c.cluster_id);
    field(" region=", c.region);
    field(" database=", c.database);
    return out;
  }
};

}  // namespace rsconn::detail
