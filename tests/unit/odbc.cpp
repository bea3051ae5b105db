// ODBC connection strings: parse_odbc / to_connection / to_odbc / the ODBC diagnostics, against
// SPEC §4 and the Redshift ODBC 2.x driver's observed parser.
#include <catch2/catch_test_macros.hpp>

#include <cstddef>
#include <string>
#include <type_traits>
#include <utility>
#include <string_view>
#include <vector>

#include "rsconn/detect.hpp"
#include "rsconn/jdbc.hpp"
#include "rsconn/odbc.hpp"
#include "rsconn/validate.hpp"

using namespace rsconn;
using namespace std::literals;

namespace {

connection parsed(std::string_view text) {
  INFO(text);
  auto c = parse_odbc_connection(text);
  if (!c) INFO(c.error().message());
  REQUIRE(c.has_value());
  return *c;
}

error parse_error(std::string_view text) {
  INFO(text);
  auto v = parse_odbc(text);
  REQUIRE_FALSE(v.has_value());
  return v.error();
}

std::string odbc(const connection& c, bool reveal = false, std::string_view driver = odbc_driver_2x,
                 unknown_keys unknown = unknown_keys::refuse) {
  odbc_options o;
  o.reveal_secrets = reveal;
  o.driver = driver;
  o.unknown = unknown;
  auto text = to_odbc(c, o);
  if (!text) INFO(text.error().message());
  REQUIRE(text.has_value());
  return *text;
}

error odbc_error(const connection& c) {
  odbc_options o;
  o.reveal_secrets = true;
  auto text = to_odbc(c, o);
  REQUIRE_FALSE(text.has_value());
  return text.error();
}

std::vector<diagnostic> with_code(const std::vector<diagnostic>& all, errc code) {
  std::vector<diagnostic> out;
  for (const diagnostic& d : all)
    if (d.code == code) out.push_back(d);
  return out;
}

connection with_password(std::string password) {
  connection c;
  c.form = source_form::odbc;
  c.hosts.push_back({"localhost", 5439});
  c.database = "dev";
  c.properties.push_back({"UID", "alice"});
  c.properties.push_back({"PWD", std::move(password)});
  return c;
}

constexpr std::string_view sl_host = "default.123456789012.us-east-1.redshift-serverless.amazonaws.com";
constexpr std::string_view prov_host = "examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com";

}  // namespace

// ---------------------------------------------------------------- grammar

TEST_CASE("the documented Serverless string") {
  constexpr std::string_view text =
      "Driver={Amazon Redshift ODBC Driver (x64)}; Server=default.123456789012.us-east-1.redshift-serverless."
      "amazonaws.com; Port=5439; Database=dev; UID=admin; PWD=secret";
  auto v = parse_odbc(text);
  REQUIRE(v);
  CHECK(v->size() == 6);
  REQUIRE(v->driver());
  CHECK(v->driver()->value.raw() == "Amazon Redshift ODBC Driver (x64)");
  CHECK(v->driver()->value.braced());
  CHECK(v->driver()->value.offset() == 8);
  REQUIRE(v->host());
  CHECK(v->host()->value.raw() == sl_host);
  CHECK(v->port() == 5439);
  CHECK(v->target() == target_kind::serverless);

  connection c = parsed(text);
  CHECK(c.form == source_form::odbc);
  CHECK(c.target == target_kind::serverless);
  REQUIRE(c.hosts.size() == 1);
  CHECK(c.hosts[0].host == sl_host);
  CHECK(c.hosts[0].offset == text.find("default."));
  CHECK(c.hosts[0].port == 5439);
  CHECK(c.hosts[0].port_offset == text.find("5439"));
  CHECK(c.database == "dev");
  CHECK(c.database_offset == text.find("dev;"));
  CHECK(c.workgroup == "default");
  CHECK(c.account_id == "123456789012");
  CHECK(c.region == "us-east-1");
  CHECK_FALSE(c.iam);
  REQUIRE(c.properties.size() == 6);
  CHECK(c.properties[0].key == "Driver");
  CHECK(c.properties[0].value == "Amazon Redshift ODBC Driver (x64)");
  CHECK(c.properties[0].offset == 0);
  CHECK(c.properties[1].key == "Server");
  CHECK(c.properties[1].offset == text.find("Server"));
  CHECK(c.properties[5].key == "PWD");
  CHECK(c.properties[5].value == "secret");
  CHECK(c.properties[5].value_offset == text.find("secret"));
  CHECK(c.properties[5].secret());
}

TEST_CASE("empty, ';' and ';;' parse to nothing; whitespace alone does not") {
  for (std::string_view text : {""sv, ";"sv, ";;"sv, ";;;;"sv}) {
    auto v = parse_odbc(text);
    REQUIRE(v);
    CHECK(v->empty());
    connection c = parsed(text);
    CHECK(c.hosts.empty());
    CHECK(c.properties.empty());
    CHECK_FALSE(c.database);
  }
  CHECK(parse_error(" ") == error{errc::missing_equals, 0});
  CHECK(parse_error("\t\r\n") == error{errc::missing_equals, 0});
  CHECK(parse_error("; ").code == errc::missing_equals);
  CHECK(parse_error("; ").offset == 1);
  // Blanks before a ';' are skipped with it (parseConnectionString skips blanks, then ';').
  for (std::string_view text : {" ;"sv, "\t;;"sv, " ; ;"sv}) {
    INFO(text);
    auto v = parse_odbc(text);
    REQUIRE(v);
    CHECK(v->empty());
  }
}

