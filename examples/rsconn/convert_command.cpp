// rsconn convert --to FORM [--driver NAME] [--hostaddr ADDR] [--drop-unknown|--keep-unknown]
//                [--show-secrets] [--from FORM] INPUT...
// Writes each input in FORM on stdout, one line each; what the conversion left out or changed
// goes to stderr after it. Exit 1 when any input does not parse or cannot be written.
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
#include "write.hpp"

namespace rsconn_cli {
namespace {

struct convert_request {
  std::vector<std::string> inputs;
  std::optional<rsconn::source_form> from;
  write_options write;
};

// Converts one input; prints the result or the reason. Returns whether it worked.
bool convert_one(const std::string& label, const std::string& input, const convert_request& request) {
  auto parsed = parse_input(input, request.from);
  if (!parsed) {
    std::cerr << label << ": " << parsed.error().message() << " (" << rsconn::to_string(parsed.error().code)
              << " at byte " << parsed.error().offset << ")\n";
    return false;
  }
  const write_options& options = request.write;
  auto converted = write_connection(*parsed, options);
  if (!converted) {
    std::cerr << label << ": cannot write it as " << name_of(options.to) << ": "
              << refusal_reason(*parsed, converted.error(), options.to) << "\n";
    return false;
  }
  // What the conversion left out or changed, after the result so that stdout stays one line.
  if (std::optional<rsconn::driver> to = target_driver(*parsed, options.to))
    for (const rsconn::diagnostic& d : rsconn::conversion_notes(*parsed, *to, options.unknown()))
      std::cerr << diagnostic_line(label, d) << "\n";
  std::cout << *converted << "\n";
  return true;
}

}  // namespace

void add_convert_command(CLI::App& app, int& exit_code) {
  auto request = std::make_shared<convert_request>();
  write_options& write = request->write;
  CLI::App* command = app.add_subcommand("convert", "Write connection strings in another form");
  add_to_option(*command, write.to);
  command->add_option("--driver", write.driver, "The ODBC driver name to write (odbc)");
  command->add_option("--hostaddr", write.hostaddr, "Connect to this address, keeping the host name (libpq)");
  CLI::Option* drop_unknown =
      command->add_flag("--drop-unknown", write.drop_unknown,
                        "Leave out properties the target driver cannot carry (each listed as a warning on stderr)");
  command
      ->add_flag("--keep-unknown", write.keep_unknown,
                 "Write properties the target driver would not know through as written (JDBC, ODBC)")
      ->excludes(drop_unknown);
  command->add_flag("--show-secrets", write.show_secrets, "Write passwords and tokens instead of ***");
  add_from_option(*command, request->from);
  command->add_option("INPUT", request->inputs, "Connection strings; '-' reads one per line from stdin")->required();
  command->callback([request, &exit_code] {
    bool all = for_each_input(request->inputs, [&request](const std::string& label, const std::string& input) {
      return convert_one(label, input, *request);
    });
    exit_code = all ? exit_ok : exit_failure;
  });
}

}  // namespace rsconn_cli
