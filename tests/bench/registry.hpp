// What each program's main translation unit compiles: the JDBC rows (rows.hpp) and the dispatch
// from a row to its form. Include it in one translation unit per program only. The JDBC rows
// stay in the same translation unit as main, as they always were, so that their instruction
// counts do not move with this harness; the other forms are each compiled apart (forms.hpp).
#pragma once

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "forms.hpp"
#include "rows.hpp"

namespace bench {

// One pass of a JDBC row over the whole corpus; returns something that depends on every result.
inline std::size_t run_jdbc(kind r) {
  std::size_t sink = 0;
  const auto& c = corpus();
  for (std::size_t i = 0; i < c.size(); ++i) {
    std::string_view url = c[i].jdbc;
    switch (r) {
      case kind::rsconn_view: sink += rsconn_view(url).host.size(); break;
      case kind::rsconn_view_checked: {
        fields f = rsconn_view_checked(url);
        sink += f.host.size() + f.acceptable;
        break;
      }
      case kind::rsconn_owning: sink += rsconn_owning_validate(url); break;
      case kind::splitter: sink += splitter(url).host.size(); break;
      case kind::regex: sink += regex_row(url).host.size(); break;
      case kind::boost_url: sink += boost_url_row(url).host.size(); break;
      case kind::libpq: libpq_row(conninfos()[i].c_str(), [&](const fields& f) { sink += f.host.size(); }); break;
    }
  }
  return sink;
}

// Every baseline reads the same fields as rsconn on every valid string it can represent
// (Boost.URL and libpq have no form of the legacy cluster:region syntax). Aborts otherwise.
// Returns the number of comparisons.
inline std::size_t check_jdbc() {
  (void)jdbc_regex();
  (void)conninfos();
  std::size_t checked = 0;
  const auto& c = corpus();
  for (std::size_t i = 0; i < c.size(); ++i) {
    const sample& s = c[i];
    fields expected = rsconn_view(s.jdbc);
    if (s.valid != expected.ok) {
      std::fprintf(stderr, "self-check: rsconn %s %.*s\n", s.valid ? "refused" : "accepted",
                   static_cast<int>(s.jdbc.size()), s.jdbc.data());
      std::abort();
    }
    if (!s.valid) continue;
    auto expect = [&](const char* who, const fields& got) {
      ++checked;
      if (got == expected) return;
      std::fprintf(stderr,
                   "self-check: %s differs from rsconn on %.*s\n  got      host=%.*s port=%u db=%.*s wg=%.*s acct=%.*s region=%.*s\n"
                   "  expected host=%.*s port=%u db=%.*s wg=%.*s acct=%.*s region=%.*s\n",
                   who, static_cast<int>(s.jdbc.size()), s.jdbc.data(),
                   static_cast<int>(got.host.size()), got.host.data(), got.port,
                   static_cast<int>(got.database.size()), got.database.data(),
                   static_cast<int>(got.workgroup.size()), got.workgroup.data(),
                   static_cast<int>(got.account.size()), got.account.data(),
                   static_cast<int>(got.region.size()), got.region.data(),
                   static_cast<int>(expected.host.size()), expected.host.data(), expected.port,
                   static_cast<int>(expected.database.size()), expected.database.data(),
                   static_cast<int>(expected.workgroup.size()), expected.workgroup.data(),
                   static_cast<int>(expected.account.size()), expected.account.data(),
                   static_cast<int>(expected.region.size()), expected.region.data());
      std::abort();
    };
    expect(name(kind::rsconn_view_checked), rsconn_view_checked(s.jdbc));
    expect(name(kind::splitter), splitter(s.jdbc));
    expect(name(kind::regex), regex_row(s.jdbc));
    if (s.legacy) {
      if (boost_url_row(s.jdbc).ok) {
        std::fprintf(stderr, "self-check: Boost.URL unexpectedly read the legacy form\n");
        std::abort();
      }
      continue;
    }
    expect(name(kind::boost_url), boost_url_row(s.jdbc));
    libpq_row(conninfos()[i].c_str(), [&](const fields& f) { expect(name(kind::libpq), f); });
  }
  return checked;
}

inline std::size_t jdbc_corpus_size() { return corpus().size(); }

// The number of strings in a form's corpus.
inline std::size_t corpus_size(form f) {
  switch (f) {
    case form::jdbc: return jdbc_corpus_size();
    case form::endpoint: return endpoint_corpus_size();
    case form::odbc: return odbc_corpus_size();
    case form::libpq_keywords: return libpq_keywords_corpus_size();
    case form::libpq_uri: return libpq_uri_corpus_size();
  }
  return 0;
}

// One pass of a row over its form's corpus; returns something that depends on the results.
inline std::size_t run_once(row r) {
  switch (r.f) {
    case form::jdbc: return run_jdbc(r.k);
    case form::endpoint: return run_endpoint(r.k);
    case form::odbc: return run_odbc(r.k);
    case form::libpq_keywords: return run_libpq_keywords(r.k);
    case form::libpq_uri: return run_libpq_uri(r.k);
  }
  return 0;
}

// Every form's self-check; aborts on the first disagreement.
inline void self_check() {
  std::size_t counts[] = {check_jdbc(), check_endpoint(), check_odbc(), check_libpq_keywords(), check_libpq_uri()};
  std::size_t total = 0;
  std::fprintf(stderr, "self-check:");
  for (form f : all_forms) {
    std::size_t n = counts[static_cast<std::size_t>(f)];
    total += n;
    std::fprintf(stderr, " %s %zu,", name(f), n);
  }
  std::fprintf(stderr, " in all %zu baseline readings agree with rsconn\n", total);
}

}  // namespace bench
