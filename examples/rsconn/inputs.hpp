// What every command does with its INPUT arguments: read them (with '-' for stdin), parse each as
// --from says or as its detected form, and report a string that does not parse.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <rsconn/rsconn.hpp>

namespace rsconn_cli {

// An input read as `from` says, or as its detected form.
[[nodiscard]] rsconn::result<rsconn::connection> parse_input(const std::string& input,
                                                             std::optional<rsconn::source_form> from);

// Runs `each(label, input)` over the inputs, reading stdin line by line for '-' as the lines
// come (blank lines skipped, a trailing CR dropped). Labels: "input N" for arguments, "stdin:N" for lines. Returns
// whether every call succeeded.
bool for_each_input(const std::vector<std::string>& inputs,
                    const std::function<bool(const std::string& label, const std::string& input)>& each);

// "rsconn: MESSAGE (CODE at byte N)", the input with its secrets masked (rsconn::mask_secrets),
// and a caret under the byte, on stderr.
void print_parse_error(std::string_view input, const rsconn::error& e, bool show_secrets);

// validate()'s diagnostics, then what the form's consumer adds to what the text says (the
// defaults of sqlalchemy-redshift's dialects): what parse and check print.
[[nodiscard]] std::vector<rsconn::diagnostic> diagnostics_of(const rsconn::connection& c, std::string_view input);

// "LABEL: SEVERITY: MESSAGE [CODE at byte N]", the line check and convert print per diagnostic.
[[nodiscard]] std::string diagnostic_line(const std::string& label, const rsconn::diagnostic& d);

}  // namespace rsconn_cli
