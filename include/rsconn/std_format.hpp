// std::formatter specializations for rsconn's public types (C++20 <format>), mirroring
// rsconn/fmt.hpp:
//
//   std::format("{}", connection)    the JDBC URL, secrets written as ***
//   std::format("{:s}", connection)  the same with secrets shown (ask for it explicitly)
//
// Where the standard library has no <format> (libstdc++ before 13, or C++17), this header
// declares nothing and is harmless to include.
#pragma once

#if __has_include(<version>)
#include <version>  // defines __cpp_lib_format where the library has it
#endif

#if __has_include(<format>) && defined(__cpp_lib_format)

#include <algorithm>
#include <cstdlib>
#include <format>
#include <string_view>

#include "rsconn/connection.hpp"
#include "rsconn/error.hpp"
#include "rsconn/host.hpp"
#include "rsconn/jdbc.hpp"
#include "rsconn/names.hpp"
#include "rsconn/port.hpp"
#include "rsconn/properties.hpp"
#include "rsconn/validate.hpp"

#define RSCONN_HAS_STD_FORMAT 1

namespace rsconn::detail {

// A bad format spec: std::format_error at run time; with compile-time checked format strings
// (std::format's default) the call below is not a constant expression, so the bad spec does
// not compile. Without exceptions there is nothing better than stopping.
[[noreturn]] inline void std_format_spec_error(const char* what) {
#if defined(__cpp_exceptions)
  throw std::format_error(what);
#else
  (void)what;
  std::abort();
#endif
}

// Formats a type through its text; "{}" only, which keeps the output predictable.
struct std_plain_formatter {
  constexpr auto parse(std::format_parse_context& ctx) -> decltype(ctx.begin()) {
    auto it = ctx.begin();
    if (it != ctx.end() && *it != '}') std_format_spec_error("rsconn types take no format spec");
    return it;
  }
};

// "{}" redacts secrets; "{:s}" shows them.
struct std_secret_aware_formatter {
  bool reveal = false;
  constexpr auto parse(std::format_parse_context& ctx) -> decltype(ctx.begin()) {
    auto it = ctx.begin();
    if (it != ctx.end() && *it == 's') {
      reveal = true;
      ++it;
    }
    if (it != ctx.end() && *it != '}') std_format_spec_error("rsconn: the only format spec is 's' (show secrets)");
    return it;
  }
};

}  // namespace rsconn::detail

#define RSCONN_DETAIL_STD_TEXT_FORMATTER(type, expression)                              \
  template <>                                                                           \
  struct std::formatter<type, char> : rsconn::detail::std_plain_formatter {             \
    template <class FormatContext>                                                      \
    auto format(const type& value, FormatContext& ctx) const -> decltype(ctx.out()) {   \
      std::string_view text = (expression);                                             \
      return std::copy(text.begin(), text.end(), ctx.out());                            \
    }                                                                                   \
  };

RSCONN_DETAIL_STD_TEXT_FORMATTER(rsconn::workgroup_name, value.str())
RSCONN_DETAIL_STD_TEXT_FORMATTER(rsconn::account_id, value.str())
RSCONN_DETAIL_STD_TEXT_FORMATTER(rsconn::region, value.str())
RSCONN_DETAIL_STD_TEXT_FORMATTER(rsconn::cluster_id, value.str())
RSCONN_DETAIL_STD_TEXT_FORMATTER(rsconn::vpc_endpoint_name, value.str())
RSCONN_DETAIL_STD_TEXT_FORMATTER(rsconn::database_name, value.str())
RSCONN_DETAIL_STD_TEXT_FORMATTER(rsconn::partition, rsconn::to_string(value))
RSCONN_DETAIL_STD_TEXT_FORMATTER(rsconn::host_kind, rsconn::to_string(value))
RSCONN_DETAIL_STD_TEXT_FORMATTER(rsconn::target_kind, rsconn::to_string(value))
RSCONN_DETAIL_STD_TEXT_FORMATTER(rsconn::source_form, rsconn::to_string(value))
RSCONN_DETAIL_STD_TEXT_FORMATTER(rsconn::errc, rsconn::to_string(value))
RSCONN_DETAIL_STD_TEXT_FORMATTER(rsconn::severity, rsconn::to_string(value))
#undef RSCONN_DETAIL_STD_TEXT_FORMATTER

template <>
struct std::formatter<rsconn::port, char> : rsconn::detail::std_plain_formatter {
  template <class FormatContext>
  auto format(rsconn::port value, FormatContext& ctx) const -> decltype(ctx.out()) {
    return std::format_to(ctx.out(), "{}", value.number());
  }
};

// "invalid_port at 23: the port must be a whole number from 1 to 65535"
template <>
struct std::formatter<rsconn::error, char> : rsconn::detail::std_plain_formatter {
  template <class FormatContext>
  auto format(const rsconn::error& e, FormatContext& ctx) const -> decltype(ctx.out()) {
    return std::format_to(ctx.out(), "{} at {}: {}", rsconn::to_string(e.code), e.offset, e.message());
  }
};

// "error invalid_port at 23: port 0 is not a TCP port (1-65535)". Diagnostic messages never
// quote secret values, so there is nothing to redact here.
template <>
struct std::formatter<rsconn::diagnostic, char> : rsconn::detail::std_plain_formatter {
  template <class FormatContext>
  auto format(const rsconn::diagnostic& d, FormatContext& ctx) const -> decltype(ctx.out()) {
    return std::format_to(ctx.out(), "{} {} at {}: {}", rsconn::to_string(d.severity), rsconn::to_string(d.code),
                          d.offset, d.message);
  }
};

// "key=value", the value *** when the key is a secret's (unless "{:s}").
template <>
struct std::formatter<rsconn::property, char> : rsconn::detail::std_secret_aware_formatter {
  template <class FormatContext>
  auto format(const rsconn::property& p, FormatContext& ctx) const -> decltype(ctx.out()) {
    std::string_view value = p.secret() && !reveal ? rsconn::redacted : std::string_view(p.value);
    return std::format_to(ctx.out(), "{}={}", std::string_view(p.key), value);
  }
};

// The connection as a JDBC URL (its own style); when no JDBC URL can carry it, a description.
template <>
struct std::formatter<rsconn::connection, char> : rsconn::detail::std_secret_aware_formatter {
  template <class FormatContext>
  auto format(const rsconn::connection& c, FormatContext& ctx) const -> decltype(ctx.out()) {
    rsconn::jdbc_options options;
    options.reveal_secrets = reveal;
    if (auto url = rsconn::to_jdbc(c, options)) return std::copy(url->begin(), url->end(), ctx.out());
    auto out = std::format_to(ctx.out(), "{} connection", rsconn::to_string(c.target));
    for (const rsconn::address& a : c.hosts) out = std::format_to(out, " {}:{}", a.host, a.port);
    if (c.workgroup) out = std::format_to(out, " workgroup={}", *c.workgroup);
    if (c.cluster_id) out = std::format_to(out, " cluster={}", *c.cluster_id);
    if (c.region) out = std::format_to(out, " region={}", *c.region);
    if (c.database) out = std::format_to(out, " database={}", *c.database);
    return out;
  }
};

#endif  // __has_include(<format>) && defined(__cpp_lib_format)
