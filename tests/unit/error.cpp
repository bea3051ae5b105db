// error.hpp: every errc has a stable snake_case name and a sentence; error::message(), equality,
// fail(), and the input-length limit every parser enforces before any work.
#include <catch2/catch_test_macros.hpp>

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>

#include "rsconn/detect.hpp"
#include "rsconn/endpoint.hpp"
#include "rsconn/error.hpp"
#include "rsconn/jdbc.hpp"
#include "rsconn/libpq.hpp"
#include "rsconn/odbc.hpp"

using namespace rsconn;

namespace {

// The last enumerator declared; the enumeration tests below also find out on their own whether
// someone appended one without naming it.
constexpr auto last_code = static_cast<std::uint8_t>(errc::form_default);

constexpr errc code_at(unsigned i) { return static_cast<errc>(static_cast<std::uint8_t>(i)); }

bool is_snake_case(std::string_view s) {
  if (s.empty() || !(s.front() >= 'a' && s.front() <= 'z') || s.back() == '_') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
    if (c == '_' && s[i - 1] == '_') return false;
  }
  return true;
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

// The names in declaration order: the enum's own comment makes them stable ("never renumber or
// rename (the CLI prints them)"), so both the number and the name of each code are pinned.
constexpr std::string_view declared_names[] = {
    "empty_input",
    "input_too_long",
    "not_jdbc_url",
    "missing_database_path",
    "invalid_port",
    "malformed_percent_escape",
    "unclosed_bracket",
    "malformed_iam_url",
    "empty_host",
    "unrecognized_form",
    "unclosed_brace",
    "missing_equals",
    "empty_key",
    "malformed_quoted_value",
    "unknown_keyword",
    "invalid_uri",
    "invalid_character",
    "invalid_workgroup_name",
    "invalid_account_id",
    "invalid_region",
    "invalid_cluster_id",
    "invalid_database_name",
    "invalid_vpc_endpoint_name",
    "invalid_host_name",
    "port_outside_serverless_range",
    "port_outside_provisioned_range",
    "region_partition_mismatch",
    "unknown_serverless_region",
    "uppercase_host",
    "not_a_redshift_host",
    "driver_misreads_host",
    "vpc_endpoint_needs_workgroup",
    "unencoded_plus_in_secret",
    "duplicate_property",
    "conflicting_property",
    "invalid_boolean",
    "iam_duration_out_of_range",
    "no_database",
    "dev_service_label",
    "invalid_user_name",
    "missing_required_field",
    "value_truncated_by_driver",
    "unrepresentable_value",
    "missing_port",
    "unknown_option",
    "invalid_option_value",
    "tls_weakened",
    "tls_changed",
    "option_dropped",
    "tls_unverified",
    "ambiguous_form",
    "form_default",
};

}  // namespace

// --- Compile-time use --------------------------------------------------------------------------

static_assert(to_string(errc::invalid_port) == "invalid_port");
static_assert(to_string(errc::empty_input) == "empty_input");
static_assert(!describe(errc::unclosed_brace).empty());
static_assert(error{errc::invalid_port, 3, {}}.message() == describe(errc::invalid_port));
static_assert(error{errc::invalid_port, 3, "custom"}.message() == "custom");
static_assert(error{errc::invalid_port, 3, {}} == error{errc::invalid_port, 3, "other text"});
static_assert(error{errc::invalid_port, 3, {}} != error{errc::invalid_port, 4, {}});
static_assert(fail(errc::invalid_uri, 5).value().offset == 5);
static_assert(fail(errc::invalid_uri).value().offset == 0);
static_assert(std::is_trivially_copyable_v<error>, "a parse failure is a small trivially copyable value");
static_assert(sizeof(errc) == 1);
static_assert(max_input_length == std::size_t{4} * 1024 * 1024);

// --- Enumerating the codes ---------------------------------------------------------------------

TEST_CASE("codes are numbered and named exactly as declared (stable for the CLI)") {
  constexpr std::size_t declared = sizeof(declared_names) / sizeof(declared_names[0]);
  REQUIRE(declared == std::size_t{last_code} + 1);
  for (unsigned i = 0; i < declared; ++i) {
    INFO("code " << i);
    CHECK(to_string(code_at(i)) == declared_names[i]);
  }
  CHECK(static_cast<int>(errc::empty_input) == 0);
  CHECK(static_cast<int>(errc::invalid_uri) == 15);
  CHECK(static_cast<int>(errc::invalid_character) == 16);
  CHECK(static_cast<int>(errc::missing_port) == 43);
}

