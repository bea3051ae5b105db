// SQLAlchemy URLs of sqlalchemy-redshift: parse_sqlalchemy, sqlalchemy_notes and to_sqlalchemy,
// against the reading of SQLAlchemy's make_url and the dialects' create_connect_args described
// in rsconn/sqlalchemy.hpp. tests/cli/sqlalchemy_consumer.py has the real make_url read the
// written URLs back.
#include <catch2/catch_test_macros.hpp>

#include <string>
#include <string_view>

#include "rsconn/detect.hpp"
#include "rsconn/jdbc.hpp"
#include "rsconn/libpq.hpp"
#include "rsconn/sqlalchemy.hpp"

using namespace rsconn;

namespace {

connection parsed(std::string_view text) {
  auto c = parse_sqlalchemy(text);
  INFO(std::string(text));
  if (!c) INFO(std::string(c.error().message()));
  REQUIRE(c.has_value());
  return *c;
}

error refused(std::string_view text) {
  auto c = parse_sqlalchemy(text);
  INFO(std::string(text));
  REQUIRE_FALSE(c.has_value());
  return c.error();
}

std::string value_of(const connection& c, std::string_view key) {
  const property* p = c.find(key);
  INFO(std::string(key));
  REQUIRE(p != nullptr);
  return p->value;
}

std::string written(const connection& c, sqlalchemy_options options = {}) {
  options.reveal_secrets = true;
  auto url = to_sqlalchemy(c, options);
  if (!url) INFO(std::string(url.error().message()));
  REQUIRE(url.has_value());
  return *url;
}

}  // namespace

TEST_CASE("the scheme picks the dialect and the driver whose names the query holds") {
  connection rc = parsed("redshift+redshift_connector://u:p@h.example.com:5439/dev?cluster_identifier=c1&region=us-west-2");
  CHECK(rc.form == source_form::sqlalchemy_redshift_connector);
  CHECK(driver_of(rc.form) == driver::python);
  CHECK(rc.cluster_id == "c1");
  CHECK(rc.region == "us-west-2");
  CHECK(rc.target == target_kind::provisioned);

  connection pg = parsed("redshift+psycopg2://u@h/dev?sslrootcert=%2Froot.crt");
  CHECK(pg.form == source_form::sqlalchemy_psycopg2);
  CHECK(driver_of(pg.form) == driver::libpq);
  CHECK(value_of(pg, "sslrootcert") == "/root.crt");
  // Without a port libpq uses 5432, redshift_connector 5439.
  CHECK(pg.hosts.at(0).port == 5432);
  CHECK(parsed("redshift+redshift_connector://h").hosts.at(0).port == 5439);

  CHECK(parsed("redshift://u@h:5439/dev").form == source_form::sqlalchemy_psycopg2);
  for (std::string_view bad : {"Redshift://h/dev", "redshift+pg8000://h/dev", "postgresql://h/dev", "redshift:/h"})
    CHECK(refused(bad).code == errc::invalid_uri);
}

TEST_CASE("the authority splits as SQLAlchemy's regular expression does") {
  // A ':' after the user and an '@' anywhere after it: the password runs to the first '@'.
  connection c = parsed("redshift+psycopg2://us%40er:p/w?x@h:5439/dev");
  CHECK(value_of(c, "user") == "us@er");
  CHECK(value_of(c, "password") == "p/w?x");
  CHECK(c.hosts.at(0).host == "h");
  // No password: the user runs to the last '@' before ':' or '/'.
  connection u = parsed("redshift+psycopg2://a@b@h:5439/dev");
  CHECK(value_of(u, "user") == "a@b");
  CHECK(u.hosts.at(0).host == "h");
  // unquote keeps '+' (only the query reads it as a space); an empty user is left out.
  connection plus = parsed("redshift+psycopg2://:a+b%2B@h/dev");
  CHECK(value_of(plus, "password") == "a+b+");
  CHECK(plus.find("user") == nullptr);
  // The host and the database are taken as written.
  connection raw = parsed("redshift+psycopg2://h%41:1/d%41");
  CHECK(raw.hosts.at(0).host == "h%41");
  CHECK(raw.database == "d%41");
  CHECK(parsed("redshift+psycopg2://[::1]:5439/dev").hosts.at(0).host == "[::1]");
  CHECK(refused("redshift+psycopg2://[::1").code == errc::unclosed_bracket);
  CHECK(refused("redshift+psycopg2://[::1]x/dev").offset == 25);
  CHECK(refused("redshift+psycopg2://h:54a9/dev").code == errc::invalid_port);
  CHECK(parsed("redshift+psycopg2://h:/dev").hosts.at(0).port == 5432);  // an empty port is none
}

