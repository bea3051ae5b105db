// The option catalogue's libpq rows against the real libpq: PQconndefaults() lists the same
// keywords with the same compiled defaults, PQconninfoParse takes every catalogue name, and
// PQconnectStart takes every enumeration value the catalogue lists and refuses others with
// libpq's own message. Connections go only to 127.0.0.1 port 1, where nothing listens; the
// value checks happen before libpq touches the network (docs/options/libpq.md).
#include <catch2/catch_test_macros.hpp>

#if RSCONN_HAVE_LIBPQ

#include <libpq-fe.h>

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "rsconn/options.hpp"

using namespace rsconn;

namespace {

// libpq 15 accepts requiressl (it becomes sslmode=require or prefer) without listing it.
constexpr std::string_view unlisted_keyword = "requiressl";

struct conndefault {
  std::string compiled;  // NULL is read as empty, as the catalogue writes "no default"
  std::string dispchar;
};

std::map<std::string, conndefault> conndefaults() {
  std::map<std::string, conndefault> out;
  PQconninfoOption* options = PQconndefaults();
  REQUIRE(options != nullptr);
  for (PQconninfoOption* o = options; o->keyword; ++o)
    out[o->keyword] = {o->compiled ? o->compiled : "", o->dispchar ? o->dispchar : ""};
  PQconninfoFree(options);
  return out;
}

std::vector<std::string> pieces(std::string_view bars) {
  std::vector<std::string> out;
  detail::bar_list list(bars);
  for (std::size_t i = 0; i < list.size(); ++i) out.emplace_back(list[i]);
  return out;
}

// Every libpq name in the catalogue, with its row.
std::map<std::string, const option_info*> catalogue_keywords() {
  std::map<std::string, const option_info*> out;
  for (const option_info& o : option_catalogue)
    for (const std::string& name : pieces(o.libpq.names)) out.emplace(name, &o);
  return out;
}

// The error PQconninfoParse gives for `conninfo`, or empty when it parses.
std::string parse_error(const std::string& conninfo) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
  std::string out = options ? "" : error ? error : "out of memory";
  PQfreemem(error);
  PQconninfoFree(options);
  return out;
}

