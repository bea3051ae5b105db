// The option catalogue: every connection option of the Amazon Redshift JDBC driver 2.x, the
// Redshift ODBC driver 2.x, redshift_connector's connect() and libpq 15, one row per option,
// with its names in each driver (aliases in the driver's precedence order), the driver's case
// rule, its value type and reading, its default in each driver, and its group.
//
// It is the one list of option names in rsconn: parsers, validate, key translation between
// forms and redaction ask it. The facts come from the drivers' own sources, in the project's
// words, in docs/options/ (jdbc.md, odbc.md, python.md, libpq.md); tests/options/snapshots/
// keeps each driver's option list as read from its source (with the commit) and the tests
// check this table against them, and against the real libpq's PQconndefaults().
//
// Lookups are constexpr and allocate nothing: a key is hashed on its length and folded first
// and last bytes into one of `option_buckets` buckets, built at compile time from the table.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "rsconn/detail/ascii.hpp"

namespace rsconn {

// The drivers whose options the catalogue records ("python" is redshift_connector).
enum class driver : unsigned char { jdbc, odbc, python, libpq };
inline constexpr std::size_t driver_count = 4;
inline constexpr driver all_drivers[driver_count] = {driver::jdbc, driver::odbc, driver::python, driver::libpq};

[[nodiscard]] constexpr std::string_view to_string(driver d) noexcept {
  switch (d) {
    case driver::jdbc: return "jdbc";
    case driver::odbc: return "odbc";
    case driver::python: return "python";
    case driver::libpq: return "libpq";
  }
  return "jdbc";
}

// What each driver calls itself in a sentence.
[[nodiscard]] constexpr std::string_view driver_title(driver d) noexcept {
  switch (d) {
    case driver::jdbc: return "the JDBC driver";
    case driver::odbc: return "the ODBC driver";
    case driver::python: return "redshift_connector";
    case driver::libpq: return "libpq";
  }
  return "the JDBC driver";
}

// JDBC and ODBC keys are case-insensitive (ASCII; the JDBC driver lower-cases with Java's
// toLowerCase, see docs/options/jdbc.md); Python keyword arguments and libpq keywords are not.
[[nodiscard]] constexpr bool keys_ignore_case(driver d) noexcept { return d == driver::jdbc || d == driver::odbc; }

// What a driver does with a key it does not know: the JDBC and ODBC drivers ignore it,
// connect() raises TypeError and libpq refuses the whole string.
[[nodiscard]] constexpr bool refuses_unknown_keys(driver d) noexcept {
  return d == driver::python || d == driver::libpq;
}

enum class option_type : unsigned char {
  boolean,      // true/false, in the driver's own reading (bool_reading_of)
  integer,      // a whole number, in the driver's own syntax (see `unit` for its meaning)
  enumeration,  // one of `values`
  string,
  secret,       // a string that carries credentials: redacted by every formatter
  list,         // several values: comma-separated in strings, a list in Python
  plugin,       // an IdP plugin / credentials provider name (see plugin_catalogue)
};

[[nodiscard]] constexpr std::string_view to_string(option_type t) noexcept {
  switch (t) {
    case option_type::boolean: return "bool";
    case option_type::integer: return "int";
    case option_type::enumeration: return "enum";
    case option_type::string: return "string";
    case option_type::secret: return "secret";
    case option_type::list: return "list";
    case option_type::plugin: return "plugin";
  }
  return "string";
}

enum class option_group : unsigned char {
  address,      // host, port, database, cluster, workgroup, region
  auth,         // user, password, database credentials
  iam,          // IAM authentication and its AWS credentials
  idp,          // identity-provider plugins and their settings
  tls,
  timeouts,
  keepalive,
  session,      // what the session does once connected
  logging,
  performance,
  other,
};

[[nodiscard]] constexpr std::string_view to_string(option_group g) noexcept {
  switch (g) {
    case option_group::address: return "address";
    case option_group::auth: return "auth";
    case option_group::iam: return "iam";
    case option_group::idp: return "idp";
    case option_group::tls: return "tls";
    case option_group::timeouts: return "timeouts";
    case option_group::keepalive: return "keepalive";
    case option_group::session: return "session";
    case option_group::logging: return "logging";
    case option_group::performance: return "performance";
    case option_group::other: return "other";
  }
  return "other";
}

namespace detail {

// The pieces of a '|'-separated list, without allocating.
class bar_list {
 public:
  constexpr explicit bar_list(std::string_view text) noexcept : text_(text) {}
  // The piece at `i`, or empty past the end.
  [[nodiscard]] constexpr std::string_view operator[](std::size_t i) const noexcept {
    std::string_view rest = text_;
    for (; i > 0; --i) {
      std::size_t bar = rest.find('|');
      if (bar == std::string_view::npos) return {};
      rest = rest.substr(bar + 1);
    }
    return rest.substr(0, rest.find('|'));
  }
  [[nodiscard]] constexpr std::size_t size() const noexcept {
    if (text_.empty()) return 0;
    std::size_t n = 1;
    for (char c : text_) n += c == '|' ? 1 : 0;
    return n;
  }

 private:
  std::string_view text_;
};

}  // namespace detail

// One driver's view of an option. Lists inside these strings are '|'-separated: `names` is
// the name formatters write first, then the aliases the driver also accepts, in its order of
// precedence (for ODBC, the spelling that wins when several are given comes first).
struct option_spelling {
  std::string_view names;          // empty: the driver has no such option
  std::string_view default_value;  // empty: none (or the empty string; see docs/options)
  std::string_view values;         // enum: the accepted values; else empty
  std::uint8_t written = 0;        // which of `names` formatters write (ODBC writes Server, UID, ...)
};

struct option_info {
  std::string_view id;  // stable snake_case id: the CLI's and the JSON's name for the option
  option_group group = option_group::other;
  option_type type = option_type::string;
  std::string_view unit;  // integers: "seconds", "milliseconds", "count", ...; else empty
  option_spelling jdbc, odbc, python, libpq;

