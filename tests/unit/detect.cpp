// detect.hpp: detect_form for every form, ambiguous and unknown inputs, whitespace; parse()
// agreeing with each form's own parser; errors that say what the input looked like and where.
#include <catch2/catch_test_macros.hpp>

#include <string>
#include <string_view>

#include "rsconn/detect.hpp"
#include "rsconn/validate.hpp"

using namespace rsconn;
using namespace std::string_literals;

namespace {

constexpr std::string_view sl = "default.123456789012.us-east-1.redshift-serverless.amazonaws.com";

// What each form's own parser makes of `text`.
result<connection> own_parser(source_form form, std::string_view text) {
  switch (form) {
    case source_form::jdbc: return parse_jdbc_connection(text);
    case source_form::odbc: return parse_odbc_connection(text);
    case source_form::libpq_keywords:
    case source_form::libpq_uri: return parse_libpq_connection(text);
    case source_form::host:
      return parse_host(text).map([](const endpoint_view& v) { return to_connection(v); });
    case source_form::endpoint: return parse_endpoint_connection(text);
    case source_form::sqlalchemy_redshift_connector:
    case source_form::sqlalchemy_psycopg2: return parse_sqlalchemy(text);
  }
  return fail(errc::unrecognized_form);
}

// parse(text) succeeds, is what the form's own parser gives, and says which form it was.
connection parsed_as(std::string_view text, source_form expected_form) {
  INFO(std::string(text));
  CHECK(detect_form(text) == expected_form);
  auto c = rsconn::parse(text);
  INFO((c ? std::string() : std::string(c.error().message())));
  REQUIRE(c.has_value());
  auto own = own_parser(expected_form, text);
  REQUIRE(own.has_value());
  CHECK(*c == *own);
  // Offsets are not part of ==; check the ones a diagnostic would use.
  CHECK(c->database_offset == own->database_offset);
  REQUIRE(c->hosts.size() == own->hosts.size());
  for (std::size_t i = 0; i < c->hosts.size(); ++i) CHECK(c->hosts[i].offset == own->hosts[i].offset);
  return *c;
}

// parse(text) fails with `code` at `offset`, which is inside the input (or just past its end).
error parse_error(std::string_view text, errc code, std::size_t offset) {
  INFO(std::string(text) << " (looks like " << std::string(to_string(detect_form(text))) << ")");
  auto c = rsconn::parse(text);
  REQUIRE_FALSE(c.has_value());
  INFO(std::string(to_string(c.error().code))
       << " @" << c.error().offset << ": " << std::string(c.error().message()));
  CHECK(c.error().code == code);
  CHECK(c.error().offset == offset);
  CHECK(c.error().offset <= text.size());
  CHECK_FALSE(c.error().message().empty());
  return c.error();
}

bool mentions(const error& e, std::string_view phrase) {
  return e.message().find(phrase) != std::string_view::npos;
}

}  // namespace

// --- Compile-time use --------------------------------------------------------------------------

static_assert(detect_form("jdbc:redshift://h:5439/dev") == source_form::jdbc);
static_assert(detect_form("postgresql://h:5439/dev") == source_form::libpq_uri);
static_assert(detect_form("postgres://h:5439/dev") == source_form::libpq_uri);
static_assert(detect_form("host=h port=5439") == source_form::libpq_keywords);
static_assert(detect_form("Driver={Amazon Redshift ODBC Driver (x64)};Server=h") == source_form::odbc);
static_assert(detect_form("h:5439/dev") == source_form::endpoint);
static_assert(detect_form("localhost") == source_form::host);

// --- detect_form -------------------------------------------------------------------------------

TEST_CASE("detect_form: JDBC URLs, by the prefix jdbc: in any case") {
  for (std::string_view text :
       {"jdbc:redshift://h:5439/dev", "jdbc:redshift:iam://h/dev",
        "jdbc:redshift:iam://cluster:us-east-1/dev", "jdbc:redshift:dev",
        "jdbc:redshift:", "JDBC:redshift://h/dev", "Jdbc:Redshift://h/dev", "jdbc:postgresql://h:5432/db",
        "jdbc:", "jdbc:redshift://h:5439/dev?host=x=y;Server=z"}) {
    INFO(std::string(text));
    CHECK(detect_form(text) == source_form::jdbc);
  }
  CHECK(detect_form("jdbc") == source_form::host);
  CHECK(detect_form("jdb:redshift://h/dev") == source_form::endpoint);
}

