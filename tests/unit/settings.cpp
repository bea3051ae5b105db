// settings.hpp: the setting table (every name of every setting in every form, aliases, case),
// setting_of, find_setting, is_structural, odbc_alias_rank, find_setting_property, setting_spellings.
#include <catch2/catch_test_macros.hpp>

#include <set>
#include <string>
#include <string_view>

#include "rsconn/jdbc.hpp"
#include "rsconn/odbc.hpp"
#include "rsconn/libpq.hpp"
#include "rsconn/settings.hpp"

using namespace rsconn;

namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}
std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

connection with_properties(std::initializer_list<property> ps) {
  connection c;
  c.properties = ps;
  return c;
}

constexpr setting last_setting = setting::application_name;

}  // namespace

// --- Compile-time use --------------------------------------------------------------------------

static_assert(setting_of("Servername") == setting::host);
static_assert(setting_of("serverlessworkgroup") == setting::workgroup);
static_assert(setting_of("") == setting::unknown);
static_assert(setting_of("compression") == setting::unknown);  // an option, but no setting
static_assert(option_of(setting::port).id() == "port");
static_assert((*option_of(setting::database)).name(driver::odbc) == "Database");
static_assert(!option_of(setting::unknown));
static_assert(is_structural(setting::driver));
static_assert(!is_structural(setting::user));
static_assert(odbc_alias_rank("Servername") == 4);
static_assert(odbc_alias_rank("ClusterId") == 0);

// --- Settings are catalogue options ------------------------------------------------------------

TEST_CASE("every setting is a catalogue option, and its option names it back") {
  for (auto i = 1u; i <= static_cast<unsigned>(last_setting); ++i) {
    auto s = static_cast<setting>(i);
    INFO("setting " << i);
    option_ref o = option_of(s);
    REQUIRE(o);
    CHECK(setting_of(o) == s);
    // Every spelling of the option in the string forms names the setting, in any ASCII case.
    for (driver d : {driver::jdbc, driver::odbc, driver::libpq}) {
      detail::bar_list names((*o).in(d).names);
      for (std::size_t r = 0; r < names.size(); ++r) {
        INFO(std::string(names[r]));
        CHECK(setting_of(names[r]) == s);
        CHECK(setting_of(upper(names[r])) == s);
        CHECK(setting_of(lower(names[r])) == s);
      }
    }
  }
}

TEST_CASE("every setting has a JDBC name except the ODBC Driver") {
  for (auto i = 1u; i <= static_cast<unsigned>(last_setting); ++i) {
    auto s = static_cast<setting>(i);
    INFO("setting " << i);
    CHECK((*option_of(s)).name(driver::jdbc).empty() == (s == setting::driver));
  }
}

TEST_CASE("the libpq names of the settings are libpq keywords, in lower case") {
  // libpq refuses unknown keywords and compares them case-sensitively (docs/options/libpq.md).
  int with_libpq = 0;
  for (auto i = 1u; i <= static_cast<unsigned>(last_setting); ++i) {
    std::string_view name = (*option_of(static_cast<setting>(i))).name(driver::libpq);
    if (name.empty()) continue;
    ++with_libpq;
    INFO(std::string(name));
    CHECK(is_libpq_keyword(name));
    CHECK(name == lower(name));
  }
  CHECK(with_libpq == 8);
  CHECK((*option_of(setting::login_timeout)).name(driver::libpq) == "connect_timeout");
  CHECK((*option_of(setting::application_name)).name(driver::libpq) == "application_name");
  // JDBC's ssl has no libpq keyword (it becomes sslmode).
  CHECK((*option_of(setting::ssl)).name(driver::libpq).empty());
}

