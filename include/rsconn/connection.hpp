// rsconn::connection — the one model every form parses into and formats from.
//
// It holds what a connection string means, after the consumer's own rules have been applied:
// the addresses, the database, whether IAM is used, and the *effective* workgroup, account,
// region and cluster id (what the driver would use, host-derived values overridden by explicit
// properties), next to the properties exactly as written.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rsconn/host.hpp"
#include "rsconn/port.hpp"
#include "rsconn/detail/encoded_text.hpp"
#include "rsconn/properties.hpp"

namespace rsconn {

enum class target_kind : unsigned char { unknown, serverless, provisioned };

[[nodiscard]] constexpr std::string_view to_string(target_kind target) noexcept {
  switch (target) {
    case target_kind::serverless: return "serverless";
    case target_kind::provisioned: return "provisioned";
    case target_kind::unknown: return "unknown";
  }
  return "unknown";
}

// The text forms rsconn reads and writes. A SQLAlchemy URL is one form per sqlalchemy-redshift
// dialect, since the dialect decides which driver's option names its query holds
// (rsconn/sqlalchemy.hpp).
enum class source_form : unsigned char {
  jdbc,
  endpoint,
  host,
  odbc,
  libpq_keywords,
  libpq_uri,
  sqlalchemy_redshift_connector,  // redshift+redshift_connector://
  sqlalchemy_psycopg2,            // redshift+psycopg2:// and redshift://
};

[[nodiscard]] constexpr std::string_view to_string(source_form form) noexcept {
  switch (form) {
    case source_form::jdbc: return "jdbc";
    case source_form::endpoint: return "endpoint";
    case source_form::host: return "host";
    case source_form::odbc: return "odbc";
    case source_form::libpq_keywords: return "libpq-keywords";
    case source_form::libpq_uri: return "libpq-uri";
    case source_form::sqlalchemy_redshift_connector: return "sqlalchemy-redshift-connector";
    case source_form::sqlalchemy_psycopg2: return "sqlalchemy-psycopg2";
  }
  return "jdbc";
}

// The driver whose names a form's keys are.
[[nodiscard]] constexpr driver driver_of(source_form form) noexcept {
  switch (form) {
    case source_form::odbc: return driver::odbc;
    case source_form::libpq_keywords:
    case source_form::libpq_uri:
    case source_form::sqlalchemy_psycopg2: return driver::libpq;  // psycopg2 hands its arguments to libpq
    case source_form::sqlalchemy_redshift_connector: return driver::python;
    default: return driver::jdbc;
  }
}

// One host and its port. The port is kept as the consumer read it: the JDBC driver's IAM form
// accepts any digits (99999, 0) without a range check, and `validate` reports such ports.
struct address {
  std::string host;  // as written (case and IPv6 brackets kept)
  std::uint32_t port = port::default_number;
  // Where the host and the port stood in the parsed input (0 when built); not part of the value.
  std::size_t offset = 0;
  std::size_t port_offset = 0;

  friend bool operator==(const address& a, const address& b) noexcept {
    return a.host == b.host && a.port == b.port;
  }
  friend bool operator!=(const address& a, const address& b) noexcept { return !(a == b); }
};

struct connection {
  source_form form = source_form::jdbc;  // the form it was parsed from
  target_kind target = target_kind::unknown;
  std::vector<address> hosts;            // empty for the JDBC cluster-id form
  std::optional<std::string> database;   // absent: the string names none
  bool iam = false;
  // The IAM syntax of JDBC drivers before 2.1.0.9: cluster id "redshift-serverless-<workgroup>",
  // which takes the provisioned GetClusterCredentials route to a Serverless workgroup.
  bool legacy_iam = false;
  std::optional<std::string> workgroup;
  std::optional<std::string> account_id;
  std::optional<std::string> region;
  std::optional<std::string> cluster_id;
  std::vector<property> properties;      // as written, in order, duplicates kept
  std::size_t database_offset = 0;       // where the database stood in the input (not part of the value)

  // The last property with this key (case-insensitive), or nullptr.
  [[nodiscard]] const property* find(std::string_view key) const noexcept {
    return find_property(properties, key);
  }
  // The catalogue option `p`'s key names in this connection's driver, or none for a key the
  // driver does not know. Derived from the key and the form each time, so it cannot drift.
  [[nodiscard]] option_ref option_of(const property& p) const noexcept {
    return find_option(driver_of(form), p.key).option;
  }
  // What the first host says about itself (an `other` host when there is none).
  [[nodiscard]] host_parts first_host() const noexcept {
    return hosts.empty() ? host_parts{} : classify_host(hosts.front().host);
  }

