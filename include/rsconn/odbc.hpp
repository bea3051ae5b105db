// ODBC connection strings, read exactly as the Amazon Redshift ODBC driver 2.x reads them, and
// written so that the driver reads back the same connection.
//
//   Driver={Amazon Redshift ODBC Driver (x64)};Server=HOST;Port=5439;Database=dev;UID=u;PWD={p;w}
//
// The driver's parser (parseConnectionString in rsutil.c, 2.1.17; SPEC §4), which parse_odbc
// follows:
//   - ';' separate pairs; runs of ';' and blanks before a key are skipped; the empty string,
//     ";" and ";;" are valid and set nothing. Spaces are not separators: a whitespace-only
//     string is a segment without '='. Blanks and CR/LF after a pair and its ';' end the string
//     cleanly (`Server=a; `, `Server=a;\r\n`), but blanks after a ';' that follows no pair do
//     not (`; `, `Server=a; ; `, `Server=a;; `: errc::missing_equals at the blanks).
//   - A key runs to the next '=', across ';' (`Server=a;junk;Port=1` stores the key "junk;Port"
//     and loses the port). Keys are trimmed of whitespace and compared ASCII case-insensitively.
//   - A value runs to the next ';' and is trimmed, unless its first non-space byte is '{': then
//     it runs to the closing '}', `}}` stands for one '}', and the content is trimmed too
//     (`{ a }` is "a"). The driver reads a run of '}' two at a time, so an odd run closes at its
//     last '}' (`{a}}}` is "a}", `{}}}` is "}") and an even run closes nothing (`{a}}}}` is
//     unclosed). No ';' is needed after the closing brace (`Driver={x}Server=h` is two pairs).
//     CR and LF are not separators (like tabs, they are trimmed only at the ends of keys and
//     values).
//   - Failure is total: a segment with no '=' after it (errc::missing_equals), an empty key
//     (errc::empty_key) or an unclosed brace (errc::unclosed_brace, at the '{') rejects the
//     whole string (the driver silently connects with nothing set).
//   - Duplicates: the last value wins. Aliases resolve by key name, not position (see
//     odbc_alias_rank in settings.hpp): `Host=a;Server=b` and `Server=b;Host=a` both mean b.
//   - The port is read with std::stoi: leading digits count ("5439abc" is 5439), a value that
//     does not start with a number ("abc", "") or does not fit in an int throws in the driver,
//     and the connection fails: rsconn rejects it (errc::invalid_port at the value). A negative
//     port becomes 0 in the model (validate reports it). No port: Redshift's 5439.
//   - Booleans (IAM, Serverless, ...): only "1" and "true" (any case) are true.
//   - A NUL byte is refused (errc::invalid_character): the driver reads C strings.
//
// `parse_odbc` does not allocate: the view refers into the caller's string, which must outlive
// it. `to_connection` makes the owning model; its properties are every pair as written, in
// order, duplicates kept, values decoded (braces removed, `}}` unescaped).
#pragma once

#include <climits>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "rsconn/connection.hpp"
#include "rsconn/detail/ascii.hpp"
#include "rsconn/detail/decimal.hpp"
#include "rsconn/detail/encoded_text.hpp"
#include "rsconn/error.hpp"
#include "rsconn/host.hpp"
#include "rsconn/port.hpp"
#include "rsconn/properties.hpp"
#include "rsconn/settings.hpp"
#include "rsconn/translate.hpp"

namespace rsconn {

// The driver names to put in Driver={...}: 2.x (current) and 1.x (legacy, still shown in the
// Serverless docs; "Amazon Redshift (x86)" for the 32-bit one).
inline constexpr std::string_view odbc_driver_2x = "Amazon Redshift ODBC Driver (x64)";
inline constexpr std::string_view odbc_driver_1x = "Amazon Redshift (x64)";

namespace detail {

// The bytes the driver trims around keys and values (C's isspace in the "C" locale).
constexpr bool is_odbc_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

}  // namespace detail

// A value as written: the content between the braces (trimmed) of a braced value, or the
// trimmed text of a plain one.
class odbc_value {
 public:
  constexpr odbc_value() noexcept = default;
  constexpr odbc_value(std::string_view raw, bool braced, std::size_t offset) noexcept
      : raw_(raw), offset_(offset), braced_(braced) {}

