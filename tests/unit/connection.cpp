// connection.hpp: resolve (explicit settings and host parts -> effective fields, SPEC §1 and
// §3), assign_effective, serverless_host and make_serverless_connection (partitions), and the
// model's own API: find, first_host, equality, the names of target_kind and source_form.
#include <catch2/catch_test_macros.hpp>

#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "rsconn/connection.hpp"
#include "rsconn/names.hpp"

using namespace rsconn;

namespace {

constexpr std::string_view serverless_host_name =
    "default.123456789012.us-east-1.redshift-serverless.amazonaws.com";
constexpr std::string_view china_host = "wg1.029295324148.cn-north-1.redshift-serverless.amazonaws.com.cn";
constexpr std::string_view gov_host = "wg1.123456789012.us-gov-west-1.redshift-serverless.amazonaws.com";
constexpr std::string_view account_only_host = "123456789012.us-east-2.redshift-serverless.amazonaws.com";
constexpr std::string_view serverless_vpce =
    "ddi-endpoint-endpoint-k7rfausgmlzieup51zgg.123456789012.eu-west-1.redshift-serverless.amazonaws.com";
constexpr std::string_view provisioned_host = "examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com";
constexpr std::string_view provisioned_vpce =
    "my-ep-endpoint-abcdefghij0123456789.abc123xyz789.us-west-2.redshift.amazonaws.com";
constexpr std::string_view custom_host = "analytics.example.com";

constexpr encoded_text plain(std::string_view s) { return {s, text_encoding::plain}; }
constexpr encoded_text url(std::string_view s) { return {s, text_encoding::java_url}; }

// What an effective field holds once decoded (nullopt when absent).
std::optional<std::string> value_of(const encoded_text& t) {
  return t ? std::optional<std::string>(t.decoded()) : std::nullopt;
}

effective_fields resolve_host(std::string_view host, const explicit_settings& given = {}, bool iam = false) {
  return resolve(classify_host(host), given, iam);
}

// Whether `part` is a view into `whole` (the effective fields are views, never copies).
bool points_into(const encoded_text& part, std::string_view whole) {
  return part.raw().data() >= whole.data() &&
         part.raw().data() + part.raw().size() <= whole.data() + whole.size();
}

workgroup_name wg(std::string_view s) { return workgroup_name::make(s).value(); }
account_id acct(std::string_view s) { return account_id::make(s).value(); }
region where(std::string_view s) { return region::make(s).value(); }

}  // namespace

// --- Compile-time use --------------------------------------------------------------------------

static_assert(legacy_serverless_prefix == "redshift-serverless-");
static_assert(resolve(classify_host(serverless_host_name), {}, false).target == target_kind::serverless);
static_assert(resolve(classify_host(provisioned_host), {}, false).target == target_kind::provisioned);
static_assert(resolve(classify_host(custom_host), {}, false).target == target_kind::unknown);
static_assert(resolve(host_parts{}, {plain("redshift-serverless-wg"), {}, {}, {}, {}}, true).legacy_iam);
static_assert(to_string(target_kind::serverless) == "serverless");
static_assert(to_string(source_form::libpq_uri) == "libpq-uri");

// --- resolve: what the host says ---------------------------------------------------------------

TEST_CASE("resolve: a serverless workgroup host gives its workgroup, account and region") {
  effective_fields e = resolve_host(serverless_host_name);
  CHECK(e.target == target_kind::serverless);
  CHECK_FALSE(e.legacy_iam);
  CHECK(value_of(e.workgroup) == "default");
  CHECK(value_of(e.account_id) == "123456789012");
  CHECK(value_of(e.region) == "us-east-1");
  CHECK_FALSE(e.cluster_id);
  // Views into the host, plain text (a host is never percent-decoded).
  CHECK(points_into(e.workgroup, serverless_host_name));
  CHECK(points_into(e.region, serverless_host_name));
  CHECK(e.workgroup.encoding() == text_encoding::plain);
}

TEST_CASE("resolve: China and GovCloud serverless hosts") {
  effective_fields cn = resolve_host(china_host);
  CHECK(cn.target == target_kind::serverless);
  CHECK(value_of(cn.workgroup) == "wg1");
  CHECK(value_of(cn.account_id) == "029295324148");
  CHECK(value_of(cn.region) == "cn-north-1");  // not "amazonaws" or "com" (the Python driver's misreading)

  effective_fields gov = resolve_host(gov_host);
  CHECK(gov.target == target_kind::serverless);
  CHECK(value_of(gov.workgroup) == "wg1");
  CHECK(value_of(gov.region) == "us-gov-west-1");
}

