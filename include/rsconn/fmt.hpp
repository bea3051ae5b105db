// fmt::formatter specializations for rsconn's public types. Kept apart from the core headers
// so that including rsconn costs nothing of fmt unless you format.
//
//   fmt::format("{}", connection)    the JDBC URL, secrets written as ***
//   fmt::format("{:s}", connection)  the same with secrets shown (ask for it explicitly)
#pragma once

#include <string_view>

#include <fmt/format.h>

#include "rsconn/connection.hpp"
#include "rsconn/error.hpp"
#include "rsconn/host.hpp"
#include "rsconn/jdbc.hpp"
#include "rsconn/names.hpp"
#include "rsconn/port.hpp"
#include "rsconn/properties.hpp"
#include "rsconn/validate.hpp"

namespace rsconn::detail {

// A bad format spec is reported the way fmt reports its own: FMT_THROW(format_error), which
// fmt 9, 10 and 11 all define (parse_context::on_error is gone from fmt 10 on). In a
// compile-time checked format string it stops the compilation; at run time it throws
// fmt::format_error, or under -fno-exceptions goes to fmt's assertion handler (fmt 9 built
// with NDEBUG ignores it, and the formatter then stops at the spec it cannot read).
inline void report_format_spec_error(const char* message) { FMT_THROW(fmt::format_error(message)); }

// Formats a type through its text; "{}" only, which keeps the output predictable.
struct plain_formatter {
  constexpr auto parse(fmt::format_parse_context& ctx) -> decltype(ctx.begin()) {
    auto it = ctx.begin();
    if (it != ctx.end() && *it != '}') report_format_spec_error("rsconn types take no format spec");
    return it;
  }
};

// "{}" redacts secrets; "{:s}" shows them.
struct secret_aware_formatter {
  bool reveal = false;
  constexpr auto parse(fmt::format_parse_context& ctx) -> decltype(ctx.begin()) {
    auto it = ctx.begin();
    if (it != ctx.end() && *it == 's') {
      reveal = true;
      ++it;
    }
    if (it != ctx.end() && *it != '}') report_format_spec_error("rsconn: the only format spec is 's' (show secrets)");
    return it;
  }
};

}  // namespace rsconn::detail

#define RSCONN_DETAIL_TEXT_FORMATTER(type, expression)                                  \
  template <>                                                                           \
  struct fmt::formatter<type> : rsconn::detail::plain_formatter {                       \
    template <class FormatContext>                                                      \
    auto format(const type& value, FormatContext& ctx) const -> decltype(ctx.out()) {   \
      std::string_view text = (expression);                                             \
      return std::copy(text.begin(), text.end(), ctx.out());                            \
    }                                                                                   \
  };

RSCONN_DETAIL_TEXT_FORMATTER(rsconn::workgroup_name, value.str())
RSCONN_DETAIL_TEXT_FORMATTER(rsconn::account_id, value.str())
RSCONN_DETAIL_TEXT_FORMATTER(rsconn::region, value.str())
RSCONN_DETAIL_TEXT_FORMATTER(rsconn::cluster_id, value.str())
RSCONN_DETAIL_TEXT_FORMATTER(rsconn::vpc_endpoint_name, value.str())
RSCONN_DETAIL_TEXT_FORMATTER(rsconn::database_name, value.str())
RSCONN_DETAIL_TEXT_FORMATTER(rsconn::partition, rsconn::to_string(value))
RSCONN_DETAIL_TEXT_FORMATTER(rsconn::host_kind, rsconn::to_string(value))
RSCONN_DETAIL_TEXT_FORMATTER(rsconn::target_kind, rsconn::to_string(value))
RSCONN_DETAIL_TEXT_FORMATTER(rsconn::source_form, rsconn::to_string(value))
RSCONN_DETAIL_TEXT_FORMATTER(rsconn::errc, rsconn::to_string(value))
RSCONN_DETAIL_TEXT_FORMATTER(rsconn::severity, rsconn::to_string(value))
#undef RSCONN_DETAIL_TEXT_FORMATTER

template <>
struct fmt::formatter<rsconn::port> : rsconn::detail::plain_formatter {
  template <class FormatContext>
  auto format(rsconn::port value, FormatContext& ctx) const -> decltype(ctx.out()) {
    return fmt::format_to(ctx.out(), "{}", value.number());
  }
};

// "invalid_port at 23: the port must be a whole number from 1 to 65535"
template <>
struct fmt::formatter<rsconn::error> : rsconn::detail::plain_formatter {
  template <class FormatContext>
  auto format(const rsconn::error& e, FormatContext& ctx) const -> decltype(ctx.out()) {
    return fmt::format_to(ctx.out(), "{} at {}: {}", rsconn::to_string(e.code), e.offset, e.message());
  }
};

// "error invalid_port at 23: port 0 is not a TCP port (1-65535)". Diagnostic messages never
// quote secret values, so there is nothing to redact here.
template <>
struct fmt::formatter<rsconn::diagnostic> : rsconn::detail::plain_formatter {
  template <class FormatContext>
  auto format(const rsconn::diagnostic& d, FormatContext& ctx) const -> decltype(ctx.out()) {
    return fmt::format_to(ctx.out(), "{} {} at {}: {}", rsconn::to_string(d.severity), rsconn::to_string(d.code),
                          d.offset, d.message);
  }
};

// "key=value", the value *** when the key is a secret's (unless "{:s}").
template <>
struct fmt::formatter<rsconn::property> : rsconn::detail::secret_aware_formatter {
  template <class FormatContext>
  auto format(const rsconn::property& p, FormatContext& ctx) const -> decltype(ctx.out()) {
    std::string_view value = p.secret() && !reveal ? rsconn::redacted : std::string_view(p.value);
    return fmt::format_to(ctx.out(), "{}={}", p.key, value);
  }
};

// The connection as a JDBC URL (its own style); when no JDBC URL can carry it, a description.
template <>
struct fmt::formatter<rsconn::connection> : rsconn::detail::secret_aware_formatter {
  template <class FormatContext>
  auto format(const rsconn::connection& c, FormatContext& ctx) const -> decltype(ctx.out()) {
    rsconn::jdbc_options options;
    options.reveal_secrets = reveal;
    if (auto url = rsconn::to_jdbc(c, options)) return std::copy(url->begin(), url->end(), ctx.out());
    auto out = fmt::format_to(ctx.out(), "{} connection", rsconn::to_string(c.target));
    for (const rsconn::address& a : c.hosts) out = fmt::format_to(out, " {}:{}", a.host, a.port);
    if (c.workgroup) out = fmt::format_to(out, " workgroup={}", *c.workgroup);
    if (c.cluster_id) out = fmt::format_to(out, " cluster={}", *c.cluster_id);
    if (c.region) out = fmt::format_to(out, " region={}", *c.region);
    if (c.database) out = fmt::format_to(out, " database={}", *c.database);
    return out;
  }
};
