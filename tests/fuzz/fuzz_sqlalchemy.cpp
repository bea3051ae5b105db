// Fuzzes parse_sqlalchemy / sqlalchemy_notes / to_sqlalchemy / validate. Oracles (abort on
// violation):
//  - a failed parse reports an offset <= the input's size;
//  - every offset of a successful parse (hosts, database, properties) is inside the input;
//  - to_sqlalchemy (secrets revealed, unknown keys dropped, the model's own dialect) re-parses to
//    the same connection whenever it succeeds, and writing that again gives the same text (read
//    -> write is canonical); redacted, it succeeds alike and reads back with *** for each secret;
//  - sqlalchemy_notes are warnings inside the input; validate never throws and leaks no secret.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "rsconn/sqlalchemy.hpp"
#include "fuzz_check.hpp"

namespace {

void check_offsets(const rsconn::connection& c, std::size_t size) {
  for (const rsconn::address& a : c.hosts) RSCONN_FUZZ_CHECK(a.offset <= size && a.port_offset <= size);
  RSCONN_FUZZ_CHECK(c.database_offset <= size);
  for (const rsconn::property& p : c.properties)
    RSCONN_FUZZ_CHECK(p.offset <= size && p.value_offset <= size && p.offset <= p.value_offset);
}

void check_round_trip(const rsconn::connection& c) {
  rsconn::sqlalchemy_options shown;
  shown.reveal_secrets = true;
  shown.unknown = rsconn::unknown_keys::keep;
  auto text = rsconn::to_sqlalchemy(c, shown);
  rsconn::sqlalchemy_options hidden = shown;
  hidden.reveal_secrets = false;
  auto redacted = rsconn::to_sqlalchemy(c, hidden);
  RSCONN_FUZZ_CHECK(text.has_value() == redacted.has_value());
  if (!text) return;
  auto again = rsconn::parse_sqlalchemy(*text);
  RSCONN_FUZZ_CHECK(again.has_value());
  RSCONN_FUZZ_CHECK(again->form == c.form);
  // Kept as written but for TLS, which is the mode (the same spelling within one driver).
  RSCONN_FUZZ_CHECK(again->hosts == c.hosts && again->database == c.database);
  RSCONN_FUZZ_CHECK(rsconn::effective_tls(*again).mode == rsconn::effective_tls(c).mode);
  auto twice = rsconn::to_sqlalchemy(*again, shown);
  RSCONN_FUZZ_CHECK(twice.has_value() && *twice == *text);
  auto hidden_back = rsconn::parse_sqlalchemy(*redacted);
  RSCONN_FUZZ_CHECK(hidden_back.has_value());
  rsconn_fuzz::check_redacted_reading(*hidden_back, *again);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto c = rsconn::parse_sqlalchemy(input);
  if (!c) {
    RSCONN_FUZZ_CHECK(c.error().offset <= size);
    return 0;
  }
  RSCONN_FUZZ_CHECK(rsconn::is_sqlalchemy(c->form));
  check_offsets(*c, size);
  for (const rsconn::diagnostic& d : rsconn::sqlalchemy_notes(*c, input))
    RSCONN_FUZZ_CHECK(d.severity == rsconn::severity::warning && d.offset <= size && !d.message.empty());
  rsconn_fuzz::check_validate(*c, size);
  check_round_trip(*c);
  return 0;
}
