// Property: HOST:PORT/DATABASE reads as the host, port and database written, with the fields
// the host implies, and to_endpoint writes it back byte for byte.
#include <catch2/catch_test_macros.hpp>

#include <string>

#include <rapidcheck.h>

#include "generators.hpp"
#include "rsconn/detect.hpp"
#include "rsconn/endpoint.hpp"

using namespace rsconn;
using namespace rsconn_test;

TEST_CASE("endpoints round-trip") {
  bool ok = rc::check("to_endpoint(parse_endpoint(text)) == text", [] {
    const generated_host h = *host();
    const std::uint32_t port_number = *rc::gen::inRange<std::uint32_t>(1, 65536);
    std::optional<std::string> database;
    if (*rc::gen::arbitrary<bool>()) database = *hostile_text(/*allow_control=*/false);
    std::string text = h.host + ":" + std::to_string(port_number);
    if (database) text += "/" + *database;
    RC_LOG() << text << "\n";

    auto c = parse_endpoint_connection(text);
    RC_ASSERT(c.has_value());
    RC_ASSERT(c->form == source_form::endpoint);
    RC_ASSERT(c->hosts.size() == 1u);
    RC_ASSERT(c->hosts[0].host == h.host);
    RC_ASSERT(c->hosts[0].port == port_number);
    RC_ASSERT(c->database == database);
    RC_ASSERT(c->workgroup == h.workgroup);
    RC_ASSERT(c->account_id == h.account);
    RC_ASSERT(c->region == h.region);
    RC_ASSERT(c->cluster_id == h.cluster);
    RC_ASSERT_FALSE(c->iam);

    auto written = to_endpoint(*c);
    RC_ASSERT(written.has_value());
    RC_ASSERT(*written == text);
    auto again = parse(*written);  // detect.hpp recognises the form
    RC_ASSERT(again.has_value());
    RC_ASSERT(*again == *c);

    auto bare = parse(h.host);
    RC_ASSERT(bare.has_value());
    RC_ASSERT(bare->form == source_form::host);
    RC_ASSERT(bare->target == c->target);
    RC_ASSERT(to_host(*bare).value() == h.host);
  });
  REQUIRE(ok);
}
