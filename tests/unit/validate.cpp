// validate(): each diagnostic code, its severity, its offset, and a message naming the value.
#include <catch2/catch_test_macros.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rsconn/endpoint.hpp"
#include "rsconn/jdbc.hpp"
#include "rsconn/libpq.hpp"
#include "rsconn/odbc.hpp"
#include "rsconn/detect.hpp"
#include "rsconn/validate.hpp"

using namespace rsconn;
using namespace std::string_literals;

namespace {

// The diagnostics of `text` parsed as `form` (detected when none is given).
std::vector<diagnostic> diagnose_as(std::string_view text, std::optional<source_form> form) {
  auto c = form ? parse(text, *form) : parse(text);
  INFO(text);
  REQUIRE(c.has_value());
  return validate(*c);
}

std::vector<diagnostic> diagnose(std::string_view url) { return diagnose_as(url, source_form::jdbc); }

const diagnostic* find(const std::vector<diagnostic>& ds, errc code) {
  for (const diagnostic& d : ds)
    if (d.code == code) return &d;
  return nullptr;
}

std::string dump(const std::vector<diagnostic>& ds) {
  std::string out;
  for (const diagnostic& d : ds)
    out += std::string(to_string(d.code)) + " @" + std::to_string(d.offset) + ": " + d.message + "\n";
  return out;
}

// The one diagnostic with `code`, checked for severity, offset and a phrase of its message.
void expect(std::string_view url, errc code, severity s, std::size_t offset, std::string_view phrase) {
  std::vector<diagnostic> ds = diagnose(url);
  INFO(url);
  INFO(dump(ds));
  const diagnostic* d = find(ds, code);
  REQUIRE(d != nullptr);
  CHECK(d->severity == s);
  CHECK(d->offset == offset);
  CHECK(d->message.find(phrase) != std::string::npos);
}

constexpr std::string_view sl = "default.123456789012.us-east-1.redshift-serverless.amazonaws.com";
const std::string serverless = "jdbc:redshift://"s + std::string(sl);
const std::string serverless_iam = "jdbc:redshift:iam://"s + std::string(sl);

}  // namespace

TEST_CASE("clean URLs have no diagnostics") {
  for (std::string url : {serverless + ":5439/dev", serverless_iam + ":5439/dev", serverless + ":8191/dev?ssl=true",
                          "jdbc:redshift:iam://wg1.029295324148.cn-north-1.redshift-serverless.amazonaws.com.cn:5439/dev"s,
                          "jdbc:redshift://examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com:5439/dev"s,
                          "jdbc:redshift:iam://examplecluster:us-west-2/dev"s,
                          "jdbc:redshift:iam://redshift-serverless-default:us-east-1/dev"s,
                          serverless_iam + ":5439/dev?IAMDuration=3600&user=bob&password=p%2Bw"}) {
    std::vector<diagnostic> ds = diagnose(url);
    INFO(url);
    INFO(dump(ds));
    CHECK(ds.empty());
    CHECK_FALSE(has_errors(ds));
  }
}

TEST_CASE("serverless port ranges") {
  std::size_t at = serverless.size() + 1;
  expect(serverless + ":5430/dev", errc::port_outside_serverless_range, severity::error, at,
         "port 5430 is outside the Serverless ranges");
  expect(serverless + ":5456/dev", errc::port_outside_serverless_range, severity::error, at, "port 5456");
  expect(serverless + ":8190/dev", errc::port_outside_serverless_range, severity::error, at, "port 8190");
  expect(serverless + ":8216/dev", errc::port_outside_serverless_range, severity::error, at, "port 8216");
  for (const char* ok : {":5431/dev", ":5455/dev", ":8191/dev", ":8215/dev"}) {
    INFO(ok);
    CHECK(diagnose(serverless + ok).empty());
  }
  CHECK(has_errors(diagnose(serverless + ":5430/dev")));
}