  [[nodiscard]] constexpr std::string_view raw() const noexcept { return raw_; }
  [[nodiscard]] constexpr bool braced() const noexcept { return braced_; }
  // Where the (trimmed) content starts in the input.
  [[nodiscard]] constexpr std::size_t offset() const noexcept { return offset_; }
  // Whether decoding changes the text (a braced value with "}}").
  [[nodiscard]] constexpr bool needs_decoding() const noexcept {
    return braced_ && raw_.find('}') != std::string_view::npos;
  }
  void append_decoded(std::string& out) const {
    if (!needs_decoding()) {
      out.append(raw_);
      return;
    }
    for (std::size_t i = 0; i < raw_.size(); ++i) {
      out += raw_[i];
      if (raw_[i] == '}') ++i;  // "}}" is one '}' (the parser saw only even runs)
    }
  }
  [[nodiscard]] std::string decoded() const {
    std::string out;
    out.reserve(raw_.size());
    append_decoded(out);
    return out;
  }
  // Whether the decoded value equals an ASCII text, ignoring case, without allocating.
  [[nodiscard]] constexpr bool iequals(std::string_view ascii) const noexcept {
    if (!needs_decoding()) return detail::iequals(raw_, ascii);
    std::size_t j = 0;
    for (std::size_t i = 0; i < raw_.size(); ++i, ++j) {
      if (j >= ascii.size() || detail::to_lower(raw_[i]) != detail::to_lower(ascii[j])) return false;
      if (raw_[i] == '}') ++i;
    }
    return j == ascii.size();
  }
  // The driver's boolean: only "1" and "true" (any case) are true.
  [[nodiscard]] constexpr bool is_true() const noexcept { return iequals("1") || iequals("true"); }

 private:
  std::string_view raw_;
  std::size_t offset_ = 0;
  bool braced_ = false;
};

struct odbc_pair {
  std::string_view key;  // as written, trimmed (case kept; may hold ';', see above)
  odbc_value value;
  std::size_t offset = 0;  // of the key in the input
};

namespace detail {

enum class odbc_scan : unsigned char { pair, end, missing_equals, blank_tail, empty_key, unclosed_brace };

// After a value the driver skips blanks, one ';' and blanks again (parseConnectionString,
// rsutil.c), so that blanks and CR/LF after a pair's last ';' end the string cleanly.
constexpr void skip_odbc_pair_end(std::string_view text, std::size_t& pos) noexcept {
  while (pos < text.size() && is_odbc_space(text[pos])) ++pos;
  if (pos < text.size() && text[pos] == ';') ++pos;
  while (pos < text.size() && is_odbc_space(text[pos])) ++pos;
}

// Reads the pair that starts at `pos` and moves `pos` past it, as parseConnectionString does.
// Before a key its loop skips blanks, then a ';' sends it back to the top: runs of blanks and
// ';' vanish, but blanks that reach the end there leave it with an empty key, and the whole
// string fails (`; `, `Server=a; ; `), while the same blanks right after a pair do not
// (`Server=a; `): see skip_odbc_pair_end.
constexpr odbc_scan scan_odbc_pair(std::string_view text, std::size_t& pos, odbc_pair& out,
                                   std::size_t& error_at) noexcept {
  while (true) {
    if (pos >= text.size()) return odbc_scan::end;
    std::size_t blanks = pos;
    while (pos < text.size() && is_odbc_space(text[pos])) ++pos;
    if (pos >= text.size()) {
      error_at = blanks;
      return odbc_scan::blank_tail;
    }
    if (text[pos] != ';') break;
    ++pos;
  }
  std::size_t start = pos;  // neither a blank nor ';'
  std::size_t equals = text.find('=', pos);
  if (equals == std::string_view::npos) {
    error_at = start;
    return odbc_scan::missing_equals;
  }
  if (equals == start) {
    error_at = start;
    return odbc_scan::empty_key;
  }
  std::size_t key_end = equals;
  while (is_odbc_space(text[key_end - 1])) --key_end;  // stops at text[start], no blank
  out.key = text.substr(start, key_end - start);
  out.offset = start;

  std::size_t at = equals + 1;
  while (at < text.size() && is_odbc_space(text[at])) ++at;
  if (at < text.size() && text[at] == '{') {
    // Inside braces the driver reads "}}" as an escaped '}' and any other '}' as the close: in
    // a run of '}', pairs go first, so an odd run closes at its last '}' (`{a}}}` is "a}") and
    // an even one closes nothing (`{a}}`, `{a}}}}` are unclosed).
    std::size_t open = at;
    std::size_t close = open + 1;
    while (true) {
      close = text.find('}', close);
      if (close == std::string_view::npos) {
        error_at = open;
        return odbc_scan::unclosed_brace;
      }
      std::size_t run_end = close;
      while (run_end < text.size() && text[run_end] == '}') ++run_end;
      if ((run_end - close) % 2 == 1) {
        close = run_end - 1;
        break;
      }
      close = run_end;
    }
    std::size_t b = open + 1;
    std::size_t e = close;
    while (b < e && is_odbc_space(text[b])) ++b;
    while (e > b && is_odbc_space(text[e - 1])) --e;
    out.value = odbc_value(text.substr(b, e - b), true, b);
    pos = close + 1;
    skip_odbc_pair_end(text, pos);
    return odbc_scan::pair;
  }
  std::size_t end = text.find(';', at);
  if (end == std::string_view::npos) end = text.size();
  std::size_t e = end;
  while (e > at && is_odbc_space(text[e - 1])) --e;
  out.value = odbc_value(text.substr(at, e - at), false, at);
  pos = end;
  skip_odbc_pair_end(text, pos);
  return odbc_scan::pair;
}

// std::stoi as the driver applies it to the port: leading whitespace, an optional sign, at
// least one digit, then anything; the value must fit in an int. Returns false where stoi throws.
constexpr bool odbc_stoi(std::string_view text, long long& value) noexcept {
  std::size_t i = 0;
  while (i < text.size() && is_odbc_space(text[i])) ++i;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  if (i >= text.size() || !is_digit(text[i])) return false;
  long long n = 0;
  for (; i < text.size() && is_digit(text[i]); ++i) {
    n = n * 10 + (text[i] - '0');
    if (n > static_cast<long long>(INT_MAX) + 1) return false;
  }
  n = negative ? -n : n;
  if (n > INT_MAX || n < INT_MIN) return false;
  value = n;
  return true;
}

// The keys parse_odbc interprets. For the spellings of host, port, database, user and password,
// `rank` is the spelling's rank among its setting's spellings (odbc_alias_rank). The table is
// built at compile time from the catalogue's ODBC names and indexed by key length, so one
// lookup is a length index and one or two comparisons, where find_option would hash every
// pair's key. tests/unit/odbc.cpp checks that it agrees with odbc_alias_rank and setting_of.
enum class odbc_key : unsigned char {
  other,
  host,
  port,
  database,
  user,
  password,
  driver,
  dsn,
  iam,
  cluster_id,
  region,
  workgroup,
  serverless
};
struct odbc_key_rank {
  odbc_key key = odbc_key::other;
  int rank = 0;
};

struct odbc_interpreted_option {
  odbc_key key;
  std::string_view id;  // the catalogue row
  bool ranked;          // its spellings outrank each other (odbc_alias_rank)
};
inline constexpr odbc_interpreted_option odbc_interpreted_options[] = {
    {odbc_key::host, "host", true},          {odbc_key::port, "port", true},
    {odbc_key::database, "database", true},  {odbc_key::user, "user", true},
    {odbc_key::password, "password", true},  {odbc_key::driver, "driver", false},
    {odbc_key::dsn, "dsn", false},           {odbc_key::iam, "iam", false},
    {odbc_key::cluster_id, "cluster_id", false}, {odbc_key::region, "region", false},
    {odbc_key::workgroup, "workgroup", false},   {odbc_key::serverless, "is_serverless", false},
};

struct odbc_key_entry {
  std::string_view name;
  odbc_key_rank kind;
};
constexpr std::size_t count_odbc_interpreted_names() noexcept {
  std::size_t n = 0;
  for (const odbc_interpreted_option& o : odbc_interpreted_options) n += bar_list((*option_by_id(o.id)).odbc.names).size();
  return n;
}
inline constexpr std::size_t odbc_longest_interpreted_key = 16;
struct odbc_key_table {
  odbc_key_entry entries[count_odbc_interpreted_names()] = {};
  std::size_t start[odbc_longest_interpreted_key + 2] = {};  // entries of length n: [start[n], start[n+1])
};
constexpr odbc_key_table build_odbc_key_table() noexcept {
  odbc_key_table t;
  std::size_t n = 0;
  for (std::size_t length = 0; length <= odbc_longest_interpreted_key; ++length) {
    t.start[length] = n;
    for (const odbc_interpreted_option& o : odbc_interpreted_options) {
      bar_list names((*option_by_id(o.id)).odbc.names);
      for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i].size() == length) {
          // The first spelling wins (rank = how many it outranks, plus one), as odbc_alias_rank.
          int rank = o.ranked ? static_cast<int>(names.size() - i) : (o.key == odbc_key::driver || o.key == odbc_key::dsn ? 1 : 0);
          t.entries[n++] = {names[i], {o.key, rank}};
        }
    }
  }
  t.start[odbc_longest_interpreted_key + 1] = n;
  return t;
}
inline constexpr odbc_key_table odbc_keys = build_odbc_key_table();
static_assert(odbc_keys.start[odbc_longest_interpreted_key + 1] == std::size(odbc_keys.entries),
              "an interpreted ODBC key is longer than odbc_longest_interpreted_key");

