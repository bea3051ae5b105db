// Google Benchmark: every row over the same corpus in one run, each row's time per string and
// its ratio to the minimal splitter printed at the end. Run with
//   bench_parse --benchmark_enable_random_interleaving=true --benchmark_repetitions=5
// to interleave the rows. A self-check first proves the baselines read the same fields.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <string>

#include <unistd.h>

#include "rows.hpp"

namespace {

void run_row(benchmark::State& state, bench::row r) {
  for (auto _ : state) benchmark::DoNotOptimize(bench::run_once(r));
  state.SetItemsProcessed(state.iterations() * static_cast<benchmark::IterationCount>(bench::corpus().size()));
}

// Prints as usual, then a table of CPU ns per string and the ratio to the splitter (the
// median when repetitions are used, else the last run of each row).
class ratio_reporter : public benchmark::ConsoleReporter {
 public:
  ratio_reporter()
      : ConsoleReporter(isatty(fileno(stdout)) ? OO_Defaults : OO_Tabular) {}
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      if (run.error_occurred) continue;
      bool aggregate = run.run_type == Run::RT_Aggregate;
      if (aggregate && run.aggregate_name != "median") continue;
      std::string row = run.run_name.function_name;
      if (!aggregate && medians_.count(row)) continue;
      double per_string = run.GetAdjustedCPUTime() / static_cast<double>(bench::corpus().size());
      if (aggregate) medians_[row] = per_string;
      else ns_[row] = per_string;
    }
  }
  void Finalize() override {
    ConsoleReporter::Finalize();
    for (const auto& [row, ns] : medians_) ns_[row] = ns;
    auto base = ns_.find(bench::name(bench::row::splitter));
    if (base == ns_.end() || base->second <= 0) return;
    std::printf("\n%-32s %14s %12s\n", "row", "ns/string", "x splitter");
    for (bench::row r : bench::all_rows) {
      auto it = ns_.find(bench::name(r));
      if (it == ns_.end()) continue;
      std::printf("%-32s %14.1f %12.2f\n", it->first.c_str(), it->second, it->second / base->second);
    }
    std::fflush(stdout);
  }

 private:
  std::map<std::string, double> ns_;
  std::map<std::string, double> medians_;
};

}  // namespace

int main(int argc, char** argv) {
  bench::self_check();
  for (bench::row r : bench::all_rows) benchmark::RegisterBenchmark(bench::name(r), run_row, r);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  ratio_reporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
