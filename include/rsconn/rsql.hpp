// RSQL, Amazon Redshift's command-line client (SPEC §5):
//
//   rsql -h HOST -p PORT -U USER -d DATABASE        (password from $RSPASSWORD or a prompt)
//   rsql -D DSN                                     (an ODBC data source holds the settings)
//
// `to_rsql` builds the argument vector and the environment for a connection. A password never
// goes on the command line (any user of the machine can read a process's arguments): it is
// the environment entry RSPASSWORD. `command_line()` renders the arguments for a POSIX shell.
// `parse_rsql` reads such arguments back into a connection.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rsconn/connection.hpp"
#include "rsconn/detail/ascii.hpp"
#include "rsconn/detail/shell.hpp"
#include "rsconn/error.hpp"
#include "rsconn/libpq.hpp"
#include "rsconn/port.hpp"
#include "rsconn/properties.hpp"
#include "rsconn/settings.hpp"

namespace rsconn {

// The environment variable RSQL reads the password from.
inline constexpr std::string_view rsql_password_variable = "RSPASSWORD";
// The property a DSN read from -D is kept under: the ODBC driver's name for the data source,
// which is what the name means to RSQL (it opens the DSN through unixODBC).
inline constexpr std::string_view rsql_dsn_key = (*option_by_id("dsn")).name(driver::odbc);

struct rsql_options {
  // Otherwise the RSPASSWORD value is *** (a caller that runs rsql asks for the secret).
  bool reveal_secrets = false;
  // The program to run (argv[0]).
  std::string_view program = "rsql";
  // Use this ODBC data source (-D) instead of host, port, user and database; empty: the
  // connection's DSN property, if any.
  std::string_view dsn{};
};

struct rsql_command {
  std::vector<std::string> argv;                                 // argv[0] is the program
  std::vector<std::pair<std::string, std::string>> environment;  // RSPASSWORD, when a password is known

