// The option catalogue (include/rsconn/options.hpp) against the drivers' own option lists in
// tests/options/snapshots/, read at run time: names and aliases and their case rules, ODBC
// alias precedence, secrets, defaults and enumeration values. Then the table's own structure,
// the bucket index and the lookups. Every difference from a snapshot that is not a data error
// is listed below by name, with its reason; an exception that no longer applies fails too.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "rsconn/options.hpp"

#ifndef RSCONN_OPTION_SNAPSHOTS
#error "tests/CMakeLists.txt must define RSCONN_OPTION_SNAPSHOTS (tests/options/snapshots) for test_options"
#endif

using namespace rsconn;

namespace {

// ---- reading the snapshots ---------------------------------------------------------------------

struct snapshot_row {
  std::size_t line = 0;
  std::string name;                  // as the snapshot spells it (JDBC "ssltruststore " keeps its space)
  std::vector<std::string> aliases;  // JDBC and ODBC only; ODBC's highest precedence first
  std::string type;
  std::string default_value;  // as written: "-", "(empty)", "None", "[]" are kept
  std::string values;
};

struct snapshot {
  std::vector<std::string> comments;  // the header lines, without the leading '#'
  std::vector<snapshot_row> rows;
};

constexpr std::size_t no_column = static_cast<std::size_t>(-1);

// Where each snapshot keeps what (see the header comment of each file).
struct snapshot_layout {
  std::size_t columns, name, aliases, type, default_value, values;
  std::size_t rows;  // the count the header states
};

snapshot_layout layout_of(driver d) {
  switch (d) {
    case driver::jdbc: return {7, 0, 1, 2, 3, 4, 140};  // "140 rows in all"
    case driver::odbc: return {7, 0, 1, 2, 3, 4, 108};  // "108 settings, one row each"
    case driver::python: return {6, 0, no_column, 1, 2, 3, 65};  // "65 keyword arguments"
    case driver::libpq: return {7, 0, no_column, 4, 2, 5, 36};   // "36 keywords"
  }
  return {};
}

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> out;
  for (;;) {
    std::size_t at = text.find(separator);
    out.emplace_back(text.substr(0, at));
    if (at == std::string_view::npos) return out;
    text.remove_prefix(at + 1);
  }
}

std::string trimmed(std::string_view s) {
  std::size_t first = s.find_first_not_of(' ');
  if (first == std::string_view::npos) return {};
  return std::string(s.substr(first, s.find_last_not_of(' ') - first + 1));
}

std::string snapshot_path(driver d) {
  return std::string(RSCONN_OPTION_SNAPSHOTS) + "/" + std::string(to_string(d)) + ".tsv";
}

snapshot read_snapshot(driver d) {
  const std::string path = snapshot_path(d);
  const snapshot_layout layout = layout_of(d);
  INFO("snapshot " << path);
  std::ifstream in(path);
  REQUIRE(in.is_open());
  snapshot out;
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    if (line[0] == '#') {
      out.comments.push_back(line.substr(1));
      continue;
    }
    std::vector<std::string> columns = split(line, '\t');
    INFO("line " << number << ": " << line);
    REQUIRE(columns.size() == layout.columns);
    snapshot_row row;
    row.line = number;
    row.name = columns[layout.name];
    REQUIRE_FALSE(row.name.empty());
    if (layout.aliases != no_column && columns[layout.aliases] != "-")
      for (const std::string& alias : split(columns[layout.aliases], ',')) row.aliases.push_back(trimmed(alias));
    row.type = columns[layout.type];
    row.default_value = columns[layout.default_value];
    row.values = columns[layout.values];
    out.rows.push_back(std::move(row));
  }
  REQUIRE(out.rows.size() == layout.rows);
  return out;
}

// ---- helpers -----------------------------------------------------------------------------------

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = detail::to_lower(c);
  return out;
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

// The key a driver compares: JDBC and ODBC fold ASCII case, Python and libpq do not.
std::string key_of(driver d, std::string_view name) { return keys_ignore_case(d) ? lower(name) : std::string(name); }

std::vector<std::string> pieces(std::string_view bars) {
  std::vector<std::string> out;
  detail::bar_list list(bars);
  for (std::size_t i = 0; i < list.size(); ++i) out.emplace_back(list[i]);
  return out;
}

