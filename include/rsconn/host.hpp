// Host classification: is a host a Redshift Serverless workgroup endpoint, a Redshift-managed
// VPC endpoint, a provisioned cluster endpoint, or something else — and what are its parts?
//
// One hand-written pass over the labels from the right; no regex, no allocation. Matching is
// case-insensitive (DNS is), one trailing dot is allowed, and the parts are views into the
// host as written. Unlike the drivers' regexes (see `driver_reading` below), this never reads
// across a label, never accepts a tail after the DNS suffix, and knows VPC endpoints.
#pragma once

#include <cstddef>
#include <string_view>

#include "rsconn/detail/ascii.hpp"
#include "rsconn/names.hpp"

namespace rsconn {

enum class host_kind : unsigned char { other, serverless, vpc_endpoint, provisioned };

// "serverless" | "vpc-endpoint" | "provisioned" | "other", as the CLI prints it.
[[nodiscard]] constexpr std::string_view to_string(host_kind kind) noexcept {
  switch (kind) {
    case host_kind::serverless: return "serverless";
    case host_kind::vpc_endpoint: return "vpc-endpoint";
    case host_kind::provisioned: return "provisioned";
    case host_kind::other: return "other";
  }
  return "other";
}

// Which Redshift service a host's service label names.
enum class redshift_service : unsigned char { none, serverless, provisioned };

// What a host says about itself. Every view points into the classified host text.
struct host_parts {
  host_kind kind = host_kind::other;
  redshift_service service = redshift_service::none;
  std::string_view workgroup;      // serverless: the first label
  std::string_view account;        // serverless and serverless VPC endpoints: the account label
  std::string_view cluster;        // provisioned: the first label
  std::string_view cluster_suffix; // provisioned and provisioned VPC endpoints: the unique-id label
  std::string_view endpoint_name;  // VPC endpoint: the name before "-endpoint-"
  std::string_view endpoint_id;    // VPC endpoint: the 20 characters after "-endpoint-"
  std::string_view region;
  std::string_view dns_suffix;     // "amazonaws.com" or "amazonaws.com.cn", as written
  bool dev_service = false;        // "redshift-serverless-dev" / "redshift-dev" (AWS-internal)
  bool trailing_dot = false;
  bool upper_case = false;

