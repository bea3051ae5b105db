// The ODBC form (Driver={...};Server=...;Port=...;Database=...;UID=...;PWD=...): its corpus
// and its rows. Compiled in form_odbc.cpp; listed in forms.hpp.
#pragma once

#include <string_view>
#include <vector>

#include "common.hpp"

namespace bench {

struct odbc_form {
  static constexpr bool has_boost = false;  // not a URI
  static constexpr std::uint32_t default_port = 5439;

  // Strings as the Redshift ODBC docs and the console write them: driver 2.x and 1.x names,
  // spaces after ';' (the docs' style), upper-case keys, the aliases Host, HostName,
  // Servername, PortNumber and DB, braced values holding ';', '=' and an escaped "}}", IAM
  // with access keys, a profile, ClusterId/Region, a DSN, a braced server. The libpq
  // equivalents carry what libpq can (host, port, dbname, user, password, sslmode). One parses
  // but fails the checks; three are refused (as the driver refuses them).
  static const std::vector<form_sample>& corpus() {
    static const std::vector<form_sample> c = {
        {"Driver={Amazon Redshift ODBC Driver (x64)};Server=default.123456789012.us-east-1.redshift-serverless."
         "amazonaws.com;Port=5439;Database=dev;UID=admin;PWD={p;w}}d};",
         "host=default.123456789012.us-east-1.redshift-serverless.amazonaws.com port=5439 dbname=dev user=admin "
         "password='p;w}d'",
         true},
        {"Driver={Amazon Redshift ODBC Driver (x64)}; Server=examplecluster.abc123xyz789.us-west-2.redshift."
         "amazonaws.com; Database=dev; UID=adminuser; PWD=insert_your_admin_user_password_here; Port=5439",
         "host=examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com dbname=dev user=adminuser "
         "password=insert_your_admin_user_password_here port=5439",
         true},
        {"Driver={Amazon Redshift ODBC Driver (x64)};Host=etl.111122223333.cn-north-1.redshift-serverless."
         "amazonaws.com.cn;Port=8192;DB=warehouse;UID=etl;PWD=S3cr3t!",
         "host=etl.111122223333.cn-north-1.redshift-serverless.amazonaws.com.cn port=8192 dbname=warehouse user=etl "
         "password=S3cr3t!",
         true},
        {"Driver={Amazon Redshift ODBC Driver (x64)};Server=reporting.444455556666.us-gov-west-1.redshift-"
         "serverless.amazonaws.com;Port=5439;Database=dev;IAM=1;AccessKeyID=AKIAIOSFODNN7EXAMPLE;"
         "SecretAccessKey=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY;DbUser=reporter;AutoCreate=1",
         "host=reporting.444455556666.us-gov-west-1.redshift-serverless.amazonaws.com port=5439 dbname=dev "
         "user=reporter",
         true},
        {"DRIVER={Amazon Redshift (x64)};SERVER=analytics-wg.210987654321.eu-west-1.redshift-serverless."
         "amazonaws.com;PORT=5440;DATABASE=sales;UID=analyst;PWD={Tr0ub4dor&3};SSLMode=verify-full",
         "host=analytics-wg.210987654321.eu-west-1.redshift-serverless.amazonaws.com port=5440 dbname=sales "
         "user=analyst password=Tr0ub4dor&3 sslmode=verify-full",
         true},
        {"Driver={Amazon Redshift ODBC Driver (x64)};HostName=ml-team.777788889999.ap-northeast-1.redshift-"
         "serverless.amazonaws.com;Database=analytics;IAM=1;Profile=ml-team;Serverless=1;Workgroup=ml-team",
         "host=ml-team.777788889999.ap-northeast-1.redshift-serverless.amazonaws.com dbname=analytics", true},
        {"Driver={Amazon Redshift ODBC Driver (x64)};Server=finance.123456789012.eu-central-1.redshift-"
         "serverless.amazonaws.com;PortNumber=5455;UID=fin;PWD={a b}",
         "host=finance.123456789012.eu-central-1.redshift-serverless.amazonaws.com port=5455 user=fin "
         "password='a b'",
         true},
        {"Driver={Amazon Redshift ODBC Driver (x64)};Server=bi-endpoint-a1b2c3d4e5f6g7h8i9j0.123456789012.us-east-"
         "1.redshift-serverless.amazonaws.com;Port=5439;Database=dev;UID=bi_reader;PWD={x=y;z}",
         "host=bi-endpoint-a1b2c3d4e5f6g7h8i9j0.123456789012.us-east-1.redshift-serverless.amazonaws.com "
         "port=5439 dbname=dev user=bi_reader password=x=y;z",
         true},
        {"DSN=Redshift-Prod;Server=wg-03.555566667777.sa-east-1.redshift-serverless.amazonaws.com;Port=8215;"
         "Database=db_2024;UID=etl;PWD=s+cr3t",
         "host=wg-03.555566667777.sa-east-1.redshift-serverless.amazonaws.com port=8215 dbname=db_2024 user=etl "
         "password=s+cr3t",
         true},
        {"Driver={Amazon Redshift ODBC Driver (x64)};Servername=etl-cluster.c7xyzabc1234.cn-northwest-1."
         "redshift.amazonaws.com.cn;Port=5439;Database=analytics;IAM=1;ClusterId=etl-cluster;"
         "Region=cn-northwest-1;DbUser=etl;AccessKeyID=AKIAIOSFODNN7EXAMPLE;SecretAccessKey=wJalrXUtnFEMI/"
         "K7MDENG/bPxRfiCYEXAMPLEKEY",
         "host=etl-cluster.c7xyzabc1234.cn-northwest-1.redshift.amazonaws.com.cn port=5439 dbname=analytics "
         "user=etl",
         true},
        {"Driver={Amazon Redshift ODBC Driver (x64)};Server={localhost};Port=5439;Database=dev;UID=dev;PWD=dev",
         "host=localhost port=5439 dbname=dev user=dev password=dev", true},
        // parses, but the checks refuse it: workgroup with an underscore and upper case
        {"Driver={Amazon Redshift ODBC Driver (x64)};Server=ETL_wg.123456789012.us-east-1.redshift-serverless."
         "amazonaws.com;Port=5439;Database=dev;UID=etl;PWD=etl",
         "host=ETL_wg.123456789012.us-east-1.redshift-serverless.amazonaws.com port=5439 dbname=dev user=etl "
         "password=etl",
         true, false},
        // refused: an unclosed brace; a port std::stoi cannot read; a segment with no '='
        {"Driver={Amazon Redshift ODBC Driver (x64)};Server=default.123456789012.us-east-1.redshift-serverless."
         "amazonaws.com;Port=5439;Database=dev;UID=admin;PWD={p;w",
         "host=default.123456789012.us-east-1.redshift-serverless.amazonaws.com port=5439 dbname=dev user=admin "
         "password='p;w",
         false},
        {"Driver={Amazon Redshift ODBC Driver (x64)};Server=default.123456789012.us-east-1.redshift-serverless."
         "amazonaws.com;Port=dev;Database=5439",
         "host=default.123456789012.us-east-1.redshift-serverless.amazonaws.com port=dev dbname=5439", false},
        {"Driver={Amazon Redshift ODBC Driver (x64)};Server=default.123456789012.us-east-1.redshift-serverless."
         "amazonaws.com;Port=5439;Database=dev;UID=admin;PWD",
         "host=default.123456789012.us-east-1.redshift-serverless.amazonaws.com port=5439 dbname=dev user=admin "
         "password",
         false},
    };
    return c;
  }