std::vector<std::string> spellings_of(const snapshot_row& row) {
  std::vector<std::string> out{row.name};
  out.insert(out.end(), row.aliases.begin(), row.aliases.end());
  return out;
}

// The snapshots' ways of writing "no default": none, the empty string, Python's None, an empty list.
std::string normalised_default(std::string_view v) {
  if (v == "-" || v == "(empty)" || v == "None" || v == "[]") return {};
  return std::string(v);
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : "|") + s;
  return out;
}

bool is_snake_case(std::string_view id) {
  if (id.empty() || !detail::is_lower(id.front()) || id.back() == '_') return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    char c = id[i];
    if (!(detail::is_lower(c) || detail::is_digit(c) || c == '_')) return false;
    if (c == '_' && id[i - 1] == '_') return false;
  }
  return true;
}

// ---- the documented differences ----------------------------------------------------------------

// libpq 15 still accepts requiressl (it becomes sslmode=require or prefer), but PQconndefaults()
// does not list it, so the snapshot has no row for it (see the header of libpq.tsv).
constexpr std::string_view libpq_unlisted_keyword = "requiressl";

// Snapshot rows typed secret that the catalogue does not treat as secret.
struct secret_exception {
  driver in;
  std::string_view name;
  std::string_view why;
};
constexpr secret_exception secret_exceptions[] = {
    {driver::odbc, "AccessKeyID",
     "the ODBC driver masks it in its logs, but an AWS access key id is an identifier, not a credential"},
};

// Snapshot defaults that the catalogue records differently, on purpose.
struct default_exception {
  driver in;
  std::string_view name;      // the snapshot row
  std::string_view snapshot;  // normalised
  std::string_view catalogue;
  std::string_view why;
};
constexpr default_exception default_exceptions[] = {
    {driver::jdbc, "PORT", "", "5439",
     "the property has no default, but the URL parser fills in 5439 for a host written without a port"},
    {driver::jdbc, "SSLMode", "", "verify-ca",
     "the property has no default, but verify-ca is the effective mode when ssl is on, which is the default"},
    {driver::jdbc, "authmech", "", "verify-ca", "the alias of SSLMode, on the same row: the same effective default"},
};

// Enumeration rows of the snapshots whose values column is not a plain list of the values.
struct unplain_enum {
  driver in;
  std::string_view name;
  std::string_view alias_of;  // the column says "as <row>": that row's list applies
  std::string_view why;
};
constexpr unplain_enum unplain_enums[] = {
    {driver::jdbc, "dsiloglevel", "LogLevel", "\"as LogLevel\""},
    {driver::jdbc, "authmech", "SSLMode", "\"as SSLMode\""},
    {driver::odbc, "KerberosAPI", "", "prose: exactly GSS selects gssapi, anything else keeps SSPI (Windows only)"},
    {driver::odbc, "Compression", "", "prose: the spellings of off and of on, or else an algorithm list (lz4, zstd)"},
    {driver::odbc, "StringType", "", "prose: unspecified, and any other value behaves as varchar"},
    {driver::odbc, "EncryptionMethod", "", "prose: read with sscanf %d, 0 to 3 described one by one"},
    {driver::odbc, "Min_TLS", "", "prose: 1.2 and 1.1 exactly; anything else sets a TLS 1.0 floor"},
    {driver::odbc, "plugin_name", "", "its values are in odbc-plugins.tsv (the catalogue types it plugin)"},
};