TEST_CASE("detect_form: libpq URIs, postgresql:// and postgres:// in lower case only") {
  for (std::string_view text :
       {"postgresql://h:5439/dev", "postgres://h:5439/dev", "postgresql://", "postgres://",
        "postgresql://u:p@h:5439/dev?sslmode=require", "postgresql:///dev?host=h"}) {
    INFO(std::string(text));
    CHECK(detect_form(text) == source_form::libpq_uri);
  }
  // libpq's own prefix test is case-sensitive; these are not URIs it reads.
  CHECK(detect_form("PostgreSQL://h/dev") != source_form::libpq_uri);
  CHECK(detect_form("POSTGRES://h/dev") != source_form::libpq_uri);
  CHECK(detect_form("postgresql:/h/dev") != source_form::libpq_uri);
  CHECK(detect_form("postgre://h/dev") != source_form::libpq_uri);
}

TEST_CASE("detect_form: libpq keyword/value strings start with a libpq keyword and '='") {
  for (std::string_view text :
       {"host=h port=5439 dbname=dev", "port=5439 host=h", "dbname=dev", "user=bob password=secret",
        "sslmode=require host=h", "requiressl=1 host=h", "host = h  port = 5439", "  host=h port=5439  ",
        "\thost=h\nport=5439", "host='h;x' port=5439", "password='a;b' host=h", "application_name=x",
        "connect_timeout=10", "host="}) {
    INFO(std::string(text));
    CHECK(detect_form(text) == source_form::libpq_keywords);
  }
}

TEST_CASE("detect_form: ODBC strings start with an ODBC key") {
  for (std::string_view text :
       {"Driver={Amazon Redshift ODBC Driver (x64)}; Server=h; Port=5439; Database=dev",
        "DSN=redshift",
        "FILEDSN=x.dsn",
        "Server=h",
        "Servername=h",
        "HostName=h",
        "PortNumber=5439",
        "DB=dev",
        "Database=dev",
        "UID=bob",
        "LogonID=bob",
        "PWD=x",
        "Password=x",
        "User=bob",
        "IAM=1",
        "ClusterId=c",
        "Region=us-east-1",
        "Workgroup=wg",
        "Serverless=1",
        "DbUser=u",
        "SSLMode=require",
        "driver=x",
        "SERVER=h",
        "  Driver = {x} ; Server = h",
        ";Driver={x}",
        "; ;Server=h"}) {
    INFO(std::string(text));
    CHECK(detect_form(text) == source_form::odbc);
  }
}

// ODBC keys come in any order (SPEC §4): a string starting with any of them is ODBC. (detect_form
// once knew only a few first keys and took "Profile=x;Server=h" for a host.)
TEST_CASE("detect_form: an ODBC string may start with any ODBC key of SPEC §4") {
  for (std::string_view key : {"AutoCreate", "DbGroups", "vpc_endpoint_url", "plugin_name", "AccessKeyID",
                               "SecretAccessKey", "SessionToken", "Profile"}) {
    std::string text = std::string(key) + "=x;Server=h.example.com;Port=5439";
    INFO(text);
    CHECK(detect_form(text) == source_form::odbc);
    auto own = parse_odbc_connection(text);
    REQUIRE(own);
    REQUIRE(own->hosts.size() == 1);
    CHECK(own->hosts[0].host == "h.example.com");
    auto c = rsconn::parse(text);
    CHECK(c.has_value());
    if (c) CHECK(*c == *own);
  }
}