  [[nodiscard]] constexpr const option_spelling& in(driver d) const noexcept {
    switch (d) {
      case driver::jdbc: return jdbc;
      case driver::odbc: return odbc;
      case driver::python: return python;
      case driver::libpq: return libpq;
    }
    return jdbc;
  }
  // The name the driver's formatter writes (empty when the driver has no such option).
  [[nodiscard]] constexpr std::string_view name(driver d) const noexcept {
    const option_spelling& s = in(d);
    return detail::bar_list(s.names)[s.written];
  }
  [[nodiscard]] constexpr bool in_driver(driver d) const noexcept { return !in(d).names.empty(); }
  [[nodiscard]] constexpr bool secret() const noexcept { return type == option_type::secret; }
};

// The catalogue. One row per option; `{}` where a driver has no such option. The rows follow
// the drivers' sources as docs/options/*.md describe them (JDBC: RedshiftProperty.java and the
// plugins; ODBC: rsodbc.h and RS_CONN_INFO::parseConnectString in rsconnect.cpp; Python:
// connect() in redshift_connector/__init__.py; libpq: PQconndefaults() of libpq 15, plus the
// legacy keyword requiressl it still accepts). Where an option of one driver has a counterpart
// in another, they share a row: that is what key translation between forms follows.
// NOLINTBEGIN(readability-magic-numbers)
inline constexpr option_info option_catalogue[] = {
    {"host", option_group::address, option_type::string, "", {"host", "", ""}, {"Servername|Server|HostName|Host", "", "", 1}, {"host", "", ""}, {"host", "", ""}},
    {"port", option_group::address, option_type::integer, "port", {"port", "5439", ""}, {"PortNumber|Port", "5439", "", 1}, {"port", "5439", ""}, {"port", "5432", ""}},
    {"database", option_group::address, option_type::string, "", {"dbname", "", ""}, {"DB|Database", "", "", 1}, {"database", "", ""}, {"dbname", "", ""}},
    {"user", option_group::auth, option_type::string, "", {"user|UID", "", ""}, {"User|UID|LogonID", "", "", 1}, {"user", "", ""}, {"user", "", ""}},
    {"password", option_group::auth, option_type::secret, "", {"password|PWD", "", ""}, {"PWD|Password", "", ""}, {"password", "", ""}, {"password", "", ""}},
    {"ssl_mode", option_group::tls, option_type::enumeration, "", {"sslmode|authmech", "verify-ca", "verify-ca|verify-full"}, {"SSLMode", "verify-ca", "disable|allow|prefer|require|verify-ca|verify-full"}, {"sslmode", "verify-ca", "verify-ca|verify-full"}, {"sslmode", "prefer", "disable|allow|prefer|require|verify-ca|verify-full"}},
    {"cluster_id", option_group::iam, option_type::string, "", {"ClusterID", "", ""}, {"ClusterId", "", ""}, {"cluster_identifier", "", ""}, {}},
    {"is_serverless", option_group::iam, option_type::boolean, "", {"isServerless", "false", ""}, {"Serverless", "0", ""}, {"is_serverless", "False", ""}, {}},
    {"workgroup", option_group::iam, option_type::string, "", {"serverlessWorkGroup", "", ""}, {"Workgroup", "", ""}, {"serverless_work_group", "", ""}, {}},
    {"account_id", option_group::iam, option_type::string, "", {"serverlessAcctId", "", ""}, {}, {"serverless_acct_id", "", ""}, {}},
    {"plugin_name", option_group::idp, option_type::plugin, "", {"plugin_name", "", ""}, {"plugin_name", "", ""}, {"credentials_provider", "", ""}, {}},
    {"login_timeout", option_group::timeouts, option_type::integer, "seconds", {"loginTimeout", "0", ""}, {"LT|LoginTimeout", "0", "", 1}, {"timeout", "", ""}, {"connect_timeout", "", ""}},
    {"application_name", option_group::session, option_type::string, "", {"ApplicationName", "", ""}, {"ApplicationName", "", ""}, {"application_name", "", ""}, {"application_name", "", ""}},
    {"tcp_keepalive", option_group::keepalive, option_type::boolean, "", {"tcpKeepAlive", "true", ""}, {"KeepAlive", "", ""}, {"tcp_keepalive", "True", ""}, {"keepalives", "", ""}},
    {"tcp_keepalive_idle", option_group::keepalive, option_type::integer, "seconds", {}, {"KeepAliveIdle", "", ""}, {"tcp_keepalive_idle", "", ""}, {"keepalives_idle", "", ""}},
    {"tcp_keepalive_interval", option_group::keepalive, option_type::integer, "seconds", {}, {"KeepAliveInterval", "", ""}, {"tcp_keepalive_interval", "", ""}, {"keepalives_interval", "", ""}},
    {"tcp_keepalive_count", option_group::keepalive, option_type::integer, "probes", {}, {"KeepAliveCount", "", ""}, {"tcp_keepalive_count", "", ""}, {"keepalives_count", "", ""}},
    {"iam_disable_cache", option_group::iam, option_type::boolean, "", {"IAMDisableCache", "false", ""}, {"DisableCache", "0", ""}, {"iam_disable_cache", "False", ""}, {}},
    {"principal_arn", option_group::idp, option_type::string, "", {}, {}, {"principal_arn", "", ""}, {}},
    {"ssl_root_cert", option_group::tls, option_type::string, "", {"SSLRootCert", "", ""}, {"TS|TrustStore", "", "", 1}, {}, {"sslrootcert", "", ""}},
    {"iam_duration", option_group::iam, option_type::integer, "seconds", {"IAMDuration", "", ""}, {"IAMDuration", "900", ""}, {}, {}},
    {"kerberos_service_name", option_group::auth, option_type::string, "", {"kerberosservername", "", ""}, {"KSN|KerberosServiceName", "", "", 1}, {}, {"krbsrvname", "postgres", ""}},
    {"dbgroups_filter", option_group::iam, option_type::string, "", {"dbgroupsfilter", "", ""}, {"dbgroups_filter", "", ""}, {}, {}},
    {"socket_connect_timeout", option_group::timeouts, option_type::integer, "seconds", {"connectTimeout", "10", ""}, {}, {}, {}},
    {"iam", option_group::iam, option_type::boolean, "", {"iamauth", "false", ""}, {"IAM", "0", ""}, {"iam", "False", ""}, {}},
    {"ssl", option_group::tls, option_type::boolean, "", {"ssl", "true", ""}, {}, {"ssl", "True", ""}, {}},
    {"allowencodingchanges", option_group::session, option_type::boolean, "", {"allowencodingchanges", "true", ""}, {}, {}, {}},
    {"assumeminserverversion", option_group::session, option_type::string, "", {"assumeminserverversion", "", ""}, {}, {}, {}},
    {"auth_profile", option_group::iam, option_type::string, "", {"AuthProfile", "", ""}, {"AuthProfile", "", ""}, {"auth_profile", "", ""}, {}},
    {"autosave", option_group::session, option_type::enumeration, "", {"autosave", "never", "always|never|conservative"}, {}, {}, {}},
    {"binarytransfer", option_group::performance, option_type::boolean, "", {"binarytransfer", "true", ""}, {}, {}, {}},
    {"binarytransferdisable", option_group::performance, option_type::list, "", {"binarytransferdisable", "", ""}, {}, {}, {}},
    {"binarytransferenable", option_group::performance, option_type::list, "", {"binarytransferenable", "", ""}, {}, {}, {}},
    {"cancelsignaltimeout", option_group::timeouts, option_type::integer, "seconds", {"cancelsignaltimeout", "10", ""}, {}, {}, {}},
    {"cleanupsavepoints", option_group::session, option_type::boolean, "", {"cleanupsavepoints", "false", ""}, {}, {}, {}},
    {"compression", option_group::performance, option_type::enumeration, "", {"compression", "off", "off|lz4|lz4:1"}, {"Compression", "off", "off|false|no|0|on|true|yes|any|1"}, {}, {}},
    {"connectiontimezone", option_group::session, option_type::enumeration, "", {"connectiontimezone", "LOCAL", "LOCAL|SERVER"}, {}, {}, {}},
    {"currentschema", option_group::session, option_type::string, "", {"currentschema", "", ""}, {}, {}, {}},
    {"databasemetadatacachefields", option_group::performance, option_type::integer, "count", {"databasemetadatacachefields", "65536", ""}, {}, {}, {}},
    {"databasemetadatacachefieldsmib", option_group::performance, option_type::integer, "MiB", {"databasemetadatacachefieldsmib", "5", ""}, {}, {}, {}},
    {"database_metadata_current_db_only", option_group::other, option_type::boolean, "", {"databaseMetadataCurrentDbOnly", "true", ""}, {"DatabaseMetadataCurrentDbOnly", "1", ""}, {"database_metadata_current_db_only", "True", ""}, {}},
    {"default_row_fetch_size", option_group::performance, option_type::integer, "rows", {"defaultRowFetchSize|blockingrowsmode", "0", ""}, {}, {}, {}},
    {"disablecolumnsanitiser", option_group::performance, option_type::boolean, "", {"disablecolumnsanitiser", "false", ""}, {}, {}, {}},
    {"disable_is_valid_query", option_group::other, option_type::boolean, "", {"DisableIsValidQuery", "false", ""}, {}, {}, {}},
    {"enable_fetch_ring_buffer", option_group::performance, option_type::boolean, "", {"enableFetchRingBuffer", "true", ""}, {}, {}, {}},
    {"enablegeneratedname", option_group::performance, option_type::boolean, "", {"enablegeneratedname", "true", ""}, {}, {}, {}},
    {"enable_multi_sql_support", option_group::session, option_type::boolean, "", {"enableMultiSqlSupport", "true", ""}, {}, {}, {}},
    {"enablestatementcache", option_group::performance, option_type::boolean, "", {"enablestatementcache", "false", ""}, {}, {}, {}},
    {"escapesyntaxcallmode", option_group::session, option_type::enumeration, "", {"escapesyntaxcallmode", "call", "select|callIfNoReturn|call"}, {}, {}, {}},
    {"fetch_ring_buffer_size", option_group::performance, option_type::string, "", {"fetchRingBufferSize", "1G", ""}, {}, {}, {}},
    {"maxwarningcount", option_group::other, option_type::integer, "count", {"maxwarningcount", "100", ""}, {}, {}, {}},
    {"gsslib", option_group::auth, option_type::enumeration, "", {"gsslib", "auto", "auto|sspi|gssapi"}, {}, {}, {"gsslib", "", "gssapi|sspi"}},
    {"hideunprivilegedobjects", option_group::other, option_type::boolean, "", {"hideunprivilegedobjects", "false", ""}, {}, {}, {}},
    {"hostrecheckseconds", option_group::address, option_type::integer, "seconds", {"hostrecheckseconds", "10", ""}, {}, {}, {}},
    {"ini_file", option_group::other, option_type::string, "", {"IniFile", "", ""}, {}, {}, {}},
    {"ini_section", option_group::other, option_type::string, "", {"IniSection", "", ""}, {}, {}, {}},
    {"jaasapplicationname", option_group::auth, option_type::string, "", {"jaasapplicationname", "", ""}, {}, {}, {}},
    {"jaaslogin", option_group::auth, option_type::boolean, "", {"jaaslogin", "true", ""}, {}, {}, {}},
    {"loadbalancehosts", option_group::address, option_type::boolean, "", {"loadbalancehosts", "false", ""}, {}, {}, {}},
    {"log_path", option_group::logging, option_type::string, "", {"LogPath", "", ""}, {"LogPath", "", ""}, {}, {}},
    {"maxlogfilesize", option_group::logging, option_type::string, "", {"maxlogfilesize", "", ""}, {}, {}, {}},
    {"maxlogfilecount", option_group::logging, option_type::integer, "files", {"maxlogfilecount", "", ""}, {}, {}, {}},
    {"log_level", option_group::logging, option_type::enumeration, "", {"LogLevel|dsiloglevel", "", "OFF|ERROR|INFO|FUNCTION|DEBUG|TRACE|0|1|2|3|4|5|6"}, {"LogLevel", "", ""}, {}, {}},
    {"logservererrordetail", option_group::logging, option_type::boolean, "", {"logservererrordetail", "true", ""}, {}, {}, {}},
    {"logunclosedconnections", option_group::logging, option_type::boolean, "", {"logunclosedconnections", "false", ""}, {}, {}, {}},
    {"maxresultbuffer", option_group::performance, option_type::string, "", {"maxresultbuffer", "", ""}, {}, {}, {}},
    {"options", option_group::session, option_type::string, "", {"options", "", ""}, {}, {}, {"options", "", ""}},
    {"override_schema_pattern_type", option_group::other, option_type::integer, "", {"OverrideSchemaPatternType", "", ""}, {}, {}, {}},
    {"query_group", option_group::session, option_type::string, "", {"queryGroup", "", ""}, {}, {}, {}},
    {"preferquerymode", option_group::performance, option_type::enumeration, "", {"preferquerymode", "extended", "extended|extendedForPrepared|extendedCacheEverything|simple"}, {}, {}, {}},
    {"preparedstatementcachequeries", option_group::performance, option_type::integer, "count", {"preparedstatementcachequeries", "256", ""}, {}, {}, {}},
    {"preparedstatementcachesizemib", option_group::performance, option_type::integer, "MiB", {"preparedstatementcachesizemib", "5", ""}, {}, {}, {}},
    {"preparethreshold", option_group::performance, option_type::integer, "count", {"preparethreshold", "5", ""}, {}, {}, {}},
    {"protocolversion", option_group::session, option_type::enumeration, "", {"protocolversion", "", "3"}, {}, {}, {}},
    {"raiseexceptiononsilentrollback", option_group::session, option_type::boolean, "", {"raiseexceptiononsilentrollback", "false", ""}, {}, {}, {}},
    {"read_only", option_group::session, option_type::boolean, "", {"readOnly", "false", ""}, {"ReadOnly", "0", ""}, {}, {}},
    {"readonlymode", option_group::session, option_type::enumeration, "", {"readonlymode", "always", "ignore|transaction|always"}, {}, {}, {}},
    {"receivebuffersize", option_group::performance, option_type::integer, "bytes", {"receivebuffersize", "-1", ""}, {}, {}, {}},
    {"re_write_batched_inserts", option_group::performance, option_type::boolean, "", {"reWriteBatchedInserts", "false", ""}, {}, {}, {}},
    {"re_write_batched_inserts_size", option_group::performance, option_type::integer, "rows", {"reWriteBatchedInsertsSize", "128", ""}, {}, {}, {}},
    {"sendbuffersize", option_group::performance, option_type::integer, "bytes", {"sendbuffersize", "-1", ""}, {}, {}, {}},
    {"socket_factory", option_group::other, option_type::plugin, "", {"socketFactory", "", ""}, {}, {}, {}},
    {"socketfactoryarg", option_group::other, option_type::string, "", {"socketfactoryarg", "", ""}, {}, {}, {}},
    {"socket_timeout", option_group::timeouts, option_type::integer, "seconds", {"socketTimeout", "0", ""}, {}, {}, {}},
    {"ssl_cert", option_group::tls, option_type::string, "", {"SSLCert", "", ""}, {}, {}, {"sslcert", "", ""}},
    {"ssl_factory", option_group::tls, option_type::plugin, "", {"SSLFactory", "", ""}, {}, {}, {}},
    {"sslfactoryarg", option_group::tls, option_type::string, "", {"sslfactoryarg", "", ""}, {}, {}, {}},
    {"sslhostnameverifier", option_group::tls, option_type::plugin, "", {"sslhostnameverifier", "", ""}, {}, {}, {}},
    {"ssl_key", option_group::tls, option_type::string, "", {"SSLKey", "", ""}, {}, {}, {"sslkey", "", ""}},
    {"ssl_password", option_group::tls, option_type::secret, "", {"SSLPassword", "", ""}, {}, {}, {"sslpassword", "", ""}},
    {"sslpasswordcallback", option_group::tls, option_type::plugin, "", {"sslpasswordcallback", "", ""}, {}, {}, {}},
    {"ssltruststorepath", option_group::tls, option_type::string, "", {"ssltruststorepath", "", ""}, {}, {}, {}},
    {"ssltruststore", option_group::tls, option_type::secret, "", {"ssltruststore ", "", ""}, {}, {}, {}},
    {"sspiserviceclass", option_group::auth, option_type::string, "", {"sspiserviceclass", "REDSHIFT", ""}, {}, {}, {}},
    {"stringtype", option_group::session, option_type::enumeration, "", {"stringtype", "unspecified", "unspecified|varchar"}, {"StringType", "varchar", "unspecified|varchar"}, {}, {}},
    {"targetservertype", option_group::address, option_type::enumeration, "", {"targetservertype", "any", "any|primary|master|secondary|slave|preferSecondary|preferSlave"}, {}, {}, {}},
    {"unknownlength", option_group::other, option_type::integer, "", {"unknownlength", "2147483647", ""}, {}, {}, {}},
    {"usespnego", option_group::auth, option_type::boolean, "", {"usespnego", "false", ""}, {}, {}, {}},
    {"access_key_id", option_group::iam, option_type::string, "", {"AccessKeyID", "", ""}, {"AccessKeyID", "", ""}, {"access_key_id", "", ""}, {}},
    {"idc_client_display_name", option_group::idp, option_type::string, "", {"idc_client_display_name", "Amazon Redshift JDBC driver", ""}, {"idc_client_display_name", "", ""}, {"idc_client_display_name", "", ""}, {}},
    {"identity_namespace", option_group::idp, option_type::string, "", {"identity_namespace", "", ""}, {"identity_namespace", "", ""}, {"identity_namespace", "", ""}, {}},
    {"token_type", option_group::idp, option_type::string, "", {"token_type", "", ""}, {"token_type", "", ""}, {"token_type", "", ""}, {}},
    {"region", option_group::iam, option_type::string, "", {"Region", "", ""}, {"Region", "", ""}, {"region", "", ""}, {}},
    {"endpoint_url", option_group::iam, option_type::string, "", {"endpointUrl", "", ""}, {"EndPointUrl", "", ""}, {"endpoint_url", "", ""}, {}},
    {"sts_endpoint_url", option_group::iam, option_type::string, "", {"StsEndpointUrl", "", ""}, {"StsEndpointUrl", "", ""}, {}, {}},
    {"profile", option_group::iam, option_type::string, "", {"Profile", "", ""}, {"Profile", "", ""}, {"profile", "", ""}, {}},
    {"secret_access_key", option_group::iam, option_type::secret, "", {"SecretAccessKey", "", ""}, {"SecretAccessKey", "", ""}, {"secret_access_key", "", ""}, {}},
    {"session_token", option_group::iam, option_type::secret, "", {"SessionToken", "", ""}, {"SessionToken", "", ""}, {"session_token", "", ""}, {}},
    {"auto_create", option_group::iam, option_type::boolean, "", {"AutoCreate", "", ""}, {"AutoCreate", "0", ""}, {"auto_create", "False", ""}, {}},
    {"db_user", option_group::iam, option_type::string, "", {"DbUser", "", ""}, {"DbUser", "", ""}, {"db_user", "", ""}, {}},
    {"db_groups", option_group::iam, option_type::list, "", {"DbGroups", "", ""}, {"DbGroups", "", ""}, {"db_groups", "", ""}, {}},
    {"force_lowercase", option_group::iam, option_type::boolean, "", {"ForceLowercase", "", ""}, {"ForceLowercase", "0", ""}, {"force_lowercase", "False", ""}, {}},
    {"group_federation", option_group::iam, option_type::boolean, "", {"groupFederation", "false", ""}, {"group_federation", "0", ""}, {"group_federation", "False", ""}, {}},
    {"web_identity_token", option_group::idp, option_type::secret, "", {"webIdentityToken", "", ""}, {"web_identity_token", "", ""}, {"web_identity_token", "", ""}, {}},
    {"provider_name", option_group::idp, option_type::string, "", {"providerName", "", ""}, {"provider_name", "", ""}, {"provider_name", "", ""}, {}},
    {"idp_host", option_group::idp, option_type::string, "", {"IdP_Host", "", ""}, {"idp_host", "", ""}, {"idp_host", "", ""}, {}},
    {"idp_port", option_group::idp, option_type::integer, "port", {"IdP_Port", "443", ""}, {"idp_port", "", ""}, {}, {}},
    {"duration", option_group::idp, option_type::integer, "seconds", {"duration", "", ""}, {"duration", "", ""}, {}, {}},
    {"preferred_role", option_group::idp, option_type::string, "", {"Preferred_Role", "", ""}, {"preferred_role", "", ""}, {"preferred_role", "", ""}, {}},
    {"ssl_insecure", option_group::idp, option_type::boolean, "", {"SSL_Insecure", "false", ""}, {"ssl_insecure", "0", ""}, {"ssl_insecure", "False", ""}, {}},
    {"login_to_rp", option_group::idp, option_type::string, "", {"loginToRp", "urn:amazon:webservices", ""}, {"loginToRp", "", ""}, {"login_to_rp", "urn:amazon:webservices", ""}, {}},
    {"app_id", option_group::idp, option_type::string, "", {"App_ID", "", ""}, {"app_id", "", ""}, {"app_id", "", ""}, {}},
    {"app_name", option_group::idp, option_type::string, "", {"App_Name", "amazon_aws", ""}, {"app_name", "", ""}, {"app_name", "amazon_aws_redshift", ""}, {}},
    {"partner_sp_id", option_group::idp, option_type::string, "", {"Partner_SPID", "urn%3Aamazon%3Awebservices", ""}, {"partner_spid", "", ""}, {"partner_sp_id", "", ""}, {}},
    {"idp_tenant", option_group::idp, option_type::string, "", {"IdP_Tenant", "", ""}, {"idp_tenant", "", ""}, {"idp_tenant", "", ""}, {}},
    {"idp_partition", option_group::idp, option_type::enumeration, "", {"idp_partition", "", "commercial|us-gov|cn"}, {"idp_partition", "", "commercial|us-gov|cn"}, {"idp_partition", "", "commercial|us-gov|cn"}, {}},
    {"client_id", option_group::idp, option_type::string, "", {"Client_ID", "", ""}, {"client_id", "", ""}, {"client_id", "", ""}, {}},
    {"client_secret", option_group::idp, option_type::secret, "", {"Client_Secret", "", ""}, {"client_secret", "", ""}, {"client_secret", "", ""}, {}},
    {"scope", option_group::idp, option_type::string, "", {"scope", "", ""}, {"scope", "", ""}, {"scope", "", ""}, {}},
    {"login_url", option_group::idp, option_type::string, "", {"Login_URL", "", ""}, {"login_url", "", ""}, {"login_url", "", ""}, {}},
    {"listen_port", option_group::idp, option_type::integer, "port", {"listen_port", "7890", ""}, {"listen_port", "", ""}, {"listen_port", "7890", ""}, {}},
    {"idp_response_timeout", option_group::idp, option_type::integer, "seconds", {"IdP_Response_Timeout", "120", ""}, {"idp_response_timeout", "", ""}, {"idp_response_timeout", "120", ""}, {}},
    {"saml_assertion", option_group::idp, option_type::secret, "", {"saml_assertion", "", ""}, {}, {}, {}},
    {"token", option_group::idp, option_type::secret, "", {"token", "", ""}, {"token", "", ""}, {"token", "", ""}, {}},
    {"issuer_url", option_group::idp, option_type::string, "", {"issuer_url", "", ""}, {"issuer_url", "", ""}, {"issuer_url", "", ""}, {}},
    {"idc_region", option_group::idp, option_type::string, "", {"idc_region", "", ""}, {"idc_region", "", ""}, {"idc_region", "", ""}, {}},
    {"role_arn", option_group::iam, option_type::string, "", {"roleArn", "", ""}, {"role_arn", "", ""}, {"role_arn", "", ""}, {}},
    {"role_session_name", option_group::iam, option_type::string, "", {"roleSessionName", "", ""}, {"role_session_name", "", ""}, {"role_session_name", "", ""}, {}},
    {"client_protocol_version", option_group::session, option_type::integer, "", {"client_protocol_version", "3", ""}, {"client_protocol_version", "-1", ""}, {"client_protocol_version", "2", ""}, {}},
    {"dsn", option_group::other, option_type::string, "", {}, {"DSN", "", ""}, {}, {}},
    {"driver", option_group::other, option_type::string, "", {}, {"Driver", "", ""}, {}, {}},
    {"proxy_host", option_group::address, option_type::string, "", {}, {"ProxyHost", "", ""}, {}, {}},
    {"proxy_port", option_group::address, option_type::integer, "port", {}, {"ProxyPort", "", ""}, {}, {}},
    {"proxy_uid", option_group::address, option_type::string, "", {}, {"ProxyUid", "", ""}, {}, {}},
    {"proxy_pwd", option_group::address, option_type::secret, "", {}, {"ProxyPwd", "", ""}, {}, {}},
    {"kerberos_api", option_group::auth, option_type::enumeration, "", {}, {"KSA|KerberosAPI", "", "GSS", 1}, {}, {}},
    {"query_timeout", option_group::timeouts, option_type::integer, "seconds", {}, {"QueryTimeout|QT", "0", ""}, {}, {}},
    {"connection_retry_count", option_group::timeouts, option_type::integer, "attempts", {}, {"CRC|ConnectionRetryCount", "0", "", 1}, {}, {}},
    {"connection_retry_delay", option_group::timeouts, option_type::integer, "seconds", {}, {"CRD|ConnectionRetryDelay", "3", "", 1}, {}, {}},
    {"sts_connection_timeout", option_group::timeouts, option_type::integer, "seconds", {}, {"StsConnectionTimeout", "0", ""}, {}, {}},
    {"application_using_threads", option_group::other, option_type::boolean, "", {}, {"AUT|ApplicationUsingThreads", "1", "", 1}, {}, {}},
    {"fetch_ref_cursor", option_group::session, option_type::boolean, "", {}, {"FRC|FetchRefCursor", "1", "", 1}, {}, {}},
    {"transaction_error_behavior", option_group::session, option_type::boolean, "", {}, {"TransactionErrorBehavior|TEB", "1", ""}, {}, {}},
    {"initialization_string", option_group::session, option_type::string, "", {}, {"InitializationString|IS", "", ""}, {}, {}},
    {"use_unicode", option_group::session, option_type::boolean, "", {}, {"UseUnicode", "0", ""}, {}, {}},
    {"max_varchar_size", option_group::session, option_type::integer, "bytes", {}, {"MaxVarcharSize", "255", ""}, {}, {}},
    {"max_long_varchar_size", option_group::session, option_type::integer, "bytes", {}, {"MaxLongVarcharSize", "65535", ""}, {}, {}},
    {"trace", option_group::logging, option_type::boolean, "", {}, {"Trace", "0", ""}, {}, {}},
    {"trace_file", option_group::logging, option_type::string, "", {}, {"TraceFile", "", ""}, {}, {}},
    {"trace_level", option_group::logging, option_type::integer, "", {}, {"TraceLevel", "0", ""}, {}, {}},
    {"csc_enable", option_group::performance, option_type::boolean, "", {}, {"CscEnable", "0", ""}, {}, {}},
    {"csc_threshold", option_group::performance, option_type::integer, "MiB", {}, {"CscThreshold", "1", ""}, {}, {}},
    {"csc_path", option_group::performance, option_type::string, "", {}, {"CscPath", "", ""}, {}, {}},
    {"csc_max_file_size", option_group::performance, option_type::integer, "MiB", {}, {"CscMaxFileSize", "4096", ""}, {}, {}},
    {"streaming_cursor_rows", option_group::performance, option_type::integer, "rows", {}, {"StreamingCursorRows|SCR", "0", ""}, {}, {}},
    {"encryption_method", option_group::tls, option_type::enumeration, "", {}, {"EncryptionMethod|EM", "1", "0|1|2|3"}, {}, {}},
    {"validate_server_certificate", option_group::tls, option_type::boolean, "", {}, {"VSC|ValidateServerCertificate", "1", "", 1}, {}, {}},
    {"ca_file", option_group::tls, option_type::string, "", {}, {"CaFile", "", ""}, {}, {}},
    {"ca_path", option_group::tls, option_type::string, "", {}, {"CaPath", "", ""}, {}, {}},
    {"min_tls", option_group::tls, option_type::enumeration, "", {}, {"Min_TLS", "", "1.2|1.1"}, {}, {}},
    {"auth_type", option_group::iam, option_type::enumeration, "", {}, {"AuthType", "", "Static|Profile|Plugin|InstanceProfile"}, {}, {}},
    {"vpc_endpoint_url", option_group::iam, option_type::string, "", {}, {"vpc_endpoint_url", "", ""}, {}, {}},
    {"instance_profile", option_group::iam, option_type::boolean, "", {}, {"InstanceProfile", "0", ""}, {}, {}},
    {"https_proxy_host", option_group::idp, option_type::string, "", {}, {"https_proxy_host", "", ""}, {}, {}},
    {"https_proxy_port", option_group::idp, option_type::integer, "port", {}, {"https_proxy_port", "0", ""}, {}, {}},
    {"https_proxy_username", option_group::idp, option_type::string, "", {}, {"https_proxy_username", "", ""}, {}, {}},
    {"https_proxy_password", option_group::idp, option_type::secret, "", {}, {"https_proxy_password", "", ""}, {}, {}},
    {"idp_use_https_proxy", option_group::idp, option_type::boolean, "", {}, {"idp_use_https_proxy", "0", ""}, {}, {}},
    {"source_address", option_group::address, option_type::string, "", {}, {}, {"source_address", "", ""}, {}},
    {"unix_sock", option_group::address, option_type::string, "", {}, {}, {"unix_sock", "", ""}, {}},
    {"max_prepared_statements", option_group::performance, option_type::integer, "statements", {}, {}, {"max_prepared_statements", "1000", ""}, {}},
    {"allow_db_user_override", option_group::iam, option_type::boolean, "", {}, {}, {"allow_db_user_override", "False", ""}, {}},
    {"numeric_to_float", option_group::other, option_type::boolean, "", {}, {}, {"numeric_to_float", "False", ""}, {}},
    {"service", option_group::other, option_type::string, "", {}, {}, {}, {"service", "", ""}},
    {"passfile", option_group::auth, option_type::string, "", {}, {}, {}, {"passfile", "", ""}},
    {"channel_binding", option_group::auth, option_type::enumeration, "", {}, {}, {}, {"channel_binding", "prefer", "disable|prefer|require"}},
    {"hostaddr", option_group::address, option_type::string, "", {}, {}, {}, {"hostaddr", "", ""}},
    {"client_encoding", option_group::session, option_type::string, "", {}, {}, {}, {"client_encoding", "", ""}},
    {"fallback_application_name", option_group::session, option_type::string, "", {}, {}, {}, {"fallback_application_name", "", ""}},
    {"tcp_user_timeout", option_group::timeouts, option_type::integer, "milliseconds", {}, {}, {}, {"tcp_user_timeout", "", ""}},
    {"sslcompression", option_group::tls, option_type::boolean, "", {}, {}, {}, {"sslcompression", "0", ""}},
    {"sslcrl", option_group::tls, option_type::string, "", {}, {}, {}, {"sslcrl", "", ""}},
    {"sslcrldir", option_group::tls, option_type::string, "", {}, {}, {}, {"sslcrldir", "", ""}},
    {"sslsni", option_group::tls, option_type::boolean, "", {}, {}, {}, {"sslsni", "1", ""}},
    {"requirepeer", option_group::auth, option_type::string, "", {}, {}, {}, {"requirepeer", "", ""}},
    {"ssl_min_protocol_version", option_group::tls, option_type::enumeration, "", {}, {}, {}, {"ssl_min_protocol_version", "TLSv1.2", "TLSv1|TLSv1.1|TLSv1.2|TLSv1.3"}},
    {"ssl_max_protocol_version", option_group::tls, option_type::enumeration, "", {}, {}, {}, {"ssl_max_protocol_version", "", "TLSv1|TLSv1.1|TLSv1.2|TLSv1.3"}},
    {"gssencmode", option_group::tls, option_type::enumeration, "", {}, {}, {}, {"gssencmode", "prefer", "disable|prefer|require"}},
    {"require_ssl", option_group::tls, option_type::boolean, "", {}, {}, {}, {"requiressl", "", ""}},
    {"replication", option_group::session, option_type::enumeration, "", {}, {}, {}, {"replication", "", "true|on|yes|1|false|off|no|0|database"}},
    {"target_session_attrs", option_group::address, option_type::enumeration, "", {}, {}, {}, {"target_session_attrs", "any", "any|read-write|read-only|primary|standby|prefer-standby"}},
};
// NOLINTEND(readability-magic-numbers)

// Keys an ODBC connection string may hold that the driver manager reads, not the driver
// (unixODBC and Windows' SQLDriverConnect): a string starting with one is ODBC.
inline constexpr std::string_view odbc_driver_manager_keys[] = {"FILEDSN", "SAVEFILE"};

// The query parameter libpq's URI parser also takes, only as ssl=true (stored as
// sslmode=require, fe-connect.c conninfo_uri_parse_params); no keyword of its own.
inline constexpr std::string_view libpq_uri_ssl_parameter = "ssl";

// Keys that are not driver options but name secrets in the forms around the drivers (the AWS
// credential names of profiles, Airflow and dbt; the IdP password some tools keep beside the
// URL; a bare JWT): redacted everywhere all the same.
inline constexpr std::string_view other_secret_keys[] = {"idp_password", "aws_secret_access_key", "aws_session_token",
                                                         "jwt"};

// ---- lookups ----------------------------------------------------------------------------------

namespace detail {

// Whether `key` equals `name` the way Java's key.toLowerCase().equals(name.toLowerCase()) sees
// it: ASCII case is ignored, and U+212A KELVIN SIGN (three bytes in UTF-8) stands for 'k', the
// only non-ASCII character whose lower case is ASCII. The JDBC driver reads such a key as the
// option it spells (docs/options/jdbc.md), so rsconn must recognise it too, above all secrets.
constexpr bool java_lower_equals(std::string_view key, std::string_view name) noexcept {
  std::size_t at = 0;
  for (char c : name) {
    c = to_lower(c);
    if (at < key.size() && to_lower(key[at]) == c) ++at;
    else if (c == 'k' && key.substr(at, 3) == "\xE2\x84\xAA") at += 3;
    else return false;
  }
  return at == key.size();
}

// Whether `s` holds a U+212A KELVIN SIGN, the only non-ASCII character a JDBC key may spell
// an option's name with (the scans for it are slow; other keys never need them).
constexpr bool has_kelvin_sign(std::string_view s) noexcept {
  return s.find("\xE2\x84\xAA") != std::string_view::npos;
}

// One spelling of one option in one driver.
struct option_key {
  std::string_view name;
  std::uint16_t option = 0;
  driver in = driver::jdbc;
  std::uint8_t rank = 0;  // its place in the driver's names: 0 is the name formatters write
};

constexpr std::size_t count_option_keys() noexcept {
  std::size_t n = 0;
  for (const option_info& o : option_catalogue)
    for (driver d : all_drivers) n += bar_list(o.in(d).names).size();
  return n;
}

inline constexpr std::size_t option_buckets = 1024;

// Keys that differ only in ASCII case share a bucket.
constexpr std::size_t option_bucket_of(std::string_view key) noexcept {
  if (key.empty()) return 0;
  auto byte = [](char c) { return static_cast<std::size_t>(static_cast<unsigned char>(to_lower(c))); };
  std::size_t h = key.size() * 131u + byte(key[0]) * 31u + byte(key[key.size() - 1]) * 7u;
  if (key.size() > 2) h += byte(key[key.size() / 2]) * 17u;
  return h % option_buckets;
}

// Plain arrays, not std::array: the index is built by the compiler's constant evaluator in
// every translation unit, and each std::array::operator[] is a call it has to evaluate.
struct option_key_index {
  option_key keys[count_option_keys()] = {};
  std::uint16_t start[option_buckets + 1] = {};  // bucket b holds keys[start[b], start[b + 1])
};

// Calls `f(name, row, driver, rank)` for every spelling in the table, in one pass per list.
template <class F>
constexpr void for_each_option_spelling(F&& f) noexcept {
  for (std::size_t row = 0; row < std::size(option_catalogue); ++row)
    for (driver d : all_drivers) {
      std::string_view names = option_catalogue[row].in(d).names;
      std::size_t rank = 0;
      while (!names.empty()) {
        std::size_t bar = names.find('|');
        f(names.substr(0, bar), row, d, rank++);
        names = bar == std::string_view::npos ? std::string_view{} : names.substr(bar + 1);
      }
    }
}

// A counting sort of every spelling into its bucket, at compile time.
constexpr option_key_index build_option_key_index() noexcept {
  option_key_index index;
  for_each_option_spelling([&](std::string_view name, std::size_t, driver, std::size_t) {
    ++index.start[option_bucket_of(name) + 1];
  });
  for (std::size_t b = 0; b < option_buckets; ++b)
    index.start[b + 1] = static_cast<std::uint16_t>(index.start[b + 1] + index.start[b]);
  std::uint16_t fill[option_buckets] = {};
  for (std::size_t b = 0; b < option_buckets; ++b) fill[b] = index.start[b];
  for_each_option_spelling([&](std::string_view name, std::size_t row, driver d, std::size_t rank) {
    index.keys[fill[option_bucket_of(name)]++] = {name, static_cast<std::uint16_t>(row), d,
                                                  static_cast<std::uint8_t>(rank)};
  });
  return index;
}

inline constexpr option_key_index option_keys = build_option_key_index();

}  // namespace detail

// An option of the catalogue (by its row), or none.
class option_ref {
 public:
  constexpr option_ref() noexcept = default;
  constexpr explicit option_ref(std::size_t row) noexcept : row_(static_cast<std::uint16_t>(row)) {}
  [[nodiscard]] constexpr explicit operator bool() const noexcept { return row_ != none; }
  [[nodiscard]] constexpr const option_info& operator*() const noexcept { return option_catalogue[row_]; }
  [[nodiscard]] constexpr const option_info* operator->() const noexcept { return &option_catalogue[row_]; }
  [[nodiscard]] constexpr std::size_t row() const noexcept { return row_; }
  // The option's id, or empty for none.
  [[nodiscard]] constexpr std::string_view id() const noexcept { return *this ? option_catalogue[row_].id : std::string_view{}; }
  friend constexpr bool operator==(option_ref a, option_ref b) noexcept { return a.row_ == b.row_; }
  friend constexpr bool operator!=(option_ref a, option_ref b) noexcept { return a.row_ != b.row_; }