TEST_CASE("the query is read as parse_qsl reads it, and what it drops or lists is refused") {
  connection c = parsed("redshift+psycopg2://h/dev?application_name=a+b%26c&options=-c%20x%3Dy");
  CHECK(value_of(c, "application_name") == "a b&c");
  CHECK(value_of(c, "options") == "-c x=y");
  CHECK(c.find("options")->offset == 51);
  CHECK(refused("redshift+psycopg2://h/dev?application_name=").code == errc::unrepresentable_value);
  CHECK(refused("redshift+psycopg2://h/dev?application_name").code == errc::missing_equals);
  CHECK(refused("redshift+psycopg2://h/dev?=x").code == errc::empty_key);
  // A '%' without two hex digits stays as it is (Python's unquote); an escaped byte that is not
  // UTF-8 would become U+FFFD, and is refused.
  CHECK(value_of(parsed("redshift+psycopg2://h/dev?a=%zz%2%"), "a") == "%zz%2%");
  CHECK(value_of(parsed("redshift+psycopg2://%zz%2B:%@h/dev"), "user") == "%zz+");
  CHECK(refused("redshift+psycopg2://h/dev?a=%ff").code == errc::invalid_character);
  CHECK(refused("redshift+psycopg2://h/dev?a=1\nb=2").offset == 29);
  CHECK(refused("redshift+psycopg2://h/dev?sslmode=require&sslmode=disable").code == errc::duplicate_property);
  CHECK(refused("redshift+psycopg2://h/dev?host=h2").code == errc::unrepresentable_value);
  CHECK(refused("redshift+psycopg2://h/dev?dbname=x").code == errc::conflicting_property);
  CHECK(refused("redshift+psycopg2://u@h/dev?user=v").code == errc::conflicting_property);
  CHECK(parsed("redshift+psycopg2://h?dbname=a%2Fb%3Fc").database == "a/b?c");
  CHECK(parsed("redshift+redshift_connector://h?database=x").database == "x");
}

TEST_CASE("redshift_connector gets every query value as a str, so booleans and numbers are refused") {
  for (std::string_view text : {"redshift+redshift_connector://h/dev?iam=True", "redshift+redshift_connector://h/dev?ssl=False",
                                "redshift+redshift_connector://h/dev?timeout=10"}) {
    error e = refused(text);
    CHECK(e.code == errc::invalid_option_value);
    CHECK(std::string(e.message()).find("connect_args") != std::string::npos);
  }
  // A repeated list option is a Python list; one value would be a str.
  connection groups = parsed("redshift+redshift_connector://h/dev?db_groups=a&db_groups=b%2Bc");
  CHECK(value_of(groups, "db_groups") == "a,b+c");
  CHECK(refused("redshift+redshift_connector://h/dev?db_groups=a").code == errc::invalid_option_value);
  CHECK(refused("redshift+redshift_connector://h/dev?db_groups=a%2Cb&db_groups=c").code == errc::invalid_option_value);
}

TEST_CASE("parse reports the defaults the dialects add, and the Airflow reading of redshift://") {
  std::string_view text = "redshift://u@h/dev";
  auto notes = sqlalchemy_notes(parsed(text), text);
  REQUIRE(notes.size() == 3);
  CHECK(notes[0].code == errc::form_default);
  CHECK(notes[0].message.find("sslmode=verify-full") != std::string::npos);
  CHECK(notes[1].message.find("sslrootcert") != std::string::npos);
  CHECK(notes[2].code == errc::ambiguous_form);
  CHECK(sqlalchemy_notes(parsed("redshift+psycopg2://h/dev?sslmode=verify-ca&sslrootcert=x")).empty());
  auto rc = sqlalchemy_notes(parsed("redshift+redshift_connector://h/dev"));
  REQUIRE(rc.size() == 3);
  CHECK(rc[1].message.find("ssl=True") != std::string::npos);
  CHECK(rc[2].message.find("application_name=sqlalchemy-redshift") != std::string::npos);
  // And the effective TLS of a URL that states none is the dialects' verify-full.
  CHECK(effective_tls(parsed("redshift+psycopg2://h/dev")).mode == tls_mode::verify_full);
  CHECK(effective_tls(parsed("redshift+psycopg2://h/dev?sslmode=require")).mode == tls_mode::require);
  CHECK(effective_tls(parsed("redshift+redshift_connector://h/dev?sslmode=verify-ca")).mode == tls_mode::verify_ca);
}

