// properties.hpp: which keys are secrets (every case, U+212A KELVIN SIGN for 'k'),
// find_property (last wins, case-insensitive), property::secret(), equality, `redacted`.
#include <catch2/catch_test_macros.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "rsconn/properties.hpp"
#include "rsconn/settings.hpp"

using namespace rsconn;

namespace {

constexpr std::string_view kelvin = "\xE2\x84\xAA";  // U+212A KELVIN SIGN in UTF-8

// The secret keys SPEC §3.6 names, and the other credential keys the header lists (libpq's
// sslpassword, identity-provider passwords and tokens, AWS CLI-style names).
constexpr std::string_view secret_keys[] = {
    "password",          "pwd",           "secretaccesskey", "sessiontoken",
    "webidentitytoken",  "client_secret", "idp_password",    "aws_secret_access_key",
    "aws_session_token", "token",         "sslpassword",     "jwt"};

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}
// Every other letter upper case: "pAsSwOrD".
std::string alternating(std::string_view s) {
  std::string out(s);
  for (std::size_t i = 1; i < out.size(); i += 2)
    if (out[i] >= 'a' && out[i] <= 'z') out[i] = static_cast<char>(out[i] - 'a' + 'A');
  return out;
}
// Each 'k' or 'K' replaced by the KELVIN SIGN.
std::string with_kelvin(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == 'k' || c == 'K')
      out += kelvin;
    else
      out += c;
  }
  return out;
}

}  // namespace

// --- Compile-time use --------------------------------------------------------------------------

static_assert(is_secret_key("password"));
static_assert(is_secret_key("PWD"));
static_assert(
    is_secret_key("SecretAccess\xE2\x84\xAA"
                  "ey"));
static_assert(!is_secret_key("user"));
static_assert(!is_secret_key(""));
static_assert(redacted == "***");

// --- is_secret_key -----------------------------------------------------------------------------

TEST_CASE("is_secret_key: every secret key, in every case") {
  for (std::string_view key : secret_keys) {
    INFO(std::string(key));
    CHECK(is_secret_key(key));
    CHECK(is_secret_key(upper(key)));
    CHECK(is_secret_key(alternating(key)));
  }
  // As the forms write them.
  for (std::string_view key :
       {"Password", "PWD", "SecretAccessKey", "SessionToken", "WebIdentityToken", "Client_Secret",
        "IdP_Password", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "Token", "sslPassword", "JWT"}) {
    INFO(std::string(key));
    CHECK(is_secret_key(key));
  }
}

TEST_CASE("is_secret_key: U+212A KELVIN SIGN stands for 'k', as Java lower-cases it") {
  // The JDBC driver reads SecretAccess\u212Aey as SecretAccessKey (SPEC §3.6 secrets).
  int with_k = 0;
  for (std::string_view key : secret_keys) {
    if (key.find('k') == std::string_view::npos) continue;
    ++with_k;
    INFO(std::string(key));
    CHECK(is_secret_key(with_kelvin(key)));
    CHECK(is_secret_key(with_kelvin(upper(key))));
    CHECK(is_secret_key(with_kelvin(alternating(key))));
  }
  CHECK(
      with_k ==
      6);  // secretaccesskey, sessiontoken, webidentitytoken, aws_secret_access_key, aws_session_token, token
  CHECK(
      is_secret_key("secretaccess\xE2\x84\xAA"
                    "ey"));
  CHECK(
      is_secret_key("SECRETACCESS\xE2\x84\xAA"
                    "EY"));
  CHECK(
      is_secret_key("SessionTo\xE2\x84\xAA"
                    "en"));
  CHECK(
      is_secret_key("to\xE2\x84\xAA"
                    "en"));
  CHECK(
      is_secret_key("WebIdentityTo\xE2\x84\xAA"
                    "en"));
  CHECK(
      is_secret_key("aws_secret_access_\xE2\x84\xAA"
                    "ey"));
  CHECK(
      is_secret_key("AWS_SESSION_TO\xE2\x84\xAA"
                    "EN"));
}

TEST_CASE("is_secret_key: the KELVIN SIGN stands only for 'k', and only whole") {
  CHECK_FALSE(
      is_secret_option_key("\xE2\x84\xAA"
                    "oken"));  // for 't'
  CHECK_FALSE(
      is_secret_option_key("p\xE2\x84\xAA"
                    "d"));                        // for 'w'
  CHECK_FALSE(is_secret_option_key("pwd\xE2\x84\xAA"));  // an extra character
  CHECK_FALSE(is_secret_option_key("token\xE2\x84\xAA"));
  CHECK_FALSE(
      is_secret_option_key("to\xE2\x84"
                    "en"));  // a truncated sequence
  CHECK_FALSE(
      is_secret_option_key("to\xE2"
                    "en"));
  CHECK_FALSE(
      is_secret_option_key("to\xE2\x84\xAB"
                    "en"));  // U+212B ANGSTROM SIGN
  CHECK_FALSE(
      is_secret_option_key("to\xE2\x84\xAA\xE2\x84\xAA"
                    "en"));  // two for one
  CHECK_FALSE(is_secret_option_key("\xE2\x84\xAA"));
}