 private:
  static constexpr std::uint16_t none = 0xFFFF;
  std::uint16_t row_ = none;
};

// What a key names in one driver: the option, and the spelling's rank among the driver's names
// for it (0 for the name formatters write; for ODBC, a lower rank wins over a higher one).
struct option_match {
  option_ref option;
  std::uint8_t rank = 0;
  [[nodiscard]] constexpr explicit operator bool() const noexcept { return static_cast<bool>(option); }
};

// The name a match stands for: the driver's spelling of rank `m.rank`.
[[nodiscard]] constexpr std::string_view spelling(driver d, option_match m) noexcept {
  return m ? detail::bar_list((*m.option).in(d).names)[m.rank] : std::string_view{};
}

namespace detail {

constexpr option_match find_option_in(driver d, std::string_view key, bool ignore_case) noexcept {
  const auto& index = option_keys;
  std::size_t b = option_bucket_of(key);
  for (std::size_t i = index.start[b]; i < index.start[b + 1]; ++i) {
    const option_key& k = index.keys[i];
    if (k.in == d && (ignore_case ? iequals(k.name, key) : k.name == key)) return {option_ref(k.option), k.rank};
  }
  // The JDBC driver's lower-casing turns U+212A into 'k': such a key is found by a scan.
  if (d == driver::jdbc && ignore_case && has_kelvin_sign(key))
    for (const option_key& k : index.keys)
      if (k.in == d && java_lower_equals(key, k.name)) return {option_ref(k.option), k.rank};
  return {};
}

}  // namespace detail

// The option `key` names in driver `d`, with the driver's case rule, or none.
[[nodiscard]] constexpr option_match find_option(driver d, std::string_view key) noexcept {
  return detail::find_option_in(d, key, keys_ignore_case(d));
}

// The option `key` names in driver `d` ignoring ASCII case even where the driver does not: for
// translating keys between forms, and for saying what a miscased key was meant to be.
[[nodiscard]] constexpr option_match find_option_ignoring_case(driver d, std::string_view key) noexcept {
  return detail::find_option_in(d, key, true);
}

// The option `key` names in any driver other than `d`, compared ignoring ASCII case: for saying
// "that is redshift_connector's name" about a key that `d` does not know. Sets `in` to the
// driver whose name it is.
[[nodiscard]] constexpr option_match find_option_elsewhere(driver d, std::string_view key, driver& in) noexcept {
  const auto& index = detail::option_keys;
  std::size_t b = detail::option_bucket_of(key);
  for (std::size_t i = index.start[b]; i < index.start[b + 1]; ++i) {
    const detail::option_key& k = index.keys[i];
    if (k.in != d && detail::iequals(k.name, key)) {
      in = k.in;
      return {option_ref(k.option), k.rank};
    }
  }
  return {};
}

// The option with this id, or none.
[[nodiscard]] constexpr option_ref option_by_id(std::string_view id) noexcept {
  for (std::size_t i = 0; i < std::size(option_catalogue); ++i)
    if (option_catalogue[i].id == id) return option_ref(i);
  return {};
}

// Whether a key names a secret option in any driver (case-insensitively, U+212A for 'k' too):
// redacting a value no driver would treat as secret costs nothing, printing one does.
[[nodiscard]] constexpr bool is_secret_option_key(std::string_view key) noexcept {
  const auto& index = detail::option_keys;
  std::size_t b = detail::option_bucket_of(key);
  for (std::size_t i = index.start[b]; i < index.start[b + 1]; ++i) {
    const detail::option_key& k = index.keys[i];
    if (option_catalogue[k.option].secret() && detail::iequals(k.name, key)) return true;
  }
  if (detail::has_kelvin_sign(key))
    for (const detail::option_key& k : index.keys)
      if (option_catalogue[k.option].secret() && detail::java_lower_equals(key, k.name)) return true;
  return false;
}

// ---- nearest names -----------------------------------------------------------------------------

namespace detail {

// The edit distance between `a` and `b` ignoring ASCII case (insertions, deletions and
// substitutions), or `cap` + 1 when it exceeds `cap`. Both at most 64 bytes. Only the band of
// cells within `cap` of the diagonal can stay within `cap`, so only those are computed:
// O(length x cap), not O(length^2), since unknown keys of a hostile string each pay for it.
constexpr std::size_t bounded_edit_distance(std::string_view a, std::string_view b, std::size_t cap) noexcept {
  constexpr std::size_t longest = 64;
  const std::size_t over = cap + 1;
  if (a.size() > longest || b.size() > longest) return over;
  std::size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (gap > cap) return over;
  std::size_t m = b.size();
  std::size_t prev[longest + 2] = {};
  std::size_t cur[longest + 2] = {};
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j <= cap ? j : over;
  prev[m + 1] = over;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t lo = i > cap ? i - cap : 1;
    std::size_t hi = i + cap < m ? i + cap : m;
    cur[0] = i <= cap ? i : over;
    cur[lo - 1] = lo == 1 ? cur[0] : over;
    std::size_t row_min = cur[lo - 1];
    for (std::size_t j = lo; j <= hi; ++j) {
      std::size_t best = prev[j - 1] + (to_lower(a[i - 1]) == to_lower(b[j - 1]) ? 0 : 1);
      if (prev[j] + 1 < best) best = prev[j] + 1;
      if (cur[j - 1] + 1 < best) best = cur[j - 1] + 1;
      cur[j] = best < over ? best : over;
      if (cur[j] < row_min) row_min = cur[j];
    }
    cur[hi + 1] = over;  // the next row's cell above its band's right end
    if (row_min > cap) return over;
    for (std::size_t j = lo - 1; j <= hi + 1; ++j) prev[j] = cur[j];
    if (lo >= 2) prev[lo - 2] = over;
  }
  return prev[m] <= cap ? prev[m] : over;
}

// How often each letter occurs in a name, ASCII case ignored, with the 256 byte values folded
// into 32 bins (byte & 31). The folded bag distance of two names is a lower bound of their edit
// distance (an edit changes one count by one, or two by one each, and folding only merges
// counts), computed in 32 steps: resembles_secret_option skips the edit distance of every
// secret name it rules out, which is almost all of them for any key.
// The set of bins that occur (`present`) gives a cheaper, weaker bound first: every bin one
// name has and the other lacks costs an edit.
struct letter_counts {
  unsigned char bins[32] = {};
  std::uint32_t present = 0;
};
constexpr letter_counts count_letters(std::string_view name) noexcept {  // name: at most 64 bytes
  letter_counts out;
  for (char c : name) {
    unsigned bin = static_cast<unsigned char>(to_lower(c)) & 31u;
    ++out.bins[bin];
    out.present |= std::uint32_t{1} << bin;
  }
  return out;
}
// Set bits of a 32-bit word, in a dozen branch-free steps (the pairs, nibbles and bytes summed
// in place), without a popcount instruction the target may lack.
constexpr std::size_t count_bits(std::uint32_t bits) noexcept {
  bits = bits - ((bits >> 1) & 0x55555555u);
  bits = (bits & 0x33333333u) + ((bits >> 2) & 0x33333333u);
  bits = (bits + (bits >> 4)) & 0x0F0F0F0Fu;
  return static_cast<std::size_t>((bits * 0x01010101u) >> 24);
}
constexpr std::size_t presence_distance(const letter_counts& a, const letter_counts& b) noexcept {
  std::size_t only_a = count_bits(a.present & ~b.present);
  std::size_t only_b = count_bits(b.present & ~a.present);
  return only_a > only_b ? only_a : only_b;
}
constexpr std::size_t bag_distance(const letter_counts& a, const letter_counts& b) noexcept {
  std::size_t surplus = 0;
  std::size_t deficit = 0;
  for (std::size_t i = 0; i < 32; ++i) {
    if (a.bins[i] > b.bins[i]) surplus += static_cast<std::size_t>(a.bins[i] - b.bins[i]);
    else deficit += static_cast<std::size_t>(b.bins[i] - a.bins[i]);
  }
  return surplus > deficit ? surplus : deficit;
}


// The letter counts of every name in option_keys, in its order, for nearest_option.
struct option_key_letter_table {
  letter_counts counts[std::size(option_keys.keys)] = {};
};
constexpr option_key_letter_table build_option_key_letters() noexcept {
  option_key_letter_table out;
  for (std::size_t i = 0; i < std::size(option_keys.keys); ++i) out.counts[i] = count_letters(option_keys.keys[i].name);
  return out;
}
inline constexpr option_key_letter_table option_key_letters = build_option_key_letters();

// Whether a cheap lower bound already puts `a` and `b` (with their letter counts) more than
// `cap` edits apart: the length gap, then the presence and the bag distance.
constexpr bool surely_farther(std::string_view a, const letter_counts& a_counts, std::string_view b,
                              const letter_counts& b_counts, std::size_t cap) noexcept {
  std::size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  return gap > cap || presence_distance(a_counts, b_counts) > cap || bag_distance(a_counts, b_counts) > cap;
}

}  // namespace detail

