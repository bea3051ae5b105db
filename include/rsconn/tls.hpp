// The TLS a connection gets, by meaning: what each driver makes of its own TLS options
// (JDBC ssl / sslmode / sslfactory, ODBC SSLMode / EncryptionMethod, libpq sslmode / requiressl
// and the URI's ssl=true), its default when the string says nothing, and how each driver's
// form spells a mode. Conversions write TLS from here, not key by key, because the drivers
// spell the same mode differently: the JDBC driver takes only verify-ca and verify-full as
// sslmode and says "no verification" with a socket factory and "no TLS" with ssl=false
// (docs/options/jdbc.md "TLS"; docs/options/odbc.md "SSLMode and TLS"; docs/options/libpq.md).
#pragma once

#include <cstddef>
#include <string_view>

#include "rsconn/connection.hpp"
#include "rsconn/detail/ascii.hpp"
#include "rsconn/options.hpp"
#include "rsconn/settings.hpp"

namespace rsconn {

// libpq's six modes, weakest first; every driver's TLS is one of them.
enum class tls_mode : unsigned char { disable, allow, prefer, require, verify_ca, verify_full };

[[nodiscard]] constexpr std::string_view to_string(tls_mode m) noexcept {
  switch (m) {
    case tls_mode::disable: return "disable";
    case tls_mode::allow: return "allow";
    case tls_mode::prefer: return "prefer";
    case tls_mode::require: return "require";
    case tls_mode::verify_ca: return "verify-ca";
    case tls_mode::verify_full: return "verify-full";
  }
  return "disable";
}

// The mode named `text` exactly (libpq's and ODBC's case-sensitive reading), or false.
[[nodiscard]] constexpr bool tls_mode_named(std::string_view text, tls_mode& out) noexcept {
  constexpr tls_mode all[] = {tls_mode::disable, tls_mode::allow, tls_mode::prefer,
                              tls_mode::require, tls_mode::verify_ca, tls_mode::verify_full};
  for (tls_mode m : all)
    if (to_string(m) == text) {
      out = m;
      return true;
    }
  return false;
}

// What a mode protects against, in a clause: "for "sslmode=prefer ... ", it ...".
[[nodiscard]] constexpr std::string_view tls_meaning(tls_mode m) noexcept {
  switch (m) {
    case tls_mode::disable: return "no TLS at all";
    case tls_mode::allow: return "plain text first, TLS only if the server insists, no certificate check";
    case tls_mode::prefer: return "TLS if the server offers it, else plain text, no certificate check";
    case tls_mode::require: return "TLS without a certificate check";
    case tls_mode::verify_ca: return "TLS with the server certificate checked against a trusted CA";
    case tls_mode::verify_full: return "TLS with the certificate and the host name checked";
  }
  return "no TLS at all";
}

// The mode a driver uses when the string sets none: verify-ca for the JDBC and ODBC drivers and
// redshift_connector, prefer for libpq.
[[nodiscard]] constexpr tls_mode default_tls_mode(driver d) noexcept {
  return d == driver::libpq ? tls_mode::prefer : tls_mode::verify_ca;
}

// The JDBC driver's socket factories that trust any certificate (compared case-sensitively).
inline constexpr std::string_view jdbc_non_validating_factory = "com.amazon.redshift.ssl.NonValidatingFactory";
inline constexpr std::string_view jdbc_legacy_non_validating_factory = "org.postgresql.ssl.NonValidatingFactory";

// What a connection's own driver makes of its TLS options.
struct tls_reading {
  tls_mode mode = tls_mode::verify_ca;
  bool stated = false;   // a TLS option decides it (else the driver's default)
  bool refused = false;  // the driver refuses the combination or the value (mode is then meaningless)
  bool custom_factory = false;  // JDBC: an sslfactory class of the user's, whose checks rsconn cannot know
  std::size_t offset = 0;       // where the deciding option's key stood
};

namespace detail {

inline tls_reading jdbc_tls(const connection& c, const setting_spellings& spellings) noexcept {
  const property* ssl = nullptr;
  const property* mode = nullptr;
  const property* factory = nullptr;
  for (const property& p : c.properties) {
    option_ref o = find_option(driver::jdbc, p.key).option;
    if (!o || spellings.outranked(p)) continue;
    std::string_view id = (*o).id;
    if (id == "ssl") ssl = &p;
    else if (id == "ssl_mode") mode = &p;
    else if (id == "ssl_factory") factory = &p;
  }
  tls_reading out;
  bool ssl_on = !ssl || ssl->value.empty() || iequals(ssl->value, "true");
  bool trusting = factory && (factory->value == jdbc_non_validating_factory ||
                              factory->value == jdbc_legacy_non_validating_factory);
  out.custom_factory = factory && !trusting && !factory->value.empty();
  if (!ssl_on) {
    // ssl off with sslmode: "Conflict in connection property setting sslmode and ssl".
    out = {tls_mode::disable, true, mode != nullptr, false, ssl->offset};
  } else if (mode) {
    out.stated = true;
    out.offset = mode->offset;
    // A trusting factory beside sslmode: "Conflict ... sslmode and sslfactory".
    if (!trusting && iequals(mode->value, "verify-full")) out.mode = tls_mode::verify_full;
    else if (!trusting && iequals(mode->value, "verify-ca")) out.mode = tls_mode::verify_ca;
    else out.refused = true;
  } else if (trusting) {
    out = {tls_mode::require, true, false, false, factory->offset};
  } else if (ssl) {
    out = {tls_mode::verify_ca, true, false, out.custom_factory, ssl->offset};
  }
  return out;
}

inline tls_reading odbc_tls(const connection& c) noexcept {
  const property* mode = nullptr;
  const property* encryption = nullptr;
  for (const property& p : c.properties) {
    option_ref o = find_option(driver::odbc, p.key).option;
    if (!o) continue;
    if ((*o).id == "ssl_mode") mode = &p;
    else if ((*o).id == "encryption_method") encryption = &p;
  }
  tls_reading out;
  if (mode) {
    // Handed to the bundled libpq verbatim, which compares case-sensitively.
    out.stated = true;
    out.offset = mode->offset;
    out.refused = !tls_mode_named(mode->value, out.mode);
  } else if (encryption && encryption->value == "0") {
    out = {tls_mode::disable, true, false, false, encryption->offset};
  }
  return out;
}

inline tls_reading libpq_tls(const connection& c) noexcept {
  tls_reading out;
  out.mode = tls_mode::prefer;
  for (const property& p : c.properties) {
    option_ref o = find_option(driver::libpq, p.key).option;
    std::string_view id = o ? (*o).id : std::string_view{};
    // The last of sslmode, requiressl (a leading 1 is require, else prefer) and the URI's
    // ssl=true (require) wins: libpq stores each under sslmode.
    if (id == "ssl_mode") {
      out.stated = true;
      out.offset = p.offset;
      out.refused = !tls_mode_named(p.value, out.mode);
    } else if (id == "require_ssl" || (c.form == source_form::libpq_uri && p.key == "ssl" && p.value == "true")) {
      out = {id == "require_ssl" && (p.value.empty() || p.value[0] != '1') ? tls_mode::prefer : tls_mode::require,
             true, false, false, p.offset};
    }
  }
  return out;
}

}  // namespace detail

// The TLS that `c`'s own driver (the one its form belongs to) uses.
// sqlalchemy-redshift's dialects pass sslmode=verify-full unless the URL sets sslmode
// (dialect.py: Psycopg2RedshiftDialectMixin and RedshiftDialect_redshift_connector,
// create_connect_args), so that is a SQLAlchemy URL's mode when it states none.
[[nodiscard]] inline tls_reading effective_tls(const connection& c) noexcept {
  tls_reading out;
  switch (driver_of(c.form)) {
    case driver::odbc: out = detail::odbc_tls(c); break;
    case driver::libpq: out = detail::libpq_tls(c); break;
    default: out = detail::jdbc_tls(c, setting_spellings(c)); break;
  }
  bool sqlalchemy = c.form == source_form::sqlalchemy_psycopg2 || c.form == source_form::sqlalchemy_redshift_connector;
  if (sqlalchemy && !out.stated) out.mode = tls_mode::verify_full;
  return out;
}

// Whether option `o` of driver `d`, with `value`, is one of the TLS settings effective_tls
// reads: a conversion writes those from the mode, not as they are. (The JDBC driver's
// sslfactory is one only when it names a factory that trusts any certificate; any other class
// is the user's own, which no other driver can load.)
[[nodiscard]] constexpr bool is_tls_mode_option(driver d, option_ref o, std::string_view value = {}) noexcept {
  if (!o) return false;
  std::string_view id = (*o).id;
  if (d == driver::jdbc)
    return id == "ssl" || id == "ssl_mode" ||
           (id == "ssl_factory" && (value == jdbc_non_validating_factory || value == jdbc_legacy_non_validating_factory));
  if (d == driver::odbc) return id == "ssl_mode" || id == "encryption_method";
  if (d == driver::libpq) return id == "ssl_mode" || id == "require_ssl";
  return id == "ssl" || id == "ssl_mode";
}

// How driver `d`'s form says mode `m`, which the source string states (`stated`) or leaves to
// its driver's default: the option and value to write (the key from the catalogue), or an
// empty key when nothing is written. `mode` is what the target then uses: `m`, or where the
// driver has no such mode the nearest one that is not weaker (the JDBC driver cannot fall back
// to plain text: prefer and allow become TLS without a certificate check).
struct tls_spelling {
  std::string_view key;
  std::string_view value;
  tls_mode mode = tls_mode::verify_ca;  // what the target then uses
};

[[nodiscard]] constexpr tls_spelling spell_tls(driver d, tls_mode m, bool stated) noexcept {
  auto name = [d](std::string_view id) { return (*option_by_id(id)).name(d); };
  // A string that sets no mode gets the target driver's default: it said nothing to carry over
  // (libpq's default, prefer, is the exception its writer handles: rsconn writes require).
  if (!stated) return {{}, {}, default_tls_mode(d)};
  if (d == driver::jdbc) {
    switch (m) {
      case tls_mode::disable: return {name("ssl"), "false", m};
      case tls_mode::allow:
      case tls_mode::prefer:
      case tls_mode::require: return {name("ssl_factory"), jdbc_non_validating_factory, tls_mode::require};
      case tls_mode::verify_ca: return {name("ssl_mode"), "verify-ca", m};
      case tls_mode::verify_full: return {name("ssl_mode"), "verify-full", m};
    }
  }
  return {name("ssl_mode"), to_string(m), m};
}

}  // namespace rsconn