  static std::string_view libpq_input(const form_sample& s) { return s.conninfo; }

  // ---- rsconn ----

  static fields from_view(const rsconn::odbc_view& v) {
    fields f;
    f.ok = true;
    if (const rsconn::odbc_pair* host = v.host()) f.host = host->value.raw();
    f.port = v.port();
    if (const rsconn::odbc_pair* db = v.database()) f.database = db->value.raw();
    f.workgroup = v.effective().workgroup.raw();
    f.account = v.effective().account_id.raw();
    f.region = v.effective().region.raw();
    return f;
  }
  // parse_odbc: the view, the driver's alias and duplicate rules applied, the host classified
  // and the effective fields resolved.
  static fields view(std::string_view text) {
    auto v = rsconn::parse_odbc(text);
    return v ? from_view(*v) : fields{};
  }
  static fields view_checked(std::string_view text) {
    auto v = rsconn::parse_odbc(text);
    if (!v) return {};
    fields f = from_view(*v);
    f.acceptable = view_checks(f, v->target(), v->host_info());
    return f;
  }
  static std::size_t owning(std::string_view text) {
    auto c = rsconn::parse_odbc_connection(text);
    if (!c) return 1;
    return rsconn::validate(*c).size() + c->hosts.size();
  }

  // ---- shared by the baselines: which field a key names (ASCII case-insensitive; the
  // driver's spellings of host, port and database; the last one written wins) ----

