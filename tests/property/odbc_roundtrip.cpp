// Properties of the ODBC form: what to_odbc writes (secrets revealed) reads back as the same
// connection; a value to_odbc refuses is one the Redshift ODBC driver could not read back; and
// parse_odbc on arbitrary text either fails or gives a connection that formats stably.
#include <catch2/catch_test_macros.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <rapidcheck.h>

#include "generators.hpp"
#include "rsconn/odbc.hpp"

using namespace rsconn;
using namespace rsconn_test;

namespace {

connection read(const std::string& text) {
  auto c = parse_odbc_connection(text);
  if (!c) RC_FAIL("does not parse: " + text + " (" + std::string(to_string(c.error().code)) + " at " +
                  std::to_string(c.error().offset) + ")");
  return *c;
}

result<std::string> write(const connection& c) {
  odbc_options o;
  o.reveal_secrets = true;
  return to_odbc(c, o);
}

// What the driver cannot read back, whatever the quoting: edge whitespace (trimmed in and out of
// braces) and a NUL byte. (A value ending in '}' reads back braced: `{a}}}` is "a}".)
bool unwritable(const std::string& v) {
  if (v.find('\0') != std::string::npos) return true;
  if (v.empty()) return false;
  return detail::is_odbc_space(v.front()) || detail::is_odbc_space(v.back());
}

bool blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

std::string trimmed(std::string s) {
  while (!s.empty() && blank(s.back())) s.pop_back();
  std::size_t b = 0;
  while (b < s.size() && blank(s[b])) ++b;
  return s.substr(b);
}

// The Redshift ODBC driver's tokenizer as its source reads (parseConnectionString in
// src/odbc/rsodbc/rsutil.c, 2.1.17), byte by byte, written out independently of odbc.hpp: the
// pairs (key trimmed, value decoded and trimmed), or nothing where it gives up on the string.
std::optional<std::vector<std::pair<std::string, std::string>>> driver_tokens(const std::string& s) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    while (i < n && blank(s[i])) ++i;  // blanks, then one ';' and back to the top
    if (i < n && s[i] == ';') {
      ++i;
      continue;
    }
    std::size_t key = i;
    while (i < n && s[i] != '=') ++i;
    if (i == n || i == key) return std::nullopt;  // no '=' after it, or an empty key
    std::string name = trimmed(s.substr(key, i - key));
    ++i;
    while (i < n && blank(s[i])) ++i;
    std::string value;
    if (i < n && s[i] == '{') {
      ++i;
      while (true) {
        if (i == n) return std::nullopt;  // unclosed
        if (s[i] == '}' && i + 1 < n && s[i + 1] == '}') {
          value += '}';
          i += 2;
        } else if (s[i] == '}') {
          ++i;
          break;
        } else {
          value += s[i++];
        }
      }
    } else {
      while (i < n && s[i] != ';') value += s[i++];
    }
    out.emplace_back(std::move(name), trimmed(std::move(value)));
    while (i < n && blank(s[i])) ++i;  // after a value: blanks, one ';', blanks
    if (i < n && s[i] == ';') ++i;
    while (i < n && blank(s[i])) ++i;
  }
  return out;
}

}  // namespace

