// The odbc rows (rows_odbc.hpp), in a translation unit of their own; see forms.hpp.
#include <cstddef>

#include "forms.hpp"
#include "rows_odbc.hpp"
#include "run_form.hpp"

namespace bench {

static_assert(has_row(form::odbc, kind::boost_url) == odbc_form::has_boost);

std::size_t run_odbc(kind k) { return run_form<odbc_form>(k); }
std::size_t check_odbc() { return check_form<odbc_form>(form::odbc); }
std::size_t odbc_corpus_size() { return odbc_form::corpus().size(); }

}  // namespace bench
