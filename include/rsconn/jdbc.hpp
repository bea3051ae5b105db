// JDBC URLs (jdbc:redshift:...), read exactly as the official Redshift JDBC driver 2.x reads
// them, and written so that the driver reads back the same connection.
//
//   jdbc:redshift://host[:port][,host[:port]...]/database[?args]   (the '/' is required)
//   jdbc:redshift:iam://host[:port][/database][?args]
//   jdbc:redshift:iam://cluster:region[/database][?args]           (redshift-serverless-<wg>:
//                                                                   the pre-2.1.0.9 Serverless IAM syntax)
//   jdbc:redshift:database                                         (localhost:5439)
//
// Arguments start at the first '?' anywhere, or at the first ';' when there is no '?'; they
// split on ';' and '&'; keys are matched case-insensitively and never decoded; values are
// decoded like java.net.URLDecoder; the last duplicate wins and arguments override what the
// URL says (host, port, dbname, clusterid, region, ...). See SPEC §3.
//
// `parse_jdbc` does not allocate: the view refers into the caller's string, which must outlive
// it. `to_connection` makes the owning model.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "rsconn/connection.hpp"
#include "rsconn/detail/ascii.hpp"
#include "rsconn/detail/decimal.hpp"
#include "rsconn/detail/encoded_text.hpp"
#include "rsconn/detail/java_url.hpp"
#include "rsconn/detail/percent.hpp"
#include "rsconn/error.hpp"
#include "rsconn/host.hpp"
#include "rsconn/properties.hpp"
#include "rsconn/settings.hpp"
#include "rsconn/translate.hpp"

namespace rsconn {

inline constexpr std::string_view jdbc_prefix = "jdbc:redshift:";

enum class jdbc_shape : unsigned char {
  hosts,          // jdbc:redshift://host[:port][,...]/database
  iam_host,       // jdbc:redshift:iam://host[:port][/database]
  iam_cluster,    // jdbc:redshift:iam://cluster:region[/database]
  database_only,  // jdbc:redshift:database
};

struct jdbc_address {
  std::string_view host;  // as written (IPv6 brackets kept)
  std::uint32_t port = port::default_number;
  std::size_t offset = 0;  // of the host in the URL
};

struct jdbc_argument {
  std::string_view key;  // as written
  encoded_text value;    // URLDecoder-encoded; empty when the token has no '='
  std::size_t offset = 0;  // of the key in the URL
};

namespace detail {

// A host as the driver's regexes read it: their '.' stops at a Java line terminator, so a host
// holding one matches neither and says nothing about a cluster or workgroup.
constexpr host_parts classify_driver_host(std::string_view host) noexcept {
  // One pass finds both whether the host may hold a terminator and whether it has upper case.
  unsigned bytes = scan_host_bytes(host);
  if ((bytes & may_end_java_line_byte) != 0 && has_java_line_terminator(host)) return host_parts{};
  return classify_host_with_case(host, (bytes & has_upper_byte) != 0);
}

// Integer.parseInt as the driver applies it to a // form port: an optional sign, ASCII
// digits, then the driver's own 1..65535 check.
constexpr bool parse_jdbc_port(std::string_view text, std::uint32_t& port_number) noexcept {
  std::size_t i = 0;
  if (!text.empty() && text[0] == '+') i = 1;
  if (i == text.size()) return false;
  std::uint32_t value = 0;
  for (; i < text.size(); ++i) {
    if (!is_digit(text[i])) return false;
    value = value * 10 + static_cast<std::uint32_t>(text[i] - '0');
    if (value > 65535) return false;
  }
  if (value < 1) return false;
  port_number = value;
  return true;
}

// The IAM form's port: any run of ASCII digits, no range check (empty means 5439). Returns
// false only when the number does not fit in 32 bits.
constexpr bool parse_iam_port(std::string_view digits, std::uint32_t& port_number) noexcept {
  if (digits.empty()) {
    port_number = port::default_number;
    return true;
  }
  std::uint64_t value = 0;
  for (char c : digits) {
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
    if (value > 0xFFFFFFFFu) return false;
  }
  port_number = static_cast<std::uint32_t>(value);
  return true;
}

// One address of a // authority: "host[:port]", the port after the last ':' that follows
// any ']'.
constexpr jdbc_address split_jdbc_address(std::string_view text, std::size_t offset,
                                          bool& port_ok, std::size_t& port_offset) noexcept {
  jdbc_address address{text, port::default_number, offset};
  port_ok = true;
  // The last ':' counts when no ']' follows it: scanning back to the first of either finds it
  // in a few bytes (the port is short) instead of two scans of the whole host. When the last
  // few bytes hold neither, the address usually has no port at all: one memchr for a ':'
  // settles that instead of a byte-by-byte walk back over the whole host.
  constexpr std::size_t port_window = 8;
  std::size_t colon = text.size();
  std::size_t window_start = colon > port_window ? colon - port_window : 0;
  while (colon > window_start && text[colon - 1] != ':' && text[colon - 1] != ']') --colon;
  if (colon == window_start && colon > 0) {
    if (subview(text, 0, colon).find(':') == std::string_view::npos) return address;
    while (colon > 0 && text[colon - 1] != ':' && text[colon - 1] != ']') --colon;
  }
  if (colon > 0 && text[colon - 1] == ':') {
    --colon;
    address.host = subview(text, 0, colon);
    port_offset = offset + colon + 1;
    port_ok = parse_jdbc_port(subview(text, colon + 1), address.port);
  }
  return address;
}

}  // namespace detail

// The addresses of a parsed URL, as written in it (one per ',' of a // authority; Java's
// String.split drops trailing empty entries).
class jdbc_address_range {
 public:
  class iterator {
   public:
    using value_type = jdbc_address;
    constexpr iterator() noexcept = default;
    constexpr iterator(std::string_view rest, std::size_t offset, bool single,
                       std::uint32_t fixed_port) noexcept
        : rest_(rest), offset_(offset), single_(single), done_(false) {
      // A single host has no port to split off (it was read separately): scanning it for one
      // would cost a pass over the whole host on every begin().
      if (single_) {
        next_ = std::string_view::npos;
        current_ = jdbc_address{rest_, fixed_port, offset_};
      } else {
        load();
      }
    }
    constexpr const jdbc_address& operator*() const noexcept { return current_; }
    constexpr const jdbc_address* operator->() const noexcept { return &current_; }
    constexpr iterator& operator++() noexcept {
      if (single_ || next_ == std::string_view::npos) {
        done_ = true;
      } else {
        offset_ += next_ + 1;
        rest_ = detail::subview(rest_, next_ + 1);
        load();
      }
      return *this;
    }
    friend constexpr bool operator==(const iterator& a, const iterator& b) noexcept {
      return a.done_ == b.done_ && (a.done_ || a.offset_ == b.offset_);
    }
    friend constexpr bool operator!=(const iterator& a, const iterator& b) noexcept { return !(a == b); }