TEST_CASE("resolve: the old account-only serverless host has no workgroup") {
  effective_fields e = resolve_host(account_only_host);
  CHECK(e.target == target_kind::serverless);
  CHECK_FALSE(e.workgroup);
  CHECK(value_of(e.account_id) == "123456789012");
  CHECK(value_of(e.region) == "us-east-2");
  CHECK_FALSE(e.cluster_id);
}

TEST_CASE("resolve: a managed VPC endpoint's first label is never taken for a workgroup") {
  // SPEC §1: the drivers take "ddi-endpoint-endpoint-k7r..." for the workgroup and IAM fails.
  effective_fields e = resolve_host(serverless_vpce);
  CHECK(e.target == target_kind::serverless);
  CHECK_FALSE(e.workgroup);
  CHECK_FALSE(e.cluster_id);
  CHECK(value_of(e.account_id) == "123456789012");
  CHECK(value_of(e.region) == "eu-west-1");

  explicit_settings given;
  given.workgroup = plain("analytics");
  effective_fields named = resolve_host(serverless_vpce, given);
  CHECK(named.target == target_kind::serverless);
  CHECK(value_of(named.workgroup) == "analytics");
  CHECK(value_of(named.account_id) == "123456789012");
}

TEST_CASE("resolve: a provisioned host gives its cluster id and region, no account") {
  effective_fields e = resolve_host(provisioned_host);
  CHECK(e.target == target_kind::provisioned);
  CHECK(value_of(e.cluster_id) == "examplecluster");
  CHECK(value_of(e.region) == "us-west-2");
  CHECK_FALSE(e.account_id);  // abc123xyz789 is a unique id, not an AWS account
  CHECK_FALSE(e.workgroup);
  CHECK_FALSE(e.legacy_iam);

  effective_fields vpce = resolve_host(provisioned_vpce);
  CHECK(vpce.target == target_kind::provisioned);
  CHECK_FALSE(vpce.cluster_id);  // "my-ep-endpoint-..." names an endpoint, not a cluster
  CHECK_FALSE(vpce.account_id);
  CHECK(value_of(vpce.region) == "us-west-2");
}

TEST_CASE("resolve: a host that is not Redshift says nothing") {
  for (std::string_view host :
       {custom_host, std::string_view("localhost"), std::string_view("10.0.0.1"),
        std::string_view("wg.123456789012.us-east-1.amazonaws.com"), std::string_view()}) {
    INFO(std::string(host));
    effective_fields e = resolve_host(host);
    CHECK(e.target == target_kind::unknown);
    CHECK_FALSE(e.workgroup);
    CHECK_FALSE(e.account_id);
    CHECK_FALSE(e.region);
    CHECK_FALSE(e.cluster_id);
    CHECK_FALSE(e.legacy_iam);
  }
  effective_fields none = resolve(host_parts{}, {}, true);
  CHECK(none.target == target_kind::unknown);
  CHECK_FALSE(none.legacy_iam);
}

// --- resolve: explicit settings ----------------------------------------------------------------

TEST_CASE("resolve: explicit ClusterID, Region, serverlessWorkGroup and serverlessAcctId beat the host") {
  explicit_settings given;
  given.region = plain("us-west-2");
  given.workgroup = plain("other");
  given.account_id = plain("210987654321");
  effective_fields s = resolve_host(serverless_host_name, given);
  CHECK(s.target == target_kind::serverless);
  CHECK(value_of(s.region) == "us-west-2");
  CHECK(value_of(s.workgroup) == "other");
  CHECK(value_of(s.account_id) == "210987654321");

  explicit_settings cluster;
  cluster.cluster_id = plain("othercluster");
  cluster.region = plain("eu-west-1");
  effective_fields p = resolve_host(provisioned_host, cluster);
  CHECK(p.target == target_kind::provisioned);
  CHECK(value_of(p.cluster_id) == "othercluster");
  CHECK(value_of(p.region) == "eu-west-1");
}

