// rsconn — the command-line face of the library.
//
//   rsconn parse [--json] [--show-secrets] INPUT          what a connection string says (JDBC,
//                                                          ODBC, libpq keywords or URI, endpoint, host)
//   rsconn check INPUT...                                  diagnostics; exit 1 if any is an error
//   rsconn convert --to FORM [--driver NAME] [--hostaddr ADDR] [--drop-unknown|--keep-unknown]
//                  [--show-secrets] INPUT...               warnings (left out, TLS changed) on stderr
//     FORM: jdbc jdbc-iam jdbc-iam-legacy odbc endpoint libpq libpq-uri rsql data-api
//   rsconn build --workgroup W --account A --region R [--port P] [--database D] [--user U] --to FORM
//   rsconn options [--form jdbc|odbc|python|libpq] [--json|--markdown] [NAME]
//                                                          the option catalogue (options_command.cpp)
//
// Exit codes (a public contract, exit_codes.hpp): 0 success; 1 an input does not parse (parse,
// convert) or names no option (options), has an error-severity diagnostic (check), or cannot
// be written in the target form (convert, build); 2 usage error. '-' as an INPUT reads one
// input per line from stdin.
#include <algorithm>
#include <cstddef>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <rsconn/rsconn.hpp>

#include "exit_codes.hpp"
#include "options_command.hpp"

