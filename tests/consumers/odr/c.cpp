// A third translation unit that includes neither fmt nor <format> through rsconn: only the core
// and rsconn/std_format.hpp (which declares nothing where the standard library has no <format>).
// It writes through the formatting core directly, the definition both adapters share, into a
// std::string; a.cpp checks that fmt prints the same bytes.
#include <iterator>
#include <string>

#include <rsconn/detail/formatting.hpp>
#include <rsconn/rsconn.hpp>
#include <rsconn/std_format.hpp>

#if defined(FMT_VERSION)
#error "this translation unit must not see fmt"
#endif

std::string connection_from_c(const char* url);

std::string connection_from_c(const char* url) {
  auto c = rsconn::parse_jdbc_connection(url);
  if (!c) return {};
  std::string out;
  rsconn::detail::formatting<rsconn::connection>::write(std::back_inserter(out), *c, false);
#if defined(RSCONN_HAS_STD_FORMAT)
  if (std::format("{}", *c) != out) return "std::format disagrees with the formatting core";
#endif
  return out;
}
