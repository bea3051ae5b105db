// rsconn::mask_secrets: secrets hidden in text that may not parse, byte for byte.
#include <catch2/catch_test_macros.hpp>

#include <string>
#include <string_view>

#include "rsconn/redact.hpp"

using rsconn::mask_secrets;

namespace {

// The mask keeps every byte that is not a secret's, and the length.
void check_masked(std::string_view input, std::string_view expected) {
  INFO(input);
  std::string got = mask_secrets(input);
  CHECK(got == expected);
  CHECK(got.size() == input.size());
}

}  // namespace

TEST_CASE("JDBC and URI values end at the next '&' or ';'") {
  check_masked("jdbc:redshift://h:x/dev?password=hunter2", "jdbc:redshift://h:x/dev?password=*******");
  check_masked("jdbc:redshift://h/dev?user=u&password=pw&ssl=true", "jdbc:redshift://h/dev?user=u&password=**&ssl=true");
  check_masked("jdbc:redshift://h/dev;Password=pw;ssl=true", "jdbc:redshift://h/dev;Password=**;ssl=true");
  check_masked("jdbc:redshift://h/dev?SessionToken=t0k&SecretAccessKey=k3y",
               "jdbc:redshift://h/dev?SessionToken=***&SecretAccessKey=***");
  // A key that is no secret's keeps its value.
  check_masked("jdbc:redshift://h/dev?ssl=x&user=y", "jdbc:redshift://h/dev?ssl=x&user=y");
  // One that resembles a secret's (a misspelling a driver may read one day) is masked.
  check_masked("jdbc:redshift://h/dev?passwrd=x", "jdbc:redshift://h/dev?passwrd=*");
}

TEST_CASE("a URI's user:password@ is masked") {
  check_masked("postgresql://admin:s3cret@h:5439/dev", "postgresql://admin:******@h:5439/dev");
  check_masked("postgresql://admin@h:5439/dev", "postgresql://admin@h:5439/dev");
  // An '@' after the path is no userinfo.
  check_masked("postgresql://h/dev?x=a:b@c", "postgresql://h/dev?x=a:b@c");
}

TEST_CASE("ODBC {braced} values end at their closing brace, as the ODBC scanner reads them") {
  check_masked("Server=h;PWD={a;b}}c};Port=x", "Server=h;PWD=********;Port=x");
  check_masked("Server=h; PWD = {p w} ;Port=x", "Server=h; PWD =****** ;Port=x");
  // Text a brace leaves behind before the next ';' is masked too (another form's value).
  check_masked("jdbc:redshift://h/dev?password={a}b&ssl=1", "jdbc:redshift://h/dev?password=****&ssl=1");
  // Unclosed: to the end.
  check_masked("Server=h;PWD={abc;Port=1", "Server=h;PWD=***********");
}

TEST_CASE("libpq 'quoted' values end at their closing quote, as the libpq scanner reads them") {
  check_masked("host=h password='a b\\' c' port=x", "host=h password=********* port=x");
  check_masked("host=h password = 'x;y' port=1", "host=h password =****** port=1");
  check_masked("jdbc:redshift://h/dev?password='a'b&ssl=1", "jdbc:redshift://h/dev?password=****&ssl=1");
  // An unquoted value in a keyword string runs to the later of the next ';' and blank: an ODBC
  // value may hold blanks, a libpq one ';'.
  check_masked("host=h sslpassword=plain port=1", "host=h sslpassword=***** port=1");
  check_masked("host=h password=a;b port=1", "host=h password=*** port=1");
  check_masked("host=h port=5439 password=ZZZZ password=ZZ;ZZ sslmode=require",
               "host=h port=5439 password=**** password=***** sslmode=require");
  check_masked("Server=h;PWD=a b;Port=1", "Server=h;PWD=***;Port=1");
  // An ODBC-looking string whose key libpq reads too: what either would take is masked.
  check_masked("password=a;b", "password=***");
  check_masked("Server=h;password=a;b c=1", "Server=h;password=*** c=1");
  // Unterminated: to the end.
  check_masked("host=h password='abc port=1", "host=h password=***********");
}

TEST_CASE("every secret in a string is masked, and text without one is unchanged") {
  check_masked("Server=h;UID=u;PWD=one;SessionToken=two", "Server=h;UID=u;PWD=***;SessionToken=***");
  check_masked("Driver={x};Server=h;Port=5439", "Driver={x};Server=h;Port=5439");
  check_masked("", "");
  check_masked("=", "=");
  check_masked("password=", "password=");
  check_masked("password", "password");
}
