// Fuzzes parse_rsql / to_rsql / shell_command_line. The input is an argument vector: its
// NUL-separated pieces are the arguments after the program name; when the first piece starts
// with "RSPASSWORD=", it is the password variable instead (the rest of it, the value). Oracles
// (abort on violation):
//  - a failed parse reports an argument index <= the number of arguments;
//  - a parsed connection is a libpq-keyword connection with one host (or none, with a DSN);
//  - to_rsql (secrets revealed) parses back, with its RSPASSWORD, to the same connection
//    whenever it succeeds, up to the relaxations described at same_meaning(); without reveal it
//    succeeds alike and its RSPASSWORD is ***; the password is never in argv;
//  - shell_command_line's output, split as a POSIX shell splits words (the harness's own
//    splitter, for the quoting shell_command_line produces: single quotes and backslashes), gives
//    back exactly the argument vector, for to_rsql's argv and for the input's own arguments, and
//    leaves no shell metacharacter unquoted;
//  - validate never throws, and its offsets (argument indexes) are <= the input's size.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rsconn/detail/shell.hpp"
#include "rsconn/rsql.hpp"
#include "rsconn/validate.hpp"
#include "fuzz_check.hpp"

namespace {

using rsconn_fuzz::last;

// Bytes a POSIX shell gives a meaning to somewhere in a word (or that separate words):
// blanks and newlines, operators, quotes, expansions, globs, comments, tilde, assignment, and
// history expansion in interactive bash. Anything else is taken literally when unquoted.
bool shell_special(char c) {
  auto byte = static_cast<unsigned char>(c);
  if (byte < 0x20 || byte == 0x7f) return true;
  for (char s : std::string_view(" |&;<>()$`\\\"'*?[]{}#~=!^"))
    if (c == s) return true;
  return false;
}

// Splits a command line into words as a POSIX shell does, for the subset of the syntax that
// shell_command_line writes: words separated by single spaces, each made of unquoted safe bytes,
// '...' (literal up to the next quote) and \x (the byte x). Returns nullopt for anything else
// (an unterminated quote, a trailing backslash, an unquoted special byte, a run of spaces).
std::optional<std::vector<std::string>> shell_split(std::string_view line) {
  std::vector<std::string> words;
  if (line.empty()) return words;
  std::string word;
  std::size_t i = 0;
  while (true) {
    if (i == line.size() || line[i] == ' ') {
      words.push_back(word);
      word.clear();
      if (i == line.size()) return words;
      ++i;
      if (i == line.size() || line[i] == ' ') return std::nullopt;  // an empty word unquoted
      continue;
    }
    char c = line[i];
    if (c == '\'') {
      std::size_t close = line.find('\'', i + 1);
      if (close == std::string_view::npos) return std::nullopt;
      word.append(line.substr(i + 1, close - i - 1));
      i = close + 1;
    } else if (c == '\\') {
      if (i + 1 == line.size()) return std::nullopt;
      word += line[i + 1];
      i += 2;
    } else if (shell_special(c)) {
      return std::nullopt;
    } else {
      word += c;
      ++i;
    }
  }
}

void check_shell(const std::vector<std::string>& argv) {
  std::string line = rsconn::shell_command_line(argv);
  auto words = shell_split(line);
  if (!words || *words != argv) std::fprintf(stderr, "shell_command_line wrote: %s\n", line.c_str());
  RSCONN_FUZZ_CHECK(words.has_value());
  RSCONN_FUZZ_CHECK(*words == argv);
  for (const std::string& word : argv) {
    auto one = shell_split(rsconn::shell_quote(word));
    RSCONN_FUZZ_CHECK(one && one->size() == 1 && (*one)[0] == word);
  }
}


// Whether `again` (to_rsql's arguments read back) means the same as `c`. Relaxations, all
// intended (see to_rsql):
//  - with a DSN, to_rsql writes only -D (the data source holds the rest): only the DSN and the
//    password are compared;
//  - rsql takes the last of repeated options: only the last user and DSN are compared (to_rsql
//    writes those once);
//  - an empty DSN (-D '') is no DSN for to_rsql, which then writes -h/-p/-U/-d and no -D.
// Otherwise the host, port, database, password and every derived field must be equal.
bool same_meaning(const rsconn::connection& again, const rsconn::connection& c) {
  std::optional<std::string> dsn = last(c, "DSN");
  if (dsn && dsn->empty()) dsn.reset();
  if (again.form != c.form || last(again, "password") != last(c, "password") || last(again, "DSN") != dsn)
    return false;
  if (dsn) return true;
  return again.hosts == c.hosts && again.database == c.database && last(again, "user") == last(c, "user") &&
         again.target == c.target && again.workgroup == c.workgroup && again.account_id == c.account_id &&
         again.region == c.region && again.cluster_id == c.cluster_id && again.iam == c.iam &&
         again.legacy_iam == c.legacy_iam;
}

void check_round_trip(const rsconn::connection& c) {
  rsconn::rsql_options reveal;
  reveal.reveal_secrets = true;
  auto command = rsconn::to_rsql(c, reveal);
  auto hidden = rsconn::to_rsql(c);
  RSCONN_FUZZ_CHECK(command.has_value() == hidden.has_value());
  if (!command) {
    RSCONN_FUZZ_CHECK(!command.error().message().empty());
    return;
  }
  RSCONN_FUZZ_CHECK(!command->argv.empty() && command->argv[0] == "rsql");
  RSCONN_FUZZ_CHECK(hidden->argv == command->argv);
  std::optional<std::string> password;
  for (const auto& [name, value] : command->environment) {
    RSCONN_FUZZ_CHECK(name == rsconn::rsql_password_variable);
    password = value;
  }
  RSCONN_FUZZ_CHECK(password == last(c, "password"));
  for (const auto& [name, value] : hidden->environment) RSCONN_FUZZ_CHECK(value == rsconn::redacted);
  RSCONN_FUZZ_CHECK(hidden->environment.size() == command->environment.size());
  // The password never goes on the command line: no argument is it (a short one could be a
  // substring of anything, so only whole arguments are compared).
  if (password && password->size() >= 4)
    for (std::size_t i = 1; i < command->argv.size(); ++i)
      if (command->argv[i] == *password) RSCONN_FUZZ_CHECK(c.database == *password || last(c, "user") == *password ||
                                                           last(c, "DSN") == *password ||
                                                           (!c.hosts.empty() && c.hosts[0].host == *password));

  std::vector<std::string> args(command->argv.begin() + 1, command->argv.end());
  auto again = rsconn::parse_rsql(args, password.value_or(""), password.has_value());
  if (!again) std::fprintf(stderr, "to_rsql wrote: %s\n", command->command_line().c_str());
  RSCONN_FUZZ_CHECK(again.has_value());
  if (!same_meaning(*again, c)) std::fprintf(stderr, "to_rsql wrote: %s\n", command->command_line().c_str());
  RSCONN_FUZZ_CHECK(same_meaning(*again, c));
  auto command_again = rsconn::to_rsql(*again, reveal);
  RSCONN_FUZZ_CHECK(command_again && command_again->argv == command->argv &&
                    command_again->environment == command->environment);
  check_shell(command->argv);
  RSCONN_FUZZ_CHECK(command->command_line() == rsconn::shell_command_line(command->argv));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> args;
  std::size_t start = 0;
  while (true) {
    std::size_t nul = input.find('\0', start);
    args.emplace_back(input.substr(start, nul == std::string_view::npos ? std::string_view::npos : nul - start));
    if (nul == std::string_view::npos) break;
    start = nul + 1;
  }
  std::optional<std::string> rspassword;
  constexpr std::string_view variable = "RSPASSWORD=";
  if (args.front().compare(0, variable.size(), variable) == 0) {
    rspassword = args.front().substr(variable.size());
    args.erase(args.begin());
  }
  if (args.size() == 1 && args.front().empty()) args.clear();  // no input: no arguments
  check_shell(args);

  auto c = rsconn::parse_rsql(args, rspassword.value_or(""), rspassword.has_value());
  if (!c) {
    RSCONN_FUZZ_CHECK(c.error().offset <= args.size());
    RSCONN_FUZZ_CHECK(!c.error().message().empty());
    return 0;
  }
  RSCONN_FUZZ_CHECK(c->form == rsconn::source_form::libpq_keywords);
  RSCONN_FUZZ_CHECK(c->hosts.size() <= 1);
  if (c->hosts.empty()) RSCONN_FUZZ_CHECK(c->find("DSN") != nullptr);
  for (const rsconn::address& a : c->hosts) RSCONN_FUZZ_CHECK(a.port >= 1 && a.port <= 65535);
  RSCONN_FUZZ_CHECK(last(*c, "password") == rspassword);
  check_round_trip(*c);

  rsconn_fuzz::check_validate(*c, size);
  return 0;
}