TEST_CASE("detect_form: keyword strings that could be either libpq or ODBC") {
  // libpq's keywords are lower case and case-sensitive; a first value with an unquoted ';' is
  // ODBC's separator, not part of a libpq host.
  CHECK(detect_form("host=h port=5439") == source_form::libpq_keywords);
  CHECK(detect_form("host=h;port=5439") == source_form::odbc);
  CHECK(detect_form("host=h ;port=5439") == source_form::libpq_keywords);  // the first value is "h"
  CHECK(detect_form("Host=h port=5439") == source_form::odbc);
  CHECK(detect_form("user=bob") == source_form::libpq_keywords);
  CHECK(detect_form("User=bob") == source_form::odbc);
  CHECK(detect_form("password=a;b") == source_form::odbc);
  CHECK(detect_form("password='a;b'") == source_form::libpq_keywords);
  // An unclosed quote is libpq's error to report, not an ODBC value starting with '.
  CHECK(detect_form("host='h port=5439") == source_form::libpq_keywords);
  CHECK(detect_form("  host = 'h") == source_form::libpq_keywords);
  auto unclosed = rsconn::parse("host='h port=5439");
  REQUIRE_FALSE(unclosed);
  CHECK(unclosed.error().code == errc::malformed_quoted_value);
  CHECK(detect_form("Host='h;Port=1") == source_form::odbc);  // not a libpq keyword (case)
  CHECK(detect_form("port=5439;host=h") == source_form::odbc);
  CHECK(detect_form("host=h;") == source_form::odbc);

  // An unknown first key: ODBC when ';' separates pairs (the driver passes unknown keys on),
  // neither when nothing does (no ODBC or libpq reading is likely: the host parser explains).
  CHECK(detect_form("foo=bar host=h") == source_form::host);
  CHECK(detect_form("foo=bar;Server=h") == source_form::odbc);
  CHECK(detect_form("compression=off;Server=h:5439") == source_form::odbc);
  CHECK(detect_form("h:5439/dev=x;y") == source_form::endpoint);  // not a plain word before '='
  CHECK(detect_form("a b=c;d") == source_form::host);              // nor is "a b", and "d" has no '='
}

// The driver's tokenizer reads any key up to '=' (parseConnectionString, rsutil.c) and its
// dispatcher passes the keys it does not know on (RS_CONN_INFO::parseConnectString,
// rsconnect.cpp): a string of such pairs is an ODBC string, read with unknown-key warnings.
TEST_CASE("detect_form: an ODBC string whose keys the driver does not know is still ODBC") {
  struct sample {
    std::string_view text;
    std::string_view key;
    std::string_view value;
  };
  for (sample s : {sample{"Server Name=h", "Server Name", "h"}, sample{"Host_Name=h", "Host_Name", "h"},
                   sample{"Ser ver=a", "Ser ver", "a"}, sample{"a=b=c", "a", "b=c"}, sample{"{PWD}=x", "{PWD}", "x"},
                   sample{"PWD{=x", "PWD{", "x"}, sample{"S\xc3\xa9rver=h", "S\xc3\xa9rver", "h"},
                   sample{"\xe3\x83\x9b\xe3\x82\xb9\xe3\x83\x88=h", "\xe3\x83\x9b\xe3\x82\xb9\xe3\x83\x88", "h"},
                   sample{"x=y", "x", "y"}, sample{"  Server Name = h ;", "Server Name", "h"},
                   sample{"Server Name=h;Port Number=5440", "Server Name", "h"}}) {
    connection c = parsed_as(s.text, source_form::odbc);
    REQUIRE_FALSE(c.properties.empty());
    CHECK(c.properties[0].key == s.key);
    CHECK(c.properties[0].value == s.value);
    CHECK(c.hosts.empty());  // no key the driver reads as the host
    bool warned = false;
    for (const diagnostic& d : validate(c))
      warned = warned || (d.code == errc::unknown_option && d.offset == c.properties[0].offset);
    CHECK(warned);
  }
  // Still not ODBC: a key that is an endpoint or a URL before '=', a string the driver's
  // tokenizer refuses, and a blank-separated list of pairs (libpq's shape).
  CHECK(detect_form("h:5439/dev?x=y") == source_form::endpoint);
  CHECK(detect_form("h/dev?sslmode=require") == source_form::endpoint);
  CHECK(detect_form("[::1]:5439/dev?x=y") == source_form::endpoint);
  CHECK(detect_form("mysql://h/db?a=b") == source_form::endpoint);
  CHECK(detect_form("Server Name={h") == source_form::host);
  CHECK(detect_form("foo=bar host=h") == source_form::host);
  CHECK(detect_form("Host_Name=h Port=1") == source_form::host);
  // libpq keyword strings and libpq's own shapes are unchanged.
  CHECK(detect_form("host=h port=5439") == source_form::libpq_keywords);
  CHECK(detect_form("dbname=a=b") == source_form::libpq_keywords);
}