constexpr odbc_key_rank classify_odbc_key(std::string_view k) noexcept {
  if (k.size() > odbc_longest_interpreted_key) return {};
  for (std::size_t i = odbc_keys.start[k.size()]; i < odbc_keys.start[k.size() + 1]; ++i)
    if (iequals(k, odbc_keys.entries[i].name)) return odbc_keys.entries[i].kind;
  return {};
}

}  // namespace detail

// The pairs of a parsed string, in order, duplicates included.
class odbc_pair_range {
 public:
  class iterator {
   public:
    using value_type = odbc_pair;
    constexpr iterator() noexcept = default;
    constexpr explicit iterator(std::string_view text) noexcept : text_(text), position_(0) { advance(); }
    constexpr const odbc_pair& operator*() const noexcept { return current_; }
    constexpr const odbc_pair* operator->() const noexcept { return &current_; }
    constexpr iterator& operator++() noexcept {
      advance();
      return *this;
    }
    friend constexpr bool operator==(const iterator& a, const iterator& b) noexcept {
      return a.position_ == b.position_;
    }
    friend constexpr bool operator!=(const iterator& a, const iterator& b) noexcept { return !(a == b); }

   private:
    static constexpr std::size_t finished = static_cast<std::size_t>(-1);
    constexpr void advance() noexcept {
      std::size_t error_at = 0;
      // The string was checked when parsed: every scan finds a pair or the end.
      if (position_ == finished || detail::scan_odbc_pair(text_, position_, current_, error_at) != detail::odbc_scan::pair)
        position_ = finished;
    }
    std::string_view text_;
    std::size_t position_ = finished;
    odbc_pair current_{};
  };

