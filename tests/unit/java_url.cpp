// detail/java_url.hpp (java.net.URLDecoder as the driver applies it), detail/percent.hpp and
// encoded_text.
#include <catch2/catch_test_macros.hpp>

#include <string>
#include <string_view>

#include "rsconn/detail/encoded_text.hpp"
#include "rsconn/detail/java_url.hpp"
#include "rsconn/detail/percent.hpp"

using namespace rsconn;
using namespace rsconn::detail;
using namespace std::string_literals;

namespace {
const std::string fffd = "\xEF\xBF\xBD";
}

TEST_CASE("escape values follow Integer.parseInt(.., 16)") {
  CHECK(java_escape_value('4', '1') == 0x41);
  CHECK(java_escape_value('f', 'F') == 0xFF);
  CHECK(java_escape_value('+', '4') == 4);
  CHECK(java_escape_value('-', '0') == 0);
  CHECK(java_escape_value('-', '4') == -1);
  CHECK(java_escape_value('g', '1') == -1);
  CHECK(java_escape_value('1', 'g') == -1);
  CHECK(java_escape_value('+', '+') == -1);
}

TEST_CASE("first malformed escape") {
  CHECK(java_url_first_error("abc") == std::string_view::npos);
  CHECK(java_url_first_error("a%41b") == std::string_view::npos);
  CHECK(java_url_first_error("%") == 0);
  CHECK(java_url_first_error("ab%4") == 2);
  CHECK(java_url_first_error("%41%zz") == 3);
  CHECK(java_url_first_error("%%41") == 0);
  CHECK(java_url_first_error("%+4") == std::string_view::npos);
  CHECK(java_url_first_error("%-4") == 0);
}

TEST_CASE("URLDecoder decoding") {
  CHECK(java_url_decode("a+b") == "a b");
  CHECK(java_url_decode("a%2Bb") == "a+b");
  CHECK(java_url_decode("%2b%3d%26%3B") == "+=&;");
  CHECK(java_url_decode("%+4") == "\x04");
  CHECK(java_url_decode("caf%C3%A9") == "caf\xC3\xA9");
  CHECK(java_url_decode("caf\xC3\xA9") == "caf\xC3\xA9");  // raw bytes pass through
  CHECK(java_url_decode("%E2%82%AC") == "\xE2\x82\xAC");
  CHECK(java_url_decode("%F0%9F%98%80") == "\xF0\x9F\x98\x80");
}

TEST_CASE("malformed UTF-8 in escapes becomes U+FFFD like the JDK") {
  CHECK(java_url_decode("%FF") == fffd);
  CHECK(java_url_decode("%80") == fffd);
  CHECK(java_url_decode("%C0%80") == fffd + fffd);   // overlong lead bytes are invalid
  CHECK(java_url_decode("%C3%28") == fffd + "(");
  CHECK(java_url_decode("%C3") == fffd);
  CHECK(java_url_decode("%E0%80%80") == fffd + fffd + fffd);  // overlong three-byte form
  CHECK(java_url_decode("%ED%A0%80") == fffd);       // a surrogate
  CHECK(java_url_decode("%F4%90%80%80") == fffd + fffd + fffd + fffd);  // above U+10FFFF
  CHECK(java_url_decode("%C3%A9%FF%C3%A9") == "\xC3\xA9" + fffd + "\xC3\xA9");
  // Separate runs are decoded separately: a raw byte between escapes breaks the sequence.
  CHECK(java_url_decode("%C3x%A9") == fffd + "x" + fffd);
}

TEST_CASE("case-insensitive comparison of a decoded value without decoding") {
  CHECK(java_url_iequals("TRUE", "true"));
  CHECK(java_url_iequals("%74rue", "true"));
  CHECK(java_url_iequals("a+b", "A B"));
  CHECK_FALSE(java_url_iequals("true1", "true"));
  CHECK_FALSE(java_url_iequals("tru", "true"));
  CHECK_FALSE(java_url_iequals("%C3%A9", "e"));
}

TEST_CASE("percent encoding reads back through URLDecoder") {
  std::string out;
  append_percent_encoded(out, "a b+c%d;e&f=g?h#i\xC3\xA9/:@");
  CHECK(out == "a%20b%2Bc%25d%3Be%26f%3Dg%3Fh%23i%C3%A9/:@");
  CHECK(java_url_decode(out) == "a b+c%d;e&f=g?h#i\xC3\xA9/:@");
  std::string all;
  for (int b = 0; b < 128; ++b) all += static_cast<char>(b);
  std::string encoded;
  append_percent_encoded(encoded, all);
  CHECK(encoded.find_first_of("+;&=?# ") == std::string::npos);
  CHECK(java_url_decode(encoded) == all);
}

TEST_CASE("encoded_text") {
  encoded_text absent;
  CHECK_FALSE(absent);
  CHECK_FALSE(absent.present());
  encoded_text empty("", text_encoding::java_url);
  CHECK(empty);
  CHECK(empty.decoded().empty());
  encoded_text plus("a+b", text_encoding::java_url);
  CHECK(plus.needs_decoding());
  CHECK(plus.decoded() == "a b");
  encoded_text plain("a+b", text_encoding::plain);
  CHECK_FALSE(plain.needs_decoding());
  CHECK(plain.decoded() == "a+b");
  CHECK(encoded_text("TrUe", text_encoding::plain).iequals("true"));
  encoded_text legacy("redshift-serverless-wg1", text_encoding::java_url);
  CHECK(legacy.after_prefix("redshift-serverless-").raw() == "wg1");
  CHECK_FALSE(legacy.after_prefix("redshift-serverless-x"));
  CHECK_FALSE(encoded_text("Redshift-serverless-wg", text_encoding::plain).after_prefix("redshift-serverless-"));
}