  [[nodiscard]] constexpr bool is_redshift() const noexcept { return kind != host_kind::other; }
  // The partition named by the DNS suffix (amazonaws.com.cn is aws-cn; GovCloud shares
  // amazonaws.com, so a us-gov region under it is aws-us-gov).
  [[nodiscard]] constexpr partition suffix_partition() const noexcept {
    if (detail::iequals(dns_suffix, "amazonaws.com.cn")) return partition::aws_cn;
    if (detail::starts_with(region, "us-gov-")) return partition::aws_us_gov;
    return partition::aws;
  }
};

namespace detail {

// What one pass over a host's bytes says: bit 0 (`has_upper_byte`), an upper-case ASCII letter;
// bit 1 (`may_end_java_line_byte`), a byte that may begin a Java line terminator ('\n', '\r',
// or any non-ASCII byte: U+0085, U+2028 and U+2029 start with one; other control bytes may
// raise it too). Branch-free, at run time a word at a time.
inline constexpr unsigned has_upper_byte = 1;
inline constexpr unsigned may_end_java_line_byte = 2;

// scan_host_bytes eight bytes at a time (a host of at least eight bytes), with the usual
// "does some byte..." word tricks; each byte lane is computed without carries into the next.
// The last word overlaps the one before it: reading a byte twice changes no answer.
inline unsigned scan_host_words(std::string_view s) noexcept {
  constexpr std::uint64_t low7 = word_ones * 0x7Fu;
  std::uint64_t upper = 0;
  std::uint64_t suspect = 0;
  auto scan = [&](std::uint64_t x) {
    // 0x40 < byte < 0x5B, i.e. 'A'..'Z', for the bytes below 0x80 (~x drops the others).
    std::uint64_t y = x & low7;
    upper |= (word_ones * (127 + 0x5B) - y) & ~x & (y + word_ones * (127 - 0x40));
    // A byte below 0x0E ('\n' and '\r' among them), or one with its high bit set. Tabs and
    // other control bytes are false alarms, which the exact search then clears.
    suspect |= (x - word_ones * 0x0E) | x;
  };
  const char* p = s.data();
  std::size_t n = s.size();
  for (std::size_t at = 0; at + 8 < n; at += 8) scan(load_word(p + at));
  scan(load_word(p + n - 8));
  return ((upper & word_high_bits) != 0 ? has_upper_byte : 0u) |
         ((suspect & word_high_bits) != 0 ? may_end_java_line_byte : 0u);
}

constexpr unsigned scan_host_bytes(std::string_view s) noexcept {
  if (RSCONN_DETAIL_RUN_TIME() && s.size() >= 8) return scan_host_words(s);
  unsigned char upper = 0;
  unsigned char suspect = 0;
  for (char c : s) {
    auto b = static_cast<unsigned char>(c);
    upper |= static_cast<unsigned char>(static_cast<unsigned char>(b - 'A') < 26);
    suspect |= static_cast<unsigned char>((b == '\n') | (b == '\r') | (b >= 0x80));
  }
  return (upper ? has_upper_byte : 0u) | (suspect ? may_end_java_line_byte : 0u);
}

// "<name>-endpoint-<20 lower-case alphanumerics>" (compared case-insensitively).
constexpr bool split_vpc_endpoint_label(std::string_view label, std::string_view& name,
                                        std::string_view& id) noexcept {
  constexpr std::string_view marker = "-endpoint-";
  constexpr std::size_t id_size = 20;
  if (label.size() < marker.size() + id_size + 1) return false;
  std::size_t marker_at = label.size() - id_size - marker.size();
  if (!iequals(label.substr(marker_at, marker.size()), marker)) return false;
  for (char c : label.substr(label.size() - id_size))
    if (!is_alnum(c)) return false;
  name = label.substr(0, marker_at);
  id = label.substr(label.size() - id_size);
  return true;
}

// Whether `text` equals `lower` (a lower-case ASCII literal) ignoring ASCII case. `upper` says
// whether the text being classified has any upper-case letter at all: when it has none (the
// usual case), an exact comparison is the same test, and the compiler expands it inline.
constexpr bool label_is(std::string_view text, std::string_view lower, bool upper) noexcept {
  return upper ? iequals(text, lower) : text == lower;
}

// Whether the `name` label ends at `end` in h and is not the first label.
constexpr bool label_ends_at(std::string_view h, std::size_t end, std::string_view name, bool upper) noexcept {
  return end > name.size() && h[end - name.size() - 1] == '.' &&
         label_is(subview(h, end - name.size(), name.size()), name, upper);
}

// classify_host, told whether the host has an upper-case letter (a caller that scans the host
// anyway can find that out in the same pass).
constexpr host_parts classify_host_with_case(std::string_view host, bool upper) noexcept {
  host_parts parts;
  parts.upper_case = upper;
  std::string_view h = host;
  if (!h.empty() && h.back() == '.') {
    parts.trailing_dot = true;
    h.remove_suffix(1);
  }

  // DNS suffix: the whole last labels, compared in place.
  constexpr std::string_view cn = "amazonaws.com.cn";
  constexpr std::string_view com = "amazonaws.com";
  std::size_t suffix_size = 0;
  if (label_ends_at(h, h.size(), cn, upper)) suffix_size = cn.size();
  else if (label_ends_at(h, h.size(), com, upper)) suffix_size = com.size();
  else return parts;
  std::string_view suffix = subview(h, h.size() - suffix_size);
  std::size_t end = h.size() - suffix_size - 1;  // the '.' before the suffix

  // Service label: the label that ends at `end`, preceded by a '.' (a service label that is
  // the whole front of the host names nothing).
  std::size_t service_size = 0;
  if (label_ends_at(h, end, "redshift-serverless", upper)) {
    parts.service = redshift_service::serverless;
    service_size = 19;
  } else if (label_ends_at(h, end, "redshift", upper)) {
    parts.service = redshift_service::provisioned;
    service_size = 8;
  } else if (label_ends_at(h, end, "redshift-serverless-dev", upper)) {
    parts.service = redshift_service::serverless;
    parts.dev_service = true;
    service_size = 23;
  } else if (label_ends_at(h, end, "redshift-dev", upper)) {
    parts.service = redshift_service::provisioned;
    parts.dev_service = true;
    service_size = 12;
  } else {
    return parts;
  }
  std::string_view front = subview(h, 0, end - service_size - 1);

  // Two or three labels before the service label, none empty: found left to right with
  // memchr-backed searches, which skip over a label at a time.
  std::string_view labels[3];  // [first, middle, region]; first is empty for two labels
  std::size_t count = 0;
  {
    constexpr std::size_t npos = std::string_view::npos;
    std::size_t dot1 = front.find('.');
    if (dot1 == npos) return parts;
    std::size_t dot2 = front.find('.', dot1 + 1);
    if (dot2 == npos) {
      labels[1] = subview(front, 0, dot1);
      labels[2] = subview(front, dot1 + 1);
      count = 2;
    } else {
      if (front.find('.', dot2 + 1) != npos) return parts;  // more labels than a Redshift host has
      labels[0] = subview(front, 0, dot1);
      labels[1] = subview(front, dot1 + 1, dot2 - dot1 - 1);
      labels[2] = subview(front, dot2 + 1);
      count = 3;
      if (labels[0].empty()) return parts;
    }
    if (labels[1].empty() || labels[2].empty()) return parts;
  }

  parts.dns_suffix = suffix;
  parts.region = labels[2];
  if (parts.service == redshift_service::serverless) {
    parts.account = labels[1];
    if (count == 3) {
      if (detail::split_vpc_endpoint_label(labels[0], parts.endpoint_name, parts.endpoint_id)) {
        parts.kind = host_kind::vpc_endpoint;
      } else {
        parts.kind = host_kind::serverless;
        parts.workgroup = labels[0];
      }
    } else {
      parts.kind = host_kind::serverless;  // the account-only form: <account>.<region>...
    }
    return parts;
  }
  if (count != 3) {
    parts.dns_suffix = {};
    parts.region = {};
    return parts;
  }
  parts.cluster_suffix = labels[1];
  if (detail::split_vpc_endpoint_label(labels[0], parts.endpoint_name, parts.endpoint_id)) {
    parts.kind = host_kind::vpc_endpoint;
  } else {
    parts.kind = host_kind::provisioned;
    parts.cluster = labels[0];
  }
  return parts;
}

}  // namespace detail

[[nodiscard]] constexpr host_parts classify_host(std::string_view host) noexcept {
  return detail::classify_host_with_case(host, (detail::scan_host_bytes(host) & detail::has_upper_byte) != 0);
}

// How the official JDBC driver reads a host: its regexes
//   provisioned: (.+)\.(.+)\.(.+).redshift(-dev)?\.amazonaws\.com(.)*   (tried first)
//   serverless:  (.+)\.(.+)\.(.+).redshift-serverless(-dev)?\.amazonaws\.com(.)*
// matched in full, case-sensitively, with Java's greedy backtracking. Reproduced here (in
// linear time) only to explain where the driver reads a host differently from rsconn.
struct driver_host_reading {
  redshift_service service = redshift_service::none;  // none: neither regex matches
  std::string_view first;   // cluster id (provisioned) or workgroup (serverless)
  std::string_view second;  // unique id (provisioned) or account id (serverless)
  std::string_view region;
};

namespace detail {

// Java's '.' matches anything but a line terminator: \n \r U+0085 U+2028 U+2029.
constexpr bool has_java_line_terminator(std::string_view s) noexcept {
  // Hosts and arguments are nearly always plain ASCII: the vectorized pass rules them out
  // before the exact byte-by-byte search below.
  if ((scan_host_bytes(s) & may_end_java_line_byte) == 0) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '\n' || c == '\r') return true;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x85) return true;
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9))
      return true;
  }
  return false;
}

