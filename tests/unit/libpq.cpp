// libpq conninfo and URIs: parse_libpq_keywords / parse_libpq_uri / to_connection / to_libpq /
// to_libpq_uri, against SPEC §5 and against the real libpq (PQconninfoParse) where it is linked.
#include <catch2/catch_test_macros.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "rsconn/detect.hpp"
#include "rsconn/jdbc.hpp"
#include "rsconn/libpq.hpp"
#include "rsconn/validate.hpp"

#if RSCONN_HAVE_LIBPQ
#include "../libpq_oracle.hpp"
#endif

using namespace rsconn;

namespace {

constexpr std::string_view rs_host = "default.123456789012.us-east-1.redshift-serverless.amazonaws.com";

connection parsed(std::string_view text) {
  auto c = parse_libpq_connection(text);
  INFO(text);
  REQUIRE(c.has_value());
  return *c;
}

error parse_error(std::string_view text) {
  auto c = parse_libpq_connection(text);
  INFO(text);
  REQUIRE_FALSE(c.has_value());
  return c.error();
}

std::string value_of(const connection& c, std::string_view key) {
  const property* found = nullptr;
  for (const property& p : c.properties)
    if (p.key == key) found = &p;
  INFO(key);
  REQUIRE(found != nullptr);
  return found->value;
}

std::string conninfo(const connection& c, libpq_options o = {}) {
  auto s = to_libpq(c, o);
  INFO((s ? std::string() : std::string(s.error().message())));
  REQUIRE(s.has_value());
  return *s;
}

std::string uri(const connection& c, libpq_options o = {}) {
  auto s = to_libpq_uri(c, o);
  INFO((s ? std::string() : std::string(s.error().message())));
  REQUIRE(s.has_value());
  return *s;
}

libpq_options revealing() {
  libpq_options o;
  o.reveal_secrets = true;
  return o;
}

}  // namespace

// ---------------------------------------------------------------- keyword/value

TEST_CASE("host(), port() and dbname() are the last value of each, as value() reads it") {
  for (std::string_view text : {"host=a port=1 dbname=x host=b dbname='y z' port = 2",
                                "user=u", "host='' port=5439", "dbname=a\\ b host=h1,h2 port=1,2",
                                "hostaddr=10.0.0.1 host=h"}) {
    CAPTURE(text);
    auto v = parse_libpq_keywords(text);
    REQUIRE(v);
    for (auto [key, got] : {std::pair{"host", v->host()}, std::pair{"port", v->port()}, std::pair{"dbname", v->dbname()}}) {
      CAPTURE(key);
      libpq_text want = v->value(key);
      CHECK(got.present() == want.present());
      CHECK(got.raw() == want.raw());
      CHECK(got.raw().data() == want.raw().data());
    }
  }
  auto v = parse_libpq_keywords("host=a port=1 dbname=x host=b dbname='y z' port = 2");
  REQUIRE(v);
  CHECK(v->host().raw() == "b");
  CHECK(v->port().raw() == "2");
  CHECK(v->dbname().raw() == "y z");
  auto none = parse_libpq_keywords("user=u");
  REQUIRE(none);
  CHECK_FALSE(none->host());
  CHECK_FALSE(none->port());
  CHECK_FALSE(none->dbname());
}

TEST_CASE("a Redshift conninfo: fields, properties in order, offsets") {
  const std::string text =
      "host=" + std::string(rs_host) + " port=5439 dbname=dev user=awsuser sslmode=require";
  auto v = parse_libpq_keywords(text);
  REQUIRE(v);
  CHECK(v->size() == 5);
  CHECK(v->value("port").raw() == "5439");
  CHECK_FALSE(v->value("Port"));  // keywords are case-sensitive
  CHECK(v->host().raw() == rs_host);
  CHECK(v->port().raw() == "5439");
  CHECK(v->dbname().raw() == "dev");

  connection c = parsed(text);
  CHECK(c.form == source_form::libpq_keywords);
  CHECK(c.target == target_kind::serverless);
  CHECK(c.workgroup == "default");
  CHECK(c.account_id == "123456789012");
  CHECK(c.region == "us-east-1");
  CHECK_FALSE(c.iam);
  REQUIRE(c.hosts.size() == 1);
  CHECK((c.hosts[0] == address{std::string(rs_host), 5439}));
  CHECK(c.hosts[0].offset == 5);
  CHECK(c.hosts[0].port_offset == text.find("5439"));
  CHECK(c.database == "dev");
  CHECK(c.database_offset == text.find("dev"));
  REQUIRE(c.properties.size() == 5);
  CHECK(c.properties[0].key == "host");
  CHECK((c.properties[3] == property{"user", "awsuser"}));
  CHECK(c.properties[3].offset == text.find("user"));
  CHECK(c.properties[3].value_offset == text.find("awsuser"));
  CHECK((c.properties[4] == property{"sslmode", "require"}));
}