TEST_CASE("provisioned and invalid ports") {
  std::string url;
  constexpr std::string_view prov = "jdbc:redshift://examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com:";
  expect(std::string(prov) + "1149/dev", errc::port_outside_provisioned_range, severity::error, prov.size(),
         "port 1149");
  CHECK(diagnose(std::string(prov) + "1150/dev").empty());
  CHECK(diagnose(std::string(prov) + "65535/dev").empty());
  expect(serverless_iam + ":0/dev", errc::invalid_port, severity::error, serverless_iam.size() + 1,
         "port 0 is not a TCP port");
  expect(serverless_iam + ":65536/dev", errc::invalid_port, severity::error, serverless_iam.size() + 1, "port 65536");
  url = "jdbc:redshift://h:5439/dev?port=abc";
  expect(url, errc::invalid_port, severity::error, url.find("abc"), "port 0");
}

TEST_CASE("host diagnostics") {
  expect("jdbc:redshift://DEFAULT.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev",
         errc::uppercase_host, severity::warning, 16, "DEFAULT.123456789012");
  expect("jdbc:redshift://wg.123456789012.us-east-2.redshift-serverless-dev.amazonaws.com:5439/dev",
         errc::dev_service_label, severity::warning, 16 + std::string_view("wg.123456789012.us-east-2.redshift-serverless-dev.").size(),
         "development endpoint");
  expect("jdbc:redshift://my_wg.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev",
         errc::invalid_workgroup_name, severity::error, 18, "\"my_wg\"");
  expect("jdbc:redshift://wg1.12345678901.us-east-1.redshift-serverless.amazonaws.com:5439/dev",
         errc::invalid_account_id, severity::error, 16 + 4 + 11, "\"12345678901\"");
  expect("jdbc:redshift://123456789012.us-east-2.redshift-serverless.amazonaws.com:5439/dev",
         errc::driver_misreads_host, severity::warning, 16, "account-only");
  expect("jdbc:redshift://1abc.abc123xyz789.us-west-2.redshift.amazonaws.com:5439/dev", errc::invalid_cluster_id,
         severity::error, 16, "\"1abc\"");
  expect("jdbc:redshift://wg1.123456789012.useast1.redshift-serverless.amazonaws.com:5439/dev", errc::invalid_region,
         severity::error, 16 + 4 + 13 + 3, "\"useast1\"");
  expect("jdbc:redshift://wg1.123456789012.cn-north-1.redshift-serverless.amazonaws.com:5439/dev",
         errc::region_partition_mismatch, severity::error, 16 + 4 + 13, "amazonaws.com.cn");
  expect("jdbc:redshift://wg1.123456789012.us-east-1.redshift-serverless.amazonaws.com.cn:5439/dev",
         errc::region_partition_mismatch, severity::error, 16 + 4 + 13, "\"us-east-1\"");
  expect("jdbc:redshift://wg1.123456789012.xx-nowhere-9.redshift-serverless.amazonaws.com:5439/dev",
         errc::unknown_serverless_region, severity::warning, 16 + 4 + 13, "\"xx-nowhere-9\"");
  expect("jdbc:redshift://wg1.123456789012.us-east-1.amazonaws.com:5439/dev", errc::not_a_redshift_host,
         severity::warning, 16, "wg1.123456789012.us-east-1.redshift-serverless.amazonaws.com");
  expect("jdbc:redshift://:5439/dev", errc::empty_host, severity::error, 16, "empty");
}

TEST_CASE("the drivers' misreadings are explained") {
  expect("jdbc:redshift://x.y.us-east-1xredshift.amazonaws.com:5439/dev", errc::driver_misreads_host,
         severity::warning, 16, "provisioned cluster \"x\"");
  expect("jdbc:redshift://wg.123456789012.us-east-1.redshift-serverless.amazonaws.comevil.example:5439/dev",
         errc::driver_misreads_host, severity::warning, 16, "Serverless workgroup \"wg\"");
  expect("jdbc:redshift://a.b.c.d.redshift.amazonaws.com:5439/dev", errc::driver_misreads_host, severity::warning, 16,
         "\"a.b\"");
  expect("jdbc:redshift://wg.123456789012.us-east-1.REDSHIFT-SERVERLESS.amazonaws.com:5439/dev",
         errc::uppercase_host, severity::warning, 16, "lower case");
}