  // The arguments as one POSIX shell command line (the environment is not part of it: export
  // RSPASSWORD, or let rsql prompt).
  [[nodiscard]] std::string command_line() const { return shell_command_line(argv); }
};


// The rsql invocation for `c`: -h/-p/-U/-d (or -D for a DSN), and RSPASSWORD in the
// environment. Fails when the connection has no host (or several: rsql takes one), when it
// uses IAM without a DSN (RSQL does IAM only through an ODBC data source), or when a value
// holds a NUL byte.
[[nodiscard]] inline result<rsql_command> to_rsql(const connection& c, const rsql_options& options = {}) {
  rsql_command out;
  out.argv.emplace_back(options.program);
  const property* dsn_property = c.find(rsql_dsn_key);
  std::string_view dsn = !options.dsn.empty() ? options.dsn
                         : dsn_property       ? std::string_view(dsn_property->value)
                                              : std::string_view{};
  const property* user = find_setting_property(c, setting::user);
  const property* password = find_setting_property(c, setting::password);
  auto has_nul = [](std::string_view s) { return s.find('\0') != std::string_view::npos; };

  if (!dsn.empty()) {
    if (has_nul(dsn))
      return fail(errc::unrepresentable_value, 0, "a command-line argument cannot hold a NUL byte");
    out.argv.emplace_back("-D");
    out.argv.emplace_back(dsn);
  } else {
    if (c.iam)
      return fail(errc::unrepresentable_value, 0,
                  "RSQL uses IAM only through an ODBC data source: configure one and pass it as the DSN");
    if (c.hosts.empty()) return fail(errc::missing_required_field, 0, "rsql needs a host");
    if (c.hosts.size() > 1)
      return fail(errc::unrepresentable_value, c.hosts[1].offset, "rsql connects to one host");
    const address& a = c.hosts.front();
    if (a.host.empty()) return fail(errc::empty_host, a.offset, "rsql needs a host name");
    if (a.port < 1 || a.port > 65535) return fail(errc::invalid_port, a.port_offset);
    std::string_view host = detail::libpq_host_of(a.host);  // rsql is libpq underneath: no IPv6 brackets
    if (has_nul(host))
      return fail(errc::unrepresentable_value, a.offset, "a command-line argument cannot hold a NUL byte");
    out.argv.emplace_back("-h");
    out.argv.emplace_back(host);
    out.argv.emplace_back("-p");
    out.argv.emplace_back(std::to_string(a.port));
    if (user) {
      if (has_nul(user->value))
        return fail(errc::unrepresentable_value, user->value_offset,
                    "a command-line argument cannot hold a NUL byte");
      out.argv.emplace_back("-U");
      out.argv.push_back(user->value);
    }
    if (c.database) {
      if (has_nul(*c.database))
        return fail(errc::unrepresentable_value, c.database_offset,
                    "a command-line argument cannot hold a NUL byte");
      out.argv.emplace_back("-d");
      out.argv.push_back(*c.database);
    }
  }
  if (password) {
    if (has_nul(password->value))
      return fail(errc::unrepresentable_value, password->value_offset,
                  "an environment value cannot hold a NUL byte");
    out.environment.emplace_back(std::string(rsql_password_variable),
                                 options.reveal_secrets ? password->value : std::string(redacted));
  }
  return out;
}

// Reads rsql's connection options back: -h/--host, -p/--port, -U/--username, -d/--dbname,
// -D/--dsn, each as "-h VALUE", "-hVALUE", "--host VALUE" or "--host=VALUE"; `args` excludes
// the program name. Other options are refused (errc::unknown_keyword). A password can be given
// as the value of RSPASSWORD. The result is a libpq-keyword connection (rsql is libpq
// underneath): properties "user", "password" and "DSN", with offsets that are argument
// indexes; the port is 5439 when none is given.
[[nodiscard]] inline result<connection> parse_rsql(const std::vector<std::string>& args,
                                                   std::string_view rspassword = {},
                                                   bool has_password = false) {
  connection c;
  c.form = source_form::libpq_keywords;
  std::string host;
  bool host_given = false;
  std::uint32_t port_number = port::default_number;
  std::size_t host_at = 0, port_at = 0;
  struct option_name {
    char short_name;
    std::string_view long_name;
  };
  constexpr option_name names[] = {
      {'h', "host"}, {'p', "port"}, {'U', "username"}, {'d', "dbname"}, {'D', "dsn"}};
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string_view arg = args[i];
    char which = 0;
    std::string_view value;
    bool attached = false;
    if (detail::starts_with(arg, "--")) {
      std::string_view name =
          arg.substr(2, arg.find('=') == std::string_view::npos ? std::string_view::npos : arg.find('=') - 2);
      for (const option_name& n : names)
        if (n.long_name == name) which = n.short_name;
      if (arg.find('=') != std::string_view::npos) {
        value = arg.substr(arg.find('=') + 1);
        attached = true;
      }
    } else if (arg.size() >= 2 && arg[0] == '-') {
      for (const option_name& n : names)
        if (n.short_name == arg[1]) which = n.short_name;
      if (arg.size() > 2) {
        value = arg.substr(2);
        attached = true;
      }
    }
    if (which == 0)
      return fail(errc::unknown_keyword, i, "rsconn reads only rsql's -h, -p, -U, -d and -D options");
    std::size_t at = i;
    if (!attached) {
      if (i + 1 == args.size())
        return fail(errc::missing_required_field, i, "this rsql option needs a value");
      value = args[++i];
      at = i;
    }
    switch (which) {
      case 'h':
        host = std::string(value);
        host_given = true;
        host_at = at;
        break;
      case 'p': {
        auto parsed = port::parse(value);
        if (!parsed) return fail(errc::invalid_port, at);
        port_number = parsed->number();
        port_at = at;
        break;
      }
      case 'U': c.properties.push_back({std::string(detail::libpq_user_name), std::string(value), at, at, false}); break;
      case 'd':
        c.database = std::string(value);
        c.database_offset = at;
        break;
      default: c.properties.push_back({std::string(rsql_dsn_key), std::string(value), at, at, false}); break;
    }
  }
  if (has_password) c.properties.push_back({std::string(detail::libpq_password_name), std::string(rspassword), 0, 0, false});
  if (host_given || !c.find(rsql_dsn_key))
    c.hosts.push_back({detail::model_host(host), port_number, host_at, port_at});
  host_parts parts = c.first_host();
  effective_fields eff = resolve(parts, explicit_settings{}, false);
  assign_effective(c, eff);
  return c;
}

}  // namespace rsconn