TEST_CASE("quoting, escapes and whitespace as libpq reads them") {
  CHECK(value_of(parsed("password='a b'"), "password") == "a b");
  CHECK(value_of(parsed(R"(password='it\'s')"), "password") == "it's");
  CHECK(value_of(parsed(R"(password='back\\slash')"), "password") == "back\\slash");
  CHECK(value_of(parsed(R"(password='\x')"), "password") == "x");    // any character may be escaped
  CHECK(value_of(parsed(R"(password=a\ b)"), "password") == "a b");  // outside quotes too
  CHECK(value_of(parsed(R"(password=a\'b)"), "password") == "a'b");
  CHECK(value_of(parsed("password=''"), "password").empty());
  CHECK(value_of(parsed("password=a'b"), "password") == "a'b");  // a quote inside an unquoted value
  CHECK(value_of(parsed("  user  =  u  \t\n"), "user") == "u");
  CHECK(value_of(parsed("user=u=v"), "user") == "u=v");
  CHECK(value_of(parsed("user=u\\"), "user") == "u");  // a trailing backslash stands for nothing
  CHECK(parse_libpq_keywords("").has_value());
  CHECK(parse_libpq_keywords(" \t ").has_value());

  // No whitespace is needed after a closing quote.
  connection c = parsed("password='a'host=h");
  CHECK(value_of(c, "password") == "a");
  CHECK(c.hosts[0].host == "h");
}

TEST_CASE("SPEC §5's observed quirks of libpq 15") {
  // Whitespace after '=' is skipped: the value is the next word.
  connection c = parsed("dbname= host=h");
  CHECK(c.database == "host=h");
  CHECK(c.properties.size() == 1);
  REQUIRE(c.hosts.size() == 1);
  CHECK(c.hosts[0].host.empty());  // no host: libpq's default socket

  // No SQL-style doubled quotes: 's' is read as a keyword without '='.
  error e = parse_error("password='it''s'");
  CHECK(e.code == errc::missing_equals);
  CHECK(e.offset == 16);

  // The last duplicate wins; all are kept.
  c = parsed("user=a user=b dbname=x dbname=y");
  CHECK(c.database == "y");
  CHECK(value_of(c, "user") == "b");
  CHECK(c.properties.size() == 4);

  // requiressl is still read (as sslmode).
  c = parsed("requiressl=1");
  CHECK(detail::libpq_sslmode_of(c) == "require");
  CHECK(detail::libpq_sslmode_of(parsed("requiressl=0 ")) == "prefer");
  CHECK(detail::libpq_sslmode_of(parsed("requiressl=1 sslmode=disable")) == "disable");
}

TEST_CASE("keyword/value errors, with offsets") {
  error e = parse_error("host=h Port=5439");
  CHECK(e.code == errc::unknown_keyword);
  CHECK(e.offset == 7);
  CHECK(parse_error("require_auth=password").code == errc::unknown_keyword);  // libpq 16+
  CHECK(parse_error("ssl=true").code == errc::unknown_keyword);               // only the URI knows ssl=true
  e = parse_error("host=h junk");
  CHECK(e.code == errc::missing_equals);
  CHECK(e.offset == 11);
  e = parse_error("host h");
  CHECK(e.code == errc::missing_equals);
  CHECK(e.offset == 5);
  e = parse_error("host=h password='abc");
  CHECK(e.code == errc::malformed_quoted_value);
  CHECK(e.offset == 16);
  CHECK(parse_error(R"(password='abc\')").code == errc::malformed_quoted_value);
  CHECK(parse_error("=x").code == errc::unknown_keyword);
  CHECK(parse_error(std::string_view("host=a\0b", 8)).code == errc::invalid_character);
}