// The accepted values that a snapshot's values column lists plainly, or none: words separated
// by commas ("always,never,conservative", "disable, allow, prefer") up to the first ';' or " (".
// Python's column starts with the annotation ("Optional[str]; "), skipped. The list ends at the
// case rule that may follow it ("case-insensitive", "ci", ...) or at a word followed by prose
// ("InstanceProfile compared case-sensitively", "cn after strip+lower"). "(empty)" is the empty
// value, which the catalogue never lists (an empty value means unset in every driver).
std::optional<std::vector<std::string>> plain_values(driver d, std::string_view text) {
  if (d == driver::python) {
    std::size_t semicolon = text.find("; ");
    if (semicolon == std::string_view::npos) return std::nullopt;
    text.remove_prefix(semicolon + 2);
  }
  text = text.substr(0, text.find(';'));
  text = text.substr(0, text.find(" ("));
  auto is_value_word = [](std::string_view w) {
    if (w.empty()) return false;
    for (char c : w)
      if (!(detail::is_alnum(c) || c == '.' || c == ':' || c == '_' || c == '-')) return false;
    return true;
  };
  std::vector<std::string> out;
  for (const std::string& raw : split(text, ',')) {
    std::string item = trimmed(raw);
    if (item == "case-insensitive" || item == "case-sensitive" || item == "ci" || item == "exact") break;
    if (item == "(empty)") continue;
    std::size_t space = item.find(' ');
    if (space != std::string::npos) {
      // Only after a value: a first item with a space is prose ("sscanf %d", "checked by ...").
      if (out.empty() || !is_value_word(item.substr(0, space))) return std::nullopt;
      out.push_back(item.substr(0, space));
      break;
    }
    if (!is_value_word(item)) return std::nullopt;
    out.push_back(item);
  }
  if (out.empty()) return std::nullopt;
  return out;
}

// Whether `word` occurs in `text` as a whole value word.
bool mentions(std::string_view text, std::string_view word) {
  auto part_of_word = [](char c) { return detail::is_alnum(c) || c == '.' || c == '-' || c == '_' || c == ':'; };
  for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    bool starts = at == 0 || !part_of_word(text[at - 1]);
    std::size_t end = at + word.size();
    // A trailing '.' ends a sentence, not the word.
    bool ends = end == text.size() || !part_of_word(text[end]) ||
                (text[end] == '.' && (end + 1 == text.size() || !part_of_word(text[end + 1])));
    if (starts && ends) return true;
  }
  return false;
}

}  // namespace

// ---- names ---------------------------------------------------------------------------------------

TEST_CASE("every name and alias in a snapshot is found, on the row of its setting, with the driver's case rule") {
  for (driver d : all_drivers) {
    const snapshot s = read_snapshot(d);
    for (const snapshot_row& row : s.rows) {
      INFO(to_string(d) << ".tsv line " << row.line << ": \"" << row.name << '"');
      const option_match first = find_option(d, row.name);
      REQUIRE(first);
      for (const std::string& name : spellings_of(row)) {
        INFO("spelling \"" << name << '"');
        const option_match m = find_option(d, name);
        REQUIRE(m);
        CHECK(m.option.id() == first.option.id());
        if (keys_ignore_case(d)) {
          CHECK(lower(spelling(d, m)) == lower(name));
          CHECK(find_option(d, upper(name)).option.id() == m.option.id());
          CHECK(find_option(d, lower(name)).option.id() == m.option.id());
        } else {
          CHECK(spelling(d, m) == name);
          REQUIRE(upper(name) != name);  // every Python and libpq name has a lower-case letter
          CHECK_FALSE(find_option(d, upper(name)));
          CHECK(find_option_ignoring_case(d, upper(name)).option.id() == m.option.id());
        }
      }
    }
  }
}

TEST_CASE("every catalogue name of a driver is in its snapshot (libpq's requiressl aside)") {
  for (driver d : all_drivers) {
    INFO(to_string(d));
    const snapshot s = read_snapshot(d);
    std::set<std::string> listed;
    for (const snapshot_row& row : s.rows)
      for (const std::string& name : spellings_of(row)) listed.insert(key_of(d, name));
    std::size_t catalogue_names = 0;
    for (const option_info& o : option_catalogue)
      for (const std::string& name : pieces(o.in(d).names)) {
        INFO("row " << o.id << ", name \"" << name << '"');
        ++catalogue_names;
        if (d == driver::libpq && name == libpq_unlisted_keyword) {
          CHECK(listed.count(name) == 0);
          CHECK(o.id == "require_ssl");
          continue;
        }
        CHECK(listed.count(key_of(d, name)) == 1);
      }
    // The same number of distinct spellings both ways: no name twice in the catalogue.
    CHECK(catalogue_names == listed.size() + (d == driver::libpq ? 1 : 0));
  }
  REQUIRE(find_option(driver::libpq, libpq_unlisted_keyword));
}

