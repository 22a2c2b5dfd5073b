// libFuzzer target: arbitrary bytes as what a browser sends on one HTTP connection. Read by Beast's parser
// with the server's limits, then, request after request while the connection is kept alive, through the
// server's routes: the REST API (handle_api) over a real Registry and rooms, the WebSocket door (path and
// origin: the token comes later, in the first message), /healthz and the static files of a temporary folder.
// Nothing may crash, hang or leak; every answer must be a well-formed HTTP response, and every error the
// protocol's JSON `error`.
//
// Requests take the server's own routes (net/router.hpp), as HttpSession::on_read does.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>

#include "app/protocol.hpp"
#include "app/registry.hpp"
#include "app/tokens.hpp"
#include "check.hpp"
#include "domain/reference_data.hpp"
#include "net/beast.hpp"
#include "net/responses.hpp"
#include "net/rest_api.hpp"
#include "net/router.hpp"

namespace {

using namespace ensemble;
using namespace ensemble::net;
using nlohmann::json;

// The one stored event, and tokens that open it; fuzz/seeds.sh writes requests that use them.
constexpr const char* event_id = "fuzzevent1";
constexpr const char* host_token = "fuzz-host-token";
constexpr const char* attendee_token = "fuzz-attendee-1";
constexpr const char* removed_token = "fuzz-attendee-2";
constexpr const char* secret = "FUZZ-SECRET";  // in files that must never be served
constexpr int max_requests = 8;                // per input, on one kept-alive connection

// The static folder: a few files the client has, a hidden one inside and a secret one beside it.
struct StaticFiles {
    std::filesystem::path dir;
    std::string root;
    std::map<std::string, std::string> files;  // path under root -> content

    // The content of the file a path under root names, if it is one of `files`.
    const std::string* find(const std::string& path) const {
        auto wanted = std::filesystem::path(root + path).lexically_normal();
        for (const auto& [name, content] : files)
            if (std::filesystem::path(root + name).lexically_normal() == wanted) return &content;
        return nullptr;
    }

    StaticFiles() {
        std::string pattern = (std::filesystem::temp_directory_path() / "ensemble-fuzz-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) std::abort();
        dir = pattern;
        root = (dir / "www").string();
        files = {{"/index.html", "<!doctype html><title>ensemble</title>"},
                 {"/join.html", "<!doctype html><title>join</title>"},
                 {"/host.html", "<!doctype html><title>host</title>"},
                 {"/js/protocol.js", "export const version = 1;\n"},
                 {"/css/style.css", "body { margin: 0 }\n"}};
        for (const auto& [path, content] : files) write(root + path, content);
        write(root + "/.hidden", std::string(secret) + " hidden");
        write(root + "/js/.env", std::string(secret) + " env");
        write((dir / "secret.txt").string(), std::string(secret) + " outside");
    }
    ~StaticFiles() {
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
    }
    static void write(const std::string& path, const std::string& content) {
        std::filesystem::create_directories(std::filesystem::path(path).parent_path());
        std::ofstream(path, std::ios::binary) << content;
    }
};

StaticFiles* static_files = nullptr;

// A store in memory, fresh for each input: it holds one event in the lobby (one attendee active, one
// removed); creating an event and committing succeed at once and are forgotten.
struct MemoryStore : storage::EventStore {
    void create_event(domain::EventState, std::string, Committed done) override { done(std::nullopt); }
    void commit(std::string, std::vector<domain::Record>, Committed done) override { done(std::nullopt); }
    void load(std::string id, Loaded done) override {
        if (id != event_id) return done(std::nullopt, std::nullopt);
        done(stored(), std::nullopt);
    }
    std::vector<storage::StoredEvent> load_running_events() override { return {}; }
    void delete_event(std::string, Committed done) override { done(std::nullopt); }
    void purge_expired(domain::TimeMs, Purged done) override { done({}, std::nullopt); }

    static storage::StoredEvent stored() {
        storage::StoredEvent event;
        auto& s = event.state;
        s.id = event_id;
        s.settings.title = "Rencontres";
        s.created_at = 1'700'000'000'000;
        s.attendees.emplace(1, domain::Attendee{1, "Camille", "CCAS", "", domain::AttendeeStatus::active,
                                                s.created_at, false});
        s.attendees.emplace(2, domain::Attendee{2, "Yanis", "France Travail", "",
                                                domain::AttendeeStatus::removed, s.created_at, false});
        event.host_credential_hash = app::token_hash(host_token);
        s.host_links.emplace(
            1, domain::HostLink{1, "", event.host_credential_hash, s.created_at, 0, std::nullopt});
        event.attendee_credentials = {{app::token_hash(attendee_token), 1},
                                      {app::token_hash(removed_token), 2}};
        return event;
    }
};

// The input, handed to the parser a few bytes at a time as a socket might.
class InputStream {
  public:
    InputStream(std::string_view input, std::size_t chunk) : rest_(input), chunk_(chunk) {}

