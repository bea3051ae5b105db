// Property: a connection written by to_jdbc (any style, secrets revealed) reads back as the same
// connection, with the fields the host (or an explicit property) implies; and writing is stable.
#include <catch2/catch_test_macros.hpp>

#include <optional>
#include <string>
#include <vector>

#include <rapidcheck.h>

#include "generators.hpp"
#include "rsconn/jdbc.hpp"

using namespace rsconn;
using namespace rsconn_test;

namespace {

std::string write(const connection& c, jdbc_style style) {
  jdbc_options o;
  o.style = style;
  o.reveal_secrets = true;
  auto url = to_jdbc(c, o);
  RC_ASSERT(url.has_value());
  return *url;
}

connection read(const std::string& url) {
  auto c = parse_jdbc_connection(url);
  if (!c) RC_FAIL("does not parse: " + url + " (" + std::string(to_string(c.error().code)) + " at " +
                  std::to_string(c.error().offset) + ")");
  return *c;
}

target_kind expected_target(const generated_host& h, bool workgroup_given) {
  switch (h.shape) {
    case host_shape::serverless:
    case host_shape::vpc_endpoint: return target_kind::serverless;
    case host_shape::provisioned: return target_kind::provisioned;
    case host_shape::custom: return workgroup_given ? target_kind::serverless : target_kind::unknown;
  }
  return target_kind::unknown;
}

}  // namespace

TEST_CASE("standard and IAM URLs round-trip") {
  bool ok = rc::check("parse(to_jdbc(c)) == c", [] {
    const bool iam = *rc::gen::arbitrary<bool>();
    const jdbc_style style = iam ? *rc::gen::element(jdbc_style::iam, jdbc_style::automatic) : jdbc_style::standard;
    const generated_host h = *host();

    connection c0;
    c0.iam = iam;
    std::uint32_t port_number = iam ? *rc::gen::inRange<std::uint32_t>(0, 100000)
                                    : *rc::gen::inRange<std::uint32_t>(1, 65536);
    c0.hosts.push_back({h.host, port_number});
    if (!iam) {  // the // form carries several hosts
      for (const std::string& extra : *rc::gen::container<std::vector<std::string>>(
               rc::gen::element<std::string>("[::1]", "10.0.0.1", "backup.example.com")))
        c0.hosts.push_back({extra, *rc::gen::inRange<std::uint32_t>(1, 65536)});
    }
    if (*rc::gen::arbitrary<bool>() || !iam) {
      if (*rc::gen::arbitrary<bool>()) c0.database = *hostile_text();
      else c0.database = "dev";
    }
    c0.properties = *properties(hostile_text());
    std::optional<std::string> override_workgroup;
    if (*rc::gen::arbitrary<bool>()) {
      override_workgroup = *workgroup();
      c0.properties.push_back({"serverlessWorkGroup", *override_workgroup});
    }

    const std::string url1 = write(c0, style);
    RC_LOG() << url1 << "\n";
    const connection c1 = read(url1);

    // What the URL says.
    RC_ASSERT(c1.form == source_form::jdbc);
    RC_ASSERT(c1.hosts == c0.hosts);
    RC_ASSERT(c1.database == c0.database);
    RC_ASSERT(c1.properties == c0.properties);
    RC_ASSERT(c1.iam == iam);
    RC_ASSERT_FALSE(c1.legacy_iam);
    // What the host implies, overridden by an explicit property.
    RC_ASSERT(c1.workgroup == (override_workgroup ? override_workgroup : h.workgroup));
    RC_ASSERT(c1.account_id == h.account);
    RC_ASSERT(c1.region == h.region);
    RC_ASSERT(c1.cluster_id == h.cluster);
    RC_ASSERT(c1.target == expected_target(h, override_workgroup.has_value()));

    // Writing the parsed model gives the same URL, which reads back as the same model.
    const std::string url2 = write(c1, style);
    RC_ASSERT(url2 == url1);
    RC_ASSERT(read(url2) == c1);
  });
  REQUIRE(ok);
}

