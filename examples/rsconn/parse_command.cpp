// rsconn parse [--json] [--from FORM] [--show-secrets] INPUT: what a connection string says.
// Exit 1 when it does not parse ('-' reads the one INPUT from stdin; more or fewer lines are a
// usage error).
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <rsconn/rsconn.hpp>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "forms.hpp"
#include "inputs.hpp"

namespace rsconn_cli {
namespace {

using json = nlohmann::json;

struct parse_request {
  std::string input;
  std::optional<rsconn::source_form> from;
  bool json = false;
  bool show_secrets = false;
};

json optional_text(const std::optional<std::string>& value) { return value ? json(*value) : json(nullptr); }

// The partition of the effective region, when it is a valid region code.
json partition_of(const rsconn::connection& c) {
  if (!c.region || !rsconn::region::is_valid(*c.region)) return nullptr;
  return std::string(rsconn::to_string(rsconn::region::partition_of(*c.region)));
}

json to_json(const rsconn::connection& c, std::string_view input, bool show_secrets) {
  json out = json::object();
  out["form"] = std::string(rsconn::to_string(c.form));
  out["iam"] = c.iam;
  json hosts = json::array();
  for (const rsconn::address& a : c.hosts) hosts.push_back({{"host", a.host}, {"port", a.port}});
  out["hosts"] = std::move(hosts);
  out["database"] = optional_text(c.database);
  out["target"] = std::string(rsconn::to_string(c.target));
  out["host_kind"] = c.hosts.empty() ? json(nullptr) : json(std::string(rsconn::to_string(c.first_host().kind)));
  out["workgroup"] = optional_text(c.workgroup);
  out["account_id"] = optional_text(c.account_id);
  out["region"] = optional_text(c.region);
  out["partition"] = partition_of(c);
  out["cluster_id"] = optional_text(c.cluster_id);
  out["legacy_iam"] = c.legacy_iam;
  // "setting": the catalogue id of the option the key names in the form's driver, or null.
  const rsconn::driver keys = rsconn::driver_of(c.form);
  json properties = json::array();
  for (const rsconn::property& p : c.properties) {
    std::string_view setting = rsconn::find_option(keys, p.key).option.id();
    properties.push_back({{"key", p.key},
                          {"value", p.secret() && !show_secrets ? std::string(rsconn::redacted) : p.value},
                          {"setting", setting.empty() ? json(nullptr) : json(std::string(setting))}});
  }
  out["properties"] = std::move(properties);
  json diagnostics = json::array();
  for (const rsconn::diagnostic& d : diagnostics_of(c, input))
    diagnostics.push_back({{"severity", std::string(rsconn::to_string(d.severity))},
                           {"code", std::string(rsconn::to_string(d.code))},
                           {"offset", d.offset},
                           {"message", d.message}});
  out["diagnostics"] = std::move(diagnostics);
  return out;
}

// Strings from the user may hold any bytes; JSON output stays valid UTF-8.
std::string dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

void print_human(const rsconn::connection& c, std::string_view input, bool show_secrets) {
  auto line = [](std::string_view label, const std::string& value) {
    std::cout << "  " << label << std::string(label.size() < 12 ? 12 - label.size() : 1, ' ') << value << "\n";
  };
  auto text = [](const std::optional<std::string>& v) { return v ? *v : std::string("-"); };
  std::cout << rsconn::to_string(c.form) << " (" << rsconn::to_string(c.target) << (c.iam ? ", IAM" : "")
            << (c.legacy_iam ? ", legacy IAM syntax" : "") << ")\n";
  for (const rsconn::address& a : c.hosts)
    line("host", a.host + ":" + std::to_string(a.port) + " (" +
                     std::string(rsconn::to_string(rsconn::classify_host(a.host).kind)) + ")");
  line("database", text(c.database));
  line("workgroup", text(c.workgroup));
  line("account", text(c.account_id));
  line("region", text(c.region));
  line("cluster", text(c.cluster_id));
  for (const rsconn::property& p : c.properties)
    line("property", p.key + "=" + (p.secret() && !show_secrets ? std::string(rsconn::redacted) : p.value));
  for (const rsconn::diagnostic& d : diagnostics_of(c, input))
    std::cout << "  " << rsconn::to_string(d.severity) << ": " << d.message << " [" << rsconn::to_string(d.code)
              << " at byte " << d.offset << "]\n";
}

int parse_one(const std::string& input, const parse_request& request) {
  auto parsed = parse_input(input, request.from);
  if (!parsed) {
    if (request.json) {
      json error = {{"error",
                     {{"code", std::string(rsconn::to_string(parsed.error().code))},
                      {"offset", parsed.error().offset},
                      {"message", std::string(parsed.error().message())}}}};
      std::cout << dump(error) << "\n";
    } else {
      print_parse_error(input, parsed.error(), request.show_secrets);
    }
    return exit_failure;
  }
  if (request.json) std::cout << dump(to_json(*parsed, input, request.show_secrets)) << "\n";
  else print_human(*parsed, input, request.show_secrets);
  return exit_ok;
}

int run_parse(const parse_request& request) {
  if (request.input != "-") return parse_one(request.input, request);
  // '-': the one input is read from stdin (blank lines skipped, as for check and convert).
  std::vector<std::string> lines;
  (void)for_each_input({"-"}, [&lines](const std::string&, const std::string& line) {
    lines.push_back(line);
    return true;
  });
  if (lines.size() != 1) {
    std::cerr << "rsconn: parse takes one INPUT; stdin gave " << lines.size() << "\n";
    return exit_usage;
  }
  return parse_one(lines.front(), request);
}

}  // namespace

void add_parse_command(CLI::App& app, int& exit_code) {
  auto request = std::make_shared<parse_request>();
  CLI::App* command =
      app.add_subcommand("parse", "Show what a connection string says (JDBC, ODBC, libpq, endpoint, host)");
  command->add_flag("--json", request->json, "Print exactly one JSON object");
  add_from_option(*command, request->from);
  command->add_flag("--show-secrets", request->show_secrets, "Show passwords and tokens instead of ***");
  command->add_option("INPUT", request->input, "The connection string")->required();
  command->callback([request, &exit_code] { exit_code = run_parse(*request); });
}

}  // namespace rsconn_cli