TEST_CASE("host and port lists are paired as libpq pairs them") {
  connection c = parsed("host=a,b,c port=5439");  // one port for every host
  REQUIRE(c.hosts.size() == 3);
  for (const address& a : c.hosts) CHECK(a.port == 5439);
  CHECK(c.hosts[1].host == "b");

  c = parsed("host=a,b port=5439,5440");
  CHECK((c.hosts[1] == address{"b", 5440}));

  c = parsed("host=a,b port=5439,");  // an empty entry is libpq's default
  CHECK(c.hosts[1].port == libpq_default_port);

  c = parsed("host=a,b,c port=1,2");  // libpq refuses to connect: ports 0 for validate
  CHECK(c.hosts[0].port == 0);

  c = parsed("host=a");  // no port: libpq's 5432, not Redshift's 5439
  CHECK(c.hosts[0].port == 5432);

  c = parsed("host=a port=' 5439 '");  // libpq's strtol reading
  CHECK(c.hosts[0].port == 5439);
  CHECK(parsed("host=a port=54x").hosts[0].port == 0);
  CHECK(parsed("host=a port=70000").hosts[0].port == 0);

  c = parsed("hostaddr=10.0.0.1,10.0.0.2 port=5439");  // the addresses are the hosts
  REQUIRE(c.hosts.size() == 2);
  CHECK(c.hosts[1].host == "10.0.0.2");

  c = parsed("host=" + std::string(rs_host) + " hostaddr=10.0.0.1 port=5439");
  CHECK(c.hosts[0].host == rs_host);  // the name is kept for TLS
  CHECK(c.target == target_kind::serverless);

  c = parsed("host=::1 port=5439");  // IPv6 literals are bracketed in the model
  CHECK(c.hosts[0].host == "[::1]");
  CHECK(parsed("host=/var/run/postgresql").hosts[0].host == "/var/run/postgresql");
}

// ---------------------------------------------------------------- URI

TEST_CASE("a Redshift URI") {
  const std::string text =
      "postgresql://awsuser:p%40ss@" + std::string(rs_host) + ":5439/dev?sslmode=verify-full";
  auto v = parse_libpq_uri(text);
  REQUIRE(v);
  CHECK(v->user().raw() == "awsuser");
  CHECK(v->password().decoded() == "p@ss");
  CHECK(v->path_database().raw() == "dev");

  connection c = parsed(text);
  CHECK(c.form == source_form::libpq_uri);
  CHECK(c.target == target_kind::serverless);
  CHECK(c.workgroup == "default");
  REQUIRE(c.hosts.size() == 1);
  CHECK((c.hosts[0] == address{std::string(rs_host), 5439}));
  CHECK(c.hosts[0].offset == text.find(rs_host));
  CHECK(c.database == "dev");
  REQUIRE(c.properties.size() == 3);
  CHECK((c.properties[0] == property{"user", "awsuser"}));
  CHECK((c.properties[1] == property{"password", "p@ss"}));
  CHECK(c.properties[1].secret());
  CHECK((c.properties[2] == property{"sslmode", "verify-full"}));
  CHECK(c.properties[2].offset == text.find("sslmode"));
  CHECK(parsed("postgres://h/dev").database == "dev");  // the short prefix
}

TEST_CASE("URI quirks of libpq 15") {
  connection c = parsed("postgresql://u:@h");  // u:@h sets no password
  CHECK(value_of(c, "user") == "u");
  CHECK(c.properties.size() == 1);

  c = parsed("postgresql://u@v@h");  // the user ends at the first '@'
  CHECK(c.hosts[0].host == "v@h");

  c = parsed("postgresql://h/db#frag");  // no fragments: '#' is data
  CHECK(c.database == "db#frag");

  c = parsed("postgresql://h/a+b?application_name=x+y");  // '+' is not a space
  CHECK(c.database == "a+b");
  CHECK(value_of(c, "application_name") == "x+y");

  c = parsed("postgresql://h?ssl=true");  // the JDBC spelling becomes sslmode=require
  CHECK(value_of(c, "ssl") == "true");
  CHECK(detail::libpq_sslmode_of(c) == "require");

  c = parsed("postgresql://h?x=a@b");  // the '@' is looked for before the first '/' anywhere
  CHECK(value_of(c, "user") == "h?x=a");
  CHECK(c.hosts[0].host == "b");

  c = parsed("postgresql://h1:5439,h2,[::1]:5440/dev");
  REQUIRE(c.hosts.size() == 3);
  CHECK(c.hosts[0].port == 5439);  // three hosts, ports "5439,,5440": paired one by one
  CHECK(c.hosts[1].port == libpq_default_port);
  c = parsed("postgresql://h1:5439,h2:5440,[::1]:5441/dev");
  CHECK((c.hosts[2] == address{"[::1]", 5441}));

  c = parsed("postgresql://h:5439/dev?host=other&port=5440&dbname=x");  // the query overrides
  CHECK((c.hosts[0] == address{"other", 5440}));
  CHECK(c.database == "x");

  c = parsed("postgresql://h%2Cg/");  // decoded after the split: two hosts
  CHECK(c.hosts.size() == 2);

  c = parsed("postgresql://");
  CHECK(c.hosts.size() == 1);
  CHECK_FALSE(c.database);
  CHECK(parsed("postgresql:///").hosts[0].host.empty());
  CHECK(parsed("postgresql://h?").hosts[0].host == "h");
  CHECK(parsed("postgresql://h?user=a&").properties.size() == 1);
}

