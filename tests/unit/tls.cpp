// tls.hpp: the TLS mode each driver connects with (effective_tls), how each form spells a mode
// (spell_tls), which options are TLS settings (is_tls_mode_option), and that every writer's
// TLS, read back by the target's reader, is the mode converted_tls_mode promises.
#include <catch2/catch_test_macros.hpp>

#include <string>
#include <string_view>

#include "rsconn/jdbc.hpp"
#include "rsconn/libpq.hpp"
#include "rsconn/odbc.hpp"
#include "rsconn/tls.hpp"
#include "rsconn/translate.hpp"

using namespace rsconn;

namespace {

constexpr std::string_view host = "wg.123456789012.us-east-1.redshift-serverless.amazonaws.com";

connection jdbc(std::string_view query) {
  auto c = parse_jdbc_connection(std::string("jdbc:redshift://") + std::string(host) + ":5439/dev" +
                                 (query.empty() ? "" : "?") + std::string(query));
  REQUIRE(c);
  return *c;
}
connection odbc(std::string_view keys) {
  auto c = parse_odbc_connection(std::string("Driver={Amazon Redshift ODBC Driver (x64)};Server=") +
                                 std::string(host) + ";Database=dev" + (keys.empty() ? "" : ";") +
                                 std::string(keys));
  REQUIRE(c);
  return *c;
}
connection libpq(std::string_view keys) {
  auto c = parse_libpq_connection(std::string("host=") + std::string(host) + " dbname=dev " + std::string(keys));
  REQUIRE(c);
  return *c;
}

void check_reading(const tls_reading& r, tls_mode mode, bool stated) {
  CHECK_FALSE(r.refused);
  CHECK(to_string(r.mode) == to_string(mode));
  CHECK(r.stated == stated);
}

}  // namespace

TEST_CASE("mode names round-trip and order weakest first") {
  for (tls_mode m : {tls_mode::disable, tls_mode::allow, tls_mode::prefer, tls_mode::require, tls_mode::verify_ca,
                     tls_mode::verify_full}) {
    tls_mode back = tls_mode::disable;
    REQUIRE(tls_mode_named(to_string(m), back));
    CHECK(back == m);
    CHECK_FALSE(tls_meaning(m).empty());
  }
  tls_mode out = tls_mode::disable;
  CHECK_FALSE(tls_mode_named("Verify-Full", out));  // libpq compares exactly
  CHECK_FALSE(tls_mode_named("", out));
  CHECK(tls_mode::prefer < tls_mode::require);
  CHECK(default_tls_mode(driver::libpq) == tls_mode::prefer);
  CHECK(default_tls_mode(driver::jdbc) == tls_mode::verify_ca);
  CHECK(default_tls_mode(driver::odbc) == tls_mode::verify_ca);
  CHECK(default_tls_mode(driver::python) == tls_mode::verify_ca);
}

TEST_CASE("JDBC: ssl, sslmode and sslfactory as the driver combines them") {
  check_reading(effective_tls(jdbc("")), tls_mode::verify_ca, false);
  check_reading(effective_tls(jdbc("sslmode=verify-full")), tls_mode::verify_full, true);
  check_reading(effective_tls(jdbc("SSLMODE=Verify-Full")), tls_mode::verify_full, true);  // keys and values ignore case
  check_reading(effective_tls(jdbc("sslmode=verify-ca")), tls_mode::verify_ca, true);
  check_reading(effective_tls(jdbc("ssl=false")), tls_mode::disable, true);
  check_reading(effective_tls(jdbc("ssl=true")), tls_mode::verify_ca, true);
  check_reading(effective_tls(jdbc("sslfactory=com.amazon.redshift.ssl.NonValidatingFactory")), tls_mode::require,
                true);
  check_reading(effective_tls(jdbc("sslfactory=org.postgresql.ssl.NonValidatingFactory")), tls_mode::require, true);
  // The driver takes only verify-ca and verify-full as sslmode, and refuses a trusting factory beside one.
  CHECK(effective_tls(jdbc("sslmode=require")).refused);
  CHECK(effective_tls(jdbc("sslmode=disable")).refused);
  CHECK(effective_tls(jdbc("sslmode=verify-full&sslfactory=com.amazon.redshift.ssl.NonValidatingFactory")).refused);
  // ssl=false with sslmode: the driver's "Conflict in connection property setting sslmode and ssl".
  CHECK(effective_tls(jdbc("ssl=false&sslmode=verify-full")).refused);
  // A factory of the user's own: its checks are unknown.
  CHECK(effective_tls(jdbc("sslfactory=com.example.MyFactory&ssl=true")).custom_factory);
  CHECK_FALSE(effective_tls(jdbc("sslfactory=com.amazon.redshift.ssl.NonValidatingFactory")).custom_factory);
}

