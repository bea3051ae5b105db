// Property: the misspelling checks (nearest_option, resembles_secret_option, is_secret_key) give
// exactly what a plain edit-distance scan over every catalogue name gives. Their lower bounds
// (length gap, letter presence, letter counts) only skip names that are too far, never one
// within reach.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <rapidcheck.h>

#include "rsconn/options.hpp"
#include "rsconn/properties.hpp"

using namespace rsconn;

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The full Levenshtein table, ASCII case ignored: the reference, with no bound and no band.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j - 1] + (lower(a[i - 1]) == lower(b[j - 1]) ? 0u : 1u), prev[j] + 1, cur[j - 1] + 1});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::vector<std::string_view> names_of(driver d) {
  std::vector<std::string_view> out;
  for (const detail::option_key& k : detail::option_keys.keys)
    if (k.in == d) out.push_back(k.name);
  return out;
}

// A catalogue name with a few random edits, or random letters: keys near names and far ones.
rc::Gen<std::string> edited(std::vector<std::string_view> names) {
  using edit = std::pair<int, char>;  // 0 insert, 1 delete, 2 substitute; the character (and where)
  return rc::gen::apply(
      [names](std::size_t row, const std::vector<edit>& edits) {
        std::string key(names[row]);
        std::size_t at = 0;
        for (const auto& [kind, c] : edits) {
          at = (at + static_cast<unsigned char>(c)) % (key.size() + 1);
          if (kind == 0) key.insert(key.begin() + static_cast<std::ptrdiff_t>(at), c);
          else if (at < key.size() && kind == 1) key.erase(at, 1);
          else if (at < key.size()) key[at] = c;
        }
        return key;
      },
      rc::gen::inRange<std::size_t>(0, names.size()),
      rc::gen::resize(4, rc::gen::container<std::vector<edit>>(
                             rc::gen::pair(rc::gen::inRange(0, 3), rc::gen::inRange<char>('A', 'z')))));
}

// A name of the catalogue (any, or a secret's) with a few random edits, or random text.
rc::Gen<std::string> key_near_the_catalogue() {
  std::vector<std::string_view> all, secrets;
  for (const detail::option_key& k : detail::option_keys.keys) {
    all.push_back(k.name);
    if (option_catalogue[k.option].secret()) secrets.push_back(k.name);
  }
  return rc::gen::oneOf(edited(all), edited(secrets), rc::gen::container<std::string>(rc::gen::inRange<char>('!', '~')));
}

}  // namespace

TEST_CASE("the misspelling checks agree with a full edit-distance scan") {
  bool ok = rc::check("nearest_option and resembles_secret_option", [] {
    const std::string key = *key_near_the_catalogue();
    const std::size_t reach = misspelling_reach(key);
    for (driver d : all_drivers) {
      std::size_t best = reach + 1;
      for (std::string_view name : names_of(d)) best = std::min(best, edit_distance(key, name));
      option_match found = nearest_option(d, key);
      if (d == driver::jdbc) RC_TAG(found ? "near a JDBC name" : "near no JDBC name");
      if (key.size() > 64 || best > reach) {
        RC_ASSERT_FALSE(found);
      } else {
        RC_ASSERT(found);
        RC_ASSERT(edit_distance(key, spelling(d, found)) == best);
      }
    }
    bool known = false;
    for (driver d : all_drivers) known = known || find_option_ignoring_case(d, key);
    bool near_secret = false;
    for (const detail::option_key& k : detail::option_keys.keys) {
      if (!option_catalogue[k.option].secret()) continue;
      if (key.size() <= 4 && key.size() == k.name.size()) continue;
      near_secret = near_secret || edit_distance(key, k.name) <= reach;
    }
    const bool expected = !key.empty() && key.size() <= 64 && !known && near_secret;
    RC_TAG(expected ? "resembles a secret" : "does not");
    RC_ASSERT(resembles_secret_option(key) == expected);
    // is_secret_key is the catalogue's secret names, the other forms' and the misspellings.
    bool other = false;
    for (std::string_view s : other_secret_keys) other = other || detail::java_lower_equals(key, s);
    RC_ASSERT(is_secret_key(key) == (is_secret_option_key(key) || other || resembles_secret_option(key)));
  });
  REQUIRE(ok);
}