TEST_CASE("URI errors, with offsets") {
  error e = parse_error("postgresql://[::1/dev");
  CHECK(e.code == errc::unclosed_bracket);
  CHECK(e.offset == 13);
  CHECK(parse_error("postgresql://[]/dev").code == errc::empty_host);
  e = parse_error("postgresql://[::1]x/dev");
  CHECK(e.code == errc::invalid_uri);
  CHECK(e.offset == 18);
  e = parse_error("postgresql://h/d%zz");
  CHECK(e.code == errc::malformed_percent_escape);
  CHECK(e.offset == 16);
  CHECK(parse_error("postgresql://h/d%00").code == errc::malformed_percent_escape);
  CHECK(parse_error("postgresql://u:p%4@h").code == errc::malformed_percent_escape);
  e = parse_error("postgresql://h/d?ssl=false");
  CHECK(e.code == errc::unknown_keyword);
  CHECK(e.offset == 17);
  CHECK(parse_error("postgresql://h/d?sslmode").code == errc::missing_equals);
  CHECK(parse_error("postgresql://h/d?a=b=c").code == errc::invalid_uri);
  CHECK(parse_error("postgresql://h/d?user=a&&").code == errc::missing_equals);
  CHECK(parse_error("postgresql://h/d?Port=1").code == errc::unknown_keyword);
  CHECK(parse_libpq_uri("PostgreSQL://h").error().code == errc::invalid_uri);
  // Not a URI to PQconninfoParse either: a keyword/value string with an unknown keyword.
  CHECK(parse_error("PostgreSQL://h").code == errc::missing_equals);
}

// ---------------------------------------------------------------- formatting

TEST_CASE("to_libpq writes port and sslmode always") {
  connection c =
      parse_jdbc_connection("jdbc:redshift://" + std::string(rs_host) + ":5439/dev?user=awsuser").value();
  CHECK(conninfo(c) == "host=" + std::string(rs_host) + " port=5439 dbname=dev user=awsuser sslmode=require");
  CHECK(uri(c) == "postgresql://awsuser@" + std::string(rs_host) + ":5439/dev?sslmode=require");

  connection no_port = parsed("host=h");
  CHECK(conninfo(no_port) == "host=h port=5432 sslmode=require");  // libpq's reading kept, but written

  libpq_options o;
  o.sslmode = "verify-full";
  CHECK(conninfo(c, o).find(" sslmode=verify-full") != std::string::npos);
}

TEST_CASE("sslmode comes from the connection when it says") {
  auto mode_of = [](std::string_view text) {
    auto c = parse(text);
    REQUIRE(c);
    std::string s = conninfo(*c);
    return s.substr(s.rfind("sslmode=") + 8);
  };
  CHECK(mode_of("jdbc:redshift://h:5439/dev?ssl=false") == "disable");
  // The JDBC driver's ssl=true is its default, verify-ca; any other ssl value turns TLS off.
  CHECK(mode_of("jdbc:redshift://h:5439/dev?ssl=true") == "verify-ca");
  CHECK(mode_of("jdbc:redshift://h:5439/dev?ssl=1") == "disable");
  CHECK(mode_of("jdbc:redshift://h:5439/dev?sslfactory=com.amazon.redshift.ssl.NonValidatingFactory") == "require");
  CHECK(mode_of("Driver={x};Server=h;Database=dev;SSLMode=allow") == "allow");
  CHECK(mode_of("jdbc:redshift://h:5439/dev?ssl=true&sslmode=verify-full") == "verify-full");
  CHECK(mode_of("host=h sslmode=prefer") == "prefer");
  CHECK(mode_of("host=h requiressl=1") == "require");
  CHECK(mode_of("postgresql://h?ssl=true&sslmode=disable") == "disable");
  CHECK(mode_of("h:5439/dev") == "require");
}