// parseConnectionString (rsutil.c) skips blanks, one ';' and blanks again after every value, so
// blanks and CR/LF after the last pair and its ';' end the string; blanks after a ';' that ends
// no pair send it back to its key loop, which finds the end instead of a key and fails.
TEST_CASE("blanks and CR/LF after the last ';' are accepted; after an empty segment they fail") {
  for (std::string_view text : {"Server=a; "sv, "Server=a  ;  "sv, "Server=a;\t"sv, "Server=a \r\n"sv,
                                "Server={a} ; \n"sv, "; Server=a; "sv}) {
    INFO(text);
    auto v = parse_odbc(text);
    REQUIRE(v);
    CHECK(v->size() == 1);
    REQUIRE(v->host());
    CHECK(v->host()->value.raw() == "a");
  }
  connection c = parsed("Server=a;\r\nPort=1;\r\n");
  REQUIRE(c.properties.size() == 2);
  CHECK(c.properties[1].key == "Port");  // CR/LF after ';' are skipped before a key
  CHECK(c.properties[1].offset == 11);
  CHECK(c.hosts[0].port == 1);
  // A blank segment between ';' ahead of a key is skipped like ";;": the key is "Port".
  c = parsed("Server=a; ;Port=1");
  REQUIRE(c.properties.size() == 2);
  CHECK(c.properties[1].key == "Port");
  CHECK(c.hosts[0].port == 1);
  // Blanks at the end after a ';' that closes no pair: the whole string fails, at the blanks.
  CHECK(parse_error("Server=a; ; ") == error{errc::missing_equals, 11});
  CHECK(parse_error("Server=a;; ") == error{errc::missing_equals, 10});
  CHECK(parse_error("Server=a;\r\n;\r\n") == error{errc::missing_equals, 12});
  CHECK(parse_error("Server=a; ; ").message().find("blanks") != std::string_view::npos);
}

TEST_CASE("a segment with no '=' after it fails the whole string, with its offset") {
  CHECK(parse_error("Server=h;junk") == error{errc::missing_equals, 9});
  CHECK(parse_error("junk") == error{errc::missing_equals, 0});
  CHECK(parse_odbc("Server=h;Port=5439;").has_value());
  // An unbraced password with ';': "b" is a segment without '='.
  CHECK(parse_error("UID=u;PWD=a;b") == error{errc::missing_equals, 12});
  CHECK(parse_error("Server=h; junk") == error{errc::missing_equals, 10});  // where the key starts
}

TEST_CASE("an empty key fails, with its offset") {
  CHECK(parse_error(";=b") == error{errc::empty_key, 1});
  CHECK(parse_error("=b") == error{errc::empty_key, 0});
  CHECK(parse_error("Server=h; =b") == error{errc::empty_key, 10});
  CHECK(parse_error(" =b") == error{errc::empty_key, 1});
  CHECK(parse_error("Server=h;=b").message().find("empty key") != std::string_view::npos);
}

TEST_CASE("an unclosed brace fails at the brace") {
  CHECK(parse_error("PWD={abc") == error{errc::unclosed_brace, 4});
  CHECK(parse_error("Server=h;PWD= {abc;UID=u") == error{errc::unclosed_brace, 14});
  // The driver reads '}' two at a time: an even run closes nothing.
  CHECK(parse_error("PWD={a}}") == error{errc::unclosed_brace, 4});
  CHECK(parse_error("PWD={a}}}}") == error{errc::unclosed_brace, 4});
  CHECK(parse_error("Server=h;PWD={a}}}};UID=u") == error{errc::unclosed_brace, 13});
  // The docs' {{placeholder}} templates.
  CHECK(parse_error("UID={{username}};PWD={{password}}").code == errc::unclosed_brace);
}

// parseConnectionString (rsutil.c) reads "}}" inside braces as one '}' before it looks for the
// closing '}': in a run of '}' the pairs go first and an odd one out closes the value.
TEST_CASE("a braced value may end in an escaped '}' right before the closing one") {
  struct sample {
    std::string_view text;
    std::string_view value;
  };
  for (sample s : {sample{"PWD={}}}", "}"}, sample{"PWD={a}}}", "a}"}, sample{"PWD={{a}}}", "{a}"},
                   sample{"PWD={a}}}}}", "a}}"}, sample{"PWD={ a}} }", "a}"}, sample{"PWD={a;b}}}", "a;b}"},
                   sample{"PWD={}}}}}}}", "}}}"}}) {
    INFO(s.text);
    connection c = parsed(s.text);
    REQUIRE(c.properties.size() == 1);
    CHECK(c.properties[0].value == s.value);
    CHECK(c.properties[0].value_offset == s.text.find_first_not_of(" ", 5));
  }
  // The value ends at the odd one out; the next pair follows.
  connection c = parsed("Server=h;PWD={a}}};UID=u");
  REQUIRE(c.properties.size() == 3);
  CHECK(c.properties[1].value == "a}");
  CHECK(c.properties[2].key == "UID");
  CHECK(c.properties[2].value == "u");
  c = parsed("PWD={a}}}Server=h");
  REQUIRE(c.properties.size() == 2);
  CHECK(c.properties[0].value == "a}");
  CHECK(c.hosts[0].host == "h");
}

