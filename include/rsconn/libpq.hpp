// libpq connection strings (Redshift speaks the PostgreSQL protocol; C and C++ programs reach it
// through libpq or libpqxx), read exactly as libpq 15's PQconninfoParse reads them, and written
// so that libpq reads back the same connection. Both forms:
//
//   host=h port=5439 dbname=dev user=u sslmode=require          (keyword/value "conninfo")
//   postgresql://[user[:password]@]host[:port][,host[:port]...][/dbname][?k=v&...]
//   postgres://...                                              (the same URI)
//
// Keyword/value: pairs separated by whitespace, `key = value` with optional whitespace around
// '='; a value is either single-quoted (`'...'`, where a backslash escapes any character, so
// `\'` and `\\`) or runs to the next whitespace (a backslash escapes any character there too).
// Keywords are case-sensitive and must be libpq keywords (unknown ones are errors); the last
// duplicate wins. Quirks kept from libpq (SPEC §5): `dbname= host=h` sets dbname to "host=h"
// (whitespace after '=' is skipped); `'it''s'` is an error (no SQL-style doubled quotes: the
// value ends at the second quote and `'s'` is read as a keyword without '='); no whitespace is
// needed after a closing quote (`password='a'host=h` is two pairs).
//
// URI: the prefix is case-sensitive; every part is percent-decoded (`+` is NOT a space; `%00`
// is an error); `user[:password]@` is found by looking for '@' before the first '/' anywhere
// in the string, and ends at the first '@' (so `u@v@h` is user u, host v@h; `u:@h` sets no
// password); hosts and ports are gathered into comma lists; the path up to '?' is the database
// (`#...` included); query keys are libpq keywords, except that `ssl=true` means
// sslmode=require; a query key=value repeats or overrides what the authority said.
//
// The model: host and port lists (comma-separated in both forms) are paired as libpq pairs them
// at connect time (one port for every host, or one port per host); a missing port is libpq's
// default 5432 (not Redshift's 5439: `validate` says so); a port libpq would refuse becomes 0.
// An IPv6 literal is bracketed in the model ("[::1]"), as the other forms write it. Properties
// hold every keyword as written, in order, duplicates kept, values decoded; the URI's user and
// password are the properties "user" and "password". libpq has no IAM: the host alone feeds
// resolve(). Environment variables (PGHOST, PGPORT, ...) and service files are not consulted.
//
// Parsing does not allocate: the views refer into the caller's string, which must outlive them.
// Input with a NUL byte is refused (errc::invalid_character): libpq would stop reading there.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rsconn/connection.hpp"
#include "rsconn/detail/ascii.hpp"
#include "rsconn/detail/decimal.hpp"
#include "rsconn/detail/percent.hpp"
#include "rsconn/error.hpp"
#include "rsconn/host.hpp"
#include "rsconn/properties.hpp"
#include "rsconn/settings.hpp"
#include "rsconn/translate.hpp"

namespace rsconn {

inline constexpr std::string_view libpq_uri_prefix = "postgresql://";
inline constexpr std::string_view libpq_uri_short_prefix = "postgres://";
// libpq's own default port, used when a conninfo names none (Redshift listens on 5439).
inline constexpr std::uint32_t libpq_default_port = 5432;

namespace detail {

constexpr std::size_t count_libpq_keywords() noexcept {
  std::size_t n = 0;
  for (const option_info& o : option_catalogue) n += bar_list(o.libpq.names).size();
  return n;
}
struct libpq_keyword_list {
  std::string_view names[count_libpq_keywords()] = {};
};
constexpr libpq_keyword_list build_libpq_keywords() noexcept {
  libpq_keyword_list out;
  std::size_t n = 0;
  for (const option_info& o : option_catalogue) {
    bar_list names(o.libpq.names);
    for (std::size_t i = 0; i < names.size(); ++i) out.names[n++] = names[i];
  }
  return out;
}
inline constexpr libpq_keyword_list libpq_keyword_table = build_libpq_keywords();

}  // namespace detail

// The keywords libpq 15 accepts (PQconndefaults), plus "requiressl", which it still reads as
// sslmode (1: require, anything else: prefer): the catalogue's libpq column, in its order.
// Case-sensitive.
inline constexpr const std::string_view (&libpq_keywords)[std::size(detail::libpq_keyword_table.names)] =
    detail::libpq_keyword_table.names;

namespace detail {

// libpq's names of the keywords the parsers and writers handle themselves, from the catalogue.
constexpr std::string_view libpq_name(std::string_view id) noexcept { return (*option_by_id(id)).name(driver::libpq); }
inline constexpr std::string_view libpq_host_name = libpq_name("host");
inline constexpr std::string_view libpq_hostaddr_name = libpq_name("hostaddr");
inline constexpr std::string_view libpq_port_name = libpq_name("port");
inline constexpr std::string_view libpq_dbname_name = libpq_name("database");
inline constexpr std::string_view libpq_user_name = libpq_name("user");
inline constexpr std::string_view libpq_password_name = libpq_name("password");
inline constexpr std::string_view libpq_sslmode_name = libpq_name("ssl_mode");

inline constexpr std::size_t libpq_keyword_count = sizeof(libpq_keywords) / sizeof(libpq_keywords[0]);

// The index of `key` in libpq_keywords, or libpq_keyword_count when it is not a keyword.
constexpr std::size_t libpq_keyword_index(std::string_view key) noexcept {
  if (key.empty()) return libpq_keyword_count;
  // The size and the first byte rule out nearly every keyword before a full comparison.
  for (std::size_t i = 0; i < libpq_keyword_count; ++i) {
    std::string_view k = libpq_keywords[i];
    if (k.size() == key.size() && k.front() == key.front() && k == key) return i;
  }
  return libpq_keyword_count;
}

inline constexpr std::size_t libpq_host_keyword = libpq_keyword_index(libpq_host_name);
inline constexpr std::size_t libpq_port_keyword = libpq_keyword_index(libpq_port_name);
inline constexpr std::size_t libpq_dbname_keyword = libpq_keyword_index(libpq_dbname_name);

}  // namespace detail

[[nodiscard]] constexpr bool is_libpq_keyword(std::string_view key) noexcept {
  return detail::libpq_keyword_index(key) != detail::libpq_keyword_count;
}

// A value as written in a libpq string: `backslash` for keyword/value values (quoted or not,
// with the quotes removed), `percent` for URI parts.
class libpq_text {
 public:
  enum class encoding : unsigned char { plain, backslash, percent };

  constexpr libpq_text() noexcept = default;
  constexpr libpq_text(std::string_view raw, encoding how) noexcept : raw_(raw), how_(how), present_(true) {}