TEST_CASE("the named codes are contiguous from 0 and end at the last enumerator") {
  // Walk every value an errc can hold: the named ones are exactly 0..last_code, so a code
  // appended to the enum without a name (or with "unknown") is caught here.
  unsigned named = 0;
  for (unsigned i = 0; i <= 0xFF; ++i) {
    bool has_name = to_string(code_at(i)) != "unknown";
    INFO("value " << i);
    CHECK(has_name == (i <= last_code));
    if (has_name) ++named;
  }
  CHECK(named == unsigned{last_code} + 1);
}

TEST_CASE("every code has a distinct, non-empty snake_case name") {
  std::set<std::string_view> names;
  for (unsigned i = 0; i <= last_code; ++i) {
    std::string_view name = to_string(code_at(i));
    INFO("code " << i << " named '" << std::string(name) << "'");
    CHECK(is_snake_case(name));
    CHECK(names.insert(name).second);
  }
  CHECK(names.size() == std::size_t{last_code} + 1);
  CHECK(names.count("unknown") == 0);
}

TEST_CASE("every code has a distinct, non-empty sentence") {
  std::set<std::string_view> sentences;
  for (unsigned i = 0; i <= last_code; ++i) {
    std::string_view sentence = describe(code_at(i));
    INFO(std::string(to_string(code_at(i))) << ": " << std::string(sentence));
    REQUIRE_FALSE(sentence.empty());
    CHECK(sentence != "unknown error");
    CHECK(sentence != to_string(code_at(i)));  // a sentence, not the name again
    CHECK(contains(sentence, " "));            // more than one word
    CHECK(sentence.back() != ' ');
    CHECK(sentence.back() != '\n');
    CHECK(sentences.insert(sentence).second);
  }
}

TEST_CASE("values outside the enumeration are 'unknown'") {
  CHECK(to_string(code_at(last_code + 1u)) == "unknown");
  CHECK(to_string(code_at(0xFF)) == "unknown");
  CHECK(describe(code_at(last_code + 1u)) == "unknown error");
  CHECK(describe(code_at(0xFF)) == "unknown error");
}

TEST_CASE("sentences state the limits SPEC gives") {
  // SPEC §2 and §3: the numbers a person needs to fix the input.
  CHECK(contains(describe(errc::invalid_port), "1 to 65535"));
  CHECK(contains(describe(errc::port_outside_serverless_range), "5431-5455"));
  CHECK(contains(describe(errc::port_outside_serverless_range), "8191-8215"));
  CHECK(contains(describe(errc::port_outside_provisioned_range), "1150-65535"));
  CHECK(contains(describe(errc::iam_duration_out_of_range), "900"));
  CHECK(contains(describe(errc::iam_duration_out_of_range), "3600"));
  CHECK(contains(describe(errc::invalid_account_id), "12 digits"));
  CHECK(contains(describe(errc::invalid_workgroup_name), "3 to 64"));
  CHECK(contains(describe(errc::invalid_cluster_id), "1 to 63"));
  CHECK(contains(describe(errc::invalid_vpc_endpoint_name), "1 to 30"));
  CHECK(contains(describe(errc::invalid_user_name), "1 to 128"));
  CHECK(contains(describe(errc::invalid_user_name), "PUBLIC"));
  CHECK(contains(describe(errc::invalid_database_name), "127"));
  CHECK(contains(describe(errc::not_jdbc_url), "jdbc:redshift:"));
  CHECK(contains(describe(errc::unencoded_plus_in_secret), "%2B"));
  CHECK(contains(describe(errc::malformed_percent_escape), "%25"));
  CHECK(contains(describe(errc::missing_port), "5432"));
  CHECK(contains(describe(errc::missing_port), "5439"));
  CHECK(contains(describe(errc::unclosed_brace), "{"));
  CHECK(contains(describe(errc::unclosed_bracket), "["));
  // The limit the sentence names is the one enforced.
  CHECK(contains(describe(errc::input_too_long), "4 MiB"));
  CHECK(max_input_length == 4194304u);
}