  constexpr odbc_pair_range() noexcept = default;
  constexpr explicit odbc_pair_range(std::string_view text) noexcept : text_(text) {}
  [[nodiscard]] constexpr iterator begin() const noexcept { return iterator(text_); }
  [[nodiscard]] constexpr iterator end() const noexcept { return iterator(); }

 private:
  std::string_view text_;
};

// A parsed ODBC connection string: views into the caller's string, the pairs the driver uses
// for each setting (after its duplicate and alias rules), and the effective fields.
class odbc_view {
 public:
  [[nodiscard]] constexpr std::string_view text() const noexcept { return text_; }
  [[nodiscard]] constexpr odbc_pair_range pairs() const noexcept { return odbc_pair_range(text_); }
  [[nodiscard]] constexpr std::size_t size() const noexcept { return count_; }
  [[nodiscard]] constexpr bool empty() const noexcept { return count_ == 0; }

  // The pair the driver takes for each setting, or nullptr when none is given.
  [[nodiscard]] constexpr const odbc_pair* host() const noexcept { return get(host_); }
  [[nodiscard]] constexpr const odbc_pair* port_pair() const noexcept { return get(port_); }
  [[nodiscard]] constexpr const odbc_pair* database() const noexcept { return get(database_); }
  [[nodiscard]] constexpr const odbc_pair* user() const noexcept { return get(user_); }
  [[nodiscard]] constexpr const odbc_pair* password() const noexcept { return get(password_); }
  [[nodiscard]] constexpr const odbc_pair* driver() const noexcept { return get(driver_); }
  [[nodiscard]] constexpr const odbc_pair* dsn() const noexcept { return get(dsn_); }
  // The port as std::stoi read it (5439 when none is given; a negative number is 0).
  [[nodiscard]] constexpr std::uint32_t port() const noexcept { return port_number_; }
  // IAM=1 or IAM=true (the last IAM pair).
  [[nodiscard]] constexpr bool iam() const noexcept { return iam_; }
  // What the host says about itself. The effective fields are views of the values as written;
  // one holding "}}" is decoded only by to_connection.
  [[nodiscard]] constexpr const host_parts& host_info() const noexcept { return host_parts_; }
  [[nodiscard]] constexpr const effective_fields& effective() const noexcept { return effective_; }
  [[nodiscard]] constexpr target_kind target() const noexcept { return effective_.target; }
  [[nodiscard]] constexpr bool legacy_iam() const noexcept { return effective_.legacy_iam; }
  // The last pair with this key (ASCII case-insensitive), or an absent pair (empty key).
  [[nodiscard]] constexpr odbc_pair find(std::string_view key) const noexcept {
    odbc_pair found;
    for (const odbc_pair& p : pairs())
      if (detail::iequals(p.key, key)) found = p;
    return found;
  }

 private:
  friend constexpr result<odbc_view> parse_odbc(std::string_view text) noexcept;
  struct slot {
    odbc_pair pair;
    int rank = 0;  // 0: absent
  };
  static constexpr const odbc_pair* get(const slot& s) noexcept { return s.rank ? &s.pair : nullptr; }

  std::string_view text_;
  std::size_t count_ = 0;
  slot host_, port_, database_, user_, password_, driver_, dsn_;
  std::uint32_t port_number_ = port::default_number;
  bool iam_ = false;
  host_parts host_parts_;
  effective_fields effective_;
};

