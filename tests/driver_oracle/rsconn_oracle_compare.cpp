// Differential test: rsconn::parse_jdbc / to_connection against RedshiftUrlOracle.java, a
// restatement of the official Redshift JDBC driver's Driver.parseURL on Java's own URLDecoder,
// regex, Integer.parseInt and String.split.
//
// Usage: rsconn_oracle_compare CORPUS ORACLE_OUTPUT [--max-print N]
// CORPUS is the file the oracle read (corpus.txt escapes); ORACLE_OUTPUT its JSON lines. Every
// difference is printed (URL, field, rsconn's value, the driver's value). Differences that
// README.md ("Where rsconn and the driver part ways") or notes/jdbc-driver.md document are
// counted under their allow-list entry; any other difference makes the exit status 1.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "rsconn/jdbc.hpp"

namespace {

using json = nlohmann::json;
using opt = std::optional<std::string>;

// ---- the allow-list --------------------------------------------------------------------------
// Each entry: a name, and the one line from README.md or the notes that documents it.
struct allowance {
  const char* name;
  const char* why;
  std::size_t count = 0;
};

allowance allow_unicode_digits{
    "non-ascii-digits",
    "README: the driver's Integer.parseInt also accepts non-ASCII digits (Arabic-Indic, full-width) in "
    "ports and escapes; rsconn accepts ASCII digits only"};
allowance allow_iam_port_32bit{
    "iam-port-over-32-bits",
    "README: an IAM-form port that does not fit in 32 bits is refused (rsconn cannot represent it)"};
allowance allow_vpc_endpoint{
    "vpc-endpoint-first-label",
    "README: a managed VPC endpoint's first label is never taken for a workgroup (nor, alike, for a "
    "provisioned cluster id); the driver's regex group 1 takes it (SPEC §1 known defects)"};
allowance allow_legacy_workgroup{
    "legacy-cluster-id-workgroup",
    "README: a ClusterID of redshift-serverless-<wg> means Serverless workgroup <wg> (the legacy IAM route); "
    "the driver passes the cluster id through and sets no workgroup (notes §2.2b)"};
allowance allow_account_only_host{
    "account-only-serverless-host",
    "notes §2.1: <account>.<region>.redshift-serverless.amazonaws.com matches neither regex of the current "
    "driver; rsconn reads its account and region (SPEC §1 host table, the Python driver's "
    "SERVERLESS_HOST_PATTERN, notes §4)"};
allowance allow_connect_aioobe{
    "host-without-port-entry",
    "notes §1.3: when the host list is longer than the port list, Driver.hostSpecs throws "
    "ArrayIndexOutOfBoundsException at connect; rsconn keeps the URL and gives such a host 5439"};

allowance* const allowances[] = {&allow_unicode_digits, &allow_iam_port_32bit, &allow_vpc_endpoint,
                                 &allow_legacy_workgroup, &allow_account_only_host, &allow_connect_aioobe};

// ---- helpers ---------------------------------------------------------------------------------

// corpus.txt escapes: \\ \n \r \t \xHH; a line "\E" is the empty URL.
std::string decode_corpus_line(const std::string& line) {
  std::string out;
  if (line == "\\E") return out;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] != '\\' || i + 1 >= line.size()) {
      out += line[i];
      continue;
    }
    char c = line[++i];
    switch (c) {
      case '\\': out += '\\'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'x':
        out += static_cast<char>(std::stoi(line.substr(i + 1, 2), nullptr, 16));
        i += 2;
        break;
      default: throw std::runtime_error("bad escape in corpus line: " + line);
    }
  }
  return out;
}

std::string hex(std::string_view bytes) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (char ch : bytes) {
    auto b = static_cast<unsigned char>(ch);
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

// A value shown on one line: control bytes and non-ASCII escaped.
std::string show(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    auto b = static_cast<unsigned char>(ch);
    if (b == '"' || b == '\\') {
      out += '\\';
      out += ch;
    } else if (b < 0x20 || b >= 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", b);
      out += buf;
    } else {
      out += ch;
    }
  }
  return out + "\"";
}
std::string show_opt(const opt& s) { return s ? show(std::string_view(*s)) : std::string("(none)"); }

opt json_opt(const json& j, const char* key) {
  if (!j.contains(key) || j[key].is_null()) return std::nullopt;
  return j[key].get<std::string>();
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + items[i];
  return out;
}