  friend bool operator==(const connection& a, const connection& b) noexcept {
    return a.form == b.form && a.target == b.target && a.hosts == b.hosts &&
           a.database == b.database && a.iam == b.iam && a.legacy_iam == b.legacy_iam &&
           a.workgroup == b.workgroup && a.account_id == b.account_id && a.region == b.region &&
           a.cluster_id == b.cluster_id && a.properties == b.properties;
  }
  friend bool operator!=(const connection& a, const connection& b) noexcept { return !(a == b); }
};

// The cluster-id prefix of the legacy Serverless IAM syntax.
inline constexpr std::string_view legacy_serverless_prefix = "redshift-serverless-";

// The settings a connection string may give explicitly, each overriding what the host says.
// Views into the input; each form's parser fills what its syntax can express.
struct explicit_settings {
  encoded_text cluster_id;
  encoded_text region;
  encoded_text workgroup;
  encoded_text account_id;
  encoded_text is_serverless;
};

// The effective fields, as the JDBC driver derives them (see SPEC §1 and §3): explicit
// settings beat the host; a legacy "redshift-serverless-<wg>" cluster id means Serverless; a
// provisioned or serverless host shape beats an explicit isServerless; a managed VPC
// endpoint's first label is never taken for a workgroup.
struct effective_fields {
  target_kind target = target_kind::unknown;
  bool legacy_iam = false;
  encoded_text workgroup;
  encoded_text account_id;
  encoded_text region;
  encoded_text cluster_id;
};

[[nodiscard]] constexpr effective_fields resolve(const host_parts& host, const explicit_settings& given,
                                                 bool iam) noexcept {
  effective_fields out;
  auto from_host = [](std::string_view part) {
    return part.empty() ? encoded_text{} : encoded_text{part, text_encoding::plain};
  };
  out.cluster_id = given.cluster_id ? given.cluster_id
                   : host.kind == host_kind::provisioned ? from_host(host.cluster)
                                                         : encoded_text{};
  out.region = given.region ? given.region : from_host(host.region);
  out.account_id = given.account_id ? given.account_id
                   : host.service == redshift_service::serverless ? from_host(host.account)
                                                                  : encoded_text{};
  out.workgroup = given.workgroup ? given.workgroup : from_host(host.workgroup);

  encoded_text legacy_workgroup = out.cluster_id.after_prefix(legacy_serverless_prefix);
  // One branch per rule, in the driver's order of precedence; several rules give the same
  // target, and merging them would hide that order.
  // NOLINTBEGIN(bugprone-branch-clone)
  if (legacy_workgroup) {
    out.target = target_kind::serverless;
    out.legacy_iam = iam;
    // "redshift-serverless-" alone names no workgroup (the JDBC driver still takes the
    // Serverless path, IamHelper.setIAMProperties: startsWith): validate reports it.
    if (!out.workgroup && !legacy_workgroup.raw().empty()) out.workgroup = legacy_workgroup;
  } else if (host.kind == host_kind::provisioned ||
             (host.kind == host_kind::vpc_endpoint && host.service == redshift_service::provisioned)) {
    out.target = target_kind::provisioned;
  } else if (host.service == redshift_service::serverless) {
    out.target = target_kind::serverless;
  } else if (given.is_serverless && given.is_serverless.iequals("true")) {
    out.target = target_kind::serverless;
  } else if (out.cluster_id) {
    out.target = target_kind::provisioned;
  } else if (out.workgroup) {
    out.target = target_kind::serverless;
  }
  // NOLINTEND(bugprone-branch-clone)
  return out;
}

// Copies effective fields into the owning model, decoding each value.
inline void assign_effective(connection& c, const effective_fields& eff) {
  auto own = [](const encoded_text& t) { return t ? std::optional<std::string>(t.decoded()) : std::nullopt; };
  c.target = eff.target;
  c.legacy_iam = eff.legacy_iam;
  c.workgroup = own(eff.workgroup);
  c.account_id = own(eff.account_id);
  c.region = own(eff.region);
  c.cluster_id = own(eff.cluster_id);
}

// The endpoint host of a Serverless workgroup: <workgroup>.<account>.<region>.redshift-serverless.<suffix>,
// with the partition's DNS suffix (amazonaws.com.cn in China).
[[nodiscard]] inline std::string serverless_host(const workgroup_name& workgroup, const account_id& account,
                                                 const region& where) {
  std::string host;
  host.reserve(workgroup.str().size() + account.str().size() + where.str().size() + 40);
  host.append(workgroup.str()).append(".").append(account.str()).append(".").append(where.str());
  host.append(".redshift-serverless.").append(where.dns_suffix());
  return host;
}

// A connection to a Serverless workgroup built from validated parts (what `rsconn build` does).
[[nodiscard]] inline connection make_serverless_connection(const workgroup_name& workgroup, const account_id& account,
                                                           const region& where, port listen = port(),
                                                           std::optional<std::string> database = std::nullopt) {
  connection c;
  c.target = target_kind::serverless;
  c.hosts.push_back({serverless_host(workgroup, account, where), listen.number()});
  c.database = std::move(database);
  c.workgroup = std::string(workgroup.str());
  c.account_id = std::string(account.str());
  c.region = std::string(where.str());
  return c;
}

}  // namespace rsconn

