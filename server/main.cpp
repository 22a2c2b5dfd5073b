// ensemble: wiring only. `serve` runs the live-event server; `plan` plans tables ahead; `export` writes an
// event's meeting graph; `purge` deletes expired events.
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <thread>

#include "app/clock.hpp"
#include "app/log.hpp"
#include "app/registry.hpp"
#include "app/retention.hpp"
#include "cli/export.hpp"
#include "cli/export_db.hpp"
#include "cli/options.hpp"
#include "cli/plan.hpp"
#include "cli/purge.hpp"
#include "net/limits.hpp"
#include "net/listener.hpp"
#include "net/websocket_session.hpp"
#include "storage/sqlite_store.hpp"

namespace {

using namespace ensemble;
namespace asio = boost::asio;

constexpr const char* usage =
    "Usage: ensemble <command> [options]\n"
    "  serve     run the live-event server (ensemble serve --help)\n"
    "  plan      plan every round's tables ahead (ensemble plan --help)\n"
    "  export    write an event's meeting graph for Gephi (ensemble export --help)\n"
    "  purge     delete the events whose retention is over (ensemble purge --help)\n"
    "  --version print the version\n";

const char* environment(const char* name) { return std::getenv(name); }

// Closes every socket (1001), then stops once they are closed, or after a grace period.
void shut_down(asio::io_context& ioc, net::Listener& listener, app::Registry& registry) {
    app::log_event("shutting_down");
    listener.stop();
    registry.shutdown();
    auto timer = std::make_shared<asio::steady_timer>(ioc);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    auto check = std::make_shared<std::function<void()>>();
    *check = [&ioc, timer, deadline, check] {
        if (net::WebsocketSession::live_count() == 0 || std::chrono::steady_clock::now() > deadline) {
            ioc.stop();
            *check = nullptr;  // breaks the self-reference
            return;
        }
        timer->expires_after(std::chrono::milliseconds(20));
        timer->async_wait([check](boost::system::error_code) {
            if (*check) (*check)();
        });
    };
    (*check)();
}

int serve(const std::vector<std::string>& args) {
    auto parsed = cli::parse_serve(args, environment);
    if (parsed.help) {
        std::cout << cli::serve_usage();
        return 0;
    }
    if (!parsed.options) {
        std::cerr << "ensemble serve: " << parsed.error << "\n" << cli::serve_usage();
        return 2;
    }
    const auto& options = *parsed.options;
    // Past a file size limit (ulimit -f) a write must fail like a full disk, not kill every live event.
    std::signal(SIGXFSZ, SIG_IGN);
    try {
        auto db_path = std::filesystem::path(options.db);
        if (db_path.has_parent_path()) std::filesystem::create_directories(db_path.parent_path());
        storage::SqliteStore store(options.db);
        asio::thread_pool compute(1);  // the matcher, off the network threads

        asio::io_context ioc;
        auto endpoint = asio::ip::tcp::endpoint(asio::ip::make_address(options.bind), options.port);
        auto listener = std::make_shared<net::Listener>(ioc, endpoint);
        app::Registry registry(ioc.get_executor(), app::RoomServices{store, compute}, options.public_url);
        std::string public_url = options.public_url;
        if (public_url.empty()) public_url = "http://localhost:" + std::to_string(listener->port());
        auto resumed = registry.resume_running();
        registry.start_sweeping();
        app::RetentionSweep retention(ioc.get_executor(), store, registry);
        retention.start();
        auto static_dir = std::filesystem::weakly_canonical(std::filesystem::absolute(options.static_dir));
        auto max_connections = net::connection_cap(net::raise_descriptor_limit());
        listener->run(registry, net::ServerConfig{static_dir.string(), options.public_url,
                                                  std::make_shared<net::CreationLimit>(options.create_limit),
                                                  std::chrono::seconds(options.http_lifetime_seconds),
                                                  max_connections});

        asio::signal_set signals(ioc, SIGINT, SIGTERM);
        signals.async_wait([&](boost::system::error_code ec, int) {
            if (ec) return;
            retention.stop();
            shut_down(ioc, *listener, registry);
        });
        app::log_event("listening", {{"port", listener->port()},
                                     {"url", public_url},
                                     {"resumed_events", resumed},
                                     {"max_connections", max_connections}});
        std::cerr << "ensemble is ready: open " << public_url << "/ to create an event\n";

        std::vector<std::thread> threads;
        for (unsigned i = 1; i < std::max(2u, std::thread::hardware_concurrency()); ++i)
            threads.emplace_back([&ioc] { ioc.run(); });
        ioc.run();
        for (auto& thread : threads) thread.join();
        compute.join();
        store.stop();
        app::log_event("stopped");
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "ensemble serve: " << error.what() << "\n";
        return 1;
    }
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        std::cout << usage;
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "--version") {
        std::cout << "ensemble " << ENSEMBLE_VERSION << "\n";
        return 0;
    }
    std::vector<std::string> rest(args.begin() + 1, args.end());
    if (args[0] == "serve") return serve(rest);
    if (args[0] == "plan") return cli::run_plan(rest, std::cout, std::cerr);
    if (args[0] == "export") return cli::run_export(rest, std::cout, std::cerr, cli::read_event_file);
    if (args[0] == "purge") return cli::run_purge(rest, app::now_ms(), std::cout, std::cerr);
    std::cerr << "ensemble: unknown command '" << args[0] << "'\n" << usage;
    return 2;
}
