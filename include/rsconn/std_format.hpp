// std::formatter specializations for rsconn's public types (C++20 <format>), the same as
// rsconn/fmt.hpp's: both are adapters over rsconn/detail/formatting.hpp, which defines what
// every type prints, so this header is right wherever that one is.
//
//   std::format("{}", connection)    the JDBC URL, secrets written as ***
//   std::format("{:s}", connection)  the same with secrets shown (ask for it explicitly)
//
// Where the standard library has no <format> (libstdc++ before 13, or C++17), this header
// declares nothing and is harmless to include. Debian 12's compilers have none, so rsconn's CI
// compiles this header but cannot run it (README, "Using it in your project").
#pragma once

#if __has_include(<version>)
#include <version>  // defines __cpp_lib_format where the library has it
#endif

#if __has_include(<format>) && defined(__cpp_lib_format)

#include <cstdlib>
#include <format>

#include "rsconn/detail/formatting.hpp"
#include "rsconn/validate.hpp"  // this header has always brought validate() with it

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

template <class T>
struct std_formatter {
  bool reveal = false;

  constexpr auto parse(std::format_parse_context& ctx) -> decltype(ctx.begin()) {
    auto spec = parse_format_spec(ctx.begin(), ctx.end(), formatting<T>::takes_reveal);
    if (spec.error != nullptr) std_format_spec_error(spec.error);
    reveal = spec.reveal;
    return spec.end;
  }

  template <class FormatContext>
  auto format(const T& value, FormatContext& ctx) const -> decltype(ctx.out()) {
    return formatting<T>::write(ctx.out(), value, reveal);
  }
};

}  // namespace rsconn::detail

#define RSCONN_DETAIL_STD_FORMATTER(type) \
  template <>                             \
  struct std::formatter<type, char> : rsconn::detail::std_formatter<type> {};
RSCONN_DETAIL_FORMATTED_TYPES(RSCONN_DETAIL_STD_FORMATTER)
#undef RSCONN_DETAIL_STD_FORMATTER

#endif  // __has_include(<format>) && defined(__cpp_lib_format)