TEST_CASE("VPC endpoints need the workgroup given") {
  constexpr std::string_view vpc =
      "ddi-endpoint-endpoint-k7rfausgmlzieup51zgg.123456789012.eu-west-1.redshift-serverless.amazonaws.com";
  expect("jdbc:redshift:iam://"s + std::string(vpc) + ":5439/dev", errc::vpc_endpoint_needs_workgroup,
         severity::error, 20, "\"ddi-endpoint-endpoint-k7rfausgmlzieup51zgg\"");
  expect("jdbc:redshift://"s + std::string(vpc) + ":5439/dev", errc::vpc_endpoint_needs_workgroup, severity::warning,
         16, "\"ddi-endpoint\"");
  auto given = diagnose("jdbc:redshift:iam://"s + std::string(vpc) + ":5439/dev?serverlessWorkGroup=analytics");
  INFO(dump(given));
  CHECK(find(given, errc::vpc_endpoint_needs_workgroup) == nullptr);
  CHECK_FALSE(has_errors(given));
  expect("jdbc:redshift://9ep-endpoint-k7rfausgmlzieup51zgg.123456789012.eu-west-1.redshift-serverless.amazonaws.com:"
         "5439/dev",
         errc::invalid_vpc_endpoint_name, severity::error, 16, "\"9ep\"");
}

TEST_CASE("explicit fields: their rules and conflicts") {
  std::string url = serverless_iam + ":5439/dev?serverlessWorkGroup=other";
  expect(url, errc::conflicting_property, severity::warning, url.find("other"), "\"default\"");
  url = serverless_iam + ":5439/dev?Region=us-west-2";
  expect(url, errc::conflicting_property, severity::warning, url.find("us-west-2"), "\"us-west-2\"");
  url = "jdbc:redshift:iam://nlb.example.com:5439/dev?isServerless=true&serverlessWorkGroup=Bad_WG";
  expect(url, errc::invalid_workgroup_name, severity::error, url.find("Bad_WG"), "\"Bad_WG\"");
  url = "jdbc:redshift:iam://nlb.example.com:5439/dev?isServerless=true&serverlessWorkGroup=wg1&serverlessAcctId=123";
  expect(url, errc::invalid_account_id, severity::error, url.rfind("123") + 3, "\"123\"");
  url = "jdbc:redshift:iam://nlb.example.com:5439/dev?ClusterID=1abc&Region=us-east-1";
  expect(url, errc::invalid_cluster_id, severity::error, url.find("1abc"), "\"1abc\"");
  url = "jdbc:redshift:iam://nlb.example.com:5439/dev?ClusterID=abc&Region=useast";
  expect(url, errc::invalid_region, severity::error, url.find("useast") + 3, "\"useast\"");
  url = "jdbc:redshift:iam://nlb.example.com:5439/dev?serverlessWorkGroup=wg1";
  expect(url, errc::conflicting_property, severity::warning, url.find("wg1"), "isServerless=true");
  // The cluster-id form points into the URL itself.
  expect("jdbc:redshift:iam://1abc:us-west-2/dev", errc::invalid_cluster_id, severity::error, 20, "\"1abc\"");
  expect("jdbc:redshift:iam://abc:uswest2/dev", errc::invalid_region, severity::error, 24 + 3, "\"uswest2\"");
  expect("jdbc:redshift:iam://redshift-serverless-Bad_WG:us-east-1/dev", errc::invalid_workgroup_name,
         severity::error, 20 + 20, "\"Bad_WG\"");
}

TEST_CASE("database diagnostics") {
  expect(serverless_iam + ":5439", errc::no_database, severity::warning, 0, "/dev");
  expect(serverless + ":5439/", errc::no_database, severity::warning, serverless.size() + 6, "empty");
  expect(serverless + ":5439/de%0Av", errc::invalid_database_name, severity::error, serverless.size() + 6 + 2,
         "not a valid name");
  auto endpoint = parse_endpoint_connection(std::string(sl) + ":5439");
  REQUIRE(endpoint);
  CHECK(find(validate(*endpoint), errc::no_database) == nullptr);  // only the JDBC driver has no default
}