// How many edits a misspelling may be away from the name it stands for: 1 for keys of up to 4
// bytes, 2 up to 8, else 3.
[[nodiscard]] constexpr std::size_t misspelling_reach(std::string_view key) noexcept {
  return key.size() <= 4 ? 1 : key.size() <= 8 ? 2 : 3;
}

// The known name of driver `d` nearest to `key` (ASCII case ignored), when it is close enough
// to be a misspelling: at most 1 edit for keys of up to 4 bytes, 2 up to 8, else 3. None
// otherwise (and for keys over 64 bytes).
[[nodiscard]] constexpr option_match nearest_option(driver d, std::string_view key) noexcept {
  std::size_t cap = misspelling_reach(key);
  option_match best;
  if (key.size() > 64) return best;
  std::size_t best_distance = cap + 1;
  const detail::letter_counts key_counts = detail::count_letters(key);
  for (std::size_t i = 0; i < std::size(detail::option_keys.keys); ++i) {
    const detail::option_key& k = detail::option_keys.keys[i];
    if (k.in != d) continue;
    const std::size_t within = best_distance - 1 < cap ? best_distance - 1 : cap;
    if (detail::surely_farther(key, key_counts, k.name, detail::option_key_letters.counts[i], within)) continue;
    std::size_t distance = detail::bounded_edit_distance(key, k.name, within);
    if (distance < best_distance) {
      best_distance = distance;
      best = {option_ref(k.option), k.rank};
      if (distance == 0) break;
    }
  }
  return best;
}