TEST_CASE("ODBC aliases are in the snapshot's precedence order") {
  const snapshot s = read_snapshot(driver::odbc);
  // "# precedence HostName: Servername > Server > HostName > Host   (a note)"
  std::map<std::string, std::vector<std::string>> chains;
  const std::string marker = " precedence ";
  for (const std::string& comment : s.comments) {
    if (comment.rfind(marker, 0) != 0) continue;
    std::string_view rest = std::string_view(comment).substr(marker.size());
    std::size_t colon = rest.find(": ");
    REQUIRE(colon != std::string_view::npos);
    std::string name(rest.substr(0, colon));
    rest.remove_prefix(colon + 2);
    rest = rest.substr(0, rest.find("  ("));
    std::vector<std::string> chain;
    for (std::size_t at = rest.find(" > "); at != std::string_view::npos; at = rest.find(" > ")) {
      chain.push_back(trimmed(rest.substr(0, at)));
      rest.remove_prefix(at + 3);
    }
    chain.push_back(trimmed(rest));
    CHECK(chains.emplace(name, chain).second);
  }
  REQUIRE(chains.size() == 19);  // the header's precedence lines

  std::size_t used = 0;
  for (const snapshot_row& row : s.rows) {
    INFO("odbc.tsv line " << row.line << ": " << row.name);
    std::vector<std::string> expected{row.name};
    auto chain = chains.find(row.name);
    if (chain != chains.end()) {
      ++used;
      expected = chain->second;
      // The aliases column is the same chain without the row's own name.
      std::vector<std::string> others = expected;
      others.erase(std::remove(others.begin(), others.end(), row.name), others.end());
      CHECK(others.size() + 1 == expected.size());
      CHECK(joined(row.aliases) == joined(others));
    } else {
      CHECK(row.aliases.empty());
    }
    const option_match m = find_option(driver::odbc, row.name);
    REQUIRE(m);
    const option_info& o = *m.option;
    // The catalogue writes the driver manager's conventional Driver for the driver's DRIVER
    // define; the driver compares keys ignoring case. Every other name is as in the source.
    if (row.name == "DRIVER")
      CHECK(lower(o.odbc.names) == lower(joined(expected)));
    else
      CHECK(o.odbc.names == joined(expected));
    for (std::size_t rank = 0; rank < expected.size(); ++rank) {
      const option_match by_name = find_option(driver::odbc, expected[rank]);
      CHECK(by_name.option.id() == o.id);
      CHECK(by_name.rank == rank);
    }
  }
  CHECK(used == chains.size());
}

// ---- secrets, defaults, values -----------------------------------------------------------------

TEST_CASE("every secret in a snapshot is a secret option, and the other way round") {
  std::set<std::string_view> exceptions_used;
  for (driver d : all_drivers) {
    const snapshot s = read_snapshot(d);
    std::set<std::string> secret_rows;
    for (const snapshot_row& row : s.rows) {
      INFO(to_string(d) << ".tsv line " << row.line << ": " << row.name << " (" << row.type << ")");
      const option_match m = find_option(d, row.name);
      REQUIRE(m);
      const auto exception = std::find_if(std::begin(secret_exceptions), std::end(secret_exceptions),
                                          [&](const secret_exception& e) { return e.in == d && e.name == row.name; });
      if (exception != std::end(secret_exceptions)) {
        INFO("exception: " << exception->why);
        CHECK(row.type == "secret");
        CHECK_FALSE(m.option->secret());
        CHECK_FALSE(is_secret_option_key(row.name));
        exceptions_used.insert(exception->name);
        continue;
      }
      CHECK((row.type == "secret") == m.option->secret());
      if (row.type == "secret") {
        secret_rows.insert(std::string(m.option.id()));
        for (const std::string& name : spellings_of(row)) CHECK(is_secret_option_key(name));
      }
    }
    // Conversely, no catalogue option of this driver is secret without its snapshot saying so.
    for (const option_info& o : option_catalogue)
      if (o.in_driver(d) && o.secret()) {
        INFO(to_string(d) << ": secret row " << o.id);
        CHECK(secret_rows.count(std::string(o.id)) == 1);
      }
  }
  CHECK(exceptions_used.size() == std::size(secret_exceptions));
}

