// Value types for the names AWS constrains: each is built through `make`, which checks AWS's
// rule and says where the text breaks it; a constructed value is always valid. All are
// trivially copyable (inline storage), comparable and hashable; formatters live in fmt.hpp.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

#include "rsconn/detail/ascii.hpp"
#include "rsconn/detail/bounded_string.hpp"
#include "rsconn/error.hpp"

namespace rsconn {

namespace detail {

// What every name type shares: storage, observers, comparisons.
template <class Derived, std::size_t Capacity>
class name_base {
 public:
  static constexpr std::size_t max_size = Capacity;
  [[nodiscard]] constexpr std::string_view str() const noexcept { return text_.view(); }

  friend constexpr bool operator==(const Derived& a, const Derived& b) noexcept {
    return a.str() == b.str();
  }
  friend constexpr bool operator!=(const Derived& a, const Derived& b) noexcept {
    return a.str() != b.str();
  }
  friend constexpr bool operator<(const Derived& a, const Derived& b) noexcept {
    return a.str() < b.str();
  }

 protected:
  constexpr explicit name_base(std::string_view text) noexcept : text_(text) {}

 private:
  bounded_string<Capacity> text_;
};

// Offset of the first byte outside [a-z0-9-] (or text.size()).
constexpr std::size_t first_not_lower_alnum_hyphen(std::string_view text) noexcept {
  for (std::size_t i = 0; i < text.size(); ++i)
    if (!(is_lower(text[i]) || is_digit(text[i]) || text[i] == '-')) return i;
  return text.size();
}

// The shared rule of cluster identifiers and VPC endpoint names: 1..max letters, digits and
// hyphens, a letter first, no "--", no trailing hyphen. Returns the offset of the first
// offence, or text.size() when the text is fine.
constexpr std::size_t first_identifier_offence(std::string_view text, std::size_t max,
                                               bool lower_only) noexcept {
  if (text.empty()) return 0;
  if (!(lower_only ? is_lower(text[0]) : is_alpha(text[0]))) return 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool letter = lower_only ? is_lower(c) : is_alpha(c);
    if (!(letter || is_digit(c) || c == '-')) return i;
    if (c == '-' && i > 0 && text[i - 1] == '-') return i;
    if (i >= max) return i;
  }
  if (text.back() == '-') return text.size() - 1;
  return text.size();
}

}  // namespace detail

// A Redshift Serverless workgroup (or namespace) name: 3-64 of [a-z0-9-].
class workgroup_name : public detail::name_base<workgroup_name, 64> {
 public:
  static constexpr std::size_t min_size = 3;
  [[nodiscard]] static constexpr result<workgroup_name> make(std::string_view text) noexcept {
    if (std::size_t bad = detail::first_not_lower_alnum_hyphen(text); bad < text.size())
      return fail(errc::invalid_workgroup_name, bad);
    if (text.size() < min_size) return fail(errc::invalid_workgroup_name, text.size());
    if (text.size() > max_size) return fail(errc::invalid_workgroup_name, max_size);
    return workgroup_name(text);
  }

 private:
  using name_base::name_base;
};

// A 12-digit AWS account ID.
class account_id : public detail::name_base<account_id, 12> {
 public:
  [[nodiscard]] static constexpr result<account_id> make(std::string_view text) noexcept {
    for (std::size_t i = 0; i < text.size(); ++i)
      if (!detail::is_digit(text[i]) || i >= max_size) return fail(errc::invalid_account_id, i);
    if (text.size() != max_size) return fail(errc::invalid_account_id, text.size());
    return account_id(text);
  }

 private:
  using name_base::name_base;
};

// AWS partitions that host Redshift.
enum class partition : unsigned char { aws, aws_cn, aws_us_gov };

[[nodiscard]] constexpr std::string_view to_string(partition p) noexcept {
  switch (p) {
    case partition::aws: return "aws";
    case partition::aws_cn: return "aws-cn";
    case partition::aws_us_gov: return "aws-us-gov";
  }
  return "aws";
}
// The DNS suffix of a partition's endpoints (GovCloud shares amazonaws.com).
[[nodiscard]] constexpr std::string_view dns_suffix(partition p) noexcept {
  return p == partition::aws_cn ? "amazonaws.com.cn" : "amazonaws.com";
}

// A region code such as us-east-1: [a-z]{2,3}(-[a-z]+)+-[0-9]+, the drivers' own pattern.
class region : public detail::name_base<region, 32> {
 public:
  [[nodiscard]] static constexpr result<region> make(std::string_view text) noexcept {
    std::size_t bad = first_offence(text);
    if (bad != npos) return fail(errc::invalid_region, bad);
    return region(text);
  }
  [[nodiscard]] static constexpr bool is_valid(std::string_view text) noexcept {
    return first_offence(text) == npos;
  }