namespace {

using json = nlohmann::json;
using rsconn_cli::exit_failure;
using rsconn_cli::exit_ok;
using rsconn_cli::exit_usage;

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
// (password=, PWD=, SessionToken=, ...) and a URI's user:password@, so that the echo never
// prints a password. The mask keeps the length, so the caret still points at the right byte.
// Where the end of a value is unclear the mask runs on (to ';', '&' or the end of the text).
std::string mask_secrets(std::string text) {
  constexpr std::string_view space = " \t\r\n\f\v";
  auto mask = [&text](std::size_t from, std::size_t to) {
    for (std::size_t j = from; j < to && j < text.size(); ++j) text[j] = '*';
  };
  // libpq URIs: user[:password]@ ends at the first '@' before any '/'.
  if (std::size_t scheme = text.find("://"); scheme != std::string::npos) {
    std::size_t start = scheme + 3;
    std::size_t at = text.find_first_of("@/", start);
    if (at != std::string::npos && text[at] == '@') {
      std::size_t colon = text.find(':', start);
      if (colon < at) mask(colon + 1, at);
    }
  }
  std::size_t i = 0;
  while ((i = text.find('=', i)) != std::string::npos) {
    std::size_t key_end = text.find_last_not_of(space, i == 0 ? 0 : i - 1);  // libpq and ODBC allow "key = value"
    key_end = (i == 0 || key_end == std::string::npos) ? 0 : key_end + 1;
    std::size_t key_start = key_end == 0 ? std::string::npos : text.find_last_of(";&?{ \t", key_end - 1);
    key_start = key_start == std::string::npos ? 0 : key_start + 1;
    if (key_start > key_end || !rsconn::is_secret_key(std::string_view(text.data() + key_start, key_end - key_start))) {
      ++i;  // not a secret: its value may still hold one (libpq keywords have no ';')
      continue;
    }
    std::size_t start = text.find_first_not_of(space, i + 1);
    const char open = start == std::string::npos ? '\0' : text[start];
    std::size_t end = std::string::npos;
    if (open == '\'') {
      // A libpq 'quoted' value: a backslash escapes the next character.
      for (std::size_t j = start + 1; j < text.size() && end == std::string::npos; ++j) {
        if (text[j] == '\\') ++j;
        else if (text[j] == '\'') end = j + 1;
      }
    } else if (open == '{') {
      // An ODBC {braced} value: "}}" is one '}'; an odd run of '}' closes it.
      for (std::size_t j = start + 1; j < text.size() && end == std::string::npos; ++j) {
        if (text[j] != '}') continue;
        std::size_t run_end = std::min(text.find_first_not_of('}', j), text.size());
        if ((run_end - j) % 2 == 1) end = run_end;
        j = run_end - 1;
      }
    } else {
      end = text.find_first_of(";&", i + 1);
    }
    end = std::min(end, text.size());
    mask(i + 1, end);
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
            << "  " << std::string(column_of(shown, e.offset), ' ') << "^\n";
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

// The form --from names for every input (empty: detect each input's form).
std::string input_form;  // NOLINT(cppcoreguidelines-avoid-non-const-global-variables): set once by CLI11

// The names --from takes: source_form_named's.
const std::vector<std::string>& source_form_names() {
  static const std::vector<std::string> names = {"jdbc", "odbc", "libpq", "libpq-keywords", "libpq-uri", "endpoint",
                                                 "host"};
  return names;
}

// An input read as --from says, or as its detected form.
rsconn::result<rsconn::connection> parse_input(const std::string& input) {
  if (input_form.empty()) return rsconn::parse(input);
  return rsconn::parse(input, *rsconn::source_form_named(input_form));
}

int run_parse(const std::string& input, bool as_json, bool show_secrets) {
  auto parsed = parse_input(input);
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
  auto parsed = parse_input(input);
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



// The target forms of `convert` and `build`, by their CLI names.
const std::vector<std::string>& target_forms() {
  static const std::vector<std::string> forms = {"jdbc",     "jdbc-iam",  "jdbc-iam-legacy", "odbc",    "endpoint",
                                                 "libpq",    "libpq-uri", "rsql",            "data-api"};
  return forms;
}

struct convert_options {
  std::string to;
  std::string driver;    // ODBC Driver= (default: the 2.x driver's name)
  std::string hostaddr;  // libpq hostaddr=
  bool drop_unknown = false;
  bool keep_unknown = false;
  bool show_secrets = false;
  [[nodiscard]] rsconn::unknown_keys unknown() const noexcept {
    return drop_unknown ? rsconn::unknown_keys::drop
           : keep_unknown ? rsconn::unknown_keys::keep
                          : rsconn::unknown_keys::refuse;
  }
};

// The driver whose form a target is, for the conversion notes (none for endpoint, rsql and
// data-api, which carry no driver options).
std::optional<rsconn::driver> target_driver(const std::string& to) {
  if (to == "jdbc" || to == "jdbc-iam" || to == "jdbc-iam-legacy") return rsconn::driver::jdbc;
  if (to == "odbc") return rsconn::driver::odbc;
  if (to == "libpq" || to == "libpq-uri") return rsconn::driver::libpq;
  return std::nullopt;
}

// An argv form as one shell line; environment entries (RSPASSWORD) go first, as assignments.
std::string command_line(const std::vector<std::pair<std::string, std::string>>& environment,
                         const std::string& arguments) {
  std::string out;
  for (const auto& [name, value] : environment) out += name + "=" + rsconn::shell_quote(value) + " ";
  return out + arguments;
}

rsconn::result<std::string> convert_to(const rsconn::connection& c, const convert_options& options) {
  const std::string& to = options.to;
  if (to == "endpoint") return rsconn::to_endpoint(c);
  if (to == "odbc") {
    rsconn::odbc_options odbc;
    if (!options.driver.empty()) odbc.driver = options.driver;
    odbc.reveal_secrets = options.show_secrets;
    odbc.unknown = options.unknown();
    return rsconn::to_odbc(c, odbc);
  }
  if (to == "libpq" || to == "libpq-uri") {
    rsconn::libpq_options libpq;
    libpq.reveal_secrets = options.show_secrets;
    libpq.drop_unknown = options.drop_unknown;
    libpq.hostaddr = options.hostaddr;
    return to == "libpq" ? rsconn::to_libpq(c, libpq) : rsconn::to_libpq_uri(c, libpq);
  }
  if (to == "rsql") {
    rsconn::rsql_options rsql;
    rsql.reveal_secrets = options.show_secrets;
    return rsconn::to_rsql(c, rsql).map(
        [](const rsconn::rsql_command& command) { return command_line(command.environment, command.command_line()); });
  }
  if (to == "data-api")
    return rsconn::to_data_api(c).map([](const rsconn::data_api_command& command) { return command.command_line(); });
  rsconn::jdbc_options jdbc;
  jdbc.reveal_secrets = options.show_secrets;
  jdbc.unknown = options.unknown();
  jdbc.style = to == "jdbc-iam"          ? rsconn::jdbc_style::iam
               : to == "jdbc-iam-legacy" ? rsconn::jdbc_style::legacy_iam
                                         : rsconn::jdbc_style::standard;
  return rsconn::to_jdbc(c, jdbc);
}

// Whether converting into `to` refuses property `p` as a translation (an option the target
// lacks, a value it would read differently, a key the source driver does not know): what
// --drop-unknown and --keep-unknown decide.
bool translation_refuses(const rsconn::connection& c, const rsconn::property& p, const std::string& to) {
  std::optional<rsconn::driver> target = target_driver(to);
  rsconn::driver from = rsconn::driver_of(c.form);
  if (!target || *target == from) return false;
  return rsconn::translate_property(p, from, *target, rsconn::unknown_keys::refuse, rsconn::setting_spellings(c))
             .what == rsconn::property_translation::verdict::refuse;
}

// The property a writer refused: the one whose key stands at the error's offset. At offset 0
// only a translation refusal names one: other refusals there are about the whole string, and an
// ODBC or libpq string's first key stands there too.
const rsconn::property* refused_property_of(const rsconn::connection& c, const rsconn::error& e,
                                            const std::string& to) {
  if (e.code != rsconn::errc::unrepresentable_value) return nullptr;
  for (const rsconn::property& p : c.properties)
    if (p.offset == e.offset && !p.key.empty() && (e.offset > 0 || translation_refuses(c, p, to))) return &p;
  return nullptr;
}

// "KEY (option ID): " for the property a writer refused (rsconn::property_label).
std::string refused_property(const rsconn::connection& c, const rsconn::error& e, const std::string& to) {
  const rsconn::property* p = refused_property_of(c, e, to);
  if (!p) return {};
  bool follows_secret = p != c.properties.data() && (p - 1)->secret();
  return rsconn::property_label(*p, c.option_of(*p), follows_secret) + ": ";
}

// How --drop-unknown and --keep-unknown would have written a property the translation refused.
std::string unknown_keys_hint(const rsconn::connection& c, const rsconn::error& e, const std::string& to) {
  const rsconn::property* p = refused_property_of(c, e, to);
  if (!p || !translation_refuses(c, *p, to)) return {};
  if (target_driver(to) == rsconn::driver::libpq) return "; --drop-unknown leaves it out";
  return "; --drop-unknown leaves it out, --keep-unknown writes it as written";
}

// Converts one input; prints the result or the reason. Returns whether it worked.
bool convert_one(const std::string& label, const std::string& input, const convert_options& options) {
  auto parsed = parse_input(input);
  if (!parsed) {
    std::cerr << label << ": " << parsed.error().message() << " (" << rsconn::to_string(parsed.error().code)
              << " at byte " << parsed.error().offset << ")\n";
    return false;
  }
  auto converted = convert_to(*parsed, options);
  if (!converted) {
    const rsconn::error& e = converted.error();
    std::cerr << label << ": cannot write it as " << options.to << ": " << refused_property(*parsed, e, options.to)
              << e.message() << " (" << rsconn::to_string(e.code) << " at byte " << e.offset << ")"
              << unknown_keys_hint(*parsed, e, options.to) << "\n";
    return false;
  }
  // What the conversion left out or changed, after the result so that stdout stays one line.
  if (std::optional<rsconn::driver> to = target_driver(options.to))
    for (const rsconn::diagnostic& d : rsconn::conversion_notes(*parsed, *to, options.unknown()))
      std::cerr << label << ": " << rsconn::to_string(d.severity) << ": " << d.message << " ["
                << rsconn::to_string(d.code) << " at byte " << d.offset << "]\n";
  std::cout << *converted << "\n";
  return true;
}

// Runs `each(label, input)` over the inputs, reading stdin line by line for '-'. Returns
// whether every call succeeded.
template <class F>
bool for_each_input(const std::vector<std::string>& inputs, F each) {
  bool all = true;
  std::size_t argument = 0;
  for (const std::string& input : inputs) {
    ++argument;
    if (input != "-") {
      all = each("input " + std::to_string(argument), input) && all;
      continue;
    }
    std::string line;
    std::size_t number = 0;
    while (std::getline(std::cin, line)) {
      ++number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty()) continue;
      all = each("stdin:" + std::to_string(number), line) && all;
    }
  }
  return all;
}

struct build_options {
  std::string workgroup, account, region, user;
  std::string database = "dev";  // the database AWS creates with every workgroup
  long long port = rsconn::port::default_number;
};

int run_build(const build_options& parts, const convert_options& options) {
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
    std::cerr << "rsconn: --port " << parts.port << ": Redshift Serverless listens only on ports 5431-5455 and 8191-8215\n";
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
  auto converted = convert_to(c, options);
  if (!converted) {
    std::cerr << "rsconn: cannot write it as " << options.to << ": " << converted.error().message() << "\n";
    return exit_failure;
  }
  std::cout << *converted << "\n";
  return exit_ok;
}

int run_check(const std::vector<std::string>& inputs) {
  return for_each_input(inputs, check_one) ? exit_ok : exit_failure;
}
}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"rsconn: parse, check and convert Amazon Redshift connection strings"};
  app.set_version_flag("--version", std::string(rsconn::version_string));
  app.require_subcommand(1);

