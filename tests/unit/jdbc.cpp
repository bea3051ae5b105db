// JDBC URLs: parse_jdbc / to_connection / to_jdbc, against SPEC §3 and the driver notes.
#include <catch2/catch_test_macros.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "rsconn/jdbc.hpp"
#include "rsconn/validate.hpp"

using namespace rsconn;
using namespace std::string_literals;

namespace {

connection parsed(std::string_view url) {
  auto c = parse_jdbc_connection(url);
  INFO(url);
  REQUIRE(c.has_value());
  return *c;
}

error parse_error(std::string_view url) {
  auto v = parse_jdbc(url);
  INFO(url);
  REQUIRE_FALSE(v.has_value());
  return v.error();
}

std::string value_of(const connection& c, std::string_view key) {
  const property* p = c.find(key);
  INFO(key);
  REQUIRE(p != nullptr);
  return p->value;
}

std::string jdbc(const connection& c, jdbc_style style, bool reveal = false) {
  jdbc_options o;
  o.style = style;
  o.reveal_secrets = reveal;
  auto url = to_jdbc(c, o);
  REQUIRE(url.has_value());
  return *url;
}

constexpr std::string_view sl_host = "default.123456789012.us-east-1.redshift-serverless.amazonaws.com";
constexpr std::string_view vpc_ep_host =
    "ddi-endpoint-endpoint-k7rfausgmlzieup51zgg.123456789012.eu-west-1.redshift-serverless.amazonaws.com";

}  // namespace

// ---------------------------------------------------------------- the four forms

TEST_CASE("standard // form with a serverless host") {
  constexpr std::string_view url =
      "jdbc:redshift://default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev";
  auto v = parse_jdbc(url);
  REQUIRE(v);
  CHECK(v->shape() == jdbc_shape::hosts);
  CHECK_FALSE(v->iam());
  REQUIRE(v->hosts().size() == 1);
  CHECK(v->hosts().begin()->host == sl_host);
  CHECK(v->hosts().begin()->port == 5439);
  CHECK(v->hosts().begin()->offset == 16);
  CHECK(v->database().decoded() == "dev");
  CHECK(v->target() == target_kind::serverless);

  connection c = parsed(url);
  CHECK(c.form == source_form::jdbc);
  CHECK(c.target == target_kind::serverless);
  REQUIRE(c.hosts.size() == 1);
  CHECK(c.hosts[0].host == sl_host);
  CHECK(c.hosts[0].port == 5439);
  CHECK(c.database == "dev");
  CHECK(c.database_offset == url.size() - 3);
  CHECK_FALSE(c.iam);
  CHECK_FALSE(c.legacy_iam);
  CHECK(c.workgroup == "default");
  CHECK(c.account_id == "123456789012");
  CHECK(c.region == "us-east-1");
  CHECK_FALSE(c.cluster_id);
  CHECK(c.properties.empty());
}

TEST_CASE("IAM host form") {
  connection c = parsed("jdbc:redshift:iam://default.123456789012.us-east-2.redshift-serverless.amazonaws.com:5439/dev");
  CHECK(c.iam);
  CHECK(c.target == target_kind::serverless);
  CHECK(c.workgroup == "default");
  CHECK(c.account_id == "123456789012");
  CHECK(c.region == "us-east-2");
  REQUIRE(c.hosts.size() == 1);
  CHECK(c.hosts[0].port == 5439);
  CHECK(c.database == "dev");
  CHECK(parse_jdbc("jdbc:redshift:iam://h:5439/dev")->shape() == jdbc_shape::iam_host);
}

TEST_CASE("IAM cluster-id form") {
  constexpr std::string_view url = "jdbc:redshift:iam://examplecluster:us-west-2/dev";
  auto v = parse_jdbc(url);
  REQUIRE(v);
  CHECK(v->shape() == jdbc_shape::iam_cluster);
  CHECK(v->cluster_part() == "examplecluster");
  CHECK(v->region_part() == "us-west-2");
  CHECK(v->hosts().empty());
  connection c = parsed(url);
  CHECK(c.iam);
  CHECK(c.hosts.empty());
  CHECK(c.cluster_id == "examplecluster");
  CHECK(c.region == "us-west-2");
  CHECK(c.target == target_kind::provisioned);
  CHECK_FALSE(c.legacy_iam);
  CHECK_FALSE(c.workgroup);
  CHECK(c.database == "dev");
}