TEST_CASE("property diagnostics") {
  std::string url = serverless + ":5439/dev?ssl=true&SSL=false";
  expect(url, errc::duplicate_property, severity::warning, url.find("ssl"), "\"false\"");
  url = serverless + ":5439/dev?password=a+b";
  expect(url, errc::unencoded_plus_in_secret, severity::warning, url.find("a+b"), "%2B");
  url = serverless + ":5439/dev?ssl=yes";
  expect(url, errc::invalid_boolean, severity::warning, url.find("yes"), "\"yes\"");
  for (const char* bad : {"899", "3601", "abc", ""}) {
    url = serverless + ":5439/dev?IAMDuration=" + bad;
    expect(url, errc::iam_duration_out_of_range, severity::warning, url.find('=') + 1,
           "\""s + bad + "\" is outside 900-3600");
  }
  CHECK(diagnose(serverless + ":5439/dev?IAMDuration=900").empty());
  CHECK(diagnose(serverless + ":5439/dev?IAMDuration=3600").empty());
  CHECK(diagnose(serverless + ":5439/dev?isServerless=TRUE&ssl=True").empty());
}

TEST_CASE("TLS that checks no certificate is a warning at the option that decides it") {
  auto tls_findings = [](std::string_view text) {
    auto c = parse(text);
    REQUIRE(c);
    std::vector<diagnostic> found;
    for (diagnostic& d : validate(*c))
      if (d.code == errc::tls_unverified) found.push_back(std::move(d));
    return found;
  };
  const std::string host = "default.123456789012.us-east-1.redshift-serverless.amazonaws.com";
  struct weak_case {
    std::string text;
    std::string_view key;  // where the finding points; empty: offset 0 (the driver's default)
    std::string_view says;
  };
  const weak_case weak[] = {
      {"jdbc:redshift://" + host + ":5439/dev?ssl=false", "ssl=", "sslmode disable: no TLS at all"},
      {"jdbc:redshift://" + host + ":5439/dev?sslfactory=com.amazon.redshift.ssl.NonValidatingFactory", "sslfactory",
       "sslmode require"},
      {"Driver={x};Server=" + host + ";Database=dev;SSLMode=prefer", "SSLMode", "sslmode prefer"},
      {"Driver={x};Server=" + host + ";Database=dev;EncryptionMethod=0", "EncryptionMethod", "sslmode disable"},
      {"host=" + host + " port=5439 dbname=dev", "", "its default sslmode prefer"},
      {"host=" + host + " port=5439 dbname=dev requiressl=1", "requiressl", "sslmode require"},
      {"postgresql://" + host + ":5439/dev?sslmode=allow", "sslmode", "sslmode allow"},
  };
  for (const weak_case& w : weak) {
    INFO(w.text);
    std::vector<diagnostic> found = tls_findings(w.text);
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == severity::warning);
    CHECK(found[0].offset == (w.key.empty() ? 0 : w.text.find(w.key)));
    CHECK(found[0].message.find(w.says) != std::string::npos);
    CHECK(found[0].message.find("verify-full") != std::string::npos);
  }
  // Certificate checked, the driver's own default verify-ca, a factory of the user's own whose
  // checks are unknown, and a mode the driver refuses (reported as an invalid value instead).
  for (const std::string& fine : {"jdbc:redshift://" + host + ":5439/dev", "Server=" + host + ";Database=dev",
                                  "host=" + host + " port=5439 dbname=dev sslmode=verify-ca",
                                  "jdbc:redshift://" + host + ":5439/dev?sslfactory=com.example.Mine",
                                  "host=" + host + " port=5439 dbname=dev sslmode=bogus"}) {
    INFO(fine);
    CHECK(tls_findings(fine).empty());
  }
}