TEST_CASE("quoting: empty values, whitespace, quotes, backslashes, non-ASCII") {
  connection c;
  c.form = source_form::libpq_keywords;
  c.hosts.push_back({"h", 5439});
  c.database = "";
  c.properties.push_back({"user", "a b"});
  c.properties.push_back({"password", "it's \\ 'quoted'"});
  c.properties.push_back({"application_name", "caf\xc3\xa9"});
  c.properties.push_back({"options", "-c search_path=x"});
  std::string s = conninfo(c, revealing());
  CHECK(s == R"(host=h port=5439 dbname='' user='a b' password='it\'s \\ \'quoted\'' application_name=')"
             "caf\xc3\xa9"
             R"(' options='-c search_path=x' sslmode=require)");
  connection back = parsed(s);
  CHECK(back.database == "");
  CHECK(value_of(back, "password") == "it's \\ 'quoted'");
  CHECK(value_of(back, "application_name") == "caf\xc3\xa9");

  // Secrets are redacted unless asked for.
  CHECK(conninfo(c).find("password=*** ") != std::string::npos);
  CHECK(uri(c).find("***") != std::string::npos);
  CHECK(uri(c).find("quoted") == std::string::npos);
}

TEST_CASE("URI output: encoding, IPv6, several hosts, empty values") {
  connection c;
  c.form = source_form::libpq_keywords;
  c.hosts.push_back({"[::1]", 5439});
  c.hosts.push_back({"h@x", 5440});
  c.database = "d b/?#";
  c.properties.push_back({"user", "u:s@r"});
  c.properties.push_back({"password", "p+w%/"});
  c.properties.push_back({"application_name", "a&b=c"});
  std::string s = uri(c, revealing());
  CHECK(s ==
        "postgresql://u%3As%40r:p%2Bw%25%2F@[::1]:5439,h%40x:5440/"
        "d%20b%2F%3F%23?application_name=a%26b%3Dc&sslmode=require");
  connection back = parsed(s);
  CHECK(back.hosts == c.hosts);
  CHECK(back.database == c.database);
  CHECK(value_of(back, "password") == "p+w%/");

  connection empty;
  empty.form = source_form::libpq_keywords;
  empty.hosts.push_back({"h", 5439});
  empty.database = "";
  empty.properties.push_back({"user", ""});
  empty.properties.push_back({"password", ""});
  s = uri(empty, revealing());
  CHECK(s == "postgresql://h:5439/?dbname=&user=&password=&sslmode=require");
  back = parsed(s);
  CHECK(back.database == "");
  CHECK(value_of(back, "user").empty());
}

TEST_CASE("options: hostaddr, host override") {
  connection c = parse("localhost:5439/dev").value();
  libpq_options o;
  o.hostaddr = "127.0.0.1";
  o.sslmode = "disable";
  CHECK(conninfo(c, o) == "host=localhost hostaddr=127.0.0.1 port=5439 dbname=dev sslmode=disable");
  CHECK(uri(c, o) == "postgresql://localhost:5439/dev?hostaddr=127.0.0.1&sslmode=disable");

  connection rs = parse(std::string(rs_host) + ":5439/dev").value();
  o = {};
  o.host = "localhost";  // an SSH tunnel
  CHECK(conninfo(rs, o) == "host=localhost port=5439 dbname=dev sslmode=require");

  o = {};
  o.hostaddr = "10.0.0.1,10.0.0.2";  // one address per host
  auto bad = to_libpq(rs, o);
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == errc::unrepresentable_value);

  // A hostaddr property of a parsed conninfo is kept, unless the option replaces it.
  connection kept = parsed("host=h hostaddr=10.1.1.1 port=5439");
  CHECK(conninfo(kept) == "host=h port=5439 hostaddr=10.1.1.1 sslmode=require");
  o = {};
  o.hostaddr = "10.2.2.2";
  CHECK(conninfo(kept, o) == "host=h hostaddr=10.2.2.2 port=5439 sslmode=require");
}

