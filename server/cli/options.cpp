#include "cli/options.hpp"

#include <charconv>

namespace ensemble::cli {
namespace {

// A text flag sets `text`; a number flag calls `number` with a value from `min` to `max`.
struct Flag {
    const char* name;
    const char* env;
    std::string ServeOptions::*text;
    void (*number)(ServeOptions&, unsigned);
    unsigned min, max;
    const char* what;
};

constexpr Flag flags[] = {
    {"--port", "ENSEMBLE_PORT", nullptr,
     [](ServeOptions& o, unsigned v) { o.port = static_cast<unsigned short>(v); }, 0, 65535, "a port number"},
    {"--bind", "ENSEMBLE_BIND", &ServeOptions::bind, nullptr, 0, 0, ""},
    {"--db", "ENSEMBLE_DB", &ServeOptions::db, nullptr, 0, 0, ""},
    {"--static-dir", "ENSEMBLE_STATIC_DIR", &ServeOptions::static_dir, nullptr, 0, 0, ""},
    {"--public-url", "ENSEMBLE_PUBLIC_URL", &ServeOptions::public_url, nullptr, 0, 0, ""},
    {"--create-limit", "ENSEMBLE_CREATE_LIMIT", nullptr,
     [](ServeOptions& o, unsigned v) { o.create_limit = v; }, 0, 1000000, "a number of events"},
    {"--http-lifetime", "ENSEMBLE_HTTP_LIFETIME", nullptr,
     [](ServeOptions& o, unsigned v) { o.http_lifetime_seconds = v; }, 1, 86400, "a number of seconds"},
};

// Sets one flag's value; the error in words, or empty.
std::string set(ServeOptions& options, const Flag& flag, const std::string& value) {
    if (flag.text) {
        options.*flag.text = value;
        return {};
    }
    unsigned number = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (ec != std::errc() || end != value.data() + value.size() || number < flag.min || number > flag.max)
        return std::string(flag.name) + " must be " + flag.what + " (" + std::to_string(flag.min) + " to " +
               std::to_string(flag.max) + "), not '" + value + "'";
    flag.number(options, number);
    return {};
}

}  // namespace

ParsedServe parse_serve(const std::vector<std::string>& args, const char* (*getenv)(const char*)) {
    ParsedServe result;
    ServeOptions options;
    for (const auto& flag : flags)
        if (const char* value = getenv(flag.env); value && *value)
            if (auto error = set(options, flag, value); !error.empty())
                return {std::nullopt, flag.env + (": " + error)};
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--help" || args[i] == "-h") return {std::nullopt, "", true};
        std::string name = args[i], value;
        bool inline_value = false;
        if (auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
            inline_value = true;
        }
        const Flag* flag = nullptr;
        for (const auto& f : flags)
            if (name == f.name) flag = &f;
        if (!flag) return {std::nullopt, "unknown option '" + args[i] + "'"};
        if (!inline_value) {
            if (i + 1 >= args.size()) return {std::nullopt, name + " needs a value"};
            value = args[++i];
        }
        if (auto error = set(options, *flag, value); !error.empty()) return {std::nullopt, error};
    }
    while (!options.public_url.empty() && options.public_url.back() == '/') options.public_url.pop_back();
    result.options = options;
    return result;
}

// One line of the table per line of code, however long.
// clang-format off
std::string serve_usage() {
    return "Usage: ensemble serve [options]\n"
           "  --port N           port to listen on (0: any free port)   ENSEMBLE_PORT, default 8080\n"
           "  --bind ADDRESS     address to listen on                   ENSEMBLE_BIND, default 0.0.0.0\n"
           "  --db FILE          SQLite database file                   ENSEMBLE_DB, default "
           "var/ensemble.db\n"
           "  --static-dir DIR   the browser client's folder            ENSEMBLE_STATIC_DIR, default "
           "client-web\n"
           "  --public-url URL   address in the links given to people   ENSEMBLE_PUBLIC_URL, default: "
           "the address each request came to\n"
           "  --create-limit N   events one address may create per hour ENSEMBLE_CREATE_LIMIT, default 20 "
           "(0: no limit)\n"

           "  --http-lifetime S  seconds an HTTP connection may last    ENSEMBLE_HTTP_LIFETIME, default 300\n";
}
// clang-format on

}  // namespace ensemble::cli
