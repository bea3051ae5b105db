// Fuzzes parse_odbc / to_connection / to_odbc / validate. Oracles (abort on violation):
//  - a failed parse reports an offset <= the input's size;
//  - every view of a successful parse points into the input, at the offsets it reports;
//  - the view and the owning connection agree (pairs and properties, host, port, database, iam,
//    target, effective fields), and parse_odbc_connection gives the same connection;
//  - to_odbc (secrets revealed, the input's Driver or the default one) re-parses to the same
//    connection whenever it succeeds, up to the relaxations described at same_meaning(), and
//    writing that connection again gives the same text;
//  - to_odbc without reveal succeeds exactly when it does with reveal, and re-parses with every
//    secret value written as ***;
//  - validate never throws, its offsets are <= the input's size, and no message quotes a secret;
//  - SPEC §4 (written out here, independently of settings.hpp): the pair used for the host,
//    port, database, user and password is the highest-ranked spelling (Servername > Server >
//    HostName > Host; PortNumber > Port; DB > Database; User > UID > LogonID; PWD > Password),
//    the last among equal keys;
//  - runs of ';' are separators: a ';' before or after the input changes nothing, but that one
//    more ';' after blanks ending a failed string after an empty segment (`; `) makes it parse.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rsconn/odbc.hpp"
#include "rsconn/settings.hpp"
#include "rsconn/validate.hpp"
#include "fuzz_check.hpp"