TEST_CASE("JDBC: the offset is where the deciding key stands") {
  connection c = jdbc("user=u&sslmode=verify-full");
  const property* p = c.find("sslmode");
  REQUIRE(p);
  CHECK(effective_tls(c).offset == p->offset);
}

TEST_CASE("ODBC: SSLMode handed to libpq exactly, EncryptionMethod=0 turns TLS off") {
  check_reading(effective_tls(odbc("")), tls_mode::verify_ca, false);
  check_reading(effective_tls(odbc("SSLMode=require")), tls_mode::require, true);
  check_reading(effective_tls(odbc("sslmode=verify-full")), tls_mode::verify_full, true);  // keys ignore case
  check_reading(effective_tls(odbc("SSLMode=disable")), tls_mode::disable, true);
  check_reading(effective_tls(odbc("EncryptionMethod=0")), tls_mode::disable, true);
  check_reading(effective_tls(odbc("EncryptionMethod=1")), tls_mode::verify_ca, false);
  CHECK(effective_tls(odbc("SSLMode=Verify-Full")).refused);  // values do not
  CHECK(effective_tls(odbc("SSLMode=verify-fulll")).refused);
  // SSLMode decides over EncryptionMethod.
  check_reading(effective_tls(odbc("EncryptionMethod=0;SSLMode=verify-full")), tls_mode::verify_full, true);
}

TEST_CASE("libpq: sslmode, requiressl and the URI's ssl=true, last one wins") {
  check_reading(effective_tls(libpq("")), tls_mode::prefer, false);
  check_reading(effective_tls(libpq("sslmode=verify-full")), tls_mode::verify_full, true);
  check_reading(effective_tls(libpq("sslmode=allow")), tls_mode::allow, true);
  check_reading(effective_tls(libpq("requiressl=1")), tls_mode::require, true);
  check_reading(effective_tls(libpq("requiressl=0")), tls_mode::prefer, true);
  check_reading(effective_tls(libpq("sslmode=verify-full requiressl=1")), tls_mode::require, true);
  check_reading(effective_tls(libpq("requiressl=1 sslmode=verify-full")), tls_mode::verify_full, true);
  CHECK(effective_tls(libpq("sslmode=bogus")).refused);
  CHECK(effective_tls(libpq("sslmode=Require")).refused);
  auto uri = parse_libpq_connection(std::string("postgresql://") + std::string(host) + ":5439/dev?ssl=true");
  REQUIRE(uri);
  check_reading(effective_tls(*uri), tls_mode::require, true);
}

TEST_CASE("TLS options by driver, the trusting factories only") {
  auto opt = [](driver d, std::string_view key) { return find_option(d, key).option; };
  CHECK(is_tls_mode_option(driver::jdbc, opt(driver::jdbc, "ssl")));
  CHECK(is_tls_mode_option(driver::jdbc, opt(driver::jdbc, "sslmode")));
  CHECK(is_tls_mode_option(driver::jdbc, opt(driver::jdbc, "sslfactory"), jdbc_non_validating_factory));
  CHECK_FALSE(is_tls_mode_option(driver::jdbc, opt(driver::jdbc, "sslfactory"), "com.example.MyFactory"));
  CHECK(is_tls_mode_option(driver::odbc, opt(driver::odbc, "EncryptionMethod")));
  CHECK(is_tls_mode_option(driver::odbc, opt(driver::odbc, "SSLMode")));
  CHECK(is_tls_mode_option(driver::libpq, opt(driver::libpq, "requiressl")));
  CHECK_FALSE(is_tls_mode_option(driver::libpq, opt(driver::libpq, "sslrootcert")));
  CHECK_FALSE(is_tls_mode_option(driver::jdbc, opt(driver::jdbc, "user")));
  CHECK_FALSE(is_tls_mode_option(driver::jdbc, option_ref{}));
}

