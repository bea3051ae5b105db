// The console's endpoint form (HOST:PORT/DB), bare hosts, and detect.hpp's rsconn::parse.
#include <catch2/catch_test_macros.hpp>

#include <string>
#include <string_view>

#include "rsconn/detect.hpp"
#include "rsconn/endpoint.hpp"

using namespace rsconn;

namespace {
error endpoint_error(std::string_view text) {
  auto v = parse_endpoint(text);
  INFO(text);
  REQUIRE_FALSE(v.has_value());
  return v.error();
}
}  // namespace

TEST_CASE("console endpoint of a serverless workgroup") {
  constexpr std::string_view text = "default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev";
  auto v = parse_endpoint(text);
  REQUIRE(v);
  CHECK(v->host == "default.123456789012.us-east-1.redshift-serverless.amazonaws.com");
  CHECK(v->port.number() == 5439);
  CHECK(v->port_written);
  CHECK(v->database_written);
  CHECK(v->database == "dev");
  CHECK(v->port_offset == text.find("5439"));
  CHECK(v->database_offset == text.size() - 3);
  CHECK(v->parts.kind == host_kind::serverless);
  CHECK(v->effective.target == target_kind::serverless);

  auto c = parse_endpoint_connection(text);
  REQUIRE(c);
  CHECK(c->form == source_form::endpoint);
  CHECK(c->target == target_kind::serverless);
  REQUIRE(c->hosts.size() == 1);
  CHECK(c->hosts[0] == address{"default.123456789012.us-east-1.redshift-serverless.amazonaws.com", 5439});
  CHECK(c->database == "dev");
  CHECK(c->workgroup == "default");
  CHECK(c->account_id == "123456789012");
  CHECK(c->region == "us-east-1");
  CHECK_FALSE(c->cluster_id);
  CHECK_FALSE(c->iam);
  CHECK(c->properties.empty());
}

TEST_CASE("endpoint parts are optional") {
  auto no_db = parse_endpoint("examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com:8191");
  REQUIRE(no_db);
  CHECK(no_db->port.number() == 8191);
  CHECK_FALSE(no_db->database_written);
  auto c = to_connection(*no_db);
  CHECK(c.target == target_kind::provisioned);
  CHECK(c.cluster_id == "examplecluster");
  CHECK(c.region == "us-west-2");
  CHECK_FALSE(c.database);

  auto no_port = parse_endpoint("h.example.com/dev");
  REQUIRE(no_port);
  CHECK_FALSE(no_port->port_written);
  CHECK(no_port->port.number() == 5439);
  CHECK(no_port->database == "dev");

  auto empty_db = parse_endpoint("h:5439/");
  REQUIRE(empty_db);
  CHECK(empty_db->database_written);
  CHECK(empty_db->database.empty());
  CHECK(to_connection(*empty_db).database == "");

  auto bare = parse_endpoint_connection("h.example.com");
  REQUIRE(bare);
  CHECK(bare->form == source_form::host);
  CHECK(bare->target == target_kind::unknown);
}

TEST_CASE("endpoint IPv6 and database with spaces (plain text, not decoded)") {
  auto v = parse_endpoint("[fe80::1%eth0]:5439/my db%20x");
  REQUIRE(v);
  CHECK(v->host == "[fe80::1%eth0]");
  CHECK(v->database == "my db%20x");
  CHECK(endpoint_error("[::1").code == errc::unclosed_bracket);
  CHECK(endpoint_error("[::1]x").code == errc::invalid_host_name);
}

TEST_CASE("endpoint errors carry the offset of the bad byte") {
  CHECK(endpoint_error("").code == errc::empty_input);
  error e = endpoint_error(":5439/dev");
  CHECK(e.code == errc::empty_host);
  CHECK(e.offset == 0);
  e = endpoint_error("h:0/dev");
  CHECK(e.code == errc::invalid_port);
  CHECK(e.offset == 2);
  e = endpoint_error("h:65536/dev");
  CHECK(e.code == errc::invalid_port);
  CHECK(e.offset == 6);
  e = endpoint_error("h:54a9");
  CHECK(e.code == errc::invalid_port);
  CHECK(e.offset == 4);
  e = endpoint_error("h:/dev");
  CHECK(e.code == errc::invalid_port);
  e = endpoint_error("ho st:5439");
  CHECK(e.code == errc::invalid_host_name);
  CHECK(e.offset == 2);
  e = endpoint_error("h:5439/de\nv");
  CHECK(e.code == errc::invalid_database_name);
  CHECK(e.offset == 9);
  CHECK(endpoint_error(std::string(max_input_length + 1, 'a')).code == errc::input_too_long);
}

