// The rows of a non-JDBC form, as templates over the form's struct (rows_endpoint.hpp,
// rows_odbc.hpp, rows_libpq.hpp): one pass over the corpus, and the self-check. Instantiated
// once per form, each in its own translation unit (form_<form>.cpp).
#pragma once

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "common.hpp"
#include "forms.hpp"

namespace bench {

// NUL-terminated inputs of the PQconninfoParse row (the equivalent conninfo, or the libpq
// string itself), and of the Boost.URL row, made once before measuring.
template <class Form>
const std::vector<std::string>& libpq_inputs() {
  static const std::vector<std::string> c = [] {
    std::vector<std::string> out;
    for (const form_sample& s : Form::corpus()) out.emplace_back(Form::libpq_input(s));
    return out;
  }();
  return c;
}
template <class Form>
const std::vector<std::string>& boost_inputs() {
  static const std::vector<std::string> c = [] {
    std::vector<std::string> out;
    for (const form_sample& s : Form::corpus()) out.push_back(Form::boost_input(s));
    return out;
  }();
  return c;
}

// One pass of a row of a non-JDBC form over its corpus; the sink depends on every field.
template <class Form>
std::size_t run_form(kind k) {
  std::size_t sink = 0;
  const std::vector<form_sample>& c = Form::corpus();
  switch (k) {
    case kind::rsconn_view:
      for (const form_sample& s : c) sink += digest(Form::view(s.text));
      break;
    case kind::rsconn_view_checked:
      for (const form_sample& s : c) sink += digest(Form::view_checked(s.text));
      break;
    case kind::rsconn_owning:
      for (const form_sample& s : c) sink += Form::owning(s.text);
      break;
    case kind::splitter:
      for (const form_sample& s : c) sink += digest(Form::splitter(s.text));
      break;
    case kind::regex:
      for (const form_sample& s : c) sink += digest(Form::regex(s.text));
      break;
    case kind::boost_url:
      if constexpr (Form::has_boost)
        for (const std::string& t : boost_inputs<Form>()) sink += digest(Form::boost(t));
      break;
    case kind::libpq:
      for (const std::string& t : libpq_inputs<Form>())
        libpq_read(
            t.c_str(), Form::default_port, [](std::string_view host, fields& f) { split_host_labels(host, f); },
            [&](const fields& f) { sink += digest(f); });
      break;
  }
  return sink;
}

// The self-check of a non-JDBC form. rsconn must accept exactly the strings marked valid, and
// its parse + checks row must pass exactly those marked acceptable. On every valid string,
// every row must extract the same six fields as rsconn_parse_view. For the libpq forms,
// PQconninfoParse must also accept exactly the strings rsconn accepts (it reads them as they
// are). Returns the number of comparisons.
template <class Form>
std::size_t check_form(form f) {
  constexpr bool libpq_native = Form::default_port == rsconn::libpq_default_port;
  const std::vector<form_sample>& c = Form::corpus();
  std::size_t checked = 0;
  for (std::size_t i = 0; i < c.size(); ++i) {
    const form_sample& s = c[i];
    fields expected = Form::view(s.text);
    if (s.valid != expected.ok) {
      std::fprintf(stderr, "self-check: %s: rsconn %s %.*s\n", name(f), s.valid ? "refused" : "accepted",
                   static_cast<int>(s.text.size()), s.text.data());
      std::abort();
    }
    if constexpr (libpq_native) {
      libpq_read(libpq_inputs<Form>()[i].c_str(), Form::default_port, [](std::string_view, fields&) {},
                 [&](const fields& got) {
                   ++checked;
                   if (got.ok == s.valid) return;
                   std::fprintf(stderr, "self-check: %s: PQconninfoParse %s what rsconn %s: %.*s\n", name(f),
                                got.ok ? "accepts" : "refuses", s.valid ? "accepts" : "refuses",
                                static_cast<int>(s.text.size()), s.text.data());
                   std::abort();
                 });
    }
    if (!s.valid) continue;
    auto expect = [&](kind k, const fields& got) {
      ++checked;
      if (!(got == expected)) disagreement(name(row{f, k}), s.text, got, expected);
    };
    fields with_checks = Form::view_checked(s.text);
    expect(kind::rsconn_view_checked, with_checks);
    if (with_checks.acceptable != s.acceptable) {
      std::fprintf(stderr, "self-check: %s: the checks %s %.*s\n", name(f), s.acceptable ? "refuse" : "accept",
                   static_cast<int>(s.text.size()), s.text.data());
      std::abort();
    }
    expect(kind::splitter, Form::splitter(s.text));
    expect(kind::regex, Form::regex(s.text));
    if constexpr (Form::has_boost) expect(kind::boost_url, Form::boost(boost_inputs<Form>()[i]));
    libpq_read(
        libpq_inputs<Form>()[i].c_str(), Form::default_port,
        [](std::string_view host, fields& out) { split_host_labels(host, out); },
        [&](const fields& got) { expect(kind::libpq, got); });
  }
  return checked;
}

}  // namespace bench