TEST_CASE("any value reads back exactly, or is refused for a reason") {
  bool ok = rc::check("parse_odbc(to_odbc(c)) keeps every property value", [] {
    const std::vector<property> props = *properties(hostile_text());
    const generated_host h = *host();
    connection c;
    c.form = source_form::odbc;
    c.hosts.push_back({h.host, *rc::gen::inRange<std::uint32_t>(0, 70000)});
    c.database = *hostile_text();
    for (const property& p : props) {
      // ODBC-form keys as written: keep the non-structural, writable ones.
      if (setting_of(p.key) == setting::host || setting_of(p.key) == setting::port ||
          setting_of(p.key) == setting::database)
        continue;
      c.properties.push_back(p);
    }
    // The effective fields are what the driver derives (no IAM keys among the generated ones).
    auto derived = parse_odbc_connection("Server=" + h.host);
    RC_PRE(derived.has_value());
    c.target = derived->target;
    c.workgroup = derived->workgroup;
    c.account_id = derived->account_id;
    c.region = derived->region;
    c.cluster_id = derived->cluster_id;

    bool any_unwritable = unwritable(*c.database);
    for (const property& p : c.properties) any_unwritable = any_unwritable || unwritable(p.value);
    auto text = write(c);
    RC_ASSERT(text.has_value() == !any_unwritable);
    if (!text) {
      RC_ASSERT(text.error().code == errc::unrepresentable_value);
      return;
    }
    connection back = read(*text);
    RC_ASSERT(back.hosts == c.hosts);
    RC_ASSERT(back.database == c.database);
    RC_ASSERT(back.target == c.target);
    RC_ASSERT(back.workgroup == c.workgroup);
    RC_ASSERT(back.region == c.region);
    // Every property, in order, after Driver, Server, Port and Database.
    RC_ASSERT(back.properties.size() == c.properties.size() + 4);
    for (std::size_t i = 0; i < c.properties.size(); ++i) {
      RC_ASSERT(back.properties[i + 4].key == c.properties[i].key);
      RC_ASSERT(back.properties[i + 4].value == c.properties[i].value);
    }
    // Writing again gives the same text.
    auto again = write(back);
    RC_ASSERT(again.has_value());
    RC_ASSERT(*again == *text);
  });
  CHECK(ok);
}

TEST_CASE("parse_odbc accepts and splits exactly what the driver's tokenizer does") {
  bool ok = rc::check("parse_odbc agrees with parseConnectionString", [] {
    const std::vector<std::string> fragments = {"Server", "PWD", "UID", "Host Name", "=", ";", "{", "}", "}}", "}}}",
                                                " ", "\t", "\r\n", "a", "h", "x=y", "{{", "\xc3\xa9"};
    const std::vector<std::string> parts =
        *rc::gen::container<std::vector<std::string>>(rc::gen::elementOf(fragments));
    std::string s;
    for (const std::string& p : parts) s += p;
    auto expected = driver_tokens(s);
    auto c = parse_odbc_connection(s);
    RC_TAG(expected ? "accepted" : "refused");
    RC_ASSERT(c.has_value() == expected.has_value());
    if (!c) {
      errc code = c.error().code;
      RC_ASSERT(code == errc::missing_equals || code == errc::empty_key || code == errc::unclosed_brace);
      return;
    }
    RC_ASSERT(c->properties.size() == expected->size());
    for (std::size_t i = 0; i < expected->size(); ++i) {
      RC_ASSERT(c->properties[i].key == (*expected)[i].first);
      RC_ASSERT(c->properties[i].value == (*expected)[i].second);
    }
  });
  CHECK(ok);
}

TEST_CASE("arbitrary text: parse fails cleanly or formats stably") {
  bool ok = rc::check("to_odbc(parse_odbc(s)) is a fixed point", [] {
    const std::vector<std::string> fragments = {"Server", "Port", "PortNumber", "Host", "DB", "Database", "UID", "PWD",
                                                "IAM", "Workgroup", "Serverless", "ClusterId", "Region", "=", ";", "{",
                                                "}", "}}", " ", "h", "5439", "1", "x", "\r\n", "wg", "us-east-1"};
    const std::vector<std::string> parts =
        *rc::gen::container<std::vector<std::string>>(rc::gen::elementOf(fragments));
    std::string s;
    for (const std::string& p : parts) s += p;
    auto c = parse_odbc_connection(s);
    if (!c) {
      RC_ASSERT(c.error().offset <= s.size());
      return;
    }
    auto text = write(*c);
    if (!text) return;  // e.g. a value with edge whitespace written inside braces
    connection back = read(*text);
    RC_ASSERT(back.hosts == c->hosts);
    RC_ASSERT(back.database == c->database);
    RC_ASSERT(back.iam == c->iam);
    RC_ASSERT(back.target == c->target);
    RC_ASSERT(back.workgroup == c->workgroup);
    RC_ASSERT(back.region == c->region);
    RC_ASSERT(back.cluster_id == c->cluster_id);
    auto again = write(back);
    RC_ASSERT(again.has_value());
    RC_ASSERT(*again == *text);
  });
  CHECK(ok);
}