TEST_CASE("legacy Serverless IAM URLs round-trip") {
  bool ok = rc::check("legacy parse(to_jdbc(c)) == c", [] {
    const std::string wg = *workgroup();
    const std::string region = *region_code();
    connection c0;
    c0.workgroup = wg;
    c0.region = region;
    if (*rc::gen::arbitrary<bool>()) c0.database = *hostile_text();
    c0.properties = *properties(hostile_text());

    const std::string url1 = write(c0, jdbc_style::legacy_iam);
    RC_LOG() << url1 << "\n";
    RC_ASSERT(url1.rfind("jdbc:redshift:iam://redshift-serverless-" + wg + ":" + region, 0) == 0);
    const connection c1 = read(url1);
    RC_ASSERT(c1.legacy_iam);
    RC_ASSERT(c1.iam);
    RC_ASSERT(c1.target == target_kind::serverless);
    RC_ASSERT(c1.workgroup == std::optional<std::string>(wg));
    RC_ASSERT(c1.region == std::optional<std::string>(region));
    RC_ASSERT(c1.cluster_id == std::optional<std::string>("redshift-serverless-" + wg));
    RC_ASSERT_FALSE(c1.account_id.has_value());
    RC_ASSERT(c1.hosts.empty());
    RC_ASSERT(c1.database == c0.database);
    RC_ASSERT(c1.properties == c0.properties);

    RC_ASSERT(write(c1, jdbc_style::automatic) == url1);
    RC_ASSERT(read(write(c1, jdbc_style::legacy_iam)) == c1);
  });
  REQUIRE(ok);
}

TEST_CASE("a serverless connection converts between styles without losing its fields") {
  bool ok = rc::check("standard -> iam -> legacy keep workgroup, region, database", [] {
    const std::string wg = *workgroup();
    const std::string account_text = *account();
    const std::string region = *region_code();
    const std::string host_name =
        wg + "." + account_text + "." + region + ".redshift-serverless." + suffix_for(region);
    connection c0;
    c0.hosts.push_back({host_name, *rc::gen::inRange<std::uint32_t>(1, 65536)});
    c0.database = *hostile_text();
    const connection standard = read(write(c0, jdbc_style::standard));
    const connection iam = read(write(standard, jdbc_style::iam));
    const connection legacy = read(write(iam, jdbc_style::legacy_iam));
    for (const connection* c : {&standard, &iam, &legacy}) {
      RC_ASSERT(c->target == target_kind::serverless);
      RC_ASSERT(c->workgroup == std::optional<std::string>(wg));
      RC_ASSERT(c->region == std::optional<std::string>(region));
      RC_ASSERT(c->database == c0.database);
    }
    RC_ASSERT(iam.iam);
    RC_ASSERT(iam.hosts == standard.hosts);
    RC_ASSERT(iam.account_id == std::optional<std::string>(account_text));
    RC_ASSERT(legacy.legacy_iam);
  });
  REQUIRE(ok);
}

TEST_CASE("any URL the parser accepts is written back to an equal connection") {
  bool ok = rc::check("parse(to_jdbc(parse(url))) == parse(url)", [] {
    const std::vector<std::string> pieces = {
        "jdbc:redshift:", "//", "iam:", "iam://", "IAM:", "h", "default.123456789012.us-east-1.redshift-serverless.amazonaws.com",
        "examplecluster.abc.us-west-2.redshift.amazonaws.com", "redshift-serverless-wg1", ":", "5439", "0", "+1", "us-east-1",
        "/", "dev", "?", ";", "&", "=", ",", "[::1]", "%41", "%2B", "+", "%C3%A9", "host", "port", "dbname", "iamauth",
        "true", "ClusterID", "Region", "serverlessWorkGroup", "serverlessAcctId", "isServerless", "password", "x"};
    std::string url = "jdbc:redshift:";
    for (const std::string& p : *rc::gen::container<std::vector<std::string>>(rc::gen::elementOf(pieces))) url += p;
    auto c = parse_jdbc_connection(url);
    RC_PRE(c.has_value());
    RC_LOG() << url << "\n";
    jdbc_options o;
    o.reveal_secrets = true;
    auto written = to_jdbc(*c, o);
    RC_PRE(written.has_value());  // some models no URL can carry (to_jdbc says why)
    RC_LOG() << *written << "\n";
    auto back = parse_jdbc_connection(*written);
    RC_ASSERT(back.has_value());
    RC_ASSERT(*back == *c);
  });
  REQUIRE(ok);
}
