#include "cli/purge.hpp"

#include <ctime>
#include <filesystem>
#include <optional>
#include <ostream>

#include "storage/purge.hpp"

namespace ensemble::cli {

const char* const purge_usage =
    "Usage: ensemble purge --db FILE [--dry-run]\n"
    "  Deletes every event whose retention is over (retention_days after its end, 90 by default),\n"
    "  with all its attendees, tables, chat and answers, and lists them: event id, end date, attendees.\n"
    "  --db FILE   the server's database (it may be in use by a running server)\n"
    "  --dry-run   list what would be deleted, delete nothing\n";

namespace {

struct PurgeOptions {
    std::string db;
    bool dry_run = false;
};

// The error in words, or empty when the words make sense.
std::string parse(const std::vector<std::string>& args, PurgeOptions& options) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--dry-run") {
            options.dry_run = true;
        } else if (args[i] == "--db") {
            if (i + 1 >= args.size()) return "--db needs a file";
            options.db = args[++i];
        } else {
            return "unknown option '" + args[i] + "'";
        }
    }
    if (options.db.empty()) return "--db FILE is required";
    return {};
}

std::string utc_date(domain::TimeMs at) {
    std::time_t seconds = static_cast<std::time_t>(at / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &tm);
    return text;
}

}  // namespace

int run_purge(const std::vector<std::string>& args, domain::TimeMs now, std::ostream& out,
              std::ostream& err) {
    if (args.size() == 1 && (args[0] == "--help" || args[0] == "-h")) {
        out << purge_usage;
        return 0;
    }
    PurgeOptions options;
    if (auto error = parse(args, options); !error.empty()) {
        err << "ensemble purge: " << error << '\n' << purge_usage;
        return 2;
    }
    // Opening would create an empty database: a mistyped path must say so instead.
    std::error_code ec;
    if (!std::filesystem::is_regular_file(options.db, ec)) {
        err << "ensemble purge: no database file at " << options.db << '\n';
        return 1;
    }
    try {
        storage::Database db(options.db);
        storage::enable_secure_delete(db);
        auto expired = options.dry_run ? storage::find_expired(db, now) : storage::purge_expired(db, now);
        const char* verb = options.dry_run ? "would be deleted" : "deleted";
        for (const auto& event : expired.events)
            out << "event " << event.id << ", ended " << utc_date(event.ended_at) << ", " << event.attendees
                << " attendees: " << verb << '\n';
        for (const auto& series : expired.empty_series)
            out << "series " << series << ", never given an event: " << verb << '\n';
        out << expired.events.size() << (expired.events.size() == 1 ? " event " : " events ") << verb << '\n';
        if (!expired.empty_series.empty()) out << expired.empty_series.size() << " series " << verb << '\n';
        return 0;
    } catch (const std::exception& error) {
        err << "ensemble purge: " << error.what() << '\n';
        return 1;
    }
}

}  // namespace ensemble::cli