TEST_CASE("user names follow Redshift's rule; DbUser is held to it by GetClusterCredentials") {
  // Names Redshift allows: letters, digits and _ + . @ -, a letter first, up to 128 bytes
  // (a '+' is written %2B, since the JDBC driver decodes '+' as a space).
  for (std::string good : {"awsuser"s, "a"s, "alice@example.com"s, "Bob_Smith%2Bops.team-1"s, std::string(128, 'u')}) {
    INFO(good);
    CHECK(find(diagnose(serverless + ":5439/dev?user=" + good), errc::invalid_user_name) == nullptr);
    CHECK(find(diagnose(serverless_iam + ":5439/dev?DbUser=" + good), errc::invalid_user_name) == nullptr);
  }
  // No user at all, or an empty one, is the driver's default: nothing to say.
  CHECK(find(diagnose(serverless + ":5439/dev?user="), errc::invalid_user_name) == nullptr);

  std::string url = serverless + ":5439/dev?user=1admin";
  expect(url, errc::invalid_user_name, severity::warning, url.find("1admin"), "\"1admin\" breaks Redshift's rule");
  url = serverless + ":5439/dev?user=PUBLIC";
  expect(url, errc::invalid_user_name, severity::warning, url.find("PUBLIC"), "not PUBLIC");
  url = serverless + ":5439/dev?UID=a%3Ab";  // ':' (ODBC's key works in a JDBC URL's table too)
  expect(url, errc::invalid_user_name, severity::warning, url.find("a%3Ab"), "\"a:b\"");
  url = serverless + ":5439/dev?user=" + std::string(129, 'u');
  expect(url, errc::invalid_user_name, severity::warning, url.find("uuu"), "1 to 128");
  url = serverless_iam + ":5439/dev?DbUser=IAM%3Aalice";
  expect(url, errc::invalid_user_name, severity::error, url.find("IAM%3A"), "GetClusterCredentials refuses it");
  // Only the value the driver uses (the last) is judged.
  url = serverless + ":5439/dev?user=9&user=ok";
  CHECK(find(diagnose(url), errc::invalid_user_name) == nullptr);
  // Other forms: ODBC's UID, libpq's user.
  auto odbc = parse_odbc_connection("Driver={Amazon Redshift ODBC Driver (x64)};Server=h;Database=dev;UID={a b}");
  REQUIRE(odbc);
  std::vector<diagnostic> ds = validate(*odbc);
  const diagnostic* d = find(ds, errc::invalid_user_name);
  REQUIRE(d != nullptr);
  // The offset is the value's first byte, inside the brace.
  CHECK(d->offset == std::string_view("Driver={Amazon Redshift ODBC Driver (x64)};Server=h;Database=dev;UID={").size());
  auto libpq = parse_libpq_connection("host=h port=5439 dbname=dev user='-x'");
  REQUIRE(libpq);
  CHECK(find(validate(*libpq), errc::invalid_user_name) != nullptr);
}

TEST_CASE("diagnostics never quote secret values") {
  std::string url = serverless + ":5439/dev?password=hunter2+x&PASSWORD=s3cr3t+y&sessiontoken=T0k+en";
  std::vector<diagnostic> ds = diagnose(url);
  INFO(dump(ds));
  CHECK(find(ds, errc::duplicate_property) != nullptr);
  CHECK(find(ds, errc::unencoded_plus_in_secret) != nullptr);
  for (const diagnostic& d : ds)
    for (std::string_view secret : {"hunter2", "s3cr3t", "T0k"}) CHECK(d.message.find(secret) == std::string::npos);
}

TEST_CASE("to_string(severity)") {
  CHECK(to_string(severity::error) == "error");
  CHECK(to_string(severity::warning) == "warning");
}

