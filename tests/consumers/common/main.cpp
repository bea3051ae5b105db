// A user's first program: parse a JDBC URL, print its workgroup and the URL (password redacted).
// Built by every consumer project in tests/consumers/ with -Werror and a strict warning set.
#include <cstdio>

#include <fmt/core.h>

#include <rsconn/fmt.hpp>
#include <rsconn/rsconn.hpp>

int main() {
  const char* url =
      "jdbc:redshift://analytics.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev"
      "?user=admin&password=hunter2";
  auto c = rsconn::parse_jdbc_connection(url);
  if (!c) {
    fmt::print(stderr, "{}\n", c.error());
    return 1;
  }
  if (!c->workgroup) return 2;
  auto workgroup = rsconn::workgroup_name::make(*c->workgroup);
  if (!workgroup) return 3;
  fmt::print("workgroup={}\n", *workgroup);
  fmt::print("url={}\n", *c);
  return 0;
}