// How the driver's port text reads, for comparing with rsconn's number (0 = unreadable):
// the range 1..65535 must agree exactly; 0 and numbers above 65535 that the IAM form keeps
// may be kept by rsconn or read as 0 (an argument port rsconn cannot use); anything
// Integer.parseInt cannot read is 0.
bool port_agrees(std::uint32_t mine, const std::string& text) {
  std::size_t i = (!text.empty() && text[0] == '+') ? 1 : 0;
  if (i == text.size()) return mine == 0;
  unsigned long long value = 0;
  for (; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return mine == 0;
    value = value * 10 + static_cast<unsigned>(text[i] - '0');
    if (value > 0xFFFFFFFFull) return mine == 0;
  }
  if (value >= 1 && value <= 65535) return mine == value;
  return mine == value || mine == 0;
}

// ---- the comparison --------------------------------------------------------------------------

struct comparer {
  std::size_t max_print = 200;
  std::size_t printed = 0;
  std::size_t failures = 0;     // differences not on the allow-list
  std::size_t urls_failing = 0;
  std::size_t allowed = 0;
  std::size_t compared = 0, accepted_both = 0, rejected_both = 0, unrepresentable = 0;
  std::size_t effective_compared = 0;
  std::map<std::string, std::size_t> by_field;

  std::string url;
  std::size_t line_no = 0;
  bool url_failed = false;

  void report(const std::string& field, const std::string& mine, const std::string& driver,
              allowance* allow = nullptr) {
    if (allow) {
      ++allow->count;
      ++allowed;
      return;
    }
    ++failures;
    ++by_field[field];
    if (!url_failed) ++urls_failing;
    url_failed = true;
    if (printed++ < max_print)
      std::cout << "MISMATCH line " << line_no << ": " << show(url) << "\n  field:  " << field
                << "\n  rsconn: " << mine << "\n  driver: " << driver << "\n";
  }

  void compare_rejection(const rsconn::result<rsconn::jdbc_view>& mine, const json& driver) {
    bool driver_accepts = driver["accepted"].get<bool>();
    if (mine.has_value() == driver_accepts) {
      ++(driver_accepts ? accepted_both : rejected_both);
      return;
    }
    std::string mine_text = mine ? "accepted" : std::string("rejected: ") +
                                                    std::string(rsconn::describe(mine.error().code)) +
                                                    " at " + std::to_string(mine.error().offset);
    std::string driver_text = driver_accepts ? "accepted" : "rejected (" + driver["outcome"].get<std::string>() + ")";
    allowance* allow = nullptr;
    if (!mine && driver_accepts) {
      rsconn::errc code = mine.error().code;
      std::size_t at = mine.error().offset;
      // A non-ASCII digit where rsconn stopped: in a port or in a %XX escape.
      bool non_ascii_near = false;
      for (std::size_t i = at; i < url.size() && i < at + 8; ++i)
        non_ascii_near = non_ascii_near || static_cast<unsigned char>(url[i]) >= 0x80;
      if ((code == rsconn::errc::invalid_port || code == rsconn::errc::malformed_percent_escape) && non_ascii_near)
        allow = &allow_unicode_digits;
      else if (code == rsconn::errc::invalid_port && driver["form"] == "iam_host")
        allow = &allow_iam_port_32bit;
    }
    report("accepted", mine_text, driver_text, allow);
  }

  // The driver keeps "host" and "port" as comma lists and pairs them by position when it
  // connects (Driver.hostSpecs splits both with String.split(","), which drops trailing empty
  // entries). rsconn's addresses must spell the same host list, read either as parseURL left it
  // or as hostSpecs splits it, and give each host the port at its position.
  void compare_addresses(const rsconn::connection& c, const json& driver) {
    opt host_prop = json_opt(driver, "host");
    std::vector<std::string> hosts = driver["hosts"].get<std::vector<std::string>>();
    std::vector<std::string> ports = driver["ports"].get<std::vector<std::string>>();
    std::vector<std::string> my_hosts;
    std::string my_ports;
    for (const rsconn::address& a : c.hosts) {
      my_hosts.push_back(a.host);
      my_ports += (my_ports.empty() ? "" : ",") + std::to_string(a.port);
    }
    std::string mine = join(my_hosts);
    bool as_parsed = host_prop && !c.hosts.empty() && mine == *host_prop;
    if (!as_parsed && my_hosts != hosts) {
      report("hosts", show(mine) + " (" + std::to_string(my_hosts.size()) + ")", show_opt(host_prop));
      return;
    }
    for (std::size_t i = 0; i < c.hosts.size(); ++i) {
      if (i >= ports.size()) {
        allowance* allow = c.hosts[i].port == rsconn::port::default_number ? &allow_connect_aioobe : nullptr;
        report("port[" + std::to_string(i) + "]", my_ports, "no entry in port list " + show_opt(json_opt(driver, "port")),
               allow);
      } else if (!port_agrees(c.hosts[i].port, ports[i])) {
        report("port[" + std::to_string(i) + "]", my_ports, show_opt(json_opt(driver, "port")));
      }
    }
  }