  bool as_json = false;
  bool show_secrets = false;
  std::string parse_input_text;
  CLI::App* parse = app.add_subcommand("parse", "Show what a connection string says (JDBC, ODBC, libpq, endpoint, host)");
  parse->add_flag("--json", as_json, "Print exactly one JSON object");
  parse->add_option("--from", input_form, "Read every input as this form instead of detecting it")
      ->check(CLI::IsMember(source_form_names()));
  parse->add_flag("--show-secrets", show_secrets, "Show passwords and tokens instead of ***");
  parse->add_option("INPUT", parse_input_text, "The connection string")->required();

  std::vector<std::string> check_inputs;
  CLI::App* check = app.add_subcommand("check", "Print diagnostics; exit 1 if any input has an error");
  check->add_option("--from", input_form, "Read every input as this form instead of detecting it")
      ->check(CLI::IsMember(source_form_names()));
  check->add_option("INPUT", check_inputs, "Connection strings; '-' reads one per line from stdin")->required();

  convert_options conversion;
  std::vector<std::string> convert_inputs;
  CLI::App* convert = app.add_subcommand("convert", "Write connection strings in another form");
  convert->add_option("--to", conversion.to, "The form to write")->required()->check(CLI::IsMember(target_forms()));
  convert->add_option("--driver", conversion.driver, "The ODBC driver name to write (odbc)");
  convert->add_option("--hostaddr", conversion.hostaddr, "Connect to this address, keeping the host name (libpq)");
  CLI::Option* drop_unknown = convert->add_flag(
      "--drop-unknown", conversion.drop_unknown,
      "Leave out properties the target driver cannot carry (each listed as a warning on stderr)");
  convert->add_flag("--keep-unknown", conversion.keep_unknown,
                    "Write properties the target driver would not know through as written (JDBC, ODBC)")
      ->excludes(drop_unknown);
  convert->add_flag("--show-secrets", conversion.show_secrets, "Write passwords and tokens instead of ***");
  convert->add_option("--from", input_form, "Read every input as this form instead of detecting it")
      ->check(CLI::IsMember(source_form_names()));
  convert->add_option("INPUT", convert_inputs, "Connection strings; '-' reads one per line from stdin")->required();