TEST_CASE("every snapshot default is the catalogue's, except the ones listed with their reasons") {
  std::size_t exceptions_used = 0;
  for (driver d : all_drivers) {
    const snapshot s = read_snapshot(d);
    for (const snapshot_row& row : s.rows) {
      INFO(to_string(d) << ".tsv line " << row.line << ": " << row.name << ", default \"" << row.default_value << '"');
      const option_match m = find_option(d, row.name);
      REQUIRE(m);
      const std::string expected = normalised_default(row.default_value);
      const std::string_view actual = m.option->in(d).default_value;
      const auto exception = std::find_if(std::begin(default_exceptions), std::end(default_exceptions),
                                          [&](const default_exception& e) { return e.in == d && e.name == row.name; });
      if (exception != std::end(default_exceptions)) {
        INFO("exception: " << exception->why);
        CHECK(expected == exception->snapshot);
        CHECK(actual == exception->catalogue);
        ++exceptions_used;
        continue;
      }
      CHECK(actual == expected);
    }
  }
  CHECK(exceptions_used == std::size(default_exceptions));
}

TEST_CASE("every enumeration a snapshot lists plainly has exactly those values in the catalogue") {
  std::size_t unplain_used = 0;
  std::size_t plain = 0;
  for (driver d : all_drivers) {
    const snapshot s = read_snapshot(d);
    for (const snapshot_row& row : s.rows) {
      if (row.type != "enum") continue;
      INFO(to_string(d) << ".tsv line " << row.line << ": " << row.name << ": " << row.values);
      const option_match m = find_option(d, row.name);
      REQUIRE(m);
      const std::vector<std::string> catalogue = pieces(m.option->in(d).values);
      const auto unplain = std::find_if(std::begin(unplain_enums), std::end(unplain_enums),
                                        [&](const unplain_enum& e) { return e.in == d && e.name == row.name; });
      if (unplain != std::end(unplain_enums)) {
        INFO("not a plain list: " << unplain->why);
        ++unplain_used;
        if (!unplain->alias_of.empty()) {
          CHECK(find_option(d, unplain->alias_of).option.id() == m.option.id());
        } else {
          // The weaker check: the prose names every value the catalogue lists.
          for (const std::string& v : catalogue) {
            INFO("value " << v);
            CHECK(mentions(row.values, v));
          }
        }
        continue;
      }
      const std::optional<std::vector<std::string>> listed = plain_values(d, row.values);
      REQUIRE(listed);  // else the row belongs in unplain_enums, with its reason
      ++plain;
      CHECK(m.option->type == option_type::enumeration);
      CHECK(std::set<std::string>(catalogue.begin(), catalogue.end()) ==
            std::set<std::string>(listed->begin(), listed->end()));
      CHECK(catalogue.size() == listed->size());
    }
  }
  CHECK(unplain_used == std::size(unplain_enums));
  CHECK(plain >= 20);  // the parser did read the lists (27 rows when this was written)
}

TEST_CASE("the plain-list reader reads the snapshots' ways of writing a list") {
  using list = std::vector<std::string>;
  CHECK(plain_values(driver::jdbc, "always,never,conservative; ci (toUpperCase+valueOf)") ==
        list{"always", "never", "conservative"});
  CHECK(plain_values(driver::jdbc, "3 (or empty); other -> error") == list{"3"});
  CHECK(plain_values(driver::jdbc, "(empty),commercial,us-gov,cn; ci after trim") == list{"commercial", "us-gov", "cn"});
  CHECK(plain_values(driver::odbc, "Static, Profile, Plugin compared case-sensitively; empty = inferred") ==
        list{"Static", "Profile", "Plugin"});
  CHECK(plain_values(driver::python, "Optional[str]; verify-ca,verify-full (exact, case-sensitive); other") ==
        list{"verify-ca", "verify-full"});
  CHECK(plain_values(driver::libpq, "TLSv1,TLSv1.3, case-insensitive, or empty; else: error") == list{"TLSv1", "TLSv1.3"});
  CHECK_FALSE(plain_values(driver::odbc, "checked by the bundled libpq: off, false"));
  CHECK_FALSE(plain_values(driver::odbc, "sscanf %d; 0 sets SSLMode=disable"));
  CHECK_FALSE(plain_values(driver::python, "Optional[str]"));
}

