// The endpoint form, HOST[:PORT][/DATABASE] (the console's "Endpoint", and a bare host name):
// its corpus and its rows. Compiled in form_endpoint.cpp; listed in forms.hpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <boost/url/parse.hpp>

#include "common.hpp"

namespace bench {

struct endpoint_form {
  static constexpr bool has_boost = true;
  static constexpr std::uint32_t default_port = 5439;  // rsconn's (Redshift's) when none is written

  // Endpoints as the console and the docs show them: Serverless workgroups in several regions
  // (China and GovCloud included), ports in both Serverless ranges, with and without a port or
  // a database, bare hosts, a Serverless VPC endpoint, provisioned clusters, an IP address, a
  // tunnel on localhost. Two parse but fail the checks; three are refused.
  static const std::vector<form_sample>& corpus() {
    static const std::vector<form_sample> c = {
        {"default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev",
         "host=default.123456789012.us-east-1.redshift-serverless.amazonaws.com port=5439 dbname=dev", true},
        {"analytics-wg.210987654321.eu-west-1.redshift-serverless.amazonaws.com:5440/sales",
         "host=analytics-wg.210987654321.eu-west-1.redshift-serverless.amazonaws.com port=5440 dbname=sales", true},
        {"etl.111122223333.cn-north-1.redshift-serverless.amazonaws.com.cn:8192/warehouse",
         "host=etl.111122223333.cn-north-1.redshift-serverless.amazonaws.com.cn port=8192 dbname=warehouse", true},
        {"reporting.444455556666.us-gov-west-1.redshift-serverless.amazonaws.com:5439/dev",
         "host=reporting.444455556666.us-gov-west-1.redshift-serverless.amazonaws.com port=5439 dbname=dev", true},
        {"ml-team.777788889999.ap-northeast-1.redshift-serverless.amazonaws.com",
         "host=ml-team.777788889999.ap-northeast-1.redshift-serverless.amazonaws.com", true},
        {"finance.123456789012.eu-central-1.redshift-serverless.amazonaws.com:5455",
         "host=finance.123456789012.eu-central-1.redshift-serverless.amazonaws.com port=5455", true},
        {"wg-03.555566667777.sa-east-1.redshift-serverless.amazonaws.com:8215/db_2024",
         "host=wg-03.555566667777.sa-east-1.redshift-serverless.amazonaws.com port=8215 dbname=db_2024", true},
        {"bi-endpoint-a1b2c3d4e5f6g7h8i9j0.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev",
         "host=bi-endpoint-a1b2c3d4e5f6g7h8i9j0.123456789012.us-east-1.redshift-serverless.amazonaws.com port=5439 "
         "dbname=dev",
         true},
        {"examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com:5439/dev",
         "host=examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com port=5439 dbname=dev", true},
        {"etl-cluster.c7xyzabc1234.cn-northwest-1.redshift.amazonaws.com.cn:5439/analytics",
         "host=etl-cluster.c7xyzabc1234.cn-northwest-1.redshift.amazonaws.com.cn port=5439 dbname=analytics", true},
        {"10.0.12.34:5439/dev", "host=10.0.12.34 port=5439 dbname=dev", true},
        {"localhost:5439/dev", "host=localhost port=5439 dbname=dev", true},
        // parse, but the checks refuse them: a port outside the Serverless ranges; a China
        // region under the commercial DNS suffix
        {"default.123456789012.us-east-1.redshift-serverless.amazonaws.com:6543/dev",
         "host=default.123456789012.us-east-1.redshift-serverless.amazonaws.com port=6543 dbname=dev", true, false},
        {"etl.111122223333.cn-north-1.redshift-serverless.amazonaws.com:5439/dev",
         "host=etl.111122223333.cn-north-1.redshift-serverless.amazonaws.com port=5439 dbname=dev", true, false},
        // refused: port 99999; a JDBC URL pasted as an endpoint; a second ':'
        {"default.123456789012.us-east-1.redshift-serverless.amazonaws.com:99999/dev",
         "host=default.123456789012.us-east-1.redshift-serverless.amazonaws.com port=99999 dbname=dev", false},
        {"jdbc:redshift://default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev",
         "host=jdbc port=redshift dbname=dev", false},
        {"default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439:dev",
         "host=default.123456789012.us-east-1.redshift-serverless.amazonaws.com port=5439:dev", false},
    };
    return c;
  }

