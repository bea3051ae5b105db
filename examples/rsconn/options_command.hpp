// rsconn options: the option catalogue (rsconn/options.hpp) on the command line.
//
//   rsconn options [--form jdbc|odbc|python|libpq] [--json|--markdown] [NAME]
//
// Without NAME it lists every option (with --form, only those that driver has); with NAME (an
// option's id or any driver's name for it, ASCII case ignored) it explains that one option.
#pragma once

#include <string>

namespace CLI {
class App;
}  // namespace CLI

namespace rsconn_cli {

struct options_request {
  std::string form;  // jdbc, odbc, python or libpq; empty: every driver
  bool json = false;
  bool markdown = false;
  std::string name;  // meaningful only when `named`
  bool named = false;
};

// Adds the `options` subcommand to `app`, filling `request` when it is parsed.
CLI::App* add_options_command(CLI::App& app, options_request& request);

// Prints the list or the explanation; returns the exit code (exit_failure for an unknown NAME,
// or one the --form driver does not have).
[[nodiscard]] int run_options(const options_request& request);

}  // namespace rsconn_cli
