// Google Benchmark: every row of every form in one run, each row's time per string and its
// ratio to its form's minimal splitter printed at the end, one table per form. Run with
//   bench_parse --benchmark_enable_random_interleaving=true --benchmark_repetitions=5
// to interleave the rows. A self-check first proves the baselines read the same fields.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <string>

#include <unistd.h>

#include "registry.hpp"

namespace {

void run_row(benchmark::State& state, bench::row r) {
  for (auto _ : state) benchmark::DoNotOptimize(bench::run_once(r));
  state.SetItemsProcessed(state.iterations() * static_cast<benchmark::IterationCount>(bench::corpus_size(r.f)));
}

// Prints as usual, then, per form, a table of CPU ns per string and the ratio to that form's
// splitter (the median when repetitions are used, else the last run of each row).
class ratio_reporter : public benchmark::ConsoleReporter {
 public:
  ratio_reporter()
      : ConsoleReporter(isatty(fileno(stdout)) ? OO_Defaults : OO_Tabular) {
    for (const bench::row& r : bench::all_rows()) rows_.emplace(bench::name(r), r);
  }
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      if (run.error_occurred) continue;
      bool aggregate = run.run_type == Run::RT_Aggregate;
      if (aggregate && run.aggregate_name != "median") continue;
      std::string name = run.run_name.function_name;
      auto known = rows_.find(name);
      if (known == rows_.end()) continue;
      if (!aggregate && medians_.count(name)) continue;
      double per_string = run.GetAdjustedCPUTime() / static_cast<double>(bench::corpus_size(known->second.f));
      if (aggregate) medians_[name] = per_string;
      else ns_[name] = per_string;
    }
  }
  void Finalize() override {
    ConsoleReporter::Finalize();
    for (const auto& [name, ns] : medians_) ns_[name] = ns;
    for (bench::form f : bench::all_forms) {
      auto base = ns_.find(bench::name(bench::row{f, bench::kind::splitter}));
      if (base == ns_.end() || base->second <= 0) continue;
      std::printf("\n%s (%zu strings)\n%-46s %14s %12s\n", bench::name(f), bench::corpus_size(f), "row",
                  "ns/string", "x splitter");
      for (const bench::row& r : bench::all_rows()) {
        if (r.f != f) continue;
        auto it = ns_.find(bench::name(r));
        if (it == ns_.end()) continue;
        std::printf("%-46s %14.1f %12.2f\n", it->first.c_str(), it->second, it->second / base->second);
      }
    }
    std::fflush(stdout);
  }

 private:
  std::map<std::string, bench::row> rows_;
  std::map<std::string, double> ns_;
  std::map<std::string, double> medians_;
};

}  // namespace

int main(int argc, char** argv) {
  bench::self_check();
  for (const bench::row& r : bench::all_rows()) benchmark::RegisterBenchmark(bench::name(r), run_row, r);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  ratio_reporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
