// The JDBC corpus and the rows it is measured with: rsconn, and the baselines the issue compares
// against (a minimal one-pass splitter, std::regex, Boost.URL, libpq). The other forms are in
// rows_*.hpp; forms.hpp lists every row. Compiled with each program's main (registry.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include <boost/url/parse.hpp>
#include <libpq-fe.h>

#include <rsconn/rsconn.hpp>

#include "common.hpp"

namespace bench {

struct sample {
  std::string_view jdbc;
  std::string_view conninfo;  // the libpq equivalent (empty: libpq has no equivalent)
  bool valid;
  bool legacy;  // jdbc:redshift:iam://redshift-serverless-<wg>:<region>
};

// Realistic URLs: several workgroups and accounts, commercial, China and GovCloud regions,
// Serverless and custom ports, with and without a database, IAM and legacy IAM forms,
// properties after '?' and ';', a provisioned cluster, and a few invalid strings.
inline const std::vector<sample>& corpus() {
  static const std::vector<sample> c = {
      {"jdbc:redshift://default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev",
       "host=default.123456789012.us-east-1.redshift-serverless.amazonaws.com port=5439 dbname=dev", true, false},
      {"jdbc:redshift://analytics-wg.210987654321.eu-west-1.redshift-serverless.amazonaws.com:5440/sales?ssl=true&loginTimeout=30",
       "host=analytics-wg.210987654321.eu-west-1.redshift-serverless.amazonaws.com port=5440 dbname=sales sslmode=require connect_timeout=30", true, false},
      {"jdbc:redshift://etl.111122223333.cn-north-1.redshift-serverless.amazonaws.com.cn:8192/warehouse",
       "host=etl.111122223333.cn-north-1.redshift-serverless.amazonaws.com.cn port=8192 dbname=warehouse", true, false},
      {"jdbc:redshift://reporting.444455556666.us-gov-west-1.redshift-serverless.amazonaws.com:5439/dev;ssl=true;sslmode=verify-full",
       "host=reporting.444455556666.us-gov-west-1.redshift-serverless.amazonaws.com port=5439 dbname=dev sslmode=verify-full", true, false},
      {"jdbc:redshift:iam://default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev?DbUser=alice&AutoCreate=true",
       "host=default.123456789012.us-east-1.redshift-serverless.amazonaws.com port=5439 dbname=dev user=alice", true, false},
      {"jdbc:redshift:iam://ml-team.777788889999.ap-northeast-1.redshift-serverless.amazonaws.com/analytics",
       "host=ml-team.777788889999.ap-northeast-1.redshift-serverless.amazonaws.com dbname=analytics", true, false},
      {"jdbc:redshift:iam://finance.123456789012.eu-central-1.redshift-serverless.amazonaws.com:5455",
       "host=finance.123456789012.eu-central-1.redshift-serverless.amazonaws.com port=5455", true, false},
      {"jdbc:redshift://examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com:5439/dev?ApplicationName=etl%20job",
       "host=examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com port=5439 dbname=dev application_name='etl job'", true, false},
      {"jdbc:redshift:iam://redshift-serverless-default:us-west-2/dev", "", true, true},
      {"jdbc:redshift:iam://redshift-serverless-bi-wg:cn-northwest-1/sales?AutoCreate=true", "", true, true},
      {"jdbc:redshift://wg-03.555566667777.sa-east-1.redshift-serverless.amazonaws.com:8215/db_2024?user=etl&password=s%2Bcr3t",
       "host=wg-03.555566667777.sa-east-1.redshift-serverless.amazonaws.com port=8215 dbname=db_2024 user=etl password=s+cr3t", true, false},
      {"jdbc:redshift://localhost:5439/dev", "host=localhost port=5439 dbname=dev", true, false},
      // invalid: each row still reads them (a splitter cannot tell), rsconn refuses them
      {"jdbc:redshift://default.123456789012.us-east-1.redshift-serverless.amazonaws.com:99999/dev",
       "host=default.123456789012.us-east-1.redshift-serverless.amazonaws.com port=99999 dbname=dev", false, false},
      {"jdbc:redshift://default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439",
       "host=default.123456789012.us-east-1.redshift-serverless.amazonaws.com port=5439", false, false},
      {"jdbc:redshift://wg.123456789012.us-east-1.redshift-serverless.amazonaws.com/dev?x=%zz",
       "host=wg.123456789012.us-east-1.redshift-serverless.amazonaws.com dbname=dev x=%zz", false, false},
  };
  return c;
}

// Splits "a.b.c.<service>.amazonaws.com[.cn]" as every baseline does: workgroup, account and
// region for redshift-serverless; the region alone for a provisioned cluster.
inline void split_labels(std::string_view host, fields& f) {
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
    f.workgroup = label[0];
    f.account = label[1];
    f.region = label[2];
  } else if (label[3] == "redshift") {
    f.region = label[2];
  }
}