  [[nodiscard]] constexpr bool present() const noexcept { return present_; }
  [[nodiscard]] constexpr explicit operator bool() const noexcept { return present_; }
  [[nodiscard]] constexpr std::string_view raw() const noexcept { return raw_; }
  [[nodiscard]] constexpr encoding how() const noexcept { return how_; }
  [[nodiscard]] constexpr bool needs_decoding() const noexcept {
    if (how_ == encoding::plain) return false;
    return raw_.find(how_ == encoding::backslash ? '\\' : '%') != std::string_view::npos;
  }
  // Decoded size. (The parsers refuse malformed escapes; a '%' too near the end for two hex
  // digits is taken literally here.)
  [[nodiscard]] constexpr std::size_t decoded_size() const noexcept {
    std::size_t n = 0;
    for (std::size_t i = 0; i < raw_.size(); ++i, ++n) {
      if (how_ == encoding::backslash && raw_[i] == '\\') {
        if (i + 1 == raw_.size()) return n;  // a trailing backslash stands for nothing
        ++i;
      } else if (how_ == encoding::percent && raw_[i] == '%' && i + 2 < raw_.size()) {
        i += 2;
      }
    }
    return n;
  }
  void append_decoded(std::string& out) const {
    for (std::size_t i = 0; i < raw_.size(); ++i) {
      char c = raw_[i];
      if (how_ == encoding::backslash && c == '\\') {
        if (i + 1 < raw_.size()) out += raw_[++i];
      } else if (how_ == encoding::percent && c == '%' && i + 2 < raw_.size()) {
        out += static_cast<char>(detail::hex_value(raw_[i + 1]) * 16 + detail::hex_value(raw_[i + 2]));
        i += 2;
      } else {
        out += c;
      }
    }
  }
  [[nodiscard]] std::string decoded() const {
    std::string out;
    out.reserve(raw_.size());
    append_decoded(out);
    return out;
  }
  // Whether the decoded value equals `text` exactly, without allocating.
  [[nodiscard]] constexpr bool equals(std::string_view text) const noexcept {
    if (!needs_decoding()) return raw_ == text;
    std::size_t at = 0;
    for (std::size_t i = 0; i < raw_.size(); ++i) {
      char c = raw_[i];
      if (how_ == encoding::backslash && c == '\\') {
        if (i + 1 == raw_.size()) break;
        c = raw_[++i];
      } else if (how_ == encoding::percent && c == '%' && i + 2 < raw_.size()) {
        c = static_cast<char>(detail::hex_value(raw_[i + 1]) * 16 + detail::hex_value(raw_[i + 2]));
        i += 2;
      }
      if (at == text.size() || text[at] != c) return false;
      ++at;
    }
    return at == text.size();
  }

 private:
  std::string_view raw_;
  encoding how_ = encoding::plain;
  bool present_ = false;
};

// One keyword and its value, as written.
struct libpq_pair {
  std::string_view key;
  libpq_text value;
  std::size_t offset = 0;        // of the key
  std::size_t value_offset = 0;  // of the value's first character (after an opening quote)
};

namespace detail {

// isspace() in the C locale, which is what libpq's parser sees in a program that has not
// called setlocale (and what it sees for every ASCII byte in any UTF-8 locale).
constexpr bool is_c_space(char c) noexcept {
  // ' ', or '\t' '\n' '\v' '\f' '\r', which are 9..13: two comparisons instead of six.
  return c == ' ' || static_cast<unsigned char>(c - '\t') <= '\r' - '\t';
}

enum class libpq_scan : unsigned char { pair, end, missing_equals, unterminated_quote };

// One step of libpq's conninfo_parse: skips whitespace, reads `key [ws] = [ws] value`.
// `error_at` is set on failure: where '=' was expected, or the unterminated opening quote.
constexpr libpq_scan scan_libpq_pair(std::string_view text, std::size_t& pos, libpq_pair& out,
                                     std::size_t& error_at) noexcept {
  const std::size_t n = text.size();
  while (pos < n && is_c_space(text[pos])) ++pos;
  if (pos == n) return libpq_scan::end;
  std::size_t key_start = pos;
  while (pos < n && text[pos] != '=' && !is_c_space(text[pos])) ++pos;
  out.key = text.substr(key_start, pos - key_start);
  out.offset = key_start;
  while (pos < n && is_c_space(text[pos])) ++pos;
  if (pos == n || text[pos] != '=') {
    error_at = pos;
    return libpq_scan::missing_equals;
  }
  ++pos;
  while (pos < n && is_c_space(text[pos])) ++pos;
  if (pos < n && text[pos] == '\'') {
    std::size_t quote = pos++;
    std::size_t start = pos;
    while (true) {
      if (pos >= n) {
        error_at = quote;
        return libpq_scan::unterminated_quote;
      }
      if (text[pos] == '\\') {
        pos += 2;
        continue;
      }
      if (text[pos] == '\'') break;
      ++pos;
    }
    out.value = libpq_text(text.substr(start, pos - start), libpq_text::encoding::backslash);
    out.value_offset = start;
    ++pos;  // the closing quote; no whitespace is needed after it
    return libpq_scan::pair;
  }
  std::size_t start = pos;
  while (pos < n && !is_c_space(text[pos])) pos += text[pos] == '\\' ? std::size_t{2} : std::size_t{1};
  if (pos > n) pos = n;  // a trailing backslash
  out.value = libpq_text(text.substr(start, pos - start), libpq_text::encoding::backslash);
  out.value_offset = start;
  if (pos < n) ++pos;  // the whitespace that ended the value
  return libpq_scan::pair;
}

// Offset of the first escape libpq's URI decoder refuses ('%' without two hex digits, or %00)
// in s, or npos.
constexpr std::size_t libpq_percent_error(std::string_view s) noexcept {
  // find() (memchr) skips the text between escapes; most parts have none.
  for (std::size_t i = s.find('%'); i != std::string_view::npos; i = s.find('%', i + 3)) {
    if (i + 2 >= s.size()) return i;  // fewer than two characters after it
    int high = hex_value(s[i + 1]);
    int low = hex_value(s[i + 2]);
    if (high < 0 || low < 0 || (high == 0 && low == 0)) return i;
  }
  return std::string_view::npos;
}

constexpr bool has_nul(std::string_view s) noexcept { return s.find('\0') != std::string_view::npos; }

}  // namespace detail

// The pairs of a parsed keyword/value string, in order.
class libpq_pair_range {
 public:
  class iterator {
   public:
    using value_type = libpq_pair;
    constexpr iterator() noexcept = default;
    constexpr explicit iterator(std::string_view text) noexcept : text_(text), done_(false) { advance(); }
    constexpr const libpq_pair& operator*() const noexcept { return current_; }
    constexpr const libpq_pair* operator->() const noexcept { return &current_; }
    constexpr iterator& operator++() noexcept {
      advance();
      return *this;
    }
    friend constexpr bool operator==(const iterator& a, const iterator& b) noexcept {
      return a.done_ == b.done_ && (a.done_ || a.position_ == b.position_);
    }
    friend constexpr bool operator!=(const iterator& a, const iterator& b) noexcept { return !(a == b); }

   private:
    constexpr void advance() noexcept {
      std::size_t error_at = 0;
      if (detail::scan_libpq_pair(text_, position_, current_, error_at) != detail::libpq_scan::pair)
        done_ = true;
    }
    std::string_view text_;
    std::size_t position_ = 0;
    bool done_ = true;
    libpq_pair current_{};
  };
  constexpr libpq_pair_range() noexcept = default;
  constexpr explicit libpq_pair_range(std::string_view text) noexcept : text_(text) {}
  [[nodiscard]] constexpr iterator begin() const noexcept { return iterator(text_); }
  [[nodiscard]] constexpr iterator end() const noexcept { return iterator(); }

