// rsconn::port — a TCP port, and the ranges Redshift listens on.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include "rsconn/detail/ascii.hpp"
#include "rsconn/error.hpp"

namespace rsconn {

class port {
 public:
  // What Redshift uses when no port is given (both Serverless and provisioned).
  static constexpr std::uint16_t default_number = 5439;

  constexpr port() noexcept = default;  // 5439

  // A port number 1..65535.
  [[nodiscard]] static constexpr result<port> make(long long number) noexcept {
    if (number < 1 || number > 65535) return fail(errc::invalid_port, 0);
    return port(static_cast<std::uint16_t>(number));
  }
  // Decimal digits only (no sign, no spaces), 1..65535. Leading zeros are allowed, as the
  // drivers allow them ("05439" is 5439). The error offset is that of the first bad byte.
  [[nodiscard]] static constexpr result<port> parse(std::string_view digits) noexcept {
    if (digits.empty()) return fail(errc::invalid_port, 0);
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < digits.size(); ++i) {
      if (!detail::is_digit(digits[i])) return fail(errc::invalid_port, i);
      value = value * 10 + static_cast<std::uint32_t>(digits[i] - '0');
      if (value > 65535) return fail(errc::invalid_port, i);
    }
    if (value == 0) return fail(errc::invalid_port, 0);
    return port(static_cast<std::uint16_t>(value));
  }

  [[nodiscard]] constexpr std::uint16_t number() const noexcept { return number_; }

  // Redshift Serverless listens on 5431-5455 or 8191-8215 (and so do RA3 clusters).
  [[nodiscard]] constexpr bool in_serverless_range() const noexcept {
    return (number_ >= 5431 && number_ <= 5455) || (number_ >= 8191 && number_ <= 8215);
  }
  [[nodiscard]] constexpr bool in_ra3_range() const noexcept { return in_serverless_range(); }
  // DC2 clusters accept 1150-65535: the widest range any provisioned cluster accepts.
  [[nodiscard]] constexpr bool in_provisioned_range() const noexcept { return number_ >= 1150; }

  friend constexpr bool operator==(port a, port b) noexcept { return a.number_ == b.number_; }
  friend constexpr bool operator!=(port a, port b) noexcept { return a.number_ != b.number_; }
  friend constexpr bool operator<(port a, port b) noexcept { return a.number_ < b.number_; }

 private:
  constexpr explicit port(std::uint16_t number) noexcept : number_(number) {}
  std::uint16_t number_ = default_number;
};

}  // namespace rsconn

template <>
struct std::hash<rsconn::port> {
  std::size_t operator()(rsconn::port p) const noexcept { return p.number(); }
};
