// Value types of names.hpp: every AWS boundary, the offset of the first offence, partitions,
// equality and hashing.
#include <catch2/catch_test_macros.hpp>

#include <string>
#include <unordered_set>

#include "rsconn/names.hpp"

using namespace rsconn;

namespace {
template <class T>
std::size_t error_offset(const result<T>& r) {
  REQUIRE_FALSE(r.has_value());
  return r.error().offset;
}
}  // namespace

TEST_CASE("workgroup_name length boundaries 2/3/64/65") {
  CHECK_FALSE(workgroup_name::make("ab"));
  CHECK(workgroup_name::make("ab").error().code == errc::invalid_workgroup_name);
  CHECK(error_offset(workgroup_name::make("ab")) == 2);
  CHECK(workgroup_name::make("abc"));
  CHECK(workgroup_name::make("abc")->str() == "abc");
  CHECK(workgroup_name::make(std::string(64, 'a')));
  auto too_long = workgroup_name::make(std::string(65, 'a'));
  REQUIRE_FALSE(too_long);
  CHECK(too_long.error().code == errc::invalid_workgroup_name);
  CHECK(too_long.error().offset == 64);
  CHECK_FALSE(workgroup_name::make(""));
}

TEST_CASE("workgroup_name rejects '_' and upper case at the offending byte") {
  auto underscore = workgroup_name::make("my_wg");
  REQUIRE_FALSE(underscore);
  CHECK(underscore.error().code == errc::invalid_workgroup_name);
  CHECK(underscore.error().offset == 2);
  CHECK(error_offset(workgroup_name::make("Default")) == 0);
  CHECK(error_offset(workgroup_name::make("defaulT")) == 6);
  CHECK(error_offset(workgroup_name::make("wg.x")) == 2);
  CHECK(workgroup_name::make("wg-1-2"));
  CHECK(workgroup_name::make("123"));
}

TEST_CASE("account_id is exactly 12 digits") {
  CHECK_FALSE(account_id::make("12345678901"));
  CHECK(account_id::make("12345678901").error().code == errc::invalid_account_id);
  CHECK(error_offset(account_id::make("12345678901")) == 11);
  CHECK(account_id::make("123456789012"));
  CHECK(account_id::make("123456789012")->str() == "123456789012");
  CHECK(error_offset(account_id::make("1234567890123")) == 12);
  CHECK(error_offset(account_id::make("12345a789012")) == 5);
  CHECK(error_offset(account_id::make("")) == 0);
}

TEST_CASE("region follows the drivers' pattern") {
  for (const char* good : {"us-east-1", "eu-central-2", "ap-southeast-7", "us-gov-west-1", "cn-northwest-1",
                           "abc-def-12"}) {
    INFO(good);
    CHECK(region::make(good));
    CHECK(region::is_valid(good));
  }
  CHECK(error_offset(region::make("u-east-1")) == 1);       // one letter
  CHECK(error_offset(region::make("abcd-east-1")) == 3);    // four letters
  CHECK(error_offset(region::make("us-1")) == 3);           // no letter group
  CHECK(error_offset(region::make("us-east")) == 7);        // no number
  CHECK(error_offset(region::make("us-east-")) == 8);
  CHECK(error_offset(region::make("US-east-1")) == 0);
  CHECK(error_offset(region::make("us-east-1a")) == 9);
  CHECK(error_offset(region::make("us_east-1")) == 2);
  CHECK(region::make("us-east-1x").error().code == errc::invalid_region);
  CHECK_FALSE(region::is_valid(""));
}