  build_options parts;
  convert_options build_target;
  CLI::App* build = app.add_subcommand("build", "Compose a Serverless connection string from its parts");
  build->add_option("--workgroup", parts.workgroup, "Workgroup name")->required();
  build->add_option("--account", parts.account, "12-digit AWS account ID")->required();
  build->add_option("--region", parts.region, "Region code, e.g. us-east-1")->required();
  build->add_option("--port", parts.port, "Port (5431-5455 or 8191-8215; default 5439)");
  build->add_option("--database", parts.database, "Database name (default dev, the database a workgroup is created with)");
  build->add_option("--user", parts.user, "User name");
  build->add_option("--to", build_target.to, "The form to write")->required()->check(CLI::IsMember(target_forms()));
  build->add_option("--driver", build_target.driver, "The ODBC driver name to write (odbc)");
  build->add_option("--hostaddr", build_target.hostaddr, "Connect to this address, keeping the host name (libpq)");
  build->add_flag("--show-secrets", build_target.show_secrets, "Write passwords instead of ***");

  rsconn_cli::options_request options_request;
  CLI::App* options = rsconn_cli::add_options_command(app, options_request);

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

  if (parse->parsed()) {
    if (parse_input_text != "-") return run_parse(parse_input_text, as_json, show_secrets);
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
    return run_parse(lines.front(), as_json, show_secrets);
  }
  if (convert->parsed()) {
    bool all = for_each_input(convert_inputs, [&](const std::string& label, const std::string& input) {
      return convert_one(label, input, conversion);
    });
    return all ? exit_ok : exit_failure;
  }
  if (build->parsed()) return run_build(parts, build_target);
  if (options->parsed()) return rsconn_cli::run_options(options_request);
  return run_check(check_inputs);
}
