// Translating a property from one driver's form into another's, by meaning: the key becomes
// the target driver's name for the same catalogue option (rsconn/options.hpp), and the value is
// rewritten so that the target driver reads what the source driver read — booleans in the
// target's spelling, integers as the number the source read, enumeration values in the
// target's case, plugin names as the target's name for the same plugin (rsconn/plugins.hpp).
// TLS options are not translated one by one: the writers spell the mode the source driver uses
// (rsconn/tls.hpp). What the target cannot carry is refused, or dropped on request; a key the
// source driver does not know is refused too unless the caller asks to keep it as written
// (docs/options/README.md "Conversion").
//
// Converting into the same driver's form never comes here: keys and values stay as written.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "rsconn/connection.hpp"
#include "rsconn/diagnostic.hpp"
#include "rsconn/option_values.hpp"
#include "rsconn/options.hpp"
#include "rsconn/plugins.hpp"
#include "rsconn/settings.hpp"
#include "rsconn/tls.hpp"

namespace rsconn {

// What a conversion into another driver's form does with a property the target cannot carry:
// an option the target driver lacks, or a key the source driver does not know.
enum class unknown_keys : unsigned char {
  refuse,  // fail with errc::unrepresentable_value naming it (the default)
  keep,    // write it through under its key, as written (the CLI's --keep-unknown)
  drop,    // leave it out (the CLI's --drop-unknown); conversion_notes() lists what was left out
};

struct property_translation {
  enum class verdict : unsigned char {
    write,   // write `key`=`value`
    skip,    // not written as a property, by design: the host, port, database and ODBC driver are
             // written from the model, TLS from the mode, and a spelling the source driver ranks
             // below another of the same option is not what it reads
    drop,    // left out, as asked (unknown_keys::drop)
    refuse,  // the target cannot carry it; `reason` says why
  };
  verdict what = verdict::write;
  std::string_view key;
  std::string_view value;
  option_ref option;          // the option the source driver reads it as (none: a key it does not know)
  std::string_view reason{};  // drop/refuse: why, a sentence, static text
};

namespace detail {

// The number a driver's integer reading takes from `value`, as a piece of it: the whole value
// for Java's parseInt and libpq's strtol (blanks around it for libpq trimmed), the leading
// digits for the ODBC driver's sscanf. Empty when it reads no number.
constexpr std::string_view integer_read(driver d, const option_info& o, std::string_view value) noexcept {
  if (d == driver::odbc) {
    c_leading_int n = scan_c_int(value);
    if (!n.digits) return {};
    std::size_t start = 0;
    while (start < value.size() && (value[start] == ' ' || value[start] == '\t' || value[start] == '\n' ||
                                    value[start] == '\r' || value[start] == '\f' || value[start] == '\v'))
      ++start;
    return value.substr(start, n.end - start);
  }
  if (d == driver::libpq) {
    if (!libpq_parses_int(value)) return {};
    return trim_ascii_blanks(value);
  }
  if (o.id == "login_timeout" && java_parses_float(value)) return value;
  return java_parses_int(value) ? value : std::string_view{};
}

// The spelling in `values` ('|'-separated) that equals `value` ignoring ASCII case, or empty.
constexpr std::string_view listed_spelling(std::string_view values, std::string_view value) noexcept {
  bar_list list(values);
  for (std::size_t i = 0; i < list.size(); ++i)
    if (iequals(list[i], value)) return list[i];
  return {};
}

constexpr std::string_view boolean_spelling(driver d, bool on) noexcept {
  if (d == driver::jdbc) return on ? "true" : "false";
  if (d == driver::python) return on ? "True" : "False";
  return on ? "1" : "0";
}

constexpr bool keys_case_sensitive_values(driver d, const option_info& o) noexcept {
  // The ODBC driver hands SSLMode and Min_TLS to its libpq, which compares exactly; libpq's
  // own enumerations are exact (docs/options/odbc.md, libpq.md).
  return d == driver::libpq || (d == driver::odbc && (o.id == "ssl_mode" || o.id == "min_tls" || o.id == "auth_type"));
}

// The value the target is to be given for option `o`'s `value` as the source reads it, or a
// refusal.
constexpr property_translation translate_value(const option_info& o, std::string_view value, driver from,
                                               driver to) noexcept {
  property_translation t;
  t.key = o.name(to);
  value_verdict source = read_option_value(from, option_by_id(o.id), value);
  if (source.reading == value_reading::refused) {
    t.what = property_translation::verdict::refuse;
    t.reason = "the source's driver refuses this value, so it has no meaning to carry over";
    return t;
  }
  switch (o.type) {
    case option_type::boolean:
      t.value = boolean_spelling(to, reads_as_true(from, o, value));
      return t;
    case option_type::integer: {
      if (source.reading == value_reading::ignored) {
        t.what = property_translation::verdict::refuse;
        t.reason = "the source's driver ignores this value and keeps its default; correct or remove it first";
        return t;
      }
      std::string_view number = integer_read(from, o, value);
      value_verdict target = read_option_value(to, option_by_id(o.id), number);
      if (number.empty() || target.reading != value_reading::as_written ||
          integer_read(to, o, number) != number) {
        t.what = property_translation::verdict::refuse;
        t.reason = "the target driver cannot read this number the same way (a fraction, a negative number, or beyond its range)";
        return t;
      }
      t.value = number;
      return t;
    }
    case option_type::enumeration: {
      std::string_view targets = o.in(to).values;
      if (targets.empty()) {
        t.value = value;
        return t;
      }
      std::string_view listed = listed_spelling(targets, value);
      if (listed.empty() || (keys_case_sensitive_values(from, o) && listed != value)) {
        t.what = property_translation::verdict::refuse;
        t.reason = "the target driver does not take this value for the option";
        return t;
      }
      t.value = listed;
      return t;
    }
    case option_type::plugin: {
      const plugin_info* plugin = find_plugin(from, value);
      std::string_view name = plugin ? plugin_name_in(*plugin, to) : std::string_view{};
      if (name.empty()) {
        t.what = property_translation::verdict::refuse;
        t.reason = plugin ? "the target driver has no counterpart of this plugin"
                          : "rsconn does not know this plugin, so it cannot say what the target driver calls it";
        return t;
      }
      t.value = name;
      return t;
    }
    case option_type::string:
    case option_type::secret:
    case option_type::list: break;  // comma-separated in every connection-string form
  }
  t.value = value;
  return t;
}

}  // namespace detail

// How `p`, read by `from`'s driver as part of connection `c`, is written in driver `to`'s form
// (`to` differs from `from`'s driver). `spellings` is setting_spellings(c).
[[nodiscard]] inline property_translation translate_property(const property& p, driver from, driver to,
                                                                unknown_keys policy,
                                                                const setting_spellings& spellings) noexcept {
  using verdict = property_translation::verdict;
  property_translation t;
  option_match m = find_option(from, p.key);
  t.option = m.option;
  auto cannot = [&](std::string_view reason) {
    t.reason = reason;
    if (policy == unknown_keys::keep) {
      t.what = verdict::write;
      t.key = p.key;
      t.value = p.value;
    } else {
      t.what = policy == unknown_keys::drop ? verdict::drop : verdict::refuse;
    }
    return t;
  };
  // The reasons leave the remedy to the caller (the CLI names --drop-unknown and --keep-unknown).
  if (!m) return cannot("the source's driver knows no option of this name, so what the target driver would make of it is unknown");
  const option_info& o = *m.option;
  setting s = setting_of(m.option);
  if (is_structural(s) || spellings.outranked(p) || is_tls_mode_option(from, m.option, p.value)) {
    t.what = verdict::skip;
    return t;
  }
  if (!o.in_driver(to)) return cannot("the target driver has no counterpart of this option");
  property_translation v = detail::translate_value(o, p.value, from, to);
  v.option = m.option;
  if (v.what == verdict::refuse) return cannot(v.reason);
  return v;
}

// How a message names property `p`: "<key> (option <id>)", or "<key>" for a key the driver
// does not know. Such a key right after a secret is not quoted (`follows_secret`): a secret
// holding an unencoded separator (password=a&b) makes its rest a key, and naming it would print
// part of the secret (validate() does the same).
[[nodiscard]] inline std::string property_label(const property& p, option_ref o, bool follows_secret = false) {
  if (!o && follows_secret) return "an unknown option that follows a secret (not quoted: it may be the rest of the secret)";
  std::string out(p.key);
  if (o) out.append(" (option ").append((*o).id).append(")");
  return out;
}

// The sentence for a property the target cannot carry: "<label>, for <target>: <reason>".
[[nodiscard]] inline std::string translation_message(const property& p, const property_translation& t, driver to,
                                                     bool follows_secret = false) {
  std::string out = property_label(p, t.option, follows_secret);
  out.append(", for ").append(driver_title(to)).append(": ").append(t.reason);
  return out;
}

// The TLS mode the target driver uses for a connection written into its form: the source's
// mode where the target can say it, the nearest mode that is not weaker where it cannot (the
// JDBC driver has no plain-text fallback); when the source states none, the target's default,
// and for libpq the mode rsconn writes then, require (libpq's certificate check needs a root
// certificate it cannot assume; see libpq_options::sslmode).
[[nodiscard]] inline tls_mode converted_tls_mode(const tls_reading& source, driver to) noexcept {
  if (to == driver::libpq && !source.stated) return tls_mode::require;
  return spell_tls(to, source.mode, source.stated).mode;
}

// What converting `c` into driver `to`'s form changes or leaves out, as warnings: each option
// dropped (unknown_keys::drop), and the TLS mode when the target connects with a weaker one
// (errc::tls_weakened) or a different one (errc::tls_changed). Empty for a conversion into `c`'s
// own driver, which keeps everything as written.
[[nodiscard]] inline std::vector<diagnostic> conversion_notes(const connection& c, driver to, unknown_keys policy) {
  std::vector<diagnostic> notes;
  driver from = driver_of(c.form);
  // A SQLAlchemy URL's own defaults (its dialect's verify-full) are not its driver's, so even
  // into its driver's form the TLS may change.
  bool form_defaults = c.form == source_form::sqlalchemy_psycopg2 || c.form == source_form::sqlalchemy_redshift_connector;
  if (from == to && !form_defaults) return notes;
  setting_spellings spellings(c);
  bool after_secret = false;
  for (const property& p : c.properties) {
    if (from == to) break;  // kept as written
    bool follows_secret = after_secret;
    after_secret = p.secret();
    property_translation t = translate_property(p, from, to, policy, spellings);
    if (t.what == property_translation::verdict::drop)
      notes.push_back({severity::warning, errc::option_dropped, p.offset,
                       "left out " + translation_message(p, t, to, follows_secret)});
  }
  tls_reading source = effective_tls(c);
  if (source.refused) return notes;
  tls_mode target = converted_tls_mode(source, to);
  if (target == source.mode) return notes;
  std::string message(driver_title(from));
  message.append(" uses sslmode ").append(to_string(source.mode)).append(source.stated ? "" : " (its default)");
  message.append(": ").append(tls_meaning(source.mode)).append("; ").append(driver_title(to)).append(" gets ");
  message.append(to_string(target)).append(": ").append(tls_meaning(target));
  // A stronger default in place of a default is no news; everything else is said.
  if (target > source.mode && !source.stated) return notes;
  if (target < source.mode) {
    message.append(to == driver::libpq ? ". Add sslmode=verify-ca (or verify-full) and sslrootcert=<the Redshift CA bundle> to keep the check"
                                       : "");
    notes.push_back({severity::warning, errc::tls_weakened, source.offset, std::move(message)});
  } else {
    message.append(" (it no longer falls back to plain text, so a server without TLS is refused)");
    notes.push_back({severity::warning, errc::tls_changed, source.offset, std::move(message)});
  }
  return notes;
}

}  // namespace rsconn