TEST_CASE("written URLs read back as the model, hostile values included") {
  const std::string hostile = "p@ss:w/rd?#&=+%20 $(id) `x` \"q\" 'q' \\ \xC3\xA9\xE2\x82\xAC";
  for (sqlalchemy_dialect d : {sqlalchemy_dialect::redshift_connector, sqlalchemy_dialect::psycopg2}) {
    connection c;
    c.form = form_of(d);
    c.hosts.push_back({"h.example.com", 5439});
    c.database = "d b/%?";
    c.properties.push_back({"user", hostile});
    c.properties.push_back({"password", hostile});
    c.properties.push_back({"application_name", hostile});
    std::string url = written(c);
    INFO(url);
    CHECK(url.find(' ') == std::string::npos);
    CHECK(url.find('\'') == std::string::npos);
    connection back = parsed(url);
    c.target = back.target;
    CHECK(back == c);
    // Redacted, the password is ***.
    auto shown = to_sqlalchemy(c);
    REQUIRE(shown.has_value());
    CHECK(shown->find(":***@") != std::string::npos);
  }
  connection path_db;
  path_db.form = source_form::sqlalchemy_psycopg2;
  path_db.hosts.push_back({"[::1]", 5439});
  path_db.database = "dev";
  CHECK(written(path_db) == "redshift+psycopg2://[::1]:5439/dev");
}

TEST_CASE("conversions translate keys into the dialect's driver and write TLS from the mode") {
  auto jdbc = parse_jdbc_connection(
      "jdbc:redshift://c1.abc.us-east-1.redshift.amazonaws.com:5439/dev?user=bob&password=a%2Bb&ApplicationName=app&"
      "sslmode=verify-ca");
  REQUIRE(jdbc.has_value());
  CHECK(written(*jdbc) ==
        "redshift+redshift_connector://bob:a%2Bb@c1.abc.us-east-1.redshift.amazonaws.com:5439/dev?application_name=app&"
        "sslmode=verify-ca");
  auto libpq = parse_libpq_connection("host=h port=5439 dbname=dev user=bob sslmode=require connect_timeout=5");
  REQUIRE(libpq.has_value());
  CHECK(written(*libpq) == "redshift+psycopg2://bob@h:5439/dev?sslmode=require&connect_timeout=5");
  // redshift_connector cannot take the number from a URL, nor TLS weaker than verify-ca.
  sqlalchemy_options rc;
  rc.dialect = sqlalchemy_dialect::redshift_connector;
  CHECK(to_sqlalchemy(*libpq, rc).error().code == errc::unrepresentable_value);
  auto iam = parse_jdbc_connection("jdbc:redshift:iam://c1.abc.us-east-1.redshift.amazonaws.com:5439/dev");
  REQUIRE(iam.has_value());
  CHECK(to_sqlalchemy(*iam).error().code == errc::unrepresentable_value);
  // One list value cannot be written; several are repeated.
  connection groups;
  groups.form = source_form::sqlalchemy_redshift_connector;
  groups.hosts.push_back({"h", 5439});
  groups.properties.push_back({"db_groups", "a"});
  CHECK_FALSE(to_sqlalchemy(groups).has_value());
  groups.properties.back().value = "a,b";
  CHECK(written(groups) == "redshift+redshift_connector://h:5439?db_groups=a&db_groups=b");
  // Empty values, several hosts and hosts SQLAlchemy would split are refused.
  connection empty = groups;
  empty.properties = {{"user", ""}};
  CHECK_FALSE(to_sqlalchemy(empty).has_value());
  connection two = groups;
  two.hosts.push_back({"h2", 5439});
  CHECK_FALSE(to_sqlalchemy(two).has_value());
  for (std::string_view host : {"a@b", "a/b", "a:b", "a b", "[::1", ""}) {
    connection odd = groups;
    odd.hosts.at(0).host = std::string(host);
    CHECK_FALSE(to_sqlalchemy(odd).has_value());
  }
}

TEST_CASE("parse(text, form) reads a SQLAlchemy URL by its scheme") {
  auto c = parse("redshift+redshift_connector://h/dev", source_form::sqlalchemy_psycopg2);
  REQUIRE(c.has_value());
  CHECK(c->form == source_form::sqlalchemy_redshift_connector);
  CHECK(to_string(source_form::sqlalchemy_psycopg2) == "sqlalchemy-psycopg2");
}