TEST_CASE("properties from other forms are translated or refused") {
  connection c = parse("jdbc:redshift://h:5439/dev?UID=u&PWD=p&loginTimeout=10&ApplicationName=app").value();
  CHECK(conninfo(c, revealing()) ==
        "host=h port=5439 dbname=dev user=u password=p connect_timeout=10 application_name=app "
        "sslmode=require");

  connection unknown = parse("jdbc:redshift://h:5439/dev?user=u&compression=lz4&ClusterID=x").value();
  auto refused = to_libpq(unknown);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == errc::unrepresentable_value);
  CHECK(refused.error().offset == std::string_view("jdbc:redshift://h:5439/dev?user=u&").size());
  CHECK_FALSE(refused.error().message().empty());
  libpq_options o;
  o.drop_unknown = true;
  CHECK(conninfo(unknown, o) == "host=h port=5439 dbname=dev user=u sslmode=require");

  connection iam = parse("jdbc:redshift:iam://" + std::string(rs_host) + ":5439/dev").value();
  auto no_iam = to_libpq(iam);
  REQUIRE_FALSE(no_iam);
  CHECK(no_iam.error().code == errc::unrepresentable_value);
  CHECK(to_libpq(iam, o).has_value());
}

TEST_CASE("what libpq cannot carry") {
  connection c;
  c.hosts.push_back({"a,b", 5439});
  CHECK(to_libpq(c).error().code == errc::unrepresentable_value);
  c.hosts[0].host = "h";
  c.hosts[0].port = 0;
  CHECK(to_libpq(c).error().code == errc::invalid_port);
  c.hosts[0].port = 5439;
  c.properties.push_back({"password", std::string("a\0b", 3)});
  CHECK(to_libpq(c).error().code == errc::unrepresentable_value);
  connection none;
  CHECK(to_libpq(none).error().code == errc::missing_required_field);
  libpq_options o;
  o.host = "tunnel";
  CHECK(conninfo(none, o) == "host=tunnel port=5439 sslmode=require");
}

TEST_CASE("several hosts with different ports") {
  connection c = parsed("host=a,b port=5439,5440 dbname=dev");
  CHECK(conninfo(c) == "host=a,b port=5439,5440 dbname=dev sslmode=require");
  CHECK(uri(c) == "postgresql://a:5439,b:5440/dev?sslmode=require");
  connection spaced;
  spaced.hosts = {{"a b", 5439}, {"c", 5439}};
  CHECK(conninfo(spaced) == "host='a b,c' port=5439 sslmode=require");
}

TEST_CASE("round trips through both forms") {
  for (std::string_view text :
       {"host=h port=5439 dbname=dev user=u password=p sslmode=require",
        "host=a,b port=5439,5440 dbname='d b' user='x\\'y' application_name=z sslmode=disable",
        "host=::1 port=5439 dbname=dev sslmode=require"}) {
    connection c = parsed(text);
    connection again = parsed(conninfo(c, revealing()));
    CHECK(again.hosts == c.hosts);
    CHECK(again.database == c.database);
    CHECK(again.properties == c.properties);
    connection via_uri = parsed(uri(c, revealing()));
    CHECK(via_uri.hosts == c.hosts);
    CHECK(via_uri.database == c.database);
    CHECK(detail::libpq_sslmode_of(via_uri) == detail::libpq_sslmode_of(c));
  }
}

// ---------------------------------------------------------------- detect and validate

TEST_CASE("detect_form and parse recognise both libpq forms") {
  CHECK(detect_form("host=h port=5439 dbname=dev") == source_form::libpq_keywords);
  CHECK(detect_form("  dbname = dev") == source_form::libpq_keywords);
  CHECK(detect_form("user='a b' host=h") == source_form::libpq_keywords);
  CHECK(detect_form("postgresql://h:5439/dev") == source_form::libpq_uri);
  CHECK(detect_form("postgres://h/dev") == source_form::libpq_uri);
  CHECK(detect_form("h:5439/dev") == source_form::endpoint);
  CHECK(detect_form("jdbc:redshift://h:5439/dev") == source_form::jdbc);

  auto c = parse("host=h port=5439 dbname=dev");
  REQUIRE(c);
  CHECK(c->form == source_form::libpq_keywords);
  c = parse("postgresql://h:5439/dev");
  REQUIRE(c);
  CHECK(c->form == source_form::libpq_uri);
  CHECK(parse("host=h Port=5439").error().code == errc::unknown_keyword);
}