// Parses an ODBC connection string as the Redshift ODBC driver 2.x does (see the top of this
// file). Never allocates; the view refers into `text`.
[[nodiscard]] constexpr result<odbc_view> parse_odbc(std::string_view text) noexcept {
  if (text.size() > max_input_length) return fail(errc::input_too_long, max_input_length);
  if (std::size_t nul = text.find('\0'); nul != std::string_view::npos)
    return fail(errc::invalid_character, nul, "an ODBC connection string cannot hold a NUL byte; the driver stops reading there");
  odbc_view view;
  view.text_ = text;
  explicit_settings given;
  odbc_value iam_value;
  odbc_value serverless_value;
  bool serverless_given = false;
  std::size_t pos = 0;
  while (true) {
    odbc_pair p;
    std::size_t error_at = 0;
    detail::odbc_scan scan = detail::scan_odbc_pair(text, pos, p, error_at);
    if (scan == detail::odbc_scan::end) break;
    switch (scan) {
      case detail::odbc_scan::missing_equals:
        return fail(errc::missing_equals, error_at,
                    "this text has no '=' after it; the driver then ignores the whole connection string");
      case detail::odbc_scan::blank_tail:
        return fail(errc::missing_equals, error_at,
                    "these blanks end the string after a ';' that closes no setting; the driver reads them as a key "
                    "without '=' and ignores the whole connection string");
      case detail::odbc_scan::empty_key:
        return fail(errc::empty_key, error_at, "a setting has an empty key before '='; the driver then ignores the whole connection string");
      case detail::odbc_scan::unclosed_brace:
        return fail(errc::unclosed_brace, error_at,
                    "this '{' has no closing '}' (inside braces \"}}\" is an escaped '}', so an even run of '}' "
                    "closes nothing)");
      default: break;
    }
    ++view.count_;
    // Among a setting's spellings the highest rank wins; among equal keys, the last.
    auto keep = [&p](odbc_view::slot& s, int rank) {
      if (rank >= s.rank) s = {p, rank};
    };
    detail::odbc_key_rank k = detail::classify_odbc_key(p.key);
    switch (k.key) {
      case detail::odbc_key::host: keep(view.host_, k.rank); break;
      case detail::odbc_key::port: keep(view.port_, k.rank); break;
      case detail::odbc_key::database: keep(view.database_, k.rank); break;
      case detail::odbc_key::user: keep(view.user_, k.rank); break;
      case detail::odbc_key::password: keep(view.password_, k.rank); break;
      case detail::odbc_key::driver: keep(view.driver_, 1); break;
      case detail::odbc_key::dsn: keep(view.dsn_, 1); break;
      case detail::odbc_key::iam: iam_value = p.value; break;
      case detail::odbc_key::cluster_id: given.cluster_id = encoded_text(p.value.raw(), text_encoding::plain); break;
      case detail::odbc_key::region: given.region = encoded_text(p.value.raw(), text_encoding::plain); break;
      case detail::odbc_key::workgroup: given.workgroup = encoded_text(p.value.raw(), text_encoding::plain); break;
      case detail::odbc_key::serverless:
        serverless_value = p.value;
        serverless_given = true;
        break;
      case detail::odbc_key::other: break;
    }
  }
  if (const odbc_pair* port_pair = view.port_pair()) {
    long long number = 0;
    if (!detail::odbc_stoi(port_pair->value.raw(), number))
      return fail(errc::invalid_port, port_pair->value.offset(),
                  "the driver reads the port with std::stoi, which fails on a value that does not start with a "
                  "number or does not fit in an int; the connection then fails");
    view.port_number_ = number < 0 ? 0 : static_cast<std::uint32_t>(number);
  }
  view.iam_ = iam_value.is_true();
  if (serverless_given)
    given.is_serverless = encoded_text(serverless_value.is_true() ? "true" : "false", text_encoding::plain);
  if (const odbc_pair* host = view.host()) view.host_parts_ = classify_host(host->value.raw());
  view.effective_ = resolve(view.host_parts_, given, view.iam_);
  return view;
}

result<odbc_view> parse_odbc(std::string&&) = delete;
[[nodiscard]] constexpr result<odbc_view> parse_odbc(const char* text) noexcept {
  return parse_odbc(std::string_view(text));
}

// Whether `text` looks like an ODBC connection string (for detect_form). Its first key, before
// '=', is a plain word (letters, digits, '_', '.', '-': no host or URL has '=' there), and either
// names a setting some form knows (Driver, DSN, Server, UID, Profile, DbGroups, ...: ODBC keys
// come in any order) or the string goes on with ';', ODBC's separator, which keeps keys the
// driver merely passes on (`compression=off;Server=h`) from being read as a host.
[[nodiscard]] constexpr bool looks_like_odbc(std::string_view text) noexcept {
  std::size_t start = 0;
  while (start < text.size() && (text[start] == ';' || detail::is_odbc_space(text[start]))) ++start;
  std::size_t equals = text.find('=', start);
  if (equals == std::string_view::npos) return false;
  std::size_t end = equals;
  while (end > start && detail::is_odbc_space(text[end - 1])) --end;
  std::string_view key = text.substr(start, end - start);
  if (key.empty()) return false;
  for (char c : key)
    if (!detail::is_alnum(c) && c != '_' && c != '.' && c != '-') return false;
  if (odbc_alias_rank(key) != 0 || setting_of(key) != setting::unknown) return true;
  // A key only the ODBC driver (or its driver manager) knows.
  if (find_option(driver::odbc, key) && !find_option_ignoring_case(driver::jdbc, key) &&
      !find_option_ignoring_case(driver::libpq, key))
    return true;
  for (std::string_view k : odbc_driver_manager_keys)
    if (detail::iequals(key, k)) return true;
  return text.find(';', equals) != std::string_view::npos;
}

