// rsconn works in code built with -fno-exceptions -fno-rtti: parse, validate and format.
#include <cstdio>
#include <string>

#include <fmt/core.h>

#include <rsconn/fmt.hpp>
#include <rsconn/rsconn.hpp>
#include <rsconn/std_format.hpp>

#if defined(__cpp_exceptions) || defined(__GXX_RTTI)
#error "build this file with -fno-exceptions -fno-rtti"
#endif

int main() {
  auto c = rsconn::parse("jdbc:redshift://noexc.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev"
                         "?password=secret");
  if (!c) return 1;
  auto bad = rsconn::parse_jdbc_connection("jdbc:redshift://host:notaport/dev");
  if (bad) return 2;
  std::string text = fmt::format("{}", *c);
  if (text.find("secret") != std::string::npos) return 3;
  auto diagnostics = rsconn::validate(*c);
  fmt::print("{}\n{} diagnostics\n", text, diagnostics.size());
#if defined(RSCONN_HAS_STD_FORMAT)
  if (std::format("{:s}", *c).find("secret") == std::string::npos) return 4;
#endif
  return 0;
}
