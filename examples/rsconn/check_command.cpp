// rsconn check [--from FORM] INPUT...: the diagnostics of each input, "ok" for one without any.
// Exit 1 when any input does not parse or has an error-severity diagnostic.
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include <rsconn/rsconn.hpp>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "forms.hpp"
#include "inputs.hpp"

namespace rsconn_cli {
namespace {

struct check_request {
  std::vector<std::string> inputs;
  std::optional<rsconn::source_form> from;
};

// Returns whether the input is free of errors.
bool check_one(const std::string& label, const std::string& input, std::optional<rsconn::source_form> from) {
  auto parsed = parse_input(input, from);
  if (!parsed) {
    std::cout << label << ": error: " << parsed.error().message() << " [" << rsconn::to_string(parsed.error().code)
              << " at byte " << parsed.error().offset << "]\n";
    return false;
  }
  std::vector<rsconn::diagnostic> diagnostics = diagnostics_of(*parsed, input);
  if (diagnostics.empty()) std::cout << label << ": ok\n";
  for (const rsconn::diagnostic& d : diagnostics) std::cout << diagnostic_line(label, d) << "\n";
  return !rsconn::has_errors(diagnostics);
}

}  // namespace

void add_check_command(CLI::App& app, int& exit_code) {
  auto request = std::make_shared<check_request>();
  CLI::App* command = app.add_subcommand("check", "Print diagnostics; exit 1 if any input has an error");
  add_from_option(*command, request->from);
  command->add_option("INPUT", request->inputs, "Connection strings; '-' reads one per line from stdin")->required();
  command->callback([request, &exit_code] {
    bool all = for_each_input(request->inputs, [&request](const std::string& label, const std::string& input) {
      return check_one(label, input, request->from);
    });
    exit_code = all ? exit_ok : exit_failure;
  });
}

}  // namespace rsconn_cli