TEST_CASE("SPEC §3.6: the JDBC property names users put in URLs") {
  struct row {
    std::string_view key;
    setting expected;
  };
  for (row r : {row{"user", setting::user},
                row{"uid", setting::user},
                row{"password", setting::password},
                row{"pwd", setting::password},
                row{"ssl", setting::ssl},
                row{"sslmode", setting::ssl_mode},
                row{"iamauth", setting::iam},
                row{"clusterid", setting::cluster_id},
                row{"region", setting::region},
                row{"dbuser", setting::db_user},
                row{"dbgroups", setting::db_groups},
                row{"autocreate", setting::auto_create},
                row{"isserverless", setting::is_serverless},
                row{"serverlessacctid", setting::account_id},
                row{"serverlessworkgroup", setting::workgroup},
                row{"profile", setting::profile},
                row{"accesskeyid", setting::access_key_id},
                row{"secretaccesskey", setting::secret_access_key},
                row{"sessiontoken", setting::session_token},
                row{"plugin_name", setting::plugin_name},
                row{"iamduration", setting::iam_duration},
                row{"groupfederation", setting::group_federation},
                row{"endpointurl", setting::endpoint_url},
                row{"loginTimeout", setting::login_timeout},
                row{"host", setting::host},
                row{"port", setting::port},
                row{"dbname", setting::database},
                row{"ClusterID", setting::cluster_id},
                row{"serverlessWorkGroup", setting::workgroup},
                row{"serverlessAcctId", setting::account_id},
                row{"isServerless", setting::is_serverless},
                row{"IAMDuration", setting::iam_duration}}) {
    INFO(std::string(r.key));
    CHECK(setting_of(r.key) == r.expected);
    CHECK(setting_of(upper(r.key)) == r.expected);
  }
}

TEST_CASE("SPEC §4: the ODBC keys and their aliases") {
  struct row {
    std::string_view key;
    setting expected;
  };
  for (row r : {row{"Server", setting::host},
                row{"HostName", setting::host},
                row{"Host", setting::host},
                row{"Servername", setting::host},
                row{"Port", setting::port},
                row{"PortNumber", setting::port},
                row{"Database", setting::database},
                row{"DB", setting::database},
                row{"UID", setting::user},
                row{"LogonID", setting::user},
                row{"User", setting::user},
                row{"PWD", setting::password},
                row{"Password", setting::password},
                row{"Driver", setting::driver},
                row{"IAM", setting::iam},
                row{"ClusterId", setting::cluster_id},
                row{"Region", setting::region},
                row{"DbUser", setting::db_user},
                row{"DbGroups", setting::db_groups},
                row{"AutoCreate", setting::auto_create},
                row{"Serverless", setting::is_serverless},
                row{"Workgroup", setting::workgroup},
                row{"plugin_name", setting::plugin_name},
                row{"SSLMode", setting::ssl_mode},
                row{"AccessKeyID", setting::access_key_id},
                row{"SecretAccessKey", setting::secret_access_key},
                row{"SessionToken", setting::session_token},
                row{"Profile", setting::profile}}) {
    INFO(std::string(r.key));
    CHECK(setting_of(r.key) == r.expected);
    CHECK(setting_of(upper(r.key)) == r.expected);
    CHECK(setting_of(lower(r.key)) == r.expected);
  }
}

TEST_CASE("SPEC §5: the libpq keywords the table knows") {
  CHECK(setting_of("host") == setting::host);
  CHECK(setting_of("port") == setting::port);
  CHECK(setting_of("dbname") == setting::database);
  CHECK(setting_of("user") == setting::user);
  CHECK(setting_of("password") == setting::password);
  CHECK(setting_of("sslmode") == setting::ssl_mode);
  CHECK(setting_of("connect_timeout") == setting::login_timeout);
  CHECK(setting_of("application_name") == setting::application_name);
  // Other libpq keywords name no setting of the table.
  CHECK(setting_of("hostaddr") == setting::unknown);
  CHECK(setting_of("sslrootcert") == setting::unknown);
}

TEST_CASE("setting_of: unknown keys, near misses, empty") {
  for (std::string_view key :
       {"", "compression", "hos", "hosts", " host", "host ", "Server=", "user_name", "db_name",
        "isServerlessX", "serverless_workgroup", "PWD2", "p", "Servernames"}) {
    INFO("'" << std::string(key) << "'");
    CHECK(setting_of(key) == setting::unknown);
  }
}

