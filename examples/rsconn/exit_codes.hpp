// The rsconn command's exit codes (a public contract; README, "The rsconn command").
#pragma once

namespace rsconn_cli {

inline constexpr int exit_ok = 0;
// An input does not parse or names nothing known (parse, convert, options), has an
// error-severity diagnostic (check), or cannot be written in the target form (convert, build).
inline constexpr int exit_failure = 1;
inline constexpr int exit_usage = 2;

}  // namespace rsconn_cli
