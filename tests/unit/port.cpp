// rsconn::port: construction, parsing and the Redshift ranges at every boundary.
#include <catch2/catch_test_macros.hpp>

#include <unordered_set>

#include "rsconn/port.hpp"

using namespace rsconn;

TEST_CASE("port default is 5439") {
  CHECK(port{}.number() == 5439);
  CHECK(port::default_number == 5439);
}

TEST_CASE("port::make accepts 1..65535") {
  CHECK_FALSE(port::make(0));
  CHECK(port::make(0).error().code == errc::invalid_port);
  CHECK(port::make(1));
  CHECK(port::make(1)->number() == 1);
  CHECK(port::make(65535)->number() == 65535);
  CHECK_FALSE(port::make(65536));
  CHECK_FALSE(port::make(-1));
}

TEST_CASE("port::parse reads digits only, with the offset of the bad byte") {
  CHECK(port::parse("5439")->number() == 5439);
  CHECK(port::parse("05439")->number() == 5439);
  CHECK(port::parse("65535")->number() == 65535);
  auto over = port::parse("65536");
  REQUIRE_FALSE(over);
  CHECK(over.error().code == errc::invalid_port);
  CHECK(over.error().offset == 4);
  CHECK(port::parse("0").error().offset == 0);
  CHECK(port::parse("").error().code == errc::invalid_port);
  CHECK(port::parse("54a9").error().offset == 2);
  CHECK(port::parse("+5439").error().offset == 0);
  CHECK(port::parse(" 5439").error().offset == 0);
  CHECK(port::parse("99999999999999999999").error().offset == 4);
}

TEST_CASE("serverless ranges 5431-5455 and 8191-8215, boundaries included") {
  auto p = [](long long n) { return port::make(n).value(); };
  CHECK_FALSE(p(5430).in_serverless_range());
  CHECK(p(5431).in_serverless_range());
  CHECK(p(5439).in_serverless_range());
  CHECK(p(5455).in_serverless_range());
  CHECK_FALSE(p(5456).in_serverless_range());
  CHECK_FALSE(p(8190).in_serverless_range());
  CHECK(p(8191).in_serverless_range());
  CHECK(p(8215).in_serverless_range());
  CHECK_FALSE(p(8216).in_serverless_range());
  CHECK_FALSE(p(1).in_serverless_range());
  CHECK_FALSE(p(65535).in_serverless_range());
  CHECK(p(5431).in_ra3_range());
  CHECK_FALSE(p(5456).in_ra3_range());
}

TEST_CASE("provisioned range is 1150-65535") {
  CHECK_FALSE(port::make(1149)->in_provisioned_range());
  CHECK(port::make(1150)->in_provisioned_range());
  CHECK(port::make(65535)->in_provisioned_range());
  CHECK_FALSE(port::make(1)->in_provisioned_range());
}

TEST_CASE("port compares and hashes by number") {
  CHECK(port::make(5439).value() == port{});
  CHECK(port::make(5440).value() != port{});
  CHECK(port::make(80).value() < port{});
  std::unordered_set<port> set{port{}, port::make(5439).value(), port::make(8191).value()};
  CHECK(set.size() == 2);
  static_assert(port::parse("8191").has_value());
}