TEST_CASE("detect_form: endpoints and hosts") {
  for (std::string_view text : {"h:5439/dev", "h:5439", "h/dev", "h:", "h/", ":5439", "[::1]:5439/dev",
                                "[::1]", "[fe80::1%eth0]:5439", "10.0.0.1:5439/dev"}) {
    INFO(std::string(text));
    CHECK(detect_form(text) == source_form::endpoint);
  }
  for (std::string_view text : {std::string_view("localhost"), std::string_view("10.0.0.1"),
                                std::string_view("analytics.example.com"), sl, std::string_view(),
                                std::string_view(" "), std::string_view("just some words")}) {
    INFO(std::string(text));
    CHECK(detect_form(text) == source_form::host);
  }
  CHECK(detect_form("h.example.com:5439/dev") == source_form::endpoint);
  CHECK(detect_form(std::string(sl) + ":5439/dev") == source_form::endpoint);
}

TEST_CASE("detect_form: URLs of other kinds get the endpoint guess") {
  for (std::string_view text : {"mysql://h:3306/db", "http://example.com", "Redshift://h:5439/dev",
                                "redshift+pg8000://h/dev", "PostgreSQL://h:5439/dev", "s3://bucket/key"}) {
    INFO(std::string(text));
    CHECK(detect_form(text) == source_form::endpoint);
  }
}

// sqlalchemy-redshift's dialects, by their exact scheme (SQLAlchemy looks a dialect up by name).
TEST_CASE("detect_form: SQLAlchemy URLs by their dialect's scheme") {
  CHECK(detect_form("redshift+redshift_connector://u:p@h:5439/dev") == source_form::sqlalchemy_redshift_connector);
  CHECK(detect_form("redshift+psycopg2://u@h:5439/dev") == source_form::sqlalchemy_psycopg2);
  CHECK(detect_form("redshift://h:5439/dev") == source_form::sqlalchemy_psycopg2);
  auto c = parse("redshift+psycopg2://admin:pw@wg.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev");
  REQUIRE(c);
  CHECK(c->form == source_form::sqlalchemy_psycopg2);
  CHECK(c->workgroup == "wg");
  CHECK(*c == parse("redshift+psycopg2://admin:pw@wg.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev",
                    source_form::sqlalchemy_psycopg2).value());
}

// --- parse agrees with each form's parser -------------------------------------------------------

TEST_CASE("parse: JDBC URLs parse as parse_jdbc_connection does") {
  connection c =
      parsed_as("jdbc:redshift://"s + std::string(sl) + ":5439/dev?ssl=true&user=bob", source_form::jdbc);
  CHECK(c.form == source_form::jdbc);
  CHECK(c.target == target_kind::serverless);
  CHECK(c.workgroup == "default");
  CHECK(c.database == "dev");
  REQUIRE(c.find("user") != nullptr);
  CHECK(c.find("user")->value == "bob");

  connection iam =
      parsed_as("jdbc:redshift:iam://redshift-serverless-default:us-east-1/dev", source_form::jdbc);
  CHECK(iam.iam);
  CHECK(iam.legacy_iam);
  CHECK(iam.hosts.empty());
  CHECK(iam.workgroup == "default");
  CHECK(iam.region == "us-east-1");

  connection local = parsed_as("jdbc:redshift:mydb", source_form::jdbc);
  REQUIRE(local.hosts.size() == 1);
  CHECK(local.hosts[0].host == "localhost");
  CHECK(local.database == "mydb");
}

