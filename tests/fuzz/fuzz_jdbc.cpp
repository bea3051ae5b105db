// Fuzzes parse_jdbc / to_connection / to_jdbc. Oracles (abort on violation):
//  - a failed parse reports an offset inside the input (<= its size);
//  - every view of a successful parse points into the input;
//  - the view and the owning connection agree (hosts, ports, database, iam, target, properties);
//  - to_jdbc (automatic style, secrets revealed) re-parses to an equal connection whenever it
//    succeeds;
//  - to_jdbc without reveal succeeds exactly when it does with reveal, and re-parses with every
//    secret value written as ***.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "rsconn/jdbc.hpp"
#include "fuzz_check.hpp"

namespace {

using rsconn_fuzz::inside;

void check_host_parts_inside(std::string_view input, const rsconn::host_parts& p) {
  for (std::string_view part : {p.workgroup, p.account, p.cluster, p.cluster_suffix, p.endpoint_name,
                                p.endpoint_id, p.region, p.dns_suffix})
    RSCONN_FUZZ_CHECK(inside(input, part));
}

void check_view(std::string_view input, const rsconn::jdbc_view& view, const rsconn::connection& c) {
  RSCONN_FUZZ_CHECK(view.url().data() == input.data() && view.url().size() == input.size());
  RSCONN_FUZZ_CHECK(inside(input, view.cluster_part()));
  RSCONN_FUZZ_CHECK(inside(input, view.region_part()));
  RSCONN_FUZZ_CHECK(inside(input, view.ignored_arguments()));
  RSCONN_FUZZ_CHECK(view.ignored_arguments_offset() <= input.size());
  RSCONN_FUZZ_CHECK(inside(input, view.database().raw()));
  check_host_parts_inside(input, view.host());

  RSCONN_FUZZ_CHECK(c.form == rsconn::source_form::jdbc);
  RSCONN_FUZZ_CHECK(c.iam == view.iam());
  RSCONN_FUZZ_CHECK(c.target == view.target());
  RSCONN_FUZZ_CHECK(c.legacy_iam == view.legacy_iam());
  RSCONN_FUZZ_CHECK(c.database.has_value() == view.database().present());
  if (c.database) RSCONN_FUZZ_CHECK(*c.database == view.database().decoded());
  if (c.database) RSCONN_FUZZ_CHECK(c.database_offset <= input.size());

  // Addresses: the connection's are the view's unless a host or port argument replaces them.
  std::size_t count = 0;
  for (const rsconn::jdbc_address& a : view.hosts()) {
    // jdbc:redshift:database names no host: its address is the driver's "localhost", a
    // constant rather than a view into the input (documented in jdbc_view::hosts).
    if (view.shape() == rsconn::jdbc_shape::database_only) {
      RSCONN_FUZZ_CHECK(a.host == "localhost" && a.port == 5439);
    } else {
      RSCONN_FUZZ_CHECK(inside(input, a.host));
      RSCONN_FUZZ_CHECK(a.host.empty() || a.host.data() == input.data() + a.offset);
    }
    ++count;
  }
  RSCONN_FUZZ_CHECK(count == view.hosts().size());
  if (view.shape() == rsconn::jdbc_shape::iam_cluster) RSCONN_FUZZ_CHECK(count == 0);
  if (!view.argument("host") && !view.argument("port")) {
    RSCONN_FUZZ_CHECK(c.hosts.size() == count);
    std::size_t i = 0;
    for (const rsconn::jdbc_address& a : view.hosts()) {
      RSCONN_FUZZ_CHECK(c.hosts[i].host == a.host);
      RSCONN_FUZZ_CHECK(c.hosts[i].port == a.port);
      RSCONN_FUZZ_CHECK(c.hosts[i].offset == a.offset);
      ++i;
    }
    // The // form checks its ports; the IAM form keeps any 32-bit number.
    if (view.shape() == rsconn::jdbc_shape::hosts)
      for (const rsconn::address& a : c.hosts) RSCONN_FUZZ_CHECK(a.port >= 1 && a.port <= 65535);
  }

  // Properties: one per non-empty argument token, in order, keys as written.
  std::size_t i = 0;
  for (const rsconn::jdbc_argument& arg : view.arguments()) {
    RSCONN_FUZZ_CHECK(!arg.key.empty() || arg.value.present());
    RSCONN_FUZZ_CHECK(inside(input, arg.key) && inside(input, arg.value.raw()));
    RSCONN_FUZZ_CHECK(i < c.properties.size());
    RSCONN_FUZZ_CHECK(c.properties[i].key == arg.key);
    RSCONN_FUZZ_CHECK(c.properties[i].value == arg.value.decoded());
    RSCONN_FUZZ_CHECK(c.properties[i].offset <= input.size() && c.properties[i].value_offset <= input.size());
    ++i;
  }
  RSCONN_FUZZ_CHECK(i == c.properties.size());

  // Effective fields: the view's and the connection's.
  const rsconn::effective_fields& eff = view.effective();
  auto same = [](const rsconn::encoded_text& t, const std::optional<std::string>& s) {
    return t.present() == s.has_value() && (!s || t.decoded() == *s);
  };
  RSCONN_FUZZ_CHECK(same(eff.workgroup, c.workgroup));
  RSCONN_FUZZ_CHECK(same(eff.account_id, c.account_id));
  RSCONN_FUZZ_CHECK(same(eff.region, c.region));
  RSCONN_FUZZ_CHECK(same(eff.cluster_id, c.cluster_id));
}

// Whether `again` is `c` with, at most, the explicit arguments to_jdbc appends so that the
// driver derives the same effective fields (ClusterID, Region, serverlessWorkGroup,
// serverlessAcctId, isServerless). Intended asymmetry: the model keeps the effective fields but
// not where they were written, so e.g. the cluster-id form's CLUSTER:REGION together with a
// `host` argument comes back as a host URL with ClusterID= and Region= arguments. The
// effective fields themselves must still be equal.
bool equal_up_to_added_arguments(const rsconn::connection& again, const rsconn::connection& c) {
  if (again.properties.size() < c.properties.size()) return false;
  rsconn::connection trimmed = again;
  for (std::size_t i = c.properties.size(); i < again.properties.size(); ++i) {
    const std::string& key = again.properties[i].key;
    if (key != "ClusterID" && key != "Region" && key != "serverlessWorkGroup" && key != "serverlessAcctId" &&
        key != "isServerless")
      return false;
  }
  trimmed.properties.resize(c.properties.size());
  return trimmed == c;
}

void check_round_trip(const rsconn::connection& c) {
  rsconn::jdbc_options reveal;
  reveal.style = rsconn::jdbc_style::automatic;
  reveal.reveal_secrets = true;
  auto url = rsconn::to_jdbc(c, reveal);
  auto redacted = rsconn::to_jdbc(c);
  RSCONN_FUZZ_CHECK(url.has_value() == redacted.has_value());
  if (!url) return;
  auto again = rsconn::parse_jdbc_connection(*url);
  RSCONN_FUZZ_CHECK(again.has_value());
  RSCONN_FUZZ_CHECK(equal_up_to_added_arguments(*again, c));
  // The formatter is stable: the re-parsed connection writes the same URL, when nothing was added.
  if (*again == c) {
    auto url_again = rsconn::to_jdbc(*again, reveal);
    RSCONN_FUZZ_CHECK(url_again && *url_again == *url);
  }

  auto hidden = rsconn::parse_jdbc_connection(*redacted);
  RSCONN_FUZZ_CHECK(hidden.has_value());
  rsconn_fuzz::check_redacted_reading(*hidden, *again);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto view = rsconn::parse_jdbc(input);
  if (!view) {
    RSCONN_FUZZ_CHECK(view.error().offset <= size);
    RSCONN_FUZZ_CHECK(!view.error().message().empty());
    return 0;
  }
  rsconn::connection c = rsconn::to_connection(*view);
  check_view(input, *view, c);
  auto owned = rsconn::parse_jdbc_connection(input);
  RSCONN_FUZZ_CHECK(owned && *owned == c);
  check_round_trip(c);
  return 0;
}
