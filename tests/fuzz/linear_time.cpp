// Work on large inputs, for the linear-time requirement (scripts/ci/25-linear-time.sh).
//
//   rsconn_linear_time --check               inputs over max_input_length are refused with
//                                            errc::input_too_long by every parser, and every
//                                            shape below runs at 64 KiB
//   rsconn_linear_time --measure SHAPE N...  under callgrind: for each size N, builds the
//                                            input, then counts only the work on it (zeroes
//                                            the counters before, dumps them after, named
//                                            "SHAPE N")
//
// The work for every shape is what a user of the CLI gets: rsconn::parse (detection, parsing,
// the owning model), validate, and formatting; host shapes also go through classify_host and
// driver_reading.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "rsconn/detect.hpp"
#include "rsconn/endpoint.hpp"
#include "rsconn/fmt.hpp"
#include "rsconn/host.hpp"
#include "rsconn/jdbc.hpp"
#include "rsconn/validate.hpp"

#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#define RSCONN_HAVE_CALLGRIND 1
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wpedantic"
#endif
#include <valgrind/callgrind.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
#endif
#endif

namespace {

struct shape {
  const char* name;
  std::string (*make)(std::size_t size);
};

// Deterministic pseudo-random bytes (a 64-bit LCG), the same on every run.
std::string random_bytes(std::size_t size, std::string_view alphabet) {
  std::string out(size, '\0');
  std::uint64_t state = 0x9E3779B97F4A7C15u;
  for (char& c : out) {
    state = state * 6364136223846793005u + 1442695040888963407u;
    auto r = static_cast<std::size_t>(state >> 33);
    c = alphabet.empty() ? static_cast<char>(r & 0xFF) : alphabet[r % alphabet.size()];
  }
  return out;
}

std::string repeat(std::string_view unit, std::size_t size) {
  std::string out;
  out.reserve(size + unit.size());
  while (out.size() < size) out += unit;
  out.resize(size);
  return out;
}

constexpr std::string_view args_prefix = "jdbc:redshift://h/d?";
constexpr std::string_view serverless_tail = ".123456789012.us-east-1.redshift-serverless.amazonaws.com";

std::string with_prefix(std::string_view prefix, std::string body, std::size_t size) {
  body.resize(size > prefix.size() ? size - prefix.size() : 0);
  return std::string(prefix) + body;
}

const shape shapes[] = {
    {"random-bytes",  // every byte but '%', so that no malformed escape stops the parse early
     [](std::size_t n) {
       std::string bytes = random_bytes(n, {});
       for (char& c : bytes)
         if (c == '%') c = '+';
       return with_prefix(args_prefix, bytes, n);
     }},
    {"random-args",  // keys, values, separators and valid escapes: many properties, duplicates
     [](std::size_t n) { return with_prefix(args_prefix, random_bytes(n, "ab=&;+%2B?#pwd"), n); }},
    {"percent", [](std::size_t n) { return with_prefix(args_prefix, repeat("%", n), n); }},
    {"escapes", [](std::size_t n) { return with_prefix(args_prefix, "password=" + repeat("%2B%E2%82%AC", n), n); }},
    {"semicolons", [](std::size_t n) { return with_prefix("jdbc:redshift://h/d;", repeat(";", n), n); }},
    {"ampersands", [](std::size_t n) { return with_prefix(args_prefix, repeat("&", n), n); }},
    {"duplicates", [](std::size_t n) { return with_prefix(args_prefix, repeat("ssl=x&", n), n); }},
    {"duplicates-long-last",  // many duplicates, then one long value the messages might quote
     [](std::size_t n) { return std::string(args_prefix) + repeat("ssl=&", n / 2) + "&ssl=" + repeat("v", n / 2); }},
    {"distinct-keys",
     [](std::size_t n) {
       std::string out(args_prefix);
       for (std::size_t i = 0; out.size() < n; ++i) out += "k" + std::to_string(i) + "=v&";
       return out;
     }},
    {"long-label", [](std::size_t n) { return "jdbc:redshift://" + repeat("a", n) + std::string(serverless_tail) + ":5439/dev"; }},
    {"many-labels", [](std::size_t n) { return "jdbc:redshift://" + repeat("a.", n) + "us-east-1.redshift.amazonaws.com/dev"; }},
    {"many-commas", [](std::size_t n) { return "jdbc:redshift://" + repeat("h:5439,", n) + "h/dev"; }},
    {"only-commas", [](std::size_t n) { return "jdbc:redshift://" + repeat(",", n) + "h/dev"; }},
    {"iam-long", [](std::size_t n) { return "jdbc:redshift:iam://" + repeat("c", n) + ":us-east-1/dev;" + repeat("x=1;", n); }},
    {"endpoint-long-db", [](std::size_t n) { return "h.example.com:5439/" + repeat("d", n); }},
    {"host-redshift-runs", [](std::size_t n) { return repeat("redshift.", n) + "amazonaws.com"; }},
    {"host-serverless-runs", [](std::size_t n) { return repeat("x.redshift-serverless", n) + ".amazonaws.co"; }},
    {"host-dots", [](std::size_t n) { return repeat(".", n) + "redshift.amazonaws.com"; }},
    {"host-labels", [](std::size_t n) { return repeat("ab.", n) + "redshift-serverless.amazonaws.com.cn"; }},
};

// What the CLI does with a string; returns something so that nothing is optimised away.
std::size_t work(const std::string& input) {
  std::size_t sink = 0;
  rsconn::host_parts parts = rsconn::classify_host(input);
  rsconn::driver_host_reading reading = rsconn::driver_reading(input);
  sink += parts.region.size() + reading.first.size();
  if (auto c = rsconn::parse(input)) {
    for (const rsconn::diagnostic& d : rsconn::validate(*c)) sink += d.message.size();
    sink += fmt::format("{}", *c).size();
  } else {
    sink += c.error().offset;
  }
  return sink;
}

const shape* find_shape(std::string_view name) {
  for (const shape& s : shapes)
    if (name == s.name) return &s;
  return nullptr;
}

int check() {
  int failures = 0;
  std::string huge = "jdbc:redshift://h/d?" + std::string(rsconn::max_input_length, 'a');
  auto expect_too_long = [&](const char* what, rsconn::errc code) {
    if (code != rsconn::errc::input_too_long) {
      std::fprintf(stderr, "%s: an input over max_input_length gives %s, not input_too_long\n", what,
                   std::string(rsconn::to_string(code)).c_str());
      ++failures;
    }
  };
  auto code_of = [](const auto& r) { return r ? rsconn::errc::empty_input : r.error().code; };
  expect_too_long("parse_jdbc", code_of(rsconn::parse_jdbc(huge)));
  expect_too_long("parse", code_of(rsconn::parse(huge)));
  std::string huge_host(rsconn::max_input_length + 1, 'a');
  expect_too_long("parse_host", code_of(rsconn::parse_host(huge_host)));
  expect_too_long("parse_endpoint", code_of(rsconn::parse_endpoint(huge_host)));
  expect_too_long("parse (host)", code_of(rsconn::parse(huge_host)));
  std::string huge_endpoint = "h:5439/" + std::string(rsconn::max_input_length, 'd');
  expect_too_long("parse (endpoint)", code_of(rsconn::parse(huge_endpoint)));
  // Exactly max_input_length is still read.
  std::string at_limit = huge.substr(0, rsconn::max_input_length);
  if (!rsconn::parse_jdbc(at_limit)) {
    std::fprintf(stderr, "parse_jdbc refuses an input of exactly max_input_length\n");
    ++failures;
  }
  std::size_t sink = 0;
  for (const shape& s : shapes) sink += work(s.make(std::size_t{64} << 10));
  std::printf("checked %zu shapes (%zu)\n", sizeof shapes / sizeof shapes[0], sink);
  return failures == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && std::strcmp(argv[1], "--check") == 0) return check();
  if (argc >= 2 && std::strcmp(argv[1], "--list") == 0) {
    for (const shape& s : shapes) std::printf("%s\n", s.name);
    return 0;
  }
  if (argc >= 4 && std::strcmp(argv[1], "--measure") == 0) {
    const shape* s = find_shape(argv[2]);
    if (!s) {
      std::fprintf(stderr, "unknown shape %s\n", argv[2]);
      return 2;
    }
    std::size_t sink = 0;
    for (int i = 3; i < argc; ++i) {
      std::string input = s->make(static_cast<std::size_t>(std::strtoull(argv[i], nullptr, 10)));
      std::string label = std::string(s->name) + " " + argv[i] + " " + std::to_string(input.size());
#ifdef RSCONN_HAVE_CALLGRIND
      CALLGRIND_ZERO_STATS;
#endif
      sink += work(input);
#ifdef RSCONN_HAVE_CALLGRIND
      CALLGRIND_DUMP_STATS_AT(label.c_str());
#endif
    }
    std::printf("%zu\n", sink);
    return 0;
  }
  std::fprintf(stderr, "usage: rsconn_linear_time --check | --list | --measure SHAPE SIZE...\n");
  return 2;
}