TEST_CASE("legacy Serverless IAM syntax (drivers before 2.1.0.9)") {
  connection c = parsed("jdbc:redshift:iam://redshift-serverless-default:us-east-1/dev");
  CHECK(c.target == target_kind::serverless);
  CHECK(c.legacy_iam);
  CHECK(c.iam);
  CHECK(c.workgroup == "default");
  CHECK(c.cluster_id == "redshift-serverless-default");  // the driver never strips the prefix
  CHECK(c.region == "us-east-1");
  CHECK(c.database == "dev");
  CHECK(c.hosts.empty());
}

// The JDBC driver takes the Serverless route for any cluster id starting with
// "redshift-serverless-" (IamHelper.setIAMProperties), so the prefix alone names no workgroup.
TEST_CASE("the legacy IAM host with an empty workgroup has no workgroup, and says so") {
  constexpr std::string_view url = "jdbc:redshift:iam://redshift-serverless-:us-east-1/dev";
  connection c = parsed(url);
  CHECK(c.target == target_kind::serverless);
  CHECK(c.legacy_iam);
  CHECK_FALSE(c.workgroup);
  CHECK(c.cluster_id == "redshift-serverless-");
  CHECK(c.region == "us-east-1");
  std::vector<diagnostic> errors;
  for (const diagnostic& d : validate(c))
    if (d.severity == severity::error) errors.push_back(d);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == errc::invalid_workgroup_name);
  CHECK(errors[0].offset == url.find(":us-east-1"));  // where the workgroup should stand
  CHECK(errors[0].message.find("names no workgroup") != std::string::npos);
  // The URL writes back as it came.
  CHECK(jdbc(c, jdbc_style::legacy_iam) == url);

  // The same through a ClusterID argument; a workgroup given beside it is kept.
  constexpr std::string_view arg = "jdbc:redshift:iam://my-nlb.example.com:5439/dev?ClusterID=redshift-serverless-";
  connection by_arg = parsed(arg);
  CHECK(by_arg.legacy_iam);
  CHECK_FALSE(by_arg.workgroup);
  bool said = false;
  for (const diagnostic& d : validate(by_arg))
    said = said || (d.code == errc::invalid_workgroup_name && d.offset == arg.size());
  CHECK(said);
  connection given = parsed(std::string(arg) + "&serverlessWorkGroup=wg1");
  CHECK(given.workgroup == "wg1");
}

TEST_CASE("jdbc:redshift:DB form is localhost:5439") {
  auto v = parse_jdbc("jdbc:redshift:dev?ssl=true");
  REQUIRE(v);
  CHECK(v->shape() == jdbc_shape::database_only);
  connection c = parsed("jdbc:redshift:dev?ssl=true");
  REQUIRE(c.hosts.size() == 1);
  CHECK(c.hosts[0].host == "localhost");
  CHECK(c.hosts[0].port == 5439);
  CHECK(c.database == "dev");
  CHECK(c.target == target_kind::unknown);
  CHECK(value_of(c, "ssl") == "true");
}

TEST_CASE("prefix and iam: are case-sensitive") {
  error e = parse_error("JDBC:redshift://h:5439/dev");
  CHECK(e.code == errc::not_jdbc_url);
  CHECK(e.offset == 0);
  CHECK(parse_error("jdbc:postgresql://h:5439/dev").offset == 5);
  CHECK(parse_error("jdbc:Redshift://h/dev").code == errc::not_jdbc_url);
  CHECK(parse_error("").code == errc::empty_input);

  // "IAM:" is not IAM: the jdbc:redshift:DB form makes it part of the database name.
  connection c = parsed("jdbc:redshift:IAM://h:5439/dev");
  CHECK_FALSE(c.iam);
  CHECK(c.database == "IAM://h:5439/dev");
  REQUIRE(c.hosts.size() == 1);
  CHECK(c.hosts[0].host == "localhost");
}

// ---------------------------------------------------------------- arguments

TEST_CASE("'?' beats ';' as the start of the arguments") {
  connection c = parsed("jdbc:redshift://h:5439/db;a=1?b=2");
  CHECK(c.database == "db;a=1");
  CHECK(c.find("a") == nullptr);
  CHECK(value_of(c, "b") == "2");

  connection semi = parsed("jdbc:redshift://h:5439/db;a=1;b=2");
  CHECK(semi.database == "db");
  CHECK(value_of(semi, "a") == "1");
  CHECK(value_of(semi, "b") == "2");
}

TEST_CASE("arguments split on ';' and '&', empty tokens skipped, key without '='") {
  connection c = parsed("jdbc:redshift://h:5439/dev?&&a=1;;&b=2&c;d=&");
  REQUIRE(c.properties.size() == 4);
  CHECK(c.properties[0] == property{"a", "1"});
  CHECK(c.properties[1] == property{"b", "2"});
  CHECK(c.properties[2] == property{"c", ""});
  CHECK(c.properties[3] == property{"d", ""});
  CHECK(c.properties[0].offset == std::string_view("jdbc:redshift://h:5439/dev?&&").size());
}

