// Error codes shared by parse failures and validation diagnostics, and the result type.
//
// Parsers never throw and never allocate, so a parse failure is a small trivially copyable
// value: a stable code and the byte offset in the input where the problem is. Its sentence
// comes from `describe(code)`; diagnostics (validate.hpp) add a message built for the case.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include <tl/expected.hpp>

namespace rsconn {

// Stable codes: add at the end of a group, never renumber or rename (the CLI prints them).
enum class errc : std::uint8_t {
  // Parse failures: the input is not a connection string of the form asked for.
  empty_input,
  input_too_long,
  not_jdbc_url,
  missing_database_path,
  invalid_port,
  malformed_percent_escape,
  unclosed_bracket,
  malformed_iam_url,
  empty_host,
  unrecognized_form,
  unclosed_brace,
  missing_equals,
  empty_key,
  malformed_quoted_value,
  unknown_keyword,
  invalid_uri,

  // Value-type construction and validation.
  invalid_character,
  invalid_workgroup_name,
  invalid_account_id,
  invalid_region,
  invalid_cluster_id,
  invalid_database_name,
  invalid_vpc_endpoint_name,
  invalid_host_name,
  port_outside_serverless_range,
  port_outside_provisioned_range,
  region_partition_mismatch,
  unknown_serverless_region,
  uppercase_host,
  not_a_redshift_host,
  driver_misreads_host,
  vpc_endpoint_needs_workgroup,
  unencoded_plus_in_secret,
  duplicate_property,
  conflicting_property,
  invalid_boolean,
  iam_duration_out_of_range,
  no_database,
  dev_service_label,
  invalid_user_name,
  missing_required_field,
  value_truncated_by_driver,
  unrepresentable_value,
  missing_port,
  unknown_option,
  invalid_option_value,
  tls_weakened,
  tls_changed,
  option_dropped,
  tls_unverified,
  ambiguous_form,
  form_default,
};

// The snake_case name of a code, as the CLI prints it ("invalid_port").
[[nodiscard]] constexpr std::string_view to_string(errc code) noexcept {
  switch (code) {
    case errc::empty_input: return "empty_input";
    case errc::input_too_long: return "input_too_long";
    case errc::not_jdbc_url: return "not_jdbc_url";
    case errc::missing_database_path: return "missing_database_path";
    case errc::invalid_port: return "invalid_port";
    case errc::malformed_percent_escape: return "malformed_percent_escape";
    case errc::unclosed_bracket: return "unclosed_bracket";
    case errc::malformed_iam_url: return "malformed_iam_url";
    case errc::empty_host: return "empty_host";
    case errc::unrecognized_form: return "unrecognized_form";
    case errc::unclosed_brace: return "unclosed_brace";
    case errc::missing_equals: return "missing_equals";
    case errc::empty_key: return "empty_key";
    case errc::malformed_quoted_value: return "malformed_quoted_value";
    case errc::unknown_keyword: return "unknown_keyword";
    case errc::invalid_uri: return "invalid_uri";
    case errc::invalid_character: return "invalid_character";
    case errc::invalid_workgroup_name: return "invalid_workgroup_name";
    case errc::invalid_account_id: return "invalid_account_id";
    case errc::invalid_region: return "invalid_region";
    case errc::invalid_cluster_id: return "invalid_cluster_id";
    case errc::invalid_database_name: return "invalid_database_name";
    case errc::invalid_vpc_endpoint_name: return "invalid_vpc_endpoint_name";
    case errc::invalid_host_name: return "invalid_host_name";
    case errc::port_outside_serverless_range: return "port_outside_serverless_range";
    case errc::port_outside_provisioned_range: return "port_outside_provisioned_range";
    case errc::region_partition_mismatch: return "region_partition_mismatch";
    case errc::unknown_serverless_region: return "unknown_serverless_region";
    case errc::uppercase_host: return "uppercase_host";
    case errc::not_a_redshift_host: return "not_a_redshift_host";
    case errc::driver_misreads_host: return "driver_misreads_host";
    case errc::vpc_endpoint_needs_workgroup: return "vpc_endpoint_needs_workgroup";
    case errc::unencoded_plus_in_secret: return "unencoded_plus_in_secret";
    case errc::duplicate_property: return "duplicate_property";
    case errc::conflicting_property: return "conflicting_property";
    case errc::invalid_boolean: return "invalid_boolean";
    case errc::iam_duration_out_of_range: return "iam_duration_out_of_range";
    case errc::no_database: return "no_database";
    case errc::dev_service_label: return "dev_service_label";
    case errc::invalid_user_name: return "invalid_user_name";
    case errc::missing_required_field: return "missing_required_field";
    case errc::value_truncated_by_driver: return "value_truncated_by_driver";
    case errc::unrepresentable_value: return "unrepresentable_value";
    case errc::missing_port: return "missing_port";
    case errc::unknown_option: return "unknown_option";
    case errc::invalid_option_value: return "invalid_option_value";
    case errc::tls_weakened: return "tls_weakened";
    case errc::tls_changed: return "tls_changed";
    case errc::option_dropped: return "option_dropped";
    case errc::tls_unverified: return "tls_unverified";
    case errc::ambiguous_form: return "ambiguous_form";
    case errc::form_default: return "form_default";
  }
  return "unknown";
}

// A sentence for a parse failure or a value-type error, without the case's particulars.
[[nodiscard]] constexpr std::string_view describe(errc code) noexcept {
  switch (code) {
    case errc::empty_input: return "the input is empty";
    case errc::input_too_long: return "the input is longer than the 4 MiB rsconn accepts";
    case errc::not_jdbc_url: return "a Redshift JDBC URL starts with \"jdbc:redshift:\" (lower case)";
    case errc::missing_database_path:
      return "the JDBC driver requires a '/' after host and port; add the database, e.g. \":5439/dev\"";
    case errc::invalid_port: return "the port must be a whole number from 1 to 65535";
    case errc::malformed_percent_escape:
      return "a '%' must be followed by two hexadecimal digits; write a literal '%' as %25";
    case errc::unclosed_bracket: return "an IPv6 address opened with '[' has no closing ']'";
    case errc::malformed_iam_url:
      return "an IAM URL must look like jdbc:redshift:iam://host[:port][/database][?key=value...]";
    case errc::empty_host: return "the host name is empty";
    case errc::unrecognized_form:
      return "this does not look like a JDBC URL, an endpoint (host:port/database) or a host name";
    case errc::unclosed_brace: return "a value opened with '{' has no closing '}'";
    case errc::missing_equals: return "a setting has no '=' between its key and its value";
    case errc::empty_key: return "a setting has an empty key before '='";
    case errc::malformed_quoted_value: return "a quoted value is not closed or has a bad escape";
    case errc::unknown_keyword: return "this keyword is not one the consumer knows";
    case errc::invalid_uri: return "this is not a well-formed URI";
    case errc::invalid_character: return "the value holds a character AWS does not allow here";
    case errc::invalid_workgroup_name:
      return "a workgroup name has 3 to 64 characters: lower-case letters, digits and hyphens";
    case errc::invalid_account_id: return "an AWS account ID is exactly 12 digits";
    case errc::invalid_region: return "a region code looks like us-east-1: letters, hyphens, then a number";
    case errc::invalid_cluster_id:
      return "a cluster identifier has 1 to 63 lower-case letters, digits and hyphens, starts with a "
             "letter, and has no \"--\" and no trailing hyphen";
    case errc::invalid_database_name: return "a database name has 1 to 127 bytes and no control characters";
    case errc::invalid_vpc_endpoint_name:
      return "a VPC endpoint name has 1 to 30 letters, digits and hyphens, starts with a letter, and has "
             "no \"--\" and no trailing hyphen";
    case errc::invalid_host_name: return "this is not a valid DNS host name";
    case errc::port_outside_serverless_range:
      return "Redshift Serverless listens only on ports 5431-5455 and 8191-8215";
    case errc::port_outside_provisioned_range: return "a provisioned cluster listens on ports 1150-65535";
    case errc::region_partition_mismatch: return "the region does not belong to the host's DNS partition";
    case errc::unknown_serverless_region: return "Redshift Serverless is not known to be offered in this region";
    case errc::uppercase_host: return "the host name has upper-case letters; the drivers match it case-sensitively";
    case errc::not_a_redshift_host: return "the host is not a Redshift endpoint";
    case errc::driver_misreads_host: return "the official drivers read this host's parts differently";
    case errc::vpc_endpoint_needs_workgroup:
      return "a managed VPC endpoint host does not name its workgroup; IAM needs it given explicitly";
    case errc::unencoded_plus_in_secret:
      return "a '+' in a URL value is decoded as a space; write a literal '+' as %2B";
    case errc::duplicate_property: return "the same property is given more than once; the last one wins";
    case errc::conflicting_property: return "a property contradicts what the host or another property says";
    case errc::invalid_boolean: return "the value should be true or false";
    case errc::iam_duration_out_of_range: return "IAM credentials last 900 to 3600 seconds";
    case errc::no_database: return "no database is named";
    case errc::dev_service_label: return "this is an AWS-internal development endpoint";
    case errc::invalid_user_name:
      return "a user name has 1 to 128 letters, digits and _ + . @ -, starts with a letter, and is not PUBLIC";
    case errc::missing_required_field: return "the target form needs a field the connection does not have";
    case errc::value_truncated_by_driver: return "the driver truncates this value";
    case errc::unrepresentable_value: return "the value cannot be written in the target form";
    case errc::missing_port:
      return "no port is written: libpq then uses 5432, while Redshift listens on 5439 unless configured otherwise";
    case errc::unknown_option: return "the driver has no option of this name";
    case errc::invalid_option_value: return "the driver refuses or misreads this value";
    case errc::tls_weakened: return "the converted string connects with weaker TLS than the original";
    case errc::tls_changed: return "the converted string connects with a different TLS mode than the original";
    case errc::option_dropped: return "the conversion leaves out an option the target cannot carry";
    case errc::tls_unverified: return "the connection's TLS does not check the server's certificate, or there is no TLS";
    case errc::ambiguous_form: return "another tool reads this text as a different form, with a different meaning";
    case errc::form_default: return "the tool that reads this form adds a setting the text does not state";
  }
  return "unknown error";
}

// Why something could not be parsed or built: what, and where (a byte offset in the input).
struct error {
  errc code{};
  std::size_t offset = 0;
  // A sentence for this case, when it says more than describe(code); always static text.
  std::string_view detail{};

  [[nodiscard]] constexpr std::string_view message() const noexcept {
    return detail.empty() ? describe(code) : detail;
  }
  friend constexpr bool operator==(const error& a, const error& b) noexcept {
    return a.code == b.code && a.offset == b.offset;
  }
  friend constexpr bool operator!=(const error& a, const error& b) noexcept { return !(a == b); }
};

template <class T>
using result = tl::expected<T, error>;

[[nodiscard]] constexpr tl::unexpected<error> fail(errc code, std::size_t offset = 0,
                                                   std::string_view detail = {}) noexcept {
  return tl::unexpected<error>(error{code, offset, detail});
}

// Inputs longer than this are refused before any work (errc::input_too_long): no connection
// string is anywhere near this, and it bounds what a hostile caller can make us scan.
inline constexpr std::size_t max_input_length = std::size_t{4} << 20;

}  // namespace rsconn
