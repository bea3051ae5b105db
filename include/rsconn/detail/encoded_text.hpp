// A piece of the caller's input, still in the encoding it was written in. Parsers keep these
// views (no allocation); `decoded()` produces the value the consumer would see.
#pragma once

#include <string>
#include <string_view>

#include "rsconn/detail/ascii.hpp"
#include "rsconn/detail/java_url.hpp"

namespace rsconn {

enum class text_encoding : unsigned char {
  plain,     // the text is the value
  java_url,  // JDBC values: java.net.URLDecoder ('+' is a space, %XX as UTF-8)
};

class encoded_text {
 public:
  constexpr encoded_text() noexcept = default;
  constexpr encoded_text(std::string_view raw, text_encoding encoding) noexcept
      : raw_(raw), encoding_(encoding), present_(true) {}

  // Whether the input had this text at all (an empty value is present).
  [[nodiscard]] constexpr bool present() const noexcept { return present_; }
  [[nodiscard]] constexpr explicit operator bool() const noexcept { return present_; }
  [[nodiscard]] constexpr std::string_view raw() const noexcept { return raw_; }
  [[nodiscard]] constexpr text_encoding encoding() const noexcept { return encoding_; }
  [[nodiscard]] constexpr bool needs_decoding() const noexcept {
    return encoding_ == text_encoding::java_url && detail::java_url_needs_decoding(raw_);
  }

  void append_decoded(std::string& out) const {
    if (needs_decoding()) detail::append_java_url_decoded(out, raw_);
    else out.append(raw_);
  }
  [[nodiscard]] std::string decoded() const {
    std::string out;
    out.reserve(raw_.size());
    append_decoded(out);
    return out;
  }
  // Whether the decoded value equals an ASCII text, ignoring ASCII case, without allocating.
  [[nodiscard]] constexpr bool iequals(std::string_view ascii) const noexcept {
    return encoding_ == text_encoding::java_url ? detail::java_url_iequals(raw_, ascii)
                                                : detail::iequals(raw_, ascii);
  }
  // When the decoded value starts with `ascii` (case-sensitive), the rest of the text, still
  // encoded; otherwise an absent text. The prefix may be written with escapes
  // (`redshift%2Dserverless-`): the driver decodes a value before it looks at it. Java's
  // URLDecoder keeps every ASCII byte of a %XX run as itself, so comparing one escape at a time
  // is exact for an ASCII prefix.
  [[nodiscard]] constexpr encoded_text after_prefix(std::string_view ascii) const noexcept {
    if (!present_) return {};
    if (detail::starts_with(raw_, ascii)) return {raw_.substr(ascii.size()), encoding_};
    if (encoding_ != text_encoding::java_url) return {};
    std::size_t at = 0;
    for (char want : ascii) {
      if (at >= raw_.size()) return {};
      char got = raw_[at++];
      if (got == '+') {
        got = ' ';
      } else if (got == '%') {
        int high = at + 1 < raw_.size() ? detail::hex_value(raw_[at]) : -1;
        int low = high < 0 ? -1 : detail::hex_value(raw_[at + 1]);
        if (low < 0) return {};
        got = static_cast<char>(high * 16 + low);
        at += 2;
      }
      if (got != want) return {};
    }
    return {raw_.substr(at), encoding_};
  }

 private:
  std::string_view raw_;
  text_encoding encoding_ = text_encoding::plain;
  bool present_ = false;
};

}  // namespace rsconn
