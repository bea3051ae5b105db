// RSQL: to_rsql (argv + RSPASSWORD, never a password in argv), shell quoting, parse_rsql.
#include <catch2/catch_test_macros.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "rsconn/detect.hpp"
#include "rsconn/rsql.hpp"

using namespace rsconn;

namespace {

constexpr std::string_view workgroup_host =
    "default.123456789012.us-east-1.redshift-serverless.amazonaws.com";

rsql_command rsql_for(std::string_view text, rsql_options o = {}) {
  auto c = parse(text);
  INFO(text);
  REQUIRE(c);
  auto cmd = to_rsql(*c, o);
  REQUIRE(cmd);
  return *cmd;
}

}  // namespace

TEST_CASE("rsql -h -p -U -d, and the password only in RSPASSWORD") {
  const std::string url =
      "jdbc:redshift://" + std::string(workgroup_host) + ":5439/dev?user=awsuser&password=s3cr3t";
  rsql_command cmd = rsql_for(url);
  CHECK(cmd.argv == std::vector<std::string>{"rsql", "-h", std::string(workgroup_host), "-p", "5439", "-U",
                                             "awsuser", "-d", "dev"});
  REQUIRE(cmd.environment.size() == 1);
  CHECK(cmd.environment[0].first == "RSPASSWORD");
  CHECK(cmd.environment[0].second == "***");  // redacted unless asked
  CHECK(cmd.command_line() == "rsql -h " + std::string(workgroup_host) + " -p 5439 -U awsuser -d dev");

  rsql_options o;
  o.reveal_secrets = true;
  cmd = rsql_for(url, o);
  CHECK(cmd.environment[0].second == "s3cr3t");
  for (const std::string& word : cmd.argv) CHECK(word.find("s3cr3t") == std::string::npos);
  CHECK(cmd.command_line().find("s3cr3t") == std::string::npos);
}

TEST_CASE("rsql from other forms") {
  rsql_command cmd = rsql_for("host=h port=5440 dbname='my db' user=u password='p w'");
  CHECK(cmd.argv == std::vector<std::string>{"rsql", "-h", "h", "-p", "5440", "-U", "u", "-d", "my db"});
  CHECK(cmd.command_line() == "rsql -h h -p 5440 -U u -d 'my db'");
  cmd = rsql_for("[::1]:5439/dev");
  CHECK(cmd.argv[2] == "::1");  // libpq underneath: no brackets
  cmd = rsql_for("h:5439");
  CHECK(cmd.argv.size() == 5);  // no user, no database
  CHECK(cmd.environment.empty());
}

TEST_CASE("rsql with a DSN") {
  connection c = parse("jdbc:redshift://h:5439/dev?user=u").value();
  rsql_options o;
  o.dsn = "my dsn";
  auto cmd = to_rsql(c, o);
  REQUIRE(cmd);
  CHECK(cmd->argv == std::vector<std::string>{"rsql", "-D", "my dsn"});
  CHECK(cmd->command_line() == "rsql -D 'my dsn'");

  connection iam = parse("jdbc:redshift:iam://" + std::string(workgroup_host) + ":5439/dev").value();
  auto refused = to_rsql(iam);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == errc::unrepresentable_value);
  CHECK(to_rsql(iam, o).has_value());
}

TEST_CASE("rsql refuses what it cannot run") {
  connection none;
  CHECK(to_rsql(none).error().code == errc::missing_required_field);
  connection two = parse("jdbc:redshift://a:5439,b:5439/dev").value();
  CHECK(to_rsql(two).error().code == errc::unrepresentable_value);
  connection nul = parse("h:5439/dev").value();
  nul.properties.push_back({"user", std::string("a\0b", 3)});
  CHECK(to_rsql(nul).error().code == errc::unrepresentable_value);
}

TEST_CASE("shell quoting") {
  CHECK(shell_quote("plain-word_1.2/x:y@z") == "plain-word_1.2/x:y@z");
  CHECK(shell_quote("") == "''");
  CHECK(shell_quote("a b") == "'a b'");
  CHECK(shell_quote("it's") == "'it'\\''s'");
  CHECK(shell_quote("$HOME `id` $(id) \"x\" \\ ; & | * ? ~ ! # \n") ==
        "'$HOME `id` $(id) \"x\" \\ ; & | * ? ~ ! # \n'");
  CHECK(shell_quote("=x") == "'=x'");
  CHECK(shell_quote("x=y") == "'x=y'");  // a first word would be an assignment
  CHECK(shell_command_line({"a", "b c", "'"}) == "a 'b c' ''\\'''");
}

