// The two libpq forms, keyword/value conninfo and postgresql:// URI: their corpora and rows.
// Compiled in form_libpq_keywords.cpp and form_libpq_uri.cpp; listed in forms.hpp. libpq's own
// default port is 5432 (not Redshift's 5439): every row of these forms uses it when a string
// names no port, as rsconn's libpq model does.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <boost/url/parse.hpp>

#include "common.hpp"

namespace bench {

// What rsconn's libpq views leave to the caller: the host's classification and the effective
// fields (to_connection does the same after its comma-list pairing, with one host here).
struct libpq_resolved {
  rsconn::host_parts parts;
  rsconn::effective_fields effective;
};

inline libpq_resolved resolve_libpq(fields& f, const rsconn::libpq_text& port) {
  f.ok = true;
  f.port = !port || port.raw().empty() ? rsconn::libpq_default_port : rsconn::detail::libpq_port_number(port.raw());
  libpq_resolved r;
  r.parts = rsconn::classify_host(f.host);
  r.effective = rsconn::resolve(r.parts, rsconn::explicit_settings{}, false);
  f.workgroup = r.effective.workgroup.raw();
  f.account = r.effective.account_id.raw();
  f.region = r.effective.region.raw();
  return r;
}

struct libpq_keywords_form {
  static constexpr bool has_boost = false;  // not a URI
  static constexpr std::uint32_t default_port = rsconn::libpq_default_port;

  // Conninfo strings as psql, libpq programs and the Redshift docs write them: quoted values
  // with spaces and a \' escape, spaces around '=', sslmode/sslrootcert/connect_timeout/
  // application_name/keepalives/target_session_attrs, with and without a port or a dbname, a
  // VPC endpoint, provisioned clusters (one in China), localhost. One parses but fails the
  // checks; three are refused (as PQconninfoParse refuses them).
  static const std::vector<form_sample>& corpus() {
    static const std::vector<form_sample> c = {
        {"host=default.123456789012.us-east-1.redshift-serverless.amazonaws.com port=5439 dbname=dev user=admin "
         "password='a b' sslmode=require",
         "", true},
        {"host=analytics-wg.210987654321.eu-west-1.redshift-serverless.amazonaws.com port=5440 dbname=sales "
         "user=analyst sslmode=verify-full sslrootcert=/etc/ssl/certs/redshift-ca-bundle.crt connect_timeout=10",
         "", true},
        {"host=etl.111122223333.cn-north-1.redshift-serverless.amazonaws.com.cn port=8192 dbname=warehouse "
         "user=etl password=s3cr3t",
         "", true},
        {"host=reporting.444455556666.us-gov-west-1.redshift-serverless.amazonaws.com port=5439 dbname=dev "
         "user=reporter password='it\\'s secret' sslmode=require application_name=reports",
         "", true},
        {"host = ml-team.777788889999.ap-northeast-1.redshift-serverless.amazonaws.com dbname = analytics user = ml",
         "", true},
        {"host=examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com port=5439 dbname=dev user=awsuser "
         "password=Passw0rd! sslmode=require",
         "", true},
        {"host=bi-endpoint-a1b2c3d4e5f6g7h8i9j0.123456789012.us-east-1.redshift-serverless.amazonaws.com port=5439 "
         "dbname=dev user=bi_reader sslmode=require",
         "", true},
        {"host=wg-03.555566667777.sa-east-1.redshift-serverless.amazonaws.com port=8215 dbname=db_2024 user=etl "
         "password=s+cr3t keepalives=1 target_session_attrs=read-write",
         "", true},
        {"host=finance.123456789012.eu-central-1.redshift-serverless.amazonaws.com port=5455 user=fin "
         "sslmode=require",
         "", true},
        {"host=etl-cluster.c7xyzabc1234.cn-northwest-1.redshift.amazonaws.com.cn port=5439 dbname=analytics "
         "user=etl",
         "", true},
        {"host=localhost port=5439 dbname=dev user=dev", "", true},
        // parses, but the checks refuse it: an 11-digit account
        {"host=default.12345678901.us-east-1.redshift-serverless.amazonaws.com port=5439 dbname=dev user=admin",
         "", true, false},
        // refused: an unknown keyword; an unterminated quote; SQL-style doubled quotes
        {"hostname=default.123456789012.us-east-1.redshift-serverless.amazonaws.com port=5439 dbname=dev", "",
         false},
        {"host=default.123456789012.us-east-1.redshift-serverless.amazonaws.com port=5439 dbname=dev "
         "password='unterminated",
         "", false},
        {"host=default.123456789012.us-east-1.redshift-serverless.amazonaws.com port=5439 dbname=dev "
         "password='it''s'",
         "", false},
    };
    return c;
  }

