// rsconn build --workgroup W --account A --region R [--port P] [--database D] [--user U]
//              --to FORM [--driver NAME] [--hostaddr ADDR] [--show-secrets]
// Composes a Serverless connection from its parts and writes it in FORM. Exit 1 when a part is
// not valid or the form cannot carry the connection.
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include <rsconn/rsconn.hpp>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "forms.hpp"
#include "write.hpp"

namespace rsconn_cli {
namespace {

struct build_request {
  std::string workgroup, account, region, user;
  std::string database = "dev";  // the database AWS creates with every workgroup
  long long port = rsconn::port::default_number;
  write_options write;
};

int run_build(const build_request& parts) {
  auto complain = [](std::string_view flag, const std::string& value, const rsconn::error& e) {
    std::cerr << "rsconn: " << flag << " \"" << value << "\": " << e.message() << " (" << rsconn::to_string(e.code)
              << " at byte " << e.offset << ")\n";
    return exit_failure;
  };
  auto workgroup = rsconn::workgroup_name::make(parts.workgroup);
  if (!workgroup) return complain("--workgroup", parts.workgroup, workgroup.error());
  auto account = rsconn::account_id::make(parts.account);
  if (!account) return complain("--account", parts.account, account.error());
  auto where = rsconn::region::make(parts.region);
  if (!where) return complain("--region", parts.region, where.error());
  auto listen = rsconn::port::make(parts.port);
  if (!listen) return complain("--port", std::to_string(parts.port), listen.error());
  if (!listen->in_serverless_range()) {
    std::cerr << "rsconn: --port " << parts.port
              << ": Redshift Serverless listens only on ports 5431-5455 and 8191-8215\n";
    return exit_failure;
  }
  std::optional<std::string> database;
  if (!parts.database.empty()) {
    auto name = rsconn::database_name::make(parts.database);
    if (!name) return complain("--database", parts.database, name.error());
    database = parts.database;
  }
  rsconn::connection c = rsconn::make_serverless_connection(*workgroup, *account, *where, *listen, database);
  if (!parts.user.empty()) c.properties.push_back({"user", parts.user});
  auto written = write_connection(c, parts.write);
  if (!written) {
    std::cerr << "rsconn: cannot write it as " << name_of(parts.write.to) << ": " << written.error().message() << "\n";
    return exit_failure;
  }
  std::cout << *written << "\n";
  return exit_ok;
}

}  // namespace

void add_build_command(CLI::App& app, int& exit_code) {
  auto parts = std::make_shared<build_request>();
  CLI::App* command = app.add_subcommand("build", "Compose a Serverless connection string from its parts");
  command->add_option("--workgroup", parts->workgroup, "Workgroup name")->required();
  command->add_option("--account", parts->account, "12-digit AWS account ID")->required();
  command->add_option("--region", parts->region, "Region code, e.g. us-east-1")->required();
  command->add_option("--port", parts->port, "Port (5431-5455 or 8191-8215; default 5439)");
  command->add_option("--database", parts->database,
                      "Database name (default dev, the database a workgroup is created with)");
  command->add_option("--user", parts->user, "User name");
  add_to_option(*command, parts->write.to);
  command->add_option("--driver", parts->write.driver, "The ODBC driver name to write (odbc)");
  command->add_option("--hostaddr", parts->write.hostaddr, "Connect to this address, keeping the host name (libpq)");
  command->add_flag("--show-secrets", parts->write.show_secrets, "Write passwords instead of ***");
  command->callback([parts, &exit_code] { exit_code = run_build(*parts); });
}

}  // namespace rsconn_cli