// What PQconnectStart says about `extra` on a connection to 127.0.0.1 port 1: its error message
// (empty or a bare "connection to server ... failed: " while the socket connect is under way).
std::string connect_start_message(const std::string& extra) {
  const std::string conninfo = "host=127.0.0.1 port=1 connect_timeout=2 " + extra;
  PGconn* conn = PQconnectStart(conninfo.c_str());
  REQUIRE(conn != nullptr);
  std::string out = PQerrorMessage(conn);
  PQfinish(conn);
  return out;
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// libpq's message for a value it does not take: `invalid <keyword> value: "<value>"`.
std::string refusal(std::string_view keyword, std::string_view value) {
  return "invalid " + std::string(keyword) + " value: \"" + std::string(value) + '"';
}

// Enumerations libpq 15 does not check at all, so any value gets through (docs/options/libpq.md).
bool unchecked_by_libpq(std::string_view keyword) {
  return keyword == "gsslib"         // checked only by builds with both GSSAPI and SSPI (Windows)
         || keyword == "replication";  // sent to the server, which checks it
}

// The TLS protocol versions are matched ignoring case; the other enumerations exactly.
bool libpq_value_ignores_case(std::string_view keyword) {
  return keyword == "ssl_min_protocol_version" || keyword == "ssl_max_protocol_version";
}

// What goes with `keyword=value` so that only that value is on trial: a maximum below the
// default minimum (TLSv1.2) would fail as "invalid SSL protocol version range" instead.
std::string on_trial(std::string_view keyword, std::string_view value) {
  std::string out = std::string(keyword) + "=" + std::string(value);
  if (keyword == "ssl_max_protocol_version") out = "ssl_min_protocol_version=TLSv1 " + out;
  return out;
}

std::string swap_case(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    else if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

TEST_CASE("PQconndefaults lists exactly the catalogue's libpq names, requiressl aside") {
  const auto defaults = conndefaults();
  const auto catalogue = catalogue_keywords();
  REQUIRE(defaults.size() == 36);  // libpq 15 (tests/options/snapshots/libpq.tsv)
  for (const auto& [keyword, d] : defaults) {
    INFO("PQconndefaults keyword " << keyword);
    CHECK(catalogue.count(keyword) == 1);
  }
  for (const auto& [name, o] : catalogue) {
    INFO("catalogue libpq name " << name << " (row " << o->id << ')');
    if (name == unlisted_keyword) {
      CHECK(defaults.count(name) == 0);
      continue;
    }
    CHECK(defaults.count(name) == 1);
  }
  CHECK(catalogue.count(std::string(unlisted_keyword)) == 1);
  CHECK(catalogue.size() == defaults.size() + 1);
}

TEST_CASE("libpq's compiled defaults and hidden keywords are the catalogue's") {
  for (const auto& [keyword, d] : conndefaults()) {
    INFO(keyword << ": compiled \"" << d.compiled << "\", dispchar \"" << d.dispchar << '"');
    const option_match m = find_option(driver::libpq, keyword);
    REQUIRE(m);
    CHECK(m.option->libpq.default_value == d.compiled);
    // dispchar "*": a password field, to be hidden; the catalogue's secrets.
    CHECK((d.dispchar == "*") == m.option->secret());
  }
}

TEST_CASE("PQconninfoParse takes every libpq catalogue name, and refuses it in upper case") {
  for (const auto& [name, o] : catalogue_keywords()) {
    INFO(name);
    CHECK(parse_error(name + "=x").empty());
    // libpq keywords are case-sensitive, as keys_ignore_case(driver::libpq) says.
    std::string upper = swap_case(name);
    CHECK(parse_error(upper + "=x") == "invalid connection option \"" + upper + "\"\n");
  }
  STATIC_REQUIRE_FALSE(keys_ignore_case(driver::libpq));
}

TEST_CASE("libpq takes every enumeration value the catalogue lists, and refuses others in its own words") {
  std::size_t enumerations = 0;
  for (const option_info& o : option_catalogue) {
    if (!o.in_driver(driver::libpq) || o.type != option_type::enumeration) continue;
    ++enumerations;
    const std::string keyword(o.name(driver::libpq));
    INFO("row " << o.id << ", keyword " << keyword);
    const std::vector<std::string> values = pieces(o.libpq.values);
    REQUIRE_FALSE(values.empty());
    for (const std::string& value : values) {
      INFO("value " << value);
      std::string message = connect_start_message(on_trial(keyword, value));
      INFO("libpq: " << message);
      CHECK_FALSE(contains(message, "invalid " + keyword + " value"));
      CHECK_FALSE(contains(message, "invalid"));  // no other value check failed either
      // The case rule: a value in the other case is refused, except where libpq ignores case.
      const std::string miscased = swap_case(value);
      if (miscased == value) continue;  // digits only
      message = connect_start_message(on_trial(keyword, miscased));
      INFO("miscased " << miscased << ", libpq: " << message);
      if (libpq_value_ignores_case(keyword) || unchecked_by_libpq(keyword))
        CHECK_FALSE(contains(message, "invalid"));
      else
        CHECK(message == refusal(keyword, miscased) + "\n");
    }
    const std::string bogus = connect_start_message(on_trial(keyword, "bogus"));
    INFO("bogus, libpq: " << bogus);
    if (unchecked_by_libpq(keyword))
      CHECK_FALSE(contains(bogus, "invalid"));
    else
      CHECK(bogus == refusal(keyword, "bogus") + "\n");
  }
  CHECK(enumerations == 8);  // sslmode, gsslib, channel_binding, two TLS bounds, gssencmode, replication, target_session_attrs
}

TEST_CASE("libpq is case-sensitive about sslmode: Require is refused") {
  CHECK(connect_start_message("sslmode=Require") == "invalid sslmode value: \"Require\"\n");
  CHECK_FALSE(contains(connect_start_message("sslmode=require"), "invalid"));
  // The protocol bounds are the exception: libpq compares them ignoring case.
  CHECK_FALSE(contains(connect_start_message("ssl_min_protocol_version=tlsv1.3"), "invalid"));
  CHECK(connect_start_message("ssl_min_protocol_version=TLSv1.4") ==
        "invalid ssl_min_protocol_version value: \"TLSv1.4\"\n");
  // requiressl, not listed by PQconndefaults, is a keyword all the same.
  CHECK_FALSE(contains(connect_start_message("requiressl=1"), "invalid"));
}

#else

TEST_CASE("libpq option checks need libpq") { SKIP("built without libpq (libpq-dev)"); }

#endif
