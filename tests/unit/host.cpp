// Host classification (classify_host) and the drivers' own reading (driver_reading).
#include <catch2/catch_test_macros.hpp>

#include <string>

#include "rsconn/host.hpp"

using namespace rsconn;

TEST_CASE("serverless workgroup endpoint (SPEC §1 example)") {
  constexpr std::string_view host = "default.123456789012.us-east-1.redshift-serverless.amazonaws.com";
  host_parts p = classify_host(host);
  CHECK(p.kind == host_kind::serverless);
  CHECK(p.service == redshift_service::serverless);
  CHECK(p.is_redshift());
  CHECK(p.workgroup == "default");
  CHECK(p.account == "123456789012");
  CHECK(p.region == "us-east-1");
  CHECK(p.dns_suffix == "amazonaws.com");
  CHECK(p.suffix_partition() == partition::aws);
  CHECK(p.cluster.empty());
  CHECK(p.endpoint_name.empty());
  CHECK_FALSE(p.dev_service);
  CHECK_FALSE(p.trailing_dot);
  CHECK_FALSE(p.upper_case);
  // The parts are views into the host as written.
  CHECK(p.workgroup.data() == host.data());
  static_assert(classify_host("default.123456789012.us-east-1.redshift-serverless.amazonaws.com").kind ==
                host_kind::serverless);
}

TEST_CASE("serverless in China") {
  host_parts p = classify_host("wg.029295324148.cn-north-1.redshift-serverless.amazonaws.com.cn");
  CHECK(p.kind == host_kind::serverless);
  CHECK(p.workgroup == "wg");
  CHECK(p.account == "029295324148");
  CHECK(p.region == "cn-north-1");
  CHECK(p.dns_suffix == "amazonaws.com.cn");
  CHECK(p.suffix_partition() == partition::aws_cn);
}

TEST_CASE("GovCloud shares amazonaws.com but is its own partition") {
  host_parts p = classify_host("wg.123456789012.us-gov-west-1.redshift-serverless.amazonaws.com");
  CHECK(p.kind == host_kind::serverless);
  CHECK(p.region == "us-gov-west-1");
  CHECK(p.suffix_partition() == partition::aws_us_gov);
}

TEST_CASE("account-only serverless form") {
  host_parts p = classify_host("123456789012.us-east-2.redshift-serverless.amazonaws.com");
  CHECK(p.kind == host_kind::serverless);
  CHECK(p.workgroup.empty());
  CHECK(p.account == "123456789012");
  CHECK(p.region == "us-east-2");
}

TEST_CASE("Redshift-managed VPC endpoint never yields a workgroup") {
  host_parts p =
      classify_host("ddi-endpoint-endpoint-k7rfausgmlzieup51zgg.123456789012.eu-west-1.redshift-serverless.amazonaws.com");
  CHECK(p.kind == host_kind::vpc_endpoint);
  CHECK(p.service == redshift_service::serverless);
  CHECK(p.endpoint_name == "ddi-endpoint");
  CHECK(p.endpoint_id == "k7rfausgmlzieup51zgg");
  CHECK(p.workgroup.empty());
  CHECK(p.account == "123456789012");
  CHECK(p.region == "eu-west-1");
  CHECK(to_string(p.kind) == "vpc-endpoint");

  host_parts prov = classify_host("my-ep-endpoint-abcdefghij0123456789.abc123xyz789.us-west-2.redshift.amazonaws.com");
  CHECK(prov.kind == host_kind::vpc_endpoint);
  CHECK(prov.service == redshift_service::provisioned);
  CHECK(prov.endpoint_name == "my-ep");
  CHECK(prov.cluster.empty());
  CHECK(prov.cluster_suffix == "abc123xyz789");

  // 19 characters after "-endpoint-" is not the managed-endpoint shape: an ordinary workgroup.
  host_parts short_id = classify_host("x-endpoint-abcdefghij012345678.123456789012.eu-west-1.redshift-serverless.amazonaws.com");
  CHECK(short_id.kind == host_kind::serverless);
  CHECK(short_id.workgroup == "x-endpoint-abcdefghij012345678");
}

TEST_CASE("provisioned cluster endpoint") {
  host_parts p = classify_host("examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com");
  CHECK(p.kind == host_kind::provisioned);
  CHECK(p.service == redshift_service::provisioned);
  CHECK(p.cluster == "examplecluster");
  CHECK(p.cluster_suffix == "abc123xyz789");
  CHECK(p.region == "us-west-2");
  CHECK(p.workgroup.empty());
  CHECK(p.account.empty());
  CHECK(to_string(p.kind) == "provisioned");
  // Two labels before "redshift" is not a cluster endpoint.
  CHECK(classify_host("abc123xyz789.us-west-2.redshift.amazonaws.com").kind == host_kind::other);
}

TEST_CASE("AWS-internal -dev service labels") {
  host_parts s = classify_host("wg.123456789012.us-east-2.redshift-serverless-dev.amazonaws.com");
  CHECK(s.kind == host_kind::serverless);
  CHECK(s.dev_service);
  CHECK(s.region == "us-east-2");
  CHECK(s.account == "123456789012");
  host_parts p = classify_host("c1.abc.us-east-1.redshift-dev.amazonaws.com");
  CHECK(p.kind == host_kind::provisioned);
  CHECK(p.dev_service);
  CHECK(p.region == "us-east-1");
}