// ---- the table's own structure -------------------------------------------------------------------

TEST_CASE("catalogue rows are well formed") {
  std::set<std::string_view> ids;
  std::map<std::string, std::string_view> owner[driver_count];  // driver's key -> row id
  for (const option_info& o : option_catalogue) {
    INFO("row " << o.id);
    CHECK(is_snake_case(o.id));
    CHECK(ids.insert(o.id).second);
    CHECK(option_by_id(o.id).id() == o.id);
    bool somewhere = false;
    for (driver d : all_drivers) {
      INFO(to_string(d) << " names \"" << o.in(d).names << "\" values \"" << o.in(d).values << '"');
      const option_spelling& s = o.in(d);
      const std::vector<std::string> names = pieces(s.names);
      if (names.empty()) {
        CHECK(s.written == 0);
        CHECK(s.default_value.empty());
        CHECK(s.values.empty());
        CHECK_FALSE(o.in_driver(d));
        continue;
      }
      somewhere = true;
      CHECK(o.in_driver(d));
      CHECK(s.written < names.size());
      CHECK(o.name(d) == names[s.written]);
      for (const std::string& name : names) {
        INFO("name \"" << name << '"');
        CHECK_FALSE(name.empty());
        for (char c : name) CHECK((detail::is_alnum(c) || c == '_' || (c == ' ' && name == "ssltruststore ")));
        // Within one driver no spelling names two rows (nor one row twice).
        auto [it, fresh] = owner[static_cast<std::size_t>(d)].emplace(key_of(d, name), o.id);
        INFO("also the name of row " << it->second);
        CHECK(fresh);
      }
      const std::vector<std::string> values = pieces(s.values);
      if (o.type != option_type::enumeration) CHECK(values.empty());
      CHECK(std::set<std::string>(values.begin(), values.end()).size() == values.size());
      for (const std::string& v : values) CHECK_FALSE(v.empty());
      // An enumeration's default is one of its values.
      if (!values.empty() && !s.default_value.empty())
        CHECK(std::find(values.begin(), values.end(), s.default_value) != values.end());
    }
    CHECK(somewhere);
    if (o.type != option_type::integer) CHECK(o.unit.empty());
  }
}

TEST_CASE("the bucket index finds every spelling, and only in its own driver's rule") {
  const auto& index = detail::option_keys;
  std::size_t spellings = 0;
  for (const option_info& o : option_catalogue)
    for (driver d : all_drivers) spellings += pieces(o.in(d).names).size();
  REQUIRE(detail::count_option_keys() == spellings);
  REQUIRE(std::size(index.keys) == spellings);
  REQUIRE(index.start[0] == 0);
  REQUIRE(index.start[detail::option_buckets] == spellings);
  std::set<std::string> seen;
  for (std::size_t i = 0; i < std::size(index.keys); ++i) {
    const detail::option_key& k = index.keys[i];
    INFO(to_string(k.in) << " \"" << k.name << "\" row " << k.option << " rank " << int{k.rank});
    const std::size_t b = detail::option_bucket_of(k.name);
    CHECK(index.start[b] <= i);
    CHECK(i < index.start[b + 1]);
    REQUIRE(k.option < std::size(option_catalogue));
    CHECK(detail::bar_list(option_catalogue[k.option].in(k.in).names)[k.rank] == k.name);
    const option_match m = find_option(k.in, k.name);
    REQUIRE(m);
    CHECK(m.option.row() == k.option);
    CHECK(m.rank == k.rank);
    CHECK(spelling(k.in, m) == k.name);
    CHECK(find_option_ignoring_case(k.in, upper(k.name)).option.row() == k.option);
    seen.insert(std::string(to_string(k.in)) + ":" + std::string(k.name));
  }
  CHECK(seen.size() == spellings);
}