TEST_CASE("the last duplicate wins; keys are case-insensitive and kept as written") {
  constexpr std::string_view url = "jdbc:redshift://h:5439/dev?ssl=true&SSL=false";
  auto v = parse_jdbc(url);
  REQUIRE(v);
  CHECK(v->argument("Ssl").decoded() == "false");
  connection c = parsed(url);
  REQUIRE(c.properties.size() == 2);
  CHECK(c.properties[1].key == "SSL");
  CHECK(value_of(c, "ssl") == "false");
}

TEST_CASE("'?' and '#' inside arguments are data") {
  connection c = parsed("jdbc:redshift://h:5439/dev?ssl=false?x=1&frag=a#b");
  CHECK(value_of(c, "ssl") == "false?x=1");
  CHECK(value_of(c, "frag") == "a#b");
}

TEST_CASE("values decode like URLDecoder") {
  connection c = parsed("jdbc:redshift://h:5439/dev?p1=a+b&p2=a%2Bb&p3=%7e%7E&p4=%+4x&p5=%-0&p6=caf%C3%A9");
  CHECK(value_of(c, "p1") == "a b");
  CHECK(c.find("p1")->plus_as_space);
  CHECK(value_of(c, "p2") == "a+b");
  CHECK_FALSE(c.find("p2")->plus_as_space);
  CHECK(value_of(c, "p3") == "~~");
  CHECK(value_of(c, "p4") == "\x04x"s);  // "%+4": Integer.parseInt("+4", 16)
  CHECK(value_of(c, "p5") == std::string(1, '\0'));
  CHECK(value_of(c, "p6") == "caf\xC3\xA9");
}

TEST_CASE("keys are not decoded") {
  connection c = parsed("jdbc:redshift://h:5439/dev?a%41=1");
  CHECK(c.properties.at(0).key == "a%41");
}

TEST_CASE("malformed '%' escapes are rejected at the '%'") {
  for (std::string_view url : {"jdbc:redshift://h:5439/dev?password=a%zz", "jdbc:redshift://h:5439/dev?x=%4",
                               "jdbc:redshift://h:5439/dev?x=ab%", "jdbc:redshift://h:5439/dev?x=%-4",
                               "jdbc:redshift://h:5439/d%g1b", "jdbc:redshift:iam://h:5439/d%"}) {
    INFO(url);
    error e = parse_error(url);
    CHECK(e.code == errc::malformed_percent_escape);
    CHECK(e.offset == url.find('%'));
  }
}

TEST_CASE("malformed UTF-8 becomes U+FFFD") {
  const std::string fffd = "\xEF\xBF\xBD";
  CHECK(value_of(parsed("jdbc:redshift://h:5439/dev?x=%C3%28"), "x") == fffd + "(");
  CHECK(value_of(parsed("jdbc:redshift://h:5439/dev?x=%FFa"), "x") == fffd + "a");
  CHECK(value_of(parsed("jdbc:redshift://h:5439/dev?x=%ED%A0%80"), "x") == fffd);  // surrogate
  CHECK(value_of(parsed("jdbc:redshift://h:5439/dev?x=%F0%9F%98%80"), "x") == "\xF0\x9F\x98\x80");
}

TEST_CASE("the database path is percent-decoded and may be empty") {
  CHECK(parsed("jdbc:redshift://h:5439/my%20db").database == "my db");
  CHECK(parsed("jdbc:redshift://h:5439/a+b").database == "a b");
  CHECK(parsed("jdbc:redshift://h:5439/").database == "");
  CHECK(parsed("jdbc:redshift://h:5439/?ssl=true").database == "");
}

// ---------------------------------------------------------------- the // authority

TEST_CASE("a '/' after host and port is required") {
  constexpr std::string_view url = "jdbc:redshift://host:5439";
  error e = parse_error(url);
  CHECK(e.code == errc::missing_database_path);
  CHECK(e.offset == url.size());
  CHECK(e.message().find("/dev") != std::string_view::npos);
  CHECK(parse_error("jdbc:redshift://host:5439?ssl=true").code == errc::missing_database_path);
}

