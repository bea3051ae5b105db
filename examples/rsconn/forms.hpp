// The forms the rsconn command reads (--from) and writes (--to), as enums with their CLI names.
// CLI11 checks a name against the list, then turns it into its enum (add_from_option,
// add_to_option), so a command never compares form names as strings.
#pragma once

#include <optional>
#include <string_view>

#include <rsconn/options.hpp>
#include <rsconn/rsconn.hpp>

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace rsconn_cli {

// What `convert --to` and `build --to` write.
enum class target_form { jdbc, jdbc_iam, jdbc_iam_legacy, odbc, endpoint, libpq, libpq_uri, rsql, data_api, sqlalchemy };

inline constexpr target_form all_target_forms[] = {
    target_form::jdbc,      target_form::jdbc_iam, target_form::jdbc_iam_legacy, target_form::odbc,
    target_form::endpoint,  target_form::libpq,    target_form::libpq_uri,       target_form::rsql,
    target_form::data_api,  target_form::sqlalchemy};

// The CLI name: jdbc jdbc-iam jdbc-iam-legacy odbc endpoint libpq libpq-uri rsql data-api
// sqlalchemy.
[[nodiscard]] std::string_view name_of(target_form form) noexcept;

[[nodiscard]] std::optional<target_form> target_form_named(std::string_view name) noexcept;

// The driver whose options a target carries (none for endpoint, rsql and data-api, which carry
// no driver options, and for sqlalchemy, whose driver depends on the connection): the driver
// conversion notes and translation are about. target_driver says it for a connection.
[[nodiscard]] std::optional<rsconn::driver> driver_of(target_form form) noexcept;

// The driver whose options writing `c` as `form` carries: driver_of(form), and for sqlalchemy
// the driver of the dialect rsconn::to_sqlalchemy picks for `c`.
[[nodiscard]] std::optional<rsconn::driver> target_driver(const rsconn::connection& c, target_form form) noexcept;

// The form a --from name stands for: rsconn::source_form_named's names, and sqlalchemy (either
// dialect: the URL's scheme names it).
[[nodiscard]] std::optional<rsconn::source_form> source_form_named(std::string_view name) noexcept;

// --from FORM: jdbc odbc libpq libpq-keywords libpq-uri endpoint host sqlalchemy.
CLI::Option* add_from_option(CLI::App& command, std::optional<rsconn::source_form>& from);

// --to FORM, required.
CLI::Option* add_to_option(CLI::App& command, target_form& to);

}  // namespace rsconn_cli