   private:
    friend class jdbc_address_range;
    // At the first address of a // authority, already split by parse_jdbc (`next` is the
    // offset of the ',' after it in `rest`, or npos).
    constexpr iterator(std::string_view rest, std::size_t offset, std::size_t next,
                       const jdbc_address& first) noexcept
        : rest_(rest), offset_(offset), next_(next), done_(false), current_(first) {}

    constexpr void load() noexcept {
      next_ = rest_.find(',');
      bool ok = true;
      std::size_t port_offset = 0;
      current_ = detail::split_jdbc_address(detail::subview(rest_, 0, next_), offset_, ok, port_offset);
    }
    std::string_view rest_;
    std::size_t offset_ = 0;
    std::size_t next_ = 0;
    bool single_ = false;
    bool done_ = true;
    jdbc_address current_{};
  };

  constexpr jdbc_address_range() noexcept = default;
  // A // authority of `count` comma-separated addresses.
  constexpr jdbc_address_range(std::string_view text, std::size_t offset, std::size_t count) noexcept
      : text_(text), offset_(offset), count_(count) {}
  // One host whose port was read separately (the IAM form, jdbc:redshift:database).
  constexpr jdbc_address_range(std::string_view host, std::size_t offset, std::uint32_t port_number) noexcept
      : text_(host), offset_(offset), count_(1), single_(true), port_(port_number) {}
  [[nodiscard]] constexpr iterator begin() const noexcept {
    if (count_ == 0) return iterator();
    // The parse has split the first address already: begin() (which callers may ask for more
    // than once) then neither searches for the ',' nor splits off the port again.
    if (first_size_ != std::string_view::npos)
      return iterator(text_, offset_, first_next_, jdbc_address{detail::subview(text_, 0, first_size_), port_, offset_});
    return iterator(text_, offset_, single_, port_);
  }
  [[nodiscard]] constexpr iterator end() const noexcept { return iterator(); }
  [[nodiscard]] constexpr std::size_t size() const noexcept { return count_; }
  [[nodiscard]] constexpr bool empty() const noexcept { return count_ == 0; }

 private:
  friend class jdbc_view;
  // A // authority whose first address parse_jdbc has split: its host is the first
  // `first_size` bytes, its port `first_port`, and the next ',' is at `first_next` (or npos).
  constexpr jdbc_address_range(std::string_view text, std::size_t offset, std::size_t count,
                               std::size_t first_size, std::uint32_t first_port,
                               std::size_t first_next) noexcept
      : text_(text), offset_(offset), count_(count), port_(first_port), first_size_(first_size),
        first_next_(first_next) {}

  std::string_view text_;
  std::size_t offset_ = 0;
  std::size_t count_ = 0;
  bool single_ = false;
  std::uint32_t port_ = port::default_number;
  std::size_t first_size_ = std::string_view::npos;  // npos: the first address is not split yet
  std::size_t first_next_ = std::string_view::npos;
};

// The arguments of a parsed URL, in order, empty tokens skipped.
class jdbc_argument_range {
 public:
  class iterator {
   public:
    using value_type = jdbc_argument;
    constexpr iterator() noexcept = default;
    constexpr iterator(std::string_view text, std::size_t offset) noexcept
        : text_(text), offset_(offset), position_(0), semicolon_(text.find(';')), ampersand_(text.find('&')) {
      advance();
    }
    constexpr const jdbc_argument& operator*() const noexcept { return current_; }
    constexpr const jdbc_argument* operator->() const noexcept { return &current_; }
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
      while (position_ != finished) {
        if (position_ > text_.size()) {
          position_ = finished;
          return;
        }
        // The token ends at the next ';' or '&'. Each is found with memchr and remembered
        // until the tokens pass it, so every byte is searched at most once for each.
        if (semicolon_ < position_) semicolon_ = text_.find(';', position_);
        if (ampersand_ < position_) ampersand_ = text_.find('&', position_);
        std::size_t end = semicolon_ < ampersand_ ? semicolon_ : ampersand_;
        if (end > text_.size()) end = text_.size();
        std::string_view token = detail::subview(text_, position_, end - position_);
        std::size_t start = position_;
        position_ = end + 1;
        if (token.empty()) continue;
        std::size_t equals = token.find('=');
        current_.offset = offset_ + start;
        if (equals == std::string_view::npos) {
          current_.key = token;
          current_.value = encoded_text(detail::subview(token, token.size()), text_encoding::java_url);
        } else {
          current_.key = detail::subview(token, 0, equals);
          current_.value = encoded_text(detail::subview(token, equals + 1), text_encoding::java_url);
        }
        return;
      }
    }
    std::string_view text_;
    std::size_t offset_ = 0;
    std::size_t position_ = finished;
    std::size_t semicolon_ = std::string_view::npos;  // the next ';' at or after position_, or npos
    std::size_t ampersand_ = std::string_view::npos;  // the next '&' at or after position_, or npos
    jdbc_argument current_{};
  };