TEST_CASE("parse: libpq URIs (both prefixes) parse as parse_libpq_connection does") {
  connection uri = parsed_as("postgresql://bob:secret@"s + std::string(sl) + ":5439/dev?sslmode=require",
                             source_form::libpq_uri);
  CHECK(uri.form == source_form::libpq_uri);
  REQUIRE(uri.hosts.size() == 1);
  CHECK(uri.hosts[0].host == sl);
  CHECK(uri.hosts[0].port == 5439);
  CHECK(uri.database == "dev");
  CHECK(uri.target == target_kind::serverless);
  REQUIRE(uri.find("password") != nullptr);
  CHECK(uri.find("password")->value == "secret");

  connection short_prefix = parsed_as("postgres://h.example.com:5439/dev", source_form::libpq_uri);
  CHECK(short_prefix.form == source_form::libpq_uri);
  CHECK(short_prefix.database == "dev");
  // The same string with either prefix means the same connection (the form aside).
  connection long_prefix = parsed_as("postgresql://h.example.com:5439/dev", source_form::libpq_uri);
  CHECK(long_prefix == short_prefix);
}

TEST_CASE("parse: libpq keyword strings parse as parse_libpq_connection does") {
  connection c =
      parsed_as("host="s + std::string(sl) + " port=5439 dbname=dev user=bob", source_form::libpq_keywords);
  CHECK(c.form == source_form::libpq_keywords);
  REQUIRE(c.hosts.size() == 1);
  CHECK(c.hosts[0].port == 5439);
  CHECK(c.database == "dev");
  CHECK(c.workgroup == "default");

  // libpq skips whitespace around pairs.
  connection spaced = parsed_as("  host=h port=5439 \n", source_form::libpq_keywords);
  REQUIRE(spaced.hosts.size() == 1);
  CHECK(spaced.hosts[0].host == "h");
  CHECK(spaced.hosts[0].port == 5439);

  connection quoted = parsed_as("host='h;x' port=5439", source_form::libpq_keywords);
  REQUIRE(quoted.hosts.size() == 1);
  CHECK(quoted.hosts[0].host == "h;x");
}

TEST_CASE("parse: ODBC strings parse as parse_odbc_connection does") {
  connection c = parsed_as("Driver={Amazon Redshift ODBC Driver (x64)}; Server="s + std::string(sl) +
                               "; Port=5439; Database=dev; UID=bob; PWD={p;w}",
                           source_form::odbc);
  CHECK(c.form == source_form::odbc);
  REQUIRE(c.hosts.size() == 1);
  CHECK(c.hosts[0].host == sl);
  CHECK(c.database == "dev");
  CHECK(c.target == target_kind::serverless);
  REQUIRE(c.find("pwd") != nullptr);
  CHECK(c.find("pwd")->value == "p;w");

  connection semicolons = parsed_as("host=h;port=5440", source_form::odbc);
  REQUIRE(semicolons.hosts.size() == 1);
  CHECK(semicolons.hosts[0].host == "h");
  CHECK(semicolons.hosts[0].port == 5440);

  connection leading = parsed_as("; Server = h ; Port = 5439", source_form::odbc);
  REQUIRE(leading.hosts.size() == 1);
  CHECK(leading.hosts[0].host == "h");
}

TEST_CASE("parse: endpoints and bare hosts parse as parse_endpoint / parse_host do") {
  connection e = parsed_as(std::string(sl) + ":8191/dev", source_form::endpoint);
  CHECK(e.form == source_form::endpoint);
  REQUIRE(e.hosts.size() == 1);
  CHECK(e.hosts[0].port == 8191);
  CHECK(e.database == "dev");
  CHECK(e.target == target_kind::serverless);

  connection h = parsed_as(sl, source_form::host);
  CHECK(h.form == source_form::host);
  REQUIRE(h.hosts.size() == 1);
  CHECK(h.hosts[0].host == sl);
  CHECK(h.hosts[0].port == 5439);
  CHECK_FALSE(h.database);
  CHECK(h.workgroup == "default");

  connection v6 = parsed_as("[::1]:5439/dev", source_form::endpoint);
  REQUIRE(v6.hosts.size() == 1);
  CHECK(v6.hosts[0].host == "[::1]");

  connection local = parsed_as("localhost", source_form::host);
  CHECK(local.target == target_kind::unknown);
}

