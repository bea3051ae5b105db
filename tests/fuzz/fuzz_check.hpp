// Shared helpers for the fuzz harnesses: an oracle check that stops the run (libFuzzer keeps
// the input as a crash) and says which oracle failed, plus the view-inside-input test.
#pragma once

#include <cstddef>
#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "rsconn/connection.hpp"

#define RSCONN_FUZZ_CHECK(condition)                                                        \
  do {                                                                                      \
    if (!(condition)) {                                                                     \
      std::fprintf(stderr, "%s:%d: oracle violated: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                         \
    }                                                                                       \
  } while (false)

namespace rsconn_fuzz {

// Whether `part` is empty or lies entirely inside `whole` (pointer comparison, as the views
// promise to refer into the caller's text).
inline bool inside(std::string_view whole, std::string_view part) noexcept {
  if (part.empty()) return true;
  auto begin = reinterpret_cast<std::uintptr_t>(whole.data());
  auto p = reinterpret_cast<std::uintptr_t>(part.data());
  return p >= begin && p + part.size() <= begin + whole.size();
}

// The secret property values of `c` that no output may show: those of at least 4 bytes that no
// non-secret part of the connection (a host, the database, a derived field, a key, a non-secret
// value) contains, since a message may quote those innocently.
inline std::vector<std::string> secrets_to_hide(const rsconn::connection& c) {
  std::vector<std::string> out;
  for (const rsconn::property& s : c.properties) {
    if (!s.secret() || s.value.size() < 4) continue;
    auto holds = [&s](const std::string& text) { return text.find(s.value) != std::string::npos; };
    bool innocent = false;
    for (const rsconn::address& a : c.hosts) innocent = innocent || holds(a.host);
    for (const auto* field : {&c.database, &c.workgroup, &c.account_id, &c.region, &c.cluster_id})
      innocent = innocent || (*field && holds(**field));
    for (const rsconn::property& p : c.properties) innocent = innocent || holds(p.key) || (!p.secret() && holds(p.value));
    if (!innocent) out.push_back(s.value);
  }
  return out;
}

}  // namespace rsconn_fuzz
