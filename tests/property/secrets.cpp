// Property: no secret value ever appears in what rsconn prints unless asked for: to_jdbc without
// reveal_secrets, fmt "{}", diagnostic messages and error messages.
#include <catch2/catch_test_macros.hpp>

#include <string>
#include <vector>

#include <fmt/format.h>
#include <rapidcheck.h>

#include "generators.hpp"
#include "rsconn/detail/percent.hpp"
#include "rsconn/fmt.hpp"
#include "rsconn/jdbc.hpp"
#include "rsconn/libpq.hpp"
#include "rsconn/odbc.hpp"
#include "rsconn/redact.hpp"
#include "rsconn/validate.hpp"

using namespace rsconn;
using namespace rsconn_test;

namespace {

// Secrets are marked with 'Z', which no other generated text holds, so any sighting is a leak.
rc::Gen<std::string> secret_value() {
  return rc::gen::map(hostile_text(), [](const std::string& body) { return "ZZ" + body + "ZZ"; });
}

std::string encoded(const std::string& value) {
  std::string out;
  rsconn::detail::append_percent_encoded(out, value);
  return out;
}

void assert_hidden(const std::string& text, const std::vector<std::string>& secrets, const char* where) {
  for (const std::string& s : secrets) {
    if (text.find(s) != std::string::npos || text.find(encoded(s)) != std::string::npos)
      RC_FAIL(std::string(where) + " shows a secret: " + text);
  }
}

}  // namespace

TEST_CASE("formatters and diagnostics never show secrets") {
  bool ok = rc::check("secrets stay hidden", [] {
    const generated_host h = *host();
    const bool iam = *rc::gen::arbitrary<bool>();
    connection c0;
    c0.iam = iam;
    c0.hosts.push_back({h.host, 5439});
    c0.database = "dev";
    std::vector<property> plain = *properties(hostile_text());
    std::vector<std::string> secrets;
    for (const property& p : plain)
      if (!p.secret()) c0.properties.push_back(p);
    const std::size_t secret_count = *rc::gen::inRange<std::size_t>(1, 4);
    for (std::size_t i = 0; i < secret_count; ++i) {
      std::string value = *secret_value();
      secrets.push_back(value);
      c0.properties.push_back({*secret_key(), value});
    }
    jdbc_options reveal{iam ? jdbc_style::iam : jdbc_style::standard, true};
    const std::string revealed = to_jdbc(c0, reveal).value();
    auto parsed = parse_jdbc_connection(revealed);
    RC_ASSERT(parsed.has_value());
    const connection& c = *parsed;
    RC_ASSERT(c.properties == c0.properties);
    // The test can see a secret when one is shown.
    RC_ASSERT(fmt::format("{:s}", c).find(encoded(secrets.front())) != std::string::npos);

    for (jdbc_style style : {jdbc_style::automatic, jdbc_style::standard, jdbc_style::iam, jdbc_style::legacy_iam}) {
      auto url = to_jdbc(c, {style, false});
      if (url) assert_hidden(*url, secrets, "to_jdbc");
      else assert_hidden(std::string(url.error().message()), secrets, "to_jdbc error");
    }
    assert_hidden(fmt::format("{}", c), secrets, "fmt {} of a connection");
    for (const property& p : c.properties) assert_hidden(fmt::format("{}", p), secrets, "fmt {} of a property");
    for (const diagnostic& d : validate(c)) {
      assert_hidden(d.message, secrets, "a diagnostic");
      assert_hidden(fmt::format("{}", d), secrets, "fmt {} of a diagnostic");
    }
  });
  REQUIRE(ok);
}