constexpr std::string_view legacy_prefix = "redshift-serverless-";

// ---- rsconn --------------------------------------------------------------------------------

inline fields from_view(const rsconn::jdbc_view& v) {
  fields f;
  f.ok = true;
  auto hosts = v.hosts();
  if (!hosts.empty()) {
    f.host = hosts.begin()->host;
    f.port = hosts.begin()->port;
  }
  f.database = v.database().raw();
  f.workgroup = v.effective().workgroup.raw();
  f.account = v.effective().account_id.raw();
  f.region = v.effective().region.raw();
  return f;
}

// parse_jdbc alone: the view, with the host classified and the effective fields resolved.
inline fields rsconn_view(std::string_view url) {
  auto v = rsconn::parse_jdbc(url);
  return v ? from_view(*v) : fields{};
}

// parse_jdbc plus the checks validate() makes on these fields, done on the view without
// building messages: name rules, a region that offers Serverless and matches the DNS
// suffix's partition, a port in the Serverless ranges, a database name.
inline fields rsconn_view_checked(std::string_view url) {
  auto v = rsconn::parse_jdbc(url);
  if (!v) return {};
  fields f = from_view(*v);
  bool good = true;
  if (v->target() == rsconn::target_kind::serverless) {
    if (!f.workgroup.empty()) good = good && rsconn::workgroup_name::make(f.workgroup).has_value();
    if (!f.account.empty()) good = good && rsconn::account_id::make(f.account).has_value();
    if (!f.host.empty()) {
      auto p = rsconn::port::make(f.port);
      good = good && p && p->in_serverless_range();
    }
  }
  if (!f.region.empty()) {
    auto r = rsconn::region::make(f.region);
    good = good && r && (v->host().dns_suffix.empty() || r->partition() == v->host().suffix_partition());
  }
  if (!f.database.empty()) good = good && rsconn::database_name::make(f.database).has_value();
  f.acceptable = good;
  return f;
}

// The owning path: to_connection + validate(), messages and all.
inline std::size_t rsconn_owning_validate(std::string_view url) {
  auto v = rsconn::parse_jdbc(url);
  if (!v) return 1;
  rsconn::connection c = rsconn::to_connection(*v);
  return rsconn::validate(c).size() + c.hosts.size();
}

// ---- the minimal splitter ------------------------------------------------------------------

// One pass, no validation: prefix, optional "iam:", "//", host up to ':' '/' '?' ';', digits,
// path up to '?' or ';'; then the labels.
inline fields splitter(std::string_view url) {
  fields f;
  constexpr std::string_view prefix = "jdbc:redshift:";
  if (url.substr(0, prefix.size()) != prefix) return f;
  std::size_t i = prefix.size();
  if (url.substr(i, 4) == "iam:") i += 4;
  if (url.substr(i, 2) != "//") return f;
  i += 2;
  std::size_t n = url.size();
  std::size_t host_start = i;
  while (i < n && url[i] != ':' && url[i] != '/' && url[i] != '?' && url[i] != ';') ++i;
  std::string_view host = url.substr(host_start, i - host_start);
  std::string_view port_text;
  if (i < n && url[i] == ':') {
    std::size_t port_start = ++i;
    while (i < n && url[i] != '/' && url[i] != '?' && url[i] != ';') ++i;
    port_text = url.substr(port_start, i - port_start);
  }
  if (i < n && url[i] == '/') {
    std::size_t db_start = ++i;
    while (i < n && url[i] != '?' && url[i] != ';') ++i;
    f.database = url.substr(db_start, i - db_start);
  }
  f.ok = true;
  if (host.substr(0, legacy_prefix.size()) == legacy_prefix && host.find('.') == std::string_view::npos) {
    f.workgroup = host.substr(legacy_prefix.size());
    f.region = port_text;
    return f;
  }
  f.host = host;
  f.port = port_text.empty() ? 5439 : to_port(port_text);
  split_labels(host, f);
  return f;
}