  constexpr jdbc_argument_range() noexcept = default;
  constexpr jdbc_argument_range(std::string_view text, std::size_t offset, bool present) noexcept
      : text_(text), offset_(offset), present_(present) {}
  [[nodiscard]] constexpr iterator begin() const noexcept {
    return present_ ? iterator(text_, offset_) : iterator();
  }
  [[nodiscard]] constexpr iterator end() const noexcept { return iterator(); }
  [[nodiscard]] constexpr std::string_view text() const noexcept { return text_; }

 private:
  std::string_view text_;
  std::size_t offset_ = 0;
  bool present_ = false;
};

class jdbc_view;

namespace detail {

// The arguments the driver interprets itself (the last of each key wins); the others it only
// passes on as properties.
struct jdbc_interpreted_arguments {
  explicit_settings given;  // they override what the host says
  encoded_text iam;
  encoded_text dbname;
  encoded_text host;
};

// The settings the driver reads itself, with their JDBC names from the catalogue.
struct jdbc_interpreted_key {
  setting which;
  std::string_view name;
};
inline constexpr jdbc_interpreted_key jdbc_interpreted_keys[] = {
    {setting::host, name_of(setting::host, driver::jdbc)},
    {setting::region, name_of(setting::region, driver::jdbc)},
    {setting::database, name_of(setting::database, driver::jdbc)},
    {setting::iam, name_of(setting::iam, driver::jdbc)},
    {setting::cluster_id, name_of(setting::cluster_id, driver::jdbc)},
    {setting::is_serverless, name_of(setting::is_serverless, driver::jdbc)},
    {setting::account_id, name_of(setting::account_id, driver::jdbc)},
    {setting::workgroup, name_of(setting::workgroup, driver::jdbc)},
};

// Whether a JDBC key is `name` as the driver compares keys: Java's toLowerCase, which also
// turns U+212A KELVIN SIGN (three bytes) into 'k', so such a key is two bytes longer per sign.
constexpr bool jdbc_key_is(std::string_view key, std::string_view name) noexcept {
  if (key.size() == name.size()) return iequals(key, name);
  return key.size() > name.size() && (key.size() - name.size()) % 2 == 0 && java_lower_equals(key, name);
}

constexpr void interpret_jdbc_argument(const jdbc_argument& arg, jdbc_interpreted_arguments& out) noexcept {
  for (const jdbc_interpreted_key& k : jdbc_interpreted_keys) {
    if (arg.key.size() < k.name.size() || !jdbc_key_is(arg.key, k.name)) continue;
    switch (k.which) {
      case setting::host: out.host = arg.value; break;
      case setting::region: out.given.region = arg.value; break;
      case setting::database: out.dbname = arg.value; break;
      case setting::iam: out.iam = arg.value; break;
      case setting::cluster_id: out.given.cluster_id = arg.value; break;
      case setting::is_serverless: out.given.is_serverless = arg.value; break;
      case setting::account_id: out.given.account_id = arg.value; break;
      case setting::workgroup: out.given.workgroup = arg.value; break;
      default: break;
    }
    return;
  }
}

constexpr bool parse_jdbc_into(std::string_view url, jdbc_view& view, error& failure) noexcept;

}  // namespace detail

// A parsed JDBC URL: views into the caller's string, plus the effective fields.
class jdbc_view {
 public:
  [[nodiscard]] constexpr std::string_view url() const noexcept { return url_; }
  [[nodiscard]] constexpr jdbc_shape shape() const noexcept { return shape_; }
  // IAM: the "iam:" prefix, or the last iamauth argument (true/false).
  [[nodiscard]] constexpr bool iam() const noexcept { return iam_; }
  // The addresses as written in the URL (empty for the cluster-id form; localhost:5439 for
  // jdbc:redshift:database). Arguments `host` and `port` override them: see to_connection.
  [[nodiscard]] constexpr jdbc_address_range hosts() const noexcept {
    if (shape_ == jdbc_shape::hosts)
      return jdbc_address_range(authority_, authority_offset_, host_count_, first_host_size_, single_port_,
                                first_comma_);
    if (shape_ == jdbc_shape::iam_cluster) return {};
    return jdbc_address_range(authority_, authority_offset_, single_port_);
  }
  // The database: the last dbname argument, else the URL's path (absent in an IAM URL
  // without "/database").
  [[nodiscard]] constexpr encoded_text database() const noexcept { return database_; }
  [[nodiscard]] constexpr jdbc_argument_range arguments() const noexcept {
    return jdbc_argument_range(arguments_, arguments_offset_, has_arguments_);
  }
  // Arguments the driver never reads: in an IAM URL with ';' before '?', what follows '?'.
  [[nodiscard]] constexpr std::string_view ignored_arguments() const noexcept { return ignored_; }
  [[nodiscard]] constexpr std::size_t ignored_arguments_offset() const noexcept { return ignored_offset_; }
  // What the host connected to (a host argument's first entry, else the URL's first host) says
  // about itself, classified as rsconn reads hosts; `other` when that host argument is written
  // with escapes (to_connection decodes it) or the host holds a Java line terminator (where
  // the driver's host regexes stop).
  [[nodiscard]] constexpr const host_parts& host() const noexcept { return host_; }
  [[nodiscard]] constexpr const effective_fields& effective() const noexcept { return effective_; }
  [[nodiscard]] constexpr target_kind target() const noexcept { return effective_.target; }
  [[nodiscard]] constexpr bool legacy_iam() const noexcept { return effective_.legacy_iam; }
  // The cluster-id form's two parts (empty otherwise).
  [[nodiscard]] constexpr std::string_view cluster_part() const noexcept {
    return shape_ == jdbc_shape::iam_cluster ? authority_ : std::string_view{};
  }
  [[nodiscard]] constexpr std::string_view region_part() const noexcept { return region_part_; }
  // The last argument with this key (ASCII case-insensitive), or an absent value.
  [[nodiscard]] constexpr encoded_text argument(std::string_view key) const noexcept {
    encoded_text found;
    for (const jdbc_argument& arg : arguments())
      if (detail::iequals(arg.key, key)) found = arg.value;
    return found;
  }