TEST_CASE("validate: libpq's default port is not Redshift's") {
  auto has = [](const std::vector<diagnostic>& ds, errc code) {
    for (const diagnostic& d : ds)
      if (d.code == code) return true;
    return false;
  };
  auto ds = validate(parsed("host=" + std::string(rs_host) + " dbname=dev"));
  CHECK_FALSE(has(ds, errc::port_outside_serverless_range));  // 5432 is inside 5431-5455...
  CHECK(has(ds, errc::missing_port));  // ...but not where a workgroup listens by default
  ds = validate(parsed("host=" + std::string(rs_host) + " port=5439 dbname=dev"));
  CHECK_FALSE(has(ds, errc::missing_port));
  CHECK_FALSE(has_errors(ds));
}

// ---------------------------------------------------------------- the real libpq

#if RSCONN_HAVE_LIBPQ
TEST_CASE("rsconn reads what PQconninfoParse reads") {
  const std::vector<std::string> inputs = {
      "host=h port=5439 dbname=dev user=u sslmode=require",
      "dbname= host=h",
      "password='it''s'",
      "password='it\\'s'",
      "password='a'host=h",
      "password=a\\ b host=h",
      "user=u\\",
      "user='u\\",
      "user=",
      "user",
      "=",
      "=x",
      "host = h   port =5439",
      "host h",
      "Host=h",
      "ssl=true",
      "requiressl=1",
      "requiressl=x sslmode=verify-ca",
      "require_auth=password",
      "host=a,b port=1,2",
      "host=a,b,c port=1,2",
      "host=a,b port=1",
      "host=,b port=,2",
      "hostaddr=1.2.3.4,5.6.7.8 host=a",
      "hostaddr=1.2.3.4 host=a,b",
      "host=::1 port=5439",
      "host=[::1] port=5439",
      "port=+5439",
      "port=' 5439 '",
      "port=0x10",
      "port=99999999999",
      "host=h\tport=1\ndbname=d\rsslmode=\fdisable",
      "application_name='caf\xc3\xa9' user=\xc3\xa9",
      "options='-c x=1'",
      "postgresql://",
      "postgresql://h",
      "postgres://h:5439/dev",
      "postgresql://u:p@h:5439/dev?sslmode=require",
      "postgresql://u:@h",
      "postgresql://:p@h",
      "postgresql://u@v@h",
      "postgresql://u:p:q@h",
      "postgresql://h/db#x",
      "postgresql://h/db?ssl=true",
      "postgresql://h/db?ssl=false",
      "postgresql://h/db?ssl=True",
      "postgresql://h/db?%73slmode=require",
      "postgresql://h/db?sslmode=require&",
      "postgresql://h/db?&",
      "postgresql://h/db?a",
      "postgresql://h/db?user=a=b",
      "postgresql://h/db?user=a%3Db",
      "postgresql://h/db?user=%",
      "postgresql://h/db?user=%0",
      "postgresql://h/db?user=%00",
      "postgresql://h/d%2Fb",
      "postgresql://h/d+b",
      "postgresql://h?x=a@b",
      "postgresql://h:abc/db",
      "postgresql://h:/db",
      "postgresql://h1:1,h2:2,h3/db",
      "postgresql://h1:1,h2:2,h3:3/db",
      "postgresql://h1,h2:5/db",
      "postgresql://[::1]:5439/db",
      "postgresql://[::1/db",
      "postgresql://[]/db",
      "postgresql://[::1]x/db",
      "postgresql://[::1],[::2]:5/db",
      "postgresql://h%2Cg/",
      "postgresql://h%zz/",
      "postgresql://h:5439/dev?host=x&port=1&dbname=y",
      "postgresql://h/dev?hostaddr=1.2.3.4",
      "postgresql:///dev?host=%2Fvar%2Frun",
      "postgresql://h/dev?requiressl=1&sslmode=disable",
      "postgresql://h/dev?sslmode=disable&requiressl=1",
      "postgresql://h/dev?application_name=a+b",
      "postgresql://a@b:c@d/e",
      "postgresql://a/b@c",
      "postgresql://h?dbname=&user=",
      "PostgreSQL://h",
      "postgresql:/h",
  };
  for (const std::string& text : inputs) {
    INFO(text);
    CHECK(rsconn_test::compare_with_libpq(text).empty());
    CAPTURE(rsconn_test::compare_with_libpq(text));
  }
}