namespace detail {

// Whether the driver's tokenizer (parseConnectionString) reads all of `text` as pairs, whatever
// their keys; the port and every other value are not looked at.
[[nodiscard]] constexpr bool odbc_tokenizes(std::string_view text) noexcept {
  std::size_t pos = 0;
  odbc_pair pair;
  std::size_t error_at = 0;
  while (true) {
    switch (scan_odbc_pair(text, pos, pair, error_at)) {
      case odbc_scan::pair: continue;
      case odbc_scan::end: return true;
      default: return false;
    }
  }
}

// The owning model's effective fields, from decoded values (the view's are raw). `explicit_pairs`
// holds the last ClusterId, Region, Workgroup and Serverless pairs (an empty key: none).
struct odbc_explicit_pairs {
  odbc_pair cluster_id, region, workgroup, serverless;
  constexpr void note(const odbc_pair& p) noexcept {
    switch (classify_odbc_key(p.key).key) {
      case odbc_key::cluster_id: cluster_id = p; break;
      case odbc_key::region: region = p; break;
      case odbc_key::workgroup: workgroup = p; break;
      case odbc_key::serverless: serverless = p; break;
      default: break;
    }
  }
};

inline void resolve_odbc_fields(connection& c, const odbc_explicit_pairs& pairs) {
  auto decoded = [](const odbc_pair& p) -> std::optional<std::string> {
    if (p.key.empty()) return std::nullopt;
    return p.value.decoded();
  };
  std::optional<std::string> cluster = decoded(pairs.cluster_id);
  std::optional<std::string> region_text = decoded(pairs.region);
  std::optional<std::string> workgroup = decoded(pairs.workgroup);
  auto plain = [](const std::optional<std::string>& s) {
    return s ? encoded_text(*s, text_encoding::plain) : encoded_text{};
  };
  explicit_settings given;
  given.cluster_id = plain(cluster);
  given.region = plain(region_text);
  given.workgroup = plain(workgroup);
  if (!pairs.serverless.key.empty())
    given.is_serverless = encoded_text(pairs.serverless.value.is_true() ? "true" : "false", text_encoding::plain);
  host_parts host = c.hosts.empty() ? host_parts{} : classify_host(c.hosts.front().host);
  effective_fields eff = resolve(host, given, c.iam);
  assign_effective(c, eff);  // ODBC's settings are plain text: decoding is a copy
}

}  // namespace detail

// The owning model: the host, port and database the driver uses (after its alias rules), the
// effective fields, and every pair as a property (as written, in order, duplicates kept).
[[nodiscard]] inline connection to_connection(const odbc_view& view) {
  connection c;
  c.form = source_form::odbc;
  c.iam = view.iam();
  if (const odbc_pair* host = view.host()) {
    const odbc_pair* port_pair = view.port_pair();
    c.hosts.push_back({host->value.decoded(), view.port(), host->value.offset(), port_pair ? port_pair->value.offset() : 0});
  }
  if (const odbc_pair* db = view.database()) {
    c.database = db->value.decoded();
    c.database_offset = db->value.offset();
  }
  c.properties.reserve(view.size());
  detail::odbc_explicit_pairs explicit_pairs;  // gathered in the same pass as the properties
  for (const odbc_pair& p : view.pairs()) {
    property prop{std::string(p.key), p.value.decoded()};
    prop.offset = p.offset;
    prop.value_offset = p.value.offset();
    c.properties.push_back(std::move(prop));
    explicit_pairs.note(p);
  }
  detail::resolve_odbc_fields(c, explicit_pairs);
  return c;
}

// Parse and own in one step.
[[nodiscard]] inline result<connection> parse_odbc_connection(std::string_view text) {
  return parse_odbc(text).map([](const odbc_view& view) { return to_connection(view); });
}

struct odbc_options {
  std::string_view driver = odbc_driver_2x;  // written as Driver=...; empty: no Driver key
  bool reveal_secrets = false;               // otherwise secret values are written as ***
  // From another driver's form: what to do with a property the ODBC driver cannot carry
  // (rsconn/translate.hpp). Within ODBC every key stays as written.
  unknown_keys unknown = unknown_keys::refuse;
};