  void compare_properties(const rsconn::connection& c, const json& driver) {
    const json& args = driver["args"];
    bool same = args.size() == c.properties.size();
    for (std::size_t i = 0; same && i < args.size(); ++i)
      same = args[i][0].get<std::string>() == c.properties[i].key && args[i][2].get<std::string>() == c.properties[i].value;
    if (!same) {
      std::string mine, theirs;
      for (const rsconn::property& p : c.properties) mine += " " + show(p.key) + "=" + show(p.value);
      for (const json& a : args) theirs += " " + show(a[0].get<std::string>()) + "=" + show(a[2].get<std::string>());
      report("arguments (ordered)", "[" + mine + " ]", "[" + theirs + " ]");
    }
    // The driver's map: the last value per lower-cased key, against rsconn's lookup by that key.
    // rsconn's find() ignores ASCII case only, so this compares the keys that only ASCII
    // spellings produce; how the driver folds other keys (U+212A KELVIN SIGN lower-cases to 'k')
    // matters where it names a setting, which the effective fields below check.
    std::map<std::string, bool> ascii_only;
    for (const json& a : args) {
      std::string written = a[0].get<std::string>();
      bool ascii = true;
      for (char ch : written) ascii = ascii && static_cast<unsigned char>(ch) < 0x80;
      auto [it, fresh] = ascii_only.emplace(a[1].get<std::string>(), ascii);
      if (!fresh) it->second = it->second && ascii;
    }
    for (const auto& [key, ascii] : ascii_only) {
      if (!ascii) continue;
      opt theirs = json_opt(driver["props"], key.c_str());
      const rsconn::property* p = c.find(key);
      opt mine = p ? opt(p->value) : std::nullopt;
      if (mine != theirs) report("property " + show(key) + " (last value)", show_opt(mine), show_opt(theirs));
    }
  }

  void compare_effective(const rsconn::connection& c, const json& driver) {
    const json& helper = driver["helper"];
    bool cluster_form = driver["form"] == "iam_cluster";
    opt host = json_opt(helper, "host");
    rsconn::host_parts parts = rsconn::classify_host(host ? *host : std::string_view{});
    bool well_formed = cluster_form || (host && parts.kind != rsconn::host_kind::other && !parts.upper_case);
    auto given_by_argument = [&](const char* key) {
      for (const json& a : driver["args"])
        if (a[1] == key) return true;
      return false;
    };
    struct field {
      const char* name;
      const char* key;
      const opt& mine;
    };
    const field fields[] = {{"cluster id", "clusterid", c.cluster_id},
                            {"region", "region", c.region},
                            {"workgroup", "serverlessworkgroup", c.workgroup},
                            {"account id", "serverlessacctid", c.account_id}};
    bool any = false;
    for (const field& f : fields) {
      bool given = given_by_argument(f.key);
      if (!well_formed && !given) continue;
      any = true;
      opt theirs = json_opt(helper, f.key);
      if (f.mine == theirs) continue;
      allowance* allow = nullptr;
      std::string_view key = f.key;
      if (!given && parts.kind == rsconn::host_kind::vpc_endpoint && !f.mine &&
          (key == "serverlessworkgroup" || key == "clusterid"))
        allow = &allow_vpc_endpoint;
      else if (key == "serverlessworkgroup" && !given &&
               (!theirs || parts.kind == rsconn::host_kind::vpc_endpoint) && c.cluster_id &&
               c.cluster_id->size() > rsconn::legacy_serverless_prefix.size() &&  // the prefix alone names none
               c.cluster_id->rfind(rsconn::legacy_serverless_prefix, 0) == 0 &&
               f.mine == c.cluster_id->substr(rsconn::legacy_serverless_prefix.size()))
        allow = &allow_legacy_workgroup;
      else if (!given && !theirs && !cluster_form && parts.kind == rsconn::host_kind::serverless &&
               parts.workgroup.empty() && (key == "serverlessacctid" || key == "region"))
        allow = &allow_account_only_host;
      report("effective " + std::string(f.name) + (well_formed ? "" : " (from an argument)"), show_opt(f.mine),
             show_opt(theirs), allow);
    }
    if (any) ++effective_compared;

    // The serverless/provisioned decision, where the host decides it: IamHelper reads the final
    // host (a host argument's, in every form), so that one must be well-formed.
    if (helper["kind"].is_null() || driver["hosts"].empty()) return;
    std::string final_host = driver["hosts"][0].get<std::string>();
    // (rsconn::detail::classify_driver_host: no Java line terminator either, where the driver's
    // regexes stop.)
    rsconn::host_parts final_parts = rsconn::detail::classify_driver_host(final_host);
    if (final_parts.kind == rsconn::host_kind::other || final_parts.upper_case) return;
    std::string kind = helper["kind"].get<std::string>();
    std::string mine(rsconn::to_string(c.target));
    if (c.legacy_iam) mine += " (legacy IAM)";
    bool ok = (kind == "provisioned" && c.target == rsconn::target_kind::provisioned) ||
              (kind == "serverless" && c.target == rsconn::target_kind::serverless) ||
              (kind == "legacy" && c.target == rsconn::target_kind::serverless && c.legacy_iam == c.iam) ||
              // The custom-domain path: GetClusterCredentials for the host, else for the cluster id.
              (kind == "cname" && (c.target == rsconn::target_kind::unknown ||
                                   (c.target == rsconn::target_kind::provisioned && c.cluster_id)));
    if (ok) return;
    allowance* allow = nullptr;
    if (kind == "cname" && final_parts.kind == rsconn::host_kind::serverless && final_parts.workgroup.empty() &&
        c.target == rsconn::target_kind::serverless)
      allow = &allow_account_only_host;
    report("target", mine, "IamHelper: " + kind, allow);
  }

