// A consumer of the single header (build/single_include/rsconn/rsconn.hpp) alone: no rsconn
// include folder on the path, only the generated file and tl-expected (and fmt when it defines
// RSCONN_WITH_FMT). Built by scripts/ci/30-consumers.sh with -Wall -Wextra -Werror and
// -fno-exceptions for C++17, 20 and 23; prints what tests/consumers/common/main.cpp prints.
#include <cstdio>
#include <string>

#include <rsconn/rsconn.hpp>

#if defined(__cpp_exceptions)
#error "build this file with -fno-exceptions"
#endif
#if !defined(RSCONN_WITH_FMT) && defined(FMT_VERSION)
#error "without RSCONN_WITH_FMT the single header must not include fmt"
#endif

int main() {
  const char* url =
      "jdbc:redshift://analytics.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev"
      "?user=admin&password=hunter2";
  auto c = rsconn::parse(url);
  if (!c) return 1;
  if (!c->workgroup || rsconn::has_errors(rsconn::validate(*c))) return 2;
  auto written = rsconn::to_jdbc(*c);
  if (!written) return 3;
#if defined(RSCONN_WITH_FMT)
  // The formatters the macro asked for: the same text as the writer's.
  if (fmt::format("{}", *c) != *written) return 4;
  fmt::print("workgroup={}\nurl={}\n", *rsconn::workgroup_name::make(*c->workgroup), *c);
#else
  std::printf("workgroup=%s\nurl=%s\n", c->workgroup->c_str(), written->c_str());
#endif
  return 0;
}