TEST_CASE("a key runs to the next '=' across ';'") {
  constexpr std::string_view text = "Server=a;junk;Port=1";
  connection c = parsed(text);
  REQUIRE(c.properties.size() == 2);
  CHECK(c.properties[1].key == "junk;Port");
  CHECK(c.properties[1].offset == 9);
  CHECK(c.properties[1].value == "1");
  REQUIRE(c.hosts.size() == 1);
  CHECK(c.hosts[0].host == "a");
  CHECK(c.hosts[0].port == 5439);  // the port is lost: the default
  CHECK(c.hosts[0].port_offset == 0);
  auto lost = with_code(validate(c), errc::missing_equals);
  REQUIRE(lost.size() == 1);
  CHECK(lost[0].severity == severity::warning);
  CHECK(lost[0].offset == 13);  // the ';' inside the key
  CHECK(lost[0].message.find("Port") != std::string::npos);

  // The key never starts at a ';' or a blank: the warning names the setting that follows.
  connection spaced = parsed("Server=a;junk; Port=1");
  REQUIRE(spaced.properties.size() == 2);
  CHECK(spaced.properties[1].key == "junk; Port");
  lost = with_code(validate(spaced), errc::missing_equals);
  REQUIRE(lost.size() == 1);
  CHECK(lost[0].message.find("the setting \"Port\" is lost") != std::string::npos);
  // A key ending in ';' loses no setting: the warning does not invent one.
  connection bare = parsed("Server=a;junk;=1");
  REQUIRE(bare.properties.size() == 2);
  CHECK(bare.properties[1].key == "junk;");
  lost = with_code(validate(bare), errc::missing_equals);
  REQUIRE(lost.size() == 1);
  CHECK(lost[0].offset == 13);
  CHECK(lost[0].message.find("the setting \"\"") == std::string::npos);
}

TEST_CASE("braced values: anything inside, '}}' is '}', trimmed inside") {
  connection c = parsed("PWD={p;w=d{x}}y}");
  CHECK(c.properties[0].value == "p;w=d{x}y");
  CHECK(c.properties[0].value_offset == 5);
  c = parsed("PWD={ a }");
  CHECK(c.properties[0].value == "a");
  CHECK(c.properties[0].value_offset == 6);
  c = parsed("PWD={}");
  CHECK(c.properties[0].value.empty());
  c = parsed("PWD={}};x}");
  CHECK(c.properties[0].value == "};x");
  c = parsed("PWD=  {a}  ;UID=u");
  CHECK(c.properties[0].value == "a");
  CHECK(c.properties[1].key == "UID");
  // No ';' is needed after a braced value.
  c = parsed("Driver={x}Server=h");
  REQUIRE(c.properties.size() == 2);
  CHECK(c.properties[0].value == "x");
  CHECK(c.properties[1].key == "Server");
  CHECK(c.properties[1].offset == 10);
  REQUIRE(c.hosts.size() == 1);
  CHECK(c.hosts[0].host == "h");
  // A '{' that does not start the value is plain data; so is '}' in a plain value.
  c = parsed("PWD=a{b}c;UID=u}");
  CHECK(c.properties[0].value == "a{b}c");
  CHECK(c.properties[1].value == "u}");
}

TEST_CASE("plain values are trimmed; keys are trimmed; CR/LF are not separators") {
  connection c = parsed("  Server =  h  ; Port= 5440 ;Database=dev");
  CHECK(c.properties[0].key == "Server");
  CHECK(c.properties[0].offset == 2);
  CHECK(c.properties[0].value == "h");
  CHECK(c.properties[0].value_offset == 12);
  CHECK(c.hosts[0].port == 5440);
  c = parsed("Server=h\r\nPort=1");
  REQUIRE(c.properties.size() == 1);
  CHECK(c.hosts[0].host == "h\r\nPort=1");
  CHECK(c.hosts[0].port == 5439);
  c = parsed("PWD=a=b");
  CHECK(c.properties[0].value == "a=b");
}

TEST_CASE("keys are case-insensitive; the last duplicate wins, the first spelling stays") {
  constexpr std::string_view text = "server=a;SERVER=b;uid=x;Uid=y";
  connection c = parsed(text);
  CHECK(c.hosts[0].host == "b");
  CHECK(c.hosts[0].offset == 16);
  REQUIRE(c.properties.size() == 4);
  CHECK(c.properties[0].key == "server");
  CHECK(c.find("UID")->value == "y");
  auto dups = with_code(validate(c), errc::duplicate_property);
  REQUIRE(dups.size() == 2);
  CHECK(dups[0].offset == 0);
  CHECK(dups[1].offset == text.find("uid"));
}

TEST_CASE("aliases resolve by key name, not position") {
  CHECK(parsed("Servername=s;Server=a;HostName=b;Host=c").hosts[0].host == "s");
  CHECK(parsed("Host=c;HostName=b;Server=a").hosts[0].host == "a");
  CHECK(parsed("Host=c;HostName=b").hosts[0].host == "b");
  CHECK(parsed("Host=c").hosts[0].host == "c");
  CHECK(parsed("Server=h;PortNumber=5440;Port=5441").hosts[0].port == 5440);
  CHECK(parsed("Server=h;Port=5441;PortNumber=5440").hosts[0].port == 5440);
  CHECK(parsed("Database=a;DB=b").database == "b");
  CHECK(parsed("DB=b;Database=a").database == "b");
  auto v = parse_odbc("LogonID=l;UID=u;User=x;Password=p;PWD=q");
  REQUIRE(v);
  CHECK(v->user()->value.raw() == "x");
  CHECK(v->password()->value.raw() == "q");
  v = parse_odbc("LogonID=l;UID=u;Password=p");
  CHECK(v->user()->value.raw() == "u");
  CHECK(v->password()->value.raw() == "p");

  constexpr std::string_view text = "Host=c;Server=a;Port=1;PortNumber=5439";
  auto conflicts = with_code(validate(parsed(text)), errc::conflicting_property);
  REQUIRE(conflicts.size() == 2);
  CHECK(conflicts[0].severity == severity::warning);
  CHECK(conflicts[0].offset == 0);                 // Host loses to Server
  CHECK(conflicts[1].offset == text.find("Port"));  // Port loses to PortNumber
  CHECK(conflicts[0].message.find("Server") != std::string::npos);
  // Aliases that agree are not a conflict.
  CHECK(with_code(validate(parsed("Host=a;Server=a")), errc::conflicting_property).empty());
}