namespace {

using rsconn_fuzz::check_validate;

using rsconn_fuzz::inside;

// A view's effective field (raw: "}}" of a braced value not yet unescaped) against the owning
// model's decoded one. Intended asymmetry (odbc_view::effective): the view does not allocate, so
// a value holding "}}" may differ from the model's by exactly that unescaping.
bool same_field(const rsconn::encoded_text& raw, const std::optional<std::string>& decoded) {
  if (raw.present() != decoded.has_value()) return false;
  if (!decoded || raw.raw() == *decoded) return true;
  std::string unescaped;
  std::string_view r = raw.raw();
  for (std::size_t i = 0; i < r.size(); ++i) {
    unescaped += r[i];
    if (r[i] == '}' && i + 1 < r.size() && r[i + 1] == '}') ++i;
  }
  return unescaped == *decoded;
}

void check_pair_inside(std::string_view input, const rsconn::odbc_pair& p) {
  RSCONN_FUZZ_CHECK(!p.key.empty() && inside(input, p.key));
  RSCONN_FUZZ_CHECK(p.key.data() == input.data() + p.offset);
  RSCONN_FUZZ_CHECK(inside(input, p.value.raw()));
  RSCONN_FUZZ_CHECK(p.value.offset() <= input.size());
  if (!p.value.raw().empty()) RSCONN_FUZZ_CHECK(p.value.raw().data() == input.data() + p.value.offset());
}

void check_view(std::string_view input, const rsconn::odbc_view& view, const rsconn::connection& c) {
  RSCONN_FUZZ_CHECK(view.text().data() == input.data() && view.text().size() == input.size());
  std::size_t i = 0;
  for (const rsconn::odbc_pair& p : view.pairs()) {
    check_pair_inside(input, p);
    RSCONN_FUZZ_CHECK(i < c.properties.size());
    RSCONN_FUZZ_CHECK(c.properties[i].key == p.key);
    RSCONN_FUZZ_CHECK(c.properties[i].value == p.value.decoded());
    RSCONN_FUZZ_CHECK(c.properties[i].offset == p.offset && c.properties[i].value_offset == p.value.offset());
    ++i;
  }
  RSCONN_FUZZ_CHECK(i == view.size() && i == c.properties.size());
  RSCONN_FUZZ_CHECK(view.empty() == (i == 0));
  for (const rsconn::odbc_pair* p :
       {view.host(), view.port_pair(), view.database(), view.user(), view.password(), view.driver(), view.dsn()})
    if (p) check_pair_inside(input, *p);
  const rsconn::host_parts& parts = view.host_info();
  for (std::string_view part : {parts.workgroup, parts.account, parts.cluster, parts.cluster_suffix,
                                parts.endpoint_name, parts.endpoint_id, parts.region, parts.dns_suffix})
    RSCONN_FUZZ_CHECK(inside(input, part));

  RSCONN_FUZZ_CHECK(c.form == rsconn::source_form::odbc);
  if (const rsconn::odbc_pair* host = view.host()) {
    RSCONN_FUZZ_CHECK(c.hosts.size() == 1);
    RSCONN_FUZZ_CHECK(c.hosts[0].host == host->value.decoded());
    RSCONN_FUZZ_CHECK(c.hosts[0].port == view.port());
  } else {
    RSCONN_FUZZ_CHECK(c.hosts.empty());
  }
  if (!view.port_pair()) RSCONN_FUZZ_CHECK(view.port() == rsconn::port::default_number);
  RSCONN_FUZZ_CHECK(view.port() <= 2147483647u);
  const rsconn::odbc_pair* db = view.database();
  RSCONN_FUZZ_CHECK(c.database.has_value() == (db != nullptr));
  if (db) RSCONN_FUZZ_CHECK(*c.database == db->value.decoded() && c.database_offset <= input.size());
  RSCONN_FUZZ_CHECK(c.iam == view.iam());
  RSCONN_FUZZ_CHECK(c.target == view.target());
  RSCONN_FUZZ_CHECK(c.legacy_iam == view.legacy_iam());
  const rsconn::effective_fields& eff = view.effective();
  RSCONN_FUZZ_CHECK(same_field(eff.workgroup, c.workgroup));
  RSCONN_FUZZ_CHECK(same_field(eff.account_id, c.account_id));
  RSCONN_FUZZ_CHECK(same_field(eff.region, c.region));
  RSCONN_FUZZ_CHECK(same_field(eff.cluster_id, c.cluster_id));

  // find() is the last pair with the key, in any case.
  for (const rsconn::property& p : c.properties) {
    rsconn::odbc_pair found = view.find(p.key);
    const rsconn::property* last = c.find(p.key);
    RSCONN_FUZZ_CHECK(!found.key.empty() && last != nullptr);
    RSCONN_FUZZ_CHECK(found.value.decoded() == last->value);
  }
}

// SPEC §4's ranking of the spellings of one setting, higher wins (0: not a spelling of it).
int spec_rank(std::string_view key, std::string_view setting) {
  struct spelling {
    std::string_view setting, key;
    int rank;
  };
  constexpr spelling table[] = {{"host", "Servername", 4}, {"host", "Server", 3},    {"host", "HostName", 2},
                                {"host", "Host", 1},       {"port", "PortNumber", 2}, {"port", "Port", 1},
                                {"db", "DB", 2},           {"db", "Database", 1},     {"user", "User", 3},
                                {"user", "UID", 2},        {"user", "LogonID", 1},    {"pwd", "PWD", 2},
                                {"pwd", "Password", 1}};
  for (const spelling& s : table)
    if (s.setting == setting && rsconn::detail::iequals(key, s.key)) return s.rank;
  return 0;
}

// The property the driver uses for a setting, by SPEC §4's rule, or nullptr.
const rsconn::property* spec_winner(const rsconn::connection& c, std::string_view setting) {
  const rsconn::property* best = nullptr;
  int best_rank = 0;
  for (const rsconn::property& p : c.properties) {
    int rank = spec_rank(p.key, setting);
    if (rank > 0 && rank >= best_rank) {
      best = &p;
      best_rank = rank;
    }
  }
  return best;
}

void check_spec_aliases(const rsconn::odbc_view& view, const rsconn::connection& c) {
  struct slot {
    std::string_view setting;
    const rsconn::odbc_pair* pair;
  };
  for (const slot& s : {slot{"host", view.host()}, slot{"port", view.port_pair()}, slot{"db", view.database()},
                        slot{"user", view.user()}, slot{"pwd", view.password()}}) {
    const rsconn::property* winner = spec_winner(c, s.setting);
    RSCONN_FUZZ_CHECK((winner == nullptr) == (s.pair == nullptr));
    if (winner) RSCONN_FUZZ_CHECK(winner->offset == s.pair->offset && winner->value == s.pair->value.decoded());
  }
}

// Whether a property is one to_odbc writes from the model's fields (Server and its aliases,
// Port, PortNumber, Database, DB, Driver) rather than as a property.
bool structural(const rsconn::property& p) {
  return (rsconn::odbc_alias_rank(p.key) != 0 && rsconn::is_structural(rsconn::setting_of(p.key))) ||
         rsconn::detail::iequals(p.key, "Driver");
}

bool is_added_key(std::string_view key) {
  for (std::string_view k : {"IAM", "ClusterId", "Region", "Workgroup", "Serverless"})
    if (key == k) return true;
  return false;
}

// Whether `again` (to_odbc's output read back) means the same as `c`. Relaxations, all
// intended (see to_odbc):
//  - Structural pairs (every alias of Server, Port, Database, and Driver) are not carried as
//    properties: to_odbc writes Driver, Server, Port and Database once, first, from the model
//    (the alias the driver used, its value decoded; a port as std::stoi read it, so "5439abc"
//    comes back as "5439"). So `again` starts with those pairs, whatever c's held and wherever.
//  - to_odbc appends explicit IAM=1, ClusterId, Region, Workgroup or Serverless=1 where the
//    properties alone would not make the driver derive the model's fields.
//  - Every other property comes back in order with its key as written and its value decoded,
//    so the effective value of every setting is the same.
// Everything the model says (hosts, ports, database, iam, target, legacy_iam and the effective
// workgroup, account, region and cluster id) must be equal.
bool same_meaning(const rsconn::connection& again, const rsconn::connection& c, std::string_view driver) {
  if (again.form != c.form || again.target != c.target || again.hosts != c.hosts || again.database != c.database ||
      again.iam != c.iam || again.legacy_iam != c.legacy_iam || again.workgroup != c.workgroup ||
      again.account_id != c.account_id || again.region != c.region || again.cluster_id != c.cluster_id)
    return false;
  std::vector<rsconn::property> kept;
  for (const rsconn::property& p : c.properties)
    if (!structural(p)) kept.push_back(p);
  std::size_t at = 0;
  std::vector<rsconn::property> leading;
  if (!driver.empty()) leading.push_back({"Driver", std::string(driver)});
  if (!c.hosts.empty()) {
    leading.push_back({"Server", c.hosts[0].host});
    leading.push_back({"Port", std::to_string(c.hosts[0].port)});
  }
  if (c.database) leading.push_back({"Database", *c.database});
  for (const rsconn::property& p : leading) {
    if (at >= again.properties.size() || again.properties[at] != p) return false;
    ++at;
  }
  for (const rsconn::property& p : kept) {
    if (at >= again.properties.size() || again.properties[at] != p) return false;
    ++at;
  }
  for (; at < again.properties.size(); ++at)
    if (!is_added_key(again.properties[at].key)) return false;
  // The effective value of every setting (the last pair with its key, any case).
  for (const rsconn::property& p : kept) {
    const rsconn::property* mine = c.find(p.key);
    const rsconn::property* theirs = again.find(p.key);
    if (!theirs) return false;
    if (!is_added_key(theirs->key) && mine->value != theirs->value) return false;
  }
  return true;
}

void check_round_trip(const rsconn::connection& c, std::string_view driver) {
  rsconn::odbc_options reveal;
  reveal.driver = driver;
  reveal.reveal_secrets = true;
  rsconn::odbc_options hide = reveal;
  hide.reveal_secrets = false;
  auto text = rsconn::to_odbc(c, reveal);
  auto redacted = rsconn::to_odbc(c, hide);
  RSCONN_FUZZ_CHECK(text.has_value() == redacted.has_value());
  if (!text) {
    RSCONN_FUZZ_CHECK(!text.error().message().empty());
    return;
  }
  auto again = rsconn::parse_odbc_connection(*text);
  if (!again) std::fprintf(stderr, "to_odbc wrote: %s\n", text->c_str());
  RSCONN_FUZZ_CHECK(again.has_value());
  if (!same_meaning(*again, c, driver)) std::fprintf(stderr, "to_odbc wrote: %s\n", text->c_str());
  RSCONN_FUZZ_CHECK(same_meaning(*again, c, driver));
  // Stable: what it wrote reads back to a connection that it writes the same way.
  auto text_again = rsconn::to_odbc(*again, reveal);
  RSCONN_FUZZ_CHECK(text_again && *text_again == *text);

  auto hidden = rsconn::parse_odbc_connection(*redacted);
  RSCONN_FUZZ_CHECK(hidden.has_value());
  rsconn_fuzz::check_redacted_reading(*hidden, *again);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto view = rsconn::parse_odbc(input);
  if (!view) {
    RSCONN_FUZZ_CHECK(view.error().offset <= size);
    RSCONN_FUZZ_CHECK(!view.error().message().empty());
    RSCONN_FUZZ_CHECK(!rsconn::parse_odbc_connection(input));
    if (size + 1 <= rsconn::max_input_length) {
      RSCONN_FUZZ_CHECK(!rsconn::parse_odbc_connection(";" + std::string(input)));
      // Only blanks ending the string after an empty segment (`; `) are rescued by one more ';'
      // (`; ;`): the driver's key loop then finds the end after a ';', not after blanks.
      std::string_view tail = input.substr(std::min(view.error().offset, size));
      bool blank_tail = view.error().code == rsconn::errc::missing_equals && !tail.empty() &&
                        tail.find_first_not_of(" \t\n\v\f\r") == std::string_view::npos;
      // Rescued, the string is tokenized whole; a value may still fail later (a port).
      auto again = rsconn::parse_odbc_connection(std::string(input) + ";");
      if (blank_tail)
        RSCONN_FUZZ_CHECK(again || (again.error().code != rsconn::errc::missing_equals &&
                                    again.error().code != rsconn::errc::empty_key &&
                                    again.error().code != rsconn::errc::unclosed_brace));
      else
        RSCONN_FUZZ_CHECK(!again);
    }
    return 0;
  }
  rsconn::connection c = rsconn::to_connection(*view);
  check_view(input, *view, c);
  check_spec_aliases(*view, c);
  auto owned = rsconn::parse_odbc_connection(input);
  RSCONN_FUZZ_CHECK(owned && *owned == c);
  // ';' before or after the whole string is one more separator (the offsets move, the value not).
  auto before = rsconn::parse_odbc_connection(";" + std::string(input));
  auto after = rsconn::parse_odbc_connection(std::string(input) + ";");
  RSCONN_FUZZ_CHECK(before && *before == c);
  RSCONN_FUZZ_CHECK(after && *after == c);
  // The driver name written back: the input's own (the pair the driver used), else the default.
  std::string driver = view->driver() ? view->driver()->value.decoded() : std::string(rsconn::odbc_driver_2x);
  check_round_trip(c, driver);
  check_validate(c, size);
  return 0;
}