TEST_CASE("resolve: explicit values are kept in their encoding and decoded on request") {
  explicit_settings given;
  given.region = url("us%2Deast-1");
  given.workgroup = url("my+wg");  // URLDecoder: '+' is a space
  effective_fields e = resolve_host(custom_host, given);
  CHECK(e.region.raw() == "us%2Deast-1");
  CHECK(e.region.encoding() == text_encoding::java_url);
  CHECK(value_of(e.region) == "us-east-1");
  CHECK(value_of(e.workgroup) == "my wg");
}

TEST_CASE("resolve: a provisioned or serverless host shape beats an explicit isServerless") {
  explicit_settings yes;
  yes.is_serverless = plain("true");
  CHECK(resolve_host(provisioned_host, yes).target == target_kind::provisioned);
  CHECK(resolve_host(provisioned_vpce, yes).target == target_kind::provisioned);

  explicit_settings no;
  no.is_serverless = plain("false");
  CHECK(resolve_host(serverless_host_name, no).target == target_kind::serverless);

  explicit_settings cluster;
  cluster.cluster_id = plain("examplecluster");
  effective_fields e = resolve_host(serverless_host_name, cluster);
  CHECK(e.target == target_kind::serverless);
  CHECK(value_of(e.cluster_id) == "examplecluster");
}

TEST_CASE("resolve: on another host, isServerless=true (any case) means Serverless") {
  // The driver: "true".equalsIgnoreCase(isServerless).
  for (encoded_text t : {plain("true"), plain("TRUE"), plain("True"), url("tru%65"), url("%54rue")}) {
    INFO(std::string(t.raw()));
    explicit_settings given;
    given.is_serverless = t;
    CHECK(resolve_host(custom_host, given).target == target_kind::serverless);
  }
  for (encoded_text t :
       {plain("false"), plain("1"), plain("yes"), plain(""), plain("true "), plain("truex")}) {
    INFO(std::string(t.raw()));
    explicit_settings given;
    given.is_serverless = t;
    CHECK(resolve_host(custom_host, given).target == target_kind::unknown);
  }
}

TEST_CASE("resolve: on another host, a cluster id means provisioned and a workgroup Serverless") {
  explicit_settings cluster;
  cluster.cluster_id = plain("examplecluster");
  CHECK(resolve_host(custom_host, cluster).target == target_kind::provisioned);

  explicit_settings workgroup;
  workgroup.workgroup = plain("default");
  CHECK(resolve_host(custom_host, workgroup).target == target_kind::serverless);

  explicit_settings both = cluster;
  both.workgroup = plain("default");
  CHECK(resolve_host(custom_host, both).target == target_kind::provisioned);

  explicit_settings flagged = cluster;  // isServerless is checked before the cluster id
  flagged.is_serverless = plain("true");
  CHECK(resolve_host(custom_host, flagged).target == target_kind::serverless);

  explicit_settings region_only;
  region_only.region = plain("us-east-1");
  effective_fields e = resolve_host(custom_host, region_only);
  CHECK(e.target == target_kind::unknown);
  CHECK(value_of(e.region) == "us-east-1");

  explicit_settings account_only;
  account_only.account_id = plain("123456789012");
  CHECK(resolve_host(custom_host, account_only).target == target_kind::unknown);
}

// --- resolve: the legacy redshift-serverless-<wg> cluster id (SPEC §3) -------------------------

TEST_CASE("resolve: cluster id redshift-serverless-<wg> is the legacy Serverless IAM syntax") {
  explicit_settings given;
  given.cluster_id = plain("redshift-serverless-default");
  given.region = plain("us-east-1");
  // The JDBC cluster-id form has no host.
  effective_fields iam = resolve(host_parts{}, given, true);
  CHECK(iam.target == target_kind::serverless);
  CHECK(iam.legacy_iam);
  CHECK(value_of(iam.workgroup) == "default");
  CHECK(value_of(iam.cluster_id) == "redshift-serverless-default");
  CHECK(value_of(iam.region) == "us-east-1");

  // Without IAM it still names a workgroup, but it is not the legacy IAM route.
  effective_fields no_iam = resolve(host_parts{}, given, false);
  CHECK(no_iam.target == target_kind::serverless);
  CHECK_FALSE(no_iam.legacy_iam);
  CHECK(value_of(no_iam.workgroup) == "default");

  // An explicit workgroup is not replaced by the one in the cluster id.
  explicit_settings with_wg = given;
  with_wg.workgroup = plain("analytics");
  CHECK(value_of(resolve(host_parts{}, with_wg, true).workgroup) == "analytics");
}