TEST_CASE("the port goes through std::stoi") {
  CHECK(parsed("Server=h;Port=5439abc").hosts[0].port == 5439);
  CHECK(parsed("Server=h;Port=+5440").hosts[0].port == 5440);
  CHECK(parsed("Server=h;Port=05439").hosts[0].port == 5439);
  CHECK(parsed("Server=h;Port={5441}").hosts[0].port == 5441);
  CHECK(parsed("Server=h;Port=-1").hosts[0].port == 0);
  CHECK(parsed("Server=h;Port=70000").hosts[0].port == 70000);
  CHECK(parse_error("Server=h;Port=abc") == error{errc::invalid_port, 14});
  CHECK(parse_error("Server=h;Port=") == error{errc::invalid_port, 14});
  CHECK(parse_error("Server=h;Port=-") == error{errc::invalid_port, 14});
  CHECK(parse_error("Server=h;Port=2147483648") == error{errc::invalid_port, 14});
  CHECK(parsed("Server=h;Port=2147483647").hosts[0].port == 2147483647u);
  // Only the port the driver uses is read: a losing alias may hold anything.
  CHECK(parsed("Server=h;Port=abc;PortNumber=5439").hosts[0].port == 5439);
  // validate reports what the driver then does with the number.
  auto bad = with_code(validate(parsed("Server=h;Port=-1")), errc::invalid_port);
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].offset == 14);
}

TEST_CASE("a NUL byte and oversized input are refused") {
  CHECK(parse_error("Server=h\0;Port=1"sv) == error{errc::invalid_character, 8});
  std::string huge(max_input_length + 1, 'a');
  CHECK(parse_error(huge).code == errc::input_too_long);
}

// ---------------------------------------------------------------- IAM and effective fields

TEST_CASE("booleans: only 1 and true are true") {
  CHECK(parsed("IAM=1;Server=h").iam);
  CHECK(parsed("IAM=TRUE;Server=h").iam);
  CHECK(parsed("iam={ True }").iam);
  CHECK_FALSE(parsed("IAM=yes").iam);
  CHECK_FALSE(parsed("IAM=0").iam);
  CHECK_FALSE(parsed("IAM=on").iam);
  CHECK(parsed("IAM=1;IAM=0").iam == false);  // the last wins
  auto warnings = with_code(validate(parsed("IAM=yes")), errc::invalid_boolean);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].offset == 4);
  CHECK(with_code(validate(parsed("IAM=1")), errc::invalid_boolean).empty());
}

TEST_CASE("explicit IAM settings beat the host") {
  connection c = parsed("Driver={Amazon Redshift ODBC Driver (x64)};Server=nlb.example.com;Port=5439;Database=dev;"
                        "IAM=1;Workgroup=analytics;Region=eu-west-1;Serverless=1;DbUser=bob;DbGroups=g1,g2;AutoCreate=1");
  CHECK(c.iam);
  CHECK(c.target == target_kind::serverless);
  CHECK(c.workgroup == "analytics");
  CHECK(c.region == "eu-west-1");
  CHECK_FALSE(c.account_id);
  CHECK_FALSE(c.cluster_id);

  c = parsed("Server=custom.example.com;IAM=1;ClusterId=examplecluster;Region=us-west-2");
  CHECK(c.target == target_kind::provisioned);
  CHECK(c.cluster_id == "examplecluster");
  CHECK(c.region == "us-west-2");

  c = parsed("Server="s + std::string(prov_host) + ";Region=us-east-2");
  CHECK(c.target == target_kind::provisioned);
  CHECK(c.cluster_id == "examplecluster");
  CHECK(c.region == "us-east-2");

  // Serverless=1 marks a custom host as Serverless only when it is true for the driver.
  CHECK(parsed("Server=h;Serverless=1").target == target_kind::serverless);
  CHECK(parsed("Server=h;Serverless=true").target == target_kind::serverless);
  CHECK(parsed("Server=h;Serverless=yes").target == target_kind::unknown);
  // The legacy cluster id names a Serverless workgroup.
  c = parsed("Server=h;IAM=1;ClusterId=redshift-serverless-wg;Region=us-east-1");
  CHECK(c.target == target_kind::serverless);
  CHECK(c.legacy_iam);
  CHECK(c.workgroup == "wg");
  // The prefix alone names none: no workgroup, and an error where it should stand.
  constexpr std::string_view empty_wg = "Server=h;IAM=1;ClusterId=redshift-serverless-;Region=us-east-1";
  c = parsed(empty_wg);
  CHECK(c.legacy_iam);
  CHECK_FALSE(c.workgroup);
  auto named = with_code(validate(c), errc::invalid_workgroup_name);
  REQUIRE(named.size() == 1);
  CHECK(named[0].severity == severity::error);
  CHECK(named[0].offset == empty_wg.find(";Region"));
}

