// The Data API through the AWS CLI: to_data_api for Serverless and provisioned connections.
#include <catch2/catch_test_macros.hpp>

#include <string>
#include <vector>

#include "rsconn/data_api.hpp"
#include "rsconn/detect.hpp"

using namespace rsconn;

namespace {

using words = std::vector<std::string>;

data_api_command data_api_for(std::string_view text, data_api_options o = {}) {
  auto c = parse(text);
  INFO(text);
  REQUIRE(c);
  auto cmd = to_data_api(*c, o);
  INFO((cmd ? std::string() : std::string(cmd.error().message())));
  REQUIRE(cmd);
  return *cmd;
}

error data_api_error(std::string_view text) {
  auto c = parse(text);
  INFO(text);
  REQUIRE(c);
  auto cmd = to_data_api(*c);
  REQUIRE_FALSE(cmd);
  return cmd.error();
}

}  // namespace

TEST_CASE("Serverless: --workgroup-name, --database, --region") {
  data_api_command cmd =
      data_api_for("default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev");
  CHECK(cmd.serverless);
  CHECK(cmd.argv == words{"aws", "redshift-data", "execute-statement", "--workgroup-name", "default",
                          "--database", "dev", "--region", "us-east-1"});
  CHECK(cmd.command_line() ==
        "aws redshift-data execute-statement --workgroup-name default --database dev --region us-east-1");

  data_api_options o;
  o.sql = "select 'x'";
  o.region = "eu-west-1";
  cmd = data_api_for("wg.029295324148.cn-north-1.redshift-serverless.amazonaws.com.cn:5439/dev", o);
  CHECK(cmd.argv == words{"aws", "redshift-data", "execute-statement", "--workgroup-name", "wg", "--database",
                          "dev", "--region", "eu-west-1", "--sql", "select 'x'"});
  const std::string tail = " --sql 'select '\\''x'\\'''";
  CHECK(cmd.command_line().rfind(tail) == cmd.command_line().size() - tail.size());
}

TEST_CASE("Serverless through a custom host or a VPC endpoint, with the workgroup given") {
  data_api_command cmd = data_api_for(
      "jdbc:redshift:iam://analytics.example.com:5439/dev?serverlessWorkGroup=wg1&isServerless=true&"
      "Region=us-west-2");
  CHECK(cmd.argv == words{"aws", "redshift-data", "execute-statement", "--workgroup-name", "wg1",
                          "--database", "dev", "--region", "us-west-2"});
  cmd = data_api_for("jdbc:redshift:iam://redshift-serverless-wg2:us-east-2/dev");  // legacy IAM syntax
  CHECK(cmd.argv[4] == "wg2");
}

TEST_CASE("provisioned: --cluster-identifier and --db-user") {
  data_api_command cmd = data_api_for(
      "jdbc:redshift://examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com:5439/dev?user=awsuser");
  CHECK_FALSE(cmd.serverless);
  CHECK(cmd.argv == words{"aws", "redshift-data", "execute-statement", "--cluster-identifier",
                          "examplecluster", "--database", "dev", "--db-user", "awsuser", "--region",
                          "us-west-2"});
  cmd = data_api_for(
      "jdbc:redshift:iam://examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com:5439/"
      "dev?DbUser=etl&user=x");
  CHECK(cmd.argv[8] == "etl");  // DbUser is who the credentials are for
}

TEST_CASE("clear errors when the Data API cannot be reached from the connection") {
  error e = data_api_error(
      "ddi-endpoint-endpoint-k7rfausgmlzieup51zgg.123456789012.eu-west-1.redshift-serverless.amazonaws.com:"
      "5439/dev");
  CHECK(e.code == errc::vpc_endpoint_needs_workgroup);
  CHECK(e.message().find("workgroup") != std::string_view::npos);

  e = data_api_error("analytics.example.com:5439/dev");
  CHECK(e.code == errc::missing_required_field);
  CHECK(e.message().find("workgroup") != std::string_view::npos);
  CHECK(e.message().find("cluster") != std::string_view::npos);

  e = data_api_error("default.123456789012.us-east-1.redshift-serverless.amazonaws.com");
  CHECK(e.code == errc::no_database);

  e = data_api_error("host=localhost port=5439 dbname=dev");
  CHECK(e.code == errc::missing_required_field);
}