TEST_CASE("parse: whitespace is not trimmed where the consumer does not trim it") {
  // The JDBC driver matches "jdbc:redshift:" at the very start; a leading space is no JDBC URL.
  std::string spaced = " jdbc:redshift://h:5439/dev";
  error e = parse_error(spaced, errc::unrecognized_form, spaced.find("://"));
  CHECK(mentions(e, "jdbc:redshift:"));

  // The database is everything after the '/' (SPEC §3.3), a trailing space included.
  connection trailing = parsed_as("jdbc:redshift://h:5439/dev ", source_form::jdbc);
  CHECK(trailing.database == "dev ");

  // A host with a space in it is not a host name.
  parse_error("h.example.com ", errc::invalid_host_name, 13);
  parse_error(" h.example.com", errc::invalid_host_name, 0);
}

// --- parse errors ----------------------------------------------------------------------------------

TEST_CASE("parse: empty and blank input") {
  error empty = parse_error("", errc::empty_input, 0);
  CHECK(empty.message() == describe(errc::empty_input));
  parse_error("   ", errc::invalid_host_name, 0);
}

TEST_CASE("parse: a URL of another kind is unrecognized_form at its \"://\", naming the forms rsconn reads") {
  for (std::string_view text : {"mysql://h:3306/db", "http://example.com", "PostgreSQL://h:5439/dev",
                                "POSTGRES://h/dev", "Redshift://h:5439/dev"}) {
    error e = parse_error(text, errc::unrecognized_form, text.find("://"));
    INFO(std::string(text));
    CHECK(mentions(e, "jdbc:redshift:"));
    CHECK(mentions(e, "postgresql://"));
    CHECK(mentions(e, "redshift+redshift_connector://"));
  }
}

TEST_CASE("parse: a JDBC-looking URL with the wrong prefix is not_jdbc_url where it differs") {
  // SPEC §3.2: the prefix is case-sensitive.
  error upper = parse_error("JDBC:redshift://h:5439/dev", errc::not_jdbc_url, 0);
  CHECK(mentions(upper, "jdbc:redshift:"));
  parse_error("jdbc:Redshift://h:5439/dev", errc::not_jdbc_url, 5);
  parse_error("jdbc:postgresql://h:5432/db", errc::not_jdbc_url, 5);
  parse_error("jdbc:redshif", errc::not_jdbc_url, 12);
}

TEST_CASE("parse: each form's errors carry the offset of the fault in the input") {
  // JDBC (SPEC §3).
  error no_path = parse_error("jdbc:redshift://h:5439", errc::missing_database_path, 22);
  CHECK(mentions(no_path, "/"));
  parse_error("jdbc:redshift://h:99999/dev", errc::invalid_port, 18);
  parse_error("jdbc:redshift://h:0/dev", errc::invalid_port, 18);
  std::string bad_escape = "jdbc:redshift://h:5439/dev?password=%zz";
  parse_error(bad_escape, errc::malformed_percent_escape, bad_escape.find('%'));
  parse_error("jdbc:redshift:iam:/h", errc::malformed_iam_url, 18);

  // ODBC (SPEC §4).
  parse_error("Driver={x;Server=h", errc::unclosed_brace, 7);
  parse_error("Server=h;junk", errc::missing_equals, 9);
  parse_error("Server=h;=x", errc::empty_key, 9);
  parse_error("Server=h;Port=abc", errc::invalid_port, 14);

  // libpq (SPEC §5).
  std::string open_quote = "host=h port=5439 password='abc";
  parse_error(open_quote, errc::malformed_quoted_value, open_quote.find('\''));
  parse_error("host=h port=5439 foo=bar", errc::unknown_keyword, 17);
  parse_error("postgresql://h:5439/dev?foo=bar", errc::unknown_keyword, 24);
  parse_error("postgresql://h:5439/d%zz", errc::malformed_percent_escape, 21);

  // Endpoint and host.
  parse_error("h:abc/dev", errc::invalid_port, 2);
  parse_error("h:5439x/dev", errc::invalid_port, 6);
  parse_error("h:65536/dev", errc::invalid_port, 6);
  parse_error("[::1:5439/dev", errc::unclosed_bracket, 0);
  parse_error("h!x:5439", errc::invalid_host_name, 1);
  parse_error("a b", errc::invalid_host_name, 1);
  parse_error("x y", errc::invalid_host_name, 1);
}