  static std::string_view libpq_input(const form_sample& s) { return s.text; }

  // ---- rsconn ----

  // parse_libpq_keywords, its host, port and dbname (the last of each, kept by the parse),
  // then classify_host and resolve, as to_connection does.
  static fields from_view(const rsconn::libpq_keywords_view& v, libpq_resolved& r) {
    fields f;
    f.host = v.host().raw();
    f.database = v.dbname().raw();
    r = resolve_libpq(f, v.port());
    return f;
  }
  static fields view(std::string_view text) {
    auto v = rsconn::parse_libpq_keywords(text);
    if (!v) return {};
    libpq_resolved r;
    return from_view(*v, r);
  }
  static fields view_checked(std::string_view text) {
    auto v = rsconn::parse_libpq_keywords(text);
    if (!v) return {};
    libpq_resolved r;
    fields f = from_view(*v, r);
    f.acceptable = view_checks(f, r.effective.target, r.parts);
    return f;
  }
  static std::size_t owning(std::string_view text) {
    auto c = rsconn::parse_libpq_connection(text);
    if (!c) return 1;
    return rsconn::validate(*c).size() + c->hosts.size();
  }

  static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

  static void take(fields& f, std::string_view& port_text, std::string_view key, std::string_view value) {
    if (key == "host") f.host = value;
    else if (key == "port") port_text = value;
    else if (key == "dbname") f.database = value;
  }

  // ---- the minimal splitter: key up to '=' or whitespace, '=' with optional whitespace, a
  // value quoted (backslash skips a character) or up to whitespace; values kept raw ----

  static fields splitter(std::string_view s) {
    fields f;
    std::string_view port_text;
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (true) {
      while (i < n && is_space(s[i])) ++i;
      if (i >= n) break;
      std::size_t key_start = i;
      while (i < n && s[i] != '=' && !is_space(s[i])) ++i;
      std::string_view key = s.substr(key_start, i - key_start);
      while (i < n && is_space(s[i])) ++i;
      if (i >= n || s[i] != '=') return {};
      ++i;
      while (i < n && is_space(s[i])) ++i;
      std::string_view value;
      if (i < n && s[i] == '\'') {
        std::size_t start = ++i;
        while (i < n && s[i] != '\'') i += s[i] == '\\' ? std::size_t{2} : std::size_t{1};
        if (i >= n) return {};
        value = s.substr(start, i - start);
        ++i;
      } else {
        std::size_t start = i;
        while (i < n && !is_space(s[i])) i += s[i] == '\\' ? std::size_t{2} : std::size_t{1};
        if (i > n) i = n;
        value = s.substr(start, i - start);
      }
      take(f, port_text, key, value);
    }
    f.ok = true;
    f.port = port_text.empty() ? default_port : to_port(port_text);
    split_host_labels(f.host, f);
    return f;
  }

  // ---- std::regex: one pattern for a pair, applied pair after pair (match_continuous), then
  // the host's labels by regex_host_labels ----

  static const std::regex& pair_pattern() {
    static const std::regex re(R"(\s*([^=\s]+)\s*=\s*(?:'((?:[^'\\]|\\.)*)'|((?:[^\s\\]|\\.)*))\s*)",
                               std::regex::ECMAScript | std::regex::optimize);
    return re;
  }
  static fields regex(std::string_view s) {
    fields f;
    std::string_view port_text;
    view_match m;
    auto at = s.begin();
    while (at != s.end()) {
      if (!std::regex_search(at, s.end(), m, pair_pattern(), std::regex_constants::match_continuous)) return {};
      take(f, port_text, capture(m, 1), m[2].matched ? capture(m, 2) : capture(m, 3));
      at = m[0].second;
    }
    f.ok = true;
    f.port = port_text.empty() ? default_port : to_port(port_text);
    regex_host_labels(f.host, f);
    return f;
  }
};

struct libpq_uri_form {
  static constexpr bool has_boost = true;
  static constexpr std::uint32_t default_port = rsconn::libpq_default_port;

