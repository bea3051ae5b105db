// Shared helpers for the fuzz harnesses: an oracle check that stops the run (libFuzzer keeps
// the input as a crash) and says which oracle failed, the view-inside-input test, and the
// oracles every harness shares (validate never throws and leaks no secret; redacted output reads
// back with *** for each secret).
#pragma once

#include <cstddef>
#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rsconn/connection.hpp"
#include "rsconn/validate.hpp"

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

// The value of the last property whose key is exactly `key` (case-sensitive, as libpq and rsql
// read keywords), or nothing.
inline std::optional<std::string> last(const rsconn::connection& c, std::string_view key) {
  std::optional<std::string> found;
  for (const rsconn::property& p : c.properties)
    if (p.key == key) found = p.value;
  return found;
}

// validate(c), which must not throw: any exception stops the run as an oracle violation.
inline std::vector<rsconn::diagnostic> validate_or_abort(const rsconn::connection& c) {
  try {
    return rsconn::validate(c);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "validate threw: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "validate threw\n");
  }
  std::abort();
}

// Every diagnostic points inside the input (`size` bytes), says something, and quotes none of
// `secrets` (messages quote the values they talk about, so a leak would show up "quoted"; the
// words of a message may themselves spell a short secret, which is no leak).
inline void check_diagnostics(const std::vector<rsconn::diagnostic>& diagnostics, std::size_t size,
                              const std::vector<std::string>& secrets) {
  for (const rsconn::diagnostic& d : diagnostics) {
    RSCONN_FUZZ_CHECK(d.offset <= size);
    RSCONN_FUZZ_CHECK(!d.message.empty());
    for (const std::string& secret : secrets)
      RSCONN_FUZZ_CHECK(d.message.find('"' + secret + '"') == std::string::npos);
  }
}

// validate(c) on a connection parsed from `size` bytes: it does not throw, and its diagnostics
// pass check_diagnostics with the secrets of `c`.
inline void check_validate(const rsconn::connection& c, std::size_t size) {
  check_diagnostics(validate_or_abort(c), size, secrets_to_hide(c));
}

// `hidden` (a formatter's redacted output read back) has the properties of `shown` (its output
// with secrets revealed, read back), key for key, with every secret value written as ***.
inline void check_redacted_reading(const rsconn::connection& hidden, const rsconn::connection& shown) {
  RSCONN_FUZZ_CHECK(hidden.properties.size() == shown.properties.size());
  for (std::size_t i = 0; i < hidden.properties.size(); ++i) {
    const rsconn::property& p = hidden.properties[i];
    RSCONN_FUZZ_CHECK(p.key == shown.properties[i].key);
    if (p.secret()) RSCONN_FUZZ_CHECK(p.value == rsconn::redacted);
    else RSCONN_FUZZ_CHECK(p.value == shown.properties[i].value);
  }
}

}  // namespace rsconn_fuzz