TEST_CASE("PQconninfoParse reads back what to_libpq and to_libpq_uri write") {
  for (std::string_view text :
       {"jdbc:redshift://h:5439/dev?user=u&password=p%2B%27q&ssl=true&ApplicationName=a%20b",
        "host='a b' port=5439 dbname='x\\\\y' user=\\'",
        "postgresql://u:p%20w@[::1]:5439,h:5440/d%3Fb?connect_timeout=5"}) {
    connection c = parse(text).value();
    for (const std::string& written : {conninfo(c, revealing()), uri(c, revealing())}) {
      INFO(written);
      rsconn_test::libpq_reading lib = rsconn_test::libpq_parse(written);
      REQUIRE(lib.ok);
      connection back = parsed(written);
      CHECK(rsconn_test::compare_model(back, lib).empty());
      CHECK(back.hosts == c.hosts);
      CHECK(back.database == c.database);
    }
  }
}
#endif

#if RSCONN_HAVE_LIBPQ
// Strings both ODBC and libpq read, differently (issue: `host=h;port=5439` is, to libpq, one
// host value). Detection keeps ODBC and warns with libpq's reading, which the real
// PQconninfoParse confirms; reading them as libpq gives what libpq gives; a string only libpq
// reads (`password=a;b`: to the ODBC driver `b` has no '=') is detected as libpq.
TEST_CASE("strings ODBC and libpq both read: detection, the warning and --from libpq agree with libpq") {
  struct ambiguous {
    std::string text;
    std::string keyword;   // the first key, a libpq keyword
    std::string reading;   // what PQconninfoParse gives it
  };
  for (const ambiguous& a : {ambiguous{"host=h;port=5439", "host", "h;port=5439"},
                             ambiguous{"host=h;port=5439 dbname=dev", "host", "h;port=5439"},
                             ambiguous{"dbname=d;Server=h;Port=5439", "dbname", "d;Server=h;Port=5439"},
                             ambiguous{"user=u;Server=h", "user", "u;Server=h"}}) {
    INFO(a.text);
    rsconn_test::libpq_reading lib = rsconn_test::libpq_parse(a.text);
    REQUIRE(lib.ok);
    CHECK(lib.get(a.keyword) == a.reading);
    connection c = parse(a.text).value();
    CHECK(c.form == source_form::odbc);
    bool warned = false;
    for (const diagnostic& d : validate(c))
      if (d.code == errc::ambiguous_form) {
        warned = true;
        CHECK(d.severity == severity::warning);
        CHECK(d.message.find("\"" + a.reading + "\"") != std::string::npos);
      }
    CHECK(warned);
    CHECK(rsconn_test::compare_with_libpq(a.text).empty());  // read as libpq, it is libpq's reading
    CHECK(parse(a.text, source_form::libpq_keywords).value().form == source_form::libpq_keywords);
  }
  // A secret's value is not quoted.
  for (const diagnostic& d : validate(parse("password=s3cret;Server=h").value()))
    if (d.code == errc::ambiguous_form) CHECK(d.message.find("s3cret") == std::string::npos);
  // Only libpq reads these: detected as libpq, read as libpq reads them.
  for (std::string text : {"password=a;b", "password=a;b;c", "dbname=x;y"}) {
    INFO(text);
    REQUIRE(rsconn_test::libpq_parse(text).ok);
    auto c = parse(text);
    REQUIRE(c);
    CHECK(c->form == source_form::libpq_keywords);
    CHECK(rsconn_test::compare_with_libpq(text).empty());
  }
  // No warning where libpq would refuse the string (a key libpq does not know, as it spells keys).
  for (std::string text : {"Host=h;Port=5439", "Server=h;Port=5439", "host=h ;port=1"}) {
    INFO(text);
    CHECK_FALSE(rsconn_test::libpq_parse(text).ok);
    auto c = parse(text);
    REQUIRE(c);
    CHECK(c->form == source_form::odbc);  // only the ODBC driver reads them
    for (const diagnostic& d : validate(*c)) CHECK(d.code != errc::ambiguous_form);
  }
  // Without a ';', a string libpq refuses stays libpq's, with libpq's error.
  CHECK(parse("host=h prot=5439").error().code == errc::unknown_keyword);
}
#endif