// ---- std::regex ----------------------------------------------------------------------------

inline const std::regex& jdbc_regex() {
  static const std::regex re(
      R"(^jdbc:redshift:(?:iam:)?//(?:redshift-serverless-([^:/?;.]+):([a-z]+(?:-[a-z]+)+-[0-9]+)|)"
      R"((([^.:/?;]+)\.([^.:/?;]+)\.([^.:/?;]+)\.(redshift-serverless|redshift)\.amazonaws\.com(?:\.cn)?|[^:/?;]+))"
      R"((?::([0-9]+))?)(?:/([^?;]*))?(?:[?;].*)?$)",
      std::regex::ECMAScript | std::regex::optimize);
  return re;
}

inline fields regex_row(std::string_view url) {
  fields f;
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_match(url.begin(), url.end(), m, jdbc_regex())) return f;
  auto group = [&](std::size_t k) {
    return m[k].matched ? std::string_view(&*m[k].first, static_cast<std::size_t>(m[k].length()))
                        : std::string_view{};
  };
  f.ok = true;
  f.database = group(9);
  if (m[1].matched) {
    f.workgroup = group(1);
    f.region = group(2);
    return f;
  }
  f.host = group(3);
  f.port = m[8].matched ? to_port(group(8)) : 5439;
  if (m[4].matched) {
    if (group(7) == "redshift-serverless") {
      f.workgroup = group(4);
      f.account = group(5);
    }
    f.region = group(6);
  }
  return f;
}

// ---- Boost.URL -----------------------------------------------------------------------------

// "//host:port/db?..." (a relative reference) or "iam://host:port/db?..." (a URI); ';'
// arguments stay in the path. The legacy "cluster:region" authority is not a URI: refused.
inline fields boost_url_row(std::string_view url) {
  fields f;
  constexpr std::string_view prefix = "jdbc:redshift:";
  if (url.substr(0, prefix.size()) != prefix) return f;
  auto u = boost::urls::parse_uri_reference(url.substr(prefix.size()));
  if (!u || !u->has_authority()) return f;
  if (u->has_scheme() && u->scheme() != "iam") return f;
  auto path = u->encoded_path();
  std::string_view p(path.data(), path.size());
  // After an authority, RFC 3986 allows only an empty path or one starting with '/'; Boost.URL
  // 1.81 reads "cluster:us-west-2/dev" as an empty port followed by "us-west-2/dev".
  if (!p.empty() && p.front() != '/') return f;
  f.ok = true;
  auto host = u->encoded_host();
  f.host = std::string_view(host.data(), host.size());
  f.port = u->has_port() ? u->port_number() : 5439;
  if (!p.empty()) p.remove_prefix(1);
  f.database = p.substr(0, p.find(';'));
  split_labels(f.host, f);
  return f;
}

// ---- libpq ---------------------------------------------------------------------------------

// `use` sees the fields while libpq's strings are alive (before PQconninfoFree).
template <class F>
void libpq_row(const char* conninfo, F&& use) {
  fields f;
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(conninfo, &error);
  if (!options) {
    PQfreemem(error);
    use(f);
    return;
  }
  f.ok = true;
  f.port = 5439;
  for (PQconninfoOption* o = options; o->keyword; ++o) {
    if (!o->val) continue;
    std::string_view key(o->keyword);
    if (key == "host") f.host = o->val;
    else if (key == "port") f.port = to_port(o->val);
    else if (key == "dbname") f.database = o->val;
  }
  split_labels(f.host, f);
  use(f);
  PQconninfoFree(options);
}

// Holds NUL-terminated copies of the conninfo strings (libpq takes const char*).
inline const std::vector<std::string>& conninfos() {
  static const std::vector<std::string> c = [] {
    std::vector<std::string> out;
    for (const sample& s : corpus()) out.emplace_back(s.conninfo.empty() ? std::string_view("host=") : s.conninfo);
    return out;
  }();
  return c;
}

}  // namespace bench