 private:
  friend constexpr bool detail::parse_jdbc_into(std::string_view url, jdbc_view& view, error& failure) noexcept;
  friend connection to_connection(const jdbc_view& view);

  // The settings the arguments (and the cluster-id form's two parts) give explicitly, which
  // override what the host says. Read again when needed rather than kept in every view.
  [[nodiscard]] constexpr explicit_settings given() const noexcept;

  // The IAM forms' own host, as the driver reads it (none in the cluster-id form).
  [[nodiscard]] constexpr host_parts iam_url_host() const noexcept {
    return shape_ == jdbc_shape::iam_host ? detail::classify_driver_host(authority_) : host_parts{};
  }

  std::string_view url_;
  jdbc_shape shape_ = jdbc_shape::hosts;
  bool iam_ = false;
  bool has_arguments_ = false;
  std::string_view authority_;
  std::size_t authority_offset_ = 0;
  std::size_t host_count_ = 0;
  std::uint32_t single_port_ = port::default_number;  // the single host's port; the // form: the first address's
  std::size_t first_host_size_ = 0;  // the // form: the first address's host, authority_'s first bytes
  std::size_t first_comma_ = std::string_view::npos;  // the // form: the ',' after the first address
  std::string_view region_part_;
  encoded_text database_;
  std::string_view arguments_;
  std::size_t arguments_offset_ = 0;
  std::string_view ignored_;
  std::size_t ignored_offset_ = 0;
  host_parts host_;
  effective_fields effective_;
};

namespace detail {

// The effective fields of an IAM-form URL with a host argument. The driver derives the cluster
// id, region, workgroup and account from the URL's own host (`url_host`; nothing in the
// cluster-id form) before it reads the arguments, so a host argument moves the connection but
// not these; IamHelper still decides serverless or provisioned on the host connected to, with
// what the URL put in the properties (its isServerless=true for a serverless host included).
constexpr effective_fields iam_form_effective(const host_parts& url_host, host_parts connected,
                                              const explicit_settings& given, bool iam) noexcept {
  effective_fields out = resolve(url_host, given, iam);
  explicit_settings properties = given;
  if (!properties.cluster_id) properties.cluster_id = out.cluster_id;
  if (!properties.region) properties.region = out.region;
  if (!properties.workgroup) properties.workgroup = out.workgroup;
  if (!properties.account_id) properties.account_id = out.account_id;
  if (!properties.is_serverless && url_host.service == redshift_service::serverless)
    properties.is_serverless = encoded_text("true", text_encoding::plain);
  connected.cluster = connected.workgroup = connected.account = connected.region = {};  // its shape only
  effective_fields decided = resolve(connected, properties, iam);
  out.target = decided.target;
  out.legacy_iam = decided.legacy_iam;
  return out;
}

}  // namespace detail

constexpr explicit_settings jdbc_view::given() const noexcept {
  detail::jdbc_interpreted_arguments interpreted;
  for (const jdbc_argument& arg : arguments()) detail::interpret_jdbc_argument(arg, interpreted);
  explicit_settings& given = interpreted.given;
  if (shape_ == jdbc_shape::iam_cluster) {
    if (!given.cluster_id) given.cluster_id = encoded_text(authority_, text_encoding::plain);
    if (!given.region) given.region = encoded_text(region_part_, text_encoding::plain);
  }
  return given;
}

