// Property of conversion by meaning (rsconn/translate.hpp): for any catalogue option that two of
// the JDBC, ODBC and libpq forms both carry, and any value of it, converting a connection from
// one form into the other either refuses with errc::unrepresentable_value or writes a string
// whose driver reads the same option with the same meaning: the same truth for booleans, the
// same number for integers, the same enumeration value, the same plugin, the same text for
// strings, secrets and lists. (tests/unit/translate.cpp sweeps one value per option; this
// draws the values at random, hostile ones included.)
#include <catch2/catch_test_macros.hpp>

#include <string>
#include <vector>

#include <rapidcheck.h>

#include "generators.hpp"
#include "rsconn/jdbc.hpp"
#include "rsconn/libpq.hpp"
#include "rsconn/odbc.hpp"
#include "rsconn/option_values.hpp"
#include "rsconn/translate.hpp"

using namespace rsconn;
using namespace rsconn_test;

namespace {

constexpr driver forms[] = {driver::jdbc, driver::odbc, driver::libpq};

// The options a conversion translates property by property: not the host, port and database
// (written from the model), not the TLS mode options (written from the mode; tests/unit/tls.cpp).
std::vector<option_ref> translated_options() {
  std::vector<option_ref> out;
  for (const option_info& o : option_catalogue) {
    option_ref ref = option_by_id(o.id);
    if (is_structural(setting_of(ref))) continue;
    int carried = 0;
    for (driver d : forms) carried += o.in_driver(d) ? 1 : 0;
    if (carried >= 2) out.push_back(ref);
  }
  return out;
}

rc::Gen<std::string> value_for(const option_info& o, driver d) {
  std::vector<std::string> spellings = {"", "0", "1", "true", "false", "TRUE", "yes", "-1", " 7", "7 ", "07",
                                        "2.5", "abc", "2147483648", "99999", "1x"};
  switch (o.type) {
    case option_type::boolean:
    case option_type::integer:
      return rc::gen::oneOf(rc::gen::elementOf(spellings),
                            rc::gen::map(rc::gen::inRange(0, 100000), [](int n) { return std::to_string(n); }));
    case option_type::enumeration: {
      std::vector<std::string> values;
      detail::bar_list list(o.in(d).values);
      for (std::size_t i = 0; i < list.size(); ++i) {
        std::string v(list[i]);
        values.push_back(v);
        for (char& ch : v)
          if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
        values.push_back(v);
      }
      values.emplace_back("bogus");
      return rc::gen::elementOf(values);
    }
    case option_type::plugin: {
      std::vector<std::string> names = {"com.example.Mine", "okta"};
      for (const plugin_info& p : plugin_catalogue)
        if (!plugin_name_in(p, d).empty()) names.emplace_back(plugin_name_in(p, d));
      return rc::gen::elementOf(names);
    }
    case option_type::string:
    case option_type::secret:
    case option_type::list: break;
  }
  return hostile_text(false);
}

connection source_connection(driver d) {
  const std::string host = "wg.123456789012.us-east-1.redshift-serverless.amazonaws.com";
  result<connection> c = d == driver::jdbc   ? parse_jdbc_connection("jdbc:redshift://" + host + ":5439/dev")
                         : d == driver::odbc ? parse_odbc_connection("Server=" + host + ";Port=5439;Database=dev")
                                             : parse_libpq_connection("host=" + host + " port=5439 dbname=dev");
  RC_ASSERT(static_cast<bool>(c));
  return *c;
}

result<std::string> write(const connection& c, driver to) {
  if (to == driver::jdbc) {
    jdbc_options o;
    o.reveal_secrets = true;
    return to_jdbc(c, o);
  }
  if (to == driver::odbc) {
    odbc_options o;
    o.reveal_secrets = true;
    return to_odbc(c, o);
  }
  libpq_options o;
  o.reveal_secrets = true;
  return to_libpq(c, o);
}

result<connection> read(const std::string& text, driver d) {
  if (d == driver::jdbc) return parse_jdbc_connection(text);
  if (d == driver::odbc) return parse_odbc_connection(text);
  return parse_libpq_connection(text);
}

}  // namespace

TEST_CASE("a converted option is read as the same option with the same meaning, or refused") {
  const std::vector<option_ref> options = translated_options();
  REQUIRE(options.size() >= 20);
  bool ok = rc::check("write(to, c) read by to's driver means what c's driver read", [&] {
    option_ref ref = *rc::gen::elementOf(options);
    const option_info& o = *ref;
    std::vector<driver> sources, targets;
    for (driver d : forms)
      if (o.in_driver(d)) sources.push_back(d);
    driver from = *rc::gen::elementOf(sources);
    for (driver d : sources)
      if (d != from) targets.push_back(d);
    driver to = *rc::gen::elementOf(targets);
    std::string value = *value_for(o, from);
    detail::bar_list names(o.in(from).names);
    std::string key(names[*rc::gen::inRange<std::size_t>(0, names.size())]);
    if (is_tls_mode_option(from, ref, value)) RC_DISCARD("TLS is written from the mode");

    // The source string as its own driver's form writes it, read back: a connection whose
    // derived fields (region, workgroup, ...) come from the option as the parser reads it.
    connection built = source_connection(from);
    built.properties.push_back({key, value});
    auto source_text = write(built, from);
    if (!source_text) RC_DISCARD("the source form cannot carry this value");
    auto source = read(*source_text, from);
    RC_ASSERT(static_cast<bool>(source));
    const connection& c = *source;
    const property* given = nullptr;
    for (const property& p : c.properties)
      if (find_option(from, p.key).option == ref) given = &p;
    RC_ASSERT(given != nullptr);
    value = given->value;
    auto written = write(c, to);
    RC_TAG(written ? "written" : "refused");
    if (!written) {
      RC_ASSERT(written.error().code == errc::unrepresentable_value);
      return;
    }
    RC_LOG() << *written << "\n";
    auto back = read(*written, to);
    RC_ASSERT(static_cast<bool>(back));
    const property* found = nullptr;
    for (const property& p : back->properties)
      if (find_option(to, p.key).option == ref) found = &p;
    RC_ASSERT(found != nullptr);
    switch (o.type) {
      case option_type::boolean:
        RC_ASSERT(reads_as_true(to, o, found->value) == reads_as_true(from, o, value));
        break;
      case option_type::integer:
        RC_ASSERT(detail::integer_read(to, o, found->value) == detail::integer_read(from, o, value));
        break;
      case option_type::enumeration: RC_ASSERT(detail::iequals(found->value, value)); break;
      case option_type::plugin: RC_ASSERT(find_plugin(to, found->value) == find_plugin(from, value)); break;
      case option_type::string:
      case option_type::secret:
      case option_type::list: RC_ASSERT(found->value == value); break;
    }
  });
  CHECK(ok);
}
