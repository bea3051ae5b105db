// Parsing into views never allocates; formatting allocates exactly once (the output string,
// reserved up front). Global operator new/delete are replaced with counting versions; only
// the calls under test are counted (Catch2 allocates around them).
#include <catch2/catch_test_macros.hpp>

#include "../support/counting_allocator.hpp"

#include <cstddef>
#include <cstdlib>
#include <new>
#include <string>
#include <string_view>

#include <rsconn/rsconn.hpp>

using rsconn_test::allocations_in;

namespace {

// Valid and invalid URLs: serverless, provisioned, VPC endpoints, China and GovCloud, IAM,
// the legacy cluster-id syntax, database-only, several hosts, properties with escapes, secrets.
constexpr std::string_view jdbc_corpus[] = {
    "jdbc:redshift://default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev",
    "jdbc:redshift://analytics-wg.210987654321.eu-west-1.redshift-serverless.amazonaws.com:5440/sales?ssl=true&loginTimeout=30",
    "jdbc:redshift://etl.111122223333.cn-north-1.redshift-serverless.amazonaws.com.cn:8192/warehouse",
    "jdbc:redshift://reporting.444455556666.us-gov-west-1.redshift-serverless.amazonaws.com:5439/dev;ssl=true;sslmode=verify-full",
    "jdbc:redshift:iam://default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev?DbUser=alice&AutoCreate=true",
    "jdbc:redshift:iam://redshift-serverless-default:us-west-2/dev",
    "jdbc:redshift:iam://examplecluster:us-west-2/dev?ClusterID=examplecluster&Region=us-west-2",
    "jdbc:redshift://examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com:5439/dev",
    "jdbc:redshift://my-endpoint-endpoint-abcdefghij0123456789.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev",
    "jdbc:redshift://h1.example.com:5439,h2.example.com:5440/db?password=s%2Bcr%C3%A9t&user=bob",
    "jdbc:redshift://proxy.internal:5439/db%20name?serverlessWorkGroup=wg-1&serverlessAcctId=123456789012&Region=ap-south-1&isServerless=true",
    "jdbc:redshift://[::1]:5439/dev?sessionToken=abc+def%2Fghi&IAMAuth=true",
    "jdbc:redshift:dev",
    "jdbc:redshift:iam://default.123456789012.us-east-1.redshift-serverless.amazonaws.com/dev;ssl=true?ignored=1",
    // invalid
    "jdbc:redshift://host:99999/dev",
    "jdbc:redshift://host:5439",
    "jdbc:redshift:iam:/x",
    "jdbc:redshift://host/dev?x=%zz",
    "jdbc:postgresql://host/dev",
    "",
};

constexpr std::string_view endpoint_corpus[] = {
    "default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev",
    "etl.111122223333.cn-north-1.redshift-serverless.amazonaws.com.cn:8192/warehouse",
    "reporting.444455556666.us-gov-west-1.redshift-serverless.amazonaws.com",
    "examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com:5439/dev",
    "my-endpoint-endpoint-abcdefghij0123456789.123456789012.us-east-1.redshift-serverless.amazonaws.com",
    "[fe80::1%eth0]:5439/dev",
    "localhost",
    // invalid
    "host:0/dev",
    "bad host/dev",
    "[::1",
    "",
};

constexpr std::string_view host_corpus[] = {
    "default.123456789012.us-east-1.redshift-serverless.amazonaws.com",
    "etl.111122223333.cn-north-1.redshift-serverless.amazonaws.com.cn",
    "reporting.444455556666.us-gov-west-1.redshift-serverless.amazonaws.com.",
    "EXAMPLECLUSTER.ABC123XYZ789.US-WEST-2.REDSHIFT.AMAZONAWS.COM",
    "my-endpoint-endpoint-abcdefghij0123456789.123456789012.us-east-1.redshift-serverless.amazonaws.com",
    "wg.123456789012.us-east-1.redshift-serverless-dev.amazonaws.com",
    "localhost",
    "",
};

}  // namespace