TEST_CASE("parse_rsql reads the options back") {
  auto c = parse_rsql({"-h", std::string(workgroup_host), "-p5440", "--username=awsuser", "--dbname", "dev"},
                      "pw", true);
  REQUIRE(c);
  REQUIRE(c->hosts.size() == 1);
  CHECK(c->hosts[0].host == workgroup_host);
  CHECK(c->hosts[0].port == 5440);
  CHECK(c->database == "dev");
  CHECK(c->target == target_kind::serverless);
  CHECK(c->workgroup == "default");
  CHECK(c->find("user")->value == "awsuser");
  CHECK(c->find("password")->value == "pw");

  rsql_options o;
  o.reveal_secrets = true;
  auto again = to_rsql(*c, o);
  REQUIRE(again);
  CHECK(again->argv == std::vector<std::string>{"rsql", "-h", std::string(workgroup_host), "-p", "5440", "-U",
                                                "awsuser", "-d", "dev"});
  auto back = parse_rsql(std::vector<std::string>(again->argv.begin() + 1, again->argv.end()));
  REQUIRE(back);
  CHECK(back->hosts == c->hosts);

  auto dsn = parse_rsql({"-D", "prod"});
  REQUIRE(dsn);
  CHECK(dsn->hosts.empty());
  CHECK(to_rsql(*dsn)->argv == std::vector<std::string>{"rsql", "-D", "prod"});

  auto bad = parse_rsql({"-h", "h", "-W"});
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == errc::unknown_keyword);
  CHECK(bad.error().offset == 2);
  CHECK(parse_rsql({"-p", "0"}).error().code == errc::invalid_port);
  CHECK(parse_rsql({"-h"}).error().code == errc::missing_required_field);
}

#if defined(__unix__) || defined(__APPLE__)
#include <cstdio>

namespace {

// The words a POSIX shell splits `command_line` into (printf '%s\0' prints each one).
std::vector<std::string> shell_words(const char* shell, const std::string& command_line) {
  std::string script = "printf '%s\\0' " + command_line;
  std::string command = std::string(shell) + " -c " + shell_quote(script);
  std::vector<std::string> words;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string word;
  for (int ch = std::fgetc(pipe); ch != EOF; ch = std::fgetc(pipe)) {
    if (ch == 0) {
      words.push_back(word);
      word.clear();
    } else {
      word += static_cast<char>(ch);
    }
  }
  CHECK(pclose(pipe) == 0);
  return words;
}

}  // namespace

TEST_CASE("a real shell splits command_line back into the same words") {
  std::vector<std::string> words = {"plain",       "",
                                    " ",           "a b",
                                    "it's",        "''",
                                    "\\",          "\\'",
                                    "\"",          "$HOME",
                                    "${x}",        "`id`",
                                    "$(id)",       "*",
                                    "?",           "[a]",
                                    "~",           "~root",
                                    "!",           "#",
                                    "a#b",         ";",
                                    "&&",          "|",
                                    ">",           "<",
                                    "(",           ")",
                                    "{",           "}",
                                    "=x",          "x=y",
                                    "-h",          "--",
                                    "%",           "+",
                                    "caf\xc3\xa9", "\xe2\x82\xac",
                                    "\t",          "line\nbreak",
                                    "\x01",        "\xff"};
  // And pseudo-random words over the same bytes (a fixed seed: the test is the same every run).
  std::string alphabet =
      " '\"\\$`*?[]~!#;&|<>(){}=-%+\t\n\xc3\xa9"
      "abc";
  std::uint32_t state = 12345;
  for (int i = 0; i < 200; ++i) {
    std::string w;
    state = state * 1103515245u + 12345u;
    std::size_t length = (state >> 16) % 12;
    for (std::size_t j = 0; j < length; ++j) {
      state = state * 1103515245u + 12345u;
      w += alphabet[(state >> 16) % alphabet.size()];
    }
    words.push_back(w);
  }
  for (const char* shell : {"/bin/sh", "/bin/bash"}) {
    if (std::FILE* exists = std::fopen(shell, "r")) {
      std::fclose(exists);
    } else {
      continue;
    }
    INFO(shell);
    CHECK(shell_words(shell, shell_command_line(words)) == words);
  }
}
#endif