TEST_CASE("// ports: Integer.parseInt then 1..65535") {
  CHECK(parsed("jdbc:redshift://h:+5439/dev").hosts.at(0).port == 5439);
  CHECK(parsed("jdbc:redshift://h:1/dev").hosts.at(0).port == 1);
  CHECK(parsed("jdbc:redshift://h:65535/dev").hosts.at(0).port == 65535);
  CHECK(parsed("jdbc:redshift://h/dev").hosts.at(0).port == 5439);
  for (std::string_view url : {"jdbc:redshift://h:0/dev", "jdbc:redshift://h:65536/dev", "jdbc:redshift://h:abc/dev",
                               "jdbc:redshift://h:/dev", "jdbc:redshift://h:-1/dev", "jdbc:redshift://h: 5439/dev"}) {
    INFO(url);
    error e = parse_error(url);
    CHECK(e.code == errc::invalid_port);
    CHECK(e.offset == 18);
  }
  error second = parse_error("jdbc:redshift://h:5439,h2:0/dev");
  CHECK(second.code == errc::invalid_port);
  CHECK(second.offset == 26);
}

TEST_CASE("multiple hosts and IPv6") {
  connection c = parsed("jdbc:redshift://h1:5439,h2:5440,[::1]:8191,[fe80::1]/dev");
  REQUIRE(c.hosts.size() == 4);
  CHECK(c.hosts[0] == address{"h1", 5439});
  CHECK(c.hosts[1] == address{"h2", 5440});
  CHECK(c.hosts[2] == address{"[::1]", 8191});
  CHECK(c.hosts[3] == address{"[fe80::1]", 5439});
  CHECK(c.hosts[1].offset == 24);
  CHECK(c.hosts[1].port_offset == 27);
  // Trailing empty entries are dropped, as String.split does.
  CHECK(parsed("jdbc:redshift://h1,h2,,/dev").hosts.size() == 2);
  CHECK(parse_error("jdbc:redshift://,,/dev").code == errc::empty_host);
}

// ---------------------------------------------------------------- the IAM form

TEST_CASE("IAM ports: digits, no range check; non-digits make it the cluster-id form") {
  CHECK(parsed("jdbc:redshift:iam://h:99999/dev").hosts.at(0).port == 99999);
  CHECK(parsed("jdbc:redshift:iam://h:0/dev").hosts.at(0).port == 0);
  CHECK(parsed("jdbc:redshift:iam://h:/dev").hosts.at(0).port == 5439);
  CHECK(parsed("jdbc:redshift:iam://h/dev").hosts.at(0).port == 5439);
  auto v = parse_jdbc("jdbc:redshift:iam://h:54x9/dev");
  REQUIRE(v);
  CHECK(v->shape() == jdbc_shape::iam_cluster);
  CHECK(v->cluster_part() == "h");
  CHECK(v->region_part() == "54x9");
  CHECK(parse_jdbc("jdbc:redshift:iam://h:+5439/dev")->shape() == jdbc_shape::iam_cluster);
  CHECK(parse_error("jdbc:redshift:iam://h:99999999999/dev").code == errc::invalid_port);
}

TEST_CASE("IAM form without /DB has no database, and no default") {
  connection c = parsed("jdbc:redshift:iam://default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439");
  CHECK_FALSE(c.database.has_value());
  CHECK(c.iam);
  connection q = parsed("jdbc:redshift:iam://h:5439?ssl=true");
  CHECK_FALSE(q.database.has_value());
  CHECK(value_of(q, "ssl") == "true");
}

TEST_CASE("malformed IAM URLs") {
  CHECK(parse_error("jdbc:redshift:iam:h:5439/dev").code == errc::malformed_iam_url);
  CHECK(parse_error("jdbc:redshift:iam:///dev").code == errc::malformed_iam_url);
  CHECK(parse_error("jdbc:redshift:iam://:5439/dev").code == errc::malformed_iam_url);
}

TEST_CASE("IAM: a ';' in the server part wins over a later '?'") {
  constexpr std::string_view url = "jdbc:redshift:iam://h:5439/dev;a=1?b=2";
  auto v = parse_jdbc(url);
  REQUIRE(v);
  CHECK(v->database().decoded() == "dev");
  CHECK(v->ignored_arguments() == "b=2");
  CHECK(v->ignored_arguments_offset() == url.find("b=2"));
  connection c = parsed(url);
  CHECK(value_of(c, "a") == "1");
  CHECK(c.find("b") == nullptr);
}

// ---------------------------------------------------------------- effective fields

TEST_CASE("explicit properties override what the host says") {
  connection p = parsed(
      "jdbc:redshift:iam://examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com:5439/dev"
      "?ClusterID=other&Region=eu-west-1");
  CHECK(p.target == target_kind::provisioned);
  CHECK(p.cluster_id == "other");
  CHECK(p.region == "eu-west-1");

  connection s = parsed(
      "jdbc:redshift:iam://default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev"
      "?serverlessWorkGroup=wg2&serverlessAcctId=999999999999&REGION=us-west-2");
  CHECK(s.target == target_kind::serverless);
  CHECK(s.workgroup == "wg2");
  CHECK(s.account_id == "999999999999");
  CHECK(s.region == "us-west-2");
}

