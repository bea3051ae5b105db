// Every benchmark row of every form, by name, and what the two programs call. The endpoint,
// ODBC and libpq rows are each compiled in a translation unit of their own (form_<form>.cpp);
// the JDBC rows and the dispatch are in each program's main translation unit (registry.hpp).
// Instruction counts depend on what the compiler inlines, which depends on everything else in
// the translation unit: this way no form's code changes another form's counts.
#pragma once

#include <array>
#include <cstddef>

namespace bench {

// What a row does. Every form has each of these, except Boost.URL, which runs only where the
// form is a URI or holds one (JDBC, endpoint, libpq URI).
enum class kind : unsigned char { rsconn_view, rsconn_view_checked, rsconn_owning, splitter, regex, boost_url, libpq };

inline constexpr kind all_kinds[] = {kind::rsconn_view, kind::rsconn_view_checked, kind::rsconn_owning, kind::splitter,
                                     kind::regex, kind::boost_url, kind::libpq};

// The row names of the JDBC form; the other forms' rows are "<form>/<this name>".
inline const char* name(kind k) {
  switch (k) {
    case kind::rsconn_view: return "rsconn_parse_view";
    case kind::rsconn_view_checked: return "rsconn_parse_view_checks";
    case kind::rsconn_owning: return "rsconn_to_connection_validate";
    case kind::splitter: return "minimal_splitter";
    case kind::regex: return "std_regex";
    case kind::boost_url: return "boost_url_labels";
    case kind::libpq: return "libpq_PQconninfoParse";
  }
  return "?";
}

enum class form : unsigned char { jdbc, endpoint, odbc, libpq_keywords, libpq_uri };

inline constexpr form all_forms[] = {form::jdbc, form::endpoint, form::odbc, form::libpq_keywords, form::libpq_uri};

inline const char* name(form f) {
  switch (f) {
    case form::jdbc: return "jdbc";
    case form::endpoint: return "endpoint";
    case form::odbc: return "odbc";
    case form::libpq_keywords: return "libpq_keywords";
    case form::libpq_uri: return "libpq_uri";
  }
  return "?";
}

constexpr bool has_row(form f, kind k) {
  return k != kind::boost_url || f == form::jdbc || f == form::endpoint || f == form::libpq_uri;
}

struct row {
  form f;
  kind k;
};

inline constexpr std::size_t form_count = sizeof(all_forms) / sizeof(all_forms[0]);
inline constexpr std::size_t kind_count = sizeof(all_kinds) / sizeof(all_kinds[0]);

constexpr std::size_t count_rows() {
  std::size_t n = 0;
  for (form f : all_forms)
    for (kind k : all_kinds) n += has_row(f, k) ? std::size_t{1} : std::size_t{0};
  return n;
}

// Every row, form by form, in all_kinds order within a form.
constexpr std::array<row, count_rows()> make_rows() {
  std::array<row, count_rows()> out{};
  std::size_t n = 0;
  for (form f : all_forms)
    for (kind k : all_kinds)
      if (has_row(f, k)) out[n++] = row{f, k};
  return out;
}
inline constexpr std::array<row, count_rows()> all_rows_table = make_rows();
inline constexpr const std::array<row, count_rows()>& all_rows() { return all_rows_table; }

// "rsconn_parse_view" for JDBC (the names the docs and CI have always used), else
// "<form>/rsconn_parse_view". Indexed [form][kind].
inline constexpr const char* row_names[form_count][kind_count] = {
    {"rsconn_parse_view", "rsconn_parse_view_checks", "rsconn_to_connection_validate", "minimal_splitter",
     "std_regex", "boost_url_labels", "libpq_PQconninfoParse"},
    {"endpoint/rsconn_parse_view", "endpoint/rsconn_parse_view_checks", "endpoint/rsconn_to_connection_validate",
     "endpoint/minimal_splitter", "endpoint/std_regex", "endpoint/boost_url_labels",
     "endpoint/libpq_PQconninfoParse"},
    {"odbc/rsconn_parse_view", "odbc/rsconn_parse_view_checks", "odbc/rsconn_to_connection_validate",
     "odbc/minimal_splitter", "odbc/std_regex", "odbc/boost_url_labels", "odbc/libpq_PQconninfoParse"},
    {"libpq_keywords/rsconn_parse_view", "libpq_keywords/rsconn_parse_view_checks",
     "libpq_keywords/rsconn_to_connection_validate", "libpq_keywords/minimal_splitter", "libpq_keywords/std_regex",
     "libpq_keywords/boost_url_labels", "libpq_keywords/libpq_PQconninfoParse"},
    {"libpq_uri/rsconn_parse_view", "libpq_uri/rsconn_parse_view_checks", "libpq_uri/rsconn_to_connection_validate",
     "libpq_uri/minimal_splitter", "libpq_uri/std_regex", "libpq_uri/boost_url_labels",
     "libpq_uri/libpq_PQconninfoParse"},
};
inline constexpr const char* name(row r) {
  return row_names[static_cast<std::size_t>(r.f)][static_cast<std::size_t>(r.k)];
}

// corpus_size(form), run_once(row) and self_check() are in registry.hpp.

// form_<form>.cpp: one pass of a row, the self-check (the number of comparisons), the corpus size.
std::size_t run_endpoint(kind k);
std::size_t check_endpoint();
std::size_t endpoint_corpus_size();
std::size_t run_odbc(kind k);
std::size_t check_odbc();
std::size_t odbc_corpus_size();
std::size_t run_libpq_keywords(kind k);
std::size_t check_libpq_keywords();
std::size_t libpq_keywords_corpus_size();
std::size_t run_libpq_uri(kind k);
std::size_t check_libpq_uri();
std::size_t libpq_uri_corpus_size();

}  // namespace bench