TEST_CASE("parse_host refuses a port or a database") {
  auto ok = parse_host("default.123456789012.us-east-1.redshift-serverless.amazonaws.com");
  REQUIRE(ok);
  CHECK(ok->parts.workgroup == "default");
  auto e = parse_host("h:5439");
  REQUIRE_FALSE(e);
  CHECK(e.error().code == errc::invalid_host_name);
  CHECK(e.error().offset == 1);
  CHECK_FALSE(parse_host("h/dev"));
}

TEST_CASE("to_endpoint and to_host") {
  auto c = parse_endpoint_connection("default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev");
  REQUIRE(c);
  CHECK(to_endpoint(*c).value() == "default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev");
  CHECK(to_host(*c).value() == "default.123456789012.us-east-1.redshift-serverless.amazonaws.com");

  connection no_db;
  no_db.hosts.push_back({"h", 8191});
  CHECK(to_endpoint(no_db).value() == "h:8191");

  connection none;
  CHECK(to_endpoint(none).error().code == errc::missing_required_field);
  CHECK(to_host(none).error().code == errc::missing_required_field);

  connection two;
  two.hosts = {{"a", 5439}, {"b", 5439}};
  CHECK(to_endpoint(two).error().code == errc::unrepresentable_value);

  connection zero;
  zero.hosts.push_back({"h", 0});
  CHECK(to_endpoint(zero).error().code == errc::invalid_port);
  connection big;
  big.hosts.push_back({"h", 99999});
  CHECK(to_endpoint(big).error().code == errc::invalid_port);

  connection odd_host;
  odd_host.hosts.push_back({"h/x", 5439});
  CHECK(to_endpoint(odd_host).error().code == errc::unrepresentable_value);

  connection control_db;
  control_db.hosts.push_back({"h", 5439});
  control_db.database = "a\tb";
  CHECK(to_endpoint(control_db).error().code == errc::unrepresentable_value);
}

TEST_CASE("detect_form") {
  CHECK(detect_form("jdbc:redshift://h/dev") == source_form::jdbc);
  CHECK(detect_form("JDBC:redshift://h/dev") == source_form::jdbc);
  CHECK(detect_form("h:5439/dev") == source_form::endpoint);
  CHECK(detect_form("h/dev") == source_form::endpoint);
  CHECK(detect_form("[::1]") == source_form::endpoint);
  CHECK(detect_form("h.example.com") == source_form::host);
}

TEST_CASE("rsconn::parse reads any form") {
  auto j = parse("jdbc:redshift:iam://default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev");
  REQUIRE(j);
  CHECK(j->form == source_form::jdbc);
  CHECK(j->iam);
  CHECK(j->workgroup == "default");

  auto e = parse("default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev");
  REQUIRE(e);
  CHECK(e->form == source_form::endpoint);
  CHECK(e->database == "dev");
  CHECK(e->workgroup == "default");

  auto h = parse("examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com");
  REQUIRE(h);
  CHECK(h->form == source_form::host);
  CHECK(h->cluster_id == "examplecluster");
  CHECK(h->target == target_kind::provisioned);

  auto upper = parse("JDBC:redshift://h:5439/dev");
  REQUIRE_FALSE(upper);
  CHECK(upper.error().code == errc::not_jdbc_url);

  auto url = parse("mysql://user@h:3306/dev");
  REQUIRE_FALSE(url);
  CHECK(url.error().code == errc::unrecognized_form);
  CHECK(url.error().offset == 5);
  CHECK(url.error().message().find("jdbc:redshift:") != std::string_view::npos);

  auto missing = parse("jdbc:redshift://h:5439");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == errc::missing_database_path);

  CHECK(parse("").error().code == errc::empty_input);
  CHECK(parse("h:99999").error().code == errc::invalid_port);
}
