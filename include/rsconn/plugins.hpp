// The identity-provider plugins, and what each driver calls them in its plugin option (JDBC
// plugin_name: a Java class; ODBC plugin_name: a short name; redshift_connector
// credentials_provider: a Python class). One row per plugin; a driver with no such plugin has
// an empty name. The facts are in tests/options/snapshots/{jdbc,odbc,python}-plugins.tsv, read
// from each driver's source at the commit named there, and docs/options/.
//
// How each driver matches the value (those files): the JDBC driver loads the class by its
// exact name (Class.forName is case-sensitive); the ODBC driver trims the value and compares it
// ignoring ASCII case; redshift_connector imports it, and takes the short class name, its
// redshift_connector.plugin. path, or a module path ending in the class name.
#pragma once

#include <cstddef>
#include <string_view>

#include "rsconn/detail/ascii.hpp"
#include "rsconn/options.hpp"

namespace rsconn {

struct plugin_info {
  std::string_view id;  // stable snake_case id
  std::string_view jdbc, odbc, python;
  std::string_view what;  // the identity provider and the flow, in a few words
};

inline constexpr plugin_info plugin_catalogue[] = {
    {"adfs", "com.amazon.redshift.plugin.AdfsCredentialsProvider", "ADFS", "AdfsCredentialsProvider",
     "Microsoft AD FS, SAML"},
    {"azure_ad", "com.amazon.redshift.plugin.AzureCredentialsProvider", "AzureAD", "AzureCredentialsProvider",
     "Microsoft Entra ID (Azure AD), SAML by the OAuth2 password grant"},
    {"browser_azure_ad", "com.amazon.redshift.plugin.BrowserAzureCredentialsProvider", "BrowserAzureAD",
     "BrowserAzureCredentialsProvider", "Microsoft Entra ID (Azure AD) in a browser, SAML"},
    {"browser_azure_ad_oauth2", "com.amazon.redshift.plugin.BrowserAzureOAuth2CredentialsProvider",
     "BrowserAzureADOAuth2", "BrowserAzureOAuth2CredentialsProvider",
     "Microsoft Entra ID (Azure AD) OAuth2 in a browser, Redshift native IdP"},
    {"browser_saml", "com.amazon.redshift.plugin.BrowserSamlCredentialsProvider", "BrowserSAML",
     "BrowserSamlCredentialsProvider", "any SAML 2.0 IdP in a browser"},
    {"okta", "com.amazon.redshift.plugin.OktaCredentialsProvider", "Okta", "OktaCredentialsProvider", "Okta, SAML"},
    {"ping", "com.amazon.redshift.plugin.PingCredentialsProvider", "Ping", "PingCredentialsProvider",
     "PingFederate, SAML"},
    {"jwt", "com.amazon.redshift.plugin.BasicJwtCredentialsProvider", "JWT", "BasicJwtCredentialsProvider",
     "a JWT the caller has, Redshift native IdP"},
    {"idp_token", "com.amazon.redshift.plugin.IdpTokenAuthPlugin", "IdpTokenAuthPlugin", "IdpTokenAuthPlugin",
     "AWS IAM Identity Center with a token the caller has"},
    {"browser_idc", "com.amazon.redshift.plugin.BrowserIdcAuthPlugin", "BrowserIdcAuthPlugin", "BrowserIdcAuthPlugin",
     "AWS IAM Identity Center in a browser"},
    {"basic_saml", "com.amazon.redshift.plugin.BasicSamlCredentialsProvider", "", "",
     "a SAML assertion the caller has"},
    {"browser_okta_saml", "com.amazon.redshift.plugin.BrowserOktaSAMLCredentialsProvider", "", "",
     "Okta in a browser, Redshift native IdP"},
    {"basic_native_saml", "com.amazon.redshift.plugin.BasicNativeSamlCredentialsProvider", "", "",
     "a SAML assertion the caller has, Redshift native IdP"},
    {"jwt_iam", "", "JwtIamAuthPlugin", "", "a JWT exchanged through STS AssumeRoleWithWebIdentity"},
};

[[nodiscard]] constexpr std::string_view plugin_name_in(const plugin_info& p, driver d) noexcept {
  switch (d) {
    case driver::jdbc: return p.jdbc;
    case driver::odbc: return p.odbc;
    case driver::python: return p.python;
    case driver::libpq: return {};
  }
  return {};
}

namespace detail {

constexpr std::string_view trim_ascii_blanks(std::string_view v) noexcept {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
  return v;
}

}  // namespace detail

// The plugin driver `d` loads for `value` of its plugin option, or nullptr when it names none
// rsconn knows (the driver then fails to load it, or, for ODBC, runs it as an external one).
[[nodiscard]] constexpr const plugin_info* find_plugin(driver d, std::string_view value) noexcept {
  if (d == driver::odbc) value = detail::trim_ascii_blanks(value);
  if (d == driver::python) {
    std::size_t dot = value.rfind('.');
    if (dot != std::string_view::npos) value = value.substr(dot + 1);
  }
  for (const plugin_info& p : plugin_catalogue) {
    std::string_view name = plugin_name_in(p, d);
    if (name.empty()) continue;
    if (d == driver::odbc ? detail::iequals(name, value) : name == value) return &p;
  }
  return nullptr;
}

}  // namespace rsconn
