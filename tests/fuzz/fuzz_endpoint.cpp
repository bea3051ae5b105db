// Fuzzes parse_endpoint / parse_host / to_connection / to_endpoint / to_host. Oracles (abort on
// violation):
//  - a failed parse reports an offset <= the input's size; parse_host fails whenever
//    parse_endpoint does, and succeeds exactly when no port and no database are written;
//  - the view's parts point into the input at the offsets it reports;
//  - the view and the owning connection agree (host, port, database, target, fields);
//  - to_endpoint re-parses to an equal connection whenever it succeeds, and to_host re-parses
//    to the same host and the same host-derived fields.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "rsconn/endpoint.hpp"
#include "fuzz_check.hpp"

namespace {

using rsconn_fuzz::inside;

void check_view(std::string_view input, const rsconn::endpoint_view& v, const rsconn::connection& c) {
  RSCONN_FUZZ_CHECK(v.text.data() == input.data() && v.text.size() == input.size());
  RSCONN_FUZZ_CHECK(!v.host.empty() && v.host.data() == input.data() + v.host_offset);
  RSCONN_FUZZ_CHECK(v.port_offset <= input.size() && v.database_offset <= input.size());
  if (v.database_written) RSCONN_FUZZ_CHECK(v.database.data() == input.data() + v.database_offset);
  RSCONN_FUZZ_CHECK(inside(input, v.database));
  const rsconn::host_parts& p = v.parts;
  for (std::string_view part : {p.workgroup, p.account, p.cluster, p.cluster_suffix, p.endpoint_name,
                                p.endpoint_id, p.region, p.dns_suffix})
    RSCONN_FUZZ_CHECK(inside(v.host, part));

  RSCONN_FUZZ_CHECK(c.form == (v.port_written || v.database_written ? rsconn::source_form::endpoint
                                                                    : rsconn::source_form::host));
  RSCONN_FUZZ_CHECK(c.hosts.size() == 1);
  RSCONN_FUZZ_CHECK(c.hosts[0].host == v.host);
  RSCONN_FUZZ_CHECK(c.hosts[0].port == v.port.number());
  RSCONN_FUZZ_CHECK(c.database.has_value() == v.database_written);
  if (c.database) RSCONN_FUZZ_CHECK(*c.database == v.database);
  RSCONN_FUZZ_CHECK(c.target == v.effective.target);
  RSCONN_FUZZ_CHECK(!c.iam && !c.legacy_iam && c.properties.empty());
  auto same = [](const rsconn::encoded_text& t, const std::optional<std::string>& s) {
    return t.present() == s.has_value() && (!s || t.decoded() == *s);
  };
  RSCONN_FUZZ_CHECK(same(v.effective.workgroup, c.workgroup));
  RSCONN_FUZZ_CHECK(same(v.effective.account_id, c.account_id));
  RSCONN_FUZZ_CHECK(same(v.effective.region, c.region));
  RSCONN_FUZZ_CHECK(same(v.effective.cluster_id, c.cluster_id));
}

void check_round_trip(const rsconn::connection& c) {
  if (auto text = rsconn::to_endpoint(c)) {
    auto again = rsconn::parse_endpoint_connection(*text);
    RSCONN_FUZZ_CHECK(again.has_value());
    // Intended asymmetry: to_endpoint always writes the port (HOST:PORT[/DB]), so a bare host
    // comes back in the endpoint form; everything else must be equal.
    rsconn::connection expected = c;
    expected.form = rsconn::source_form::endpoint;
    RSCONN_FUZZ_CHECK(*again == expected);
  }
  if (auto host = rsconn::to_host(c)) {
    auto again = rsconn::parse_host(*host);
    RSCONN_FUZZ_CHECK(again.has_value());
    rsconn::connection h = rsconn::to_connection(*again);
    RSCONN_FUZZ_CHECK(h.hosts.size() == 1 && h.hosts[0].host == c.hosts[0].host);
    RSCONN_FUZZ_CHECK(h.target == c.target && h.workgroup == c.workgroup && h.account_id == c.account_id &&
                      h.region == c.region && h.cluster_id == c.cluster_id);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto view = rsconn::parse_endpoint(input);
  auto host = rsconn::parse_host(input);
  if (!host) RSCONN_FUZZ_CHECK(host.error().offset <= size);
  if (!view) {
    RSCONN_FUZZ_CHECK(view.error().offset <= size);
    RSCONN_FUZZ_CHECK(!host);
    return 0;
  }
  RSCONN_FUZZ_CHECK(host.has_value() == (!view->port_written && !view->database_written));
  rsconn::connection c = rsconn::to_connection(*view);
  check_view(input, *view, c);
  auto owned = rsconn::parse_endpoint_connection(input);
  RSCONN_FUZZ_CHECK(owned && *owned == c);
  check_round_trip(c);
  return 0;
}