TEST_CASE("isServerless: consulted only when the host shape says nothing") {
  connection nlb = parsed("jdbc:redshift:iam://my-nlb.example.com:5439/dev?isServerless=true&serverlessWorkGroup=wg");
  CHECK(nlb.target == target_kind::serverless);
  CHECK(nlb.workgroup == "wg");
  connection nlb_false = parsed("jdbc:redshift:iam://my-nlb.example.com:5439/dev?isServerless=false");
  CHECK(nlb_false.target == target_kind::unknown);
  connection prov = parsed("jdbc:redshift:iam://examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com:5439/dev"
                           "?isServerless=true");
  CHECK(prov.target == target_kind::provisioned);
  connection srv = parsed("jdbc:redshift:iam://default.123456789012.us-east-1.redshift-serverless.amazonaws.com/dev"
                          "?isserverless=false");
  CHECK(srv.target == target_kind::serverless);
  connection cluster = parsed("jdbc:redshift:iam://my-nlb.example.com:5439/dev?clusterid=abc");
  CHECK(cluster.target == target_kind::provisioned);
}

TEST_CASE("a redshift-serverless- ClusterID means the legacy route") {
  connection c = parsed("jdbc:redshift:iam://my-nlb.example.com:5439/dev?ClusterID=redshift-serverless-wg1");
  CHECK(c.target == target_kind::serverless);
  CHECK(c.legacy_iam);
  CHECK(c.workgroup == "wg1");
  connection not_iam = parsed("jdbc:redshift://my-nlb.example.com:5439/dev?ClusterID=redshift-serverless-wg1");
  CHECK(not_iam.target == target_kind::serverless);
  CHECK_FALSE(not_iam.legacy_iam);
  // Written back, the host stays: the legacy CLUSTER:REGION form has no place for it.
  CHECK(jdbc(c, jdbc_style::automatic, true) ==
        "jdbc:redshift:iam://my-nlb.example.com:5439/dev?ClusterID=redshift-serverless-wg1");
  connection back = parsed(jdbc(c, jdbc_style::automatic, true));
  CHECK(back == c);
}

TEST_CASE("iamauth, dbname, host and port arguments override the URL") {
  connection iam_on = parsed("jdbc:redshift://h:5439/dev?IAMAuth=TRUE");
  CHECK(iam_on.iam);
  connection iam_off = parsed("jdbc:redshift:iam://h:5439/dev?iamauth=false");
  CHECK_FALSE(iam_off.iam);
  connection iam_junk = parsed("jdbc:redshift:iam://h:5439/dev?iamauth=yes");
  CHECK_FALSE(iam_junk.iam);  // Boolean.parseBoolean
  CHECK(parsed("jdbc:redshift://h:5439/dev?DBNAME=other").database == "other");
  CHECK(parsed("jdbc:redshift:iam://h:5439?dbname=x%20y").database == "x y");

  connection moved = parsed("jdbc:redshift://h:5439/dev?host=default.123456789012.us-east-1.redshift-serverless."
                            "amazonaws.com&port=8191");
  REQUIRE(moved.hosts.size() == 1);
  CHECK(moved.hosts[0].host == sl_host);
  CHECK(moved.hosts[0].port == 8191);
  CHECK(moved.target == target_kind::serverless);
  CHECK(moved.workgroup == "default");

  connection bad_port = parsed("jdbc:redshift://h:5439/dev?port=abc");
  CHECK(bad_port.hosts.at(0).port == 0);  // the driver cannot read it; validate() reports it
}

TEST_CASE("a managed VPC endpoint does not give a workgroup") {
  std::string url = "jdbc:redshift:iam://"s + std::string(vpc_ep_host) + ":5439/dev";
  connection c = parsed(url);
  CHECK(c.target == target_kind::serverless);
  CHECK_FALSE(c.workgroup);
  CHECK(c.account_id == "123456789012");
  CHECK(c.region == "eu-west-1");
  connection given = parsed(url + "?serverlessWorkGroup=analytics");
  CHECK(given.workgroup == "analytics");
}