namespace detail {

constexpr std::size_t count_secret_spellings() noexcept {
  std::size_t n = 0;
  for (const option_key& k : option_keys.keys)
    if (option_catalogue[k.option].secret()) ++n;
  return n;
}

// Every spelling of every secret option, with its letter counts, for resembles_secret_option.
struct secret_spellings {
  std::string_view names[count_secret_spellings()] = {};
  letter_counts counts[count_secret_spellings()] = {};
};
constexpr secret_spellings build_secret_spellings() noexcept {
  secret_spellings out;
  std::size_t n = 0;
  for (const option_key& k : option_keys.keys)
    if (option_catalogue[k.option].secret()) {
      out.counts[n] = count_letters(k.name);
      out.names[n++] = k.name;
    }
  return out;
}
inline constexpr secret_spellings secret_option_spellings = build_secret_spellings();

}  // namespace detail

namespace detail {

// Whether `key` (at most 64 bytes) is within a misspelling's reach of a secret option's name in
// some driver: the scan behind resembles_secret_option, without its lookups.
[[nodiscard]] constexpr bool near_secret_spelling(std::string_view key) noexcept {
  const std::size_t cap = misspelling_reach(key);
  const letter_counts key_counts = count_letters(key);
  const secret_spellings& secrets = secret_option_spellings;
  for (std::size_t i = 0; i < std::size(secrets.names); ++i) {
    std::string_view name = secrets.names[i];
    // A short key resembles a secret's name only by one character more or less (PWDD, PW),
    // not by a different one (PID is no PWD).
    if (key.size() <= 4 && key.size() == name.size()) continue;
    // Lower bounds of the edit distance first, cheapest first: most names are ruled out by them.
    if (surely_farther(key, key_counts, name, secrets.counts[i], cap)) continue;
    if (bounded_edit_distance(key, name, cap) <= cap) return true;
  }
  return false;
}

// What one scan of `key`'s bucket says: whether it names a secret option in some driver (as
// is_secret_option_key) and whether it names any option in some driver (as
// find_option_ignoring_case for each driver). is_secret_key needs both, and asking each driver
// in turn would hash and scan the key five times.
struct key_lookup {
  bool secret = false;
  bool known = false;
};
[[nodiscard]] constexpr key_lookup look_up_key(std::string_view key) noexcept {
  key_lookup out;
  const auto& index = option_keys;
  std::size_t b = option_bucket_of(key);
  for (std::size_t i = index.start[b]; i < index.start[b + 1]; ++i) {
    const option_key& k = index.keys[i];
    if (!iequals(k.name, key)) continue;
    out.known = true;
    if (option_catalogue[k.option].secret()) {
      out.secret = true;
      return out;
    }
  }
  if (has_kelvin_sign(key))
    for (const option_key& k : index.keys) {
      if (!java_lower_equals(key, k.name)) continue;
      if (option_catalogue[k.option].secret()) out.secret = true;
      if (k.in == driver::jdbc) out.known = true;  // only the JDBC driver lower-cases U+212A to 'k'
    }
  return out;
}

}  // namespace detail

// Whether a key that no driver knows is within a misspelling's reach (the bounds of
// nearest_option) of a secret option's name in some driver: its value is then treated as a
// secret too. Known keys are never "resembling": their own option says whether they are secret.
[[nodiscard]] constexpr bool resembles_secret_option(std::string_view key) noexcept {
  if (key.empty() || key.size() > 64) return false;
  for (driver d : all_drivers)
    if (find_option_ignoring_case(d, key)) return false;
  return detail::near_secret_spelling(key);
}

}  // namespace rsconn
