// Properties of the ODBC form: what to_odbc writes (secrets revealed) reads back as the same
// connection; a value to_odbc refuses is one the Redshift ODBC driver could not read back; and
// parse_odbc on arbitrary text either fails or gives a connection that formats stably.
#include <catch2/catch_test_macros.hpp>

#include <optional>
#include <string>
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
// braces), a NUL byte, and a value that needs braces but would end in an escaped '}'.
bool unwritable(const std::string& v) {
  if (v.find('\0') != std::string::npos) return true;
  if (v.empty()) return false;
  if (detail::is_odbc_space(v.front()) || detail::is_odbc_space(v.back())) return true;
  return v.back() == '}' && (v.find(';') != std::string::npos || v.front() == '{');
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
