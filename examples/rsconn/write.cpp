#include "write.hpp"

#include <optional>
#include <utility>
#include <vector>

namespace rsconn_cli {

namespace {

// An argv form as one shell line; environment entries (RSPASSWORD) go first, as assignments.
std::string command_line(const std::vector<std::pair<std::string, std::string>>& environment,
                         const std::string& arguments) {
  std::string out;
  for (const auto& [name, value] : environment) out += name + "=" + rsconn::shell_quote(value) + " ";
  return out + arguments;
}

// Whether converting into `to` refuses property `p` as a translation (an option the target
// lacks, a value it would read differently, a key the source driver does not know): what
// --drop-unknown and --keep-unknown decide.
bool translation_refuses(const rsconn::connection& c, const rsconn::property& p, target_form to) {
  std::optional<rsconn::driver> target = target_driver(c, to);
  rsconn::driver from = rsconn::driver_of(c.form);
  if (!target || *target == from) return false;
  return rsconn::translate_property(p, from, *target, rsconn::unknown_keys::refuse, rsconn::setting_spellings(c))
             .what == rsconn::property_translation::verdict::refuse;
}

// The property a writer refused: the one whose key stands at the error's offset. At offset 0
// only a translation refusal names one: other refusals there are about the whole string, and an
// ODBC or libpq string's first key stands there too.
const rsconn::property* refused_property_of(const rsconn::connection& c, const rsconn::error& e, target_form to) {
  if (e.code != rsconn::errc::unrepresentable_value) return nullptr;
  for (const rsconn::property& p : c.properties)
    if (p.offset == e.offset && !p.key.empty() && (e.offset > 0 || translation_refuses(c, p, to))) return &p;
  return nullptr;
}

}  // namespace

rsconn::result<std::string> write_connection(const rsconn::connection& c, const write_options& options) {
  switch (options.to) {
    case target_form::endpoint: return rsconn::to_endpoint(c);
    case target_form::odbc: {
      rsconn::odbc_options odbc;
      if (!options.driver.empty()) odbc.driver = options.driver;
      odbc.reveal_secrets = options.show_secrets;
      odbc.unknown = options.unknown();
      return rsconn::to_odbc(c, odbc);
    }
    case target_form::libpq:
    case target_form::libpq_uri: {
      rsconn::libpq_options libpq;
      libpq.reveal_secrets = options.show_secrets;
      libpq.drop_unknown = options.drop_unknown;
      libpq.hostaddr = options.hostaddr;
      return options.to == target_form::libpq ? rsconn::to_libpq(c, libpq) : rsconn::to_libpq_uri(c, libpq);
    }
    case target_form::rsql: {
      rsconn::rsql_options rsql;
      rsql.reveal_secrets = options.show_secrets;
      return rsconn::to_rsql(c, rsql).map([](const rsconn::rsql_command& command) {
        return command_line(command.environment, command.command_line());
      });
    }
    case target_form::data_api:
      return rsconn::to_data_api(c).map([](const rsconn::data_api_command& command) { return command.command_line(); });
    case target_form::sqlalchemy: {
      rsconn::sqlalchemy_options sqlalchemy;
      sqlalchemy.reveal_secrets = options.show_secrets;
      sqlalchemy.unknown = options.unknown();
      return rsconn::to_sqlalchemy(c, sqlalchemy);
    }
    case target_form::jdbc:
    case target_form::jdbc_iam:
    case target_form::jdbc_iam_legacy: break;
  }
  rsconn::jdbc_options jdbc;
  jdbc.reveal_secrets = options.show_secrets;
  jdbc.unknown = options.unknown();
  jdbc.style = options.to == target_form::jdbc_iam          ? rsconn::jdbc_style::iam
               : options.to == target_form::jdbc_iam_legacy ? rsconn::jdbc_style::legacy_iam
                                                            : rsconn::jdbc_style::standard;
  return rsconn::to_jdbc(c, jdbc);
}

std::string refusal_reason(const rsconn::connection& c, const rsconn::error& e, target_form to) {
  std::string out;
  const rsconn::property* p = refused_property_of(c, e, to);
  if (p) {
    bool follows_secret = p != c.properties.data() && (p - 1)->secret();
    out += rsconn::property_label(*p, c.option_of(*p), follows_secret) + ": ";
  }
  out += std::string(e.message()) + " (" + std::string(rsconn::to_string(e.code)) + " at byte " +
         std::to_string(e.offset) + ")";
  if (p && translation_refuses(c, *p, to))
    out += target_driver(c, to) == rsconn::driver::libpq ? "; --drop-unknown leaves it out"
                                                  : "; --drop-unknown leaves it out, --keep-unknown writes it as written";
  return out;
}

}  // namespace rsconn_cli
