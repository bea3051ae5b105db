// What every benchmark row shares, whatever the form: the fields each row extracts, the checks
// the "parse + checks" rows make on them, the host-label splitting the baselines do, and the
// PQconninfoParse row. The rows are in rows.hpp (JDBC) and rows_*.hpp; forms.hpp lists them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include <libpq-fe.h>

#include <rsconn/rsconn.hpp>

namespace bench {

// What every row extracts. `ok` is false when a row cannot read the string at all.
struct fields {
  std::string_view host;
  std::uint32_t port = 0;
  std::string_view database;
  std::string_view workgroup;
  std::string_view account;
  std::string_view region;
  bool ok = false;
  bool acceptable = true;  // the parse + checks row's verdict; not compared between rows
};

inline bool operator==(const fields& a, const fields& b) {
  return a.ok == b.ok && a.host == b.host && a.port == b.port && a.database == b.database &&
         a.workgroup == b.workgroup && a.account == b.account && a.region == b.region;
}

// Something that depends on every extracted field, so that no part of a row's work can be
// optimised away as unused (the non-JDBC rows sink this; the JDBC rows keep their own sink).
inline std::size_t digest(const fields& f) {
  return f.host.size() + f.port + f.database.size() + f.workgroup.size() + f.account.size() + f.region.size() +
         static_cast<std::size_t>(f.ok) + static_cast<std::size_t>(f.acceptable);
}

inline std::uint32_t to_port(std::string_view digits) {
  std::uint32_t value = 0;
  for (char c : digits) value = value * 10 + static_cast<std::uint32_t>(c - '0');
  return value;
}

// The checks validate() makes on these fields, done on the view without building messages:
// name rules, a region whose partition matches the DNS suffix's, a port in the Serverless
// ranges, a database name. `host` is what rsconn's classify_host said about the host.
inline bool view_checks(const fields& f, rsconn::target_kind target, const rsconn::host_parts& host) {
  bool good = true;
  if (target == rsconn::target_kind::serverless) {
    if (!f.workgroup.empty()) good = good && rsconn::workgroup_name::make(f.workgroup).has_value();
    if (!f.account.empty()) good = good && rsconn::account_id::make(f.account).has_value();
    if (!f.host.empty()) {
      auto p = rsconn::port::make(f.port);
      good = good && p && p->in_serverless_range();
    }
  }
  if (!f.region.empty()) {
    auto r = rsconn::region::make(f.region);
    good = good && r && (host.dns_suffix.empty() || r->partition() == host.suffix_partition());
  }
  if (!f.database.empty()) good = good && rsconn::database_name::make(f.database).has_value();
  return good;
}

// The host-label splitting of the non-JDBC baselines: "<first>.<account>.<region>.<service>.
// amazonaws.com[.cn]" gives workgroup, account and region for redshift-serverless and the
// region alone for a provisioned cluster. A Redshift-managed VPC endpoint's first label,
// "<name>-endpoint-<20 characters>", names no workgroup. (The JDBC rows use split_labels in
// rows.hpp, which has no VPC endpoint in its corpus.)
inline void split_host_labels(std::string_view host, fields& f) {
  std::string_view label[4];
  std::size_t start = 0;
  for (std::string_view& l : label) {
    std::size_t dot = host.find('.', start);
    if (dot == std::string_view::npos) return;
    l = host.substr(start, dot - start);
    start = dot + 1;
  }
  std::string_view suffix = host.substr(start);
  if (suffix != "amazonaws.com" && suffix != "amazonaws.com.cn") return;
  if (label[3] == "redshift-serverless") {
    constexpr std::string_view marker = "-endpoint-";
    bool vpc_endpoint = label[0].size() > 30 && label[0].substr(label[0].size() - 30, marker.size()) == marker;
    if (!vpc_endpoint) f.workgroup = label[0];
    f.account = label[1];
    f.region = label[2];
  } else if (label[3] == "redshift") {
    f.region = label[2];
  }
}

// PQconninfoParse, then host, port and dbname from its options and the given label splitting.
// `use` sees the fields while libpq's strings are alive (before PQconninfoFree).
template <class Labels, class F>
void libpq_read(const char* conninfo, std::uint32_t default_port, Labels&& labels, F&& use) {
  fields f;
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(conninfo, &error);
  if (!options) {
    PQfreemem(error);
    use(f);
    return;
  }
  f.ok = true;
  f.port = default_port;
  for (PQconninfoOption* o = options; o->keyword; ++o) {
    if (!o->val) continue;
    std::string_view key(o->keyword);
    if (key == "host") f.host = o->val;
    else if (key == "port") f.port = to_port(o->val);
    else if (key == "dbname") f.database = o->val;
  }
  labels(f.host, f);
  use(f);
  PQconninfoFree(options);
}

// A regex capture as a view (empty when the group did not take part).
template <class Match>
std::string_view capture(const Match& m, std::size_t k) {
  return m[k].matched ? std::string_view(&*m[k].first, static_cast<std::size_t>(m[k].length())) : std::string_view{};
}

using view_match = std::match_results<std::string_view::const_iterator>;

// The labels of a host by one std::regex (ECMAScript, built once), for the rows whose regex
// reads key/value pairs (ODBC, libpq keywords): the same fields as split_host_labels.
inline const std::regex& host_label_pattern() {
  static const std::regex re(
      R"((?:[^.]+-endpoint-[a-z0-9]{20}|([^.]+))\.([^.]+)\.([^.]+)\.(redshift-serverless|redshift))"
      R"(\.amazonaws\.com(?:\.cn)?)",
      std::regex::ECMAScript | std::regex::optimize);
  return re;
}
inline void regex_host_labels(std::string_view host, fields& f) {
  view_match m;
  if (!std::regex_match(host.begin(), host.end(), m, host_label_pattern())) return;
  if (capture(m, 4) == "redshift-serverless") {
    f.workgroup = capture(m, 1);
    f.account = capture(m, 2);
  }
  f.region = capture(m, 3);
}

inline void print_fields(const char* label, const fields& f) {
  std::fprintf(stderr, "  %-8s ok=%d host=%.*s port=%u db=%.*s wg=%.*s acct=%.*s region=%.*s\n", label,
               static_cast<int>(f.ok), static_cast<int>(f.host.size()), f.host.data(), f.port,
               static_cast<int>(f.database.size()), f.database.data(), static_cast<int>(f.workgroup.size()),
               f.workgroup.data(), static_cast<int>(f.account.size()), f.account.data(),
               static_cast<int>(f.region.size()), f.region.data());
}

[[noreturn]] inline void disagreement(const char* who, std::string_view text, const fields& got,
                                      const fields& expected) {
  std::fprintf(stderr, "self-check: %s differs from rsconn on %.*s\n", who, static_cast<int>(text.size()),
               text.data());
  print_fields("got", got);
  print_fields("expected", expected);
  std::abort();
}

// One string of a non-JDBC corpus.
struct form_sample {
  std::string_view text;
  // Endpoint and ODBC: the equivalent libpq conninfo the PQconninfoParse row reads. The libpq
  // forms leave it empty: that row reads the string itself.
  std::string_view conninfo;
  bool valid;              // rsconn's parser accepts it
  bool acceptable = true;  // (valid strings) the parse + checks row finds nothing wrong
};

}  // namespace bench