TEST_CASE("resolve: the legacy cluster id beats a provisioned host") {
  // The driver: provisioned host OR clusterId.startsWith("redshift-serverless-") take the
  // provisioned GetClusterCredentials route, which for such an id reaches a workgroup.
  explicit_settings given;
  given.cluster_id = plain("redshift-serverless-wg1");
  effective_fields e = resolve_host(provisioned_host, given, true);
  CHECK(e.target == target_kind::serverless);
  CHECK(e.legacy_iam);
  CHECK(value_of(e.workgroup) == "wg1");

  // The cluster id read from the host counts too.
  effective_fields from_host =
      resolve_host("redshift-serverless-wg2.abc123xyz789.us-west-2.redshift.amazonaws.com", {}, true);
  CHECK(from_host.target == target_kind::serverless);
  CHECK(from_host.legacy_iam);
  CHECK(value_of(from_host.workgroup) == "wg2");
  CHECK(value_of(from_host.cluster_id) == "redshift-serverless-wg2");
}

TEST_CASE("resolve: the legacy prefix is case-sensitive and must be a prefix") {
  for (std::string_view id :
       {std::string_view("Redshift-Serverless-default"), std::string_view("redshift-serverless"),
        std::string_view("redshift-serverlessdefault"), std::string_view("xredshift-serverless-default")}) {
    INFO(std::string(id));
    explicit_settings given;
    given.cluster_id = plain(id);
    effective_fields e = resolve(host_parts{}, given, true);
    CHECK(e.target == target_kind::provisioned);
    CHECK_FALSE(e.legacy_iam);
    CHECK_FALSE(e.workgroup);
  }
}

TEST_CASE("resolve: the legacy workgroup keeps the cluster id's encoding") {
  explicit_settings given;
  given.cluster_id = url("redshift-serverless-my%2Dwg");
  effective_fields e = resolve(host_parts{}, given, true);
  CHECK(e.target == target_kind::serverless);
  CHECK(e.legacy_iam);
  CHECK(e.workgroup.encoding() == text_encoding::java_url);
  CHECK(value_of(e.workgroup) == "my-wg");
}

// The JDBC driver tests the *decoded* cluster id (IamHelper: clusterId.startsWith(
// "redshift-serverless-"), SPEC §3.1), so ClusterID=redshift%2Dserverless-wg is the legacy
// Serverless syntax too. (resolve once looked only at the raw text and called it provisioned.)
TEST_CASE(
    "resolve: a legacy cluster id written with a percent escape is still legacy (as the driver decodes it)") {
  explicit_settings given;
  given.cluster_id = url("redshift%2Dserverless-wg");
  effective_fields e = resolve(host_parts{}, given, true);
  CHECK(value_of(e.cluster_id) == "redshift-serverless-wg");
  CHECK(e.target == target_kind::serverless);
  CHECK(e.legacy_iam);
  CHECK(value_of(e.workgroup) == "wg");
}

// --- assign_effective ---------------------------------------------------------------------------

TEST_CASE("assign_effective copies and decodes every effective field") {
  effective_fields e;
  e.target = target_kind::serverless;
  e.legacy_iam = true;
  e.workgroup = url("my%2Dwg");
  e.account_id = plain("123456789012");
  e.region = url("us-east-1");
  e.cluster_id = url("redshift-serverless-my%2Dwg");

  connection c;
  c.form = source_form::odbc;
  c.hosts.push_back({"h", 5440, 3, 5});
  c.database = "dev";
  c.iam = true;
  c.properties.push_back({"UID", "bob"});
  assign_effective(c, e);
  CHECK(c.target == target_kind::serverless);
  CHECK(c.legacy_iam);
  CHECK(c.workgroup == "my-wg");
  CHECK(c.account_id == "123456789012");
  CHECK(c.region == "us-east-1");
  CHECK(c.cluster_id == "redshift-serverless-my-wg");
  // Nothing else is touched.
  CHECK(c.form == source_form::odbc);
  REQUIRE(c.hosts.size() == 1);
  CHECK(c.hosts[0].host == "h");
  CHECK(c.hosts[0].port == 5440);
  CHECK(c.database == "dev");
  CHECK(c.iam);
  REQUIRE(c.properties.size() == 1);
  CHECK(c.properties[0].key == "UID");
}