TEST_CASE("parse: a valid string of each form round-trips its form") {
  struct sample {
    std::string_view text;
    source_form form;
  };
  for (sample s : {sample{"jdbc:redshift://h:5439/dev", source_form::jdbc},
                   sample{"postgresql://h:5439/dev", source_form::libpq_uri},
                   sample{"postgres://h:5439/dev", source_form::libpq_uri},
                   sample{"host=h port=5439 dbname=dev", source_form::libpq_keywords},
                   sample{"Server=h;Port=5439;Database=dev", source_form::odbc},
                   sample{"h:5439/dev", source_form::endpoint}, sample{"h", source_form::host}}) {
    INFO(std::string(s.text));
    auto c = rsconn::parse(s.text);
    REQUIRE(c);
    CHECK(c->form == s.form);
    CHECK(detect_form(s.text) == s.form);
    REQUIRE(c->hosts.size() == 1);
    CHECK(c->hosts[0].host == "h");
    if (s.form != source_form::host) {
      CHECK(c->hosts[0].port == 5439);
      CHECK(c->database == "dev");
    }
  }
}

TEST_CASE("source_form_named: the CLI's --from names") {
  CHECK(source_form_named("jdbc") == source_form::jdbc);
  CHECK(source_form_named("odbc") == source_form::odbc);
  CHECK(source_form_named("libpq") == source_form::libpq_keywords);
  CHECK(source_form_named("libpq-keywords") == source_form::libpq_keywords);
  CHECK(source_form_named("libpq-uri") == source_form::libpq_uri);
  CHECK(source_form_named("endpoint") == source_form::endpoint);
  CHECK(source_form_named("host") == source_form::host);
  CHECK_FALSE(source_form_named("JDBC"));
  CHECK_FALSE(source_form_named(""));
  CHECK_FALSE(source_form_named("python"));
}

TEST_CASE("parse(text, form) reads the string with the reader asked for") {
  // Detected as ODBC (Host and Port are ODBC aliases); libpq reads one host value "h;port=5439".
  auto detected = parse("host=h;port=5439");
  REQUIRE(detected);
  CHECK(detected->form == source_form::odbc);
  auto as_libpq = parse("host=h;port=5439", source_form::libpq_keywords);
  REQUIRE(as_libpq);
  CHECK(as_libpq->form == source_form::libpq_keywords);
  REQUIRE(as_libpq->hosts.size() == 1);
  CHECK(as_libpq->hosts[0].host == "h;port=5439");
  // A URI asked for and not given.
  auto not_uri = parse("host=h", source_form::libpq_uri);
  REQUIRE_FALSE(not_uri);
  CHECK(not_uri.error().code == errc::invalid_uri);
  // libpq itself decides between keywords and a URI.
  auto uri = parse("postgresql://h:5439/dev", source_form::libpq_keywords);
  REQUIRE(uri);
  CHECK(uri->form == source_form::libpq_uri);
  // A JDBC URL read as an endpoint is refused as one.
  CHECK_FALSE(parse("jdbc:redshift://h:5439/dev", source_form::odbc));
  CHECK(parse("h.example.com", source_form::host));
  CHECK(parse(std::string(max_input_length + 1, 'a'), source_form::host).error().code == errc::input_too_long);
}