namespace detail {

enum class odbc_value_style : unsigned char { plain, braced, impossible };

// How a value must be written for the driver to read it back unchanged. Braced: any value
// holding ';', '{', '}', '=' or one of [](),?*!@ (the safe rule of MS-ODBCSTR, which driver
// managers rely on), each '}' doubled: the driver reads a run of '}' two at a time and closes
// at the odd one out, so even a value ending in '}' reads back (`{a}}}` is "a}"). Impossible: a
// NUL byte, and leading or trailing whitespace (trimmed both in and out of braces).
constexpr odbc_value_style odbc_style_of(std::string_view value) noexcept {
  if (value.find('\0') != std::string_view::npos) return odbc_value_style::impossible;
  if (value.empty()) return odbc_value_style::plain;
  if (is_odbc_space(value.front()) || is_odbc_space(value.back())) return odbc_value_style::impossible;
  if (value.find_first_of(";{}=[](),?*!@") == std::string_view::npos) return odbc_value_style::plain;
  return odbc_value_style::braced;
}

// A key the driver reads back as written: not empty, no '=' or NUL, no edge whitespace, and no
// leading ';' (which would be skipped as a separator).
constexpr bool odbc_key_is_writable(std::string_view key) noexcept {
  return !key.empty() && key.find('=') == std::string_view::npos && key.find('\0') == std::string_view::npos &&
         key.front() != ';' && !is_odbc_space(key.front()) && !is_odbc_space(key.back());
}

inline void append_odbc_value(std::string& out, std::string_view value, odbc_value_style style) {
  if (style != odbc_value_style::braced) {
    out += value;
    return;
  }
  out += '{';
  for (char ch : value) {
    out += ch;
    if (ch == '}') out += '}';
  }
  out += '}';
}

// At most five settings the properties do not carry but the model needs.
struct odbc_extra {
  std::string_view key;
  std::string_view value;
};
struct odbc_extras {
  odbc_extra items[5]{};
  std::size_t count = 0;
  void push_back(const odbc_extra& e) noexcept { items[count++] = e; }
  [[nodiscard]] const odbc_extra* begin() const noexcept { return items; }
  [[nodiscard]] const odbc_extra* end() const noexcept { return items + count; }
};

// How a property is written: under its own key from an ODBC string (but the host, port,
// database and driver, which are written from the model's fields); translated from another
// driver's form (rsconn/translate.hpp; TLS is written from its mode instead).
inline property_translation odbc_property_of(const connection& c, const property& p, unknown_keys policy,
                                             const setting_spellings& spellings) noexcept {
  driver from = driver_of(c.form);
  if (from != driver::odbc) return translate_property(p, from, driver::odbc, policy, spellings);
  property_translation t;
  t.key = p.key;
  t.value = p.value;
  option_match m = find_option(driver::odbc, p.key);
  t.option = m.option;
  // Only the driver's own spellings are structural ("dbname" means nothing to it).
  if (m && is_structural(setting_of(m.option))) t.what = property_translation::verdict::skip;
  return t;
}

// What the driver would derive from the written properties, and the explicit keys that make it
// derive the model's fields.
inline result<void> plan_odbc_extras(const connection& c, odbc_extras& extra, unknown_keys policy) {
  setting_spellings spellings(c);
  explicit_settings given;
  bool iam = false;
  for (const property& p : c.properties) {
    property_translation t = odbc_property_of(c, p, policy, spellings);
    if (t.what != property_translation::verdict::write) continue;
    option_ref o = find_option(driver::odbc, t.key).option;
    encoded_text value(t.value, text_encoding::plain);
    switch (setting_of(o)) {
      case setting::cluster_id: given.cluster_id = value; break;
      case setting::region: given.region = value; break;
      case setting::workgroup: given.workgroup = value; break;
      case setting::is_serverless:
        given.is_serverless = encoded_text(reads_as_true(driver::odbc, *o, t.value) ? "true" : "false", text_encoding::plain);
        break;
      case setting::iam: iam = reads_as_true(driver::odbc, *o, t.value); break;
      default: break;
    }
  }
  if (c.iam != iam) {
    if (!c.iam)
      return fail(errc::unrepresentable_value, 0, "an IAM property says true while the connection does not use IAM");
    extra.push_back({name_of(setting::iam, driver::odbc), "1"});
  }
  host_parts host = c.first_host();
  effective_fields derived = resolve(host, given, c.iam);
  auto differs = [](const encoded_text& have, const std::optional<std::string>& want) {
    return want && (!have || have.raw() != *want);
  };
  if (differs(derived.cluster_id, c.cluster_id)) {
    extra.push_back({name_of(setting::cluster_id, driver::odbc), *c.cluster_id});
    given.cluster_id = encoded_text(*c.cluster_id, text_encoding::plain);
  }
  if (differs(derived.region, c.region)) {
    extra.push_back({name_of(setting::region, driver::odbc), *c.region});
    given.region = encoded_text(*c.region, text_encoding::plain);
  }
  if (differs(derived.workgroup, c.workgroup)) {
    extra.push_back({name_of(setting::workgroup, driver::odbc), *c.workgroup});
    given.workgroup = encoded_text(*c.workgroup, text_encoding::plain);
  }
  if (differs(derived.account_id, c.account_id))
    return fail(errc::unrepresentable_value, 0,
                "the ODBC driver has no setting for a Serverless account id, and the host does not name this one");
  derived = resolve(host, given, c.iam);
  if (c.target == target_kind::serverless && derived.target != target_kind::serverless) {
    extra.push_back({name_of(setting::is_serverless, driver::odbc), "1"});
    given.is_serverless = encoded_text("true", text_encoding::plain);
    derived = resolve(host, given, c.iam);
  }
  if (derived.target != c.target || derived.legacy_iam != c.legacy_iam)
    return fail(errc::unrepresentable_value, 0,
                "the ODBC driver would not derive this connection's target from the settings ODBC can express");
  return {};
}

}  // namespace detail

