// fmt formatters of every public type; "{}" redacts secrets, "{:s}" shows them.
#include <catch2/catch_test_macros.hpp>

#include <cstdio>
#include <string>

#include <fmt/format.h>
#include <tl/expected.hpp>

#include "rsconn/fmt.hpp"

using namespace rsconn;

// scripts/ci/45-deps-range.sh builds this file against every fmt and tl-expected Debian
// carries; this line says which ones a run used.
TEST_CASE("the fmt and tl-expected releases this test is built with") {
  std::printf("rsconn built with fmt %d.%d.%d and tl-expected %d.%d.%d\n", FMT_VERSION / 10000,
              FMT_VERSION / 100 % 100, FMT_VERSION % 100, TL_EXPECTED_VERSION_MAJOR, TL_EXPECTED_VERSION_MINOR,
              TL_EXPECTED_VERSION_PATCH);
  CHECK(FMT_VERSION >= 90000);
}

TEST_CASE("a format spec rsconn does not know is fmt's format_error") {
  // Run time (fmt::runtime), so that the bad spec is not refused at compile time.
  CHECK_THROWS_AS(fmt::format(fmt::runtime("{:x}"), workgroup_name::make("default").value()), fmt::format_error);
  CHECK_THROWS_AS(fmt::format(fmt::runtime("{:q}"), property{"user", "u"}), fmt::format_error);
  CHECK_THROWS_AS(fmt::format(fmt::runtime("{:sx}"), property{"user", "u"}), fmt::format_error);
  CHECK(fmt::format(fmt::runtime("{:s}"), property{"user", "u"}) == "user=u");
}

TEST_CASE("value types format as their text") {
  CHECK(fmt::format("{}", workgroup_name::make("default").value()) == "default");
  CHECK(fmt::format("{}", account_id::make("123456789012").value()) == "123456789012");
  CHECK(fmt::format("{}", region::make("us-east-1").value()) == "us-east-1");
  CHECK(fmt::format("{}", cluster_id::make("examplecluster").value()) == "examplecluster");
  CHECK(fmt::format("{}", vpc_endpoint_name::make("ddi-endpoint").value()) == "ddi-endpoint");
  CHECK(fmt::format("{}", database_name::make("dev").value()) == "dev");
  CHECK(fmt::format("[{}]", port::make(8191).value()) == "[8191]");
  CHECK(fmt::format("{}", port{}) == "5439");
}

TEST_CASE("enums format as the CLI prints them") {
  CHECK(fmt::format("{}", partition::aws_cn) == "aws-cn");
  CHECK(fmt::format("{}", partition::aws_us_gov) == "aws-us-gov");
  CHECK(fmt::format("{}", partition::aws) == "aws");
  CHECK(fmt::format("{}", host_kind::vpc_endpoint) == "vpc-endpoint");
  CHECK(fmt::format("{}", host_kind::serverless) == "serverless");
  CHECK(fmt::format("{}", host_kind::provisioned) == "provisioned");
  CHECK(fmt::format("{}", host_kind::other) == "other");
  CHECK(fmt::format("{}", target_kind::serverless) == "serverless");
  CHECK(fmt::format("{}", target_kind::unknown) == "unknown");
  CHECK(fmt::format("{}", source_form::libpq_uri) == "libpq-uri");
  CHECK(fmt::format("{}", source_form::jdbc) == "jdbc");
  CHECK(fmt::format("{}", errc::invalid_port) == "invalid_port");
  CHECK(fmt::format("{}", errc::missing_database_path) == "missing_database_path");
  CHECK(fmt::format("{}", severity::warning) == "warning");
}

TEST_CASE("error and diagnostic") {
  auto e = parse_jdbc("jdbc:redshift://h:abc/dev");
  REQUIRE_FALSE(e);
  CHECK(fmt::format("{}", e.error()) == "invalid_port at 18: the port must be a whole number from 1 to 65535");
  auto c = parse_jdbc_connection(
      "jdbc:redshift://default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5430/dev");
  REQUIRE(c);
  auto ds = validate(*c);
  REQUIRE(ds.size() == 1);
  std::string text = fmt::format("{}", ds[0]);
  CHECK(text.rfind("error port_outside_serverless_range at 81: port 5430 is outside the Serverless ranges", 0) == 0);
}

