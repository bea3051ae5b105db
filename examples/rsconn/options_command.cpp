// rsconn options: lists the option catalogue, or explains one option, as text, JSON or a
// Markdown table (README's "Options" section is this command's --markdown output).
//
//   rsconn options [--form jdbc|odbc|python|libpq] [--json|--markdown] [NAME]
//
// Without NAME it lists every option (with --form, only those that driver has); with NAME (an
// option's id or any driver's name for it, ASCII case ignored) it explains that one option.
// Exit 1 for an unknown NAME, or one the --form driver does not have.
#include <memory>

#include <algorithm>
#include <cstddef>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <rsconn/options.hpp>

#include "exit_codes.hpp"

#include "commands.hpp"

namespace rsconn_cli {
namespace {

struct options_request {
  std::string form;  // jdbc, odbc, python or libpq; empty: every driver
  bool json = false;
  bool markdown = false;
  std::string name;  // meaningful only when `named`
  bool named = false;
};

using json = nlohmann::json;
using rsconn::driver;
using rsconn::option_info;
using rsconn::option_ref;

std::vector<std::string> driver_names() {
  std::vector<std::string> out;
  for (driver d : rsconn::all_drivers) out.emplace_back(rsconn::to_string(d));
  return out;
}

std::optional<driver> driver_named(std::string_view name) {
  for (driver d : rsconn::all_drivers)
    if (rsconn::to_string(d) == name) return d;
  return std::nullopt;
}

bool ascii_iequals(std::string_view a, std::string_view b) { return rsconn::detail::iequals(a, b); }

std::vector<std::string_view> split_bars(std::string_view list) {
  rsconn::detail::bar_list pieces(list);
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < pieces.size(); ++i) out.push_back(pieces[i]);
  return out;
}

// A driver's names for an option in its order of precedence (the catalogue's order).
std::vector<std::string_view> precedence_of(const option_info& o, driver d) { return split_bars(o.in(d).names); }

// The name formatters write first, then the other names in order of precedence.
std::vector<std::string_view> names_of(const option_info& o, driver d) {
  std::vector<std::string_view> names = precedence_of(o, d);
  std::size_t written = o.in(d).written;
  if (written < names.size()) std::rotate(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(written),
                                          names.begin() + static_cast<std::ptrdiff_t>(written) + 1);
  return names;
}

// The values an enumeration accepts in `d` (none for other types: the catalogue's `values` is
// for enumerations only).
std::vector<std::string_view> values_of(const option_info& o, driver d) {
  if (o.type != rsconn::option_type::enumeration) return {};
  return split_bars(o.in(d).values);
}

// Options of the catalogue, in its order; with a driver, only those it has.
std::vector<option_ref> options_in(std::optional<driver> only) {
  std::vector<option_ref> out;
  for (std::size_t row = 0; row < std::size(rsconn::option_catalogue); ++row)
    if (!only || rsconn::option_catalogue[row].in_driver(*only)) out.emplace_back(row);
  return out;
}

// What NAME stands for: a name of the --form driver, of any driver, or an id (ASCII case
// ignored throughout: this is a question about an option, not a connection string).
option_ref find_named(std::string_view name, std::optional<driver> first) {
  if (first)
    if (rsconn::option_match m = rsconn::find_option_ignoring_case(*first, name)) return m.option;
  for (driver d : rsconn::all_drivers)
    if (rsconn::option_match m = rsconn::find_option_ignoring_case(d, name)) return m.option;
  if (option_ref o = rsconn::option_by_id(name)) return o;
  for (option_ref o : options_in(std::nullopt))
    if (ascii_iequals(o->id, name)) return o;
  return {};
}

// The known name nearest to NAME within a misspelling's reach (the bounds of
// rsconn::nearest_option): the drivers' names (only the --form driver's, with --form), then
// the ids. Ties go to the first found.
std::optional<std::string> nearest_name(std::string_view name, std::optional<driver> only) {
  if (name.empty()) return std::nullopt;
  std::size_t cap = rsconn::misspelling_reach(name);
  std::size_t best_distance = cap + 1;
  std::string_view best;
  auto consider = [&](std::string_view candidate) {
    std::size_t distance = rsconn::detail::bounded_edit_distance(name, candidate, cap);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  };
  for (driver d : rsconn::all_drivers)
    if (!only || *only == d)
      if (rsconn::option_match m = rsconn::nearest_option(d, name)) consider(rsconn::spelling(d, m));
  for (option_ref o : options_in(only)) consider(o->id);
  if (best_distance > cap) return std::nullopt;
  return std::string(best);
}

// ---- JSON --------------------------------------------------------------------------------

json strings(const std::vector<std::string_view>& list) {
  json out = json::array();
  for (std::string_view s : list) out.push_back(std::string(s));
  return out;
}

json to_json(const option_info& o) {
  json names = json::object();
  json precedence = json::object();
  json values = json::object();
  json defaults = json::object();
  for (driver d : rsconn::all_drivers) {
    const std::string key(rsconn::to_string(d));
    const bool has = o.in_driver(d);
    names[key] = strings(names_of(o, d));
    precedence[key] = strings(precedence_of(o, d));
    values[key] = has ? strings(values_of(o, d)) : json(nullptr);
    std::string_view fallback = o.in(d).default_value;
    defaults[key] = has && !fallback.empty() ? json(std::string(fallback)) : json(nullptr);
  }
  return {{"id", std::string(o.id)},
          {"group", std::string(rsconn::to_string(o.group))},
          {"type", std::string(rsconn::to_string(o.type))},
          {"unit", o.unit.empty() ? json(nullptr) : json(std::string(o.unit))},
          {"secret", o.secret()},
          {"names", std::move(names)},
          {"precedence", std::move(precedence)},
          {"values", std::move(values)},
          {"defaults", std::move(defaults)}};
}

// NAME comes from the user and may hold any bytes; the output stays valid UTF-8.
std::string dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

// ---- text --------------------------------------------------------------------------------

// A name as the text output shows it: quoted when it has a space (the JDBC driver's
// "ssltruststore " really ends in one).
std::string shown(std::string_view name) {
  if (name.find(' ') == std::string_view::npos) return std::string(name);
  return "\"" + std::string(name) + "\"";
}

std::string joined(const std::vector<std::string_view>& list, std::string_view separator) {
  std::string out;
  for (std::string_view s : list) out += (out.empty() ? "" : std::string(separator)) + shown(s);
  return out;
}

std::string padded(std::string_view text, std::size_t width) {
  std::string out(text);
  if (out.size() < width) out.append(width - out.size(), ' ');
  return out;
}

void print_list(const std::vector<option_ref>& options) {
  std::size_t id_width = 0;
  std::size_t group_width = 0;
  std::size_t type_width = 0;
  for (option_ref o : options) {
    id_width = std::max(id_width, o->id.size());
    group_width = std::max(group_width, rsconn::to_string(o->group).size());
    type_width = std::max(type_width, rsconn::to_string(o->type).size());
  }
  for (option_ref o : options) {
    std::string line = padded(o->id, id_width) + "  " + padded(rsconn::to_string(o->group), group_width) + "  " +
                       padded(rsconn::to_string(o->type), type_width);
    for (driver d : rsconn::all_drivers)
      if (o->in_driver(d)) line += "  " + std::string(rsconn::to_string(d)) + "=" + joined(names_of(*o, d), ",");
    std::cout << line << "\n";
  }
}

// Which drivers spell the option as NAME (ASCII case ignored), for the explanation's first
// lines: "PWD" is an alias in jdbc and the name in odbc; "DB_USER" is python's db_user, which
// python spells only so.
std::string matched_in(const option_info& o, std::string_view name) {
  std::string out;
  for (driver d : rsconn::all_drivers) {
    std::vector<std::string_view> names = precedence_of(o, d);
    for (std::size_t rank = 0; rank < names.size(); ++rank) {
      if (!ascii_iequals(names[rank], name)) continue;
      std::string part(rsconn::to_string(d));
      if (names[rank] != name && !rsconn::keys_ignore_case(d))
        part += " as " + shown(names[rank]) + " (case-sensitive)";
      else if (rank != o.in(d).written)
        part += " (an alias)";
      out += (out.empty() ? "" : ", ") + part;
    }
  }
  return out;
}

void print_explanation(const option_info& o, std::string_view name) {
  auto field = [](std::string_view label, const std::string& value) {
    std::cout << "  " << padded(label, 12) << value << "\n";
  };
  std::cout << o.id << "\n";
  if (name != o.id)
    if (std::string drivers = matched_in(o, name); !drivers.empty())
      std::cout << "  \"" << name << "\" names it in " << drivers << "\n";
  field("group", std::string(rsconn::to_string(o.group)));
  field("type", std::string(rsconn::to_string(o.type)));
  field("unit", o.unit.empty() ? "-" : std::string(o.unit));
  field("secret", o.secret() ? "yes: rsconn prints *** for its value unless --show-secrets" : "no");
  for (driver d : rsconn::all_drivers) {
    std::string heading(rsconn::to_string(d));
    if (rsconn::driver_title(d) != heading) heading += " (" + std::string(rsconn::driver_title(d)) + ")";
    if (!o.in_driver(d)) {
      std::cout << "  " << heading << ": no such option\n";
      continue;
    }
    std::cout << "  " << heading << "\n";
    auto sub = [](std::string_view label, const std::string& value) {
      std::cout << "    " << padded(label, 12) << value << "\n";
    };
    std::vector<std::string_view> names = names_of(o, d);
    std::string listed = shown(names.front()) + (names.size() > 1 ? " (written)" : "");
    for (std::size_t i = 1; i < names.size(); ++i) listed += ", " + shown(names[i]);
    listed += rsconn::keys_ignore_case(d) ? "; ASCII case ignored" : "; case-sensitive";
    sub("names", listed);
    if (d == driver::odbc && names.size() > 1)
      sub("precedence", joined(precedence_of(o, d), " > ") + " (when several are given, the first wins)");
    std::string_view fallback = o.in(d).default_value;
    sub("default", fallback.empty() ? "none" : std::string(fallback));
    std::vector<std::string_view> values = values_of(o, d);
    if (!values.empty()) sub("values", joined(values, ", "));
  }
}

// ---- Markdown ----------------------------------------------------------------------------

std::string code(std::string_view name) {
  std::string out = "`" + std::string(name) + "`";
  if (!name.empty() && (name.front() == ' ' || name.back() == ' ')) out += " (ends in a space)";
  return out;
}

void print_markdown(const std::vector<option_ref>& options) {
  std::cout << "| Option | Group | Type | JDBC | ODBC | Python (redshift_connector) | libpq |\n"
            << "|---|---|---|---|---|---|---|\n";
  for (option_ref o : options) {
    std::string type(rsconn::to_string(o->type));
    std::cout << "| " << code(o->id) << " | " << rsconn::to_string(o->group) << " | "
              << (o->secret() ? "**" + type + "**" : type) << " |";
    for (driver d : rsconn::all_drivers) {
      std::vector<std::string_view> names = names_of(*o, d);
      std::string cell = names.empty() ? "—" : code(names.front());
      for (std::size_t i = 1; i < names.size(); ++i) cell += (i == 1 ? " (" : ", ") + code(names[i]);
      if (names.size() > 1) cell += ")";
      std::cout << " " << cell << " |";
    }
    std::cout << "\n";
  }
}

// ---- failures ----------------------------------------------------------------------------

int fail(const options_request& request, std::string_view code_name, const std::string& message,
         const std::optional<std::string>& suggestion) {
  if (request.json) {
    json error = {{"error",
                   {{"code", std::string(code_name)},
                    {"message", message},
                    {"did_you_mean", suggestion ? json(*suggestion) : json(nullptr)}}}};
    std::cout << dump(error) << "\n";
  } else {
    std::cerr << "rsconn: " << message << "\n";
  }
  return exit_failure;
}

int run_options(const options_request& request) {
  const std::optional<driver> only = driver_named(request.form);
  std::vector<option_ref> chosen;
  if (!request.named) {
    chosen = options_in(only);
  } else {
    option_ref found = find_named(request.name, only);
    if (!found) {
      std::optional<std::string> suggestion = nearest_name(request.name, only);
      std::string message = only ? std::string(rsconn::driver_title(*only)) + " has no option named \"" : "no driver has an option named \"";
      message += request.name + "\"";
      message += suggestion ? "; did you mean \"" + *suggestion + "\"?" : " (rsconn options lists them)";
      return fail(request, "unknown_option", message, suggestion);
    }
    if (only && !found->in_driver(*only)) {
      std::string message = std::string(rsconn::driver_title(*only)) + " has no option " + std::string(found->id) +
                            " (\"" + request.name + "\" names it elsewhere; rsconn options " +
                            std::string(found->id) + " shows where)";
      return fail(request, "option_not_in_driver", message, std::nullopt);
    }
    chosen.push_back(found);
  }
  if (request.json) {
    json out = json::array();
    for (option_ref o : chosen) out.push_back(to_json(*o));
    std::cout << dump(out) << "\n";
  } else if (request.markdown) {
    print_markdown(chosen);
  } else if (request.named) {
    print_explanation(*chosen.front(), request.name);
  } else {
    print_list(chosen);
  }
  return exit_ok;
}

}  // namespace

void add_options_command(CLI::App& app, int& exit_code) {
  // The request lives as long as the callback that reads it (CLI11's subcom_in_files pattern).
  auto request = std::make_shared<options_request>();
  CLI::App* command = app.add_subcommand("options", "List the connection options of every driver, or explain one");
  command->add_option("--form", request->form, "Only the options of this driver (jdbc, odbc, python, libpq)")
      ->check(CLI::IsMember(driver_names()));
  CLI::Option* as_json = command->add_flag("--json", request->json, "Print a JSON array");
  CLI::Option* as_markdown = command->add_flag("--markdown", request->markdown, "Print a Markdown table");
  as_json->excludes(as_markdown);
  command->add_option("NAME", request->name, "An option's id or any driver's name for it (case ignored)")
      ->each([named = &request->named](const std::string&) { *named = true; });
  command->callback([request, &exit_code] { exit_code = run_options(*request); });
}

}  // namespace rsconn_cli
