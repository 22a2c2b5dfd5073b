#include "cli/plan_args.hpp"

#include <charconv>
#include <cmath>

namespace ensemble::cli {
namespace {

template <class Number>
bool parse_number(const std::string& text, Number& value) {
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc{} && end == text.data() + text.size();
}

bool parse_seconds(const std::string& text, double& value) {
    try {
        std::size_t used = 0;
        value = std::stod(text, &used);
        return used == text.size() && value > 0 && std::isfinite(value);
    } catch (const std::exception&) {
        return false;
    }
}

// Where the allowed table sizes came from, naming only the options the host gave.
std::string range_source(bool min_given, bool max_given) {
    if (min_given && max_given) return "set by --min and --max";
    if (min_given) return "set by --min";
    if (max_given) return "set by --max";
    return "the defaults around --table-size";
}

// "discovery,mutual_help,…": the kind of each round. Meet again and topic tables need live wishes and
// choices.
std::string parse_kinds(const std::string& text, std::vector<domain::RoundKind>& kinds) {
    std::size_t from = 0;
    while (from <= text.size()) {
        auto comma = std::min(text.find(',', from), text.size());
        auto name = text.substr(from, comma - from);
        auto kind = domain::round_kind_from_string(name);
        if (!kind || *kind == domain::RoundKind::meet_again || *kind == domain::RoundKind::topic_tables)
            return "--kinds lists discovery, mutual_help, pairs or local, separated by commas, not " + name;
        kinds.push_back(*kind);
        from = comma + 1;
    }
    return "";
}

}  // namespace

const char* const plan_usage =
    "usage: ensemble plan (--count N | --attendees FILE.csv) --table-size K [--min A --max B] --rounds R\n"
    "                     [--keep-apart COLUMN] [--seed S] [--time-limit SECONDS] [--format csv|json|text]\n"
    "                     [--kinds discovery,mutual_help,pairs,local]\n";

std::string parse_plan_args(const std::vector<std::string>& args, PlanOptions& options) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& flag = args[i];
        if (i + 1 >= args.size())
            return flag.rfind("--", 0) == 0 ? flag + " needs a value" : "unexpected " + flag;
        const std::string& value = args[++i];
        auto positive = [&](int& out) {
            return parse_number(value, out) && out > 0
                       ? std::string{}
                       : flag + " needs a positive whole number, not " + value;
        };
        std::string error;
        int number = 0;
        if (flag == "--count") {
            if ((error = positive(number)).empty()) options.count = number;
        } else if (flag == "--attendees") {
            options.attendees_file = value;
        } else if (flag == "--table-size") {
            error = positive(options.table_size);
        } else if (flag == "--min") {
            if ((error = positive(number)).empty()) options.min = number;
        } else if (flag == "--max") {
            if ((error = positive(number)).empty()) options.max = number;
        } else if (flag == "--rounds") {
            error = positive(options.rounds);
        } else if (flag == "--keep-apart") {
            options.keep_apart = value;
        } else if (flag == "--seed") {
            if (!parse_number(value, options.seed)) error = "--seed needs a whole number, not " + value;
        } else if (flag == "--time-limit") {
            if (!parse_seconds(value, options.time_limit))
                error = "--time-limit needs a positive number of seconds, not " + value;
            else if (options.time_limit > max_time_limit)
                error = "--time-limit is at most " + std::to_string(static_cast<int>(max_time_limit)) +
                        " seconds (a day), not " + value;
        } else if (flag == "--kinds") {
            error = parse_kinds(value, options.kinds);
        } else if (flag == "--format") {
            options.format = value;
            if (value != "csv" && value != "json" && value != "text")
                error = "--format is csv, json or text, not " + value;
        } else {
            error = "unknown option " + flag;
        }
        if (!error.empty()) return error;
    }
    if (options.count.has_value() == !options.attendees_file.empty())
        return "give either --count N or --attendees FILE.csv";
    if (options.count && !options.keep_apart.empty())
        return "--keep-apart needs --attendees FILE.csv and its columns";
    if (options.table_size == 0) return "--table-size is required";
    if (options.rounds == 0) return "--rounds is required";
    if (options.kinds.size() > static_cast<std::size_t>(options.rounds))
        return "--kinds names " + std::to_string(options.kinds.size()) + " rounds, more than --rounds " +
               std::to_string(options.rounds);
    if (options.table_size < 2)
        return "--table-size is at least 2 people, not " + std::to_string(options.table_size);
    bool min_given = options.min.has_value(), max_given = options.max.has_value();
    if (!options.min)
        options.min =
            options.max ? std::min(*options.max, options.table_size) : std::max(2, options.table_size - 1);
    if (!options.max) options.max = std::max(*options.min, options.table_size + 1);
    if (*options.min > *options.max)
        return "--min " + std::to_string(*options.min) + " is larger than --max " +
               std::to_string(*options.max);
    if (*options.min > options.table_size || options.table_size > *options.max)
        return "--table-size " + std::to_string(options.table_size) + " is outside the allowed sizes, " +
               std::to_string(*options.min) + " to " + std::to_string(*options.max) + " people a table (" +
               range_source(min_given, max_given) + ")";
    return "";
}

}  // namespace ensemble::cli
