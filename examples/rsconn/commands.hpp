// The rsconn command's subcommands, one source file each (parse_command.cpp, check_command.cpp,
// convert_command.cpp, build_command.cpp, options_command.cpp), in the pattern of CLI11's
// subcom_in_files example: each adds itself to the app with its own options and a callback
// that runs it and leaves its exit code (exit_codes.hpp) in `exit_code`.
#pragma once

namespace CLI {
class App;
}  // namespace CLI

namespace rsconn_cli {

void add_parse_command(CLI::App& app, int& exit_code);
void add_check_command(CLI::App& app, int& exit_code);
void add_convert_command(CLI::App& app, int& exit_code);
void add_build_command(CLI::App& app, int& exit_code);
void add_options_command(CLI::App& app, int& exit_code);

}  // namespace rsconn_cli