TEST_CASE("isServerless is not an ODBC key: one warning, naming the ODBC key") {
  constexpr std::string_view text = "Server=h;IAM=1;Workgroup=wg;isServerless=true";
  connection c = parsed(text);
  auto d = validate(c);
  CHECK(with_code(d, errc::unknown_keyword).empty());  // said once, as an unknown option
  auto unknown = with_code(d, errc::unknown_option);
  REQUIRE(unknown.size() == 1);
  CHECK(unknown[0].severity == severity::warning);
  CHECK(unknown[0].offset == text.find("isServerless"));
  CHECK(unknown[0].message.find("the ODBC driver calls it Serverless") != std::string::npos);
}

TEST_CASE("values the driver truncates") {
  std::string long_host(1025, 'a');
  std::string text = "Server=" + long_host + ";ClusterId=" + std::string(256, 'c') + ";DbGroups=" +
                     std::string(1023, 'g') + ";Workgroup=" + std::string(1024, 'w');
  connection c = parsed(text);
  auto cut = with_code(validate(c), errc::value_truncated_by_driver);
  REQUIRE(cut.size() == 2);  // the host (1025 > 1024) and the cluster id (256 > 255)
  CHECK(cut[0].severity == severity::warning);
  CHECK(cut[0].offset == 7 + 1024);
  CHECK(cut[1].offset == text.find("ClusterId=") + 10 + 255);
  CHECK(cut[1].message.find("255") != std::string::npos);
  c = parsed("DbGroups=" + std::string(1024, 'g'));
  CHECK(with_code(validate(c), errc::value_truncated_by_driver).size() == 1);
}

// ---------------------------------------------------------------- formatting

TEST_CASE("to_odbc writes the driver, the structural keys, then the properties") {
  connection c = parsed("Server=h;UID=u;PWD=pw;Database=dev");
  CHECK(odbc(c) == "Driver={Amazon Redshift ODBC Driver (x64)};Server=h;Port=5439;Database=dev;UID=u;PWD={***}");
  CHECK(odbc(c, true) == "Driver={Amazon Redshift ODBC Driver (x64)};Server=h;Port=5439;Database=dev;UID=u;PWD=pw");
  CHECK(odbc(c, true, odbc_driver_1x) == "Driver={Amazon Redshift (x64)};Server=h;Port=5439;Database=dev;UID=u;PWD=pw");
  CHECK(odbc(c, true, "") == "Server=h;Port=5439;Database=dev;UID=u;PWD=pw");
  CHECK(odbc(c, true, "/usr/lib/x86_64-linux-gnu/odbc/psqlodbcw.so") ==
        "Driver=/usr/lib/x86_64-linux-gnu/odbc/psqlodbcw.so;Server=h;Port=5439;Database=dev;UID=u;PWD=pw");
}

TEST_CASE("to_odbc braces exactly the values that need it") {
  auto pwd_of = [](std::string password) {
    std::string text = odbc(with_password(std::move(password)), true, "");
    return text.substr(text.find("PWD=") + 4);
  };
  CHECK(pwd_of("plain") == "plain");
  CHECK(pwd_of("") == "");
  CHECK(pwd_of("a;b") == "{a;b}");
  CHECK(pwd_of("a=b") == "{a=b}");
  CHECK(pwd_of("{ab") == "{{ab}");
  CHECK(pwd_of("a}b") == "{a}}b}");
  CHECK(pwd_of("a}}b") == "{a}}}}b}");
  for (char special : std::string_view("[](),?*!@")) CHECK(pwd_of("a"s + special + "b") == "{a"s + special + "b}");
  CHECK(pwd_of("in side") == "in side");
  CHECK(pwd_of("'\"\\%+") == "'\"\\%+");
  CHECK(pwd_of("pässwörd") == "pässwörd");
  // Ending in '}': braced like any value with '}', which is doubled (the driver reads `{a}}}` as "a}").
  CHECK(pwd_of("a}") == "{a}}}");
  CHECK(pwd_of("}") == "{}}}");
  CHECK(pwd_of("(x)}") == "{(x)}}}");
  CHECK(pwd_of("a=b}") == "{a=b}}}");
  CHECK(pwd_of("a;b}") == "{a;b}}}");
  CHECK(pwd_of("{ab}") == "{{ab}}}");
}

TEST_CASE("to_odbc writes values ending in '}' that the driver reads back") {
  for (std::string value : {"a;b}"s, "{ab}"s, "{}}"s, "}"s, "}}"s, "x;}}}"s, "{a}"s}) {
    INFO(value);
    connection c = with_password(value);
    c.database = value;
    std::string text = odbc(c, true, "");
    connection back = parsed(text);
    CHECK(back.database == value);
    CHECK(back.find("PWD")->value == value);
    CHECK(odbc(back, true, "") == text);
  }
}