 private:
  std::string_view text_;
};

// A parsed keyword/value string.
class libpq_keywords_view {
 public:
  [[nodiscard]] constexpr std::string_view text() const noexcept { return text_; }
  [[nodiscard]] constexpr libpq_pair_range pairs() const noexcept { return libpq_pair_range(text_); }
  [[nodiscard]] constexpr std::size_t size() const noexcept { return count_; }
  // The last value of a keyword (case-sensitive), or an absent text.
  [[nodiscard]] constexpr libpq_text value(std::string_view key) const noexcept {
    libpq_text found;
    for (const libpq_pair& p : pairs())
      if (p.key == key) found = p.value;
    return found;
  }
  // value("host"), value("port") and value("dbname"), kept while parsing (no further pass).
  // As written: a comma list of hosts or ports is one value; to_connection pairs them.
  [[nodiscard]] constexpr libpq_text host() const noexcept { return host_; }
  [[nodiscard]] constexpr libpq_text port() const noexcept { return port_; }
  [[nodiscard]] constexpr libpq_text dbname() const noexcept { return dbname_; }

 private:
  friend constexpr result<libpq_keywords_view> parse_libpq_keywords(std::string_view text) noexcept;
  std::string_view text_;
  std::size_t count_ = 0;
  libpq_text host_, port_, dbname_;
};

// Parses a keyword/value string as PQconninfoParse does. Never allocates.
[[nodiscard]] constexpr result<libpq_keywords_view> parse_libpq_keywords(std::string_view text) noexcept {
  if (text.size() > max_input_length) return fail(errc::input_too_long, max_input_length);
  if (std::size_t nul = text.find('\0'); nul != std::string_view::npos)
    return fail(errc::invalid_character, nul, "libpq reads a connection string only up to a NUL byte");
  libpq_keywords_view view;
  view.text_ = text;
  std::size_t pos = 0;
  libpq_pair pair;
  while (true) {
    std::size_t error_at = 0;
    switch (detail::scan_libpq_pair(text, pos, pair, error_at)) {
      case detail::libpq_scan::end: return view;
      case detail::libpq_scan::missing_equals:
        return fail(errc::missing_equals, error_at,
                    "libpq expects '=' after each keyword (a quote inside a quoted value is written \\')");
      case detail::libpq_scan::unterminated_quote:
        return fail(errc::malformed_quoted_value, error_at, "a value opened with ' has no closing '");
      case detail::libpq_scan::pair: break;
    }
    std::size_t keyword = detail::libpq_keyword_index(pair.key);
    if (keyword == detail::libpq_keyword_count)
      return fail(
          errc::unknown_keyword, pair.offset,
          "libpq 15 does not know this keyword (keywords are lower case, e.g. host, port, dbname, user, "
          "password, sslmode)");
    if (keyword == detail::libpq_host_keyword) view.host_ = pair.value;
    else if (keyword == detail::libpq_port_keyword) view.port_ = pair.value;
    else if (keyword == detail::libpq_dbname_keyword) view.dbname_ = pair.value;
    ++view.count_;
  }
}

result<libpq_keywords_view> parse_libpq_keywords(std::string&&) = delete;
[[nodiscard]] constexpr result<libpq_keywords_view> parse_libpq_keywords(const char* text) noexcept {
  return parse_libpq_keywords(std::string_view(text));
}

// One netloc of a URI: host[:port], as written (brackets of an IPv6 literal removed, as libpq
// removes them).
struct libpq_netloc {
  libpq_text host;         // percent-encoded
  libpq_text port;         // absent when no ':' was written
  std::size_t offset = 0;  // of the host
  std::size_t port_offset = 0;
  bool bracketed = false;
};

namespace detail {

// libpq's reading of one netloc starting at `pos` (just after "//", "@" or ","). Returns the
// character that ended it ('\0' at the end of the text) and leaves `pos` on it.
constexpr char scan_libpq_netloc(std::string_view t, std::size_t& pos, libpq_netloc& out) noexcept {
  const std::size_t n = t.size();
  out = libpq_netloc{};
  if (pos < n && t[pos] == '[') {
    std::size_t start = ++pos;
    while (pos < n && t[pos] != ']') ++pos;
    out.host = libpq_text(t.substr(start, pos - start), libpq_text::encoding::percent);
    out.offset = start;
    out.bracketed = true;
    if (pos < n) ++pos;
  } else {
    std::size_t start = pos;
    while (pos < n && t[pos] != ':' && t[pos] != '/' && t[pos] != '?' && t[pos] != ',') ++pos;
    out.host = libpq_text(t.substr(start, pos - start), libpq_text::encoding::percent);
    out.offset = start;
  }
  char end = pos < n ? t[pos] : '\0';
  if (end == ':') {
    std::size_t start = ++pos;
    while (pos < n && t[pos] != '/' && t[pos] != '?' && t[pos] != ',') ++pos;
    out.port = libpq_text(t.substr(start, pos - start), libpq_text::encoding::percent);
    out.port_offset = start;
    end = pos < n ? t[pos] : '\0';
  }
  return end;
}

constexpr std::size_t libpq_uri_prefix_size(std::string_view text) noexcept {
  if (starts_with(text, libpq_uri_prefix)) return libpq_uri_prefix.size();
  if (starts_with(text, libpq_uri_short_prefix)) return libpq_uri_short_prefix.size();
  return 0;
}

}  // namespace detail

// The netlocs of a parsed URI, in order.
class libpq_netloc_range {
 public:
  class iterator {
   public:
    using value_type = libpq_netloc;
    constexpr iterator() noexcept = default;
    constexpr iterator(std::string_view text, std::size_t pos) noexcept
        : text_(text), position_(pos), done_(false) {
      load();
    }
    constexpr const libpq_netloc& operator*() const noexcept { return current_; }
    constexpr const libpq_netloc* operator->() const noexcept { return &current_; }
    constexpr iterator& operator++() noexcept {
      if (end_ != ',') {
        done_ = true;
      } else {
        ++position_;
        load();
      }
      return *this;
    }
    friend constexpr bool operator==(const iterator& a, const iterator& b) noexcept {
      return a.done_ == b.done_ && (a.done_ || a.position_ == b.position_);
    }
    friend constexpr bool operator!=(const iterator& a, const iterator& b) noexcept { return !(a == b); }