TEST_CASE("region knows its partition and DNS suffix") {
  auto cn = region::make("cn-north-1").value();
  CHECK(cn.partition() == partition::aws_cn);
  CHECK(cn.dns_suffix() == "amazonaws.com.cn");
  CHECK(to_string(cn.partition()) == "aws-cn");
  auto gov = region::make("us-gov-west-1").value();
  CHECK(gov.partition() == partition::aws_us_gov);
  CHECK(gov.dns_suffix() == "amazonaws.com");
  CHECK(to_string(gov.partition()) == "aws-us-gov");
  auto us = region::make("us-east-1").value();
  CHECK(us.partition() == partition::aws);
  CHECK(us.dns_suffix() == "amazonaws.com");
  CHECK(to_string(partition::aws) == "aws");
  CHECK(us.offers_serverless());
  CHECK(cn.offers_serverless());
  CHECK(gov.offers_serverless());
  CHECK_FALSE(region::make("xx-nowhere-9").value().offers_serverless());
}

TEST_CASE("cluster_id rules") {
  CHECK(cluster_id::make("examplecluster"));
  CHECK(cluster_id::make("a"));
  CHECK(cluster_id::make("a-1-b"));
  CHECK(cluster_id::make(std::string(63, 'a')));
  auto dash = cluster_id::make("a--b");
  REQUIRE_FALSE(dash);
  CHECK(dash.error().code == errc::invalid_cluster_id);
  CHECK(dash.error().offset == 2);
  CHECK(error_offset(cluster_id::make("abc-")) == 3);
  CHECK(error_offset(cluster_id::make("1abc")) == 0);
  CHECK(error_offset(cluster_id::make("abC")) == 2);
  CHECK(error_offset(cluster_id::make(std::string(64, 'a'))) == 63);
  CHECK_FALSE(cluster_id::make(""));
}

TEST_CASE("vpc_endpoint_name rules") {
  CHECK(vpc_endpoint_name::make("ddi-endpoint"));
  CHECK(vpc_endpoint_name::make("MyEndpoint"));
  CHECK(vpc_endpoint_name::make(std::string(30, 'a')));
  CHECK(error_offset(vpc_endpoint_name::make(std::string(31, 'a'))) == 30);
  CHECK(error_offset(vpc_endpoint_name::make("9abc")) == 0);
  CHECK(error_offset(vpc_endpoint_name::make("ab--c")) == 3);
  CHECK(error_offset(vpc_endpoint_name::make("abc-")) == 3);
  CHECK(vpc_endpoint_name::make("").error().code == errc::invalid_vpc_endpoint_name);
}

TEST_CASE("database_name rules") {
  CHECK(database_name::make("dev"));
  CHECK(database_name::make("Mixed Case db"));
  CHECK(database_name::make(std::string(127, 'd')));
  CHECK(error_offset(database_name::make(std::string(128, 'd'))) == 127);
  CHECK(error_offset(database_name::make("")) == 0);
  CHECK(error_offset(database_name::make("de\nv")) == 2);
  CHECK(database_name::make("de\x7fv").error().code == errc::invalid_database_name);
}

TEST_CASE("name types compare and hash by their text") {
  auto a = workgroup_name::make("alpha").value();
  auto a2 = workgroup_name::make("alpha").value();
  auto b = workgroup_name::make("beta").value();
  CHECK(a == a2);
  CHECK(a != b);
  CHECK(a < b);
  CHECK_FALSE(b < a);
  CHECK(std::hash<workgroup_name>{}(a) == std::hash<workgroup_name>{}(a2));
  std::unordered_set<region> regions{region::make("us-east-1").value(), region::make("us-east-1").value(),
                                     region::make("eu-west-1").value()};
  CHECK(regions.size() == 2);
  std::unordered_set<account_id> accounts{account_id::make("123456789012").value(),
                                          account_id::make("123456789012").value()};
  CHECK(accounts.size() == 1);
  CHECK(cluster_id::make("abc").value() == cluster_id::make("abc").value());
  CHECK(database_name::make("dev").value() != database_name::make("Dev").value());
}

TEST_CASE("name types are usable in constant expressions") {
  constexpr auto wg = workgroup_name::make("default");
  static_assert(wg.has_value());
  static_assert(!workgroup_name::make("x").has_value());
  static_assert(region::partition_of("us-gov-east-1") == partition::aws_us_gov);
  static_assert(region::is_valid("us-east-1"));
  CHECK(wg->str() == "default");
}
