// The libpq_uri rows (rows_libpq.hpp), in a translation unit of their own; see forms.hpp.
#include <cstddef>

#include "forms.hpp"
#include "rows_libpq.hpp"
#include "run_form.hpp"

namespace bench {

static_assert(has_row(form::libpq_uri, kind::boost_url) == libpq_uri_form::has_boost);

std::size_t run_libpq_uri(kind k) { return run_form<libpq_uri_form>(k); }
std::size_t check_libpq_uri() { return check_form<libpq_uri_form>(form::libpq_uri); }
std::size_t libpq_uri_corpus_size() { return libpq_uri_form::corpus().size(); }

}  // namespace bench
