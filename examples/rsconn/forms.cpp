#include "forms.hpp"

#include <map>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

namespace rsconn_cli {

std::string_view name_of(target_form form) noexcept {
  switch (form) {
    case target_form::jdbc: return "jdbc";
    case target_form::jdbc_iam: return "jdbc-iam";
    case target_form::jdbc_iam_legacy: return "jdbc-iam-legacy";
    case target_form::odbc: return "odbc";
    case target_form::endpoint: return "endpoint";
    case target_form::libpq: return "libpq";
    case target_form::libpq_uri: return "libpq-uri";
    case target_form::rsql: return "rsql";
    case target_form::data_api: return "data-api";
    case target_form::sqlalchemy: return "sqlalchemy";
  }
  return "?";
}

std::optional<rsconn::driver> driver_of(target_form form) noexcept {
  switch (form) {
    case target_form::jdbc:
    case target_form::jdbc_iam:
    case target_form::jdbc_iam_legacy: return rsconn::driver::jdbc;
    case target_form::odbc: return rsconn::driver::odbc;
    case target_form::libpq:
    case target_form::libpq_uri: return rsconn::driver::libpq;
    case target_form::endpoint:
    case target_form::rsql:
    case target_form::data_api:
    case target_form::sqlalchemy: return std::nullopt;
  }
  return std::nullopt;
}

std::optional<rsconn::driver> target_driver(const rsconn::connection& c, target_form form) noexcept {
  if (form == target_form::sqlalchemy) return rsconn::driver_of(rsconn::default_sqlalchemy_dialect(c));
  return driver_of(form);
}

std::optional<rsconn::source_form> source_form_named(std::string_view name) noexcept {
  if (name == "sqlalchemy") return rsconn::source_form::sqlalchemy_psycopg2;
  return rsconn::source_form_named(name);
}

std::optional<target_form> target_form_named(std::string_view name) noexcept {
  for (target_form form : all_target_forms)
    if (name_of(form) == name) return form;
  return std::nullopt;
}

namespace {

// The accepted names, in the order --help lists them.
std::vector<std::string> target_form_names() {
  std::vector<std::string> names;
  for (target_form form : all_target_forms) names.emplace_back(name_of(form));
  return names;
}

const std::vector<std::string>& source_form_names() {
  static const std::vector<std::string> names = {"jdbc",     "odbc", "libpq", "libpq-keywords", "libpq-uri",
                                                 "endpoint", "host", "sqlalchemy"};
  return names;
}

}  // namespace

// The checked transform: CLI11 checks the name against the list (its IsMember message and help
// text), then the option's function turns it into the enum, which cannot fail by then.
CLI::Option* add_from_option(CLI::App& command, std::optional<rsconn::source_form>& from) {
  return command
      .add_option_function<std::string>(
          "--from", [&from](const std::string& name) { from = source_form_named(name); },
          "Read every input as this form instead of detecting it")
      ->check(CLI::IsMember(source_form_names()));
}

CLI::Option* add_to_option(CLI::App& command, target_form& to) {
  return command
      .add_option_function<std::string>(
          "--to", [&to](const std::string& name) { to = *target_form_named(name); }, "The form to write")
      ->required()
      ->check(CLI::IsMember(target_form_names()));
}

}  // namespace rsconn_cli
