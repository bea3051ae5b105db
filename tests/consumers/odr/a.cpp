// Translation units that include every rsconn header (and the formatters: a.cpp and b.cpp both,
// c.cpp without fmt), linked into one program: a non-inline definition in a header would be a
// duplicate symbol here, and the three must print the same.
#include <string>

#include <fmt/core.h>

#include <rsconn/fmt.hpp>
#include <rsconn/rsconn.hpp>
#include <rsconn/std_format.hpp>

std::string workgroup_from_b(const char* url);
std::string connection_from_c(const char* url);

int main() {
  const char* url = "jdbc:redshift://wg-a.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev";
  auto c = rsconn::parse_jdbc_connection(url);
  if (!c || !c->workgroup) return 1;
  std::string here = fmt::format("{}", *c->workgroup);
  std::string there = workgroup_from_b(url);
  if (here != there || here != "wg-a") return 2;
  if (fmt::format("{}", *c) != connection_from_c(url)) return 3;
  fmt::print("odr: {} {}\n", here, there);
  return 0;
}