  [[nodiscard]] constexpr rsconn::partition partition() const noexcept { return partition_of(str()); }
  [[nodiscard]] constexpr std::string_view dns_suffix() const noexcept {
    return rsconn::dns_suffix(partition());
  }
  // Whether AWS lists Redshift Serverless in this region today. Informational: new regions
  // appear, so an unlisted one earns a warning, never an error.
  [[nodiscard]] constexpr bool offers_serverless() const noexcept {
    for (std::string_view known : serverless_regions)
      if (known == str()) return true;
    return false;
  }

  // The partition a region code belongs to, judged by its prefix.
  [[nodiscard]] static constexpr rsconn::partition partition_of(std::string_view code) noexcept {
    if (detail::starts_with(code, "cn-")) return partition::aws_cn;
    if (detail::starts_with(code, "us-gov-")) return partition::aws_us_gov;
    return partition::aws;
  }

  static constexpr std::string_view serverless_regions[] = {
      "af-south-1",     "ap-east-1",      "ap-east-2",      "ap-northeast-1", "ap-northeast-2",
      "ap-northeast-3", "ap-south-1",     "ap-south-2",     "ap-southeast-1", "ap-southeast-2",
      "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
      "ca-central-1",   "ca-west-1",      "eu-central-1",   "eu-central-2",   "eu-north-1",
      "eu-south-1",     "eu-south-2",     "eu-west-1",      "eu-west-2",      "eu-west-3",
      "il-central-1",   "me-central-1",   "mx-central-1",   "sa-east-1",      "us-east-1",
      "us-east-2",      "us-west-1",      "us-west-2",      "cn-north-1",     "cn-northwest-1",
      "us-gov-east-1",  "us-gov-west-1"};

 private:
  using name_base::name_base;
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  // Offset of the first byte that breaks the pattern, or npos.
  static constexpr std::size_t first_offence(std::string_view s) noexcept {
    std::size_t i = 0;
    while (i < s.size() && detail::is_lower(s[i])) ++i;
    if (i < 2) return i;
    if (i > 3) return 3;
    std::size_t letter_groups = 0;
    while (true) {  // each round: '-' then letters (a group) or digits (the end)
      if (i >= s.size() || s[i] != '-') return i;
      ++i;
      if (i < s.size() && detail::is_lower(s[i])) {
        while (i < s.size() && detail::is_lower(s[i])) ++i;
        ++letter_groups;
        continue;
      }
      if (letter_groups == 0 || i >= s.size() || !detail::is_digit(s[i])) return i;
      while (i < s.size() && detail::is_digit(s[i])) ++i;
      if (i != s.size()) return i;
      return s.size() > max_size ? max_size : npos;
    }
  }
};

// A provisioned cluster identifier: 1-63 of [a-z0-9-], a letter first, no "--", no trailing '-'.
class cluster_id : public detail::name_base<cluster_id, 63> {
 public:
  [[nodiscard]] static constexpr result<cluster_id> make(std::string_view text) noexcept {
    std::size_t bad = detail::first_identifier_offence(text, max_size, /*lower_only=*/true);
    if (bad < text.size() || text.empty()) return fail(errc::invalid_cluster_id, bad);
    return cluster_id(text);
  }

 private:
  using name_base::name_base;
};

// The name of a Redshift-managed VPC endpoint: 1-30 letters, digits, hyphens; letter first.
class vpc_endpoint_name : public detail::name_base<vpc_endpoint_name, 30> {
 public:
  [[nodiscard]] static constexpr result<vpc_endpoint_name> make(std::string_view text) noexcept {
    std::size_t bad = detail::first_identifier_offence(text, max_size, /*lower_only=*/false);
    if (bad < text.size() || text.empty()) return fail(errc::invalid_vpc_endpoint_name, bad);
    return vpc_endpoint_name(text);
  }

 private:
  using name_base::name_base;
};

// A database name: 1-127 bytes (Redshift's identifier limit), no control characters. The
// stricter rule for a workgroup's first database (lower-case, 64) is AWS's, not a connect rule.
class database_name : public detail::name_base<database_name, 127> {
 public:
  [[nodiscard]] static constexpr result<database_name> make(std::string_view text) noexcept {
    if (text.empty()) return fail(errc::invalid_database_name, 0);
    for (std::size_t i = 0; i < text.size(); ++i)
      if (detail::is_control(text[i]) || i >= max_size) return fail(errc::invalid_database_name, i);
    return database_name(text);
  }

 private:
  using name_base::name_base;
};

}  // namespace rsconn

#define RSCONN_DETAIL_NAME_HASH(type)                                         \
  template <>                                                                 \
  struct std::hash<rsconn::type> {                                            \
    std::size_t operator()(const rsconn::type& v) const noexcept {            \
      return std::hash<std::string_view>{}(v.str());                          \
    }                                                                         \
  };
RSCONN_DETAIL_NAME_HASH(workgroup_name)
RSCONN_DETAIL_NAME_HASH(account_id)
RSCONN_DETAIL_NAME_HASH(region)
RSCONN_DETAIL_NAME_HASH(cluster_id)
RSCONN_DETAIL_NAME_HASH(vpc_endpoint_name)
RSCONN_DETAIL_NAME_HASH(database_name)
#undef RSCONN_DETAIL_NAME_HASH