constexpr driver_host_reading match_driver_regex(std::string_view host, std::string_view label,
                                                 redshift_service service) noexcept {
  // The greedy match is fixed by the last place p where label(-dev)?.amazonaws.com starts:
  // group 3 ends one (any) character before p; group 2 ends at the last '.' at or before
  // p-3; group 1 at the last '.' at least two before that.
  std::size_t p = std::string_view::npos;
  for (std::size_t at = host.rfind(label); at != std::string_view::npos && at > 0;
       at = host.rfind(label, at - 1)) {
    std::string_view rest = host.substr(at + label.size());
    if (starts_with(rest, ".amazonaws.com") || starts_with(rest, "-dev.amazonaws.com")) {
      p = at;
      break;
    }
  }
  if (p == std::string_view::npos || p < 5) return {};
  std::size_t second_dot = host.rfind('.', p - 3);
  if (second_dot == std::string_view::npos || second_dot < 2) return {};
  std::size_t first_dot = host.rfind('.', second_dot - 2);
  if (first_dot == std::string_view::npos || first_dot < 1) return {};
  driver_host_reading reading;
  reading.service = service;
  reading.first = host.substr(0, first_dot);
  reading.second = host.substr(first_dot + 1, second_dot - first_dot - 1);
  reading.region = host.substr(second_dot + 1, p - 1 - second_dot - 1);
  return reading;
}

}  // namespace detail

[[nodiscard]] constexpr driver_host_reading driver_reading(std::string_view host) noexcept {
  if (detail::has_java_line_terminator(host)) return {};
  driver_host_reading provisioned =
      detail::match_driver_regex(host, "redshift", redshift_service::provisioned);
  if (provisioned.service != redshift_service::none) return provisioned;
  return detail::match_driver_regex(host, "redshift-serverless", redshift_service::serverless);
}

}  // namespace rsconn
