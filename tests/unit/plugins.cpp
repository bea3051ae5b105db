// plugins.hpp: the identity-provider plugins across the JDBC driver (Java classes), the ODBC
// driver (short names) and redshift_connector (Python classes), and how each driver matches
// the value of its plugin option.
#include <catch2/catch_test_macros.hpp>

#include <set>
#include <string>
#include <string_view>

#include "rsconn/options.hpp"
#include "rsconn/plugins.hpp"

using namespace rsconn;

TEST_CASE("plugin ids and names are unique per driver") {
  std::set<std::string_view> ids;
  for (driver d : {driver::jdbc, driver::odbc, driver::python}) {
    std::set<std::string_view> names;
    for (const plugin_info& p : plugin_catalogue) {
      std::string_view name = plugin_name_in(p, d);
      if (!name.empty()) CHECK(names.insert(name).second);
    }
    CHECK(names.size() >= 10);
  }
  for (const plugin_info& p : plugin_catalogue) {
    CHECK(ids.insert(p.id).second);
    CHECK_FALSE(p.what.empty());
    // Every plugin exists in at least one driver; libpq has no plugins.
    CHECK((!p.jdbc.empty() || !p.odbc.empty() || !p.python.empty()));
    CHECK(plugin_name_in(p, driver::libpq).empty());
    // Every name finds its own row back.
    for (driver d : {driver::jdbc, driver::odbc, driver::python})
      if (!plugin_name_in(p, d).empty()) CHECK(find_plugin(d, plugin_name_in(p, d)) == &p);
  }
}

TEST_CASE("the JDBC driver loads the class by its exact name") {
  const plugin_info* okta = find_plugin(driver::jdbc, "com.amazon.redshift.plugin.OktaCredentialsProvider");
  REQUIRE(okta);
  CHECK(okta->id == "okta");
  CHECK(okta->odbc == "Okta");
  CHECK(okta->python == "OktaCredentialsProvider");
  CHECK_FALSE(find_plugin(driver::jdbc, "com.amazon.redshift.plugin.oktacredentialsprovider"));
  CHECK_FALSE(find_plugin(driver::jdbc, " com.amazon.redshift.plugin.OktaCredentialsProvider"));
  CHECK_FALSE(find_plugin(driver::jdbc, "OktaCredentialsProvider"));
  CHECK_FALSE(find_plugin(driver::jdbc, ""));
}

TEST_CASE("the ODBC driver trims the value and ignores ASCII case") {
  const plugin_info* adfs = find_plugin(driver::odbc, "  adfs\t");
  REQUIRE(adfs);
  CHECK(adfs->id == "adfs");
  CHECK(adfs->jdbc == "com.amazon.redshift.plugin.AdfsCredentialsProvider");
  REQUIRE(find_plugin(driver::odbc, "JWTIAMAUTHPLUGIN"));
  CHECK(find_plugin(driver::odbc, "JWTIAMAUTHPLUGIN")->jdbc.empty());  // ODBC only
  CHECK_FALSE(find_plugin(driver::odbc, "com.amazon.redshift.plugin.AdfsCredentialsProvider"));
  CHECK_FALSE(find_plugin(driver::odbc, "Okt a"));
}

TEST_CASE("redshift_connector takes the class name or a module path ending in it") {
  const plugin_info* azure = find_plugin(driver::python, "AzureCredentialsProvider");
  REQUIRE(azure);
  CHECK(azure->id == "azure_ad");
  CHECK(find_plugin(driver::python, "redshift_connector.plugin.AzureCredentialsProvider") == azure);
  CHECK(find_plugin(driver::python, "redshift_connector.plugin.azure_credentials_provider.AzureCredentialsProvider") ==
        azure);
  CHECK_FALSE(find_plugin(driver::python, "azurecredentialsprovider"));
  CHECK_FALSE(find_plugin(driver::python, "redshift_connector.plugin."));
}

TEST_CASE("no plugin is found for libpq") {
  CHECK_FALSE(find_plugin(driver::libpq, "Okta"));
}