TEST_CASE("is_secret_key: keys that are not secrets") {
  for (std::string_view key : {"user", "uid", "UID", "ssl", "sslmode", "pass", "AccessKeyID", "accesskeyid",
                               "token_type", "jwts", "client_id", "sslkey", "sslcert", "profile", "host", "dbuser",
                               "", "k", "\xE2\x84\xAA"}) {
    INFO("'" << std::string(key) << "'");
    CHECK_FALSE(is_secret_key(key));
  }
}

TEST_CASE("is_secret_key: a misspelling of a secret's name is a secret too") {
  // None of these is a secret option's name, but each is a few edits from one: a driver that
  // ignores the key today must not have its value printed by rsconn.
  for (std::string_view key : {"passwordx", "xpassword", "passwor", "passwrd", "password ", " password", "pass word",
                               "pw", "pwdx", "PWDD", "my_password", "sessiontokens", "secretaccesskeyid",
                               "secretaccesskey1", "tokens"}) {
    INFO("'" << std::string(key) << "'");
    CHECK_FALSE(is_secret_option_key(key));
    CHECK(is_secret_key(key));
  }
  // A NUL byte is a character like any other: one edit.
  CHECK_FALSE(is_secret_option_key(std::string_view("password\0", 9)));
  CHECK(is_secret_key(std::string_view("password\0", 9)));
}

TEST_CASE("is_secret_key agrees with the option catalogue") {
  // Every name any driver uses for a secret option is a secret, so that every formatter
  // redacts it; no other option's name is.
  for (const option_info& o : option_catalogue)
    for (driver d : all_drivers) {
      std::string_view names = o.in(d).names;
      for (std::size_t i = 0; i < detail::bar_list(names).size(); ++i) {
        std::string_view name = detail::bar_list(names)[i];
        INFO(std::string(o.id) << ": " << std::string(name));
        CHECK(is_secret_key(name) == o.secret());
      }
    }
}

// --- property -------------------------------------------------------------------------------------

TEST_CASE("property::secret() follows its key") {
  CHECK(property{"PWD", "x"}.secret());
  CHECK(property{"password", ""}.secret());
  CHECK(
      property{"SecretAccess\xE2\x84\xAA"
               "ey",
               "x"}
          .secret());
  CHECK_FALSE(property{"uid", "password"}.secret());  // the value does not matter
  CHECK_FALSE(property{"", "x"}.secret());
  CHECK_FALSE(property{}.secret());
}

TEST_CASE("property: defaults") {
  property p;
  CHECK(p.key.empty());
  CHECK(p.value.empty());
  CHECK(p.offset == 0);
  CHECK(p.value_offset == 0);
  CHECK_FALSE(p.plus_as_space);
}

TEST_CASE("property equality: key (as written) and value; offsets are not part of the value") {
  property a{"user", "bob", 10, 15};
  CHECK(a == property{"user", "bob", 0, 0});
  CHECK(a == property{"user", "bob", 99, 3});
  CHECK_FALSE(a != property{"user", "bob", 99, 3});
  CHECK(a != property{"User", "bob"});  // the key's case is kept
  CHECK(a != property{"user", "Bob"});
  CHECK(a != property{"user", "bob "});
  CHECK(a != property{"user", ""});
  CHECK(a != property{"", "bob"});
  CHECK_FALSE(a == property{"uid", "bob"});
}

// --- find_property ----------------------------------------------------------------------------------

TEST_CASE("find_property: the last match, ignoring ASCII case") {
  std::vector<property> ps = {
      {"ssl", "true"}, {"User", "a"}, {"password", "p"}, {"USER", "b"}, {"ssl", "false"}};
  const property* user = find_property(ps, "user");
  REQUIRE(user != nullptr);
  CHECK(user == &ps[3]);
  CHECK(user->value == "b");
  CHECK(find_property(ps, "User") == user);
  CHECK(find_property(ps, "uSER") == user);
  REQUIRE(find_property(ps, "SSL") != nullptr);
  CHECK(find_property(ps, "SSL")->value == "false");
  CHECK(find_property(ps, "password") == &ps[2]);
}

TEST_CASE("find_property: no match") {
  std::vector<property> ps = {{"user", "a"}, {"password", "p"}};
  CHECK(find_property(ps, "uid") == nullptr);  // aliases are other keys here
  CHECK(find_property(ps, "pwd") == nullptr);
  CHECK(find_property(ps, "use") == nullptr);
  CHECK(find_property(ps, "users") == nullptr);
  CHECK(find_property(ps, "") == nullptr);
  CHECK(find_property(ps, "user ") == nullptr);
  CHECK(find_property({}, "user") == nullptr);

  std::vector<property> empty_key = {{"", "v"}, {"x", "y"}};
  REQUIRE(find_property(empty_key, "") != nullptr);
  CHECK(find_property(empty_key, "")->value == "v");
}

TEST_CASE("redacted is what a secret prints as") {
  CHECK(redacted == "***");
  CHECK_FALSE(redacted.empty());
}

TEST_CASE("is_secret_key: a short key resembles a secret by one character more or less, not a different one") {
  for (std::string_view key : {"PID", "pid", "PWE", "uid"}) {
    INFO(std::string(key));
    CHECK_FALSE(is_secret_key(key));
  }
  for (std::string_view key : {"PWDD", "PW", "pwd2"}) {
    INFO(std::string(key));
    CHECK(is_secret_key(key));
  }
}
