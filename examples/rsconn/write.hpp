// Writing a connection in a target form, for `convert` and `build`, and saying why a writer
// refused: the property it refused (key and option id), and how --drop-unknown / --keep-unknown
// would have written it.
#pragma once

#include <string>

#include <rsconn/rsconn.hpp>

#include "forms.hpp"

namespace rsconn_cli {

struct write_options {
  target_form to = target_form::jdbc;
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

// The connection as one line of the target form (rsql: the shell command line, RSPASSWORD first).
[[nodiscard]] rsconn::result<std::string> write_connection(const rsconn::connection& c, const write_options& options);

// Why a writer refused, after "cannot write it as FORM: ": "KEY (option ID): " when it refused
// one property, the error, and the --drop-unknown/--keep-unknown hint where they would decide.
[[nodiscard]] std::string refusal_reason(const rsconn::connection& c, const rsconn::error& e, target_form to);

}  // namespace rsconn_cli
