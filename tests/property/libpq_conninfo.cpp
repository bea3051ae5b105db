// Properties, with the real libpq as the arbiter:
//  - PQconninfoParse(to_libpq(c)) and PQconninfoParse(to_libpq_uri(c)) return exactly the
//    model's values (host, port, dbname, user, password, sslmode, ...) for random models with
//    hostile values (quotes, backslashes, whitespace, separators, percent signs, non-ASCII);
//  - rsconn reads those strings back as libpq does, and as the model says;
//  - a JDBC URL's user/UID, password/PWD, ApplicationName, loginTimeout, ssl and sslmode arrive
//    under their libpq keywords;
//  - for random strings built from libpq's syntax, rsconn accepts exactly what PQconninfoParse
//    accepts and reads the same values;
//  - without reveal_secrets, no password appears in the output.
// Each property runs 3000 cases, 18000 in all (more with RC_PARAMS="max_success=N").
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <rapidcheck.h>

#include "check_many.hpp"

#include "rsconn/libpq.hpp"

#if RSCONN_HAVE_LIBPQ
#include "../libpq_oracle.hpp"

using namespace rsconn;
using namespace rsconn_test;

namespace {

constexpr int cases = 3000;

// rc::check with at least `cases` successes (check_many.hpp).
template <class Testable>
bool check_many(const std::string& description, Testable&& testable) {
  return rsconn_test::check_many(description, cases, std::forward<Testable>(testable));
}

rc::Gen<std::string> text_of(std::vector<std::string> fragments, std::size_t max_parts = 12) {
  return rc::gen::map(
      rc::gen::resize(static_cast<int>(max_parts),
                      rc::gen::container<std::vector<std::string>>(rc::gen::elementOf(fragments))),
      [](const std::vector<std::string>& parts) {
        std::string out;
        for (const std::string& p : parts) out += p;
        return out;
      });
}

// Values hostile to both libpq syntaxes. Never NUL (libpq strings end there).
rc::Gen<std::string> hostile_value() {
  return text_of({"a",
                  "B",
                  "0",
                  "9",
                  "_",
                  "-",
                  ".",
                  "~",
                  " ",
                  "  ",
                  "\t",
                  "\n",
                  "\r",
                  "\v",
                  "\f",
                  "'",
                  "''",
                  "\\",
                  "\\'",
                  "=",
                  "==",
                  "&",
                  "?",
                  "#",
                  "/",
                  ":",
                  "@",
                  "[",
                  "]",
                  "%",
                  "%25",
                  "%2C",
                  "%00",
                  "+",
                  ";",
                  "{",
                  "}",
                  "\"",
                  ",",
                  "host=",
                  "postgresql://",
                  "\xC3\xA9",
                  "\xE2\x82\xAC",
                  "\xC2\xA0",
                  "\xF0\x9F\x98\x80",
                  "\x7f",
                  "\x01",
                  "\xff"});
}

// Host names: hostile, but without ',' (libpq splits host lists on it), or an IPv6 literal.
rc::Gen<std::string> hostile_host() {
  return rc::gen::oneOf(
      rc::gen::map(hostile_value(),
                   [](std::string s) {
                     s.erase(std::remove(s.begin(), s.end(), ','), s.end());
                     return s;
                   }),
      rc::gen::element<std::string>("[::1]", "[fe80::1%eth0]", "localhost", "127.0.0.1",
                                    "default.123456789012.us-east-1.redshift-serverless.amazonaws.com",
                                    "/var/run/postgresql"));
}

// libpq's own reading of a model host (IPv6 brackets removed).
std::string libpq_host(const std::string& model) {
  if (model.size() >= 2 && model.front() == '[' && model.back() == ']' &&
      model.substr(1, model.size() - 2).find(':') != std::string::npos)
    return model.substr(1, model.size() - 2);
  return model;
}

struct generated {
  connection c;
  std::map<std::string, std::string> expected_keywords;  // besides host/port/dbname/sslmode
  std::string sslmode = "require";
};

rc::Gen<generated> model() {
  return rc::gen::exec([] {
    generated g;
    g.c.form = source_form::libpq_keywords;
    std::size_t host_count = *rc::gen::inRange<std::size_t>(1, 4);
    bool same_port = *rc::gen::arbitrary<bool>();
    std::uint32_t first_port = *rc::gen::inRange<std::uint32_t>(1, 65536);
    for (std::size_t i = 0; i < host_count; ++i)
      g.c.hosts.push_back(
          {*hostile_host(), same_port ? first_port : *rc::gen::inRange<std::uint32_t>(1, 65536)});
    if (*rc::gen::arbitrary<bool>())
      g.c.database = *rc::gen::oneOf(hostile_value(), rc::gen::just(std::string("dev")));
    std::size_t property_count = *rc::gen::inRange<std::size_t>(0, 7);
    for (std::size_t i = 0; i < property_count; ++i) {
      std::string key = *rc::gen::element<std::string>("user", "password", "application_name", "options",
                                                       "connect_timeout", "sslrootcert", "passfile",
                                                       "sslmode", "target_session_attrs", "sslpassword");
      std::string value = key == "sslmode" ? *rc::gen::element<std::string>("disable", "prefer", "require",
                                                                            "verify-ca", "verify-full", "")
                                           : *hostile_value();
      g.c.properties.push_back({key, value});
      if (key == "sslmode")
        g.sslmode = value.empty() ? "require" : value;
      else
        g.expected_keywords[key] = value;
    }
    // sslmode='' is libpq's default, which rsconn never writes on its own.
    if (g.sslmode.empty()) g.sslmode = "require";
    return g;
  });
}

std::string joined_hosts(const connection& c) {
  std::string out;
  for (std::size_t i = 0; i < c.hosts.size(); ++i) out += (i ? "," : "") + libpq_host(c.hosts[i].host);
  return out;
}

std::string joined_ports(const connection& c, bool collapse) {
  bool same = std::all_of(c.hosts.begin(), c.hosts.end(),
                          [&](const address& a) { return a.port == c.hosts[0].port; });
  if (collapse && same) return std::to_string(c.hosts[0].port);
  std::string out;
  for (std::size_t i = 0; i < c.hosts.size(); ++i) out += (i ? "," : "") + std::to_string(c.hosts[i].port);
  return out;
}

libpq_options revealing() {
  libpq_options o;
  o.reveal_secrets = true;
  return o;
}

void assert_libpq_reads_model(const generated& g, const std::string& written, bool uri) {
  RC_LOG() << written << "\n";
  libpq_reading lib = libpq_parse(written);
  if (!lib.ok) RC_FAIL("libpq refuses " + written + ": " + lib.error);
  const connection& c = g.c;
  // A single empty host is libpq's default either way; the URI spells it ?host=.
  RC_ASSERT(lib.get("host") == std::optional<std::string>(joined_hosts(c)));
  RC_ASSERT(lib.get("port") == std::optional<std::string>(joined_ports(c, !uri)));
  RC_ASSERT(lib.get("dbname") == c.database);
  RC_ASSERT(lib.get("sslmode") == std::optional<std::string>(g.sslmode));
  for (const auto& [key, value] : g.expected_keywords) {
    auto got = lib.get(key);
    // In a URI an empty user or password in the authority would be dropped: rsconn puts them in
    // the query, so they arrive too.
    RC_ASSERT(got == std::optional<std::string>(value));
  }
  for (const auto& [key, value] : lib.values) {
    bool expected = key == "host" || key == "port" || key == "dbname" || key == "sslmode" ||
                    g.expected_keywords.count(key) != 0;
    if (!expected) RC_FAIL("libpq reads an unexpected keyword " + key);
  }
  // rsconn reads the same string as libpq does, and as the model says.
  std::string agreement = compare_with_libpq(written);
  if (!agreement.empty()) RC_FAIL(agreement);
  auto back = parse_libpq_connection(written);
  RC_ASSERT(back.has_value());
  RC_ASSERT(back->hosts.size() == c.hosts.size());
  for (std::size_t i = 0; i < c.hosts.size(); ++i) {
    RC_ASSERT(back->hosts[i].host == detail::model_host(libpq_host(c.hosts[i].host)));
    RC_ASSERT(back->hosts[i].port == c.hosts[i].port);
  }
  RC_ASSERT(back->database == c.database);
}

}  // namespace