namespace detail {

constexpr bool set_failure(error& failure, errc code, std::size_t offset, std::string_view why = {}) noexcept {
  failure = error{code, offset, why};
  return false;
}

// parse_jdbc's work, into a value-initialized view; false, with `failure` set, on an error.
constexpr bool parse_jdbc_into(std::string_view url, jdbc_view& view, error& failure) noexcept {
  if (url.size() > max_input_length) return set_failure(failure, errc::input_too_long, max_input_length);
  if (url.empty()) return set_failure(failure, errc::empty_input, 0);
  if (!starts_with(url, jdbc_prefix)) {
    std::size_t at = 0;
    while (at < url.size() && at < jdbc_prefix.size() && url[at] == jdbc_prefix[at]) ++at;
    return set_failure(failure, errc::not_jdbc_url, at);
  }

  view.url_ = url;
  std::size_t split = url.find('?');
  if (split == std::string_view::npos) split = url.find(';');
  std::string_view server = subview(url, 0, split);
  if (split != std::string_view::npos) {
    view.has_arguments_ = true;
    view.arguments_ = subview(url, split + 1);
    view.arguments_offset_ = split + 1;
  }

  std::size_t at = jdbc_prefix.size();  // position in url (and in server)
  std::string_view first_address_host;  // the // form's first host, read once below
  if (starts_with(subview(server, at), "iam:")) {
    // The driver's full match of (iam:)?//([^:/?]+)(:([^/?]*))?(/([^?;]*))?([?;](.*))?
    view.iam_ = true;
    at += 4;
    if (!starts_with(subview(server, at), "//"))
      return set_failure(failure, errc::malformed_iam_url, at, "an IAM URL continues with \"//\" after \"iam:\"");
    at += 2;
    std::size_t host_start = at;
    // The host ends at the first ':' or '/'. Two memchr-backed searches (the '/' one bounded by
    // the ':') cost far less than testing each byte of a long host for both.
    std::size_t host_end = server.find(':', host_start);
    if (host_end == std::string_view::npos) host_end = server.size();
    std::size_t slash = subview(server, 0, host_end).find('/', host_start);
    at = slash == std::string_view::npos ? host_end : slash;
    if (at == host_start)
      return set_failure(failure, errc::malformed_iam_url, at, "an IAM URL needs a host (or cluster id) after \"//\"");
    std::string_view host_text = subview(server, host_start, at - host_start);
    std::string_view port_text;
    std::size_t port_start = at;
    if (at < server.size() && server[at] == ':') {
      port_start = ++at;
      while (at < server.size() && server[at] != '/') ++at;
      port_text = subview(server, port_start, at - port_start);
    }
    if (at < server.size() && server[at] == '/') {
      std::size_t db_start = ++at;
      while (at < server.size() && server[at] != ';') ++at;
      view.database_ = encoded_text(subview(server, db_start, at - db_start), text_encoding::java_url);
      if (at < server.size()) {  // ';' before the first '?': these arguments replace the '?' ones
        std::string_view inner = subview(server, at + 1);
        if (has_java_line_terminator(inner))  // the pattern's (.*) stops at one
          return set_failure(failure, errc::malformed_iam_url, at + 1,
                             "the driver's IAM URL pattern does not accept a line break in the arguments");
        if (view.has_arguments_) {
          view.ignored_ = view.arguments_;
          view.ignored_offset_ = view.arguments_offset_;
        }
        view.has_arguments_ = true;
        view.arguments_ = inner;
        view.arguments_offset_ = at + 1;
      }
    }
    view.authority_ = host_text;
    view.authority_offset_ = host_start;
    bool digits_only = true;
    for (char c : port_text) digits_only = digits_only && is_digit(c);
    if (digits_only) {
      view.shape_ = jdbc_shape::iam_host;
      view.host_count_ = 1;
      if (!parse_iam_port(port_text, view.single_port_))
        return set_failure(failure, errc::invalid_port, port_start, "this port does not fit in 32 bits");
    } else {
      view.shape_ = jdbc_shape::iam_cluster;
      view.region_part_ = port_text;
    }
  } else if (starts_with(subview(server, at), "//")) {
    at += 2;
    std::size_t slash = server.find('/', at);
    if (slash == std::string_view::npos) return set_failure(failure, errc::missing_database_path, server.size());
    std::string_view authority = subview(server, at, slash - at);
    view.authority_ = authority;
    view.authority_offset_ = at;
    view.database_ = encoded_text(subview(server, slash + 1), text_encoding::java_url);
    // String.split(",") drops trailing empty entries; only commas is an exception in the driver.
    std::size_t kept = authority.size();
    while (kept > 0 && authority[kept - 1] == ',') --kept;
    if (kept == 0 && !authority.empty()) return set_failure(failure, errc::empty_host, at);
    view.authority_ = subview(authority, 0, kept);
    std::size_t start = 0;
    while (true) {
      std::size_t comma = view.authority_.find(',', start);
      std::string_view one = subview(view.authority_, start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
      bool port_ok = true;
      std::size_t port_offset = 0;
      jdbc_address address = split_jdbc_address(one, at + start, port_ok, port_offset);
      if (!port_ok) return set_failure(failure, errc::invalid_port, port_offset);
      if (view.host_count_ == 0) {  // what hosts().begin() yields, kept so that it need not split it again
        first_address_host = address.host;
        view.first_host_size_ = address.host.size();
        view.single_port_ = address.port;
        view.first_comma_ = comma;
      }
      ++view.host_count_;
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
  } else {
    view.shape_ = jdbc_shape::database_only;
    view.authority_ = "localhost";
    view.host_count_ = 1;
    view.database_ = encoded_text(subview(server, at), text_encoding::java_url);
  }

  // URLDecoder fails only at a '%'. The database and the argument values all lie after the
  // path's start, so one memchr from there finds the first '%' that could matter: the pieces
  // that end before it (all of them, usually) need no byte-by-byte check.
  std::size_t checked_from = view.has_arguments_ ? view.arguments_offset_ : url.size();
  if (view.database_) checked_from = static_cast<std::size_t>(view.database_.raw().data() - url.data());
  std::size_t first_percent = url.find('%', checked_from);
  auto check_escapes = [&](std::string_view piece) {
    auto piece_at = static_cast<std::size_t>(piece.data() - url.data());
    if (first_percent == std::string_view::npos || piece_at + piece.size() <= first_percent) return true;
    std::size_t bad = java_url_first_error(piece);
    return bad == std::string_view::npos || set_failure(failure, errc::malformed_percent_escape, piece_at + bad);
  };
  if (view.database_ && !check_escapes(view.database_.raw())) return false;

  // Arguments: decode-check every value, and pick the ones that feed the model.
  jdbc_interpreted_arguments interpreted;
  for (const jdbc_argument& arg : view.arguments()) {
    if (!check_escapes(arg.value.raw())) return false;
    interpret_jdbc_argument(arg, interpreted);
  }
  explicit_settings& given = interpreted.given;
  const encoded_text& host_arg = interpreted.host;
  if (interpreted.iam) view.iam_ = interpreted.iam.iequals("true");
  if (interpreted.dbname) view.database_ = interpreted.dbname;
  if (view.shape_ == jdbc_shape::iam_cluster) {
    if (!given.cluster_id) given.cluster_id = encoded_text(view.authority_, text_encoding::plain);
    if (!given.region) given.region = encoded_text(view.region_part_, text_encoding::plain);
  }
  // The host connected to: a host argument's first entry (one written with escapes is
  // classified by to_connection, which can decode it), else the URL's first host.
  std::string_view first_host;
  if (host_arg) {
    if (!host_arg.needs_decoding()) first_host = subview(host_arg.raw(), 0, host_arg.raw().find(','));
  } else if (view.shape_ == jdbc_shape::hosts) {
    first_host = first_address_host;
  } else if (view.shape_ != jdbc_shape::iam_cluster) {
    first_host = view.authority_;  // a single host whose port was read separately
  }
  view.host_ = classify_driver_host(first_host);
  view.effective_ = resolve(view.host_, given, view.iam_);
  if (host_arg && view.shape_ != jdbc_shape::hosts && view.shape_ != jdbc_shape::database_only)
    view.effective_ = iam_form_effective(view.iam_url_host(), view.host_, given, view.iam_);
  return true;
}

}  // namespace detail

// Parses a JDBC URL as the official driver does; accepts what it accepts and rejects what it
// rejects (or throws on). Never allocates; the view refers into `url`.
[[nodiscard]] constexpr result<jdbc_view> parse_jdbc(std::string_view url) noexcept {
  // The view (a few hundred bytes) is built in place in the result, which is returned by name
  // on every path, so that it is neither copied nor moved.
  result<jdbc_view> out;
  error failure;
  if (!detail::parse_jdbc_into(url, *out, failure)) out = tl::unexpected<error>(failure);
  return out;
}

// The view would point into a temporary.
result<jdbc_view> parse_jdbc(std::string&&) = delete;
// A C string (a literal): without this overload the call is ambiguous between the two above.
[[nodiscard]] constexpr result<jdbc_view> parse_jdbc(const char* url) noexcept {
  return parse_jdbc(std::string_view(url));
}

namespace detail {

// Java's String.split(","): pieces in order, trailing empty pieces dropped.
template <class F>
void for_each_java_split(std::string_view text, char separator, F&& f) {
  std::size_t kept = text.size();
  while (kept > 0 && text[kept - 1] == separator) --kept;
  if (kept == 0) {
    if (text.empty()) f(text);
    return;
  }
  text = text.substr(0, kept);
  std::size_t start = 0;
  while (true) {
    std::size_t next = text.find(separator, start);
    f(text.substr(start, next == std::string_view::npos ? std::string_view::npos : next - start));
    if (next == std::string_view::npos) return;
    start = next + 1;
  }
}

inline std::optional<std::string> decoded_or_none(const encoded_text& text) {
  if (!text) return std::nullopt;
  return text.decoded();
}

}  // namespace detail

// The owning model of a parsed URL, with the driver's argument overrides applied: `host` and
// `port` arguments replace the URL's addresses (a port the driver could not read becomes 0,
// which validate() reports).
[[nodiscard]] inline connection to_connection(const jdbc_view& view) {
  connection c;
  c.form = source_form::jdbc;
  c.iam = view.iam();
  c.database = detail::decoded_or_none(view.database());
  assign_effective(c, view.effective());

  for (const jdbc_address& a : view.hosts()) {
    std::size_t port_at = a.offset + a.host.size() + 1;
    c.hosts.push_back({std::string(a.host), a.port, a.offset, port_at});
  }
  if (view.database())
    c.database_offset = static_cast<std::size_t>(view.database().raw().data() - view.url().data());
  // The driver keeps host and port as two comma lists and pairs them by position at connect
  // time; an argument replaces its whole list.
  std::size_t written_hosts = c.hosts.size();
  if (encoded_text port_arg = view.argument(name_of(setting::port, driver::jdbc))) {
    std::vector<std::uint32_t> ports;
    detail::for_each_java_split(port_arg.decoded(), ',', [&](std::string_view text) {
      std::uint32_t number = 0;
      ports.push_back(detail::parse_jdbc_port(text, number) ? number : 0);
    });
    if (c.hosts.size() < ports.size()) c.hosts.resize(ports.size());
    // Diagnostics about these ports point at the argument, not at the URL's overridden ports.
    auto port_arg_at = static_cast<std::size_t>(port_arg.raw().data() - view.url().data());
    for (std::size_t i = 0; i < c.hosts.size(); ++i) {
      c.hosts[i].port = i < ports.size() ? ports[i] : port::default_number;
      c.hosts[i].port_offset = port_arg_at;
    }
  }
  if (encoded_text host_arg = view.argument(name_of(setting::host, driver::jdbc))) {
    std::size_t index = 0;
    std::vector<address> named;
    detail::for_each_java_split(host_arg.decoded(), ',', [&](std::string_view text) {
      bool paired = index < c.hosts.size();
      named.push_back({std::string(text), paired ? c.hosts[index].port : port::default_number,
                       static_cast<std::size_t>(host_arg.raw().data() - view.url().data()),
                       paired ? c.hosts[index].port_offset : 0});
      ++index;
    });
    c.hosts = std::move(named);
    if (host_arg.needs_decoding()) {  // parse_jdbc (which does not allocate) could not read it
      std::string_view first = c.hosts.empty() ? std::string_view{} : std::string_view(c.hosts.front().host);
      host_parts connected = detail::classify_driver_host(first);
      bool iam_form = view.shape() == jdbc_shape::iam_host || view.shape() == jdbc_shape::iam_cluster;
      explicit_settings given = view.given();
      effective_fields derived = iam_form ? detail::iam_form_effective(view.iam_url_host(), connected, given, c.iam)
                                          : resolve(connected, given, c.iam);
      assign_effective(c, derived);
    }
  } else if (c.hosts.size() > written_hosts) {
    c.hosts.resize(written_hosts);  // the driver connects to its hosts only: extra ports go unused
  }

  for (const jdbc_argument& arg : view.arguments()) {
    property p{std::string(arg.key), arg.value.decoded()};
    p.offset = arg.offset;
    p.value_offset = static_cast<std::size_t>(arg.value.raw().data() - view.url().data());
    p.plus_as_space = arg.value.raw().find('+') != std::string_view::npos;
    c.properties.push_back(std::move(p));
  }
  return c;
}

// Parse and own in one step.
[[nodiscard]] inline result<connection> parse_jdbc_connection(std::string_view url) {
  return parse_jdbc(url).map([](const jdbc_view& view) { return to_connection(view); });
}

enum class jdbc_style : unsigned char {
  automatic,   // the style the connection was written in (legacy, IAM or standard)
  standard,    // jdbc:redshift://host:port/database
  iam,         // jdbc:redshift:iam://host:port/database (or cluster:region without a host)
  legacy_iam,  // jdbc:redshift:iam://redshift-serverless-<workgroup>:<region>/database
};

struct jdbc_options {
  jdbc_style style = jdbc_style::automatic;
  bool reveal_secrets = false;  // otherwise secret values are written as ***
  // From another driver's form: what to do with a property the JDBC driver cannot carry
  // (rsconn/translate.hpp). Within JDBC every key stays as written.
  unknown_keys unknown = unknown_keys::refuse;
};

namespace detail {

// Whether `text` is well-formed UTF-8 (no overlong forms, no surrogates, at most U+10FFFF):
// exactly the byte sequences that survive a %XX round trip through URLDecoder. Any other byte
// would come back as U+FFFD, so a value holding one cannot be written in a JDBC URL.
constexpr bool is_utf8(std::string_view text) noexcept {
  std::size_t i = 0;
  while (i < text.size()) {
    auto b = static_cast<unsigned char>(text[i]);
    std::size_t n = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
    if (n == 0 || i + n > text.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    auto b2 = n > 1 ? static_cast<unsigned char>(text[i + 1]) : 0;
    if ((b == 0xE0 && b2 < 0xA0) || (b == 0xED && b2 >= 0xA0) || (b == 0xF0 && b2 < 0x90) || (b == 0xF4 && b2 >= 0x90))
      return false;
    i += n;
  }
  return true;
}

inline bool jdbc_host_is_writable(std::string_view host, bool iam) noexcept {
  if (host.empty()) return !iam;
  for (char c : host) {
    if (c == '/' || c == '?' || c == ';' || c == ',' || c == '\n' || c == '\r') return false;
    if (iam && c == ':') return false;
  }
  if (!iam) {  // an unbracketed ':' would be read as the port separator
    std::size_t colon = host.rfind(':');
    std::size_t bracket = host.rfind(']');
    if (colon != std::string_view::npos && (bracket == std::string_view::npos || bracket < colon)) return false;
  }
  return true;
}

// The explicit arguments a URL needs so that the driver derives the same effective fields.
// At most five of them; kept as views into `c` (and literals) so that formatting allocates
// only the output string.
struct jdbc_extra_argument {
  std::string_view key;
  std::string_view value;
};
struct jdbc_extra_arguments {
  jdbc_extra_argument items[5]{};
  std::size_t count = 0;
  void push_back(const jdbc_extra_argument& a) noexcept { items[count++] = a; }
  [[nodiscard]] const jdbc_extra_argument* begin() const noexcept { return items; }
  [[nodiscard]] const jdbc_extra_argument* end() const noexcept { return items + count; }
};

inline void append_missing_jdbc_arguments(const connection& c, bool cluster_form,
                                          jdbc_extra_arguments& extra) {
  host_parts host = c.first_host();
  explicit_settings given;
  auto find = [&](setting s) {
    const property* p = find_setting_property(c, s);
    return p ? encoded_text(p->value, text_encoding::plain) : encoded_text{};
  };
  given.cluster_id = find(setting::cluster_id);
  given.region = find(setting::region);
  given.workgroup = find(setting::workgroup);
  given.account_id = find(setting::account_id);
  given.is_serverless = find(setting::is_serverless);
  if (cluster_form) {  // the URL itself carries the cluster id and the region
    if (!given.cluster_id && c.cluster_id) given.cluster_id = encoded_text(*c.cluster_id, text_encoding::plain);
    if (!given.region && c.region) given.region = encoded_text(*c.region, text_encoding::plain);
  }
  effective_fields derived = resolve(host, given, c.iam);
  auto differs = [](const encoded_text& have, const std::optional<std::string>& want) {
    return want && (!have || have.raw() != *want);
  };
  if (differs(derived.cluster_id, c.cluster_id)) extra.push_back({name_of(setting::cluster_id, driver::jdbc), *c.cluster_id});
  if (differs(derived.region, c.region)) extra.push_back({name_of(setting::region, driver::jdbc), *c.region});
  if (differs(derived.workgroup, c.workgroup)) extra.push_back({name_of(setting::workgroup, driver::jdbc), *c.workgroup});
  if (differs(derived.account_id, c.account_id)) extra.push_back({name_of(setting::account_id, driver::jdbc), *c.account_id});
  if (c.target == target_kind::serverless && derived.target != target_kind::serverless && !c.legacy_iam)
    extra.push_back({name_of(setting::is_serverless, driver::jdbc), "true"});
}

}  // namespace detail

// Writes a JDBC URL that the official driver reads back as `c`. Values are percent-encoded;
// secrets are written as *** unless options.reveal_secrets. Fails (with the reason) when the
// style needs what the connection lacks, or a host or key cannot be written in a JDBC URL.
[[nodiscard]] inline result<std::string> to_jdbc(const connection& c, const jdbc_options& options = {}) {
  jdbc_style style = options.style;
  if (style == jdbc_style::automatic) {
    const property* iam_arg = c.find(name_of(setting::iam, driver::jdbc));
    // The legacy form has no place for a host: a legacy cluster id beside one (a ClusterID
    // argument) goes in the IAM form with its host.
    if (c.legacy_iam && c.hosts.empty()) style = jdbc_style::legacy_iam;
    // Only the IAM form can leave the database out (the standard form's '/' names the empty
    // database); an iamauth argument decides IAM whatever the prefix says, so it is safe there.
    else if ((c.iam && !iam_arg) || c.hosts.empty() || (iam_arg && !c.database && c.hosts.size() == 1))
      style = jdbc_style::iam;
    else style = jdbc_style::standard;
  }

  detail::jdbc_extra_arguments extra;
  if (style != jdbc_style::legacy_iam)
    detail::append_missing_jdbc_arguments(c, style == jdbc_style::iam && c.hosts.empty(), extra);

  // An upper bound on the output, so that the one reserve() is the only allocation: 64 covers
  // the prefix, "iam://" or "//", the legacy cluster prefix, ':' and '/'; each host may add
  // ',' ':' and ten digits; every escaped byte is three; a redacted secret is three.
  auto value_bound = [](std::size_t size) { return 3 * size < redacted.size() ? redacted.size() : 3 * size; };
  std::size_t estimate = 64;
  for (const address& a : c.hosts) estimate += a.host.size() + 12;
  if (c.database) estimate += 3 * c.database->size();
  for (const property& p : c.properties) estimate += p.key.size() + value_bound(p.value.size()) + 2;
  // From another driver: a JDBC name or a plugin class may be longer than what it translates,
  // and TLS may be spelled as a socket factory.
  if (driver_of(c.form) != driver::jdbc) estimate += 128 * (c.properties.size() + 1);
  for (const detail::jdbc_extra_argument& p : extra) estimate += p.key.size() + value_bound(p.value.size()) + 2;
  if (c.workgroup) estimate += c.workgroup->size();
  if (c.cluster_id) estimate += c.cluster_id->size();
  if (c.region) estimate += c.region->size();
  std::string out;
  out.reserve(estimate);
  out += jdbc_prefix;

  bool write_database = c.database.has_value();
  // Values are percent-encoded as UTF-8 bytes; other bytes would not read back the same.
  if (c.database && !detail::is_utf8(*c.database))
    return fail(errc::unrepresentable_value, 0, "the database name is not valid UTF-8, which a JDBC URL cannot carry");
  if (style == jdbc_style::legacy_iam) {
    if (!c.region) return fail(errc::missing_required_field, 0, "the legacy IAM syntax needs a region");
    std::string_view cluster;
    if (c.cluster_id && detail::starts_with(*c.cluster_id, legacy_serverless_prefix)) cluster = *c.cluster_id;
    else if (!c.workgroup)
      return fail(errc::missing_required_field, 0, "the legacy IAM syntax needs a Serverless workgroup");
    out += "iam://";
    if (cluster.empty()) {
      out += legacy_serverless_prefix;
      out += *c.workgroup;
    } else {
      out += cluster;
    }
    if (!detail::jdbc_host_is_writable(std::string_view(out).substr(jdbc_prefix.size() + 6), true))
      return fail(errc::unrepresentable_value, 0, "the workgroup holds a character the IAM URL syntax cannot carry");
    if (c.region->empty() || detail::all_of_digits(*c.region) ||
        c.region->find_first_of("/?;\n\r") != std::string::npos)
      return fail(errc::unrepresentable_value, 0, "the region cannot be written as the cluster-id form's second part");
    out += ':';
    out += *c.region;
  } else if (style == jdbc_style::iam) {
    out += "iam://";
    if (c.hosts.empty()) {
      if (!c.cluster_id || !c.region)
        return fail(errc::missing_required_field, 0, "an IAM URL needs a host, or a cluster id and a region");
      if (!detail::jdbc_host_is_writable(*c.cluster_id, true) || c.region->empty() ||
          detail::all_of_digits(*c.region) || c.region->find_first_of("/?;\n\r") != std::string::npos)
        return fail(errc::unrepresentable_value, 0, "this cluster id and region cannot be written in an IAM URL");
      out += *c.cluster_id;
      out += ':';
      out += *c.region;
    } else {
      if (c.hosts.size() != 1)
        return fail(errc::unrepresentable_value, 0, "an IAM URL carries exactly one host");
      if (!detail::jdbc_host_is_writable(c.hosts[0].host, true))
        return fail(errc::unrepresentable_value, 0, "this host cannot be written in an IAM URL (IPv6, ':', '/', '?', ';' or ',')");
      out += c.hosts[0].host;
      out += ':';
      detail::append_decimal(out, c.hosts[0].port);
    }
  } else {
    if (c.hosts.empty()) return fail(errc::missing_required_field, 0, "a JDBC URL needs a host");
    out += "//";
    for (std::size_t i = 0; i < c.hosts.size(); ++i) {
      const address& a = c.hosts[i];
      if (!detail::jdbc_host_is_writable(a.host, false) || (a.host.empty() && c.hosts.size() > 1))
        return fail(errc::unrepresentable_value, 0, "this host cannot be written in a JDBC URL");
      if (a.port < 1 || a.port > 65535)
        return fail(errc::invalid_port, 0, "the standard JDBC form carries only ports 1-65535");
      if (i) out += ',';
      out += a.host;
      out += ':';
      detail::append_decimal(out, a.port);
    }
    write_database = true;  // the driver requires the '/'
  }
  if (write_database) {
    out += '/';
    if (c.database) detail::append_percent_encoded(out, *c.database);
  }

  char separator = '?';
  auto write_property = [&](std::string_view key, std::string_view value) -> bool {
    if (key.find_first_of("=;&\n\r") != std::string_view::npos) return false;
    out += separator;
    separator = '&';
    out += key;
    out += '=';
    if (is_secret_key(key) && !options.reveal_secrets) out += redacted;
    else detail::append_percent_encoded(out, value);
    return true;
  };
  setting_spellings spellings(c);
  driver from = driver_of(c.form);
  for (const property& p : c.properties) {
    std::string_view key = p.key;
    std::string_view value = p.value;
    if (from != driver::jdbc) {
      // Properties read from another driver's form go under their JDBC names, their values as
      // the JDBC driver spells what the source driver read; the host, port and database are in
      // the URL already, and TLS is written from its mode below.
      property_translation t = translate_property(p, from, driver::jdbc, options.unknown, spellings);
      if (t.what == property_translation::verdict::refuse)
        return fail(errc::unrepresentable_value, p.offset, t.reason);
      if (t.what != property_translation::verdict::write) continue;
      key = t.key;
      value = t.value;
    }
    if (!detail::is_utf8(p.value))  // checked even when redacted, so that both succeed alike
      return fail(errc::unrepresentable_value, p.offset, "a property value is not valid UTF-8, which a JDBC URL cannot carry");
    if (!write_property(key, value))
      return fail(errc::unrepresentable_value, 0, "a property key holds '=', ';', '&' or a line break, which a JDBC URL cannot carry");
  }
  if (from != driver::jdbc) {
    tls_reading tls = effective_tls(c);
    if (tls.refused)
      return fail(errc::unrepresentable_value, tls.offset,
                  "the source's driver refuses its TLS settings, so there is no TLS mode to carry over");
    tls_spelling spelled = spell_tls(driver::jdbc, tls.mode, tls.stated);
    if (!spelled.key.empty()) (void)write_property(spelled.key, spelled.value);
  }
  for (const detail::jdbc_extra_argument& p : extra) {
    if (!detail::is_utf8(p.value))
      return fail(errc::unrepresentable_value, 0, "a workgroup, account, region or cluster id is not valid UTF-8");
    (void)write_property(p.key, p.value);
  }
  return out;
}

}  // namespace rsconn
