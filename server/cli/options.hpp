#pragma once
// `ensemble serve` settings: each flag also settable by an ENSEMBLE_* environment variable.

#include <optional>
#include <string>
#include <vector>

namespace ensemble::cli {

struct ServeOptions {
    unsigned short port = 8080;
    std::string bind = "0.0.0.0";
    std::string db = "var/ensemble.db";
    std::string static_dir = "client-web";
    std::string public_url;      // empty: the address each request came to
    unsigned create_limit = 20;  // events per hour per client address; 0: no limit
    // An HTTP keep-alive connection is closed after this long, however busy (shared/protocol.md, Limits).
    unsigned http_lifetime_seconds = 300;
};

struct ParsedServe {
    std::optional<ServeOptions> options;  // empty when only help was asked for, or on error
    std::string error;                    // why the words were refused
    bool help = false;
};

// Flags win over the environment, which wins over defaults. `getenv` is passed in for tests.
ParsedServe parse_serve(const std::vector<std::string>& args, const char* (*getenv)(const char*));

std::string serve_usage();

}  // namespace ensemble::cli
