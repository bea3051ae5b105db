// Runs one row over its form's corpus N times for callgrind: `callgrind_driver ROW N`. Only the
// measured loop is collected (CALLGRIND_TOGGLE_COLLECT), after the self-check and a warm-up pass
// (regex compilation, libpq's first-call set-up), so start-up is excluded.
//   callgrind_driver self-check 0   runs the self-check only
//   callgrind_driver list 0         prints "FORM ROW" for every row, form by form
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <valgrind/callgrind.h>

#include "registry.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s ROW N   (ROW: self-check | list", argv[0]);
    for (const bench::row& r : bench::all_rows()) std::fprintf(stderr, " | %s", bench::name(r));
    std::fprintf(stderr, ")\n");
    return 2;
  }
  if (std::strcmp(argv[1], "list") == 0) {
    for (const bench::row& r : bench::all_rows()) std::printf("%s %s\n", bench::name(r.f), bench::name(r));
    return 0;
  }
  bench::self_check();
  if (std::strcmp(argv[1], "self-check") == 0) return 0;
  long n = std::atol(argv[2]);
  for (const bench::row& r : bench::all_rows()) {
    if (std::strcmp(argv[1], bench::name(r)) != 0) continue;
    std::size_t sink = bench::run_once(r);  // warm-up
    CALLGRIND_ZERO_STATS;
    CALLGRIND_TOGGLE_COLLECT;  // on (the script passes --collect-atstart=no)
    for (long i = 0; i < n; ++i) sink += bench::run_once(r);
    CALLGRIND_TOGGLE_COLLECT;  // off
    std::printf("%s %zu strings x %ld sink=%zu\n", bench::name(r), bench::corpus_size(r.f), n, sink);
    return 0;
  }
  std::fprintf(stderr, "unknown row %s\n", argv[1]);
  return 2;
}