  enum class key : unsigned char { other, host, port, database };

  static bool key_is(std::string_view k, std::string_view name) {
    if (k.size() != name.size()) return false;
    for (std::size_t i = 0; i < k.size(); ++i) {
      char c = k[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != name[i]) return false;
    }
    return true;
  }
  static key key_of(std::string_view k) {
    switch (k.size()) {
      case 2: return key_is(k, "db") ? key::database : key::other;
      case 4: return key_is(k, "port") ? key::port : key_is(k, "host") ? key::host : key::other;
      case 6: return key_is(k, "server") ? key::host : key::other;
      case 8: return key_is(k, "database") ? key::database : key_is(k, "hostname") ? key::host : key::other;
      case 10: return key_is(k, "servername") ? key::host : key_is(k, "portnumber") ? key::port : key::other;
      default: return key::other;
    }
  }
  static void take(fields& f, std::string_view& port_text, std::string_view k, std::string_view value) {
    switch (key_of(k)) {
      case key::host: f.host = value; break;
      case key::port: port_text = value; break;
      case key::database: f.database = value; break;
      case key::other: break;
    }
  }

  // ---- the minimal splitter: pairs split on ';', keys and plain values trimmed of spaces,
  // braced values to the closing '}' ("}}" skipped); no validation ----

  static fields splitter(std::string_view s) {
    fields f;
    std::string_view port_text;
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (true) {
      while (i < n && (s[i] == ';' || s[i] == ' ')) ++i;
      if (i >= n) break;
      std::size_t key_start = i;
      while (i < n && s[i] != '=') ++i;
      if (i >= n) return {};
      std::size_t key_end = i;
      while (key_end > key_start && s[key_end - 1] == ' ') --key_end;
      ++i;
      while (i < n && s[i] == ' ') ++i;
      std::string_view value;
      if (i < n && s[i] == '{') {
        std::size_t start = ++i;
        while (i < n) {
          if (s[i] == '}') {
            if (i + 1 < n && s[i + 1] == '}') {
              i += 2;
              continue;
            }
            break;
          }
          ++i;
        }
        if (i >= n) return {};
        value = s.substr(start, i - start);
        ++i;
      } else {
        std::size_t start = i;
        while (i < n && s[i] != ';') ++i;
        std::size_t end = i;
        while (end > start && s[end - 1] == ' ') --end;
        value = s.substr(start, end - start);
      }
      take(f, port_text, s.substr(key_start, key_end - key_start), value);
    }
    f.ok = true;
    f.port = port_text.empty() ? default_port : to_port(port_text);
    split_host_labels(f.host, f);
    return f;
  }

  // ---- std::regex: one pattern for a pair, applied pair after pair (match_continuous), then
  // the host's labels by regex_host_labels ----

  static const std::regex& pair_pattern() {
    static const std::regex re(R"(;*[ ]*([^=]*?)[ ]*=[ ]*(?:\{((?:[^}]|\}\})*)\}[ ]*;*|([^;]*?)[ ]*(?:;+|$)))",
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

}  // namespace bench
