// A string of at most N bytes stored inline: the value types need no allocation, are trivially
// copyable, and stay cheap to pass around.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace rsconn::detail {

template <std::size_t Capacity>
class bounded_string {
  static_assert(Capacity > 0 && Capacity < 256, "the size is kept in one byte");

 public:
  constexpr bounded_string() noexcept = default;
  // Precondition: text.size() <= Capacity (the value types check before constructing).
  constexpr explicit bounded_string(std::string_view text) noexcept
      : size_(static_cast<std::uint8_t>(text.size() <= Capacity ? text.size() : Capacity)) {
    for (std::size_t i = 0; i < size_; ++i) data_[i] = text[i];
  }
  [[nodiscard]] constexpr std::string_view view() const noexcept { return {data_, size_}; }
  [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }

 private:
  char data_[Capacity]{};
  std::uint8_t size_ = 0;
};

}  // namespace rsconn::detail
