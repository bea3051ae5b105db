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
  check_masked("Server=h; PWD = {p w} ;Port=x", "Server=h; PWD =*******;Port=x");
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
  // After a ';' libpq sees no key "password" (the text is not libpq's either): ODBC's end.
  check_masked("Server=h;password=a;b c=1", "Server=h;password=*;b c=1");
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

// Shapes a review found leaking, each an input that does not parse, as the CLI would echo it:
// the mask must cover what any reader of the text takes for the secret.
TEST_CASE("values end where the latest of their readers ends them") {
  // libpq escapes a blank with a backslash.
  check_masked("host=h password=a\\ bSECRET junk", "host=h password=********** junk");
  // A libpq-looking string whose key the ODBC driver reads after a ';'.
  check_masked("host=h port=1;PWD=a bSECRET;{", "host=h port=1;PWD=*********;{");
  // What follows a closing quote or brace goes with the value, up to the form's separator.
  check_masked("Server=h;PWD='a' bSECRET;Port=abc", "Server=h;PWD=***********;Port=abc");
  check_masked("Server=h;PWD={a} bSECRET;Port=abc", "Server=h;PWD=***********;Port=abc");
  check_masked("jdbc:redshift://h:x/dev?password='a' bSECRET&x=%zz", "jdbc:redshift://h:x/dev?password=***********&x=%zz");
  // ';' is data in a URI's query.
  check_masked("postgresql://h:5439/db?password=a;bSECRET&x=%zz", "postgresql://h:5439/db?password=*********&x=%zz");
  check_masked("redshift+psycopg2://u@h:abc/db?password=a;bSECRET", "redshift+psycopg2://u@h:abc/db?password=*********");
  // "://" inside a value does not make the text a URL.
  check_masked("Driver=x;Description=http://a;PWD=se&cret;Port=abc", "Driver=x;Description=http://a;PWD=*******;Port=abc");
  // SQLAlchemy's userinfo: a user holding '@', a password holding '/'.
  check_masked("redshift+psycopg2://u@x:hunter2@host:abc/db", "redshift+psycopg2://u@x:*******@host:abc/db");
  check_masked("redshift+psycopg2://u:hun/ter2@host:abc/db", "redshift+psycopg2://u:********@host:abc/db");
  // Keys start after any blank, a quote, a brace or an '='.
  check_masked("host=h\vpassword=hunter2 junk", "host=h\vpassword=******* junk");
  check_masked("host=h\npassword=hunter2 junk", "host=h\npassword=******* junk");
  check_masked("host='h'password=hunter2 junk", "host='h'password=******* junk");
  check_masked("Server={hostname}PWD=hunter2;{", "Server={hostname}PWD=*******;{");
}

// Linear: many secrets or many '=' in a long text cost one pass, not one per '='.
TEST_CASE("mask_secrets takes linear time on hostile shapes") {
  std::string many_secrets = "x:";
  while (many_secrets.size() < 256 * 1024) many_secrets += "&password=";
  CHECK(mask_secrets(many_secrets).size() == many_secrets.size());
  std::string equals(256 * 1024, '=');
  CHECK(mask_secrets(equals) == equals);
  std::string braces = "Server=h";
  while (braces.size() < 256 * 1024) braces += ";PWD={x";
  CHECK(mask_secrets(braces).find('x') == std::string::npos);
}
