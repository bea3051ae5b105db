// libpq forms: parsing into views never allocates; to_libpq and to_libpq_uri allocate exactly
// once (the output string, reserved up front). Global operator new/delete are replaced with
// counting versions; only the calls under test are counted.
#include <catch2/catch_test_macros.hpp>

#include "../support/counting_allocator.hpp"

#include <cstddef>
#include <cstdlib>
#include <new>
#include <string>
#include <string_view>

#include "rsconn/libpq.hpp"

using rsconn_test::allocations_in;

namespace {

constexpr std::string_view corpus[] = {
    "host=default.123456789012.us-east-1.redshift-serverless.amazonaws.com port=5439 dbname=dev user=awsuser "
    "sslmode=require",
    "host='a b',c port=5439,5440 dbname='x\\'y' user=u password='p w' application_name=\\\\app options='-c "
    "a=b'",
    "dbname= host=h",
    "host=h hostaddr=10.0.0.1 port=5439 requiressl=1",
    "postgresql://awsuser:p%40ss@default.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/"
    "dev?sslmode=verify-full",
    "postgresql://u@v@h/db#x?ssl=true&application_name=a+b",
    "postgres://[::1]:5439,h2:5440/dev?connect_timeout=10",
    // invalid
    "password='it''s'",
    "Host=h",
    "postgresql://h/d%zz",
    "postgresql://[::1/dev",
    "",
};

}  // namespace

TEST_CASE("parsing a libpq string into a view never allocates") {
  for (std::string_view text : corpus) {
    INFO(text);
    std::size_t pairs = 0;  // uses the results, so that nothing is optimised away
    std::size_t n = allocations_in([&] {
      if (rsconn::is_libpq_uri(text)) {
        auto v = rsconn::parse_libpq_uri(text);
        if (v) {
          for (const auto& netloc : v->netlocs()) pairs += netloc.host.decoded_size();
          for (const auto& p : v->parameters()) pairs += p.value.decoded_size();
        }
      } else {
        auto v = rsconn::parse_libpq_keywords(text);
        if (v) {
          for (const auto& p : v->pairs()) pairs += p.value.decoded_size();
          if (v->value("host").equals("h")) ++pairs;
        }
      }
    });
    CHECK(n == 0);
    CHECK(pairs < 10000);
  }
}

TEST_CASE("to_libpq and to_libpq_uri allocate once") {
  for (std::string_view text : corpus) {
    auto c = rsconn::parse_libpq_connection(text);
    if (!c) continue;
    INFO(text);
    for (bool reveal : {false, true}) {
      rsconn::libpq_options o;
      o.reveal_secrets = reveal;
      o.hostaddr = c->hosts.size() == 1 ? "127.0.0.1" : "";
      std::size_t n = allocations_in([&] {
        auto s = rsconn::to_libpq(*c, o);
        CHECK(s.has_value());
      });
      CHECK(n == 1);
      n = allocations_in([&] {
        auto s = rsconn::to_libpq_uri(*c, o);
        CHECK(s.has_value());
      });
      CHECK(n == 1);
    }
  }
}