TEST_CASE("to_odbc refuses what the driver cannot read back") {
  for (std::string bad : {" lead"s, "trail "s, "tab\t"s, "\nx"s, "nul\0x"s}) {
    INFO(bad);
    error e = odbc_error(with_password(bad));
    CHECK(e.code == errc::unrepresentable_value);
    CHECK_FALSE(e.detail.empty());
  }
  connection c = with_password("ok");
  c.hosts.push_back({"second", 5439});
  CHECK(odbc_error(c).code == errc::unrepresentable_value);
  c = with_password("ok");
  c.properties.push_back({"a=b", "x"});
  CHECK(odbc_error(c).code == errc::unrepresentable_value);
  c = with_password("ok");
  c.properties.push_back({" k", "x"});
  CHECK(odbc_error(c).code == errc::unrepresentable_value);
  c = with_password("ok");
  c.database = " dev";
  CHECK(odbc_error(c).code == errc::unrepresentable_value);
  // A Serverless account id that the host does not name: ODBC has no key for it.
  auto jdbc = parse_jdbc_connection("jdbc:redshift://nlb.example.com:5439/dev?serverlessAcctId=123456789012");
  REQUIRE(jdbc);
  CHECK(odbc_error(*jdbc).code == errc::unrepresentable_value);
  // Even a redacted secret is checked, so that reveal and redact fail alike.
  odbc_options redact;
  CHECK_FALSE(to_odbc(with_password(" x"), redact));
}

TEST_CASE("to_odbc adds the keys the host does not imply") {
  auto c = parse_jdbc_connection(
      "jdbc:redshift:iam://nlb.example.com:5439/dev?serverlessWorkGroup=wg&isServerless=true&Region=eu-west-1");
  REQUIRE(c);
  std::string text = odbc(*c, true, "");
  CHECK(text == "Server=nlb.example.com;Port=5439;Database=dev;Workgroup=wg;Serverless=1;Region=eu-west-1;IAM=1");
  connection back = parsed(text);
  CHECK(back.iam);
  CHECK(back.target == target_kind::serverless);
  CHECK(back.workgroup == "wg");
  CHECK(back.region == "eu-west-1");

  c = parse_jdbc_connection("jdbc:redshift:iam://examplecluster:us-west-2/dev?DbUser=bob");
  REQUIRE(c);
  text = odbc(*c, true, "");
  CHECK(text == "Database=dev;DbUser=bob;IAM=1;ClusterId=examplecluster;Region=us-west-2");
  back = parsed(text);
  CHECK(back.target == target_kind::provisioned);
  CHECK(back.cluster_id == "examplecluster");
  CHECK(back.hosts.empty());

  c = parse_jdbc_connection("jdbc:redshift:iam://redshift-serverless-wg:us-east-1/dev");
  REQUIRE(c);
  back = parsed(odbc(*c, true));
  CHECK(back.legacy_iam);
  CHECK(back.workgroup == "wg");
  CHECK(back.target == target_kind::serverless);

  // A workgroup on a custom host without isServerless: resolve() reads it as Serverless, and
  // so does the ODBC parser from Workgroup alone.
  c = parse_jdbc_connection("jdbc:redshift://tunnel.local:5439/dev?serverlessWorkGroup=wg");
  REQUIRE(c);
  back = parsed(odbc(*c, true));
  CHECK(back.target == c->target);
}

TEST_CASE("properties from JDBC go under their ODBC names; TLS by its mode; unknown keys refused, kept or dropped") {
  auto c = parse_jdbc_connection(
      "jdbc:redshift://h:5440/db?user=u&password=p%3Bw&ssl=true&sslmode=verify-full&host=x&loginTimeout=5&custom=1");
  REQUIRE(c);
  // custom is no JDBC option: rsconn cannot say what the ODBC driver would make of it.
  auto refused = to_odbc(*c);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == errc::unrepresentable_value);
  CHECK(refused.error().offset == c->properties.back().offset);  // at the key
  CHECK(refused.error().detail.find("knows no option of this name") != std::string::npos);
  CHECK(odbc(*c, true, "", unknown_keys::keep) ==
        "Server=x;Port=5440;Database=db;UID=u;PWD={p;w};LoginTimeout=5;custom=1;SSLMode=verify-full");
  CHECK(odbc(*c, false, "", unknown_keys::keep) ==
        "Server=x;Port=5440;Database=db;UID=u;PWD={***};LoginTimeout=5;custom=1;SSLMode=verify-full");
  CHECK(odbc(*c, true, "", unknown_keys::drop) == "Server=x;Port=5440;Database=db;UID=u;PWD={p;w};LoginTimeout=5;SSLMode=verify-full");
  // An option the ODBC driver lacks (socketTimeout) is refused or dropped the same way.
  auto lacking = parse_jdbc_connection("jdbc:redshift://h:5439/dev?socketTimeout=5");
  REQUIRE(lacking);
  auto no = to_odbc(*lacking);
  REQUIRE_FALSE(no);
  CHECK(no.error().detail.find("no counterpart of this option") != std::string::npos);
  CHECK(no.error().offset == lacking->properties.front().offset);
  CHECK(odbc(*lacking, true, "", unknown_keys::drop) == "Server=h;Port=5439;Database=dev");
}

