// Properties of SQLAlchemy URLs (rsconn/sqlalchemy.hpp), for random models of both dialects with
// hostile values (separators, escapes, quotes, '+', '%', non-ASCII):
//  - parse_sqlalchemy(to_sqlalchemy(c)) == c (write -> read gives the model back);
//  - to_sqlalchemy(parse_sqlalchemy(url)) == url (read -> write is canonical);
//  - without reveal_secrets no password appears in the URL.
// 3000 cases (more with RC_PARAMS="max_success=N").
// tests/cli/sqlalchemy_consumer.py checks the same URLs against SQLAlchemy's own make_url.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include <rapidcheck.h>

#include "check_many.hpp"

#include "generators.hpp"
#include "rsconn/sqlalchemy.hpp"

using namespace rsconn;
using namespace rsconn_test;

namespace {

constexpr int cases = 3000;

// rc::check with at least `cases` successes (check_many.hpp).
template <class Testable>
bool check_many(const std::string& description, Testable&& testable) {
  return rsconn_test::check_many(description, cases, std::forward<Testable>(testable));
}

// Non-empty hostile text without control characters: what a URL can carry (an empty value is
// dropped by SQLAlchemy, a control character refused by rsconn).
rc::Gen<std::string> value() {
  return rc::gen::suchThat(hostile_text(/*allow_control=*/false), [](const std::string& s) { return !s.empty(); });
}

// String options of each dialect's driver, which a URL carries as str.
std::vector<std::string> option_keys(sqlalchemy_dialect d) {
  if (d == sqlalchemy_dialect::psycopg2)
    return {"application_name", "sslrootcert", "options", "sslmode", "connect_timeout", "keepalives", "sslpassword"};
  return {"application_name", "sslmode", "region", "db_user", "profile", "idp_host", "cluster_identifier",
          "secret_access_key"};
}

// A random subset of a dialect's keys, each once, starting at a random one. (Drawn key by key:
// rc::gen::unique over eight names retries without end once rapidcheck's size asks for more.)
std::vector<std::string> some_keys(sqlalchemy_dialect d) {
  std::vector<std::string> all = option_keys(d);
  std::size_t first = *rc::gen::inRange<std::size_t>(0, all.size());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < all.size(); ++i)
    if (*rc::gen::arbitrary<bool>()) out.push_back(all[(first + i) % all.size()]);
  return out;
}

connection random_connection(sqlalchemy_dialect d) {
  connection c;
  c.form = form_of(d);
  const generated_host h = *host();
  c.hosts.push_back({h.host, *rc::gen::inRange<std::uint32_t>(1, 65536)});
  if (*rc::gen::arbitrary<bool>()) c.database = *value();
  if (*rc::gen::arbitrary<bool>()) c.properties.push_back({"user", *value()});
  // 'Z' marks a secret: hostile_text never holds it, so no other part can spell the password.
  if (*rc::gen::arbitrary<bool>()) c.properties.push_back({"password", "Z" + *value()});
  std::vector<std::string> keys = some_keys(d);
  for (const std::string& key : keys) {
    std::string v = *value();
    if (key == "sslmode") v = *rc::gen::element<std::string>("verify-ca", "verify-full");
    if (key == "connect_timeout" || key == "keepalives") v = *string_of(digits, 1, 4);
    c.properties.push_back({key, v});
  }
  if (d == sqlalchemy_dialect::redshift_connector && *rc::gen::arbitrary<bool>()) {
    // A list: two or more elements without ','.
    std::vector<std::string> groups = *rc::gen::container<std::vector<std::string>>(
        *rc::gen::inRange<std::size_t>(2, 5), rc::gen::suchThat(value(), [](const std::string& s) { return s.find(',') == std::string::npos; }));
    std::string joined;
    for (const std::string& g : groups) joined += (joined.empty() ? "" : ",") + g;
    c.properties.push_back({"db_groups", joined});
  }
  return c;
}

}  // namespace

TEST_CASE("SQLAlchemy URLs round-trip through the model") {
  bool ok = check_many("parse_sqlalchemy(to_sqlalchemy(c)) == c", [] {
    sqlalchemy_dialect d = *rc::gen::element(sqlalchemy_dialect::redshift_connector, sqlalchemy_dialect::psycopg2);
    connection c = random_connection(d);
    sqlalchemy_options shown;
    shown.reveal_secrets = true;
    auto url = to_sqlalchemy(c, shown);
    RC_ASSERT(url.has_value());
    RC_LOG() << *url << "\n";
    auto back = parse_sqlalchemy(*url);
    RC_ASSERT(back.has_value());
    // The effective fields are derived; the rest is what was written.
    c.target = back->target;
    c.workgroup = back->workgroup;
    c.account_id = back->account_id;
    c.region = back->region;
    c.cluster_id = back->cluster_id;
    RC_ASSERT(*back == c);
    auto again = to_sqlalchemy(*back, shown);
    RC_ASSERT(again.has_value());
    RC_ASSERT(*again == *url);

    auto redacted_url = to_sqlalchemy(c);
    RC_ASSERT(redacted_url.has_value());
    if (const property* p = c.find("password")) {
      std::string encoded;
      detail::append_percent_encoded_if(encoded, p->value, detail::is_sqlalchemy_unreserved);
      RC_ASSERT(redacted_url->find(encoded) == std::string::npos);
    }
  });
  CHECK(ok);
}
