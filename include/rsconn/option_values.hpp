// How each driver reads an option's value: the boolean spellings it takes as true, the integer
// syntax it parses, the enumeration values it accepts and their case rule, and what it does
// with anything else (reads it as something other than it looks, ignores it and keeps its
// default, or refuses to connect). The facts are in docs/options/ (jdbc.md, odbc.md, libpq.md),
// taken from the drivers' code; validate() turns the verdicts into diagnostics.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "rsconn/detail/ascii.hpp"
#include "rsconn/options.hpp"

namespace rsconn {

// What a driver makes of a value.
enum class value_reading : unsigned char {
  as_written,  // it means what it says
  misread,     // accepted, but read as something else than it looks (yes as false, 5x as 5)
  ignored,     // the driver drops it and keeps its default
  weakened,    // accepted, and it lowers the connection's security
  refused,     // the connection fails
};

struct value_verdict {
  value_reading reading = value_reading::as_written;
  // How the driver reads it, to follow "the JDBC driver reads "yes" ": e.g. "as false".
  // Static text.
  std::string_view how{};
};

namespace detail {

// Java's Integer.parseInt: an optional sign, then decimal digits, nothing else, within int32.
constexpr bool java_parses_int(std::string_view v) noexcept {
  std::size_t i = 0;
  if (i < v.size() && (v[i] == '+' || v[i] == '-')) ++i;
  if (i == v.size()) return false;
  std::uint64_t n = 0;
  for (; i < v.size(); ++i) {
    if (!is_digit(v[i])) return false;
    n = n * 10 + static_cast<std::uint64_t>(v[i] - '0');
    if (n > 2147483648u) return false;
  }
  return n <= 2147483647u || v[0] == '-';
}

// How C's sscanf("%d") and atoi read a value: blanks, an optional sign, the leading digits.
struct c_leading_int {
  bool digits = false;    // any digit at all (else nothing is read)
  bool trailing = false;  // something follows the digits
  bool negative = false;
  bool nonzero = false;   // the digits read are not all zeros
  bool fits_int = true;   // within a 32-bit int
  std::size_t end = 0;    // where the digits end
};
constexpr c_leading_int scan_c_int(std::string_view v) noexcept {
  c_leading_int out;
  std::size_t i = 0;
  while (i < v.size() && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n' || v[i] == '\r' || v[i] == '\f' || v[i] == '\v'))
    ++i;
  if (i < v.size() && (v[i] == '+' || v[i] == '-')) out.negative = v[i++] == '-';
  std::size_t start = i;
  std::uint64_t n = 0;
  for (; i < v.size() && is_digit(v[i]); ++i) {
    out.nonzero = out.nonzero || v[i] != '0';
    if (n <= 2147483648u) n = n * 10 + static_cast<std::uint64_t>(v[i] - '0');
  }
  out.fits_int = n <= (out.negative ? 2147483648u : 2147483647u);
  out.digits = i > start;
  out.trailing = i < v.size();
  out.end = i;
  return out;
}

// libpq's integer options: strtol over the whole value (blanks around it allowed), within int.
constexpr bool libpq_parses_int(std::string_view v) noexcept {
  c_leading_int n = scan_c_int(v);
  if (!n.digits || !n.fits_int) return false;
  for (std::size_t i = n.end; i < v.size(); ++i)
    if (v[i] != ' ' && v[i] != '\t' && v[i] != '\n' && v[i] != '\r' && v[i] != '\f' && v[i] != '\v') return false;
  return true;
}

// Java's Float.parseFloat, roughly: blanks, a sign, digits with at most one '.', an exponent,
// an optional f/d suffix, blanks (enough to tell a number from text such as 10s).
constexpr bool java_parses_float(std::string_view v) noexcept {
  std::size_t b = 0, e = v.size();
  while (b < e && static_cast<unsigned char>(v[b]) <= ' ') ++b;
  while (e > b && static_cast<unsigned char>(v[e - 1]) <= ' ') --e;
  std::size_t i = b;
  if (i < e && (v[i] == '+' || v[i] == '-')) ++i;
  bool digits = false, dot = false;
  for (; i < e && (is_digit(v[i]) || (v[i] == '.' && !dot)); ++i) {
    if (v[i] == '.') dot = true;
    else digits = true;
  }
  if (!digits) return false;
  if (i < e && (v[i] == 'e' || v[i] == 'E')) {
    ++i;
    if (i < e && (v[i] == '+' || v[i] == '-')) ++i;
    std::size_t start = i;
    while (i < e && is_digit(v[i])) ++i;
    if (i == start) return false;
  }
  if (i < e && (v[i] == 'f' || v[i] == 'F' || v[i] == 'd' || v[i] == 'D')) ++i;
  return i == e;
}

// A negative number for a timeout: the drivers read it as "no timeout at all".
constexpr value_verdict negative_timeout(const option_info& o, std::string_view v) noexcept {
  c_leading_int n = scan_c_int(v);
  if (o.group == option_group::timeouts && (o.unit == "seconds" || o.unit == "milliseconds") && n.digits &&
      n.negative && n.nonzero)
    return {value_reading::misread, "as no timeout at all (a negative number means none)"};
  return {};
}

// Whether `value` is one of the '|'-separated `values`.
constexpr bool one_of(std::string_view values, std::string_view value, bool ignore_case) noexcept {
  bar_list list(values);
  for (std::size_t i = 0; i < list.size(); ++i)
    if (ignore_case ? iequals(list[i], value) : list[i] == value) return true;
  return false;
}

constexpr value_verdict jdbc_verdict(const option_info& o, std::string_view v) noexcept {
  if (o.type == option_type::boolean) {
    // Boolean.parseBoolean: only "true" (any case) is true. `ssl` is the exception: an empty
    // value is true as well, and anything else turns TLS off (docs/options/jdbc.md).
    if (iequals(v, "true") || iequals(v, "false")) return {};
    if (o.id == "ssl")
      return v.empty() ? value_verdict{} : value_verdict{value_reading::weakened, "as false: TLS is turned off"};
    return {value_reading::misread, "as false"};
  }
  if (o.type == option_type::integer) {
    if (o.id == "iam_duration") return {};  // validate has its own range check for it
    if (o.id == "login_timeout") {
      // Float.parseFloat, and a value it cannot read is silently replaced by DriverManager's.
      if (java_parses_float(v)) return negative_timeout(o, v);
      return {value_reading::ignored, "as no login timeout (it ignores a value that is not a number)"};
    }
    if (o.id == "maxwarningcount" && !java_parses_int(v))
      return {value_reading::ignored, "as its default, 100 (it ignores a value that is not a whole number)"};
    if (!java_parses_int(v)) return {value_reading::refused, "as no number: it refuses to connect"};
    return negative_timeout(o, v);
  }
  if (o.type == option_type::enumeration && o.id == "ssl_mode") {
    if (one_of(o.jdbc.values, v, true)) return {};
    return {value_reading::refused, "as invalid: it refuses to connect (it takes only verify-ca and verify-full)"};
  }
  return {};
}

// ODBC booleans that the driver reads with sscanf("%d") instead of its TRUE/1 test.
constexpr bool odbc_reads_bool_as_int(std::string_view id) noexcept {
  return id == "application_using_threads" || id == "fetch_ref_cursor" || id == "transaction_error_behavior" ||
         id == "trace" || id == "csc_enable" || id == "validate_server_certificate";
}

constexpr value_verdict odbc_verdict(const option_info& o, std::string_view v) noexcept {
  if (o.type == option_type::boolean) {
    if (o.id == "tcp_keepalive") {
      // Handed to libpq as keepalives, which needs the whole value to be an integer; an empty
      // value is not handed over at all.
      if (v.empty() || libpq_parses_int(v)) return {};
      return {value_reading::refused, "as no integer: it hands the value to libpq, which refuses it"};
    }
    if (odbc_reads_bool_as_int(o.id)) {
      c_leading_int n = scan_c_int(v);
      if (!n.digits) return {value_reading::ignored, "as nothing (it reads a number here) and keeps its default"};
      if (n.trailing) return {value_reading::misread, "as the number it starts with"};
      if (o.id == "csc_enable" && n.nonzero && v != "1") return {value_reading::misread, "as off (only 1 turns it on)"};
      return {};
    }
    if (iequals(v, "true") || iequals(v, "false") || v == "1" || v == "0") return {};
    return {value_reading::misread, "as false"};
  }
  if (o.type == option_type::integer) {
    if (o.id == "iam_duration") return {};
    c_leading_int n = scan_c_int(v);
    if (!n.digits) return {value_reading::ignored, "as no number and keeps its default"};
    if (n.trailing) return {value_reading::misread, "as the number it starts with"};
    return negative_timeout(o, v);
  }
  if (o.type == option_type::enumeration) {
    if (o.id == "ssl_mode") {
      // Handed verbatim to the bundled libpq, which compares case-sensitively.
      if (one_of(o.odbc.values, v, false)) return {};
      return {value_reading::refused, "as invalid: its libpq refuses it (disable, allow, prefer, require, verify-ca, verify-full, case-sensitive)"};
    }
    if (o.id == "min_tls") {
      if (v.empty() || one_of(o.odbc.values, v, false)) return {};
      return {value_reading::weakened, "as TLS 1.0: it takes only 1.2 and 1.1 exactly"};
    }
    if (o.id == "auth_type") {
      if (one_of(o.odbc.values, v, false)) return {};
      return {value_reading::ignored, "as unset (the names are case-sensitive) and infers the authentication type"};
    }
    if (o.id == "idp_partition") {
      if (v.empty() || one_of(o.odbc.values, v, true)) return {};
      return {value_reading::refused, "as invalid: it refuses to connect (commercial, us-gov or cn)"};
    }
  }
  return {};
}

constexpr value_verdict libpq_verdict(const option_info& o, std::string_view v) noexcept {
  if (o.type == option_type::boolean || o.type == option_type::integer) {
    if (o.id == "require_ssl") return {};  // any value: a leading 1 means require, else prefer
    if (o.id == "sslcompression") {
      if (v == "0" || v == "1") return {};
      return {value_reading::misread, "by its first character only (a leading 0 is off, anything else on)"};
    }
    if (o.id == "sslsni") {
      if (v == "0" || v == "1") return {};
      return {value_reading::misread, "by its first character only (a leading 1 is on, anything else off)"};
    }
    if (libpq_parses_int(v)) return {};
    return {value_reading::refused, "as an invalid integer: it refuses to connect"};
  }
  // gsslib and replication are not checked by libpq (docs/options/libpq.md).
  if (o.type == option_type::enumeration && !o.libpq.values.empty() && o.id != "gsslib" && o.id != "replication") {
    bool protocol = o.id == "ssl_min_protocol_version" || o.id == "ssl_max_protocol_version";
    if ((protocol && v.empty()) || one_of(o.libpq.values, v, protocol)) return {};
    return {value_reading::refused, "as invalid: it refuses to connect (the values are case-sensitive)"};
  }
  return {};
}

}  // namespace detail

// Whether driver `d` reads `value` of boolean option `o` as true (docs/options/): the JDBC
// driver only "true" in any case (and an empty ssl); the ODBC driver TRUE or 1 in any case, or a
// leading non-zero number for the options it reads with sscanf and for KeepAlive (libpq's);
// libpq a non-zero integer (requiressl: a leading 1).
[[nodiscard]] constexpr bool reads_as_true(driver d, const option_info& o, std::string_view value) noexcept {
  auto leading_nonzero = [](std::string_view v) { return detail::scan_c_int(v).nonzero; };
  switch (d) {
    case driver::jdbc: return detail::iequals(value, "true") || (o.id == "ssl" && value.empty());
    case driver::odbc:
      if (o.id == "csc_enable") return detail::scan_c_int(value).nonzero && value.substr(0, 1) == "1";
      if (o.id == "tcp_keepalive" || detail::odbc_reads_bool_as_int(o.id)) return leading_nonzero(value);
      return detail::iequals(value, "true") || value == "1";
    case driver::libpq:
      if (o.id == "require_ssl" || o.id == "sslsni") return !value.empty() && value[0] == '1';
      if (o.id == "sslcompression") return !(!value.empty() && value[0] == '0');
      return leading_nonzero(value);
    case driver::python: return value == "True";
  }
  return false;
}

// What driver `d` makes of `value` for option `o` (which `d` must have).
[[nodiscard]] constexpr value_verdict read_option_value(driver d, option_ref o, std::string_view value) noexcept {
  if (!o || !(*o).in_driver(d)) return {};
  switch (d) {
    case driver::jdbc: return detail::jdbc_verdict(*o, value);
    case driver::odbc: return detail::odbc_verdict(*o, value);
    case driver::libpq: return detail::libpq_verdict(*o, value);
    case driver::python: return {};  // keyword arguments carry Python values, not text
  }
  return {};
}

}  // namespace rsconn
