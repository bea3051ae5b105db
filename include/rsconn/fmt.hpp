// fmt::formatter specializations for rsconn's public types. Kept apart from the core headers
// so that including rsconn costs nothing of fmt unless you format; in CMake it is the
// rsconn::fmt target (README, "Using it in your project").
//
//   fmt::format("{}", connection)    the JDBC URL, secrets written as ***
//   fmt::format("{:s}", connection)  the same with secrets shown (ask for it explicitly)
//
// What each type prints is defined once, in rsconn/detail/formatting.hpp, for this header and
// rsconn/std_format.hpp alike.
#pragma once

#include <fmt/format.h>

#include "rsconn/detail/formatting.hpp"
#include "rsconn/validate.hpp"  // this header has always brought validate() with it

namespace rsconn::detail {

// A bad format spec is reported the way fmt reports its own: FMT_THROW(format_error), which
// fmt 9, 10 and 11 all define (parse_context::on_error is gone from fmt 10 on). In a
// compile-time checked format string it stops the compilation; at run time it throws
// fmt::format_error, or under -fno-exceptions goes to fmt's assertion handler (fmt 9 built
// with NDEBUG ignores it, and the formatter then stops at the spec it cannot read).
inline void report_format_spec_error(const char* message) { FMT_THROW(fmt::format_error(message)); }

template <class T>
struct fmt_formatter {
  bool reveal = false;

  constexpr auto parse(fmt::format_parse_context& ctx) -> decltype(ctx.begin()) {
    auto spec = parse_format_spec(ctx.begin(), ctx.end(), formatting<T>::takes_reveal);
    if (spec.error != nullptr) report_format_spec_error(spec.error);
    reveal = spec.reveal;
    return spec.end;
  }

  template <class FormatContext>
  auto format(const T& value, FormatContext& ctx) const -> decltype(ctx.out()) {
    return formatting<T>::write(ctx.out(), value, reveal);
  }
};

}  // namespace rsconn::detail

#define RSCONN_DETAIL_FMT_FORMATTER(type) \
  template <>                             \
  struct fmt::formatter<type> : rsconn::detail::fmt_formatter<type> {};
RSCONN_DETAIL_FORMATTED_TYPES(RSCONN_DETAIL_FMT_FORMATTER)
#undef RSCONN_DETAIL_FMT_FORMATTER