TEST_CASE("JDBC-derived connections round-trip through ODBC") {
  const char* urls[] = {
      "jdbc:redshift://default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev?user=admin&password=p%3B%7B%7D%3D",
      "jdbc:redshift:iam://default.123456789012.us-east-2.redshift-serverless.amazonaws.com:5439/dev",
      "jdbc:redshift:iam://examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com:5439/dev?DbUser=bob&AutoCreate=true",
      "jdbc:redshift:iam://examplecluster:us-west-2/dev",
      "jdbc:redshift:iam://redshift-serverless-wg:us-east-1/dev",
      "jdbc:redshift://nlb.example.com:5439/dev?serverlessWorkGroup=wg&isServerless=true&Region=eu-west-1",
      "jdbc:redshift://tunnel.local:8191/?ClusterID=prod&Region=cn-north-1",
      "jdbc:redshift:dev?ssl=true",
      "jdbc:redshift://[::1]:5439/dev",
  };
  for (const char* url : urls) {
    INFO(url);
    auto c = parse_jdbc_connection(url);
    REQUIRE(c);
    for (bool reveal : {false, true}) {
      connection back = parsed(odbc(*c, reveal));
      CHECK(back.target == c->target);
      CHECK(back.hosts == c->hosts);
      CHECK(back.database == c->database);
      CHECK(back.iam == c->iam);
      CHECK(back.legacy_iam == c->legacy_iam);
      CHECK(back.workgroup == c->workgroup);
      CHECK(back.account_id == c->account_id);
      CHECK(back.region == c->region);
      CHECK(back.cluster_id == c->cluster_id);
      // The text is canonical: formatting again gives the same string.
      CHECK(odbc(back, reveal) == odbc(*c, reveal));
      if (reveal) {
        const property* pw = find_setting_property(*c, setting::password);
        if (pw) CHECK(find_setting_property(back, setting::password)->value == pw->value);
      }
    }
  }
}

TEST_CASE("hostile passwords survive to_odbc and parse_odbc") {
  std::vector<std::string> passwords = {
      "p;w", "p{w", "p}w", "p=w", "{p", "}p", "p}}w", "p;w{x}y", "p'w", "p\\w", "p\"w", "in side",
      "a+b", "100%", "%2B", "pässwörd", "日本語", "p@ss!(x)", "[]", "}", "{", "};{", "=", ";", "a}};b",
      "a\r\nb", "a\tb", "{}}x", "x}}}}y", "}}}}", "{{{{", "a;b}", "{ab}", "{}}", "{{password}}", ";}",
  };
  for (const std::string& pw : passwords) {
    INFO(pw);
    std::string text = odbc(with_password(pw), true);
    connection back = parsed(text);
    const property* got = find_setting_property(back, setting::password);
    REQUIRE(got != nullptr);
    CHECK(got->value == pw);
    CHECK(back.hosts == with_password(pw).hosts);
    CHECK(back.find("UID")->value == "alice");
    // Redacted: the secret is not in the output at all.
    std::string redacted_text = odbc(with_password(pw), false);
    CHECK(redacted_text.find("PWD={***}") != std::string::npos);
  }
}

TEST_CASE("ODBC connections round-trip to themselves") {
  const char* texts[] = {
      "Driver={Amazon Redshift ODBC Driver (x64)};Server=h;Port=5439;Database=dev;UID=u;PWD={a;b}",
      "Driver={Amazon Redshift ODBC Driver (x64)};Server=h;Port=5440;IAM=1;ClusterId=c1;Region=us-east-1;DbGroups={a,b}",
      "Driver={Amazon Redshift ODBC Driver (x64)};Server=h;Port=5439;Workgroup=wg;Serverless=1",
  };
  for (const char* text : texts) {
    INFO(text);
    connection c = parsed(text);
    CHECK(odbc(c, true) == text);
    CHECK(parsed(odbc(c, true)) == c);
  }
}

// ---------------------------------------------------------------- detection

TEST_CASE("detect_form recognises ODBC strings") {
  CHECK(detect_form("Driver={Amazon Redshift ODBC Driver (x64)};Server=h") == source_form::odbc);
  CHECK(detect_form("DSN=redshift;UID=u") == source_form::odbc);
  CHECK(detect_form("Server=h;Port=5439") == source_form::odbc);
  CHECK(detect_form(" ;server = h") == source_form::odbc);
  CHECK(detect_form("Host=h;Port=5439") == source_form::odbc);
  CHECK(detect_form("host=h;port=5439") == source_form::odbc);
  CHECK(detect_form("UID=u;PWD={x") == source_form::odbc);
  // libpq keyword strings, JDBC URLs and endpoints stay theirs.
  CHECK(detect_form("host=h port=5439 dbname=dev") == source_form::libpq_keywords);
  CHECK(detect_form("jdbc:redshift://h:5439/dev?user=u") == source_form::jdbc);
  CHECK(detect_form("h:5439/dev") == source_form::endpoint);
  CHECK(detect_form("h:5439/a=b") == source_form::endpoint);

  auto c = parse("Driver={x};Server=h;Port=5440;Database=dev");
  REQUIRE(c);
  CHECK(c->form == source_form::odbc);
  CHECK(c->hosts[0].port == 5440);
  auto bad = parse("Server=h;PWD={x");
  REQUIRE_FALSE(bad);
  CHECK(bad.error() == error{errc::unclosed_brace, 13});
}

// ---------------------------------------------------------------- views

namespace {
template <class T, class = void>
struct parses : std::false_type {};
template <class T>
struct parses<T, std::void_t<decltype(parse_odbc(std::declval<T>()))>> : std::true_type {};
}  // namespace

// The view refers into its input: parsing a temporary std::string would dangle.
static_assert(!parses<std::string&&>::value);
static_assert(parses<const std::string&>::value);
static_assert(parses<std::string_view>::value);
static_assert(parses<const char*>::value);

