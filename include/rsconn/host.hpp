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

// The label of s that ends at `end` (exclusive): from the last '.' before it.
constexpr std::string_view label_before(std::string_view s, std::size_t end) noexcept {
  std::size_t start = s.rfind('.', end == 0 ? 0 : end - 1);
  if (end == 0) return {};
  start = (start == std::string_view::npos || start >= end) ? 0 : start + 1;
  return s.substr(start, end - start);
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

}  // namespace detail

[[nodiscard]] constexpr host_parts classify_host(std::string_view host) noexcept {
  host_parts parts;
  parts.upper_case = detail::has_upper(host);
  std::string_view h = host;
  if (!h.empty() && h.back() == '.') {
    parts.trailing_dot = true;
    h.remove_suffix(1);
  }

  // DNS suffix.
  std::string_view suffix;
  for (std::string_view candidate : {std::string_view("amazonaws.com.cn"), std::string_view("amazonaws.com")}) {
    if (h.size() > candidate.size() && detail::iends_with(h, candidate) &&
        h[h.size() - candidate.size() - 1] == '.') {
      suffix = h.substr(h.size() - candidate.size());
      break;
    }
  }
  if (suffix.empty()) return parts;
  std::size_t end = h.size() - suffix.size() - 1;  // the '.' before the suffix

  // Service label.
  std::string_view service = detail::label_before(h, end);
  if (detail::iequals(service, "redshift-serverless")) {
    parts.service = redshift_service::serverless;
  } else if (detail::iequals(service, "redshift-serverless-dev")) {
    parts.service = redshift_service::serverless;
    parts.dev_service = true;
  } else if (detail::iequals(service, "redshift")) {
    parts.service = redshift_service::provisioned;
  } else if (detail::iequals(service, "redshift-dev")) {
    parts.service = redshift_service::provisioned;
    parts.dev_service = true;
  } else {
    return parts;
  }
  std::size_t front_end = end - service.size();  // position of the '.' before the service label
  if (front_end == 0 || h[front_end - 1] != '.') {
    parts.service = redshift_service::none;  // the service label is the whole front
    return parts;
  }
  std::string_view front = h.substr(0, front_end - 1);

  // Two or three labels before the service label, none empty.
  std::string_view labels[3];  // [first, middle, region]; first is empty for two labels
  std::size_t count = 0;
  {
    std::size_t last_dot = front.rfind('.');
    if (last_dot == std::string_view::npos) return parts;
    labels[2] = front.substr(last_dot + 1);
    std::size_t middle_dot = front.rfind('.', last_dot == 0 ? 0 : last_dot - 1);
    if (middle_dot == std::string_view::npos || last_dot == 0) {
      labels[1] = front.substr(0, last_dot);
      count = 2;
    } else {
      if (front.find('.') != middle_dot) return parts;  // more labels than a Redshift host has
      labels[0] = front.substr(0, middle_dot);
      labels[1] = front.substr(middle_dot + 1, last_dot - middle_dot - 1);
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
