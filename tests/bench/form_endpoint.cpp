// The endpoint rows (rows_endpoint.hpp), in a translation unit of their own; see forms.hpp.
#include <cstddef>

#include "forms.hpp"
#include "rows_endpoint.hpp"
#include "run_form.hpp"

namespace bench {

static_assert(has_row(form::endpoint, kind::boost_url) == endpoint_form::has_boost);

std::size_t run_endpoint(kind k) { return run_form<endpoint_form>(k); }
std::size_t check_endpoint() { return check_form<endpoint_form>(form::endpoint); }
std::size_t endpoint_corpus_size() { return endpoint_form::corpus().size(); }

}  // namespace bench