// Writes an ODBC connection string that the Redshift ODBC driver 2.x reads back as `c`:
// Driver, Server, Port and Database from the model, then the properties under their ODBC names
// (settings ODBC has no key for are left out), then the explicit keys the host does not imply
// (Workgroup, ClusterId, Region, Serverless=1, IAM=1). A value is braced exactly when it needs
// it (see odbc_style_of); secrets are written as *** unless options.reveal_secrets. Fails
// (errc::unrepresentable_value, with the reason) rather than write a value the driver would
// read differently or not at all. One allocation: the output, reserved once.
[[nodiscard]] inline result<std::string> to_odbc(const connection& c, const odbc_options& options = {}) {
  if (c.hosts.size() > 1)
    return fail(errc::unrepresentable_value, 0, "an ODBC connection string carries exactly one host");
  detail::odbc_extras extra;
  if (auto planned = detail::plan_odbc_extras(c, extra, options.unknown); !planned) return tl::unexpected(planned.error());
  setting_spellings spellings(c);

  auto shown = [&options](std::string_view key, const property* p, std::string_view value) {
    bool secret = is_secret_key(key) || (p && p->secret());
    return secret && !options.reveal_secrets ? redacted : value;
  };
  // Check everything, and bound the output, before the one allocation.
  std::size_t estimate = 0;
  auto bound = [](std::string_view key, std::string_view value) { return key.size() + 2 * value.size() + 4; };
  auto check = [](std::string_view value, const char* what) -> result<void> {
    if (detail::odbc_style_of(value) == detail::odbc_value_style::impossible)
      return fail(errc::unrepresentable_value, 0, what);
    return {};
  };
  if (!options.driver.empty()) {
    if (auto ok = check(options.driver, "the driver name cannot be written for the Redshift ODBC driver"); !ok)
      return tl::unexpected(ok.error());
    estimate += bound(name_of(setting::driver, driver::odbc), options.driver);
  }
  if (!c.hosts.empty()) {
    const address& a = c.hosts.front();
    if (auto ok = check(a.host, "the host has edge whitespace or a NUL byte, which the Redshift ODBC driver cannot read back"); !ok)
      return tl::unexpected(ok.error());
    if (a.port > static_cast<std::uint32_t>(INT_MAX))
      return fail(errc::invalid_port, 0, "the ODBC driver reads the port as an int; this one does not fit");
    estimate += bound(name_of(setting::host, driver::odbc), a.host) + bound(name_of(setting::port, driver::odbc), "") + 12;
  }
  if (c.database) {
    if (auto ok = check(*c.database,
                        "the database name has edge whitespace or a NUL byte, which the Redshift ODBC driver cannot "
                        "read back");
        !ok)
      return tl::unexpected(ok.error());
    estimate += bound(name_of(setting::database, driver::odbc), *c.database);
  }
  for (const property& p : c.properties) {
    property_translation t = detail::odbc_property_of(c, p, options.unknown, spellings);
    if (t.what == property_translation::verdict::refuse)
      return fail(errc::unrepresentable_value, p.offset, t.reason);
    if (t.what != property_translation::verdict::write) continue;
    if (!detail::odbc_key_is_writable(t.key))
      return fail(errc::unrepresentable_value, p.offset,
                  "a property key is empty, holds '=' or a NUL byte, starts with ';' or has edge whitespace, which "
                  "an ODBC connection string cannot carry");
    // Checked even when redacted, so that both succeed alike.
    if (auto ok = check(t.value,
                        "a property value has edge whitespace (the Redshift ODBC driver trims it, braces or not) or "
                        "a NUL byte");
        !ok)
      return fail(errc::unrepresentable_value, p.value_offset, ok.error().detail);
    estimate += bound(t.key, shown(t.key, &p, t.value));
  }
  // From another driver's form, TLS is written from the mode that driver uses.
  tls_spelling tls{};
  if (driver_of(c.form) != driver::odbc) {
    tls_reading source = effective_tls(c);
    if (source.refused)
      return fail(errc::unrepresentable_value, source.offset,
                  "the source's driver refuses its TLS settings, so there is no TLS mode to carry over");
    tls = spell_tls(driver::odbc, source.mode, source.stated);
    estimate += bound(tls.key, tls.value);
  }
  for (const detail::odbc_extra& e : extra) {
    if (auto ok = check(e.value, "an explicit ClusterId, Region or Workgroup cannot be written for the ODBC driver"); !ok)
      return tl::unexpected(ok.error());
    estimate += bound(e.key, e.value);
  }

  std::string out;
  out.reserve(estimate);
  auto write = [&out](std::string_view key, std::string_view value) {
    if (!out.empty()) out += ';';
    out += key;
    out += '=';
    detail::append_odbc_value(out, value, detail::odbc_style_of(value));
  };
  if (!options.driver.empty()) write(name_of(setting::driver, driver::odbc), options.driver);
  if (!c.hosts.empty()) {
    write(name_of(setting::host, driver::odbc), c.hosts.front().host);
    out += ';';
    out += name_of(setting::port, driver::odbc);
    out += '=';
    detail::append_decimal(out, c.hosts.front().port);
  }
  if (c.database) write(name_of(setting::database, driver::odbc), *c.database);
  for (const property& p : c.properties) {
    property_translation t = detail::odbc_property_of(c, p, options.unknown, spellings);
    if (t.what == property_translation::verdict::write) write(t.key, shown(t.key, &p, t.value));
  }
  if (!tls.key.empty()) write(tls.key, tls.value);
  for (const detail::odbc_extra& e : extra) write(e.key, e.value);
  return out;
}

}  // namespace rsconn