  // URIs as libpq, psql and most PostgreSQL tooling write them: postgresql:// and postgres://,
  // user and percent-encoded password in the authority, with and without a port or a
  // database, query parameters (sslmode, connect_timeout, application_name, ssl=true, user),
  // a VPC endpoint, provisioned clusters (one in China), localhost. One parses but fails the
  // checks; three are refused (as PQconninfoParse refuses them).
  static const std::vector<form_sample>& corpus() {
    static const std::vector<form_sample> c = {
        {"postgresql://admin:p%40ss@default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev"
         "?sslmode=require",
         "", true},
        {"postgres://analyst@analytics-wg.210987654321.eu-west-1.redshift-serverless.amazonaws.com:5440/sales"
         "?sslmode=verify-full&connect_timeout=10",
         "", true},
        {"postgresql://etl:s3cr3t@etl.111122223333.cn-north-1.redshift-serverless.amazonaws.com.cn:8192/warehouse",
         "", true},
        {"postgresql://reporter@reporting.444455556666.us-gov-west-1.redshift-serverless.amazonaws.com:5439/dev"
         "?sslmode=require&application_name=reports",
         "", true},
        {"postgresql://ml-team.777788889999.ap-northeast-1.redshift-serverless.amazonaws.com/analytics?user=ml",
         "", true},
        {"postgresql://awsuser:Passw0rd%21@examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com:5439/dev"
         "?ssl=true",
         "", true},
        {"postgresql://bi_reader@bi-endpoint-a1b2c3d4e5f6g7h8i9j0.123456789012.us-east-1.redshift-serverless."
         "amazonaws.com:5439/dev?sslmode=require",
         "", true},
        {"postgresql://etl:s%2Bcr3t@wg-03.555566667777.sa-east-1.redshift-serverless.amazonaws.com:8215/db_2024",
         "", true},
        {"postgresql://fin@finance.123456789012.eu-central-1.redshift-serverless.amazonaws.com:5455", "", true},
        {"postgres://etl@etl-cluster.c7xyzabc1234.cn-northwest-1.redshift.amazonaws.com.cn:5439/analytics"
         "?sslmode=verify-full",
         "", true},
        {"postgresql://localhost:5439/dev", "", true},
        // parses, but the checks refuse it: a GovCloud region under the China DNS suffix
        {"postgresql://admin@reporting.444455556666.us-gov-west-1.redshift-serverless.amazonaws.com.cn:5439/dev",
         "", true, false},
        // refused: a bad escape; ssl=false (libpq reads ssl only as ssl=true); a parameter
        // without '='
        {"postgresql://admin:p%zzss@default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev",
         "", false},
        {"postgresql://default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev?ssl=false", "",
         false},
        {"postgresql://default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev?sslmode", "",
         false},
    };
    return c;
  }

  static std::string_view libpq_input(const form_sample& s) { return s.text; }
  static std::string boost_input(const form_sample& s) { return std::string(s.text); }

  // ---- rsconn ----

  // parse_libpq_uri, then the first netloc, the path's database and any host, port or dbname
  // query parameter (which overrides the authority, as in libpq), then classify_host and
  // resolve, as to_connection does.
  static fields from_view(const rsconn::libpq_uri_view& v, libpq_resolved& r) {
    fields f;
    rsconn::libpq_text port;
    auto netloc = v.netlocs().begin();
    f.host = netloc->host.raw();
    port = netloc->port;
    f.database = v.path_database().raw();
    for (const rsconn::libpq_pair& p : v.parameters()) {
      rsconn::libpq_text key(p.key, rsconn::libpq_text::encoding::percent);
      if (key.equals("host")) f.host = p.value.raw();
      else if (key.equals("port")) port = p.value;
      else if (key.equals("dbname")) f.database = p.value.raw();
    }
    r = resolve_libpq(f, port);
    return f;
  }
  static fields view(std::string_view text) {
    auto v = rsconn::parse_libpq_uri(text);
    if (!v) return {};
    libpq_resolved r;
    return from_view(*v, r);
  }
  static fields view_checked(std::string_view text) {
    auto v = rsconn::parse_libpq_uri(text);
    if (!v) return {};
    libpq_resolved r;
    fields f = from_view(*v, r);
    f.acceptable = view_checks(f, r.effective.target, r.parts);
    return f;
  }
  static std::size_t owning(std::string_view text) {
    auto c = rsconn::parse_libpq_connection(text);
    if (!c) return 1;
    return rsconn::validate(*c).size() + c->hosts.size();
  }

