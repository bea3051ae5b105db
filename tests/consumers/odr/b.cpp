#include <string>

#include <rsconn/fmt.hpp>
#include <rsconn/rsconn.hpp>
#include <rsconn/std_format.hpp>

std::string workgroup_from_b(const char* url);

std::string workgroup_from_b(const char* url) {
  auto c = rsconn::parse_jdbc_connection(url);
  if (!c || !c->workgroup) return {};
  auto wg = rsconn::workgroup_name::make(*c->workgroup);
  return wg ? fmt::format("{}", *wg) : std::string();
}