TEST_CASE("the view is constexpr and allocation-free") {
  constexpr auto v = parse_odbc("Server=h;Port=5440;PWD={a}}b}");
  static_assert(v.has_value());
  static_assert(odbc_value("a}}b", true, 0).iequals("A}B"));
  static_assert(!odbc_value("a}}b", false, 0).iequals("A}B"));
  CHECK(v->port() == 5440);
  CHECK(v->size() == 3);
  CHECK(v->password()->value.raw() == "a}}b");
  constexpr auto escaped_end = parse_odbc("PWD={a}}}");
  static_assert(escaped_end.has_value());
  CHECK(escaped_end->password()->value.decoded() == "a}");
  static_assert(!parse_odbc("PWD={a}}}}").has_value());
  std::size_t n = 0;
  for (const odbc_pair& p : v->pairs()) {
    (void)p;
    ++n;
  }
  CHECK(n == 3);
  CHECK(v->find("pwd").value.decoded() == "a}b");
  CHECK(v->find("nothing").key.empty());
}

TEST_CASE("validate points into ODBC strings") {
  constexpr std::string_view text = "Server=nlb.example.com;IAM=1;Workgroup=bad_wg;Region=us-east-1x";
  auto d = validate(parsed(text));
  auto wg = with_code(d, errc::invalid_workgroup_name);
  REQUIRE(wg.size() == 1);
  CHECK(wg[0].offset == text.find("bad_wg") + 3);  // the '_'
  auto region_error = with_code(d, errc::invalid_region);
  REQUIRE(region_error.size() == 1);
  CHECK(region_error[0].offset >= text.find("us-east-1x"));
  // A workgroup behind a custom host, without Serverless=1: said in ODBC's words.
  auto flag = with_code(d, errc::conflicting_property);
  REQUIRE(flag.size() == 1);
  CHECK(flag[0].offset == text.find("bad_wg"));
  CHECK(flag[0].message.find("Serverless=1") != std::string::npos);
  CHECK(with_code(validate(parsed("Server=nlb.example.com;IAM=1;Workgroup=wg;Serverless=1")),
                  errc::conflicting_property).empty());
  // A port outside the Serverless ranges points at the port's value.
  constexpr std::string_view serverless = "Server=default.123456789012.us-east-1.redshift-serverless.amazonaws.com;Port=5430";
  auto port_error = with_code(validate(parsed(serverless)), errc::port_outside_serverless_range);
  REQUIRE(port_error.size() == 1);
  CHECK(port_error[0].offset == serverless.find("5430"));
  // The host's own problems point into the Server value.
  constexpr std::string_view upper = "UID=u;Server=DEFAULT.123456789012.us-east-1.redshift-serverless.amazonaws.com";
  auto upper_case = with_code(validate(parsed(upper)), errc::uppercase_host);
  REQUIRE(upper_case.size() == 1);
  CHECK(upper_case[0].offset == upper.find("DEFAULT"));
}

TEST_CASE("parse_odbc's key classification agrees with settings.hpp") {
  // Every spelling odbc_alias_rank ranks: the same rank, and the setting setting_of names.
  struct spelling {
    std::string_view key;
    detail::odbc_key expected;
  };
  const spelling spellings[] = {
      {"Servername", detail::odbc_key::host}, {"Server", detail::odbc_key::host},       {"HostName", detail::odbc_key::host},
      {"Host", detail::odbc_key::host},       {"PortNumber", detail::odbc_key::port},   {"Port", detail::odbc_key::port},
      {"DB", detail::odbc_key::database},     {"Database", detail::odbc_key::database}, {"User", detail::odbc_key::user},
      {"UID", detail::odbc_key::user},        {"LogonID", detail::odbc_key::user},      {"PWD", detail::odbc_key::password},
      {"Password", detail::odbc_key::password}};
  auto setting_for = [](detail::odbc_key k) {
    switch (k) {
      case detail::odbc_key::host: return setting::host;
      case detail::odbc_key::port: return setting::port;
      case detail::odbc_key::database: return setting::database;
      case detail::odbc_key::user: return setting::user;
      case detail::odbc_key::password: return setting::password;
      default: return setting::unknown;
    }
  };
  auto recased = [](std::string_view key, bool to_upper) {
    std::string out(key);
    for (char& c : out)
      if (to_upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      else if (!to_upper && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  };
  for (const spelling& s : spellings) {
    for (const std::string& key : {std::string(s.key), recased(s.key, false), recased(s.key, true)}) {
      CAPTURE(key);
      detail::odbc_key_rank got = detail::classify_odbc_key(key);
      CHECK(got.key == s.expected);
      CHECK(got.rank != 0);
      CHECK(got.rank == odbc_alias_rank(key));
      CHECK(setting_for(got.key) == setting_of(key));
    }
  }
  // The other keys parse_odbc interprets, and some it does not: not an alias of a ranked
  // setting in either.
  for (std::string_view key : {"Driver", "DSN", "IAM", "ClusterId", "Region", "Workgroup", "Serverless", "driver",
                               "SSLMode", "DbUser", "AccessKeyID", "Profile", "Hostname ", "Ports", "D", ""}) {
    CAPTURE(key);
    CHECK(odbc_alias_rank(key) == 0);
    CHECK(setting_for(detail::classify_odbc_key(key).key) == setting::unknown);
  }
  CHECK(detail::classify_odbc_key("driver").key == detail::odbc_key::driver);
  CHECK(detail::classify_odbc_key("SERVERLESS").key == detail::odbc_key::serverless);
  CHECK(detail::classify_odbc_key("AccessKeyID").key == detail::odbc_key::other);
  static_assert(detail::classify_odbc_key("PortNumber").rank == 2);  // usable in constant expressions
}