TEST_CASE("every example URL of the seed page") {
  struct example {
    std::string_view url;
    bool iam;
    target_kind target;
    std::string_view workgroup, account, region, database;
    bool legacy;
  };
  const example examples[] = {
      {"jdbc:redshift://workgroup-name.account-number.aws-region.redshift-serverless.amazonaws.com:5439/dev", false,
       target_kind::serverless, "workgroup-name", "account-number", "aws-region", "dev", false},
      {"jdbc:redshift://default.123456789012.us-east-2.redshift-serverless.amazonaws.com:5439/dev", false,
       target_kind::serverless, "default", "123456789012", "us-east-2", "dev", false},
      {"jdbc:redshift:iam://workgroup-name.account-number.aws-region.redshift-serverless.amazonaws.com:5439/dev", true,
       target_kind::serverless, "workgroup-name", "account-number", "aws-region", "dev", false},
      {"jdbc:redshift:iam://default.123456789012.us-east-2.redshift-serverless.amazonaws.com:5439/dev", true,
       target_kind::serverless, "default", "123456789012", "us-east-2", "dev", false},
      {"jdbc:redshift:iam://redshift-serverless-<name>:aws-region/database-name", true, target_kind::serverless,
       "<name>", "", "aws-region", "database-name", true},
      {"jdbc:redshift:iam://redshift-serverless-default:us-east-1/dev", true, target_kind::serverless, "default", "",
       "us-east-1", "dev", true},
  };
  for (const example& e : examples) {
    INFO(e.url);
    connection c = parsed(e.url);
    CHECK(c.iam == e.iam);
    CHECK(c.target == e.target);
    CHECK(c.workgroup == std::string(e.workgroup));
    if (e.account.empty()) CHECK_FALSE(c.account_id);
    else CHECK(c.account_id == std::string(e.account));
    CHECK(c.region == std::string(e.region));
    CHECK(c.database == std::string(e.database));
    CHECK(c.legacy_iam == e.legacy);
    if (!e.legacy) {
      REQUIRE(c.hosts.size() == 1);
      CHECK(c.hosts[0].port == 5439);
    }
  }
}

// ---------------------------------------------------------------- to_jdbc

TEST_CASE("to_jdbc writes each style") {
  connection s = parsed("jdbc:redshift://default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev");
  CHECK(jdbc(s, jdbc_style::automatic) ==
        "jdbc:redshift://default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev");
  CHECK(jdbc(s, jdbc_style::standard) ==
        "jdbc:redshift://default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev");
  CHECK(jdbc(s, jdbc_style::iam) ==
        "jdbc:redshift:iam://default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev");
  CHECK(jdbc(s, jdbc_style::legacy_iam) == "jdbc:redshift:iam://redshift-serverless-default:us-east-1/dev");

  connection i = parsed("jdbc:redshift:iam://default.123456789012.us-east-2.redshift-serverless.amazonaws.com:8191");
  CHECK(jdbc(i, jdbc_style::automatic) ==
        "jdbc:redshift:iam://default.123456789012.us-east-2.redshift-serverless.amazonaws.com:8191");
  CHECK(jdbc(i, jdbc_style::standard) ==
        "jdbc:redshift://default.123456789012.us-east-2.redshift-serverless.amazonaws.com:8191/");

  connection l = parsed("jdbc:redshift:iam://redshift-serverless-default:us-east-1/dev");
  CHECK(jdbc(l, jdbc_style::automatic) == "jdbc:redshift:iam://redshift-serverless-default:us-east-1/dev");

  connection cl = parsed("jdbc:redshift:iam://examplecluster:us-west-2/dev");
  CHECK(jdbc(cl, jdbc_style::automatic) == "jdbc:redshift:iam://examplecluster:us-west-2/dev");

  connection multi = parsed("jdbc:redshift://h1:5439,[::1]:8191/dev?ssl=true");
  CHECK(jdbc(multi, jdbc_style::automatic) == "jdbc:redshift://h1:5439,[::1]:8191/dev?ssl=true");
}

TEST_CASE("to_jdbc output reads back as the same connection") {
  for (std::string_view url :
       {"jdbc:redshift://default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev?user=bob",
        "jdbc:redshift:iam://ddi-endpoint-endpoint-k7rfausgmlzieup51zgg.123456789012.eu-west-1.redshift-serverless."
        "amazonaws.com:5439/dev?serverlessWorkGroup=wg1",
        "jdbc:redshift:iam://my-nlb.example.com:5439/dev?isServerless=true&serverlessWorkGroup=wg1",
        "jdbc:redshift:iam://examplecluster:us-west-2/dev", "jdbc:redshift:iam://redshift-serverless-wg:eu-west-1/db",
        "jdbc:redshift://h:5439/my%20db?x=a%2Bb%26c%3Bd%3De&y=%C3%A9", "jdbc:redshift://h/dev;ssl=true;user=u"}) {
    INFO(url);
    connection c = parsed(url);
    std::string written = jdbc(c, jdbc_style::automatic, true);
    INFO(written);
    connection back = parsed(written);
    CHECK(back == c);
  }
}

