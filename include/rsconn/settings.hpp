// The settings a connection string can carry, and what each form calls them.
//
// Forms name the same setting differently (JDBC `user`, ODBC `UID`, libpq `user`; JDBC
// `serverlessWorkGroup`, ODBC `Workgroup`). Converting between forms goes through this table:
// a property's key is looked up (ASCII case-insensitively, aliases included) and written with
// the target form's name. Keys that name no known setting are carried over as written where the
// target form allows unknown keys.
#pragma once

#include <string_view>

#include "rsconn/connection.hpp"
#include "rsconn/detail/ascii.hpp"

namespace rsconn {

enum class setting : unsigned char {
  unknown,
  // Structural: the model holds these as fields; formatters write them from there.
  host,
  port,
  database,
  driver,
  // Carried as properties.
  user,
  password,
  ssl,
  ssl_mode,
  iam,
  cluster_id,
  region,
  db_user,
  db_groups,
  auto_create,
  is_serverless,
  workgroup,
  account_id,
  profile,
  access_key_id,
  secret_access_key,
  session_token,
  plugin_name,
  iam_duration,
  group_federation,
  endpoint_url,
  login_timeout,
  application_name,
};

struct setting_names {
  rsconn::setting setting;
  std::string_view jdbc;           // empty: JDBC has no such key
  std::string_view odbc;           // empty: ODBC has no such key
  // empty: libpq has no such keyword. libpq keywords are case-sensitive (lower case) and libpq
  // refuses unknown ones, so to_libpq writes only these names (and keys that already are libpq
  // keywords, see libpq.hpp's libpq_keywords); JDBC ssl=true|false becomes sslmode there.
  std::string_view libpq;
  std::string_view aliases[3];     // other spellings that readers accept (any form)
};

// The table. The first name in each column is the one formatters write.
inline constexpr setting_names setting_table[] = {
    {setting::host, "host", "Server", "host", {"HostName", "Servername", ""}},
    {setting::port, "port", "Port", "port", {"PortNumber", "", ""}},
    {setting::database, "dbname", "Database", "dbname", {"DB", "", ""}},
    {setting::driver, "", "Driver", "", {"", "", ""}},
    {setting::user, "user", "UID", "user", {"uid", "LogonID", ""}},
    {setting::password, "password", "PWD", "password", {"pwd", "", ""}},
    {setting::ssl, "ssl", "", "", {"", "", ""}},
    {setting::ssl_mode, "sslmode", "SSLMode", "sslmode", {"", "", ""}},
    {setting::iam, "iamauth", "IAM", "", {"", "", ""}},
    {setting::cluster_id, "ClusterID", "ClusterId", "", {"", "", ""}},
    {setting::region, "Region", "Region", "", {"", "", ""}},
    {setting::db_user, "DbUser", "DbUser", "", {"", "", ""}},
    {setting::db_groups, "DbGroups", "DbGroups", "", {"", "", ""}},
    {setting::auto_create, "AutoCreate", "AutoCreate", "", {"", "", ""}},
    {setting::is_serverless, "isServerless", "Serverless", "", {"", "", ""}},
    {setting::workgroup, "serverlessWorkGroup", "Workgroup", "", {"", "", ""}},
    {setting::account_id, "serverlessAcctId", "", "", {"", "", ""}},
    {setting::profile, "Profile", "Profile", "", {"", "", ""}},
    {setting::access_key_id, "AccessKeyID", "AccessKeyID", "", {"", "", ""}},
    {setting::secret_access_key, "SecretAccessKey", "SecretAccessKey", "", {"", "", ""}},
    {setting::session_token, "SessionToken", "SessionToken", "", {"", "", ""}},
    {setting::plugin_name, "plugin_name", "plugin_name", "", {"", "", ""}},
    {setting::iam_duration, "IAMDuration", "IAMDuration", "", {"", "", ""}},
    {setting::group_federation, "groupFederation", "group_federation", "", {"", "", ""}},
    {setting::endpoint_url, "endpointUrl", "EndpointUrl", "", {"", "", ""}},
    {setting::login_timeout, "loginTimeout", "LoginTimeout", "connect_timeout", {"", "", ""}},
    {setting::application_name, "ApplicationName", "ApplicationName", "application_name", {"", "", ""}},
};

// Whether `key` is one of the spellings of `names` (ASCII case-insensitive).
[[nodiscard]] constexpr bool names_setting(const setting_names& names, std::string_view key) noexcept {
  if (key.empty()) return false;
  if (detail::iequals(key, names.jdbc) || detail::iequals(key, names.odbc) || detail::iequals(key, names.libpq))
    return true;
  for (std::string_view alias : names.aliases)
    if (!alias.empty() && detail::iequals(key, alias)) return true;
  return false;
}

// The entry a key names in any form, or nullptr. (Constant expressions that test the result
// against null are not constant under GCC's UBSan; setting_of and key_in_form avoid that.)
[[nodiscard]] constexpr const setting_names* find_setting(std::string_view key) noexcept {
  for (const setting_names& names : setting_table)
    if (names_setting(names, key)) return &names;
  return nullptr;
}

// The setting a key names. (No pointer test: GCC's UBSan makes comparing a pointer into a
// constexpr table with null non-constant, and the parsers that call this are constexpr.)
[[nodiscard]] constexpr setting setting_of(std::string_view key) noexcept {
  for (const setting_names& names : setting_table)
    if (names_setting(names, key)) return names.setting;
  return setting::unknown;
}

// Whether the model keeps this setting as a field (host, port, database, driver).
[[nodiscard]] constexpr bool is_structural(setting s) noexcept {
  return s == setting::host || s == setting::port || s == setting::database || s == setting::driver;
}

// How the Redshift ODBC 2.x driver ranks the spellings of one setting: it resolves aliases by
// key name, not by position (SPEC §4): host Servername > Server > HostName > Host; port
// PortNumber > Port; database DB > Database; user User > UID > LogonID; password PWD > Password.
// The rank of `key` among its setting's ODBC spellings (higher wins), or 0 for any other key.
[[nodiscard]] constexpr int odbc_alias_rank(std::string_view key) noexcept {
  struct ranked {
    std::string_view key;
    int rank;
  };
  constexpr ranked ranks[] = {{"Servername", 4}, {"Server", 3}, {"HostName", 2}, {"Host", 1},
                              {"PortNumber", 2}, {"Port", 1},   {"DB", 2},       {"Database", 1},
                              {"User", 3},       {"UID", 2},    {"LogonID", 1},  {"PWD", 2},
                              {"Password", 1}};
  for (const ranked& r : ranks)
    if (detail::iequals(key, r.key)) return r.rank;
  return 0;
}

// The name `form` uses for a property written as `key` in a connection read from `from`:
// unchanged when both forms are the same; the target's name for a known setting (empty when
// the target has none); the key itself for an unknown one.
[[nodiscard]] constexpr std::string_view key_in_form(std::string_view key, source_form from,
                                                     source_form form) noexcept {
  auto family = [](source_form f) {
    return f == source_form::libpq_uri ? source_form::libpq_keywords
           : (f == source_form::endpoint || f == source_form::host) ? source_form::jdbc
                                                                    : f;
  };
  if (family(from) == family(form)) return key;
  // A loop, not find_setting: GCC's UBSan makes a null test of a pointer into the constexpr
  // table non-constant (see setting_of).
  for (const setting_names& names : setting_table) {
    if (!names_setting(names, key)) continue;
    switch (family(form)) {
      case source_form::odbc: return names.odbc;
      case source_form::libpq_keywords: return names.libpq;
      default: return names.jdbc;
    }
  }
  return key;
}

}  // namespace rsconn

namespace rsconn {

// The last property of `c` that names setting `s` under any spelling, or nullptr.
[[nodiscard]] inline const property* find_setting_property(const connection& c, setting s) noexcept {
  for (auto it = c.properties.rbegin(); it != c.properties.rend(); ++it)
    if (setting_of(it->key) == s) return &*it;
  return nullptr;
}

}  // namespace rsconn
