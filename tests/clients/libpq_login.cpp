// The real libpq logs in with what rsconn writes: its conninfo and its URI, converted from
// other forms too, with a hostile password, against the fixture's private PostgreSQL server on
// 127.0.0.1:5439 (see CMakeLists.txt). The host name "localhost" is kept in the string and the
// address given as hostaddr=127.0.0.1, as a user would connect through a tunnel or a pinned
// address while keeping the name for TLS. The local server has no TLS, so these strings say
// sslmode=disable (or prefer); rsconn's default, require, is shown to be refused by it.
#include <catch2/catch_test_macros.hpp>

#include <libpq-fe.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "rsconn/detect.hpp"
#include "rsconn/jdbc.hpp"
#include "rsconn/libpq.hpp"

using namespace rsconn;

namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  INFO(name);
  REQUIRE(value != nullptr);
  return value;
}

struct server {
  std::string hostname = env("RSCONN_PG_HOSTNAME");
  std::string address = env("RSCONN_PG_HOST");
  std::string port = env("RSCONN_PG_PORT");
  std::string database = env("RSCONN_PG_DATABASE");
  std::string user = env("RSCONN_PG_USER");
  std::string password = read_password(env("RSCONN_PG_PASSWORD_FILE"));

  static std::string read_password(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
  }

  // The model a user would have: the endpoint, plus user and password properties.
  [[nodiscard]] connection model() const {
    connection c = parse(hostname + ":" + port + "/" + database).value();
    c.properties.push_back({"user", user});
    c.properties.push_back({"password", password});
    return c;
  }
};

using pg_connection = std::unique_ptr<PGconn, decltype(&PQfinish)>;

pg_connection connect(const std::string& conninfo) {
  return pg_connection(PQconnectdb(conninfo.c_str()), &PQfinish);
}

std::string query_one(PGconn* conn, const char* sql) {
  std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(conn, sql), &PQclear);
  INFO(PQerrorMessage(conn));
  REQUIRE(PQresultStatus(result.get()) == PGRES_TUPLES_OK);
  REQUIRE(PQntuples(result.get()) == 1);
  return PQgetvalue(result.get(), 0, 0);
}

// Logs in with `conninfo` (either form) and checks where it landed.
void check_login(const std::string& conninfo, const server& s) {
  pg_connection conn = connect(conninfo);
  INFO(PQerrorMessage(conn.get()));
  REQUIRE(PQstatus(conn.get()) == CONNECTION_OK);
  CHECK(query_one(conn.get(), "SELECT current_database()") == "dev");
  CHECK(query_one(conn.get(), "SELECT current_user") == s.user);
  CHECK(query_one(conn.get(), "SELECT host(inet_server_addr())") == "127.0.0.1");
  CHECK(std::string(PQhost(conn.get())) == s.hostname);  // the name was kept
  CHECK(std::string(PQhostaddr(conn.get())) == s.address);
  CHECK(std::string(PQport(conn.get())) == s.port);
  CHECK(PQconnectionUsedPassword(conn.get()) == 1);
}

libpq_options local_options(const server& s, std::string_view sslmode = "disable") {
  libpq_options o;
  o.reveal_secrets = true;
  o.hostaddr = s.address;
  o.sslmode = sslmode;
  return o;
}

}  // namespace

TEST_CASE("libpq logs in with rsconn's conninfo") {
  server s;
  REQUIRE(s.password.find_first_of(";{}='\\\" +%") !=
          std::string::npos);  // the fixture's password is hostile
  auto conninfo = to_libpq(s.model(), local_options(s));
  REQUIRE(conninfo);
  INFO(*conninfo);
  check_login(*conninfo, s);
}

TEST_CASE("libpq logs in with rsconn's URI") {
  server s;
  auto uri = to_libpq_uri(s.model(), local_options(s));
  REQUIRE(uri);
  INFO(*uri);
  check_login(*uri, s);
}

TEST_CASE("sslmode=prefer falls back to plain TCP; require is refused by a server without TLS") {
  server s;
  auto prefer = to_libpq(s.model(), local_options(s, "prefer"));
  REQUIRE(prefer);
  check_login(*prefer, s);

  libpq_options defaults = local_options(s, "");
  auto require = to_libpq(s.model(), defaults);
  REQUIRE(require);
  CHECK(require->find("sslmode=require") != std::string::npos);  // rsconn's default for Redshift
  pg_connection conn = connect(*require);
  CHECK(PQstatus(conn.get()) == CONNECTION_BAD);
}

TEST_CASE("a JDBC URL, converted, logs in through libpq") {
  server s;
  // The password percent-encoded as JDBC needs it ('+' as %2B), the user as UID.
  std::string encoded;
  for (char c : s.password) {
    auto byte = static_cast<unsigned char>(c);
    const char* hex = "0123456789ABCDEF";
    if (detail::is_alnum(c)) {
      encoded += c;
    } else {
      encoded += '%';
      encoded += hex[byte >> 4];
      encoded += hex[byte & 0xF];
    }
  }
  std::string url = "jdbc:redshift://" + s.hostname + ":" + s.port + "/" + s.database + "?UID=" + s.user +
                    "&PWD=" + encoded + "&ssl=false&loginTimeout=10";
  connection c = parse(url).value();
  libpq_options o = local_options(s, "");
  auto conninfo = to_libpq(c, o);  // ssl=false becomes sslmode=disable
  REQUIRE(conninfo);
  CHECK(conninfo->find("sslmode=disable") != std::string::npos);
  CHECK(conninfo->find("connect_timeout=10") != std::string::npos);
  check_login(*conninfo, s);
}

TEST_CASE("the password is really checked, and nothing listens but 127.0.0.1") {
  server s;
  connection wrong = s.model();
  wrong.properties.back().value += "x";
  auto conninfo = to_libpq(wrong, local_options(s));
  REQUIRE(conninfo);
  pg_connection conn = connect(*conninfo);
  CHECK(PQstatus(conn.get()) == CONNECTION_BAD);
  CHECK(std::string(PQerrorMessage(conn.get())).find("password authentication failed") != std::string::npos);

  // The same login on the IPv6 loopback finds no server.
  libpq_options v6 = local_options(s);
  v6.hostaddr = "::1";
  auto on_v6 = to_libpq(s.model(), v6);
  REQUIRE(on_v6);
  pg_connection refused = connect(*on_v6 + " connect_timeout=5");
  CHECK(PQstatus(refused.get()) == CONNECTION_BAD);
}