TEST_CASE("an upper-case host is one warning, not broken names (DNS ignores case)") {
  for (std::string_view url :
       {"jdbc:redshift://DEFAULT.123456789012.US-EAST-1.redshift-serverless.amazonaws.com:5439/dev",
        "jdbc:redshift://ExampleCluster.ABC123.US-WEST-2.Redshift.AmazonAWS.com:5439/dev"}) {
    std::vector<diagnostic> ds = diagnose(url);
    INFO(url);
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].code == errc::uppercase_host);
    CHECK(ds[0].severity == severity::warning);
    CHECK_FALSE(has_errors(ds));
  }
  // A name that is wrong in any case is still reported.
  expect("jdbc:redshift://MY_WG.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev",
         errc::invalid_workgroup_name, severity::error, 18, "\"MY_WG\"");
}

TEST_CASE("an explicit workgroup's error points at the offending byte") {
  std::string url = "jdbc:redshift:iam://nlb.example.com:5439/dev?isServerless=true&serverlessWorkGroup=bad_wg";
  expect(url, errc::invalid_workgroup_name, severity::error, url.find("bad_wg") + 3, "\"bad_wg\"");
  url = "jdbc:redshift:iam://nlb.example.com:5439/dev?ClusterID=redshift-serverless-bad_wg&Region=us-east-1";
  expect(url, errc::invalid_workgroup_name, severity::error, url.find("bad_wg") + 3, "\"bad_wg\"");
  url = "jdbc:redshift:iam://redshift-serverless-bad_wg:us-east-1/dev";
  expect(url, errc::invalid_workgroup_name, severity::error, url.find("bad_wg") + 3, "\"bad_wg\"");
}

// --- Options, as each driver reads them (docs/options/) ------------------------------------------

namespace {

std::vector<diagnostic> diagnose_any(std::string_view text) { return diagnose_as(text, std::nullopt); }

// The one diagnostic with `code` at `offset`, with its severity and a phrase of its message.
void expect_option(std::string_view text, errc code, severity s, std::size_t offset, std::string_view phrase) {
  std::vector<diagnostic> ds = diagnose_any(text);
  INFO(text);
  INFO(dump(ds));
  const diagnostic* hit = nullptr;
  for (const diagnostic& d : ds)
    if (d.code == code && d.offset == offset) hit = &d;
  REQUIRE(hit != nullptr);
  CHECK(hit->severity == s);
  CHECK(hit->message.find(phrase) != std::string::npos);
}

}  // namespace

TEST_CASE("an unknown JDBC key: a warning naming the nearest option, or the form it belongs to") {
  std::string url = serverless + ":5439/dev?usr=admin&passwrd=x";
  expect_option(url, errc::unknown_option, severity::warning, url.find("usr"), "did you mean \"user\"?");
  expect_option(url, errc::unknown_option, severity::warning, url.find("passwrd"), "treated as a secret");
  // The misspelt secret's value is redacted like the secret it resembles.
  auto c = parse_jdbc_connection(url);
  REQUIRE(c);
  CHECK(c->properties[1].secret());
  CHECK(to_jdbc(*c)->find("passwrd=x") == std::string::npos);
  url = serverless + ":5439/dev?db_user=x";
  expect_option(url, errc::unknown_option, severity::warning, url.find("db_user"),
                "that is redshift_connector's name, the JDBC driver calls it DbUser");
  url = serverless + ":5439/dev?keepalives=1";
  expect_option(url, errc::unknown_option, severity::warning, url.find("keepalives"),
                "that is libpq's name, the JDBC driver calls it tcpKeepAlive");
  // Far from every name: no suggestion.
  url = serverless + ":5439/dev?zzzzzzzzzzzz=1";
  auto ds = diagnose(url);
  REQUIRE(find(ds, errc::unknown_option));
  CHECK(find(ds, errc::unknown_option)->message.find("did you mean") == std::string::npos);
  // Known keys in any case, and U+212A for 'k', are no unknown options.
  CHECK_FALSE(find(diagnose(serverless + ":5439/dev?TCPKEEPALIVE=true&SecretAccess\xE2\x84\xAA" "ey=s"),
                   errc::unknown_option));
}

