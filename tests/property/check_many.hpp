// rc::check with at least `cases` successes (RC_PARAMS="max_success=N" can ask for more): for
// the properties whose input space is large enough that rapidcheck's default 100 says little.
#pragma once

#include <algorithm>
#include <iostream>
#include <string>
#include <utility>

#include <rapidcheck.h>

namespace rsconn_test {

template <class Testable>
bool check_many(const std::string& description, int cases, Testable&& testable) {
  rc::detail::TestParams params = rc::detail::configuration().testParams;
  params.maxSuccess = std::max(params.maxSuccess, cases);
  rc::detail::TestMetadata metadata;
  metadata.id = description;
  metadata.description = description;
  std::cerr << "- " << description << "\n";
  auto result = rc::detail::checkTestable(std::forward<Testable>(testable), metadata, params);
  rc::detail::printResultMessage(result, std::cerr);
  std::cerr << "\n";
  return result.template is<rc::detail::SuccessResult>();
}

}  // namespace rsconn_test
