#include "inputs.hpp"

#include <cstddef>
#include <iostream>
#include <utility>

namespace rsconn_cli {

rsconn::result<rsconn::connection> parse_input(const std::string& input, std::optional<rsconn::source_form> from) {
  return from ? rsconn::parse(input, *from) : rsconn::parse(input);
}

bool for_each_input(const std::vector<std::string>& inputs,
                    const std::function<bool(const std::string& label, const std::string& input)>& each) {
  bool all = true;
  std::size_t argument = 0;
  for (const std::string& input : inputs) {
    ++argument;
    if (input != "-") {
      all = each("input " + std::to_string(argument), input) && all;
      continue;
    }
    // Line by line as they come: a co-process or a terminal gets each answer before EOF.
    std::string line;
    std::size_t number = 0;
    while (std::getline(std::cin, line)) {
      ++number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty()) continue;
      all = each("stdin:" + std::to_string(number), line) && all;
    }
  }
  return all;
}

namespace {

// Column of a byte offset, counting UTF-8 code points.
std::size_t column_of(std::string_view text, std::size_t offset) {
  std::size_t column = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  return column;
}

}  // namespace

void print_parse_error(std::string_view input, const rsconn::error& e, bool show_secrets) {
  std::string shown = show_secrets ? std::string(input) : rsconn::mask_secrets(input);
  std::cerr << "rsconn: " << e.message() << " (" << rsconn::to_string(e.code) << " at byte " << e.offset << ")\n"
            << "  " << shown << "\n"
            << "  " << std::string(column_of(shown, e.offset), ' ') << "^\n";
}

std::vector<rsconn::diagnostic> diagnostics_of(const rsconn::connection& c, std::string_view input) {
  std::vector<rsconn::diagnostic> out = rsconn::validate(c);
  for (rsconn::diagnostic& note : rsconn::sqlalchemy_notes(c, input)) out.push_back(std::move(note));
  return out;
}

std::string diagnostic_line(const std::string& label, const rsconn::diagnostic& d) {
  return label + ": " + std::string(rsconn::to_string(d.severity)) + ": " + d.message + " [" +
         std::string(rsconn::to_string(d.code)) + " at byte " + std::to_string(d.offset) + "]";
}

}  // namespace rsconn_cli