TEST_CASE("values the JDBC driver misreads, ignores or refuses") {
  std::string url = serverless + ":5439/dev?tcpKeepAlive=yes";
  expect_option(url, errc::invalid_boolean, severity::warning, url.find("yes"), "reads \"tcpKeepAlive\"=\"yes\" as false");
  url = serverless + ":5439/dev?ssl=1";
  expect_option(url, errc::invalid_boolean, severity::warning, url.find("=1") + 1, "TLS is turned off");
  url = serverless + ":5439/dev?loginTimeout=-5";
  expect_option(url, errc::invalid_option_value, severity::warning, url.find("-5"), "no timeout at all");
  url = serverless + ":5439/dev?loginTimeout=abc";
  expect_option(url, errc::invalid_option_value, severity::warning, url.find("abc"), "ignores");
  url = serverless + ":5439/dev?socketTimeout=10s";
  expect_option(url, errc::invalid_option_value, severity::error, url.find("10s"), "refuses to connect");
  url = serverless + ":5439/dev?sslmode=require";
  expect_option(url, errc::invalid_option_value, severity::error, url.find("require"), "verify-ca and verify-full");
  CHECK(diagnose(serverless + ":5439/dev?sslmode=VERIFY-FULL&socketTimeout=0&loginTimeout=2.5&ssl=").empty());
}

TEST_CASE("values the ODBC driver misreads, ignores or refuses") {
  std::string s = "Driver={x};Server=h;SSLMode=verify-fulll;LoginTimeout=abc;KeepAlive=true;Min_TLS=1.3;AUT=2x";
  expect_option(s, errc::invalid_option_value, severity::error, s.find("verify-fulll"), "case-sensitive");
  expect_option(s, errc::invalid_option_value, severity::warning, s.find("abc"), "keeps its default");
  expect_option(s, errc::invalid_option_value, severity::error, s.find("true"), "libpq, which refuses it");
  expect_option(s, errc::invalid_option_value, severity::warning, s.find("1.3"), "TLS 1.0");
  expect_option(s, errc::invalid_boolean, severity::warning, s.find("2x"), "the number it starts with");
  s = "Driver={x};Server=h;SSLMode=Require";
  expect_option(s, errc::invalid_option_value, severity::error, s.find("Require"), "case-sensitive");
  s = "Driver={x};Server=h;Database=dev;Port=5439;KeepAliveTime=5;PWDD=x";
  expect_option(s, errc::unknown_option, severity::warning, s.find("PWDD"), "did you mean \"PWD\"?");
  expect_option(s, errc::unknown_option, severity::warning, s.find("KeepAliveTime"), "did you mean");
  CHECK_FALSE(find(diagnose_any("Driver={x};Server=h;Database=dev;Port=5439;KeepAlive=1;SSLMode=verify-full;Min_TLS=1.2"),
                   errc::invalid_option_value));
}

TEST_CASE("values libpq refuses when it connects") {
  std::string s = "postgresql://u@h:5439/dev?sslmode=bogus";
  expect_option(s, errc::invalid_option_value, severity::error, s.find("bogus"), "refuses to connect");
  s = "host=h port=5439 dbname=dev sslmode=Require keepalives=yes connect_timeout=-1";
  expect_option(s, errc::invalid_option_value, severity::error, s.find("Require"), "case-sensitive");
  expect_option(s, errc::invalid_option_value, severity::error, s.find("yes"), "invalid integer");
  CHECK_FALSE(find(diagnose_any("host=h port=5439 dbname=dev sslmode=verify-full keepalives=1 "
                                "ssl_min_protocol_version=tlsv1.3 requiressl=yes"),
                   errc::invalid_option_value));
}

