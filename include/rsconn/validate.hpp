// validate(connection): everything AWS would refuse, or that would fail at connect time, as
// diagnostics with a severity, a stable code, the byte offset in the parsed input, and a
// sentence a person can act on. Parsing follows the drivers; this follows AWS.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rsconn/connection.hpp"
#include "rsconn/detail/ascii.hpp"
#include "rsconn/diagnostic.hpp"
#include "rsconn/error.hpp"
#include "rsconn/host.hpp"
#include "rsconn/names.hpp"
#include "rsconn/option_values.hpp"
#include "rsconn/options.hpp"
#include "rsconn/port.hpp"
#include "rsconn/settings.hpp"
#include "rsconn/tls.hpp"

namespace rsconn {

namespace detail {

inline std::string in_quotes(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  out += text;
  out += '"';
  return out;
}

class diagnostics_builder {
 public:
  void add(severity s, errc code, std::size_t offset, std::string message) {
    out.push_back({s, code, offset, std::move(message)});
  }
  std::vector<diagnostic> out;
};

inline std::size_t offset_in(std::string_view whole, std::size_t whole_offset, std::string_view part) {
  if (part.empty() || part.data() < whole.data() || part.data() > whole.data() + whole.size()) return whole_offset;
  return whole_offset + static_cast<std::size_t>(part.data() - whole.data());
}

inline void check_region(diagnostics_builder& d, std::string_view region_text, std::size_t offset,
                         const host_parts* host, bool serverless) {
  auto parsed = region::make(region_text);
  if (!parsed && detail::has_upper(region_text)) {
    // The JDBC driver lower-cases the region before it calls AWS, so this one still works there.
    std::string lower(region_text);
    for (char& ch : lower) ch = to_lower(ch);
    if (region::is_valid(lower)) {
      d.add(severity::warning, errc::invalid_region, offset,
            "region " + in_quotes(region_text) + " is written in upper case; the JDBC driver lower-cases it, other "
            "clients may not: write " + in_quotes(lower));
      parsed = region::make(lower);
    }
  }
  if (!parsed) {
    d.add(severity::error, errc::invalid_region, offset + parsed.error().offset,
          "region " + in_quotes(region_text) + " is not a region code such as us-east-1");
    return;
  }
  if (host && !host->dns_suffix.empty()) {
    bool china_suffix = iequals(host->dns_suffix, "amazonaws.com.cn");
    bool china_region = parsed->partition() == partition::aws_cn;
    if (china_suffix != china_region)
      d.add(severity::error, errc::region_partition_mismatch, offset,
            "region " + in_quotes(region_text) + " belongs to partition " + std::string(to_string(parsed->partition())) +
                ", whose endpoints end in " + std::string(parsed->dns_suffix()) + ", but the host ends in " +
                std::string(host->dns_suffix));
  }
  if (serverless && !parsed->offers_serverless())
    d.add(severity::warning, errc::unknown_serverless_region, offset,
          "Redshift Serverless is not known to be offered in region " + in_quotes(region_text) +
              " (check the region code; new regions do appear)");
}

inline void check_host(diagnostics_builder& d, const connection& c, const address& a) {
  std::string_view host = a.host;
  std::size_t at = a.offset;
  if (host.empty()) {
    d.add(severity::error, errc::empty_host, at, "the host name is empty");
    return;
  }
  host_parts parts = classify_host(host);
  driver_host_reading driver = driver_reading(host);
  // DNS ignores case: AWS's naming rules apply to the lower-cased labels (upper case itself is
  // reported once, as uppercase_host).
  auto lowered = [](std::string_view label) {
    std::string out(label);
    for (char& ch : out) ch = to_lower(ch);
    return out;
  };
  if (parts.is_redshift()) {
    if (parts.upper_case)
      d.add(severity::warning, errc::uppercase_host, at,
            "host " + in_quotes(host) + " has upper-case letters; DNS ignores case, but the JDBC and Python drivers match "
            "Redshift host names case-sensitively and will not recognise it; write it in lower case");
    if (parts.dev_service)
      d.add(severity::warning, errc::dev_service_label, offset_in(host, at, parts.dns_suffix),
            "host " + in_quotes(host) + " names an AWS-internal development endpoint (a \"-dev\" service label)");
    bool serverless = parts.service == redshift_service::serverless;
    if (parts.kind == host_kind::serverless) {
      if (!parts.workgroup.empty()) {
        if (auto wg = workgroup_name::make(lowered(parts.workgroup)); !wg)
          d.add(severity::error, errc::invalid_workgroup_name, offset_in(host, at, parts.workgroup) + wg.error().offset,
                "workgroup " + in_quotes(parts.workgroup) +
                    " breaks AWS's rule: 3 to 64 characters, lower-case letters, digits and hyphens only");
      } else if (!c.workgroup) {
        d.add(severity::warning, errc::driver_misreads_host, at,
              "host " + in_quotes(host) + " is the account-only Serverless form, which the drivers do not recognise; "
              "use the workgroup endpoint <workgroup>." + std::string(parts.account) + "." + std::string(parts.region) +
              ".redshift-serverless." + std::string(parts.dns_suffix) + ", or give serverlessWorkGroup");
      }
    }
    if (serverless || parts.kind == host_kind::serverless) {
      if (auto acct = account_id::make(lowered(parts.account)); !acct)
        d.add(severity::error, errc::invalid_account_id, offset_in(host, at, parts.account) + acct.error().offset,
              "account " + in_quotes(parts.account) + " is not a 12-digit AWS account ID");
    }
    if (parts.kind == host_kind::provisioned) {
      if (auto id = cluster_id::make(lowered(parts.cluster)); !id)
        d.add(severity::error, errc::invalid_cluster_id, offset_in(host, at, parts.cluster) + id.error().offset,
              "cluster identifier " + in_quotes(parts.cluster) +
                  " breaks AWS's rule: 1 to 63 lower-case letters, digits and hyphens, a letter first, no \"--\", "
                  "no trailing hyphen");
    }
    if (parts.kind == host_kind::vpc_endpoint) {
      if (auto name = vpc_endpoint_name::make(parts.endpoint_name); !name)
        d.add(severity::error, errc::invalid_vpc_endpoint_name,
              offset_in(host, at, parts.endpoint_name) + name.error().offset,
              "VPC endpoint name " + in_quotes(parts.endpoint_name) +
                  " breaks AWS's rule: 1 to 30 letters, digits and hyphens, a letter first");
      if (serverless && !c.workgroup) {
        std::string message = "host " + in_quotes(host) + " is a Redshift-managed VPC endpoint (" +
                              in_quotes(parts.endpoint_name) + "); it does not name its workgroup";
        if (c.iam)
          message += ", and the JDBC driver would take " + in_quotes(driver.first) +
                     " for the workgroup and fail with \"Serverless workgroup not found\"; add "
                     "serverlessWorkGroup=<workgroup> to the URL's arguments";
        else
          message += "; IAM authentication would need serverlessWorkGroup=<workgroup>";
        d.add(c.iam ? severity::error : severity::warning, errc::vpc_endpoint_needs_workgroup, at, message);
      }
    }
    check_region(d, lowered(parts.region), offset_in(host, at, parts.region), &parts, serverless);
    if (!parts.upper_case && driver.service == redshift_service::none && parts.kind != host_kind::vpc_endpoint &&
        !parts.workgroup.empty())
      d.add(severity::warning, errc::driver_misreads_host, at,
            "the JDBC driver's host pattern does not match " + in_quotes(host) + "; give the fields explicitly");
    return;
  }

  // Not a Redshift host by rsconn's reading.
  if (driver.service != redshift_service::none) {
    bool serverless_reading = driver.service == redshift_service::serverless;
    d.add(severity::warning, errc::driver_misreads_host, at,
          "the JDBC driver would read " + in_quotes(host) + " as a " +
              (serverless_reading ? "Serverless workgroup " + in_quotes(driver.first) + " in account " + in_quotes(driver.second)
                                  : "provisioned cluster " + in_quotes(driver.first)) +
              " in region " + in_quotes(driver.region) +
              ", but it is not a well-formed Redshift endpoint (extra labels, a character in place of the '.', or a "
              "tail after amazonaws.com); IAM would look up the wrong resource");
  } else {
    // The RSQL docs' example omits the service label: <workgroup>.<account>.<region>.amazonaws.com.
    std::string_view h = host;
    if (!h.empty() && h.back() == '.') h.remove_suffix(1);
    for (std::string_view suffix : {std::string_view(".amazonaws.com.cn"), std::string_view(".amazonaws.com")}) {
      if (!iends_with(h, suffix)) continue;
      std::string_view front = h.substr(0, h.size() - suffix.size());
      std::size_t last = front.rfind('.');
      if (last == std::string_view::npos) break;
      std::string_view region_label = front.substr(last + 1);
      std::size_t middle = front.rfind('.', last == 0 ? 0 : last - 1);
      std::string_view account_label = front.substr(middle == std::string_view::npos ? 0 : middle + 1,
                                                    last - (middle == std::string_view::npos ? 0 : middle + 1));
      if (region::is_valid(region_label) && account_id::make(account_label))
        d.add(severity::warning, errc::not_a_redshift_host, at,
              "host " + in_quotes(host) + " looks like a Serverless endpoint without its service label; did you mean " +
                  in_quotes(std::string(front) + ".redshift-serverless" + std::string(suffix)) + "?");
      break;
    }
  }
}

inline void check_port(diagnostics_builder& d, const address& a, target_kind target) {
  std::string number = std::to_string(a.port);
  if (a.port < 1 || a.port > 65535) {
    d.add(severity::error, errc::invalid_port, a.port_offset, "port " + number + " is not a TCP port (1-65535)");
    return;
  }
  auto p = port::make(a.port).value();
  if (target == target_kind::serverless && !p.in_serverless_range())
    d.add(severity::error, errc::port_outside_serverless_range, a.port_offset,
          "port " + number + " is outside the Serverless ranges 5431-5455 and 8191-8215");
  else if (target == target_kind::provisioned && !p.in_provisioned_range())
    d.add(severity::error, errc::port_outside_provisioned_range, a.port_offset,
          "port " + number + " is below 1150, which no provisioned cluster accepts (RA3: 5431-5455, 8191-8215; "
          "DC2: 1150-65535)");
}

// Where a database user name breaks Redshift's rule (1 to 128 ASCII letters, digits and
// `_ + . @ -`, a letter first, not PUBLIC): the byte offset in `name`, or npos when it keeps it.
// GetClusterCredentials holds DbUser to the same rule.
inline std::size_t user_name_fault(std::string_view name) noexcept {
  constexpr std::size_t max_length = 128;
  if (name.empty() || !is_alpha(name[0])) return 0;
  for (std::size_t i = 0; i < name.size(); ++i) {
    char ch = name[i];
    if (!is_alnum(ch) && ch != '_' && ch != '+' && ch != '.' && ch != '@' && ch != '-') return i;
    if (i == max_length) return i;
  }
  if (iequals(name, "public")) return 0;
  return std::string_view::npos;
}

// A user (`user`, `UID`, ...) or DbUser value that no Redshift user can have. DbUser goes to
// GetClusterCredentials, which refuses it: an error. A plain user is checked by the server
// alone, and a quoted identifier can be almost anything: a warning.
inline void check_user_name(diagnostics_builder& d, const property& p, setting which) {
  if (p.value.empty()) return;  // no user given: the driver's (or libpq's) default applies
  std::size_t fault = user_name_fault(p.value);
  if (fault == std::string_view::npos) return;
  bool db_user = which == setting::db_user;
  d.add(db_user ? severity::error : severity::warning, errc::invalid_user_name, p.value_offset,
        std::string(db_user ? "DbUser " : "user name ") + in_quotes(p.value) +
            " breaks Redshift's rule for user names: 1 to 128 letters, digits and _ + . @ -, a letter first, "
            "not PUBLIC" +
            (db_user ? "; GetClusterCredentials refuses it" : ""));
}

inline void check_properties(diagnostics_builder& d, const connection& c) {
  // The last property of each key (case-insensitive). A few properties (the usual case) are
  // compared with those after them, allocating nothing; many are indexed in one hash-map pass,
  // so that a hostile string of thousands of keys stays linear.
  const std::vector<property>& properties = c.properties;
  constexpr std::size_t few = 16;
  bool indexed = properties.size() > few;
  std::unordered_map<std::string, const property*> last_by_key;
  auto folded = [](std::string_view key) {
    std::string out(key);
    for (char& ch : out) ch = to_lower(ch);
    return out;
  };
  if (indexed) {
    last_by_key.reserve(properties.size());
    for (const property& p : properties) last_by_key[folded(p.key)] = &p;
  }
  auto last_of = [&](std::size_t i) -> const property* {
    if (indexed) return last_by_key[folded(properties[i].key)];
    const property* last = &properties[i];
    for (std::size_t j = i + 1; j < properties.size(); ++j)
      if (iequals(properties[j].key, properties[i].key)) last = &properties[j];
    return last;
  };
  for (std::size_t i = 0; i < properties.size(); ++i) {
    const property& p = properties[i];
    const property* last = last_of(i);
    // Each duplicate quotes the winning value: a bounded prefix of it, or a thousand
    // duplicates of a long value would make messages quadratic in the input's size.
    constexpr std::size_t quoted_value_limit = 64;
    if (last != &p)
      d.add(severity::warning, errc::duplicate_property, p.offset,
            "property " + in_quotes(p.key) + " is given more than once; the driver uses the last value" +
                (last->secret() ? std::string()
                 : last->value.size() <= quoted_value_limit
                     ? " " + in_quotes(last->value)
                     : " " + in_quotes(std::string_view(last->value).substr(0, quoted_value_limit)) + "..."));
    if (p.secret() && p.plus_as_space && c.form == source_form::jdbc)
      d.add(severity::warning, errc::unencoded_plus_in_secret, p.value_offset,
            "the value of " + in_quotes(p.key) +
                " has a '+', which the JDBC driver decodes as a space; write a literal '+' as %2B");
    if (last == &p) {
      setting which = setting_of(p.key);
      if (which == setting::user || which == setting::db_user) check_user_name(d, p, which);
    }
    if (last == &p && c.option_of(p).id() == "iam_duration") {
      auto seconds = port::parse(p.value);  // digits only; 1..65535 covers the 900..3600 test
      if (!seconds || seconds->number() < 900 || seconds->number() > 3600)
        d.add(severity::warning, errc::iam_duration_out_of_range, p.value_offset,
              "IAMDuration " + in_quotes(p.value) + " is outside 900-3600 seconds, the range AWS issues credentials for");
    }
  }
}

// The last property of `c` whose key names catalogue option `id` in `c`'s driver, or nullptr.
inline const property* given_option(const connection& c, std::string_view id) noexcept {
  driver drv = driver_of(c.form);
  for (auto it = c.properties.rbegin(); it != c.properties.rend(); ++it)
    if (find_option(drv, it->key).option.id() == id) return &*it;
  return nullptr;
}

// The written name of a catalogue option in a driver (for messages).
inline std::string option_name(std::string_view id, driver d) {
  option_ref o = option_by_id(id);
  return o ? std::string((*o).name(d)) : std::string(id);
}

// What `d`'s name for `key` is, when `key` is another driver's name for an option `d` has too:
// "that is redshift_connector's name; the JDBC driver calls it DbUser".
inline std::string other_form_hint(driver d, std::string_view key) {
  driver other = d;
  option_match m = find_option_elsewhere(d, key, other);
  if (!m) return {};
  std::string out = "; that is " + std::string(driver_title(other)) + "'s name";
  if ((*m.option).in_driver(d))
    out += ", " + std::string(driver_title(d)) + " calls it " + std::string((*m.option).name(d));
  else
    out += ", and " + std::string(driver_title(d)) + " has no such option";
  return out;
}

// Options as the connection's driver reads them (docs/options/): keys it does not know, values
// it refuses, misreads or ignores, and the sets of IAM options it refuses at connect time.
inline void check_options(diagnostics_builder& d, const connection& c) {
  driver drv = driver_of(c.form);
  std::string_view title = driver_title(drv);
  // Nearest-name suggestions cost a scan of the catalogue; a hostile string of thousands of
  // unknown keys gets them for the first few only, so that validation stays linear and cheap.
  constexpr std::size_t suggestions_limit = 16;
  std::size_t suggested = 0;
  bool after_secret = false;
  for (const property& p : c.properties) {
    bool follows_secret = after_secret;
    after_secret = p.secret();
    option_match m = find_option(drv, p.key);
    if (!m && follows_secret) {
      // A secret holding an unencoded separator (password=a&b) makes its rest a key: naming the
      // key would print part of the secret.
      d.add(refuses_unknown_keys(drv) ? severity::error : severity::warning, errc::unknown_option, p.offset,
            "an unknown option follows a secret (not quoted: if the secret holds an unencoded separator, this is the "
            "rest of it; encode the separator)");
      continue;
    }
    if (!m) {
      std::string message = "unknown option " + in_quotes(p.key) + ": " + std::string(title) +
                            (refuses_unknown_keys(drv) ? " refuses it" : " ignores it");
      std::string hint = other_form_hint(drv, p.key);
      if (hint.empty() && suggested < suggestions_limit) {
        ++suggested;
        if (option_match near = nearest_option(drv, p.key))
          hint = "; did you mean " + in_quotes(spelling(drv, near)) + "?" +
                 ((*near.option).secret() ? " (its value is treated as a secret)" : "");
      }
      d.add(refuses_unknown_keys(drv) ? severity::error : severity::warning, errc::unknown_option, p.offset,
            message + hint);
      continue;
    }
    if (p.secret()) continue;  // a verdict quotes the value
    value_verdict v = read_option_value(drv, m.option, p.value);
    if (v.reading == value_reading::as_written) continue;
    // Booleans keep the code they always had; the other kinds get their own.
    errc code = (*m.option).type == option_type::boolean && v.reading != value_reading::refused
                    ? errc::invalid_boolean
                    : errc::invalid_option_value;
    constexpr std::size_t quoted_value_limit = 64;
    std::string_view shown = std::string_view(p.value).substr(0, quoted_value_limit);
    d.add(v.reading == value_reading::refused ? severity::error : severity::warning, code, p.value_offset,
          std::string(title) + " reads " + in_quotes(p.key) + "=" + in_quotes(shown) +
              (p.value.size() > quoted_value_limit ? "..." : "") + " " + std::string(v.how));
  }

  // The IAM option sets the JDBC driver refuses when it connects (docs/options/jdbc.md).
  if (drv != driver::jdbc || !c.iam) return;
  auto given = [&](std::string_view id) { return given_option(c, id); };
  const property* plugin = given("plugin_name");
  const property* profile = given("profile");
  const property* access_key = given("access_key_id");
  const property* secret_key = given("secret_access_key");
  const property* token = given("session_token");
  // With an AuthProfile the driver takes these from the profile and checks no conflicts.
  if (given("auth_profile")) return;
  auto conflict = [&](const property* a, const property* b) {
    d.add(severity::error, errc::conflicting_property, b->offset,
          in_quotes(a->key) + " and " + in_quotes(b->key) +
              " cannot be given together: the JDBC driver refuses the connection (Conflict in connection property "
              "setting)");
  };
  if (plugin && profile) conflict(plugin, profile);
  if (plugin && access_key) conflict(plugin, access_key);
  if (profile && access_key) conflict(profile, access_key);
  if (!access_key && (secret_key || token))
    d.add(severity::error, errc::missing_required_field, (secret_key ? secret_key : token)->offset,
          in_quotes((secret_key ? secret_key : token)->key) + " without " + in_quotes(option_name("access_key_id", drv)) +
              ": the JDBC driver refuses the connection (Missing connection property)");
  if (access_key && !secret_key)
    d.add(severity::warning, errc::missing_required_field, access_key->offset,
          in_quotes(access_key->key) + " without " + in_quotes(option_name("secret_access_key", drv)) +
              ": the JDBC driver uses the password as the secret access key");
  if (!plugin)
    if (const property* password = given("password"); password && ((access_key && secret_key) || profile))
      d.add(severity::warning, errc::conflicting_property, password->offset,
            in_quotes(password->key) + " is ignored: with IAM credentials the JDBC driver logs in with temporary "
            "database credentials, not this password");
}

// The key that names the Serverless workgroup in the connection's form (the JDBC name for the
// forms that have none: libpq's connections get a workgroup from their host only).
inline std::string_view workgroup_key(const connection& c) noexcept {
  return (*option_by_id("workgroup")).name(c.form == source_form::odbc ? driver::odbc : driver::jdbc);
}

// How many bytes of a value the Redshift ODBC driver keeps (SPEC §4), or 0 for no known limit.
inline std::size_t odbc_value_limit(std::string_view key) noexcept {
  std::string_view id = find_option(driver::odbc, key).option.id();
  if (id == "cluster_id") return 255;
  if (id == "db_groups") return 1023;
  if (odbc_alias_rank(key) != 0) return 1024;  // host, port, database, user, password
  for (std::string_view kept : {"dsn", "driver", "region", "workgroup"})
    if (id == kept) return 1024;
  return 0;
}

// The TLS the connection's own driver ends up with (rsconn/tls.hpp), when it does not check
// the server's certificate: libpq's default prefer (plain text when the server offers no TLS),
// require, a JDBC socket factory that trusts any certificate, TLS off. A warning, at the option
// that decides it (docs/options/README.md "Conversion" has how each driver spells the modes).
// A JDBC socket factory of the user's own is left alone: its checks are unknown.
inline void check_tls(diagnostics_builder& d, const connection& c) {
  tls_reading tls = effective_tls(c);
  if (tls.refused || tls.custom_factory || tls.mode >= tls_mode::verify_ca) return;
  driver drv = driver_of(c.form);
  std::string message(driver_title(drv));
  message.append(tls.stated ? " connects with sslmode " : " connects with its default sslmode ")
      .append(to_string(tls.mode))
      .append(": ")
      .append(tls_meaning(tls.mode))
      .append(", so nothing proves the server is the one named; ");
  if (drv == driver::jdbc)
    message.append("leave out ssl=false and the NonValidatingFactory, or set sslmode=verify-full");
  else if (drv == driver::odbc)
    message.append("set SSLMode=verify-full");
  else
    message.append("set sslmode=verify-full and sslrootcert=<the Redshift CA bundle>");
  d.add(severity::warning, errc::tls_unverified, tls.offset, std::move(message));
}

// An ODBC string that libpq reads too, differently: `host=h;port=5439` is, to libpq, one host
// value "h;port=5439" (its values end at a blank; ';' is data). Detection reads it as ODBC;
// this names libpq's reading, from the properties: the first key is a libpq keyword as libpq
// spells it (the catalogue's libpq names, case kept), written `key=value` with neither blanks nor braces, and a ';' follows its value
// directly, so libpq's value runs on through the next properties as long as they are written
// back to back. (A string ODBC cannot read but libpq can, `password=a;b`, is read as libpq.)
inline void check_libpq_reading(diagnostics_builder& d, const connection& c) {
  if (c.properties.size() < 2) return;
  const property& first = c.properties.front();
  if (!find_option(driver::libpq, first.key) || first.value_offset != first.offset + first.key.size() + 1) return;
  auto blank_free = [](std::string_view text) { return text.find_first_of(" \t\n\v\f\r") == std::string_view::npos; };
  if (!blank_free(first.value)) return;
  // libpq's value: the properties written back to back, up to the first blank in one of them.
  // It is quoted only when no secret is part of it (`host=h;PWD=x` is, to libpq, one host
  // value holding the password).
  std::string libpq_value = first.value;
  bool holds_secret = first.secret();
  for (std::size_t i = 1; i < c.properties.size(); ++i) {
    const property& before = c.properties[i - 1];
    const property& p = c.properties[i];
    bool back_to_back = p.offset == before.value_offset + before.value.size() + 1 &&
                        p.value_offset == p.offset + p.key.size() + 1 && blank_free(p.key);
    if (!back_to_back) {
      libpq_value += ";...";
      break;
    }
    std::string_view value = p.value;
    std::size_t blank = value.find_first_of(" \t\n\v\f\r");
    holds_secret = holds_secret || p.secret();
    libpq_value += ";" + p.key + "=" + std::string(value.substr(0, blank));
    if (blank != std::string_view::npos) break;
  }
  if (c.properties[1].offset != first.value_offset + first.value.size() + 1) return;
  std::string message = "libpq reads this string too, differently: to libpq, " + in_quotes(first.key) + " is ";
  message += holds_secret ? std::string("one value up to the first blank, ';' included")
                            : in_quotes(libpq_value) + " (its values end at a blank, not at ';')";
  message += "; rsconn reads it as ODBC, and as libpq does when asked to read it as libpq keywords";
  d.add(severity::warning, errc::ambiguous_form, first.value_offset + first.value.size(), std::move(message));
}

// What the Redshift ODBC driver's own parser does that a reader would not expect (SPEC §4):
// keys that swallowed a setting, JDBC-only keys, truncated values, and aliases that lose.
inline void check_odbc(diagnostics_builder& d, const connection& c) {
  // A setting's spellings rank by name; for each (setting, spelling) the last property counts.
  auto group_of = [](std::string_view key) -> int {
    switch (setting_of(key)) {
      case setting::host: return 0;
      case setting::port: return 1;
      case setting::database: return 2;
      case setting::user: return 3;
      case setting::password: return 4;
      default: return -1;
    }
  };
  const property* last[5][5] = {};
  int best[5] = {};
  for (const property& p : c.properties) {
    int rank = odbc_alias_rank(p.key);
    int group = rank ? group_of(p.key) : -1;
    if (group < 0) continue;
    auto g = static_cast<std::size_t>(group);
    last[g][static_cast<std::size_t>(rank)] = &p;
    if (rank > best[g]) best[g] = rank;
  }
  for (const property& p : c.properties) {
    // The parser never starts a key at ';' or a blank, so a ';' here follows text with no '='.
    if (std::size_t semi = p.key.find(';'); semi != std::string::npos) {
      std::string_view lost = std::string_view(p.key).substr(p.key.rfind(';') + 1);
      lost.remove_prefix(std::min(lost.size(), lost.find_first_not_of(" \t\n\v\f\r")));
      std::string outcome = lost.empty() ? std::string("the value goes to a key that names no setting")
                                         : "the setting " + in_quotes(lost) + " is lost";
      d.add(severity::warning, errc::missing_equals, p.offset + semi,
            "key " + in_quotes(p.key) + " holds a ';': the text before it has no '=', so the driver reads up to the "
            "next '=' as one key and " + outcome + "; remove that text or give it a value");
    }
    if (std::size_t limit = odbc_value_limit(p.key); limit != 0 && p.value.size() > limit)
      d.add(severity::warning, errc::value_truncated_by_driver, p.value_offset + limit,
            "the Redshift ODBC driver keeps only the first " + std::to_string(limit) + " bytes of " + in_quotes(p.key) +
                " and silently drops the other " + std::to_string(p.value.size() - limit));
    if (p.key.size() > 65535)
      d.add(severity::warning, errc::value_truncated_by_driver, p.offset,
            "the Redshift ODBC driver keeps a key's length in 16 bits; this key of " + std::to_string(p.key.size()) +
                " bytes wraps around");
    int rank = odbc_alias_rank(p.key);
    int group = rank ? group_of(p.key) : -1;
    if (group < 0) continue;
    auto g = static_cast<std::size_t>(group);
    const property* winner = last[g][static_cast<std::size_t>(best[g])];
    if (rank != best[g] && last[g][static_cast<std::size_t>(rank)] == &p && winner->value != p.value)
      d.add(severity::warning, errc::conflicting_property, p.offset,
            in_quotes(p.key) + " is ignored: the Redshift ODBC driver uses " + in_quotes(winner->key) +
                ", which it ranks above " + in_quotes(p.key) + " whatever their order");
  }
}

inline std::size_t property_offset(const connection& c, std::string_view key) {
  const property* p = c.find(key);
  return p ? p->value_offset : 0;
}
// Where the value of the last property naming catalogue option `id` in `c`'s driver stands.
inline std::size_t option_offset(const connection& c, std::string_view id) {
  const property* p = given_option(c, id);
  return p ? p->value_offset : 0;
}

// Where the JDBC cluster-id form (jdbc:redshift:iam://CLUSTER:REGION) wrote its two parts,
// unless a property overrode them.
inline std::size_t cluster_part_offset(const connection& c) {
  if (given_option(c, "cluster_id")) return option_offset(c, "cluster_id");
  return c.form == source_form::jdbc ? std::string_view("jdbc:redshift:iam://").size() : 0;
}
inline std::size_t region_part_offset(const connection& c) {
  if (given_option(c, "region")) return option_offset(c, "region");
  if (c.form != source_form::jdbc || !c.cluster_id) return 0;
  constexpr std::size_t cluster_part = std::string_view("jdbc:redshift:iam://").size();
  // A ClusterID property replaced the URL's CLUSTER, whose length is then unknown: point at
  // the cluster-id form's start rather than past the end of the input.
  if (given_option(c, "cluster_id")) return cluster_part;
  return cluster_part + c.cluster_id->size() + 1;
}

}  // namespace detail

// Every problem rsconn can see in a connection, in input order where it can.
[[nodiscard]] inline std::vector<diagnostic> validate(const connection& c) {
  detail::diagnostics_builder d;
  for (const address& a : c.hosts) detail::check_host(d, c, a);
  for (const address& a : c.hosts) detail::check_port(d, a, c.target);

  host_parts host = c.first_host();
  // Explicit fields: their own rules, and agreement with the host.
  if (c.workgroup && (host.workgroup.empty() || *c.workgroup != host.workgroup)) {
    // The text the workgroup came from: serverlessWorkGroup (ODBC: Workgroup), else the legacy cluster id after its prefix.
    std::size_t at = c.find(detail::workgroup_key(c)) ? detail::property_offset(c, detail::workgroup_key(c))
                     : c.legacy_iam ? detail::cluster_part_offset(c) + legacy_serverless_prefix.size()
                                    : 0;
    if (auto wg = workgroup_name::make(*c.workgroup); !wg)
      d.add(severity::error, errc::invalid_workgroup_name, at + wg.error().offset,
            "workgroup " + detail::in_quotes(*c.workgroup) +
                " breaks AWS's rule: 3 to 64 characters, lower-case letters, digits and hyphens only");
    if (!host.workgroup.empty())
      d.add(severity::warning, errc::conflicting_property, at,
            std::string(detail::workgroup_key(c)) + " " + detail::in_quotes(*c.workgroup) + " overrides workgroup " +
                detail::in_quotes(host.workgroup) + " named by the host");
  }
  // The legacy route with nothing after "redshift-serverless-": the model has no workgroup
  // (resolve), and the driver would ask GetClusterCredentials for one with an empty name.
  if (c.legacy_iam && c.cluster_id && *c.cluster_id == legacy_serverless_prefix)
    d.add(severity::error, errc::invalid_workgroup_name, detail::cluster_part_offset(c) + legacy_serverless_prefix.size(),
          "the legacy cluster id " + detail::in_quotes(*c.cluster_id) +
              " names no workgroup: write the workgroup after \"redshift-serverless-\"");
  if (c.account_id && (host.account.empty() || *c.account_id != host.account)) {
    std::size_t at = detail::option_offset(c, "account_id");
    if (auto acct = account_id::make(*c.account_id); !acct)
      d.add(severity::error, errc::invalid_account_id, at + acct.error().offset,
            "account " + detail::in_quotes(*c.account_id) + " is not a 12-digit AWS account ID");
  }
  if (c.region && (host.region.empty() || *c.region != host.region)) {
    std::size_t at = c.hosts.empty() ? detail::region_part_offset(c) : detail::option_offset(c, "region");
    detail::check_region(d, *c.region, at, host.is_redshift() ? &host : nullptr, c.target == target_kind::serverless);
    if (!host.region.empty())
      d.add(severity::warning, errc::conflicting_property, at,
            "Region " + detail::in_quotes(*c.region) + " overrides region " + detail::in_quotes(host.region) +
                " named by the host");
  }
  if (c.cluster_id && !c.legacy_iam && (host.cluster.empty() || *c.cluster_id != host.cluster)) {
    std::size_t at = c.hosts.empty() ? detail::cluster_part_offset(c) : detail::option_offset(c, "cluster_id");
    if (auto id = cluster_id::make(*c.cluster_id); !id)
      d.add(severity::error, errc::invalid_cluster_id, at + id.error().offset,
            "cluster identifier " + detail::in_quotes(*c.cluster_id) +
                " breaks AWS's rule: 1 to 63 lower-case letters, digits and hyphens, a letter first, no \"--\", "
                "no trailing hyphen");
  }
  if (c.workgroup && !c.legacy_iam && c.target == target_kind::serverless && !host.is_redshift() &&
      c.iam) {
    bool odbc = c.form == source_form::odbc;
    const property* flag = detail::given_option(c, "is_serverless");
    bool flagged = flag && reads_as_true(driver_of(c.form), *c.option_of(*flag), flag->value);
    if (!flagged)
      d.add(severity::warning, errc::conflicting_property, detail::property_offset(c, detail::workgroup_key(c)),
            odbc ? "with a custom host the ODBC driver uses Workgroup only when Serverless=1; add it"
                 : "with a custom host the JDBC driver uses serverlessWorkGroup only when isServerless=true; add it");
  }

  if (c.database) {
    if (c.database->empty())
      d.add(severity::warning, errc::no_database, c.database_offset,
            "the database name is empty; the server will use the user name as the database");
    else if (auto db = database_name::make(*c.database); !db)
      d.add(severity::error, errc::invalid_database_name, c.database_offset + db.error().offset,
            "database " + detail::in_quotes(*c.database) + " is not a valid name: 1 to 127 bytes, no control characters");
  } else if (c.form == source_form::jdbc) {
    d.add(severity::warning, errc::no_database, c.database_offset,
          "no database is named, and the JDBC driver has no default; add /dev (the database a workgroup is "
          "created with) or the one you need");
  }
  if (c.form == source_form::libpq_keywords || c.form == source_form::libpq_uri) {
    // libpq defaults to 5432 and to a database named like the user: say so.
    bool port_written = false;
    for (const address& a : c.hosts) port_written = port_written || a.port_offset != 0;
    if (!port_written && !c.hosts.empty())
      d.add(severity::warning, errc::missing_port, 0,
            "no port is given, so libpq uses 5432; Redshift listens on 5439 unless configured otherwise: add port=5439");
    if (!c.database)
      d.add(severity::warning, errc::no_database, 0,
            "no dbname is given, so libpq connects to the database named like the user; add dbname=dev (the "
            "database a workgroup is created with) or the one you need");
  }
  detail::check_properties(d, c);
  detail::check_options(d, c);
  detail::check_tls(d, c);
  if (c.form == source_form::odbc) {
    detail::check_odbc(d, c);
    detail::check_libpq_reading(d, c);
  }
  return std::move(d.out);
}

}  // namespace rsconn
