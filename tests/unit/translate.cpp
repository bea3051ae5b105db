// translate.hpp: one property's key and value from one driver's form into another's, by
// catalogue id (translate_property), the unknown-key policy, and what a conversion reports
// (conversion_notes). The last test writes every option the JDBC, ODBC and libpq forms share,
// converts it, and reads it back as the same option with the same meaning.
#include <catch2/catch_test_macros.hpp>

#include <string>
#include <string_view>

#include "rsconn/jdbc.hpp"
#include "rsconn/libpq.hpp"
#include "rsconn/odbc.hpp"
#include "rsconn/option_values.hpp"
#include "rsconn/translate.hpp"

using namespace rsconn;
using verdict = property_translation::verdict;

namespace {

constexpr std::string_view host = "wg.123456789012.us-east-1.redshift-serverless.amazonaws.com";

connection jdbc(std::string_view query) {
  auto c = parse_jdbc_connection(std::string("jdbc:redshift://") + std::string(host) + ":5439/dev?" + std::string(query));
  REQUIRE(c);
  return *c;
}
connection odbc(std::string_view keys) {
  auto c = parse_odbc_connection(std::string("Driver={Amazon Redshift ODBC Driver (x64)};Server=") + std::string(host) +
                                 ";Database=dev;" + std::string(keys));
  REQUIRE(c);
  return *c;
}

property_translation translate(const connection& c, std::string_view key, driver to,
                               unknown_keys policy = unknown_keys::refuse) {
  const property* p = c.find(key);
  REQUIRE(p);
  return translate_property(*p, driver_of(c.form), to, policy, setting_spellings(c));
}

}  // namespace

TEST_CASE("keys become the target's name for the same option") {
  connection c = jdbc("tcpKeepAlive=true&ApplicationName=app&loginTimeout=30");
  property_translation t = translate(c, "tcpKeepAlive", driver::odbc);
  CHECK(t.what == verdict::write);
  CHECK(t.key == "KeepAlive");
  CHECK(t.value == "1");
  CHECK(t.option.id() == "tcp_keepalive");
  t = translate(c, "loginTimeout", driver::libpq);
  CHECK(t.what == verdict::write);
  CHECK(t.key == "connect_timeout");
  CHECK(t.value == "30");
  t = translate(c, "ApplicationName", driver::libpq);
  CHECK(t.key == "application_name");
  CHECK(t.value == "app");
}

TEST_CASE("booleans in the target's spelling, as the source driver read them") {
  // The JDBC driver reads only "true" (any case) as true: yes is false.
  connection c = jdbc("tcpKeepAlive=yes");
  CHECK(translate(c, "tcpKeepAlive", driver::odbc).value == "0");
  c = jdbc("tcpKeepAlive=TRUE");
  CHECK(translate(c, "tcpKeepAlive", driver::odbc).value == "1");
  // The ODBC driver reads a leading non-zero number as true.
  connection o = odbc("KeepAlive=1");
  CHECK(translate(o, "KeepAlive", driver::jdbc).value == "true");
  CHECK(translate(o, "KeepAlive", driver::python).value == "True");
}

TEST_CASE("integers: the number the source read, or a refusal") {
  connection o = odbc("LoginTimeout=30");
  property_translation t = translate(o, "LoginTimeout", driver::jdbc);
  CHECK(t.what == verdict::write);
  CHECK(t.key == "loginTimeout");
  CHECK(t.value == "30");
  // The JDBC driver reads loginTimeout as a float; libpq's connect_timeout is a whole number.
  connection j = jdbc("loginTimeout=2.5");
  t = translate(j, "loginTimeout", driver::libpq);
  CHECK(t.what == verdict::refuse);
  CHECK_FALSE(t.reason.empty());
  // A value the source driver ignores has no meaning to carry over.
  j = jdbc("loginTimeout=abc");
  t = translate(j, "loginTimeout", driver::odbc);
  CHECK(t.what == verdict::refuse);
}