TEST_CASE("parse_jdbc does not allocate") {
  for (std::string_view url : jdbc_corpus) {
    CAPTURE(url);
    bool parsed = false;
    std::size_t count = allocations_in([&] {
      auto view = rsconn::parse_jdbc(url);
      parsed = view.has_value();
      if (view) {  // walking the view does not allocate either
        for (const auto& a : view->hosts()) (void)a;
        for (const auto& arg : view->arguments()) (void)arg;
        (void)view->argument("ssl");
      }
    });
    CHECK(count == 0);
    (void)parsed;
  }
}

TEST_CASE("parse_endpoint and parse_host do not allocate") {
  for (std::string_view text : endpoint_corpus) {
    CAPTURE(text);
    CHECK(allocations_in([&] { (void)rsconn::parse_endpoint(text); }) == 0);
    CHECK(allocations_in([&] { (void)rsconn::parse_host(text); }) == 0);
  }
}

TEST_CASE("classify_host and driver_reading do not allocate") {
  for (std::string_view host : host_corpus) {
    CAPTURE(host);
    CHECK(allocations_in([&] { (void)rsconn::classify_host(host); }) == 0);
    CHECK(allocations_in([&] { (void)rsconn::driver_reading(host); }) == 0);
  }
}

TEST_CASE("to_jdbc allocates exactly once") {
  std::size_t formatted = 0;
  for (std::string_view url : jdbc_corpus) {
    auto view = rsconn::parse_jdbc(url);
    if (!view) continue;
    rsconn::connection c = rsconn::to_connection(*view);
    for (auto style : {rsconn::jdbc_style::automatic, rsconn::jdbc_style::standard, rsconn::jdbc_style::iam,
                       rsconn::jdbc_style::legacy_iam}) {
      for (bool reveal : {false, true}) {
        CAPTURE(url, static_cast<int>(style), reveal);
        bool ok = false;
        std::size_t count = allocations_in([&] {
          auto out = rsconn::to_jdbc(c, rsconn::jdbc_options{style, reveal});
          ok = out.has_value();
        });
        if (ok) {  // failures may return before reserving
          ++formatted;
          CHECK(count == 1);
        } else {
          CHECK(count <= 1);
        }
      }
    }
  }
  CHECK(formatted > 20);
}

TEST_CASE("to_jdbc with many extra arguments and escapes still allocates once") {
  rsconn::connection c;
  c.target = rsconn::target_kind::serverless;
  c.hosts.push_back({"proxy.internal", 65535, 0, 0});
  c.database = std::string("d\xC3\xA9v db/%?&");
  c.workgroup = std::string("a-very-long-workgroup-name-that-the-host-does-not-say-anything-about");
  c.account_id = std::string("123456789012");
  c.region = std::string("us-gov-west-1");
  c.cluster_id = std::string("some-cluster-id-that-is-also-long-enough-to-matter");
  c.properties.push_back({"password", ""});
  c.properties.push_back({"sessionToken", "a+b/c=d&e;f"});
  c.properties.push_back({"ApplicationName", std::string(200, '%')});
  for (bool reveal : {false, true}) {
    std::size_t count = allocations_in([&] {
      auto out = rsconn::to_jdbc(c, rsconn::jdbc_options{rsconn::jdbc_style::standard, reveal});
      REQUIRE(out.has_value());
    });
    CHECK(count == 1);
  }
}

TEST_CASE("to_endpoint allocates exactly once") {
  std::size_t formatted = 0;
  for (std::string_view text : endpoint_corpus) {
    auto view = rsconn::parse_endpoint(text);
    if (!view) continue;
    rsconn::connection c = rsconn::to_connection(*view);
    bool ok = false;
    std::size_t count = allocations_in([&] {
      auto out = rsconn::to_endpoint(c);
      ok = out.has_value();
    });
    if (!ok) continue;
    ++formatted;
    CAPTURE(text);
    CHECK(count == 1);  // every output here is longer than the small-string buffer
  }
  CHECK(formatted >= 5);
}