// mask_secrets is what the CLI echoes a refused string with: every form's writer, secrets shown,
// then masked, shows none of them ('Z' marks secrets only), and differs only by '*'.
TEST_CASE("mask_secrets hides every secret each writer wrote") {
  bool ok = rc::check("masked text shows no secret", [] {
    connection c;
    c.hosts.push_back({(*host()).host, 5439});
    c.database = "dev";
    for (const property& p : *properties(hostile_text()))
      if (!p.secret()) c.properties.push_back(p);
    const std::size_t secret_count = *rc::gen::inRange<std::size_t>(1, 4);
    for (std::size_t i = 0; i < secret_count; ++i) c.properties.push_back({*secret_key(), *secret_value()});
    // A suffix that breaks the string, as in the texts the CLI echoes.
    const std::string tail = *rc::gen::element<std::string>("", "&x=%zz", ";Port=abc", " port=abc", "{");

    std::vector<std::string> written;
    jdbc_options jdbc;
    jdbc.reveal_secrets = true;
    jdbc.unknown = unknown_keys::keep;
    if (auto text = to_jdbc(c, jdbc)) written.push_back(*text);
    odbc_options odbc;
    odbc.reveal_secrets = true;
    odbc.unknown = unknown_keys::keep;
    if (auto text = to_odbc(c, odbc)) written.push_back(*text);
    libpq_options libpq;
    libpq.reveal_secrets = true;
    libpq.drop_unknown = true;
    if (auto text = to_libpq(c, libpq)) written.push_back(*text);
    if (auto text = to_libpq_uri(c, libpq)) written.push_back(*text);
    RC_TAG(written.size());
    for (const std::string& text : written) {
      const std::string input = text + tail;
      const std::string masked = mask_secrets(input);
      RC_ASSERT(masked.size() == input.size());
      for (std::size_t i = 0; i < input.size(); ++i) RC_ASSERT(masked[i] == input[i] || masked[i] == '*');
      if (masked.find('Z') != std::string::npos) RC_FAIL("mask_secrets shows a secret: " + masked);
    }
  });
  REQUIRE(ok);
}

// An ODBC string whose first key is a libpq keyword reads as libpq too (ambiguous_form): the
// warning quotes libpq's reading, which may hold a secret further on (`host=h;PWD=x`).
TEST_CASE("the ambiguous-form warning never quotes a secret") {
  bool ok = rc::check("ODBC strings libpq reads too", [] {
    const std::string first = *rc::gen::element<std::string>("host", "dbname", "user", "options");
    std::string text = first + "=h";
    std::vector<std::string> secrets;
    const std::size_t count = *rc::gen::inRange<std::size_t>(1, 4);
    for (std::size_t i = 0; i < count; ++i) {
      if (*rc::gen::arbitrary<bool>()) text += ";Port=5439";
      std::string value = "ZZ" + *rc::gen::container<std::string>(rc::gen::inRange<char>('a', 'z')) + "ZZ";
      secrets.push_back(value);
      text += ";" + *secret_key() + "=" + value;
    }
    auto c = parse_odbc_connection(text);
    RC_ASSERT(c.has_value());
    for (const diagnostic& d : validate(*c)) assert_hidden(d.message, secrets, "a diagnostic");
  });
  REQUIRE(ok);
}

TEST_CASE("diagnostics about secrets written badly never quote them") {
  bool ok = rc::check("duplicate and '+'-holding secrets stay hidden", [] {
    const std::string first = *secret_value();
    const std::string second = *secret_value();
    const std::string key = *secret_key();
    // A raw '+' in the second value, which the driver decodes as a space.
    const std::string url = "jdbc:redshift://default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev"
                            "?" + key + "=" + encoded(first) + "&" + key + "=" + encoded(second) + "+x";
    auto c = parse_jdbc_connection(url);
    RC_ASSERT(c.has_value());
    const std::vector<std::string> secrets = {first, second, second + " x"};
    std::vector<diagnostic> ds = validate(*c);
    bool duplicate = false, plus = false;
    for (const diagnostic& d : ds) {
      duplicate = duplicate || d.code == errc::duplicate_property;
      plus = plus || d.code == errc::unencoded_plus_in_secret;
      assert_hidden(d.message, secrets, "a diagnostic");
    }
    RC_ASSERT(duplicate);
    RC_ASSERT(plus);
  });
  REQUIRE(ok);
}

TEST_CASE("parse errors never quote secrets") {
  bool ok = rc::check("an error after a secret does not show it", [] {
    const std::string secret = *secret_value();
    const std::string tail = *rc::gen::element<std::string>("&x=%zz", "&x=%4", "%", "&x=%-4");
    const std::string url = "jdbc:redshift://h:5439/dev?password=" + encoded(secret) + tail;
    auto c = parse_jdbc(url);
    RC_ASSERT_FALSE(c.has_value());
    RC_ASSERT(c.error().code == errc::malformed_percent_escape);
    RC_ASSERT(c.error().offset == url.rfind('%'));
    assert_hidden(std::string(c.error().message()), {secret}, "an error message");
    assert_hidden(fmt::format("{}", c.error()), {secret}, "fmt {} of an error");
  });
  REQUIRE(ok);
}