   private:
    constexpr void load() noexcept { end_ = detail::scan_libpq_netloc(text_, position_, current_); }
    std::string_view text_;
    std::size_t position_ = 0;
    bool done_ = true;
    char end_ = '\0';
    libpq_netloc current_{};
  };
  constexpr libpq_netloc_range() noexcept = default;
  constexpr libpq_netloc_range(std::string_view text, std::size_t pos) noexcept : text_(text), pos_(pos) {}
  [[nodiscard]] constexpr iterator begin() const noexcept { return iterator(text_, pos_); }
  [[nodiscard]] constexpr iterator end() const noexcept { return iterator(); }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

// The query parameters of a parsed URI (key and value percent-encoded), in order.
class libpq_parameter_range {
 public:
  class iterator {
   public:
    using value_type = libpq_pair;
    constexpr iterator() noexcept = default;
    constexpr iterator(std::string_view text, std::size_t pos) noexcept
        : text_(text), position_(pos), done_(false) {
      advance();
    }
    constexpr const libpq_pair& operator*() const noexcept { return current_; }
    constexpr const libpq_pair* operator->() const noexcept { return &current_; }
    constexpr iterator& operator++() noexcept {
      advance();
      return *this;
    }
    friend constexpr bool operator==(const iterator& a, const iterator& b) noexcept {
      return a.done_ == b.done_ && (a.done_ || a.current_.offset == b.current_.offset);
    }
    friend constexpr bool operator!=(const iterator& a, const iterator& b) noexcept { return !(a == b); }

   private:
    constexpr void advance() noexcept {
      if (position_ >= text_.size()) {
        done_ = true;
        return;
      }
      std::size_t end = text_.find('&', position_);
      if (end == std::string_view::npos) end = text_.size();
      std::string_view token = text_.substr(position_, end - position_);
      std::size_t equals = token.find('=');
      current_.offset = position_;
      current_.key = token.substr(0, equals);
      std::size_t value_start = equals == std::string_view::npos ? token.size() : equals + 1;
      current_.value = libpq_text(token.substr(value_start), libpq_text::encoding::percent);
      current_.value_offset = position_ + value_start;
      position_ = end + 1;
    }
    std::string_view text_;
    std::size_t position_ = 0;
    bool done_ = true;
    libpq_pair current_{};
  };
  constexpr libpq_parameter_range() noexcept = default;
  constexpr libpq_parameter_range(std::string_view text, std::size_t pos, bool present) noexcept
      : text_(text), pos_(pos), present_(present) {}
  [[nodiscard]] constexpr iterator begin() const noexcept {
    return present_ ? iterator(text_, pos_) : iterator();
  }
  [[nodiscard]] constexpr iterator end() const noexcept { return iterator(); }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  bool present_ = false;
};

// A parsed URI.
class libpq_uri_view {
 public:
  [[nodiscard]] constexpr std::string_view text() const noexcept { return text_; }
  // The user and the password of `user[:password]@` (absent when not written or empty, as
  // libpq sets them only when non-empty).
  [[nodiscard]] constexpr libpq_text user() const noexcept { return user_; }
  [[nodiscard]] constexpr libpq_text password() const noexcept { return password_; }
  [[nodiscard]] constexpr std::size_t user_offset() const noexcept { return user_offset_; }
  [[nodiscard]] constexpr std::size_t password_offset() const noexcept { return password_offset_; }
  [[nodiscard]] constexpr libpq_netloc_range netlocs() const noexcept {
    return libpq_netloc_range(text_, netloc_pos_);
  }
  // The path's database (absent when there is no path or it is empty).
  [[nodiscard]] constexpr libpq_text path_database() const noexcept { return database_; }
  [[nodiscard]] constexpr std::size_t path_database_offset() const noexcept { return database_offset_; }
  // Query parameters; a parameter's key is percent-encoded too. `ssl=true` is kept as written.
  [[nodiscard]] constexpr libpq_parameter_range parameters() const noexcept {
    return libpq_parameter_range(text_, query_pos_, has_query_);
  }

