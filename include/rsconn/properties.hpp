// Connection properties: key/value settings as the user wrote them, in order, duplicates
// kept, with the secret ones marked so that every formatter can redact them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "rsconn/detail/ascii.hpp"

namespace rsconn {

namespace detail {

// Whether `key` equals `lower_name` (lower-case ASCII) the way Java's key.toLowerCase() sees it:
// ASCII case is ignored, and U+212A KELVIN SIGN (three bytes in UTF-8) stands for 'k', since it
// is the only non-ASCII character whose lower case is ASCII. The JDBC driver reads such a key
// as the property it spells, so rsconn must recognise it too (above all for secrets).
constexpr bool java_lower_equals(std::string_view key, std::string_view lower_name) noexcept {
  std::size_t at = 0;
  for (char c : lower_name) {
    if (at < key.size() && to_lower(key[at]) == c) ++at;
    else if (c == 'k' && key.substr(at, 3) == "\xE2\x84\xAA") at += 3;
    else return false;
  }
  return at == key.size();
}

}  // namespace detail

// Keys whose values are secrets, compared case-insensitively: the JDBC, ODBC and libpq names
// of passwords, AWS secret keys, session and identity tokens. A 'k' written as U+212A KELVIN
// SIGN still counts (the JDBC driver reads `SecretAccess\u212Aey` as SecretAccessKey), in every
// form: redacting a value no driver would treat as secret costs nothing, printing one does.
[[nodiscard]] constexpr bool is_secret_key(std::string_view key) noexcept {
  constexpr std::string_view secret_keys[] = {
      "password",         "pwd",           "secretaccesskey", "sessiontoken",
      "webidentitytoken", "client_secret", "idp_password",    "aws_secret_access_key",
      "aws_session_token", "token",        "sslpassword",     "jwt"};
  for (std::string_view secret : secret_keys)
    if (detail::java_lower_equals(key, secret)) return true;
  return false;
}

struct property {
  std::string key;    // as written (not decoded, case kept)
  std::string value;  // decoded
  // Where the key and the value stood in the parsed input (0 when built); not part of the value.
  std::size_t offset = 0;
  std::size_t value_offset = 0;
  // The value was written with a raw '+', which the JDBC driver decodes as a space: a known
  // cause of failed logins with session tokens and passwords.
  bool plus_as_space = false;
  [[nodiscard]] bool secret() const noexcept { return is_secret_key(key); }
  friend bool operator==(const property& a, const property& b) noexcept {
    return a.key == b.key && a.value == b.value;
  }
  friend bool operator!=(const property& a, const property& b) noexcept { return !(a == b); }
};

// The last property whose key equals `key` ignoring ASCII case (the drivers' rule: the last
// duplicate wins), or nullptr.
[[nodiscard]] inline const property* find_property(const std::vector<property>& properties,
                                                   std::string_view key) noexcept {
  for (auto it = properties.rbegin(); it != properties.rend(); ++it)
    if (detail::iequals(it->key, key)) return &*it;
  return nullptr;
}

// What a redacted secret prints as.
inline constexpr std::string_view redacted = "***";

}  // namespace rsconn
