// Fuzzes rsconn::parse (form detection), validate, and the fmt formatters. Oracles (abort on
// violation):
//  - a failed parse reports an offset <= the input's size;
//  - parse agrees with the form's own parser;
//  - the connection re-formats in its own form (to_jdbc with secrets revealed, or
//    to_endpoint) and re-parses to an equal connection whenever formatting succeeds;
//  - validate never throws, and its offsets are <= the input's size;
//  - "{}" is to_jdbc's redacted URL when there is one, and neither "{}" nor a diagnostic
//    message shows a secret value.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "rsconn/detect.hpp"
#include "rsconn/fmt.hpp"
#include "rsconn/redact.hpp"
#include "rsconn/validate.hpp"
#include "fuzz_check.hpp"

namespace {

void check_round_trip(const rsconn::connection& c) {
  if (c.form == rsconn::source_form::jdbc) {
    rsconn::jdbc_options reveal;
    reveal.reveal_secrets = true;
    if (auto url = rsconn::to_jdbc(c, reveal)) {
      auto again = rsconn::parse(*url);
      RSCONN_FUZZ_CHECK(again.has_value());
      // to_jdbc may append ClusterID/Region/... arguments: see fuzz_jdbc.cpp.
      rsconn::connection trimmed = *again;
      if (trimmed.properties.size() >= c.properties.size()) trimmed.properties.resize(c.properties.size());
      RSCONN_FUZZ_CHECK(trimmed == c);
    }
  } else {
    if (auto text = rsconn::to_endpoint(c)) {
      // Intended asymmetry: detection goes by the "jdbc:" prefix, so an endpoint whose host is
      // literally "jdbc" (any case) reads back only through its own parser.
      bool looks_like_jdbc = rsconn::detect_form(*text) == rsconn::source_form::jdbc;
      auto again = looks_like_jdbc ? rsconn::parse_endpoint_connection(*text) : rsconn::parse(*text);
      RSCONN_FUZZ_CHECK(again.has_value());
      rsconn::connection expected = c;
      expected.form = rsconn::source_form::endpoint;  // to_endpoint always writes the port
      RSCONN_FUZZ_CHECK(*again == expected);
    }
  }
}

// Whether `value` could appear in output for a reason other than being the secret: it is
// short, or some non-secret part of the connection holds it.
bool could_appear_innocently(const rsconn::connection& c, const std::string& value) {
  if (value.size() < 4) return true;
  auto holds = [&](const std::string& text) { return text.find(value) != std::string::npos; };
  for (const rsconn::address& a : c.hosts)
    if (holds(a.host) || holds(std::to_string(a.port))) return true;
  for (const auto* field : {&c.database, &c.workgroup, &c.account_id, &c.region, &c.cluster_id})
    if (*field && holds(**field)) return true;
  for (const rsconn::property& p : c.properties)
    if (holds(p.key) || (!p.secret() && holds(p.value))) return true;
  // An option's name: a message suggesting it quotes it ("did you mean \"Password\"?").
  for (rsconn::driver d : rsconn::all_drivers)
    if (rsconn::find_option_ignoring_case(d, value)) return true;
  // The messages' and the URL's own words.
  for (const char* words : {"jdbc:redshift:iam://", "serverless connection provisioned unknown ***",
                            "amazonaws.com.cn", "redshift-serverless-"})
    if (std::string_view(words).find(value) != std::string_view::npos) return true;
  return false;
}

// rsconn::mask_secrets keeps the length and changes bytes only to '*'.
std::string masked_or_abort(std::string_view input) {
  std::string masked = rsconn::mask_secrets(input);
  RSCONN_FUZZ_CHECK(masked.size() == input.size());
  for (std::size_t i = 0; i < input.size(); ++i) RSCONN_FUZZ_CHECK(masked[i] == input[i] || masked[i] == '*');
  return masked;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto c = rsconn::parse(input);
  const std::string masked = masked_or_abort(input);
  if (!c) {
    RSCONN_FUZZ_CHECK(c.error().offset <= size);
    std::string text = fmt::format("{}", c.error());
    RSCONN_FUZZ_CHECK(!text.empty());
    return 0;
  }
  // The forms this harness owns; the others (libpq, ...) get the validate and fmt oracles only.
  switch (rsconn::detect_form(input)) {
    case rsconn::source_form::jdbc:
      RSCONN_FUZZ_CHECK(*c == *rsconn::parse_jdbc_connection(input));
      check_round_trip(*c);
      break;
    case rsconn::source_form::host:
      RSCONN_FUZZ_CHECK(c->form == rsconn::source_form::host);
      check_round_trip(*c);
      break;
    case rsconn::source_form::endpoint:
      RSCONN_FUZZ_CHECK(*c == *rsconn::parse_endpoint_connection(input));
      check_round_trip(*c);
      break;
    default: break;
  }

  std::vector<rsconn::diagnostic> diagnostics = rsconn_fuzz::validate_or_abort(*c);

  std::vector<std::string> secrets;
  for (const rsconn::property& p : c->properties)
    if (p.secret() && !could_appear_innocently(*c, p.value)) secrets.push_back(p.value);
  // A secret written as it is (not encoded, not escaped) is masked where it stands.
  for (const rsconn::property& p : c->properties)
    if (p.secret() && input.substr(std::min(p.value_offset, size), p.value.size()) == p.value)
      RSCONN_FUZZ_CHECK(masked.substr(p.value_offset, p.value.size()).find_first_not_of('*') == std::string::npos);

  for (const rsconn::diagnostic& d : diagnostics) {
    RSCONN_FUZZ_CHECK(d.offset <= size);
    RSCONN_FUZZ_CHECK(!d.message.empty());
    std::string line = fmt::format("{}", d);
    // Messages quote the values they talk about, so a leak would show up "quoted"; the words of
    // a message itself may spell a short secret ("rue or false"), which is no leak.
    for (const std::string& secret : secrets)
      RSCONN_FUZZ_CHECK(line.find('"' + secret + '"') == std::string::npos);
  }

  std::string shown = fmt::format("{}", *c);
  std::string revealed = fmt::format("{:s}", *c);
  RSCONN_FUZZ_CHECK(!shown.empty() && !revealed.empty());
  if (auto url = rsconn::to_jdbc(*c)) {
    RSCONN_FUZZ_CHECK(shown == *url);
    // Read the URL back: every secret property says *** (a substring test would be fooled by a
    // key=value pair that happens to spell the secret).
    auto back = rsconn::parse_jdbc_connection(shown);
    RSCONN_FUZZ_CHECK(back.has_value());
    for (const rsconn::property& p : back->properties)
      if (p.secret()) RSCONN_FUZZ_CHECK(p.value == rsconn::redacted);
  } else {
    // The description names no property at all, so revealing secrets changes nothing. (A
    // substring test was fooled by its own words: client_secret=region=us-ea inside
    // "region=us-east-4"; see corpus/detect/regression-secret-spelled-by-description.)
    RSCONN_FUZZ_CHECK(shown == revealed);
  }
  for (const rsconn::property& p : c->properties) {
    std::string one = fmt::format("{}", p);
    if (p.secret()) RSCONN_FUZZ_CHECK(one == p.key + "=" + std::string(rsconn::redacted));
  }
  return 0;
}