 private:
  friend constexpr result<libpq_uri_view> parse_libpq_uri(std::string_view text) noexcept;
  std::string_view text_;
  libpq_text user_, password_, database_;
  std::size_t user_offset_ = 0, password_offset_ = 0, database_offset_ = 0;
  std::size_t netloc_pos_ = 0, query_pos_ = 0;
  bool has_query_ = false;
};

namespace detail {

// Where libpq's URI decoder refuses `text` (read at `offset`), or npos.
constexpr std::size_t libpq_percent_error_at(const libpq_text& text, std::size_t offset) noexcept {
  std::size_t bad = libpq_percent_error(text.raw());
  return bad == std::string_view::npos ? bad : offset + bad;
}

constexpr tl::unexpected<error> libpq_percent_failure(std::size_t at) noexcept {
  return fail(
      errc::malformed_percent_escape, at,
      "a '%' must be followed by two hexadecimal digits (and libpq refuses %00); write a literal '%' as %25");
}

}  // namespace detail

// Parses a postgresql:// or postgres:// URI as PQconninfoParse does. Never allocates.
[[nodiscard]] constexpr result<libpq_uri_view> parse_libpq_uri(std::string_view text) noexcept {
  if (text.size() > max_input_length) return fail(errc::input_too_long, max_input_length);
  if (text.empty()) return fail(errc::empty_input, 0);
  std::size_t prefix = detail::libpq_uri_prefix_size(text);
  if (prefix == 0)
    return fail(errc::invalid_uri, 0, "a libpq URI starts with postgresql:// or postgres:// (lower case)");
  if (std::size_t nul = text.find('\0'); nul != std::string_view::npos)
    return fail(errc::invalid_character, nul, "libpq reads a connection string only up to a NUL byte");
  using enc = libpq_text::encoding;
  const std::size_t n = text.size();
  libpq_uri_view view;
  view.text_ = text;

  // user[:password]@ when an '@' comes before the first '/' (two memchr calls rather than a
  // byte loop over the authority).
  std::size_t p = text.find('@', prefix);
  if (p != std::string_view::npos && p < text.find('/', prefix)) {
    std::size_t q = prefix;
    while (text[q] != ':' && text[q] != '@') ++q;
    if (q > prefix) {
      view.user_ = libpq_text(text.substr(prefix, q - prefix), enc::percent);
      view.user_offset_ = prefix;
      if (std::size_t bad = detail::libpq_percent_error_at(view.user_, prefix); bad != std::string_view::npos)
        return detail::libpq_percent_failure(bad);
    }
    if (text[q] == ':') {
      std::size_t start = ++q;
      while (text[q] != '@') ++q;
      if (q > start) {
        view.password_ = libpq_text(text.substr(start, q - start), enc::percent);
        view.password_offset_ = start;
        if (std::size_t bad = detail::libpq_percent_error_at(view.password_, start);
            bad != std::string_view::npos)
          return detail::libpq_percent_failure(bad);
      }
    }
    p = q + 1;
  } else {
    p = prefix;
  }

  view.netloc_pos_ = p;
  char end = '\0';
  libpq_netloc netloc;
  while (true) {
    std::size_t start = p;
    end = detail::scan_libpq_netloc(text, p, netloc);
    if (netloc.bracketed) {
      if (netloc.offset + netloc.host.raw().size() >= n)
        return fail(errc::unclosed_bracket, start, "an IPv6 address opened with '[' has no closing ']'");
      if (netloc.host.raw().empty())
        return fail(errc::empty_host, start, "an IPv6 address in [] may not be empty");
      std::size_t after = netloc.offset + netloc.host.raw().size() + 1;
      if (after < n && text[after] != ':' && text[after] != '/' && text[after] != '?' && text[after] != ',')
        return fail(errc::invalid_uri, after, "after ']' libpq expects ':', '/', '?', ',' or the end");
    }
    if (std::size_t bad = detail::libpq_percent_error_at(netloc.host, netloc.offset);
        bad != std::string_view::npos)
      return detail::libpq_percent_failure(bad);
    if (netloc.port)
      if (std::size_t bad = detail::libpq_percent_error_at(netloc.port, netloc.port_offset);
          bad != std::string_view::npos)
        return detail::libpq_percent_failure(bad);
    if (end != ',') break;
    ++p;
  }

  if (end != '\0' && end != '?') {  // '/': the database runs to '?'
    std::size_t start = ++p;
    while (p < n && text[p] != '?') ++p;
    if (p > start) {
      view.database_ = libpq_text(text.substr(start, p - start), enc::percent);
      view.database_offset_ = start;
      if (std::size_t bad = detail::libpq_percent_error_at(view.database_, start);
          bad != std::string_view::npos)
        return detail::libpq_percent_failure(bad);
    }
    end = p < n ? '?' : '\0';
  }

  if (end == '?') {
    view.has_query_ = true;
    view.query_pos_ = p + 1;
    // libpq's conninfo_uri_parse_params: every token needs exactly one '=', its decoded key
    // must be a keyword (or "ssl" with the value "true").
    std::size_t pos = p + 1;
    while (pos < n) {
      std::size_t stop = text.find('&', pos);
      if (stop == std::string_view::npos) stop = n;
      std::string_view token = text.substr(pos, stop - pos);
      std::size_t equals = token.find('=');
      if (equals == std::string_view::npos)
        return fail(errc::missing_equals, pos, "each URI query parameter is key=value");
      if (token.find('=', equals + 1) != std::string_view::npos)
        return fail(errc::invalid_uri, pos + token.find('=', equals + 1),
                    "a URI query parameter has a second '='; write it as %3D");
      libpq_text key(token.substr(0, equals), enc::percent);
      libpq_text value(token.substr(equals + 1), enc::percent);
      if (std::size_t bad = detail::libpq_percent_error_at(key, pos); bad != std::string_view::npos)
        return detail::libpq_percent_failure(bad);
      if (std::size_t bad = detail::libpq_percent_error_at(value, pos + equals + 1);
          bad != std::string_view::npos)
        return detail::libpq_percent_failure(bad);
      bool known = false;
      if (!key.needs_decoding()) {  // the usual case: compare the key as written
        known = key.raw() == libpq_uri_ssl_parameter ? value.equals("true") : is_libpq_keyword(key.raw());
      } else if (key.equals(libpq_uri_ssl_parameter)) {
        known = value.equals("true");
      } else {
        for (std::string_view k : libpq_keywords)
          if (key.equals(k)) known = true;
      }
      if (!known)
        return fail(errc::unknown_keyword, pos,
                    key.equals(libpq_uri_ssl_parameter)
                        ? std::string_view("libpq reads ssl only as ssl=true; use sslmode=disable, "
                                           "prefer, require, verify-ca or verify-full")
                        : std::string_view("libpq 15 does not know this URI query parameter"));
      pos = stop + 1;
    }
  }
  return view;
}

result<libpq_uri_view> parse_libpq_uri(std::string&&) = delete;
[[nodiscard]] constexpr result<libpq_uri_view> parse_libpq_uri(const char* text) noexcept {
  return parse_libpq_uri(std::string_view(text));
}

// Whether `text` starts with a libpq URI prefix (the test PQconninfoParse makes).
[[nodiscard]] constexpr bool is_libpq_uri(std::string_view text) noexcept {
  return detail::libpq_uri_prefix_size(text) != 0;
}

// Whether `text` looks like a keyword/value conninfo (for detect_form): its first keyword is a
// libpq keyword followed by '=', and the first value, when unquoted, has no ';' (which would
// make `host=h;port=5439` an ODBC-style string rather than libpq's host "h;port=5439").
[[nodiscard]] constexpr bool looks_like_libpq_keywords(std::string_view text) noexcept {
  if (text.find('\0') != std::string_view::npos) return false;
  std::size_t pos = 0;
  std::size_t error_at = 0;
  libpq_pair first;
  if (detail::scan_libpq_pair(text, pos, first, error_at) != detail::libpq_scan::pair) {
    // A libpq keyword whose quoted value is not closed (`host='h port=5439`) is still libpq's:
    // its parser then names the unclosed quote, where ODBC would read the quote as data.
    std::size_t at = 0;
    while (at < text.size() && detail::is_c_space(text[at])) ++at;
    std::size_t key_end = at;
    while (key_end < text.size() && (detail::is_lower(text[key_end]) || text[key_end] == '_')) ++key_end;
    std::size_t next = key_end;
    while (next < text.size() && detail::is_c_space(text[next])) ++next;
    if (next >= text.size() || text[next] != '=' || !is_libpq_keyword(text.substr(at, key_end - at))) return false;
    ++next;
    while (next < text.size() && detail::is_c_space(text[next])) ++next;
    return next < text.size() && text[next] == '\'';
  }
  if (!is_libpq_keyword(first.key)) return false;
  bool quoted = first.value_offset > 0 && text[first.value_offset - 1] == '\'';
  return quoted || first.value.raw().find(';') == std::string_view::npos;
}

namespace detail {

// libpq's connectOptions2: split the host, hostaddr and port lists (plain ',' splits) and
// pair them. `host_offsets` give where each list was read (for diagnostics).
struct libpq_lists {
  std::string host;
  std::string hostaddr;
  std::string port;
  bool has_host = false, has_hostaddr = false, has_port = false;
  std::size_t host_offset = 0, port_offset = 0, hostaddr_offset = 0;
};

inline std::vector<std::string_view> split_commas(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    std::size_t comma = s.find(',', start);
    out.push_back(s.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
    if (comma == std::string_view::npos) return out;
    start = comma + 1;
  }
}

// libpq's parse_int_param as applied to a port: whitespace, strtol (sign allowed), whitespace,
// then 1..65535. 0 when libpq would refuse it.
constexpr std::uint32_t libpq_port_number(std::string_view text) noexcept {
  std::size_t i = 0;
  while (i < text.size() && is_c_space(text[i])) ++i;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  std::size_t digits = i;
  std::uint64_t value = 0;
  while (i < text.size() && is_digit(text[i])) {
    value = value * 10 + static_cast<std::uint64_t>(text[i] - '0');
    if (value > 65535) return 0;
    ++i;
  }
  if (i == digits || negative) return 0;
  while (i < text.size() && is_c_space(text[i])) ++i;
  if (i != text.size() || value < 1) return 0;
  return static_cast<std::uint32_t>(value);
}

// An IPv6 literal (a host with ':' that is not a socket directory) is bracketed in the model.
inline std::string model_host(std::string_view libpq_host) {
  if (libpq_host.find(':') != std::string_view::npos && !libpq_host.empty() && libpq_host.front() != '/')
    return "[" + std::string(libpq_host) + "]";
  return std::string(libpq_host);
}
// ...and unbracketed for libpq.
constexpr std::string_view libpq_host_of(std::string_view model) noexcept {
  if (model.size() >= 2 && model.front() == '[' && model.back() == ']' &&
      model.substr(1, model.size() - 2).find(':') != std::string_view::npos)
    return model.substr(1, model.size() - 2);
  return model;
}

inline std::vector<address> pair_libpq_hosts(const libpq_lists& l) {
  std::vector<std::string_view> hosts, addrs, ports;
  if (l.has_host && !l.host.empty()) hosts = split_commas(l.host);
  if (l.has_hostaddr && !l.hostaddr.empty()) addrs = split_commas(l.hostaddr);
  if (l.has_port && !l.port.empty()) ports = split_commas(l.port);
  std::size_t count = !addrs.empty() ? addrs.size() : !hosts.empty() ? hosts.size() : 1;
  std::vector<address> out(count);
  std::size_t at = l.host_offset;
  std::size_t addr_at = l.hostaddr_offset;
  for (std::size_t i = 0; i < count; ++i) {
    std::string_view name = i < hosts.size() ? hosts[i] : std::string_view{};
    if (name.empty() && i < addrs.size()) name = addrs[i];
    out[i].host = model_host(name);
    // Where the host was written; past the host list, where its hostaddr was (libpq pairs by
    // position, and the decoded lists are never longer than the text they were read from).
    out[i].offset = i < hosts.size() ? at : i < addrs.size() ? addr_at : l.host_offset;
    if (i < hosts.size()) at += hosts[i].size() + 1;
    if (i < addrs.size()) addr_at += addrs[i].size() + 1;
    out[i].port_offset = l.port_offset;
    if (ports.empty()) {
      out[i].port = libpq_default_port;
    } else {
      std::string_view text = ports.size() == 1 ? ports[0] : i < ports.size() ? ports[i] : std::string_view{};
      bool matched = ports.size() == 1 || ports.size() == count;
      out[i].port = !matched ? 0 : text.empty() ? libpq_default_port : libpq_port_number(text);
    }
  }
  return out;
}

inline void finish_libpq_connection(connection& c, const libpq_lists& lists) {
  c.hosts = pair_libpq_hosts(lists);
  host_parts host = classify_host(c.hosts.front().host);
  effective_fields eff = resolve(host, explicit_settings{}, false);
  assign_effective(c, eff);
}

inline void note_libpq_keyword(connection& c, libpq_lists& lists, std::string_view key,
                               const std::string& value, std::size_t value_offset) {
  if (key == libpq_host_name) {
    lists.host = value;
    lists.has_host = true;
    lists.host_offset = value_offset;
  } else if (key == libpq_hostaddr_name) {
    lists.hostaddr = value;
    lists.has_hostaddr = true;
    lists.hostaddr_offset = value_offset;
  } else if (key == libpq_port_name) {
    lists.port = value;
    lists.has_port = true;
    lists.port_offset = value_offset;
  } else if (key == libpq_dbname_name) {
    c.database = value;
    c.database_offset = value_offset;
  }
}

}  // namespace detail

// The owning model of a keyword/value string.
[[nodiscard]] inline connection to_connection(const libpq_keywords_view& view) {
  connection c;
  c.form = source_form::libpq_keywords;
  detail::libpq_lists lists;
  c.properties.reserve(view.size());
  for (const libpq_pair& pair : view.pairs()) {
    property p{std::string(pair.key), pair.value.decoded()};
    p.offset = pair.offset;
    p.value_offset = pair.value_offset;
    detail::note_libpq_keyword(c, lists, pair.key, p.value, p.value_offset);
    c.properties.push_back(std::move(p));
  }
  detail::finish_libpq_connection(c, lists);
  return c;
}

// The owning model of a URI.
[[nodiscard]] inline connection to_connection(const libpq_uri_view& view) {
  connection c;
  c.form = source_form::libpq_uri;
  detail::libpq_lists lists;
  if (view.user()) {
    c.properties.push_back({std::string(detail::libpq_user_name), view.user().decoded(), view.user_offset(), view.user_offset(), false});
  }
  if (view.password()) {
    c.properties.push_back(
        {std::string(detail::libpq_password_name), view.password().decoded(), view.password_offset(), view.password_offset(), false});
  }
  // The authority's hosts and ports, joined as libpq joins them, then decoded.
  std::string hosts, ports;
  bool first = true;
  for (const libpq_netloc& netloc : view.netlocs()) {
    if (first) lists.host_offset = netloc.offset;
    if (!first) {
      hosts += ',';
      ports += ',';
    }
    if (lists.port_offset == 0 && netloc.port) lists.port_offset = netloc.port_offset;
    first = false;
    netloc.host.append_decoded(hosts);
    if (netloc.port) netloc.port.append_decoded(ports);
  }
  if (!hosts.empty()) {
    lists.host = std::move(hosts);
    lists.has_host = true;
  }
  if (!ports.empty()) {
    lists.port = std::move(ports);
    lists.has_port = true;
  }
  if (view.path_database()) {
    c.database = view.path_database().decoded();
    c.database_offset = view.path_database_offset();
  }
  for (const libpq_pair& pair : view.parameters()) {
    std::string key =
        pair.key.empty() ? std::string() : libpq_text(pair.key, libpq_text::encoding::percent).decoded();
    property p{key, pair.value.decoded()};
    p.offset = pair.offset;
    p.value_offset = pair.value_offset;
    detail::note_libpq_keyword(c, lists, key, p.value, p.value_offset);
    c.properties.push_back(std::move(p));
  }
  detail::finish_libpq_connection(c, lists);
  return c;
}

// Either form, chosen as PQconninfoParse chooses (by the URI prefix).
[[nodiscard]] inline result<connection> parse_libpq_connection(std::string_view text) {
  if (is_libpq_uri(text))
    return parse_libpq_uri(text).map([](const libpq_uri_view& v) { return to_connection(v); });
  return parse_libpq_keywords(text).map([](const libpq_keywords_view& v) { return to_connection(v); });
}

// ------------------------------------------------------------------------------------------
// Formatting

struct libpq_options {
  // Otherwise secret values (password, sslpassword) are written as ***.
  bool reveal_secrets = false;
  // Leave out properties libpq has no keyword for (IAM settings, Redshift-only settings,
  // unknown keys) instead of failing with errc::unrepresentable_value. libpq has no IAM
  // authentication, so an IAM connection also needs this (and a password from
  // GetCredentials / GetClusterCredentials).
  bool drop_unknown = false;
  // sslmode to write; empty: the connection's (sslmode, requiressl, or JDBC/URI ssl=true|false;
  // in other forms sslmode beats ssl, as in pgjdbc), else "require". Redshift accepts TLS on every endpoint,
  // and a host that is not a Redshift name (CNAME, NLB, PrivateLink, tunnel) still reaches a server that
  // does, so rsconn never writes libpq's insecure default "prefer" on its own.
  std::string_view sslmode{};
  // Written as hostaddr=: libpq connects to this address and keeps the host name for TLS
  // verification and the password file. One address per host (comma-separated).
  std::string_view hostaddr{};
  // Written instead of the connection's host names (one host: the connection must have at
  // most one address; its port is kept, 5439 when it has none).
  std::string_view host{};
};

namespace detail {

// Whether a keyword/value value must be quoted: empty, or holding whitespace, a quote, a
// backslash, or any byte outside printable ASCII (a program may run in a locale whose isspace
// differs for those).
constexpr bool libpq_needs_quotes(std::string_view value) noexcept {
  if (value.empty()) return true;
  for (char c : value) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '\'' || c == '\\' || byte <= 0x20 || byte >= 0x7f) return true;
  }
  return false;
}

inline void append_libpq_value(std::string& out, std::string_view value) {
  if (!libpq_needs_quotes(value)) {
    out += value;
    return;
  }
  out += '\'';
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  out += '\'';
}

constexpr bool is_libpq_uri_safe(char c) noexcept {
  return is_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

inline void append_libpq_percent(std::string& out, std::string_view value, bool keep_colon = false) {
  append_percent_encoded_if(out, value, [keep_colon](char c) { return is_libpq_uri_safe(c) || (keep_colon && c == ':'); });
}

struct libpq_plan {
  std::string_view sslmode;       // never empty
  std::uint32_t single_port = 0;  // when every address has the same port
  bool one_port = true;
  std::size_t property_bytes = 0;  // an upper bound of what the properties take, written
  const property* user = nullptr;  // the last user and password written
  const property* password = nullptr;
};

// What a connection says about TLS, in libpq's words (empty: nothing, or a mode its driver
// refuses — `refused` then). From a libpq string, the mode as written (libpq checks it when it
// connects); from another driver's form, the mode that driver uses (rsconn/tls.hpp).
inline std::string_view libpq_sslmode_of(const connection& c, bool& refused) {
  refused = false;
  tls_reading tls = effective_tls(c);
  if (driver_of(c.form) == driver::libpq) {
    if (!tls.stated) return {};
    // The deciding property's own text when it is sslmode (a value libpq refuses stays so).
    for (auto it = c.properties.rbegin(); it != c.properties.rend(); ++it)
      if (it->offset == tls.offset && it->key == libpq_sslmode_name) return it->value;
    return to_string(tls.mode);
  }
  refused = tls.refused;
  return tls.stated && !tls.refused ? to_string(tls.mode) : std::string_view{};
}

inline std::string_view libpq_sslmode_of(const connection& c) {
  bool refused = false;
  return libpq_sslmode_of(c, refused);
}

// How property `p` is written: under its own keyword from a libpq string (but the host, port and
// database, written from the model's fields, and the TLS keywords, written once as sslmode);
// translated from another driver's form (rsconn/translate.hpp). A hostaddr the options replace
// is skipped.
inline property_translation libpq_property_of(const connection& c, const property& p, const libpq_options& options,
                                              const setting_spellings& spellings) noexcept {
  using verdict = property_translation::verdict;
  driver from = driver_of(c.form);
  property_translation t;
  unknown_keys policy = options.drop_unknown ? unknown_keys::drop : unknown_keys::refuse;
  if (from == driver::libpq) {
    t.key = p.key;
    t.value = p.value;
    t.option = find_option(driver::libpq, p.key).option;
    if (is_structural(setting_of(t.option)) || is_tls_mode_option(driver::libpq, t.option) ||
        p.key == libpq_uri_ssl_parameter)
      t.what = verdict::skip;
    else if (!t.option)
      t.what = options.drop_unknown ? verdict::drop : verdict::refuse;
  } else {
    t = translate_property(p, from, driver::libpq, policy, spellings);
  }
  if (t.what == verdict::refuse && t.reason.empty())
    t.reason = "a property has no libpq keyword (libpq refuses unknown keywords); set drop_unknown to leave such properties out";
  if (t.what == verdict::write && t.key == libpq_hostaddr_name && !options.hostaddr.empty()) t.what = verdict::skip;
  return t;
}

inline result<libpq_plan> plan_libpq(const connection& c, const libpq_options& options) {
  libpq_plan plan;
  bool tls_refused = false;
  plan.sslmode = options.sslmode.empty() ? libpq_sslmode_of(c, tls_refused) : options.sslmode;
  if (tls_refused)
    return fail(errc::unrepresentable_value, 0,
                "the source's driver refuses its TLS settings, so there is no TLS mode to carry over; set "
                "libpq_options::sslmode to choose one");
  if (plan.sslmode.empty()) plan.sslmode = "require";
  if (has_nul(plan.sslmode) || has_nul(options.hostaddr) || has_nul(options.host))
    return fail(errc::unrepresentable_value, 0, "libpq cannot carry a NUL byte");
  if (c.iam && !options.drop_unknown)
    return fail(errc::unrepresentable_value, 0,
                "libpq has no IAM authentication: get temporary credentials (GetCredentials or "
                "GetClusterCredentials), pass them as user and password, and set drop_unknown");
  setting_spellings spellings(c);
  for (const property& p : c.properties) {
    property_translation t = libpq_property_of(c, p, options, spellings);
    if (t.what == property_translation::verdict::refuse)
      return fail(errc::unrepresentable_value, p.offset, t.reason);
    if (t.what != property_translation::verdict::write) continue;
    if (has_nul(t.value))
      return fail(errc::unrepresentable_value, p.value_offset, "libpq cannot carry a NUL byte");
    plan.property_bytes += t.key.size() + 3 * t.value.size() + redacted.size() + 4;
    if (t.key == libpq_user_name) plan.user = &p;
    if (t.key == libpq_password_name) plan.password = &p;
  }
  if (!options.host.empty()) {
    if (c.hosts.size() > 1)
      return fail(errc::unrepresentable_value, 0,
                  "a host override replaces one host; the connection has several");
    if (options.host.find(',') != std::string_view::npos)
      return fail(errc::unrepresentable_value, 0, "a host override is one host name (libpq splits on ',')");
    plan.single_port = c.hosts.empty() ? port::default_number : c.hosts.front().port;
  } else {
    if (c.hosts.empty())
      return fail(errc::missing_required_field, 0, "a libpq connection string needs a host");
    for (const address& a : c.hosts) {
      if (a.host.find(',') != std::string::npos || has_nul(a.host))
        return fail(errc::unrepresentable_value, a.offset,
                    "libpq cannot carry a host name with ',' or a NUL byte");
    }
    plan.single_port = c.hosts.front().port;
    for (const address& a : c.hosts)
      if (a.port != plan.single_port) plan.one_port = false;
  }
  for (const address& a : c.hosts)
    if (a.port < 1 || a.port > 65535)
      return fail(errc::invalid_port, a.port_offset, "libpq carries only ports 1-65535");
  if (plan.single_port < 1 || plan.single_port > 65535)
    return fail(errc::invalid_port, 0, "libpq carries only ports 1-65535");
  if (!options.hostaddr.empty()) {
    std::size_t addresses = 1;
    for (char ch : options.hostaddr) addresses += ch == ',';
    std::size_t hosts = options.host.empty() ? c.hosts.size() : 1;
    if (addresses != hosts) return fail(errc::unrepresentable_value, 0, "libpq needs one hostaddr per host");
  }
  if (c.database && has_nul(*c.database))
    return fail(errc::unrepresentable_value, c.database_offset, "libpq cannot carry a NUL byte");
  return plan;
}

inline std::string_view shown_value(std::string_view value, std::string_view key, const libpq_options& options) {
  return is_secret_key(key) && !options.reveal_secrets ? redacted : value;
}

}  // namespace detail

// Writes a keyword/value conninfo that libpq reads back as `c`:
//   host=H [hostaddr=A] port=P [dbname=D] <properties in order> sslmode=M
// `port` is always written (libpq's default is 5432, Redshift's 5439). Values are single-quoted
// when empty or holding whitespace, ', \ or non-ASCII bytes, with ' and \ escaped. Property keys
// from other forms are translated (settings.hpp); one libpq has no keyword for fails with
// errc::unrepresentable_value unless options.drop_unknown. Secrets are *** unless
// options.reveal_secrets.
[[nodiscard]] inline result<std::string> to_libpq(const connection& c, const libpq_options& options = {}) {
  auto planned = detail::plan_libpq(c, options);
  if (!planned) return tl::unexpected(planned.error());
  const detail::libpq_plan& plan = *planned;

  std::size_t estimate = 64 + 2 * (options.host.size() + options.hostaddr.size() + plan.sslmode.size());
  for (const address& a : c.hosts) estimate += 2 * a.host.size() + 10;
  if (c.database) estimate += 2 * c.database->size() + 10;
  estimate += plan.property_bytes;
  std::string out;
  out.reserve(estimate);

  out += "host=";
  if (!options.host.empty()) {
    detail::append_libpq_value(out, options.host);
  } else {
    // The list is one value: quote it as a whole.
    bool quote = false;
    for (const address& a : c.hosts)
      quote = quote || detail::libpq_needs_quotes(detail::libpq_host_of(a.host));
    if (quote) out += '\'';
    for (std::size_t i = 0; i < c.hosts.size(); ++i) {
      if (i) out += ',';
      for (char ch : detail::libpq_host_of(c.hosts[i].host)) {
        if (quote && (ch == '\'' || ch == '\\')) out += '\\';
        out += ch;
      }
    }
    if (quote) out += '\'';
  }
  if (!options.hostaddr.empty()) {
    out += " hostaddr=";
    detail::append_libpq_value(out, options.hostaddr);
  }
  out += " port=";
  if (plan.one_port || !options.host.empty()) {
    detail::append_decimal(out, plan.single_port);
  } else {
    for (std::size_t i = 0; i < c.hosts.size(); ++i) {
      if (i) out += ',';
      detail::append_decimal(out, c.hosts[i].port);
    }
  }
  if (c.database) {
    out += " dbname=";
    detail::append_libpq_value(out, *c.database);
  }
  setting_spellings spellings(c);
  for (const property& p : c.properties) {
    property_translation t = detail::libpq_property_of(c, p, options, spellings);
    if (t.what != property_translation::verdict::write) continue;
    out += ' ';
    out += t.key;
    out += '=';
    detail::append_libpq_value(out, detail::shown_value(t.value, t.key, options));
  }
  out += ' ';
  out += detail::libpq_sslmode_name;
  out += '=';
  detail::append_libpq_value(out, plan.sslmode);
  return out;
}

// Writes a postgresql:// URI that libpq reads back as `c`:
//   postgresql://[user[:password]@]host:port[,host:port...]/[dbname]?[properties&]sslmode=M
// Everything but unreserved characters is percent-encoded; the user and the password (the
// last of each) go in the authority when non-empty, other properties in the query. Same
// options and failures as to_libpq.
[[nodiscard]] inline result<std::string> to_libpq_uri(const connection& c,
                                                      const libpq_options& options = {}) {
  auto planned = detail::plan_libpq(c, options);
  if (!planned) return tl::unexpected(planned.error());
  const detail::libpq_plan& plan = *planned;

  const property* user = plan.user;
  const property* password = plan.password;
  bool user_in_authority = user && !user->value.empty();
  bool password_in_authority = password && !password->value.empty();

  std::size_t estimate = 64 + 3 * (options.host.size() + options.hostaddr.size() + plan.sslmode.size());
  for (const address& a : c.hosts) estimate += 3 * a.host.size() + 10;
  if (c.database) estimate += 3 * c.database->size() + 10;
  estimate += plan.property_bytes;
  std::string out;
  out.reserve(estimate);
  out += libpq_uri_prefix;
  if (user_in_authority || password_in_authority) {
    if (user_in_authority) detail::append_libpq_percent(out, user->value);
    if (password_in_authority) {
      out += ':';
      std::string_view shown = detail::shown_value(password->value, detail::libpq_password_name, options);
      if (shown.data() == redacted.data())
        out += redacted;
      else
        detail::append_libpq_percent(out, shown);
    }
    out += '@';
  }
  auto write_host = [&](std::string_view model) {
    std::string_view h = detail::libpq_host_of(model);
    if (h.size() != model.size()) {  // an IPv6 literal
      out += '[';
      detail::append_libpq_percent(out, h, true);
      out += ']';
    } else {
      detail::append_libpq_percent(out, h);
    }
  };
  if (!options.host.empty()) {
    write_host(options.host);
    out += ':';
    detail::append_decimal(out, plan.single_port);
  } else {
    for (std::size_t i = 0; i < c.hosts.size(); ++i) {
      if (i) out += ',';
      write_host(c.hosts[i].host);
      out += ':';
      detail::append_decimal(out, c.hosts[i].port);
    }
  }
  out += '/';
  if (c.database && !c.database->empty()) detail::append_libpq_percent(out, *c.database);
  char separator = '?';
  auto parameter = [&](std::string_view key, std::string_view value, bool raw = false) {
    out += separator;
    separator = '&';
    out += key;
    out += '=';
    if (raw)
      out += value;
    else
      detail::append_libpq_percent(out, value);
  };
  if (options.host.empty() && c.hosts.size() == 1 && c.hosts.front().host.empty()) parameter(detail::libpq_host_name, "");
  if (c.database && c.database->empty()) parameter(detail::libpq_dbname_name, "");
  if (!options.hostaddr.empty()) parameter(detail::libpq_hostaddr_name, options.hostaddr);
  setting_spellings spellings(c);
  for (const property& p : c.properties) {
    property_translation t = detail::libpq_property_of(c, p, options, spellings);
    if (t.what != property_translation::verdict::write) continue;
    std::string_view key = t.key;
    // The authority holds the last user and password; earlier ones would be overridden anyway.
    if ((key == detail::libpq_user_name && user_in_authority) ||
        (key == detail::libpq_password_name && password_in_authority))
      continue;
    std::string_view shown = detail::shown_value(t.value, key, options);
    parameter(key, shown, shown.data() == redacted.data());
  }
  parameter(detail::libpq_sslmode_name, plan.sslmode);
  return out;
}

}  // namespace rsconn
