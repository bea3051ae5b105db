// Fuzzes classify_host and driver_reading. Oracles (abort on violation):
//  - every view they return points into the input;
//  - classify_host is case-insensitive: the ASCII lower-cased host has the same kind, service
//    and parts at the same places;
//  - a Redshift kind has a region and a DNS suffix, and its parts are whole labels;
//  - driver_reading agrees with a direct (cubic, so only for short inputs) backtracking
//    reading of the drivers' regexes
//      (.+)\.(.+)\.(.+).redshift(-dev)?\.amazonaws\.com(.)*          (tried first)
//      (.+)\.(.+)\.(.+).redshift-serverless(-dev)?\.amazonaws\.com(.)*
//    with Java's greedy groups; compared on ASCII inputs, where a Java char is one byte.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "rsconn/endpoint.hpp"
#include "rsconn/host.hpp"
#include "fuzz_check.hpp"

namespace {

using rsconn_fuzz::inside;

std::size_t where(std::string_view whole, std::string_view part) {
  return part.empty() ? std::string_view::npos : static_cast<std::size_t>(part.data() - whole.data());
}

bool whole_label(std::string_view host, std::string_view part) {
  if (part.empty()) return true;
  std::size_t at = where(host, part);
  bool starts = at == 0 || host[at - 1] == '.';
  std::size_t end = at + part.size();
  bool ends = end == host.size() || host[end] == '.';
  return starts && ends;
}

void check_classify(std::string_view input) {
  rsconn::host_parts p = rsconn::classify_host(input);
  std::string_view parts[] = {p.workgroup, p.account, p.cluster, p.cluster_suffix, p.endpoint_name,
                              p.endpoint_id, p.region, p.dns_suffix};
  for (std::string_view part : parts) RSCONN_FUZZ_CHECK(inside(input, part));
  if (p.is_redshift()) {
    RSCONN_FUZZ_CHECK(!p.region.empty() && !p.dns_suffix.empty());
    RSCONN_FUZZ_CHECK(p.service != rsconn::redshift_service::none);
    for (std::string_view part : {p.workgroup, p.account, p.cluster, p.cluster_suffix, p.region})
      RSCONN_FUZZ_CHECK(whole_label(input, part) && part.find('.') == std::string_view::npos);
  }
  if (p.kind == rsconn::host_kind::serverless) RSCONN_FUZZ_CHECK(p.service == rsconn::redshift_service::serverless);
  if (p.kind == rsconn::host_kind::provisioned) {
    RSCONN_FUZZ_CHECK(p.service == rsconn::redshift_service::provisioned && !p.cluster.empty());
  }
  if (p.kind == rsconn::host_kind::vpc_endpoint) RSCONN_FUZZ_CHECK(p.endpoint_id.size() == 20);

  std::string lower(input);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  rsconn::host_parts q = rsconn::classify_host(lower);
  RSCONN_FUZZ_CHECK(q.kind == p.kind && q.service == p.service && q.dev_service == p.dev_service &&
                    q.trailing_dot == p.trailing_dot && !q.upper_case);
  std::string_view lower_parts[] = {q.workgroup, q.account, q.cluster, q.cluster_suffix, q.endpoint_name,
                                    q.endpoint_id, q.region, q.dns_suffix};
  for (std::size_t i = 0; i < 8; ++i) {
    RSCONN_FUZZ_CHECK(parts[i].size() == lower_parts[i].size());
    RSCONN_FUZZ_CHECK(where(input, parts[i]) == where(lower, lower_parts[i]));
  }
}

// The regex, read directly: the greedy groups take the largest split that lets the rest match.
rsconn::driver_host_reading reference_reading(std::string_view s, std::string_view label,
                                              rsconn::redshift_service service) {
  auto tail_ok = [&](std::size_t t) {  // s[t] is the unescaped '.', the label follows
    std::size_t at = t + 1;
    if (at + label.size() > s.size() || s.substr(at, label.size()) != label) return false;
    std::string_view rest = s.substr(at + label.size());
    return rest.substr(0, 14) == ".amazonaws.com" || rest.substr(0, 18) == "-dev.amazonaws.com";
  };
  for (std::size_t a = s.size(); a-- > 1;) {
    if (s[a] != '.') continue;
    for (std::size_t b = s.size(); b-- > a + 2;) {
      if (s[b] != '.') continue;
      for (std::size_t t = s.size(); t-- > b + 2;) {
        if (!tail_ok(t)) continue;
        rsconn::driver_host_reading r;
        r.service = service;
        r.first = s.substr(0, a);
        r.second = s.substr(a + 1, b - a - 1);
        r.region = s.substr(b + 1, t - b - 1);
        return r;
      }
    }
  }
  return {};
}

void check_driver_reading(std::string_view input) {
  rsconn::driver_host_reading r = rsconn::driver_reading(input);
  RSCONN_FUZZ_CHECK(inside(input, r.first) && inside(input, r.second) && inside(input, r.region));
  if (r.service != rsconn::redshift_service::none)
    RSCONN_FUZZ_CHECK(!r.first.empty() && !r.second.empty() && !r.region.empty());
  if (input.size() > 48) return;
  for (char c : input)
    if (static_cast<unsigned char>(c) >= 0x80 || c == '\n' || c == '\r') return;
  rsconn::driver_host_reading want =
      reference_reading(input, "redshift", rsconn::redshift_service::provisioned);
  if (want.service == rsconn::redshift_service::none)
    want = reference_reading(input, "redshift-serverless", rsconn::redshift_service::serverless);
  RSCONN_FUZZ_CHECK(r.service == want.service);
  RSCONN_FUZZ_CHECK(r.first == want.first && r.second == want.second && r.region == want.region);
  RSCONN_FUZZ_CHECK(where(input, r.first) == where(input, want.first));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  check_classify(input);
  check_driver_reading(input);
  // A host that parse_host accepts classifies the same through the endpoint view.
  if (auto view = rsconn::parse_host(input)) {
    RSCONN_FUZZ_CHECK(view->host == input);
    RSCONN_FUZZ_CHECK(view->parts.kind == rsconn::classify_host(input).kind);
  } else {
    RSCONN_FUZZ_CHECK(view.error().offset <= size);
  }
  return 0;
}