TEST_CASE("lookups: misses, misspellings, other drivers, U+212A") {
  CHECK_FALSE(find_option(driver::jdbc, ""));
  CHECK_FALSE(find_option(driver::jdbc, "nosuchoption"));
  CHECK_FALSE(option_by_id("nosuchoption"));
  CHECK(option_by_id("password").id() == "password");

  CHECK(nearest_option(driver::jdbc, "passwrd").option.id() == "password");
  CHECK(nearest_option(driver::odbc, "PWDD").option.id() == "password");
  CHECK_FALSE(nearest_option(driver::jdbc, "zzzzzzzz"));
  CHECK(nearest_option(driver::libpq, "sslmdoe").option.id() == "ssl_mode");

  // U+212A KELVIN SIGN lower-cases to 'k' in Java: the JDBC driver reads it as the option.
  constexpr std::string_view kelvin = "SecretAccess\xE2\x84\xAA" "ey";
  CHECK(find_option(driver::jdbc, kelvin).option.id() == "secret_access_key");
  CHECK(is_secret_option_key(kelvin));
  CHECK_FALSE(find_option(driver::odbc, kelvin));    // ASCII case folding only
  CHECK_FALSE(find_option(driver::python, kelvin));  // exact names

  driver in = driver::jdbc;
  const option_match elsewhere = find_option_elsewhere(driver::jdbc, "credentials_provider", in);
  CHECK(elsewhere.option.id() == "plugin_name");
  CHECK(in == driver::python);

  CHECK(is_secret_option_key("PWD"));
  CHECK(is_secret_option_key("ssltruststore "));
  CHECK_FALSE(is_secret_option_key("user"));
  CHECK(resembles_secret_option("passwrd"));
  CHECK_FALSE(resembles_secret_option("password"));  // a known key: its own option decides
}

TEST_CASE("lookups are constant expressions") {
  STATIC_REQUIRE(find_option(driver::jdbc, "PASSWORD").option.id() == "password");
  STATIC_REQUIRE(find_option(driver::odbc, "Servername").rank == 0);
  STATIC_REQUIRE(find_option(driver::odbc, "Server").option->name(driver::odbc) == "Server");
  STATIC_REQUIRE(!find_option(driver::libpq, "SSLMODE"));
  STATIC_REQUIRE(find_option_ignoring_case(driver::libpq, "SSLMODE").option.id() == "ssl_mode");
  STATIC_REQUIRE(find_option(driver::jdbc, "SecretAccess\xE2\x84\xAA" "ey").option.id() == "secret_access_key");
  STATIC_REQUIRE(option_by_id("port")->in(driver::libpq).default_value == "5432");
  STATIC_REQUIRE(nearest_option(driver::jdbc, "passwrd").option.id() == "password");
  STATIC_REQUIRE(is_secret_option_key("client_secret"));
  STATIC_REQUIRE(detail::bar_list("a|b|c").size() == 3);
  STATIC_REQUIRE(detail::bar_list("a|b|c")[1] == "b");
  STATIC_REQUIRE(detail::bar_list("")[0].empty());
}

TEST_CASE("bounded_edit_distance equals the full edit distance, capped") {
  auto full = [](std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
      std::size_t diagonal = row[0];
      row[0] = i;
      for (std::size_t j = 1; j <= b.size(); ++j) {
        std::size_t above = row[j];
        std::size_t cost = detail::to_lower(a[i - 1]) == detail::to_lower(b[j - 1]) ? 0 : 1;
        row[j] = std::min({diagonal + cost, above + 1, row[j - 1] + 1});
        diagonal = above;
      }
    }
    return row[b.size()];
  };
  std::uint32_t state = 12345;
  auto next = [&state] { return state = state * 1664525u + 1013904223u, state >> 8; };
  for (int t = 0; t < 20000; ++t) {
    std::string a, b;
    std::size_t la = next() % 66, lb = next() % 2 ? la + next() % 3 : next() % 66;
    for (std::size_t i = 0; i < la; ++i) a += "abAB"[next() % 4];
    for (std::size_t i = 0; i < lb && i < 66; ++i) b += "abAB"[next() % 4];
    std::size_t cap = next() % 5;
    INFO(a << " / " << b << " cap " << cap);
    std::size_t expected = a.size() > 64 || b.size() > 64 ? cap + 1 : std::min(full(a, b), cap + 1);
    CHECK(detail::bounded_edit_distance(a, b, cap) == expected);
  }
}