TEST_CASE("PQconninfoParse(to_libpq(c)) returns the model's values") {
  REQUIRE(check_many("keyword/value conninfo", [] {
    generated g = *model();
    auto written = to_libpq(g.c, revealing());
    RC_ASSERT(written.has_value());
    assert_libpq_reads_model(g, *written, false);
  }));
}

TEST_CASE("PQconninfoParse(to_libpq_uri(c)) returns the model's values") {
  REQUIRE(check_many("postgresql:// URI", [] {
    generated g = *model();
    auto written = to_libpq_uri(g.c, revealing());
    RC_ASSERT(written.has_value());
    assert_libpq_reads_model(g, *written, true);
  }));
}

TEST_CASE("properties of a JDBC URL arrive under their libpq keywords") {
  REQUIRE(check_many("JDBC -> libpq", [] {
    connection c;
    c.form = source_form::jdbc;
    c.hosts.push_back({*hostile_host(), *rc::gen::inRange<std::uint32_t>(1, 65536)});
    c.database = *hostile_value();
    std::map<std::string, std::string> expected;
    std::optional<std::string> ssl, sslmode;
    bool refused = false;
    std::size_t count = *rc::gen::inRange<std::size_t>(0, 8);
    bool given_user = false, given_password = false;
    for (std::size_t i = 0; i < count; ++i) {
      std::string key = *rc::gen::element<std::string>("user", "UID", "password", "PWD", "ApplicationName",
                                                       "loginTimeout", "ssl", "sslmode", "SSLMode");
      std::string value =
          key == "ssl" ? *rc::gen::element<std::string>("true", "false", "TRUE", "1", "")
          : (key == "sslmode" || key == "SSLMode")
              ? *rc::gen::element<std::string>("require", "verify-ca", "verify-full", "VERIFY-FULL")
          : key == "loginTimeout" ? *rc::gen::element<std::string>("5", "0", "30", "2.5", "abc")
                                  : *hostile_value();
      c.properties.push_back({key, value});
      // The JDBC driver reads user before UID and password before PWD (docs/options/jdbc.md):
      // an alias counts only while its main spelling is absent; within one spelling the last wins.
      if (key == "user" || (key == "UID" && !given_user)) {
        expected["user"] = value;
        given_user = given_user || key == "user";
      } else if (key == "password" || (key == "PWD" && !given_password)) {
        expected["password"] = value;
        given_password = given_password || key == "password";
      } else if (key == "UID" || key == "PWD") {
        continue;
      } else if (key == "ApplicationName") {
        expected["application_name"] = value;
      } else if (key == "loginTimeout") {
        // A fraction libpq cannot read, and a value the JDBC driver ignores, are refused.
        if (value == "2.5" || value == "abc") refused = true;
        expected["connect_timeout"] = value;
      } else if (key == "ssl") {
        ssl = value;
      } else {
        sslmode = value;  // sslmode and SSLMode are one key to the JDBC driver
      }
    }
    // The JDBC driver's TLS (docs/options/jdbc.md "TLS"): ssl other than true or empty is off,
    // and sslmode with it is a conflict; sslmode takes only verify-ca and verify-full (any case);
    // nothing said is verify-ca, which rsconn writes for libpq as require.
    bool ssl_on = !ssl || ssl->empty() || *ssl == "true" || *ssl == "TRUE";
    std::string mode = "require";
    if (!ssl_on) {
      if (sslmode) refused = true;
      mode = "disable";
    } else if (sslmode) {
      if (*sslmode == "require") refused = true;
      mode = *sslmode == "VERIFY-FULL" ? "verify-full" : *sslmode;
    } else if (ssl) {
      mode = "verify-ca";
    }
    if (refused) {
      RC_ASSERT(!to_libpq(c, revealing()).has_value());
      RC_ASSERT(!to_libpq_uri(c, revealing()).has_value());
      return;
    }
    for (bool uri : {false, true}) {
      auto written = uri ? to_libpq_uri(c, revealing()) : to_libpq(c, revealing());
      RC_ASSERT(written.has_value());
      RC_LOG() << *written << "\n";
      libpq_reading lib = libpq_parse(*written);
      if (!lib.ok) RC_FAIL("libpq refuses " + *written + ": " + lib.error);
      RC_ASSERT(lib.get("host") == std::optional<std::string>(libpq_host(c.hosts[0].host)));
      RC_ASSERT(lib.get("port") == std::optional<std::string>(std::to_string(c.hosts[0].port)));
      RC_ASSERT(lib.get("dbname") == c.database);
      RC_ASSERT(lib.get("sslmode") == std::optional<std::string>(mode));
      for (const auto& [key, value] : expected) RC_ASSERT(lib.get(key) == std::optional<std::string>(value));
      RC_ASSERT(lib.values.size() == 4 + expected.size());
    }
  }));
}

