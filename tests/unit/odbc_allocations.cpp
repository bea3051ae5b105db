// parse_odbc never allocates; to_odbc allocates exactly once (its output, reserved up front).
// Global operator new/delete are replaced with counting versions; only the calls under test
// are counted (Catch2 allocates around them).
#include <catch2/catch_test_macros.hpp>

#include "../support/counting_allocator.hpp"

#include <cstddef>
#include <cstdlib>
#include <new>
#include <string>
#include <string_view>

#include "rsconn/jdbc.hpp"
#include "rsconn/odbc.hpp"

using rsconn_test::allocations_in;

namespace {

constexpr std::string_view odbc_corpus[] = {
    "Driver={Amazon Redshift ODBC Driver (x64)};Server=default.123456789012.us-east-1.redshift-serverless.amazonaws.com;"
    "Port=5439;Database=dev;UID=admin;PWD={p;w}}d}",
    "Driver={Amazon Redshift (x64)}; Server=examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com; Port=5439; "
    "Database=dev; IAM=1; DbUser=bob; DbGroups={g1,g2}; AutoCreate=true",
    "Server=nlb.example.com;Port=5440;IAM=1;Workgroup=wg;Serverless=1;Region=eu-west-1",
    "Server=h;IAM=1;ClusterId=redshift-serverless-wg;Region=us-east-1",
    "Host=c;HostName=b;Servername=s;PortNumber=5441;Port=1;DB=x;Database=y",
    "Server=a;junk;Port=1",
    "Driver={x}Server=h",
    "PWD={a}}}",
    "Server=a;\r\nPort=1;\r\n",
    ";;",
    "",
    // invalid
    "Server=h;junk",
    ";=b",
    "PWD={a}}}}",
    "Server=a; ; ",
    "Server=h;Port=abc",
    " ",
};

}  // namespace

TEST_CASE("parse_odbc does not allocate") {
  for (std::string_view text : odbc_corpus) {
    CAPTURE(text);
    std::size_t count = allocations_in([&] {
      auto view = rsconn::parse_odbc(text);
      if (view) {  // walking the view does not allocate either
        for (const auto& p : view->pairs()) (void)p;
        (void)view->find("pwd");
        (void)view->host();
        (void)view->effective();
      }
    });
    CHECK(count == 0);
  }
}

TEST_CASE("to_odbc allocates exactly once") {
  std::size_t formatted = 0;
  auto check = [&](const rsconn::connection& c) {
    for (bool reveal : {false, true}) {
      CAPTURE(reveal);
      rsconn::odbc_options options;
      options.reveal_secrets = reveal;
      bool ok = false;
      std::size_t count = allocations_in([&] { ok = rsconn::to_odbc(c, options).has_value(); });
      if (ok) {
        ++formatted;
        CHECK(count == 1);
      } else {
        CHECK(count == 0);  // refused before reserving
      }
    }
  };
  for (std::string_view text : odbc_corpus) {
    CAPTURE(text);
    if (auto c = rsconn::parse_odbc_connection(text)) check(*c);
  }
  for (std::string_view url : {"jdbc:redshift://h1:5439/dev?user=u&password=p%7D%3B",
                               "jdbc:redshift:iam://examplecluster:us-west-2/dev?DbUser=bob",
                               "jdbc:redshift://nlb.example.com:5439/dev?serverlessWorkGroup=wg&isServerless=true",
                               "jdbc:redshift://h:5439/dev?password=%20edge"}) {
    CAPTURE(url);
    if (auto c = rsconn::parse_jdbc_connection(url)) check(*c);
  }
  CHECK(formatted >= 20);
}