  void compare(const std::string& the_url, std::size_t line, const json& driver) {
    url = the_url;
    line_no = line;
    url_failed = false;
    if (driver.value("unrepresentable", false)) {  // not UTF-8: no Java String holds it
      ++unrepresentable;
      return;
    }
    ++compared;
    auto view = rsconn::parse_jdbc(std::string_view(url));
    compare_rejection(view, driver);
    if (!view || !driver["accepted"].get<bool>()) return;
    rsconn::connection c = rsconn::to_connection(*view);
    compare_addresses(c, driver);
    opt dbname = json_opt(driver, "dbname");
    if (c.database != dbname) report("database", show_opt(c.database), show_opt(dbname));
    if (c.iam != driver["iamauth"].get<bool>())
      report("iam", c.iam ? "true" : "false", driver["iamauth"].get<bool>() ? "true" : "false");
    compare_properties(c, driver);
    compare_effective(c, driver);
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: rsconn_oracle_compare CORPUS ORACLE_OUTPUT [--max-print N]\n";
    return 2;
  }
  comparer cmp;
  for (int i = 3; i + 1 < argc; i += 2)
    if (std::string_view(argv[i]) == "--max-print") cmp.max_print = std::stoul(argv[i + 1]);

  std::ifstream corpus(argv[1], std::ios::binary);
  std::ifstream oracle(argv[2], std::ios::binary);
  if (!corpus || !oracle) {
    std::cerr << "rsconn_oracle_compare: cannot open " << (corpus ? argv[2] : argv[1]) << "\n";
    return 2;
  }
  std::string line, out;
  std::size_t line_no = 0;
  while (std::getline(corpus, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();  // as Java's readLine
    if (line.empty() || line[0] == '#') continue;
    std::string url = decode_corpus_line(line);
    if (!std::getline(oracle, out)) {
      std::cerr << "rsconn_oracle_compare: the oracle output ends before line " << line_no << "\n";
      return 2;
    }
    json driver = json::parse(out);
    if (driver["hex"].get<std::string>() != hex(url)) {
      std::cerr << "rsconn_oracle_compare: line " << line_no << " differs from the oracle's input\n";
      return 2;
    }
    cmp.compare(url, line_no, driver);
  }
  if (std::getline(oracle, out)) {
    std::cerr << "rsconn_oracle_compare: the oracle output has more lines than the corpus\n";
    return 2;
  }

  std::cout << argv[1] << ": " << cmp.compared << " URLs compared (" << cmp.accepted_both << " accepted by both, "
            << cmp.rejected_both << " rejected by both, effective fields compared for " << cmp.effective_compared
            << "), " << cmp.unrepresentable << " not UTF-8 (skipped)\n";
  for (const allowance* a : allowances)
    if (a->count) std::cout << "  allowed " << a->count << " x " << a->name << " -- " << a->why << "\n";
  if (cmp.failures == 0) {
    std::cout << "  no unexplained differences\n";
    return 0;
  }
  std::cout << "  " << cmp.failures << " unexplained differences in " << cmp.urls_failing << " URLs:";
  for (const auto& [field, count] : cmp.by_field) std::cout << " " << field << " x" << count << ";";
  std::cout << "\n";
  return 1;
}