TEST_CASE("to_jdbc adds the arguments the host does not imply") {
  connection c;
  c.hosts.push_back({"my-nlb.example.com", 5439});
  c.database = "dev";
  c.iam = true;
  c.target = target_kind::serverless;
  c.workgroup = "wg1";
  c.region = "us-east-1";
  std::string url = jdbc(c, jdbc_style::automatic);
  CHECK(url == "jdbc:redshift:iam://my-nlb.example.com:5439/dev?Region=us-east-1&serverlessWorkGroup=wg1&"
               "isServerless=true");
  CHECK(parsed(url) == [&] {
    connection expected = c;
    expected.properties = {{"Region", "us-east-1"}, {"serverlessWorkGroup", "wg1"}, {"isServerless", "true"}};
    return expected;
  }());
}

TEST_CASE("to_jdbc refuses what a style cannot carry") {
  connection no_region;
  no_region.workgroup = "wg";
  jdbc_options legacy{jdbc_style::legacy_iam, false};
  auto e1 = to_jdbc(no_region, legacy);
  REQUIRE_FALSE(e1);
  CHECK(e1.error().code == errc::missing_required_field);

  connection no_wg;
  no_wg.region = "us-east-1";
  CHECK(to_jdbc(no_wg, legacy).error().code == errc::missing_required_field);

  connection cluster_only = parsed("jdbc:redshift:iam://examplecluster:us-west-2/dev");
  auto e2 = to_jdbc(cluster_only, {jdbc_style::standard, false});
  REQUIRE_FALSE(e2);
  CHECK(e2.error().code == errc::missing_required_field);

  connection two = parsed("jdbc:redshift://h1:5439,h2:5439/dev");
  auto e3 = to_jdbc(two, {jdbc_style::iam, false});
  REQUIRE_FALSE(e3);
  CHECK(e3.error().code == errc::unrepresentable_value);

  connection ipv6 = parsed("jdbc:redshift://[::1]:5439/dev");
  CHECK(to_jdbc(ipv6, {jdbc_style::iam, false}).error().code == errc::unrepresentable_value);

  connection nothing;
  CHECK(to_jdbc(nothing, {jdbc_style::iam, false}).error().code == errc::missing_required_field);
  CHECK(to_jdbc(nothing, {jdbc_style::standard, false}).error().code == errc::missing_required_field);

  connection big_port = parsed("jdbc:redshift:iam://h:99999/dev");
  CHECK(to_jdbc(big_port, {jdbc_style::standard, false}).error().code == errc::invalid_port);
  CHECK(jdbc(big_port, jdbc_style::iam) == "jdbc:redshift:iam://h:99999/dev");

  connection bad_key = parsed("jdbc:redshift://h:5439/dev");
  bad_key.properties.push_back({"a=b", "c"});
  CHECK(to_jdbc(bad_key).error().code == errc::unrepresentable_value);

  connection colon_host;
  colon_host.hosts.push_back({"a:b", 5439});
  CHECK(to_jdbc(colon_host, {jdbc_style::standard, false}).error().code == errc::unrepresentable_value);
}

TEST_CASE("to_jdbc redacts secrets unless asked") {
  connection c = parsed(
      "jdbc:redshift://h:5439/dev?user=bob&password=p%2Bss%3Bw&SecretAccessKey=sk&sessiontoken=tok&PWD=x");
  std::string hidden = jdbc(c, jdbc_style::automatic);
  CHECK(hidden == "jdbc:redshift://h:5439/dev?user=bob&password=***&SecretAccessKey=***&sessiontoken=***&PWD=***");
  std::string shown = jdbc(c, jdbc_style::automatic, true);
  CHECK(shown == "jdbc:redshift://h:5439/dev?user=bob&password=p%2Bss%3Bw&SecretAccessKey=sk&sessiontoken=tok&PWD=x");
  CHECK(parsed(shown) == c);
}

TEST_CASE("to_jdbc percent-encodes the database and values") {
  connection c;
  c.hosts.push_back({"h", 5439});
  c.database = "a b/c?d";
  c.properties.push_back({"x", "1+1=2 & 3;4%"});
  std::string url = jdbc(c, jdbc_style::standard);
  CHECK(url == "jdbc:redshift://h:5439/a%20b/c%3Fd?x=1%2B1%3D2%20%26%203%3B4%25");
  connection back = parsed(url);
  CHECK(back.database == "a b/c?d");
  CHECK(value_of(back, "x") == "1+1=2 & 3;4%");
}

TEST_CASE("parse_jdbc takes a string literal directly") {
  auto v = parse_jdbc("jdbc:redshift://default.123456789012.us-east-1.redshift-serverless.amazonaws.com/dev");
  REQUIRE(v.has_value());
  CHECK(v->target() == target_kind::serverless);
}

