// RapidCheck generators shared by the property tests: valid AWS names, Redshift hosts of each
// kind, hostile text (separators, escapes, non-ASCII) and properties.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <rapidcheck.h>

#include "rsconn/jdbc.hpp"
#include "rsconn/names.hpp"

namespace rsconn_test {

inline const std::string lower = "abcdefghijklmnopqrstuvwxyz";
inline const std::string digits = "0123456789";

inline rc::Gen<std::string> string_of(const std::string& alphabet, std::size_t min, std::size_t max) {
  return rc::gen::mapcat(rc::gen::inRange(min, max + 1), [alphabet](std::size_t n) {
    return rc::gen::container<std::string>(n, rc::gen::elementOf(alphabet));
  });
}

// Text a user might put in a database name or a property value, hostile to URL syntax. Never
// holds 'Z' (the secrets test marks secrets with it) and is always valid UTF-8.
inline rc::Gen<std::string> hostile_text(bool allow_control = true) {
  std::vector<std::string> fragments = {"a", "b", "0", "9", "_", "-", ".", "~", "+", "%", "%2B", "%zz", ";",
                                        "&", "=", "?", "#", "/", ":", ",", "@", "[", "]", " ", "'", "\"",
                                        "\\", "{", "}", "*", "!", "$", "(", ")", "\xC3\xA9", "\xE2\x82\xAC",
                                        "\xF0\x9F\x98\x80", "\xC2\xA0", "IAM:", "jdbc:redshift:"};
  if (allow_control) {
    fragments.push_back("\n");
    fragments.push_back("\t");
    fragments.push_back(std::string(1, '\0'));
  }
  return rc::gen::map(rc::gen::container<std::vector<std::string>>(rc::gen::elementOf(fragments)),
                      [](const std::vector<std::string>& parts) {
                        std::string out;
                        for (const std::string& p : parts) out += p;
                        return out;
                      });
}

inline rc::Gen<std::string> workgroup() { return string_of(lower + digits + "-", 3, 20); }
inline rc::Gen<std::string> account() { return string_of(digits, 12, 12); }
inline rc::Gen<std::string> region_code() {
  std::vector<std::string> regions;
  for (std::string_view r : rsconn::region::serverless_regions) regions.emplace_back(r);
  return rc::gen::elementOf(regions);
}
inline rc::Gen<std::string> cluster() {
  return rc::gen::apply([](char first, const std::string& rest) { return std::string(1, first) + rest; },
                        rc::gen::elementOf(lower), string_of(lower + digits, 0, 15));
}

enum class host_shape { serverless, provisioned, custom, vpc_endpoint };

// A host and what rsconn should read from it.
struct generated_host {
  host_shape shape = host_shape::custom;
  std::string host;
  std::optional<std::string> workgroup, account, region, cluster;
};

inline std::string suffix_for(const std::string& region) {
  return region.rfind("cn-", 0) == 0 ? "amazonaws.com.cn" : "amazonaws.com";
}

inline rc::Gen<generated_host> host() {
  return rc::gen::exec([] {
    generated_host h;
    h.shape = *rc::gen::element(host_shape::serverless, host_shape::provisioned, host_shape::custom,
                                host_shape::vpc_endpoint);
    switch (h.shape) {
      case host_shape::serverless: {
        h.workgroup = *workgroup();
        h.account = *account();
        h.region = *region_code();
        h.host = *h.workgroup + "." + *h.account + "." + *h.region + ".redshift-serverless." + suffix_for(*h.region);
        break;
      }
      case host_shape::provisioned: {
        h.cluster = *cluster();
        h.region = *region_code();
        std::string unique = *string_of(lower + digits, 1, 12);
        h.host = *h.cluster + "." + unique + "." + *h.region + ".redshift." + suffix_for(*h.region);
        break;
      }
      case host_shape::vpc_endpoint: {
        h.account = *account();
        h.region = *region_code();
        std::string name = *cluster();
        h.host = name + "-endpoint-" + *string_of(lower + digits, 20, 20) + "." + *h.account + "." + *h.region +
                 ".redshift-serverless." + suffix_for(*h.region);
        break;
      }
      case host_shape::custom:
        h.host = *string_of(lower, 1, 10) + *rc::gen::element<std::string>(".example.com", ".elb.us-east-1.amazonaws.com",
                                                                         "");
        break;
    }
    return h;
  });
}

// Property keys that do not steer the effective fields; secrets among them.
inline rc::Gen<std::string> plain_key() {
  return rc::gen::element<std::string>("user", "UID", "ssl", "sslmode", "ApplicationName", "loginTimeout",
                                       "tcpKeepAlive", "x-custom", "DbUser", "DbGroups", "AutoCreate");
}
inline rc::Gen<std::string> secret_key() {
  return rc::gen::element<std::string>("password", "PWD", "Password", "SessionToken", "SecretAccessKey",
                                       "webIdentityToken", "client_secret");
}

inline rc::Gen<std::vector<rsconn::property>> properties(rc::Gen<std::string> value) {
  return rc::gen::container<std::vector<rsconn::property>>(
      rc::gen::apply([](const std::string& k, const std::string& v) { return rsconn::property{k, v}; },
                     rc::gen::oneOf(plain_key(), secret_key()), value));
}

}  // namespace rsconn_test