TEST_CASE("spell_tls: JDBC has no plain-text fallback, the others say the mode") {
  tls_spelling s = spell_tls(driver::jdbc, tls_mode::prefer, true);
  CHECK(s.key == "SSLFactory");  // RedshiftProperty.SSL_FACTORY
  CHECK(s.value == jdbc_non_validating_factory);
  CHECK(s.mode == tls_mode::require);
  s = spell_tls(driver::jdbc, tls_mode::disable, true);
  CHECK(s.key == "ssl");
  CHECK(s.value == "false");
  s = spell_tls(driver::jdbc, tls_mode::verify_full, true);
  CHECK(s.key == "sslmode");
  CHECK(s.value == "verify-full");
  s = spell_tls(driver::odbc, tls_mode::allow, true);
  CHECK(s.key == "SSLMode");
  CHECK(s.value == "allow");
  CHECK(s.mode == tls_mode::allow);
  s = spell_tls(driver::libpq, tls_mode::require, false);
  CHECK(s.key.empty());
  CHECK(s.mode == tls_mode::prefer);
}

// Every writer's TLS, read back: the mode the target connects with is the one
// converted_tls_mode promises, for every mode each source driver can state.
TEST_CASE("converted TLS read back by the target's reader") {
  struct source_case {
    connection c;
    std::string_view what;
  };
  const source_case sources[] = {
      {jdbc(""), "jdbc default"},
      {jdbc("ssl=false"), "jdbc ssl=false"},
      {jdbc("sslfactory=com.amazon.redshift.ssl.NonValidatingFactory"), "jdbc trusting factory"},
      {jdbc("sslmode=verify-ca"), "jdbc verify-ca"},
      {jdbc("sslmode=verify-full"), "jdbc verify-full"},
      {odbc(""), "odbc default"},
      {odbc("EncryptionMethod=0"), "odbc encryption off"},
      {odbc("SSLMode=disable"), "odbc disable"},
      {odbc("SSLMode=allow"), "odbc allow"},
      {odbc("SSLMode=prefer"), "odbc prefer"},
      {odbc("SSLMode=require"), "odbc require"},
      {odbc("SSLMode=verify-ca"), "odbc verify-ca"},
      {odbc("SSLMode=verify-full"), "odbc verify-full"},
      {libpq(""), "libpq default"},
      {libpq("sslmode=disable"), "libpq disable"},
      {libpq("sslmode=prefer"), "libpq prefer"},
      {libpq("requiressl=1"), "libpq requiressl"},
      {libpq("sslmode=verify-ca"), "libpq verify-ca"},
      {libpq("sslmode=verify-full"), "libpq verify-full"},
  };
  for (const source_case& s : sources) {
    INFO(s.what);
    tls_reading from = effective_tls(s.c);
    REQUIRE_FALSE(from.refused);
    driver own = driver_of(s.c.form);
    for (driver to : {driver::jdbc, driver::odbc, driver::libpq}) {
      if (to == own) continue;
      INFO(to_string(to));
      auto text = to == driver::jdbc ? to_jdbc(s.c) : to == driver::odbc ? to_odbc(s.c) : to_libpq(s.c);
      REQUIRE(text);
      INFO(*text);
      auto back = to == driver::jdbc   ? parse_jdbc_connection(*text)
                  : to == driver::odbc ? parse_odbc_connection(*text)
                                       : parse_libpq_connection(*text);
      REQUIRE(back);
      tls_reading read = effective_tls(*back);
      CHECK_FALSE(read.refused);
      CHECK(to_string(read.mode) == to_string(converted_tls_mode(from, to)));
      // The JDBC driver has no plain-text fallback: never weaker than the source.
      if (to == driver::jdbc) CHECK(read.mode >= from.mode);
    }
  }
}
