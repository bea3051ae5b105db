// Connection properties: key/value settings as the user wrote them, in order, duplicates
// kept, with the secret ones marked so that every formatter can redact them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "rsconn/detail/ascii.hpp"
#include "rsconn/options.hpp"

namespace rsconn {

// Keys whose values are secrets: every secret option of the catalogue (passwords, AWS secret
// keys, session and identity tokens, ...) in any driver's spelling, ASCII case ignored, a 'k'
// written as U+212A KELVIN SIGN too (the JDBC driver reads `SecretAccess\u212Aey` as
// SecretAccessKey); the secret keys of the forms around the drivers (other_secret_keys); and a
// key no driver knows that is a misspelling of a secret one (`passwrd`, `PWDD`), since a driver
// that ignores it may still be told the secret by it in the next release, and a log must not.
// Redacting a value no driver would treat as secret costs nothing, printing one does.
// (is_secret_option_key, then other_secret_keys, then resembles_secret_option, with the two
// catalogue lookups done in one scan.)
[[nodiscard]] constexpr bool is_secret_key(std::string_view key) noexcept {
  const detail::key_lookup found = detail::look_up_key(key);
  if (found.secret) return true;
  for (std::string_view secret : other_secret_keys)
    if (detail::java_lower_equals(key, secret)) return true;
  if (found.known || key.empty() || key.size() > 64) return false;
  return detail::near_secret_spelling(key);
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
