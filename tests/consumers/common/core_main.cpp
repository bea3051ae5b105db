// The same first program without fmt: rsconn::rsconn alone (tl-expected is its only dependency).
// It prints what common/main.cpp prints, so scripts/ci/30-consumers.sh checks both alike.
#include <cstdio>
#include <string>

#include <rsconn/rsconn.hpp>

#if defined(FMT_VERSION)
#error "the core headers must not include fmt"
#endif

int main() {
  const char* url =
      "jdbc:redshift://analytics.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev"
      "?user=admin&password=hunter2";
  auto c = rsconn::parse_jdbc_connection(url);
  if (!c) {
    std::fprintf(stderr, "%s\n", std::string(c.error().message()).c_str());
    return 1;
  }
  if (!c->workgroup) return 2;
  auto written = rsconn::to_jdbc(*c);  // secrets written as ***
  if (!written) return 3;
  std::printf("workgroup=%s\nurl=%s\n", c->workgroup->c_str(), written->c_str());
  return 0;
}