TEST_CASE("rsconn accepts exactly what PQconninfoParse accepts, and reads the same") {
  REQUIRE(check_many("random keyword/value strings", [] {
    // Half token soup, half pairs (key [ws] = [ws] value) with noise in keys, quotes and values.
    std::vector<std::string> noise = {
        "host", "port", "dbname", "user", "password", "sslmode", "hostaddr", "requiressl",
        "Host", "ssl",  "junk",   "=",    "=",        " ",       " ",        "\t",
        "\n",   "'",    "'",      "\\",   "\\'",      ",",       "a",        "5439",
        "1",    "true", "::1",    "%",    "#",        ";",       "\xC3\xA9"};
    std::string text;
    if (*rc::gen::arbitrary<bool>()) {
      text = *text_of(noise, 30);
    } else {
      std::size_t pairs = *rc::gen::inRange<std::size_t>(1, 6);
      for (std::size_t i = 0; i < pairs; ++i) {
        text += *rc::gen::element<std::string>("", " ", "  ", "\t", "\n");
        text += *rc::gen::weightedElement<std::string>({{8, "host"},
                                                        {4, "port"},
                                                        {4, "dbname"},
                                                        {4, "user"},
                                                        {4, "password"},
                                                        {2, "hostaddr"},
                                                        {2, "sslmode"},
                                                        {1, "requiressl"},
                                                        {1, "Port"},
                                                        {1, "x"},
                                                        {1, ""}});
        text += *rc::gen::element<std::string>("=", " =", "= ", " = ", "=", "", "==");
        std::string value = *text_of(noise, 6);
        int quoting = *rc::gen::inRange(0, 3);
        if (quoting == 0)
          text += "'" + value + "'";
        else if (quoting == 1)
          text += "'" + value;
        else
          text += value;
        text += *rc::gen::element<std::string>(" ", " ", "\t", "", "'");
      }
    }
    RC_LOG() << text << "\n";
    RC_CLASSIFY(libpq_parse(text).ok, "libpq accepts");
    std::string agreement = compare_with_libpq(text);
    if (!agreement.empty()) RC_FAIL(agreement);
  }));
  REQUIRE(check_many("random URIs", [] {
    std::string text =
        *rc::gen::element<std::string>("postgresql://", "postgres://") + *text_of({"u",
                                                                                   "p",
                                                                                   "h",
                                                                                   "db",
                                                                                   ":",
                                                                                   ":",
                                                                                   "@",
                                                                                   "@",
                                                                                   "/",
                                                                                   "/",
                                                                                   "?",
                                                                                   "?",
                                                                                   "&",
                                                                                   "=",
                                                                                   "=",
                                                                                   ",",
                                                                                   ",",
                                                                                   "[",
                                                                                   "]",
                                                                                   "::1",
                                                                                   "5439",
                                                                                   "%",
                                                                                   "%2",
                                                                                   "%41",
                                                                                   "%00",
                                                                                   "%2C",
                                                                                   "%3D",
                                                                                   "#",
                                                                                   "+",
                                                                                   " ",
                                                                                   "host=",
                                                                                   "port=",
                                                                                   "dbname=",
                                                                                   "user=",
                                                                                   "ssl=true",
                                                                                   "ssl=false",
                                                                                   "requiressl=1",
                                                                                   "sslmode=",
                                                                                   "Port=",
                                                                                   "\xC3\xA9"},
                                                                                  30);
    RC_LOG() << text << "\n";
    RC_CLASSIFY(libpq_parse(text).ok, "libpq accepts");
    std::string agreement = compare_with_libpq(text);
    if (!agreement.empty()) RC_FAIL(agreement);
  }));
}

TEST_CASE("without reveal_secrets no password is written") {
  REQUIRE(check_many("secrets are redacted", [] {
    generated g = *model();
    std::string secret = "Zs3cr3t" + *hostile_value();
    g.c.properties.push_back({*rc::gen::element<std::string>("password", "sslpassword"), secret});
    auto keywords = to_libpq(g.c);
    auto uri = to_libpq_uri(g.c);
    RC_ASSERT(keywords.has_value());
    RC_ASSERT(uri.has_value());
    RC_ASSERT(keywords->find("Zs3cr3t") == std::string::npos);
    RC_ASSERT(uri->find("Zs3cr3t") == std::string::npos);
  }));
}

#else
TEST_CASE("libpq is not available: the libpq properties are not checked") { SUCCEED(); }
#endif