TEST_CASE("assign_effective: absent fields clear the model, present empty ones stay empty strings") {
  connection c;
  c.target = target_kind::provisioned;
  c.legacy_iam = true;
  c.workgroup = "old";
  c.account_id = "old";
  c.region = "old";
  c.cluster_id = "old";

  effective_fields e;
  e.region = plain("");
  assign_effective(c, e);
  CHECK(c.target == target_kind::unknown);
  CHECK_FALSE(c.legacy_iam);
  CHECK_FALSE(c.workgroup.has_value());
  CHECK_FALSE(c.account_id.has_value());
  CHECK_FALSE(c.cluster_id.has_value());
  REQUIRE(c.region.has_value());
  CHECK(c.region->empty());
}

TEST_CASE("assign_effective after resolve: a serverless host fills the model") {
  connection c;
  c.hosts.push_back({std::string(serverless_host_name)});
  assign_effective(c, resolve(c.first_host(), {}, false));
  CHECK(c.target == target_kind::serverless);
  CHECK(c.workgroup == "default");
  CHECK(c.account_id == "123456789012");
  CHECK(c.region == "us-east-1");
  CHECK_FALSE(c.cluster_id);
}

// --- serverless_host and make_serverless_connection ---------------------------------------------

TEST_CASE("serverless_host: <workgroup>.<account>.<region>.redshift-serverless.<partition suffix>") {
  CHECK(serverless_host(wg("default"), acct("123456789012"), where("us-east-1")) == serverless_host_name);
  // China: amazonaws.com.cn (SPEC §1).
  CHECK(serverless_host(wg("wg1"), acct("029295324148"), where("cn-north-1")) == china_host);
  CHECK(serverless_host(wg("wg1"), acct("029295324148"), where("cn-northwest-1")) ==
        "wg1.029295324148.cn-northwest-1.redshift-serverless.amazonaws.com.cn");
  // GovCloud shares amazonaws.com.
  CHECK(serverless_host(wg("wg1"), acct("123456789012"), where("us-gov-west-1")) == gov_host);
  CHECK(serverless_host(wg("wg1"), acct("123456789012"), where("us-gov-east-1")) ==
        "wg1.123456789012.us-gov-east-1.redshift-serverless.amazonaws.com");
  CHECK(serverless_host(wg("my-wg-01"), acct("000000000000"), where("eu-central-2")) ==
        "my-wg-01.000000000000.eu-central-2.redshift-serverless.amazonaws.com");
}

TEST_CASE("serverless_host: what it builds classifies back into the same parts") {
  for (std::string_view r : {"us-east-1", "cn-north-1", "us-gov-west-1", "ap-southeast-7"}) {
    INFO(std::string(r));
    std::string host = serverless_host(wg("analytics"), acct("123456789012"), where(r));
    host_parts parts = classify_host(host);
    CHECK(parts.kind == host_kind::serverless);
    CHECK(parts.workgroup == "analytics");
    CHECK(parts.account == "123456789012");
    CHECK(parts.region == r);
    CHECK(parts.suffix_partition() == region::partition_of(r));
    CHECK_FALSE(parts.upper_case);
    CHECK_FALSE(parts.trailing_dot);
  }
}

TEST_CASE("make_serverless_connection: defaults") {
  connection c = make_serverless_connection(wg("default"), acct("123456789012"), where("us-east-1"));
  CHECK(c.target == target_kind::serverless);
  REQUIRE(c.hosts.size() == 1);
  CHECK(c.hosts[0].host == serverless_host_name);
  CHECK(c.hosts[0].port == 5439);
  CHECK_FALSE(c.database.has_value());
  CHECK(c.workgroup == "default");
  CHECK(c.account_id == "123456789012");
  CHECK(c.region == "us-east-1");
  CHECK_FALSE(c.cluster_id.has_value());
  CHECK_FALSE(c.iam);
  CHECK_FALSE(c.legacy_iam);
  CHECK(c.properties.empty());
  // The fields agree with what the host says.
  effective_fields e = resolve(c.first_host(), {}, false);
  CHECK(e.target == c.target);
  CHECK(value_of(e.workgroup) == c.workgroup);
  CHECK(value_of(e.account_id) == c.account_id);
  CHECK(value_of(e.region) == c.region);
}