TEST_CASE("plugin names become the target's name for the same plugin") {
  connection c = jdbc("plugin_name=com.amazon.redshift.plugin.OktaCredentialsProvider");
  property_translation t = translate(c, "plugin_name", driver::odbc);
  CHECK(t.what == verdict::write);
  CHECK(t.key == "plugin_name");
  CHECK(t.value == "Okta");
  t = translate(c, "plugin_name", driver::python);
  CHECK(t.key == "credentials_provider");
  CHECK(t.value == "OktaCredentialsProvider");
  // A plugin the target lacks, and one rsconn does not know.
  c = jdbc("plugin_name=com.amazon.redshift.plugin.BasicSamlCredentialsProvider");
  CHECK(translate(c, "plugin_name", driver::odbc).what == verdict::refuse);
  c = jdbc("plugin_name=com.example.MyPlugin");
  t = translate(c, "plugin_name", driver::odbc);
  CHECK(t.what == verdict::refuse);
  CHECK(t.reason.find("does not know this plugin") != std::string_view::npos);
}

TEST_CASE("structural and TLS options are written from the model, not translated") {
  connection c = jdbc("sslmode=verify-full&ssl=true");
  CHECK(translate(c, "sslmode", driver::odbc).what == verdict::skip);
  CHECK(translate(c, "ssl", driver::odbc).what == verdict::skip);
  connection o = odbc("UID=u;Port=5440");
  CHECK(translate(o, "Port", driver::jdbc).what == verdict::skip);
  // ODBC's User outranks UID: the outranked spelling is not what the driver reads.
  connection both = odbc("UID=a;User=b");
  CHECK(translate(both, "UID", driver::jdbc).what == verdict::skip);
  property_translation user = translate(both, "User", driver::jdbc);
  CHECK(user.what == verdict::write);
  CHECK(user.key == "user");
  CHECK(user.value == "b");
}

TEST_CASE("unknown keys and options the target lacks follow the policy") {
  connection c = jdbc("tcpKeepAlivex=1&serverlessAcctId=123456789012");
  for (std::string_view key : {"tcpKeepAlivex", "serverlessAcctId"}) {
    INFO(key);
    property_translation t = translate(c, key, driver::odbc, unknown_keys::refuse);
    CHECK(t.what == verdict::refuse);
    CHECK_FALSE(t.reason.empty());
    t = translate(c, key, driver::odbc, unknown_keys::drop);
    CHECK(t.what == verdict::drop);
    t = translate(c, key, driver::odbc, unknown_keys::keep);
    CHECK(t.what == verdict::write);
    CHECK(t.key == key);
    CHECK(t.value == c.find(key)->value);
  }
  CHECK_FALSE(translate(c, "tcpKeepAlivex", driver::odbc).option);
  CHECK(translate(c, "serverlessAcctId", driver::odbc).option.id() == "account_id");
  const property* p = c.find("serverlessAcctId");
  std::string message = translation_message(*p, translate(c, "serverlessAcctId", driver::odbc), driver::odbc);
  CHECK(message.rfind("serverlessAcctId (option account_id), for the ODBC driver: ", 0) == 0);
}

TEST_CASE("conversion notes: dropped options and TLS weakened or changed") {
  connection c = jdbc("tcpKeepAlivex=1&sslmode=verify-full");
  std::vector<diagnostic> notes = conversion_notes(c, driver::odbc, unknown_keys::drop);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].code == errc::option_dropped);
  CHECK(notes[0].severity == severity::warning);
  CHECK(notes[0].offset == c.find("tcpKeepAlivex")->offset);
  // An unknown key right after a secret may be the rest of it (password=a&b): not quoted.
  connection split = jdbc("password=ab&cd=1");
  notes = conversion_notes(split, driver::odbc, unknown_keys::drop);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].message.find("cd") == std::string::npos);
  CHECK(notes[0].message.find("follows a secret") != std::string::npos);
  // Same driver: nothing changes.
  CHECK(conversion_notes(c, driver::jdbc, unknown_keys::drop).empty());
  // verify-full to libpq stays verify-full; the JDBC default verify-ca becomes require.
  CHECK(conversion_notes(jdbc("sslmode=verify-full"), driver::libpq, unknown_keys::refuse).empty());
  notes = conversion_notes(jdbc("user=u"), driver::libpq, unknown_keys::refuse);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].code == errc::tls_weakened);
  CHECK(notes[0].message.find("sslrootcert") != std::string::npos);
  // ODBC prefer to JDBC: TLS without the plain-text fallback.
  notes = conversion_notes(odbc("SSLMode=prefer"), driver::jdbc, unknown_keys::refuse);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].code == errc::tls_changed);
  CHECK(notes[0].offset == odbc("SSLMode=prefer").find("SSLMode")->offset);
  // ODBC's default to JDBC's default: the same verify-ca, nothing to say.
  CHECK(conversion_notes(odbc("UID=u"), driver::jdbc, unknown_keys::refuse).empty());
}

