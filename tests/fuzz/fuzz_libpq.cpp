// Fuzzes parse_libpq_keywords / parse_libpq_uri (chosen by the input's prefix, as
// PQconninfoParse chooses) / to_connection / to_libpq / to_libpq_uri / validate. Oracles (abort on
// violation):
//  - a failed parse reports an offset <= the input's size;
//  - every view of a successful parse points into the input, at the offsets it reports;
//  - the view's owning model equals parse_libpq_connection's;
//  - to_libpq and to_libpq_uri (secrets revealed, drop_unknown) re-parse to the same connection
//    whenever they succeed, up to the relaxations described at same_meaning(); without reveal
//    they succeed alike and re-parse with every secret value written as ***;
//  - validate never throws, its offsets are <= the input's size, and no message quotes a secret.
// With libpq (RSCONN_HAVE_LIBPQ=1), the real libpq 15 is the arbiter:
//  - PQconninfoParse accepts the input exactly when rsconn does, and reads the same hosts,
//    ports, dbname and keyword values (user, password, sslmode, ...). The one documented
//    difference is excluded: rsconn refuses a NUL byte, where libpq reads up to it;
//  - PQconninfoParse reads to_libpq's and to_libpq_uri's output as the model says.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rsconn/libpq.hpp"
#include "rsconn/validate.hpp"
#include "fuzz_check.hpp"

#if RSCONN_HAVE_LIBPQ
#include "../libpq_oracle.hpp"
#endif