  // ---- the minimal splitter: scheme, user[:password]@ (an '@' before the first '/'), host
  // up to ':' '/' '?', port digits, path up to '?'; query parameters not read ----

  static fields splitter(std::string_view s) {
    fields f;
    std::size_t i = 0;
    if (s.substr(0, 13) == "postgresql://") i = 13;
    else if (s.substr(0, 11) == "postgres://") i = 11;
    else return f;
    const std::size_t n = s.size();
    std::size_t at = i;
    while (at < n && s[at] != '@' && s[at] != '/') ++at;
    if (at < n && s[at] == '@') i = at + 1;
    std::size_t host_start = i;
    while (i < n && s[i] != ':' && s[i] != '/' && s[i] != '?') ++i;
    f.host = s.substr(host_start, i - host_start);
    std::string_view port_text;
    if (i < n && s[i] == ':') {
      std::size_t start = ++i;
      while (i < n && s[i] != '/' && s[i] != '?') ++i;
      port_text = s.substr(start, i - start);
    }
    if (i < n && s[i] == '/') {
      std::size_t start = ++i;
      while (i < n && s[i] != '?') ++i;
      f.database = s.substr(start, i - start);
    }
    f.ok = true;
    f.port = port_text.empty() ? default_port : to_port(port_text);
    split_host_labels(f.host, f);
    return f;
  }

  // ---- std::regex: the whole URI, labels included ----

  static const std::regex& pattern() {
    static const std::regex re(
        R"(postgres(?:ql)?://(?:([^:@/]*)(?::([^@/]*))?@)?)"
        R"(((?:[^.:/?@]+-endpoint-[a-z0-9]{20}|([^.:/?@]+))\.([^.:/?@]+)\.([^.:/?@]+)\.(redshift-serverless|redshift))"
        R"(\.amazonaws\.com(?:\.cn)?|[^:/?@]+)(?::([0-9]*))?(?:/([^?]*))?(?:\?(.*))?)",
        std::regex::ECMAScript | std::regex::optimize);
    return re;
  }
  static fields regex(std::string_view s) {
    fields f;
    view_match m;
    if (!std::regex_match(s.begin(), s.end(), m, pattern())) return f;
    f.ok = true;
    f.host = capture(m, 3);
    std::string_view port_text = capture(m, 8);
    f.port = port_text.empty() ? default_port : to_port(port_text);
    f.database = capture(m, 9);
    if (m[7].matched) {
      if (capture(m, 7) == "redshift-serverless") {
        f.workgroup = capture(m, 4);
        f.account = capture(m, 5);
      }
      f.region = capture(m, 6);
    }
    return f;
  }

  // ---- Boost.URL: parse_uri, the scheme checked, then the labels ----

  static fields boost(std::string_view text) {
    fields f;
    auto u = boost::urls::parse_uri(text);
    if (!u || !u->has_authority()) return f;
    auto scheme = u->scheme();
    if (scheme != "postgresql" && scheme != "postgres") return f;
    f.ok = true;
    auto host = u->encoded_host();
    f.host = std::string_view(host.data(), host.size());
    f.port = u->has_port() && !u->port().empty() ? u->port_number() : default_port;
    auto path = u->encoded_path();
    std::string_view p(path.data(), path.size());
    if (!p.empty()) p.remove_prefix(1);
    f.database = p;
    split_host_labels(f.host, f);
    return f;
  }
};

}  // namespace bench
