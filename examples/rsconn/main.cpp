// rsconn — the command-line face of the library.
//
//   rsconn parse [--json] [--show-secrets] [--from FORM] INPUT   what a connection string says
//   rsconn check [--from FORM] INPUT...                          diagnostics; exit 1 on an error
//   rsconn convert --to FORM [--driver NAME] [--hostaddr ADDR] [--drop-unknown|--keep-unknown]
//                  [--show-secrets] [--from FORM] INPUT...       notes (left out, TLS changed) on stderr
//     FORM: jdbc jdbc-iam jdbc-iam-legacy odbc endpoint libpq libpq-uri rsql data-api
//   rsconn build --workgroup W --account A --region R [--port P] [--database D] [--user U] --to FORM
//   rsconn options [--form jdbc|odbc|python|libpq] [--json|--markdown] [NAME]
//
// One source file per subcommand (commands.hpp). Exit codes (a public contract, exit_codes.hpp):
// 0 success; 1 an input does not parse (parse, convert) or names no option (options), has an
// error-severity diagnostic (check), or cannot be written in the target form (convert, build);
// 2 usage error. '-' as an INPUT reads one input per line from stdin. The manual is rsconn.1.
#include <string>

#include <CLI/CLI.hpp>

#include <rsconn/version.hpp>

#include "commands.hpp"
#include "exit_codes.hpp"

int main(int argc, char** argv) {
  CLI::App app{"rsconn: parse, check and convert Amazon Redshift connection strings"};
  app.set_version_flag("--version", std::string(rsconn::version_string));
  app.require_subcommand(1);

  int exit_code = rsconn_cli::exit_ok;
  rsconn_cli::add_parse_command(app, exit_code);
  rsconn_cli::add_check_command(app, exit_code);
  rsconn_cli::add_convert_command(app, exit_code);
  rsconn_cli::add_build_command(app, exit_code);
  rsconn_cli::add_options_command(app, exit_code);

  try {
    app.parse(argc, argv);  // runs the chosen subcommand's callback
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    (void)app.exit(e);
    return rsconn_cli::exit_usage;
  }
  return exit_code;
}