namespace {

using rsconn_fuzz::check_validate;

using rsconn_fuzz::last;

using rsconn_fuzz::inside;

void check_text(std::string_view input, const rsconn::libpq_text& t, std::size_t offset) {
  RSCONN_FUZZ_CHECK(inside(input, t.raw()));
  RSCONN_FUZZ_CHECK(offset <= input.size());
  if (!t.raw().empty()) RSCONN_FUZZ_CHECK(t.raw().data() == input.data() + offset);
  RSCONN_FUZZ_CHECK(t.decoded().size() == t.decoded_size());
  RSCONN_FUZZ_CHECK(t.equals(t.decoded()));
}

void check_keywords_view(std::string_view input, const rsconn::libpq_keywords_view& view,
                         const rsconn::connection& c) {
  RSCONN_FUZZ_CHECK(view.text().data() == input.data() && view.text().size() == input.size());
  std::size_t i = 0;
  for (const rsconn::libpq_pair& p : view.pairs()) {
    RSCONN_FUZZ_CHECK(rsconn::is_libpq_keyword(p.key));
    RSCONN_FUZZ_CHECK(inside(input, p.key) && p.key.data() == input.data() + p.offset);
    check_text(input, p.value, p.value_offset);
    RSCONN_FUZZ_CHECK(i < c.properties.size());
    RSCONN_FUZZ_CHECK(c.properties[i].key == p.key && c.properties[i].value == p.value.decoded());
    RSCONN_FUZZ_CHECK(view.value(p.key).present());
    ++i;
  }
  RSCONN_FUZZ_CHECK(i == view.size() && i == c.properties.size());
  RSCONN_FUZZ_CHECK(c.form == rsconn::source_form::libpq_keywords);
}

void check_uri_view(std::string_view input, const rsconn::libpq_uri_view& view, const rsconn::connection& c) {
  RSCONN_FUZZ_CHECK(view.text().data() == input.data() && view.text().size() == input.size());
  RSCONN_FUZZ_CHECK(c.form == rsconn::source_form::libpq_uri);
  if (view.user()) check_text(input, view.user(), view.user_offset());
  if (view.password()) check_text(input, view.password(), view.password_offset());
  // libpq sets user and password only when non-empty.
  if (view.user()) RSCONN_FUZZ_CHECK(!view.user().raw().empty());
  if (view.password()) RSCONN_FUZZ_CHECK(!view.password().raw().empty());
  std::size_t netlocs = 0;
  for (const rsconn::libpq_netloc& n : view.netlocs()) {
    check_text(input, n.host, n.offset);
    if (n.port) check_text(input, n.port, n.port_offset);
    ++netlocs;
  }
  RSCONN_FUZZ_CHECK(netlocs >= 1);
  if (view.path_database()) {
    check_text(input, view.path_database(), view.path_database_offset());
    RSCONN_FUZZ_CHECK(!view.path_database().raw().empty());
  }
  for (const rsconn::libpq_pair& p : view.parameters()) {
    RSCONN_FUZZ_CHECK(inside(input, p.key));
    if (!p.key.empty()) RSCONN_FUZZ_CHECK(p.key.data() == input.data() + p.offset);
    check_text(input, p.value, p.value_offset);
  }
}


// Whether `again` (a formatter's output read back) means the same as `c`. Relaxations, all
// intended (see to_libpq / to_libpq_uri):
//  - the form is the formatter's (keywords or URI);
//  - properties are rewritten: host, port and dbname are written from the model's fields
//    (hostaddr stays a property), sslmode/requiressl/ssl become one sslmode at the end (the
//    connection's, "require" when it names none), duplicates collapse to the value libpq keeps
//    (the URI writes the last non-empty user and password in its authority), so only the
//    effective value of each keyword is compared.
// The hosts (names and ports, after libpq's pairing), the database and every derived field must
// be equal.
bool same_meaning(const rsconn::connection& again, const rsconn::connection& c) {
  if (again.target != c.target || again.hosts != c.hosts || again.database != c.database || again.iam != c.iam ||
      again.legacy_iam != c.legacy_iam || again.workgroup != c.workgroup || again.account_id != c.account_id ||
      again.region != c.region || again.cluster_id != c.cluster_id)
    return false;
  for (std::string_view key : rsconn::libpq_keywords) {
    if (key == "host" || key == "port" || key == "dbname" || key == "sslmode" || key == "requiressl") continue;
    if (last(again, key) != last(c, key)) return false;
  }
  std::string_view mode = rsconn::detail::libpq_sslmode_of(c);
  if (mode.empty()) mode = "require";
  return rsconn::detail::libpq_sslmode_of(again) == mode;
}

#if RSCONN_HAVE_LIBPQ
// libpq reads `text` (a formatter's output) as the model `c` says.
void check_libpq_reads(const std::string& text, const rsconn::connection& c) {
  rsconn_test::libpq_reading lib = rsconn_test::libpq_parse(text);
  if (!lib.ok) std::fprintf(stderr, "libpq refuses rsconn's output %s: %s\n", text.c_str(), lib.error.c_str());
  RSCONN_FUZZ_CHECK(lib.ok);
  rsconn::detail::libpq_lists lists;
  if (auto h = lib.get("host")) lists.host = *h, lists.has_host = true;
  if (auto a = lib.get("hostaddr")) lists.hostaddr = *a, lists.has_hostaddr = true;
  if (auto p = lib.get("port")) lists.port = *p, lists.has_port = true;
  RSCONN_FUZZ_CHECK(rsconn::detail::pair_libpq_hosts(lists) == c.hosts);
  RSCONN_FUZZ_CHECK(lib.get("dbname") == c.database);
  for (std::string_view keyword : rsconn::libpq_keywords) {
    std::string key(keyword);
    if (key == "host" || key == "port" || key == "dbname" || key == "sslmode" || key == "requiressl") continue;
    if (lib.get(key) != last(c, key))
      std::fprintf(stderr, "%s: libpq reads %s from %s\n", key.c_str(), rsconn_test::show(lib.get(key)).c_str(),
                   text.c_str());
    RSCONN_FUZZ_CHECK(lib.get(key) == last(c, key));
  }
  std::string_view mode = rsconn::detail::libpq_sslmode_of(c);
  if (mode.empty()) mode = "require";
  RSCONN_FUZZ_CHECK(lib.get("sslmode") == std::string(mode));
}
#endif

void check_round_trip(const rsconn::connection& c) {
  rsconn::libpq_options reveal;
  reveal.reveal_secrets = true;
  reveal.drop_unknown = true;
  rsconn::libpq_options hide = reveal;
  hide.reveal_secrets = false;
  for (bool uri : {false, true}) {
    auto text = uri ? rsconn::to_libpq_uri(c, reveal) : rsconn::to_libpq(c, reveal);
    auto redacted = uri ? rsconn::to_libpq_uri(c, hide) : rsconn::to_libpq(c, hide);
    RSCONN_FUZZ_CHECK(text.has_value() == redacted.has_value());
    if (!text) {
      RSCONN_FUZZ_CHECK(!text.error().message().empty());
      continue;
    }
    auto again = rsconn::parse_libpq_connection(*text);
    if (!again || !same_meaning(*again, c)) std::fprintf(stderr, "rsconn wrote: %s\n", text->c_str());
    RSCONN_FUZZ_CHECK(again.has_value());
    RSCONN_FUZZ_CHECK(again->form == (uri ? rsconn::source_form::libpq_uri : rsconn::source_form::libpq_keywords));
    RSCONN_FUZZ_CHECK(same_meaning(*again, c));
    // Stable: the connection read back writes the same text.
    auto text_again = uri ? rsconn::to_libpq_uri(*again, reveal) : rsconn::to_libpq(*again, reveal);
    RSCONN_FUZZ_CHECK(text_again && *text_again == *text);
#if RSCONN_HAVE_LIBPQ
    check_libpq_reads(*text, c);
#endif

    auto hidden = rsconn::parse_libpq_connection(*redacted);
    RSCONN_FUZZ_CHECK(hidden.has_value());
    rsconn_fuzz::check_redacted_reading(*hidden, *again);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  bool uri = rsconn::is_libpq_uri(input);
  bool has_nul = input.find('\0') != std::string_view::npos;
  auto c = rsconn::parse_libpq_connection(input);
#if RSCONN_HAVE_LIBPQ
  if (!has_nul) {
    std::string diff = rsconn_test::compare_with_libpq(std::string(input));
    if (!diff.empty()) std::fprintf(stderr, "rsconn and libpq disagree: %s\n", diff.c_str());
    RSCONN_FUZZ_CHECK(diff.empty());
  }
#endif
  if (!c) {
    RSCONN_FUZZ_CHECK(c.error().offset <= size);
    RSCONN_FUZZ_CHECK(!c.error().message().empty());
    return 0;
  }
  RSCONN_FUZZ_CHECK(!has_nul);
  RSCONN_FUZZ_CHECK(!c->hosts.empty());
  if (uri) {
    auto view = rsconn::parse_libpq_uri(input);
    RSCONN_FUZZ_CHECK(view.has_value());
    RSCONN_FUZZ_CHECK(rsconn::to_connection(*view) == *c);
    check_uri_view(input, *view, *c);
  } else {
    auto view = rsconn::parse_libpq_keywords(input);
    RSCONN_FUZZ_CHECK(view.has_value());
    RSCONN_FUZZ_CHECK(rsconn::to_connection(*view) == *c);
    check_keywords_view(input, *view, *c);
  }
  for (const rsconn::property& p : c->properties)
    RSCONN_FUZZ_CHECK(p.offset <= size && p.value_offset <= size);
  RSCONN_FUZZ_CHECK(c->database_offset <= size);
  check_round_trip(*c);
  check_validate(*c, size);
  return 0;
}