TEST_CASE("IAM option sets the JDBC driver refuses") {
  std::string base = "jdbc:redshift:iam://examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com:5439/dev?";
  std::string url = base + "plugin_name=com.amazon.redshift.plugin.OktaCredentialsProvider&Profile=p";
  expect_option(url, errc::conflicting_property, severity::error, url.find("Profile"), "cannot be given together");
  url = base + "plugin_name=x&AccessKeyID=AKIDEXAMPLE&SecretAccessKey=s";
  expect_option(url, errc::conflicting_property, severity::error, url.find("AccessKeyID"), "refuses the connection");
  url = base + "SessionToken=t";
  expect_option(url, errc::missing_required_field, severity::error, url.find("SessionToken"), "without \"AccessKeyID\"");
  url = base + "AccessKeyID=AKIDEXAMPLE&password=pw";
  expect_option(url, errc::missing_required_field, severity::warning, url.find("AccessKeyID"),
                "uses the password as the secret access key");
  CHECK_FALSE(find(diagnose(url), errc::conflicting_property));  // the password is the secret key here
  url = base + "AccessKeyID=AKIDEXAMPLE&SecretAccessKey=s&password=pw";
  expect_option(url, errc::conflicting_property, severity::warning, url.find("password"), "is ignored");
  // With an AuthProfile the driver reads these from the profile and checks no conflicts.
  CHECK_FALSE(find(diagnose(base + "AccessKeyID=A&SecretAccessKey=s&AuthProfile=p&plugin_name=x"),
                   errc::conflicting_property));
  // Without IAM, none of this is checked: the driver does not look at these options then.
  CHECK_FALSE(find(diagnose("jdbc:redshift://examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com:5439/dev?"
                            "SessionToken=t"),
                   errc::missing_required_field));
}

TEST_CASE("thousands of unknown keys validate in linear time, suggestions for the first few only") {
  std::string url = serverless + ":5439/dev?";
  for (int i = 0; i < 3000; ++i) url += "applicationnam" + std::to_string(i) + "=x&";
  auto ds = diagnose(url);
  std::size_t unknown = 0, suggested = 0;
  for (const diagnostic& d : ds)
    if (d.code == errc::unknown_option) {
      ++unknown;
      if (d.message.find("did you mean") != std::string::npos) ++suggested;
    }
  CHECK(unknown == 3000);
  CHECK(suggested == 16);
}

TEST_CASE("the rest of a secret split at an unencoded separator is not quoted") {
  std::string url = serverless + ":5439/dev?user=u&password=Tr0ub&dor3x";
  auto ds = diagnose(url);
  INFO(dump(ds));
  for (const diagnostic& d : ds) CHECK(d.message.find("dor3x") == std::string::npos);
  REQUIRE(find(ds, errc::unknown_option));
  CHECK(find(ds, errc::unknown_option)->offset == url.find("dor3x"));
}

TEST_CASE("readings the drivers' code gives, at their edges") {
  // libpq: a whole integer within int, blanks around it; gsslib and replication are not checked.
  CHECK_FALSE(find(diagnose_any("host=h port=5439 dbname=dev keepalives=' 1 ' gsslib=kerberos replication=TRUE"),
                   errc::invalid_option_value));
  for (const char* bad : {"1 2", "1x2", "99999999999"}) {
    std::string s = "host=h port=5439 dbname=dev keepalives='"s + bad + "'";
    INFO(s);
    CHECK(find(diagnose_any(s), errc::invalid_option_value));
  }
  // JDBC: loginTimeout is a float; text it cannot read is ignored; maxwarningcount falls back.
  CHECK(diagnose(serverless + ":5439/dev?loginTimeout=.5").empty());
  expect_option(serverless + ":5439/dev?loginTimeout=10s", errc::invalid_option_value, severity::warning,
                (serverless + ":5439/dev?loginTimeout=").size(), "ignores");
  expect_option(serverless + ":5439/dev?maxwarningcount=abc", errc::invalid_option_value, severity::warning,
                (serverless + ":5439/dev?maxwarningcount=").size(), "default, 100");
  // ODBC: an empty KeepAlive is not handed to libpq; CscEnable is on only for 1; a retry count
  // is no timeout.
  CHECK_FALSE(find(diagnose_any("Driver={x};Server=h;Database=dev;Port=5439;KeepAlive=;ConnectionRetryCount=-1"),
                   errc::invalid_option_value));
  CHECK(find(diagnose_any("Driver={x};Server=h;Database=dev;Port=5439;CscEnable=2"), errc::invalid_boolean));
}