TEST_CASE("make_serverless_connection: port, database and the China partition") {
  connection c = make_serverless_connection(wg("wg1"), acct("029295324148"), where("cn-north-1"),
                                            port::make(8191).value(), std::string("dev"));
  REQUIRE(c.hosts.size() == 1);
  CHECK(c.hosts[0].host == china_host);
  CHECK(c.hosts[0].port == 8191);
  CHECK(c.database == "dev");
  CHECK(c.region == "cn-north-1");
  CHECK(c.first_host().kind == host_kind::serverless);
  CHECK(c.first_host().dns_suffix == "amazonaws.com.cn");

  connection empty_db = make_serverless_connection(wg("wg1"), acct("123456789012"), where("us-gov-west-1"),
                                                   port(), std::string());
  REQUIRE(empty_db.database.has_value());
  CHECK(empty_db.database->empty());
  CHECK(empty_db.hosts[0].host == gov_host);
  CHECK(empty_db.first_host().suffix_partition() == partition::aws_us_gov);
}

// --- connection: find, first_host --------------------------------------------------------------

TEST_CASE("connection::find: case-insensitive, the last duplicate wins") {
  connection c;
  c.properties = {{"User", "a"}, {"ssl", "true"}, {"USER", "b"}, {"password", "p"}, {"user", "c"}, {"x", ""}};
  const property* user = c.find("user");
  REQUIRE(user != nullptr);
  CHECK(user == &c.properties[4]);
  CHECK(user->value == "c");
  CHECK(c.find("uSeR") == user);
  REQUIRE(c.find("SSL") != nullptr);
  CHECK(c.find("SSL")->value == "true");
  REQUIRE(c.find("x") != nullptr);
  CHECK(c.find("x")->value.empty());
  CHECK(c.find("pwd") == nullptr);  // an alias is another key here
  CHECK(c.find("use") == nullptr);  // no prefix match
  CHECK(c.find("users") == nullptr);
  CHECK(c.find("") == nullptr);
  CHECK(connection{}.find("user") == nullptr);

  c.properties.pop_back();
  c.properties.pop_back();
  CHECK(c.find("user") == &c.properties[2]);
  CHECK(c.find("user")->value == "b");
}

TEST_CASE("connection::first_host classifies the first host only") {
  connection none;
  host_parts empty = none.first_host();
  CHECK(empty.kind == host_kind::other);
  CHECK(empty.service == redshift_service::none);
  CHECK(empty.workgroup.empty());
  CHECK(empty.region.empty());
  CHECK_FALSE(empty.is_redshift());

  connection c;
  c.hosts.push_back({std::string(provisioned_host)});
  c.hosts.push_back({std::string(serverless_host_name)});
  host_parts first = c.first_host();
  CHECK(first.kind == host_kind::provisioned);
  CHECK(first.cluster == "examplecluster");
  // Views into the model's own host string.
  CHECK(first.cluster.data() == c.hosts[0].host.data());

  connection other;
  other.hosts.push_back({std::string(custom_host)});
  other.hosts.push_back({std::string(serverless_host_name)});
  CHECK(other.first_host().kind == host_kind::other);
}

// --- equality ----------------------------------------------------------------------------------

TEST_CASE("address: default port 5439; equality is host and port, not offsets") {
  address a;
  CHECK(a.port == 5439);
  CHECK(a.host.empty());
  CHECK(address{"h", 5439, 0, 0} == address{"h", 5439, 10, 12});
  CHECK(address{"h", 5439} != address{"h", 5440});
  CHECK(address{"h", 5439} != address{"H", 5439});  // as written: case is kept
  CHECK(address{"[::1]", 5439} != address{"::1", 5439});
  CHECK_FALSE(address{"h", 1} == address{"g", 1});
}

TEST_CASE("connection: defaults") {
  connection c;
  CHECK(c.form == source_form::jdbc);
  CHECK(c.target == target_kind::unknown);
  CHECK(c.hosts.empty());
  CHECK_FALSE(c.database);
  CHECK_FALSE(c.iam);
  CHECK_FALSE(c.legacy_iam);
  CHECK_FALSE(c.workgroup);
  CHECK_FALSE(c.account_id);
  CHECK_FALSE(c.region);
  CHECK_FALSE(c.cluster_id);
  CHECK(c.properties.empty());
  CHECK(c.database_offset == 0);
}

