// The Redshift Data API through the AWS CLI (SPEC §5):
//
//   aws redshift-data execute-statement --workgroup-name W --database D [--region R] [--sql S]
//   aws redshift-data execute-statement --cluster-identifier C --database D [--db-user U] [--region R] [--sql
//   S]
//
// The Data API needs no host: it names the workgroup (Serverless, authenticated as the
// caller's IAM identity) or the cluster (provisioned, with temporary credentials for
// --db-user). `to_data_api` takes them from the connection's effective fields, and explains
// what is missing when a host hides them (a custom name, an NLB, or a Redshift-managed VPC
// endpoint, whose host does not name its workgroup).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rsconn/connection.hpp"
#include "rsconn/detail/shell.hpp"
#include "rsconn/error.hpp"
#include "rsconn/host.hpp"
#include "rsconn/properties.hpp"
#include "rsconn/settings.hpp"

namespace rsconn {

struct data_api_options {
  // Appended as --sql when not empty.
  std::string_view sql{};
  // Overrides the connection's region; with neither, --region is left out (the CLI then uses
  // its configured region).
  std::string_view region{};
  // The program to run (argv[0]).
  std::string_view program = "aws";
};

struct data_api_command {
  std::vector<std::string> argv;  // argv[0] is the program
  bool serverless = false;        // --workgroup-name (else --cluster-identifier)

  [[nodiscard]] std::string command_line() const { return shell_command_line(argv); }
};

// The execute-statement call for `c`. Fails with errc::vpc_endpoint_needs_workgroup for a
// managed VPC endpoint host whose workgroup is not given explicitly, with
// errc::missing_required_field when neither a workgroup nor a cluster id is known, and with
// errc::no_database when the connection names no database (the Data API requires one).
[[nodiscard]] inline result<data_api_command> to_data_api(const connection& c,
                                                          const data_api_options& options = {}) {
  host_parts host = c.first_host();
  std::size_t host_at = c.hosts.empty() ? 0 : c.hosts.front().offset;
  bool serverless =
      c.workgroup.has_value() && (c.target == target_kind::serverless || c.target == target_kind::unknown);
  bool provisioned = !serverless && c.cluster_id.has_value() && c.target != target_kind::serverless;
  if (!serverless && !provisioned) {
    if (host.kind == host_kind::vpc_endpoint && host.service == redshift_service::serverless)
      return fail(errc::vpc_endpoint_needs_workgroup, host_at,
                  "the host is a Redshift-managed VPC endpoint, which does not name its workgroup; give the "
                  "workgroup explicitly (serverlessWorkGroup in JDBC, Workgroup in ODBC)");
    if (host.kind == host_kind::vpc_endpoint)
      return fail(
          errc::missing_required_field, host_at,
          "the host is a Redshift-managed VPC endpoint of a cluster, which does not name the cluster; give "
          "the cluster identifier explicitly (ClusterID)");
    if (c.target == target_kind::serverless)
      return fail(errc::missing_required_field, host_at,
                  "the Data API needs the Serverless workgroup name, which this connection does not give");
    return fail(
        errc::missing_required_field, host_at,
        "the Data API needs a Serverless workgroup name or a provisioned cluster identifier; this host "
        "names neither, so give one explicitly (serverlessWorkGroup or ClusterID)");
  }
  if (!c.database)
    return fail(
        errc::no_database, c.database_offset,
        "the Data API needs --database; add the database (dev is the one a workgroup is created with)");
  std::string_view region = !options.region.empty() ? options.region
                            : c.region              ? std::string_view(*c.region)
                                                    : std::string_view{};
  auto has_nul = [](std::string_view s) { return s.find('\0') != std::string_view::npos; };

  data_api_command out;
  out.serverless = serverless;
  out.argv.reserve(12);
  out.argv.emplace_back(options.program);
  out.argv.emplace_back("redshift-data");
  out.argv.emplace_back("execute-statement");
  if (serverless) {
    out.argv.emplace_back("--workgroup-name");
    out.argv.push_back(*c.workgroup);
  } else {
    out.argv.emplace_back("--cluster-identifier");
    out.argv.push_back(*c.cluster_id);
  }
  out.argv.emplace_back("--database");
  out.argv.push_back(*c.database);
  if (!serverless) {
    // Temporary credentials are issued for DbUser, else for the user the string logs in as.
    const property* db_user = find_setting_property(c, setting::db_user);
    if (!db_user) db_user = find_setting_property(c, setting::user);
    if (db_user) {
      out.argv.emplace_back("--db-user");
      out.argv.push_back(db_user->value);
    }
  }
  if (!region.empty()) {
    out.argv.emplace_back("--region");
    out.argv.emplace_back(region);
  }
  if (!options.sql.empty()) {
    out.argv.emplace_back("--sql");
    out.argv.emplace_back(options.sql);
  }
  for (const std::string& word : out.argv)
    if (has_nul(word))
      return fail(errc::unrepresentable_value, 0, "a command-line argument cannot hold a NUL byte");
  return out;
}

}  // namespace rsconn
