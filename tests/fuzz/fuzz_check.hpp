// Shared helpers for the fuzz harnesses: an oracle check that stops the run (libFuzzer keeps
// the input as a crash) and says which oracle failed, plus the view-inside-input test.
#pragma once

#include <cstddef>
#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <string_view>

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

}  // namespace rsconn_fuzz
