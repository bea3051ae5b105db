// The real libpq as the arbiter: what PQconninfoParse reads from a string, and whether
// rsconn's reading of the same string agrees with it. Used by the libpq unit and property tests.
#pragma once

#include <libpq-fe.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "rsconn/libpq.hpp"

namespace rsconn_test {

struct libpq_reading {
  bool ok = false;
  std::string error;
  std::map<std::string, std::string> values;  // keywords libpq set

  [[nodiscard]] std::optional<std::string> get(const std::string& key) const {
    auto it = values.find(key);
    if (it == values.end()) return std::nullopt;
    return it->second;
  }
};

inline libpq_reading libpq_parse(const std::string& text) {
  libpq_reading out;
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(text.c_str(), &error);
  if (!options) {
    out.error = error ? error : "out of memory";
    PQfreemem(error);
    return out;
  }
  out.ok = true;
  for (PQconninfoOption* o = options; o->keyword; ++o)
    if (o->val) out.values[o->keyword] = o->val;
  PQconninfoFree(options);
  return out;
}

// The last property of `c` with exactly this key.
inline std::optional<std::string> last_property(const rsconn::connection& c, std::string_view key) {
  std::optional<std::string> found;
  for (const rsconn::property& p : c.properties)
    if (p.key == key) found = p.value;
  return found;
}

inline std::string show(const std::optional<std::string>& v) { return v ? "\"" + *v + "\"" : "(none)"; }

// Empty when rsconn's reading of a parsed connection agrees with libpq's reading `lib`;
// otherwise what differs.
inline std::string compare_model(const rsconn::connection& c, const libpq_reading& lib) {
  rsconn::detail::libpq_lists lists;
  if (auto h = lib.get("host")) lists.host = *h, lists.has_host = true;
  if (auto a = lib.get("hostaddr")) lists.hostaddr = *a, lists.has_hostaddr = true;
  if (auto p = lib.get("port")) lists.port = *p, lists.has_port = true;
  auto hosts = rsconn::detail::pair_libpq_hosts(lists);
  if (hosts.size() != c.hosts.size()) return "host count differs";
  for (std::size_t i = 0; i < hosts.size(); ++i) {
    if (hosts[i].host != c.hosts[i].host)
      return "host " + std::to_string(i) + ": libpq " + hosts[i].host + ", rsconn " + c.hosts[i].host;
    if (hosts[i].port != c.hosts[i].port)
      return "port " + std::to_string(i) + ": libpq " + std::to_string(hosts[i].port) + ", rsconn " +
             std::to_string(c.hosts[i].port);
  }
  if (lib.get("dbname") != c.database)
    return "dbname: libpq " + show(lib.get("dbname")) + ", rsconn " + show(c.database);
  for (std::string_view keyword : rsconn::libpq_keywords) {
    std::string key(keyword);
    if (key == "host" || key == "port" || key == "dbname" || key == "sslmode" || key == "requiressl")
      continue;
    if (lib.get(key) != last_property(c, key))
      return key + ": libpq " + show(lib.get(key)) + ", rsconn " + show(last_property(c, key));
  }
  std::string mode(rsconn::detail::libpq_sslmode_of(c));
  if (lib.get("sslmode").value_or("") != mode)
    return "sslmode: libpq " + show(lib.get("sslmode")) + ", rsconn " + mode;
  return {};
}

// Empty when rsconn and libpq agree on `text`: both refuse it, or both read the same values.
inline std::string compare_with_libpq(const std::string& text) {
  libpq_reading lib = libpq_parse(text);
  auto c = rsconn::parse_libpq_connection(text);
  if (lib.ok != c.has_value())
    return lib.ok ? "rsconn refuses (" + std::string(c.error().message()) + " at " +
                        std::to_string(c.error().offset) + ") what libpq accepts"
                  : "rsconn accepts what libpq refuses: " + lib.error;
  if (!lib.ok) return {};
  return compare_model(*c, lib);
}

}  // namespace rsconn_test
