// The settings the model and the formatters handle by meaning, and what each form calls them.
//
// A `setting` is one of the catalogue's options (rsconn/options.hpp) that rsconn's parsers and
// formatters act on themselves: the structural ones the model keeps as fields (host, port,
// database, the ODBC driver) and the ones that steer IAM, TLS and conversion. Every name comes
// from the catalogue; this header only says which option each setting is.
//
// Converting between forms translates every property by its option (rsconn/translate.hpp);
// this header says which spelling of a setting the source driver goes by when several are
// given (setting_spellings), so that the target is written only what the source driver read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "rsconn/connection.hpp"
#include "rsconn/options.hpp"

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

namespace detail {

// The catalogue id of each setting, in the enum's order (`unknown` has none).
inline constexpr std::string_view setting_option_ids[] = {
    "",           "host",          "port",          "database",          "driver",
    "user",       "password",      "ssl",           "ssl_mode",          "iam",
    "cluster_id", "region",        "db_user",       "db_groups",         "auto_create",
    "is_serverless", "workgroup",  "account_id",    "profile",           "access_key_id",
    "secret_access_key", "session_token", "plugin_name", "iam_duration", "group_federation",
    "endpoint_url", "login_timeout", "application_name"};
inline constexpr std::size_t setting_count = std::size(setting_option_ids);

// The setting of each catalogue row (unknown for the rows no setting stands for), and the row of
// each setting, built once.
struct setting_by_row {
  setting of[std::size(option_catalogue)] = {};
  option_ref option[setting_count] = {};
};
constexpr setting_by_row build_setting_by_row() noexcept {
  setting_by_row table;
  for (std::size_t s = 1; s < setting_count; ++s)
    if (option_ref o = option_by_id(setting_option_ids[s])) {
      table.of[o.row()] = static_cast<setting>(s);
      table.option[s] = o;
    }
  return table;
}
inline constexpr setting_by_row settings_of_rows = build_setting_by_row();

// The drivers whose columns name settings in connection strings. Python keyword arguments are
// not a connection-string key syntax here: `cluster_identifier` in a JDBC URL is no ClusterID.
inline constexpr driver string_drivers[] = {driver::jdbc, driver::odbc, driver::libpq};

}  // namespace detail

// The catalogue option a setting is.
[[nodiscard]] constexpr option_ref option_of(setting s) noexcept {
  auto i = static_cast<std::size_t>(s);
  return i >= detail::setting_count ? option_ref{} : detail::settings_of_rows.option[i];
}

// The name driver `d`'s formatter writes for setting `s` (empty when `d` has none).
[[nodiscard]] constexpr std::string_view name_of(setting s, driver d) noexcept {
  option_ref o = option_of(s);
  return o ? (*o).name(d) : std::string_view{};
}

// The setting a catalogue option is (unknown when it is none of them).
[[nodiscard]] constexpr setting setting_of(option_ref o) noexcept {
  return o ? detail::settings_of_rows.of[o.row()] : setting::unknown;
}

// The setting a key names in the JDBC, ODBC or libpq column, ignoring ASCII case.
[[nodiscard]] constexpr setting setting_of(std::string_view key) noexcept {
  for (driver d : detail::string_drivers)
    if (setting s = setting_of(find_option_ignoring_case(d, key).option); s != setting::unknown) return s;
  return setting::unknown;
}

// Whether the model keeps this setting as a field (host, port, database, driver).
[[nodiscard]] constexpr bool is_structural(setting s) noexcept {
  return s == setting::host || s == setting::port || s == setting::database || s == setting::driver;
}

// How the Redshift ODBC 2.x driver ranks the spellings of host, port, database, user and
// password: by key name, not by position (docs/options/odbc.md; it applies them in its
// case-insensitive alphabetical order, the later overwriting): Servername > Server > HostName >
// Host; PortNumber > Port; DB > Database; User > UID > LogonID; PWD > Password. The rank of
// `key` among its setting's ODBC spellings (higher wins), or 0 for any other key.
[[nodiscard]] constexpr int odbc_alias_rank(std::string_view key) noexcept {
  option_match m = find_option(driver::odbc, key);
  setting s = setting_of(m.option);
  if (s != setting::host && s != setting::port && s != setting::database && s != setting::user &&
      s != setting::password)
    return 0;
  return static_cast<int>(detail::bar_list((*m.option).odbc.names).size() - m.rank);
}

// Which spelling of each setting the connection's own driver goes by when several are given:
// the one of highest precedence (the ODBC driver ranks by name, User over UID over LogonID;
// the JDBC driver takes sslmode over authmech; docs/options/). A converter writes a setting
// only under that spelling, so that the target driver, which sees one name, reads what the
// source driver read. Duplicates of one spelling are left to the last-wins rule both share.
// One pass over the properties, no allocation.
class setting_spellings {
 public:
  explicit setting_spellings(const connection& c) noexcept : source_(driver_of(c.form)) {
    for (std::uint8_t& b : best_) b = none;
    for (const property& p : c.properties) {
      option_match m = find_option(source_, p.key);
      auto s = static_cast<std::size_t>(setting_of(m.option));
      if (s != 0 && m.rank < best_[s]) best_[s] = m.rank;
    }
  }
  // Whether another spelling of `p`'s setting beats `p`'s in the source driver.
  [[nodiscard]] bool outranked(const property& p) const noexcept {
    option_match m = find_option(source_, p.key);
    auto s = static_cast<std::size_t>(setting_of(m.option));
    return s != 0 && m.rank > best_[s];
  }

 private:
  static constexpr std::uint8_t none = 0xFF;
  driver source_;
  std::uint8_t best_[detail::setting_count] = {};
};

// The last property of `c` that names setting `s` under any spelling, or nullptr.
[[nodiscard]] inline const property* find_setting_property(const connection& c, setting s) noexcept {
  for (auto it = c.properties.rbegin(); it != c.properties.rend(); ++it)
    if (setting_of(it->key) == s) return &*it;
  return nullptr;
}

}  // namespace rsconn