TEST_CASE("is_structural: host, port, database and driver only") {
  for (auto i = 1u; i <= static_cast<unsigned>(last_setting); ++i) {
    auto s = static_cast<setting>(i);
    bool expected =
        s == setting::host || s == setting::port || s == setting::database || s == setting::driver;
    INFO("setting " << static_cast<int>(s));
    CHECK(is_structural(s) == expected);
  }
  CHECK_FALSE(is_structural(setting::unknown));
  CHECK(is_structural(setting_of("HostName")));
  CHECK(is_structural(setting_of("PortNumber")));
  CHECK(is_structural(setting_of("DB")));
  CHECK_FALSE(is_structural(setting_of("UID")));
}

// --- odbc_alias_rank ------------------------------------------------------------------------------

TEST_CASE("odbc_alias_rank: the Redshift ODBC driver's alphabetical order (SPEC §4)") {
  // host: Servername > Server > HostName > Host
  CHECK(odbc_alias_rank("Servername") > odbc_alias_rank("Server"));
  CHECK(odbc_alias_rank("Server") > odbc_alias_rank("HostName"));
  CHECK(odbc_alias_rank("HostName") > odbc_alias_rank("Host"));
  CHECK(odbc_alias_rank("Host") > 0);
  // port: PortNumber > Port
  CHECK(odbc_alias_rank("PortNumber") > odbc_alias_rank("Port"));
  CHECK(odbc_alias_rank("Port") > 0);
  // database: DB > Database
  CHECK(odbc_alias_rank("DB") > odbc_alias_rank("Database"));
  CHECK(odbc_alias_rank("Database") > 0);
  // user: User > UID > LogonID
  CHECK(odbc_alias_rank("User") > odbc_alias_rank("UID"));
  CHECK(odbc_alias_rank("UID") > odbc_alias_rank("LogonID"));
  CHECK(odbc_alias_rank("LogonID") > 0);
  // password: PWD > Password
  CHECK(odbc_alias_rank("PWD") > odbc_alias_rank("Password"));
  CHECK(odbc_alias_rank("Password") > 0);
  // The values the header documents.
  CHECK(odbc_alias_rank("Servername") == 4);
  CHECK(odbc_alias_rank("Host") == 1);
  CHECK(odbc_alias_rank("User") == 3);
}

TEST_CASE("odbc_alias_rank: case-insensitive; 0 for every other key") {
  CHECK(odbc_alias_rank("SERVERNAME") == odbc_alias_rank("Servername"));
  CHECK(odbc_alias_rank("servername") == odbc_alias_rank("Servername"));
  CHECK(odbc_alias_rank("pwd") == odbc_alias_rank("PWD"));
  CHECK(odbc_alias_rank("uid") == odbc_alias_rank("UID"));
  CHECK(odbc_alias_rank("db") == odbc_alias_rank("DB"));
  for (std::string_view key :
       {"", "Driver", "DSN", "ClusterId", "Region", "Workgroup", "Serverless", "IAM", "dbname", "Servernam",
        "Servers", "HostNames", " Server", "LogonIDs", "PWDx"}) {
    INFO("'" << std::string(key) << "'");
    CHECK(odbc_alias_rank(key) == 0);
  }
}

TEST_CASE("odbc_alias_rank ranks exactly the spellings of host, port, database, user and password") {
  for (const option_info& o : option_catalogue) {
    detail::bar_list names(o.odbc.names);
    for (std::size_t r = 0; r < names.size(); ++r) {
      INFO(std::string(names[r]));
      if (odbc_alias_rank(names[r]) > 0) {
        setting s = setting_of(option_by_id(o.id));
        CHECK((s == setting::host || s == setting::port || s == setting::database || s == setting::user ||
               s == setting::password));
      }
    }
  }
  // The name the ODBC formatter writes for each of them is ranked.
  for (setting s : {setting::host, setting::port, setting::database, setting::user, setting::password}) {
    INFO(std::string((*option_of(s)).name(driver::odbc)));
    CHECK(odbc_alias_rank((*option_of(s)).name(driver::odbc)) > 0);
  }
}

// --- find_setting_property --------------------------------------------------------------------------