TEST_CASE("connection equality: every field of the value counts, offsets do not") {
  connection base = make_serverless_connection(wg("default"), acct("123456789012"), where("us-east-1"),
                                               port(), std::string("dev"));
  base.properties.push_back({"user", "bob", 40, 45});
  connection same = base;
  same.database_offset = 99;
  same.hosts[0].offset = 7;
  same.hosts[0].port_offset = 8;
  same.properties[0].offset = 1;
  same.properties[0].value_offset = 2;
  CHECK(base == same);
  CHECK_FALSE(base != same);

  auto differs = [&base](auto change) {
    connection other = base;
    change(other);
    return other != base && !(other == base);
  };
  CHECK(differs([](connection& c) { c.form = source_form::odbc; }));
  CHECK(differs([](connection& c) { c.target = target_kind::provisioned; }));
  CHECK(differs([](connection& c) { c.hosts[0].port = 5440; }));
  CHECK(differs([](connection& c) { c.hosts.push_back({"h2"}); }));
  CHECK(differs([](connection& c) { c.hosts.clear(); }));
  CHECK(differs([](connection& c) { c.database.reset(); }));
  CHECK(differs([](connection& c) { c.database = ""; }));  // named but empty is not "none"
  CHECK(differs([](connection& c) { c.iam = true; }));
  CHECK(differs([](connection& c) { c.legacy_iam = true; }));
  CHECK(differs([](connection& c) { c.workgroup = "other"; }));
  CHECK(differs([](connection& c) { c.account_id.reset(); }));
  CHECK(differs([](connection& c) { c.region = "us-east-2"; }));
  CHECK(differs([](connection& c) { c.cluster_id = "x"; }));
  CHECK(differs([](connection& c) { c.properties[0].value = "alice"; }));
  CHECK(differs([](connection& c) { c.properties[0].key = "User"; }));
  CHECK(differs([](connection& c) { c.properties.push_back({"user", "bob"}); }));  // duplicates are kept
  CHECK(differs([](connection& c) { c.properties.clear(); }));

  // Properties are ordered.
  connection ab = base, ba = base;
  ab.properties = {{"a", "1"}, {"b", "2"}};
  ba.properties = {{"b", "2"}, {"a", "1"}};
  CHECK(ab != ba);
}

// --- names ---------------------------------------------------------------------------------------

TEST_CASE("to_string(target_kind)") {
  CHECK(to_string(target_kind::unknown) == "unknown");
  CHECK(to_string(target_kind::serverless) == "serverless");
  CHECK(to_string(target_kind::provisioned) == "provisioned");
  CHECK(to_string(static_cast<target_kind>(200)) == "unknown");
}

TEST_CASE("to_string(source_form): one distinct name per form") {
  CHECK(to_string(source_form::jdbc) == "jdbc");
  CHECK(to_string(source_form::endpoint) == "endpoint");
  CHECK(to_string(source_form::host) == "host");
  CHECK(to_string(source_form::odbc) == "odbc");
  CHECK(to_string(source_form::libpq_keywords) == "libpq-keywords");
  CHECK(to_string(source_form::libpq_uri) == "libpq-uri");
  std::set<std::string_view> names;
  for (source_form f : {source_form::jdbc, source_form::endpoint, source_form::host, source_form::odbc,
                        source_form::libpq_keywords, source_form::libpq_uri})
    names.insert(to_string(f));
  CHECK(names.size() == 6);
}

TEST_CASE("each property resolves to the catalogue option its key names in the connection's driver") {
  connection c;
  c.form = source_form::jdbc;
  c.properties = {{"USER", "u"}, {"tcpKeepAlive", "true"}, {"KeepAlive", "1"}, {"bogus", "1"}};
  CHECK(c.option_of(c.properties[0]).id() == "user");
  CHECK(c.option_of(c.properties[1]).id() == "tcp_keepalive");
  CHECK_FALSE(c.option_of(c.properties[2]));  // ODBC's name: the JDBC driver does not know it
  CHECK_FALSE(c.option_of(c.properties[3]));
  c.form = source_form::odbc;
  CHECK(c.option_of(c.properties[2]).id() == "tcp_keepalive");
  CHECK_FALSE(c.option_of(c.properties[1]));
  c.form = source_form::libpq_keywords;
  c.properties = {{"keepalives", "1"}, {"KEEPALIVES", "1"}};
  CHECK(c.option_of(c.properties[0]).id() == "tcp_keepalive");
  CHECK_FALSE(c.option_of(c.properties[1]));  // libpq keywords are case-sensitive
}
