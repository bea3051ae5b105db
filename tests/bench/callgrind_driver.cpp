// Runs one row over the corpus N times for callgrind: `callgrind_driver ROW N`. Only the
// measured loop is collected (CALLGRIND_TOGGLE_COLLECT), after the self-check and a warm-up pass
// (regex compilation, libpq's first-call set-up), so start-up is excluded.
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <valgrind/callgrind.h>

#include "rows.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s ROW N   (ROW: self-check", argv[0]);
    for (bench::row r : bench::all_rows) std::fprintf(stderr, " | %s", bench::name(r));
    std::fprintf(stderr, ")\n");
    return 2;
  }
  bench::self_check();
  if (std::strcmp(argv[1], "self-check") == 0) return 0;
  long n = std::atol(argv[2]);
  for (bench::row r : bench::all_rows) {
    if (std::strcmp(argv[1], bench::name(r)) != 0) continue;
    std::size_t sink = bench::run_once(r);  // warm-up
    CALLGRIND_ZERO_STATS;
    CALLGRIND_TOGGLE_COLLECT;  // on (the script passes --collect-atstart=no)
    for (long i = 0; i < n; ++i) sink += bench::run_once(r);
    CALLGRIND_TOGGLE_COLLECT;  // off
    std::printf("%s %zu strings x %ld sink=%zu\n", bench::name(r), bench::corpus().size(), n, sink);
    return 0;
  }
  std::fprintf(stderr, "unknown row %s\n", argv[1]);
  return 2;
}