TEST_CASE("find_setting_property: the last property naming the setting under any spelling") {
  connection c = with_properties(
      {{"UID", "a"}, {"ssl", "true"}, {"user", "b"}, {"Password", "p1"}, {"LogonID", "c"}, {"PWD", "p2"}});
  const property* user = find_setting_property(c, setting::user);
  REQUIRE(user != nullptr);
  CHECK(user->key == "LogonID");
  CHECK(user->value == "c");
  CHECK(user == &c.properties[4]);
  const property* password = find_setting_property(c, setting::password);
  REQUIRE(password != nullptr);
  CHECK(password->value == "p2");
  REQUIRE(find_setting_property(c, setting::ssl) != nullptr);
  CHECK(find_setting_property(c, setting::ssl)->value == "true");
  CHECK(find_setting_property(c, setting::ssl_mode) == nullptr);  // ssl is not sslmode
  CHECK(find_setting_property(c, setting::database) == nullptr);
  CHECK(find_setting_property(connection{}, setting::user) == nullptr);

  connection cased =
      with_properties({{"SERVERLESSWORKGROUP", "wg1"}, {"Workgroup", "wg2"}, {"compression", "off"}});
  REQUIRE(find_setting_property(cased, setting::workgroup) != nullptr);
  CHECK(find_setting_property(cased, setting::workgroup)->value == "wg2");
  connection first_only = with_properties({{"SERVERLESSWORKGROUP", "wg1"}, {"compression", "off"}});
  REQUIRE(find_setting_property(first_only, setting::workgroup) != nullptr);
  CHECK(find_setting_property(first_only, setting::workgroup)->value == "wg1");
}

TEST_CASE("converting between JDBC and ODBC keeps what each driver reads from the booleans") {
  auto odbc = parse_odbc_connection(
      "Driver={x};Server=my.custom.host;Port=5439;Database=dev;IAM=1;Serverless=1;Workgroup=wg;Region=us-east-1;"
      "AutoCreate=1");
  REQUIRE(odbc);
  auto url = to_jdbc(*odbc);
  REQUIRE(url);
  CHECK(url->find("isServerless=true") != std::string::npos);
  CHECK(url->find("AutoCreate=true") != std::string::npos);
  auto back = parse_jdbc_connection(*url);
  REQUIRE(back);
  CHECK(back->iam);
  CHECK(back->target == target_kind::serverless);
  auto again = to_odbc(*back);
  REQUIRE(again);
  CHECK(again->find("Serverless=1") != std::string::npos);
  CHECK(again->find("AutoCreate=1") != std::string::npos);
}

TEST_CASE("a conversion writes each setting under the spelling its source driver goes by") {
  // JDBC: sslmode beats authmech; written as two SSLMode keys, the ODBC driver would take the last.
  auto jdbc = parse_jdbc_connection("jdbc:redshift://h.example.com:5439/dev?user=u&sslmode=verify-full&authmech=disable");
  REQUIRE(jdbc);
  auto odbc_text = to_odbc(*jdbc);
  REQUIRE(odbc_text);
  CHECK(odbc_text->find("SSLMode=verify-full") != std::string::npos);
  CHECK(odbc_text->find("disable") == std::string::npos);
  // ODBC: User beats UID whatever their order (it ranks by name); JDBC and libpq take the last.
  auto odbc = parse_odbc_connection("Driver={x};Server=h;Port=5439;Database=dev;UID=b;User=a;PWD=p1;Password=p2");
  REQUIRE(odbc);
  jdbc_options reveal;
  reveal.reveal_secrets = true;
  auto url = to_jdbc(*odbc, reveal);
  REQUIRE(url);
  CHECK(url->find("user=a") != std::string::npos);
  CHECK(url->find("user=b") == std::string::npos);
  CHECK(url->find("password=p1") != std::string::npos);
  CHECK(url->find("p2") == std::string::npos);
  libpq_options pq;
  pq.reveal_secrets = true;
  auto conninfo = to_libpq(*odbc, pq);
  REQUIRE(conninfo);
  CHECK(conninfo->find("user=a") != std::string::npos);
  CHECK(conninfo->find("user=b") == std::string::npos);
  setting_spellings spellings(*odbc);
  CHECK(spellings.outranked(odbc->properties[4]));   // UID
  CHECK_FALSE(spellings.outranked(odbc->properties[5]));  // User
}
