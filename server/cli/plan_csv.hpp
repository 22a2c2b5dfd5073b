#pragma once
// CSV as hosts export it from spreadsheets: a header line, quoted fields, UTF-8 kept as bytes.

#include <string>
#include <string_view>
#include <vector>

namespace ensemble::cli {

struct CsvTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<int> lines;  // line where each row starts, for messages
};

// Parses RFC 4180 CSV (comma, or semicolon when the header has no comma). Returns an empty string on
// success, else the error with its line number.
std::string parse_csv(std::string_view text, CsvTable& table);

// One field quoted when it holds a comma, quote or line break.
std::string csv_field(std::string_view value);

}  // namespace ensemble::cli