TEST_CASE("property redacts secrets unless {:s}") {
  property secret{"Password", "hunter2"};
  CHECK(fmt::format("{}", secret) == "Password=***");
  CHECK(fmt::format("{:s}", secret) == "Password=hunter2");
  property plain{"ssl", "true"};
  CHECK(fmt::format("{}", plain) == "ssl=true");
  CHECK(fmt::format("{:s}", plain) == "ssl=true");
  CHECK(fmt::format("{}", property{"SessionToken", "t"}) == "SessionToken=***");
  CHECK(fmt::format("{}", property{"secretaccesskey", "k"}) == "secretaccesskey=***");
}

TEST_CASE("a secret key spelled with U+212A KELVIN SIGN for its k is still secret") {
  // The JDBC driver lower-cases keys with Java's toLowerCase, which turns U+212A into 'k', so
  // it reads SecretAccess\u212Aey as SecretAccessKey; rsconn must redact it the same.
  static_assert(is_secret_key("SecretAccess\xE2\x84\xAA" "ey"));
  // As spellings of a secret option (is_secret_option_key), U+212A counts only where a 'k' is.
  static_assert(is_secret_option_key("session\xE2\x84\xAA" "en") == false);  // "sessionken": no such key
  static_assert(is_secret_option_key("sessionto\xE2\x84\xAA" "en"));
  static_assert(is_secret_option_key("TO\xE2\x84\xAA" "EN"));
  static_assert(!is_secret_option_key("\xE2\x84\xAA"));
  static_assert(!is_secret_option_key("passwor\xE2\x84\xAA"));  // no 'k' in password: not a spelling of it
  static_assert(!is_secret_option_key("token\xE2\x84"));         // a truncated sign is not a 'k'
  // is_secret_key also redacts what is a misspelling away from a secret's name.
  static_assert(is_secret_key("session\xE2\x84\xAA" "en"));
  static_assert(is_secret_key("passwor\xE2\x84\xAA"));
  static_assert(!is_secret_key("\xE2\x84\xAA"));
  auto c = parse_jdbc_connection("jdbc:redshift://h:5439/dev?SecretAccess\xE2\x84\xAA" "ey=s3cr3t&to\xE2\x84\xAA" "en=t0k3n");
  REQUIRE(c);
  REQUIRE(c->properties.size() == 2);
  CHECK(c->properties[0].secret());
  CHECK(c->properties[1].secret());
  std::string shown = fmt::format("{}", *c);
  CHECK(shown.find("s3cr3t") == std::string::npos);
  CHECK(shown.find("t0k3n") == std::string::npos);
  CHECK(fmt::format("{:s}", *c).find("s3cr3t") != std::string::npos);
}

TEST_CASE("connection formats as its JDBC URL, secrets redacted unless {:s}") {
  auto c = parse_jdbc_connection(
      "jdbc:redshift:iam://default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev"
      "?user=bob&password=p%2Bw%26d");
  REQUIRE(c);
  CHECK(fmt::format("{}", *c) ==
        "jdbc:redshift:iam://default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev"
        "?user=bob&password=***");
  CHECK(fmt::format("{:s}", *c) ==
        "jdbc:redshift:iam://default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev"
        "?user=bob&password=p%2Bw%26d");
}

TEST_CASE("a connection no JDBC URL can carry formats as a description without secrets") {
  connection c;
  c.target = target_kind::serverless;
  c.hosts = {{"a:b", 5439}};
  c.workgroup = "wg1";
  c.region = "us-east-1";
  c.database = "dev";
  c.properties.push_back({"password", "hunter2"});
  std::string text = fmt::format("{}", c);
  CHECK(text.find("hunter2") == std::string::npos);
  CHECK(text.find("serverless") != std::string::npos);
  CHECK(text.find("a:b:5439") != std::string::npos);
  CHECK(text.find("workgroup=wg1") != std::string::npos);
  CHECK(text.find("region=us-east-1") != std::string::npos);
  CHECK(text.find("database=dev") != std::string::npos);
}