// --- error -------------------------------------------------------------------------------------

TEST_CASE("a default error is empty_input at offset 0 with no detail") {
  error e;
  CHECK(e.code == errc::empty_input);
  CHECK(e.offset == 0);
  CHECK(e.detail.empty());
  CHECK(e.message() == describe(errc::empty_input));
}

TEST_CASE("message() is the detail when there is one, else describe(code)") {
  error plain{errc::unclosed_brace, 12, {}};
  CHECK(plain.message() == describe(errc::unclosed_brace));
  CHECK(plain.message().data() == describe(errc::unclosed_brace).data());

  static constexpr std::string_view text = "this '{' has no closing '}'";
  error detailed{errc::unclosed_brace, 12, text};
  CHECK(detailed.message() == text);
  CHECK(detailed.message().data() == text.data());  // the static text itself, not a copy
  CHECK(detailed.message() != describe(errc::unclosed_brace));

  // The detail replaces the sentence for any code, independently of the code.
  error other{errc::invalid_port, 0, text};
  CHECK(other.message() == text);
}

TEST_CASE("errors compare by code and offset; the detail is not part of the value") {
  error a{errc::invalid_port, 7, {}};
  CHECK(a == error{errc::invalid_port, 7, "a longer explanation"});
  CHECK_FALSE(a != error{errc::invalid_port, 7, "a longer explanation"});
  CHECK(a != error{errc::invalid_port, 8, {}});
  CHECK(a != error{errc::invalid_uri, 7, {}});
  CHECK_FALSE(a == error{errc::invalid_uri, 7, {}});
  CHECK(a == a);
}

TEST_CASE("fail() builds the unexpected value of any result") {
  result<int> r = fail(errc::empty_key, 7, "why");
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == errc::empty_key);
  CHECK(r.error().offset == 7);
  CHECK(r.error().detail == "why");
  CHECK(r.error().message() == "why");

  result<std::string> defaults = fail(errc::invalid_uri);
  REQUIRE_FALSE(defaults);
  CHECK(defaults.error().code == errc::invalid_uri);
  CHECK(defaults.error().offset == 0);
  CHECK(defaults.error().detail.empty());
  CHECK(defaults.error().message() == describe(errc::invalid_uri));

  auto make = [](bool ok) -> result<void> {
    if (!ok) return fail(errc::missing_equals, 3);
    return {};
  };
  CHECK(make(true));
  REQUIRE_FALSE(make(false));
  CHECK(make(false).error() == error{errc::missing_equals, 3, {}});

  // Offsets are not clamped or truncated.
  result<int> far = fail(errc::input_too_long, max_input_length);
  CHECK(far.error().offset == max_input_length);
}

// --- max_input_length --------------------------------------------------------------------------

namespace {

// `prefix` padded with `fill` to exactly `size` bytes.
std::string padded(std::string_view prefix, std::size_t size, char fill = 'a') {
  std::string s(prefix);
  s.resize(size, fill);
  return s;
}

template <class R>
void expect_too_long(const R& r) {
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == errc::input_too_long);
  // The first byte past the limit: inside the input, and where the input stops being readable.
  CHECK(r.error().offset == max_input_length);
}

}  // namespace

TEST_CASE("every parser refuses one byte more than max_input_length, at the limit") {
  const std::size_t over = max_input_length + 1;
  const std::string jdbc = padded("jdbc:redshift://h.example.com:5439/", over);
  const std::string endpoint = padded("h.example.com:5439/", over);
  const std::string host = padded("h", over);
  const std::string odbc = padded("Server=h.example.com;Port=5439;Database=", over);
  const std::string keywords = padded("host=h.example.com port=5439 dbname=", over);
  const std::string uri = padded("postgresql://h.example.com:5439/", over);

  expect_too_long(parse_jdbc(jdbc));
  expect_too_long(parse_jdbc_connection(jdbc));
  expect_too_long(parse_endpoint(endpoint));
  expect_too_long(parse_endpoint_connection(endpoint));
  expect_too_long(parse_host(host));
  expect_too_long(parse_odbc(odbc));
  expect_too_long(parse_odbc_connection(odbc));
  expect_too_long(parse_libpq_keywords(keywords));
  expect_too_long(parse_libpq_uri(uri));
  expect_too_long(parse_libpq_connection(keywords));
  expect_too_long(parse_libpq_connection(uri));
  for (const std::string* text : {&jdbc, &endpoint, &host, &odbc, &keywords, &uri}) {
    INFO(std::string(to_string(detect_form(*text))));
    expect_too_long(rsconn::parse(*text));
  }
}

