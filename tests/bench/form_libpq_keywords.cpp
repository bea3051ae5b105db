// The libpq_keywords rows (rows_libpq.hpp), in a translation unit of their own; see forms.hpp.
#include <cstddef>

#include "forms.hpp"
#include "rows_libpq.hpp"
#include "run_form.hpp"

namespace bench {

static_assert(has_row(form::libpq_keywords, kind::boost_url) == libpq_keywords_form::has_boost);

std::size_t run_libpq_keywords(kind k) { return run_form<libpq_keywords_form>(k); }
std::size_t check_libpq_keywords() { return check_form<libpq_keywords_form>(form::libpq_keywords); }
std::size_t libpq_keywords_corpus_size() { return libpq_keywords_form::corpus().size(); }

}  // namespace bench