  static std::string_view libpq_input(const form_sample& s) { return s.conninfo; }
  // Boost.URL cannot read "host:5439/dev" as the authority it is: as a URI reference that is
  // scheme "host". The Boost.URL row reads a "//"-prefixed copy (a relative reference with
  // an authority), made once before measuring, as the libpq row's conninfo is.
  static std::string boost_input(const form_sample& s) { return "//" + std::string(s.text); }

  // ---- rsconn ----

  static fields from_view(const rsconn::endpoint_view& v) {
    fields f;
    f.ok = true;
    f.host = v.host;
    f.port = v.port.number();
    f.database = v.database;
    f.workgroup = v.effective.workgroup.raw();
    f.account = v.effective.account_id.raw();
    f.region = v.effective.region.raw();
    return f;
  }
  // parse_endpoint: the view, the host classified and the effective fields resolved.
  static fields view(std::string_view text) {
    auto v = rsconn::parse_endpoint(text);
    return v ? from_view(*v) : fields{};
  }
  static fields view_checked(std::string_view text) {
    auto v = rsconn::parse_endpoint(text);
    if (!v) return {};
    fields f = from_view(*v);
    f.acceptable = view_checks(f, v->effective.target, v->parts);
    return f;
  }
  static std::size_t owning(std::string_view text) {
    auto c = rsconn::parse_endpoint_connection(text);
    if (!c) return 1;
    return rsconn::validate(*c).size() + c->hosts.size();
  }

  // ---- the minimal splitter: host up to ':' or '/', port digits, the rest is the database ----

  static fields splitter(std::string_view s) {
    fields f;
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n && s[i] != ':' && s[i] != '/') ++i;
    f.host = s.substr(0, i);
    std::string_view port_text;
    if (i < n && s[i] == ':') {
      std::size_t start = ++i;
      while (i < n && s[i] != '/') ++i;
      port_text = s.substr(start, i - start);
    }
    if (i < n) f.database = s.substr(i + 1);
    f.ok = true;
    f.port = port_text.empty() ? default_port : to_port(port_text);
    split_host_labels(f.host, f);
    return f;
  }

  // ---- std::regex: the whole endpoint, labels included ----

  static const std::regex& pattern() {
    static const std::regex re(
        R"(((?:[^.:/]+-endpoint-[a-z0-9]{20}|([^.:/]+))\.([^.:/]+)\.([^.:/]+)\.(redshift-serverless|redshift))"
        R"(\.amazonaws\.com(?:\.cn)?|[^:/]+)(?::([0-9]+))?(?:/(.*))?)",
        std::regex::ECMAScript | std::regex::optimize);
    return re;
  }
  static fields regex(std::string_view s) {
    fields f;
    view_match m;
    if (!std::regex_match(s.begin(), s.end(), m, pattern())) return f;
    f.ok = true;
    f.host = capture(m, 1);
    f.port = m[6].matched ? to_port(capture(m, 6)) : default_port;
    f.database = capture(m, 7);
    if (m[5].matched) {
      if (capture(m, 5) == "redshift-serverless") {
        f.workgroup = capture(m, 2);
        f.account = capture(m, 3);
      }
      f.region = capture(m, 4);
    }
    return f;
  }

  // ---- Boost.URL: parse_relative_ref on "//" + the endpoint, then the labels ----

  static fields boost(std::string_view prefixed) {
    fields f;
    auto u = boost::urls::parse_relative_ref(prefixed);
    if (!u || !u->has_authority()) return f;
    f.ok = true;
    auto host = u->encoded_host();
    f.host = std::string_view(host.data(), host.size());
    f.port = u->has_port() ? u->port_number() : default_port;
    auto path = u->encoded_path();
    std::string_view p(path.data(), path.size());
    if (!p.empty()) p.remove_prefix(1);
    f.database = p;
    split_host_labels(f.host, f);
    return f;
  }
};

}  // namespace bench