    template <class MutableBuffers>
    std::size_t read_some(const MutableBuffers& buffers, beast::error_code& ec) {
        ec = {};
        if (rest_.empty()) {
            ec = asio::error::eof;
            return 0;
        }
        auto n = asio::buffer_copy(buffers, asio::buffer(rest_.data(), std::min(rest_.size(), chunk_)));
        rest_.remove_prefix(n);
        return n;
    }
    template <class MutableBuffers>
    std::size_t read_some(const MutableBuffers& buffers) {
        beast::error_code ec;
        auto n = read_some(buffers, ec);
        if (ec) throw beast::system_error(ec);
        return n;
    }

  private:
    std::string_view rest_;
    std::size_t chunk_;
};

// One connection's server side: a registry over the memory store, run on this thread.
struct Server {
    MemoryStore store;
    asio::io_context ioc;
    app::Registry registry{ioc.get_executor(), app::RoomServices{store, compute()}, ""};

    static asio::thread_pool& compute() {
        static asio::thread_pool pool(1);
        return pool;
    }
    ~Server() {
        registry.shutdown();
        ioc.restart();
        ioc.poll();
    }

    // Runs what is ready until `done`: everything here completes without waiting, so an empty queue
    // with no answer is a request that would hang.
    template <class Predicate>
    void run_until(Predicate done) {
        ioc.restart();
        while (!done() && ioc.poll_one() > 0) {
        }
        FUZZ_CHECK(done(), "a request is answered");
    }
};

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

// Serialises the answer as HttpSession would write it.
std::string serialise(http::message_generator answer) {
    std::string bytes;
    beast::error_code ec;
    while (!answer.is_done()) {
        auto buffers = answer.prepare(ec);
        FUZZ_CHECK(!ec, "an answer is written whole");
        for (auto buffer : buffers) bytes.append(static_cast<const char*>(buffer.data()), buffer.size());
        answer.consume(beast::buffer_bytes(buffers));
    }
    return bytes;
}

// The HTTP status of each error code (shared/protocol.md, Errors).
const std::map<std::string, unsigned> status_of_code = {
    {"malformed_json", 400}, {"invalid_field", 400}, {"unauthorized", 401}, {"forbidden", 403},
    {"not_found", 404},      {"wrong_phase", 409},   {"event_ended", 409},  {"event_full", 409},
    {"unknown_type", 400},   {"rate_limited", 429},  {"too_large", 413},    {"unsupported_media_type", 415},
    {"table_full", 409},     {"internal", 500}};
// Where HTTP has a more precise status than the code's (405 for a wrong method, 503 when busy...).
bool precise_status(unsigned status) {
    return status == 405 || status == 414 || status == 431 || status == 503;
}

enum class Route { api, healthz, file, other };

// Reads the bytes back as a client would, and checks them against what was asked.
void check_answer(const std::string& bytes, const Request& request, Route route) {
    http::response_parser<http::string_body> parser;
    parser.body_limit(boost::none);
    if (request.method() == http::verb::head) parser.skip(true);
    beast::error_code ec;
    std::size_t used = 0;
    while (used < bytes.size() && !parser.is_done() && !ec)
        used += parser.put(asio::buffer(bytes.data() + used, bytes.size() - used), ec);
    if (!parser.is_done() && !ec) parser.put_eof(ec);
    FUZZ_CHECK(!ec && parser.is_done() && used == bytes.size(), "the answer is one well-formed response");
    const auto& response = parser.get();
    unsigned status = response.result_int();
    FUZZ_CHECK(status == 200 || status == 201 || status == 301 || (status >= 400 && status < 600),
               "the status is a success, a redirect or an error");
    FUZZ_CHECK(response.keep_alive() == request.keep_alive(),
               "the connection is kept alive as the request asked");
    if (route != Route::healthz)
        FUZZ_CHECK(response["X-Content-Type-Options"] == "nosniff", "the security headers are set");
    FUZZ_CHECK(response.body().find(secret) == std::string::npos, "no file outside the folder is served");
    bool head = request.method() == http::verb::head;

    if (status >= 400) {
        FUZZ_CHECK(response[http::field::content_type] == "application/json", "an error is JSON");
        if (head) return;
        json error = json::parse(response.body(), nullptr, false);
        FUZZ_CHECK(error.is_object() && error["type"] == "error" && error["code"].is_string() &&
                       error["message"].is_string(),
                   "an error is the protocol's");
        auto code = status_of_code.find(error["code"].get<std::string>());
        FUZZ_CHECK(precise_status(status) || (code != status_of_code.end() && code->second == status),
                   "the status is the one of the error's code");
        return;
    }
    if (status == 301) {
        // A folder asked for without its slash may be sent to it, on this server only.
        std::string_view location = response[http::field::location];
        FUZZ_CHECK(route == Route::file && starts_with(location, "/") && !starts_with(location, "//"),
                   "a redirect stays on this server");
        return;
    }
    if (route == Route::api) {
        FUZZ_CHECK(json::accept(response.body()), "an API answer is JSON");
        return;
    }
    if (route == Route::file) {
        FUZZ_CHECK(status == 200, "a file is 200 or an error");
        std::string_view target = request.target();
        std::string path(target.substr(0, target.find_first_of("?#")));
        if (!path.empty() && path.back() == '/') path += "index.html";
        // The reference lists of shared/, compiled in (/data/<name>.json), are served from memory.
        if (starts_with(path, "/data/") && path.size() > 11 && path.ends_with(".json")) {
            auto text = ensemble::domain::reference_file(std::string_view(path).substr(6, path.size() - 11));
            FUZZ_CHECK(!text.empty(), "only the known reference lists are served under /data/");
            FUZZ_CHECK(response[http::field::content_length] == std::to_string(text.size()),
                       "a reference list's length is its size");
            if (!head) FUZZ_CHECK(response.body() == text, "a reference list is served as it is");
            return;
        }
        const std::string* file = static_files->find(path);
        FUZZ_CHECK(file, "only the folder's files are served");
        FUZZ_CHECK(response[http::field::content_length] == std::to_string(file->size()),
                   "a file's length is its size");
        if (!head) FUZZ_CHECK(response.body() == *file, "a file is served as it is");
    }
}

// HttpSession::on_read after a request was read, through the server's own routes: the answer, or nothing
// once upgraded. Every address may create events here.
std::optional<http::message_generator> answer_request(Server& server, const Request& request, Route& kind) {
    auto routed = route(request, static_files->root, "", [] { return true; });
    switch (routed.to) {
        case Routed::To::websocket:
            return std::nullopt;  // who connects is said in the first message (client_message target)
        case Routed::To::api: {
            kind = Route::api;
            std::optional<Response> answer;
            handle_api(server.registry, request, "127.0.0.1:8080", [&answer](Response response) {
                FUZZ_CHECK(!answer, "a request is answered once");
                answer = std::move(response);
            });
            server.run_until([&] { return answer.has_value(); });
            return std::move(*answer);
        }
        case Routed::To::health:
            kind = Route::healthz;
            break;
        case Routed::To::file:
            kind = Route::file;
            break;
        case Routed::To::refused:
            kind = Route::other;
            break;
    }
    return std::move(*routed.answer);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    static StaticFiles files;
    static_files = &files;
    std::cout.setstate(std::ios::failbit);  // the server's log lines
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Server server;
    // How the bytes arrive depends on the input too: all at once, or a few at a time.
    InputStream stream({reinterpret_cast<const char*>(data), size}, 1 + size % 512);
    beast::flat_buffer buffer;
    for (int n = 0; n < max_requests; ++n) {
        http::request_parser<http::string_body> parser;
        parser.body_limit(app::max_message_bytes);
        beast::error_code ec;
        http::read(stream, buffer, parser, ec);
        if (ec == http::error::body_limit) {
            Request head{parser.get().method(), parser.get().target(), parser.get().version()};
            head.keep_alive(false);
            auto bytes = serialise(
                error_response(head, {domain::ErrorCode::too_large, "the body is over 64 KiB", ""}));
            check_answer(bytes, head, Route::other);
            return 0;
        }
        if (ec) return 0;  // the end of the stream, or a request HTTP refuses: the server closes
        Request request = parser.release();
        Route kind;
        auto answer = answer_request(server, request, kind);
        if (!answer) return 0;  // upgraded to a WebSocket
        bool keep_alive = answer->keep_alive();
        check_answer(serialise(std::move(*answer)), request, kind);
        if (!keep_alive) return 0;
    }
    return 0;
}