namespace {

// A value driver `d` reads as meaning something for option `o`, in d's spelling.
std::string sample_value(const option_info& o, driver d) {
  switch (o.type) {
    case option_type::boolean: return d == driver::jdbc ? "true" : "1";
    case option_type::integer: return "7";
    case option_type::enumeration: return std::string(detail::bar_list(o.in(d).values)[0]);
    case option_type::secret: return "s3cret";
    case option_type::list: return "a,b";
    case option_type::plugin: return std::string(plugin_name_in(plugin_catalogue[0], d));
    case option_type::string: break;
  }
  return "text";
}

result<std::string> write(const connection& c, driver to) {
  switch (to) {
    case driver::jdbc: {
      jdbc_options options;
      options.reveal_secrets = true;
      return to_jdbc(c, options);
    }
    case driver::odbc: {
      odbc_options options;
      options.reveal_secrets = true;
      return to_odbc(c, options);
    }
    default: {
      libpq_options options;
      options.reveal_secrets = true;
      return to_libpq(c, options);
    }
  }
}

result<connection> read(std::string_view text, driver d) {
  if (d == driver::jdbc) return parse_jdbc_connection(text);
  if (d == driver::odbc) return parse_odbc_connection(text);
  return parse_libpq_connection(text);
}

std::string source_text(driver d, std::string_view key, std::string_view value) {
  std::string v(value);
  if (d == driver::jdbc) return "jdbc:redshift://" + std::string(host) + ":5439/dev?" + std::string(key) + "=" + v;
  if (d == driver::odbc) return "Server=" + std::string(host) + ";Database=dev;" + std::string(key) + "={" + v + "}";
  return "host=" + std::string(host) + " dbname=dev " + std::string(key) + "='" + v + "'";
}

}  // namespace

TEST_CASE("every shared option survives a conversion as the same option with the same meaning") {
  const driver forms[] = {driver::jdbc, driver::odbc, driver::libpq};
  std::size_t carried = 0;
  for (const option_info& o : option_catalogue) {
    option_ref ref = option_by_id(o.id);
    if (is_structural(setting_of(ref))) continue;
    for (driver from : forms) {
      if (!o.in_driver(from)) continue;
      std::string value = sample_value(o, from);
      // TLS is written from the mode (tls.cpp reads it back); the source's value must be one
      // its driver takes as written.
      if (is_tls_mode_option(from, ref, value) || value.empty()) continue;
      if (read_option_value(from, ref, value).reading != value_reading::as_written) continue;
      std::string text = source_text(from, detail::bar_list(o.in(from).names)[0], value);
      auto source = read(text, from);
      REQUIRE(source);
      for (driver to : forms) {
        if (to == from || !o.in_driver(to)) continue;
        INFO(o.id << ": " << text << " to " << to_string(to));
        auto written = write(*source, to);
        if (!written) {
          // Only a value the target cannot read the same way is refused, and it says which.
          CHECK(written.error().code == errc::unrepresentable_value);
          continue;
        }
        INFO(*written);
        auto back = read(*written, to);
        REQUIRE(back);
        const property* found = nullptr;
        for (const property& p : back->properties)
          if (find_option(to, p.key).option == ref) found = &p;
        REQUIRE(found);
        if (o.type == option_type::boolean) {
          CHECK(reads_as_true(to, o, found->value) == reads_as_true(from, o, value));
        } else if (o.type == option_type::plugin) {
          CHECK(find_plugin(to, found->value) == find_plugin(from, value));
        } else {
          CHECK(detail::iequals(found->value, value));
        }
        ++carried;
      }
    }
  }
  CHECK(carried >= 20);
}