// error.hpp says inputs longer than max_input_length "are refused before any work". parse()
// once let its unknown-URL message ("this looks like a URL of a kind rsconn does not read")
// replace the endpoint parser's input_too_long.
TEST_CASE("rsconn::parse refuses an overlong URL of an unknown kind as too long, too") {
  const std::string text = padded("http://h/", max_input_length + 1);
  REQUIRE(detect_form(text) == source_form::endpoint);
  expect_too_long(rsconn::parse(text));
}

TEST_CASE("the limit is refused before any work: an overlong input with an early fault is still too long") {
  // Each of these would fail early for another reason (bad prefix, bad port, unclosed brace,
  // empty key); the length check comes first.
  const std::size_t over = max_input_length + 1;
  const std::string bad_prefix = padded("JDBC:redshift://h/", over);
  const std::string bad_port = padded("jdbc:redshift://h:99999/", over);
  const std::string zero_port = padded("h:0/", over);
  const std::string open_brace = padded("Driver={", over);
  const std::string empty_key = padded(";=x;", over, ';');
  const std::string open_quote = padded("host='", over);
  const std::string bad_escape = padded("postgresql://h:5439/%zz", over);
  const std::string far_over = padded("jdbc:redshift://h/", 2 * max_input_length);
  expect_too_long(parse_jdbc(bad_prefix));
  expect_too_long(parse_jdbc(bad_port));
  expect_too_long(parse_endpoint(zero_port));
  expect_too_long(parse_odbc(open_brace));
  expect_too_long(parse_odbc(empty_key));
  expect_too_long(parse_libpq_keywords(open_quote));
  expect_too_long(parse_libpq_uri(bad_escape));
  // Far over the limit: the same offset.
  expect_too_long(parse_jdbc(far_over));
}

TEST_CASE("an input of exactly max_input_length is accepted") {
  const std::size_t limit = max_input_length;
  const std::string jdbc = padded("jdbc:redshift://h.example.com:5439/", limit);
  const std::string endpoint = padded("h.example.com:5439/", limit);
  const std::string host = padded("h", limit);
  const std::string odbc = padded("Server=h.example.com;Port=5439;Database=", limit);
  const std::string keywords = padded("host=h.example.com port=5439 dbname=", limit);
  const std::string uri = padded("postgresql://h.example.com:5439/", limit);

  auto j = parse_jdbc_connection(jdbc);
  REQUIRE(j);
  REQUIRE(j->database);
  CHECK(j->database->size() == limit - std::string_view("jdbc:redshift://h.example.com:5439/").size());
  CHECK(parse_endpoint(endpoint));
  CHECK(parse_host(host));
  CHECK(parse_odbc(odbc));
  CHECK(parse_libpq_keywords(keywords));
  CHECK(parse_libpq_uri(uri));
  for (const std::string* text : {&jdbc, &endpoint, &host, &odbc, &keywords, &uri}) {
    INFO(std::string(to_string(detect_form(*text))));
    auto c = rsconn::parse(*text);
    CHECK(c.has_value());
  }
}

TEST_CASE("empty input is empty_input at offset 0 where a form cannot be empty") {
  for (auto r : {parse_jdbc(""), parse_jdbc(std::string_view())}) {
    REQUIRE_FALSE(r);
    CHECK(r.error() == error{errc::empty_input, 0, {}});
  }
  CHECK(parse_endpoint("").error() == error{errc::empty_input, 0, {}});
  CHECK(parse_host("").error() == error{errc::empty_input, 0, {}});
  CHECK(parse_libpq_uri("").error() == error{errc::empty_input, 0, {}});
  CHECK(rsconn::parse("").error() == error{errc::empty_input, 0, {}});
  CHECK(rsconn::parse("").error().message() == describe(errc::empty_input));
}
