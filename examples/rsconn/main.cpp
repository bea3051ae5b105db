// rsconn — the command-line face of the library.
//
//   rsconn parse [--json] [--show-secrets] INPUT   what a connection string says
//   rsconn check INPUT...                           diagnostics; exit 1 if any is an error
//
// Exit codes (a public contract): 0 success; 1 an input does not parse (parse) or has an
// error-severity diagnostic (check); 2 usage error.
#include <cstddef>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <rsconn/rsconn.hpp>

namespace {

using json = nlohmann::json;

constexpr int exit_ok = 0;
constexpr int exit_failure = 1;
constexpr int exit_usage = 2;

json optional_text(const std::optional<std::string>& value) {
  return value ? json(*value) : json(nullptr);
}

// The partition of the effective region, when it is a valid region code.
json partition_of(const rsconn::connection& c) {
  if (!c.region || !rsconn::region::is_valid(*c.region)) return nullptr;
  return std::string(rsconn::to_string(rsconn::region::partition_of(*c.region)));
}

json to_json(const rsconn::connection& c, bool show_secrets) {
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
  json properties = json::array();
  for (const rsconn::property& p : c.properties)
    properties.push_back({{"key", p.key}, {"value", p.secret() && !show_secrets ? std::string(rsconn::redacted) : p.value}});
  out["properties"] = std::move(properties);
  json diagnostics = json::array();
  for (const rsconn::diagnostic& d : rsconn::validate(c))
    diagnostics.push_back({{"severity", std::string(rsconn::to_string(d.severity))},
                           {"code", std::string(rsconn::to_string(d.code))},
                           {"offset", d.offset},
                           {"message", d.message}});
  out["diagnostics"] = std::move(diagnostics);
  return out;
}

// Strings from the user may hold any bytes; JSON output stays valid UTF-8.
std::string dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

// An input that did not parse is shown back to the user; mask what follows a secret's key
// (password=, PWD=, SessionToken=, ...) so that the echo never prints a password. The mask
// keeps the length, so the caret still points at the right byte.
std::string mask_secrets(std::string text) {
  std::size_t i = 0;
  while ((i = text.find('=', i)) != std::string::npos) {
    std::size_t key_start = text.find_last_of(";&?{ \t", i == 0 ? 0 : i - 1);
    key_start = key_start == std::string::npos ? 0 : key_start + 1;
    std::string_view key(text.data() + key_start, i - key_start);
    std::size_t end = text.find_first_of(";&", i + 1);
    if (end == std::string::npos) end = text.size();
    if (rsconn::is_secret_key(key))
      for (std::size_t j = i + 1; j < end; ++j) text[j] = '*';
    i = end;
  }
  return text;
}

// Column of a byte offset, counting UTF-8 code points.
std::size_t column_of(std::string_view text, std::size_t offset) {
  std::size_t column = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  return column;
}

void print_parse_error(std::string_view input, const rsconn::error& e, bool show_secrets) {
  std::string shown = show_secrets ? std::string(input) : mask_secrets(std::string(input));
  std::cerr << "rsconn: " << e.message() << " (" << rsconn::to_string(e.code) << " at byte " << e.offset << ")\n"
            << "  " << shown << "\n"
            << "  " << std::string(column_of(input, e.offset), ' ') << "^\n";
}

void print_human(const rsconn::connection& c, bool show_secrets) {
  auto line = [](std::string_view label, const std::string& value) {
    std::cout << "  " << label << std::string(label.size() < 12 ? 12 - label.size() : 1, ' ') << value << "\n";
  };
  auto text = [](const std::optional<std::string>& v) { return v ? *v : std::string("-"); };
  std::cout << rsconn::to_string(c.form) << " (" << rsconn::to_string(c.target) << (c.iam ? ", IAM" : "")
            << (c.legacy_iam ? ", legacy IAM syntax" : "") << ")\n";
  for (const rsconn::address& a : c.hosts)
    line("host", a.host + ":" + std::to_string(a.port) + " (" + std::string(rsconn::to_string(rsconn::classify_host(a.host).kind)) + ")");
  line("database", text(c.database));
  line("workgroup", text(c.workgroup));
  line("account", text(c.account_id));
  line("region", text(c.region));
  line("cluster", text(c.cluster_id));
  for (const rsconn::property& p : c.properties)
    line("property", p.key + "=" + (p.secret() && !show_secrets ? std::string(rsconn::redacted) : p.value));
  for (const rsconn::diagnostic& d : rsconn::validate(c))
    std::cout << "  " << rsconn::to_string(d.severity) << ": " << d.message << " [" << rsconn::to_string(d.code)
              << " at byte " << d.offset << "]\n";
}

int run_parse(const std::string& input, bool as_json, bool show_secrets) {
  auto parsed = rsconn::parse(input);
  if (!parsed) {
    if (as_json) {
      json error = {{"error",
                     {{"code", std::string(rsconn::to_string(parsed.error().code))},
                      {"offset", parsed.error().offset},
                      {"message", std::string(parsed.error().message())}}}};
      std::cout << dump(error) << "\n";
    } else {
      print_parse_error(input, parsed.error(), show_secrets);
    }
    return exit_failure;
  }
  if (as_json) std::cout << dump(to_json(*parsed, show_secrets)) << "\n";
  else print_human(*parsed, show_secrets);
  return exit_ok;
}

// Returns whether the input is free of errors.
bool check_one(const std::string& label, const std::string& input) {
  auto parsed = rsconn::parse(input);
  if (!parsed) {
    std::cout << label << ": error: " << parsed.error().message() << " [" << rsconn::to_string(parsed.error().code)
              << " at byte " << parsed.error().offset << "]\n";
    return false;
  }
  std::vector<rsconn::diagnostic> diagnostics = rsconn::validate(*parsed);
  if (diagnostics.empty()) std::cout << label << ": ok\n";
  for (const rsconn::diagnostic& d : diagnostics)
    std::cout << label << ": " << rsconn::to_string(d.severity) << ": " << d.message << " ["
              << rsconn::to_string(d.code) << " at byte " << d.offset << "]\n";
  return !rsconn::has_errors(diagnostics);
}

int run_check(const std::vector<std::string>& inputs) {
  bool clean = true;
  std::size_t argument = 0;
  for (const std::string& input : inputs) {
    ++argument;
    if (input == "-") {
      std::string line;
      std::size_t number = 0;
      while (std::getline(std::cin, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) continue;
        clean = check_one("stdin:" + std::to_string(number), line) && clean;
      }
    } else {
      clean = check_one("input " + std::to_string(argument), input) && clean;
    }
  }
  return clean ? exit_ok : exit_failure;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"rsconn: parse, check and convert Amazon Redshift connection strings"};
  app.set_version_flag("--version", std::string(rsconn::version_string));
  app.require_subcommand(1);

  bool as_json = false;
  bool show_secrets = false;
  std::string parse_input;
  CLI::App* parse = app.add_subcommand("parse", "Show what a JDBC URL, endpoint or host says");
  parse->add_flag("--json", as_json, "Print exactly one JSON object");
  parse->add_flag("--show-secrets", show_secrets, "Show passwords and tokens instead of ***");
  parse->add_option("INPUT", parse_input, "The connection string")->required();

  std::vector<std::string> check_inputs;
  CLI::App* check = app.add_subcommand("check", "Print diagnostics; exit 1 if any input has an error");
  check->add_option("INPUT", check_inputs, "Connection strings; '-' reads one per line from stdin")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    (void)app.exit(e);
    return exit_usage;
  }

  if (parse->parsed()) return run_parse(parse_input, as_json, show_secrets);
  return run_check(check_inputs);
}