TEST_CASE("edge cases the driver notes record") {
  // A non-digit port is the region, whatever it holds.
  connection odd_region = parsed("jdbc:redshift:iam://h:abc:def/dev");
  CHECK(odd_region.cluster_id == "h");
  CHECK(odd_region.region == "abc:def");
  CHECK(odd_region.hosts.empty());
  connection ipv6_iam = parsed("jdbc:redshift:iam://[::1]:5439/dev");
  CHECK(ipv6_iam.cluster_id == "[");
  CHECK(ipv6_iam.region == ":1]:5439");
  // The database may hold '/'.
  CHECK(parsed("jdbc:redshift:iam://h/d/e").database == "d/e");
  CHECK(parsed("jdbc:redshift://h/d/e/f").database == "d/e/f");
  // Empty hosts survive; an unbracketed IPv6 address splits at its last ':'.
  connection empty_host = parsed("jdbc:redshift:///dev");
  REQUIRE(empty_host.hosts.size() == 1);
  CHECK(empty_host.hosts[0] == address{"", 5439});
  connection gaps = parsed("jdbc:redshift://h1,,h2:1/dev");
  REQUIRE(gaps.hosts.size() == 3);
  CHECK(gaps.hosts[1] == address{"", 5439});
  CHECK(gaps.hosts[2] == address{"h2", 1});
  CHECK(parsed("jdbc:redshift://::1/dev").hosts.at(0) == address{":", 1});
  CHECK(parsed("jdbc:redshift://h:05439/dev").hosts.at(0).port == 5439);
  // jdbc:redshift: alone is localhost with an empty database.
  connection bare = parsed("jdbc:redshift:");
  CHECK(bare.database == "");
  CHECK(bare.hosts.at(0) == address{"localhost", 5439});
  // Keys split at the first '='; an empty key is kept.
  connection keys = parsed("jdbc:redshift://h/dev?=v&k==v&Password=a%26b");
  REQUIRE(keys.properties.size() == 3);
  CHECK(keys.properties[0] == property{"", "v"});
  CHECK(keys.properties[1] == property{"k", "=v"});
  CHECK(keys.properties[2] == property{"Password", "a&b"});
  CHECK(keys.properties[2].secret());
}

TEST_CASE("property offsets point into the URL") {
  constexpr std::string_view url = "jdbc:redshift://h:5439/dev?ssl=true&password=x%2By";
  connection c = parsed(url);
  REQUIRE(c.properties.size() == 2);
  CHECK(c.properties[0].offset == url.find("ssl"));
  CHECK(c.properties[0].value_offset == url.find("true"));
  CHECK(c.properties[1].offset == url.find("password"));
  CHECK(c.properties[1].value_offset == url.find("x%2By"));
  CHECK(c.properties[1].value == "x+y");
  CHECK_FALSE(c.properties[1].plus_as_space);
  connection moved = parsed("jdbc:redshift://h:5439/dev?host=other&port=8191");
  CHECK(moved.hosts.at(0).offset == std::string_view("jdbc:redshift://h:5439/dev?host=").size());
  CHECK(moved.hosts.at(0).port_offset == std::string_view("jdbc:redshift://h:5439/dev?host=other&port=").size());
}

TEST_CASE("a JDBC URL whose ClusterID spells the legacy prefix with escapes is the legacy route") {
  for (std::string_view url : {"jdbc:redshift:iam://h.example.com:5439/dev?ClusterID=redshift%2Dserverless-wg",
                               "jdbc:redshift:iam://h.example.com:5439/dev?ClusterID=%72edshift-serverless%2dwg"}) {
    INFO(std::string(url));
    auto c = parse_jdbc_connection(url);
    REQUIRE(c);
    CHECK(c->target == target_kind::serverless);
    CHECK(c->legacy_iam);
    CHECK(c->workgroup == std::optional<std::string>("wg"));
  }
  // The cluster-id form's cluster is the URL's own text, which the driver does not decode.
  auto in_host = parse_jdbc_connection("jdbc:redshift:iam://redshift%2Dserverless-wg:us-east-1/dev");
  REQUIRE(in_host);
  CHECK(in_host->cluster_id == std::optional<std::string>("redshift%2Dserverless-wg"));
  CHECK_FALSE(in_host->legacy_iam);
  // '+' decodes to a space, which is not the prefix's '-'.
  auto plus = parse_jdbc_connection("jdbc:redshift:iam://h.example.com:5439/dev?ClusterID=redshift+serverless-wg");
  REQUIRE(plus);
  CHECK_FALSE(plus->legacy_iam);
  CHECK(plus->target == target_kind::provisioned);
}