TEST_CASE("trailing dot and upper case") {
  host_parts dot = classify_host("default.123456789012.us-east-1.redshift-serverless.amazonaws.com.");
  CHECK(dot.kind == host_kind::serverless);
  CHECK(dot.trailing_dot);
  CHECK(dot.workgroup == "default");
  CHECK(dot.dns_suffix == "amazonaws.com");
  CHECK(classify_host("default.123456789012.us-east-1.redshift-serverless.amazonaws.com..").kind == host_kind::other);

  host_parts upper = classify_host("Default.123456789012.US-EAST-1.Redshift-Serverless.AmazonAWS.com");
  CHECK(upper.kind == host_kind::serverless);
  CHECK(upper.upper_case);
  CHECK(upper.workgroup == "Default");  // as written
  CHECK(upper.region == "US-EAST-1");
}

TEST_CASE("anything else is other") {
  for (const char* host :
       {"analytics.example.com", "my-nlb-1234.elb.us-east-1.amazonaws.com",
        "vpce-0123456789abcdef-abcd.vpce-svc-0123.us-east-1.vpce.amazonaws.com", "10.0.0.1", "localhost", "[::1]",
        "", "redshift.amazonaws.com", "redshift-serverless.amazonaws.com", "us-east-1.redshift.amazonaws.com",
        "wg.123456789012.us-east-1.amazonaws.com", "a.b.c.d.redshift.amazonaws.com",
        "x.y.us-east-1xredshift.amazonaws.com", "wg.123456789012.us-east-1.redshift-serverless.amazonaws.comevil.example",
        "wg..us-east-1.redshift-serverless.amazonaws.com", "amazonaws.com"}) {
    INFO(host);
    host_parts p = classify_host(host);
    CHECK(p.kind == host_kind::other);
    CHECK_FALSE(p.is_redshift());
    CHECK(p.workgroup.empty());
    CHECK(p.cluster.empty());
  }
  CHECK(to_string(host_kind::other) == "other");
  CHECK(to_string(host_kind::serverless) == "serverless");
}

TEST_CASE("driver_reading reads well-formed hosts like rsconn") {
  driver_host_reading s = driver_reading("default.123456789012.us-east-1.redshift-serverless.amazonaws.com");
  CHECK(s.service == redshift_service::serverless);
  CHECK(s.first == "default");
  CHECK(s.second == "123456789012");
  CHECK(s.region == "us-east-1");
  driver_host_reading p = driver_reading("examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com");
  CHECK(p.service == redshift_service::provisioned);
  CHECK(p.first == "examplecluster");
  CHECK(p.second == "abc123xyz789");
  CHECK(p.region == "us-west-2");
  driver_host_reading cn = driver_reading("wg.029295324148.cn-north-1.redshift-serverless.amazonaws.com.cn");
  CHECK(cn.service == redshift_service::serverless);
  CHECK(cn.region == "cn-north-1");
  CHECK(driver_reading("analytics.example.com").service == redshift_service::none);
}

TEST_CASE("driver defect: the '.' before redshift is unescaped") {
  constexpr std::string_view host = "x.y.us-east-1xredshift.amazonaws.com";
  CHECK(classify_host(host).kind == host_kind::other);
  driver_host_reading d = driver_reading(host);
  CHECK(d.service == redshift_service::provisioned);
  CHECK(d.first == "x");
  CHECK(d.second == "y");
  CHECK(d.region == "us-east-1");
}

TEST_CASE("driver defect: any tail after amazonaws.com") {
  constexpr std::string_view host = "wg.123456789012.us-east-1.redshift-serverless.amazonaws.comevil.example";
  CHECK(classify_host(host).kind == host_kind::other);
  driver_host_reading d = driver_reading(host);
  CHECK(d.service == redshift_service::serverless);
  CHECK(d.first == "wg");
  CHECK(d.second == "123456789012");
  CHECK(d.region == "us-east-1");
}

TEST_CASE("driver defect: greedy groups") {
  constexpr std::string_view host = "a.b.c.d.redshift.amazonaws.com";
  CHECK(classify_host(host).kind == host_kind::other);
  driver_host_reading d = driver_reading(host);
  CHECK(d.service == redshift_service::provisioned);
  CHECK(d.first == "a.b");
  CHECK(d.second == "c");
  CHECK(d.region == "d");
}

TEST_CASE("driver defect: a VPC endpoint's first label read as the workgroup") {
  constexpr std::string_view host =
      "ddi-endpoint-endpoint-k7rfausgmlzieup51zgg.123456789012.eu-west-1.redshift-serverless.amazonaws.com";
  CHECK(classify_host(host).workgroup.empty());
  driver_host_reading d = driver_reading(host);
  CHECK(d.service == redshift_service::serverless);
  CHECK(d.first == "ddi-endpoint-endpoint-k7rfausgmlzieup51zgg");
}

TEST_CASE("driver matching is case-sensitive; rsconn's is not") {
  constexpr std::string_view host = "wg.123456789012.us-east-1.REDSHIFT-SERVERLESS.AMAZONAWS.COM";
  CHECK(classify_host(host).kind == host_kind::serverless);
  CHECK(driver_reading(host).service == redshift_service::none);
  // Java's '.' does not match a line terminator.
  CHECK(driver_reading("x.y.us-east-1\nredshift.amazonaws.com").service == redshift_service::none);
}
