// One load-generating process of bench-live (README.md): joins its share of attendees, keeps their
// WebSockets and records, with the wall clock, when each saw what the coordinator asks about. run.js spawns
// it with an IPC channel on descriptor 3: one JSON command per line in, one JSON reply per line out.
// It is C++ on one epoll loop because its CPU is CPU the server under test cannot have.

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "channel.hpp"
#include "messages.hpp"
#include "net/limits.hpp"
#include "wire.hpp"

namespace bench_live {
namespace {

using nlohmann::json;

struct Seat {
    std::int64_t at;
    json table;
    json people;  // the ids at the table, oneself included
};

class Worker;

struct Attendee final : WebSocketClient::Handler {
    Attendee(Worker& worker, json id, std::string token)
        : worker(worker), id(std::move(id)), token(std::move(token)) {}
    void on_open() override;
    void on_text(std::string_view text, std::int64_t at) override;
    void on_closed(const std::string& why, bool error) override;

    Worker& worker;
    json id;
    std::string token;
    std::unique_ptr<WebSocketClient> ws;
    std::map<int, Seat> seats;       // round → the first seat of that round
    std::vector<std::int64_t> chat;  // latencies of tablemates' messages, ms
    int states = 0;                  // `state` messages on the current socket
    std::string failure;             // why the last connection attempt failed
    std::uint64_t attempt = 0;       // the current connection attempt, for its timeout
    bool settled = true;             // the attempt succeeded (first state) or failed
    int lane = -1;                   // the join lane waiting for this attempt; -1 in the storm
    int join_index = 0;
    bool done = true;  // passes the current wait's test
    // The storm: the seat before the cut, and the first state after it.
    bool cut = false;
    int storm_round = 0;
    json storm_table;
    std::optional<std::int64_t> back;
    json back_table;
    bool gave_up = false;
    int retries = 0;
};

struct Config {
    Endpoint server;
    std::string event_id;
    int first = 0, count = 0, concurrency = 1;
    std::int64_t timeout_ms = 60000;
};

// glibc's memmem (two-way) rather than string_view::find, which stops at every quote of the message.
bool contains(std::string_view text, std::string_view part) {
    return memmem(text.data(), text.size(), part.data(), part.size()) != nullptr;
}

std::string id_text(const json& id) { return id.is_string() ? id.get<std::string>() : id.dump(); }

class Worker {
  public:
    void run() {
        while (!stopped_) loop_.run_once();
    }

    void command(const json& message) {
        auto cmd = message.at("cmd").get<std::string>();
        if (cmd == "exit") std::_Exit(0);  // nothing to tear down: the sockets close with the process
        if (cmd == "config") {
            auto& c = message.at("config");
            config_.server = parse_base(c.at("base").get<std::string>());
            config_.event_id = id_text(c.at("eventId"));
            config_.first = c.at("first");
            config_.count = c.at("count");
            config_.concurrency = c.at("concurrency");
            config_.timeout_ms = c.at("timeoutMs");
            return reply("config", json::object());
        }
        if (cmd == "join") return join();
        if (cmd == "round") return start_wait(Phase::round, message.at("round").get<int>());
        if (cmd == "chat") return chat(message.at("round").get<int>());
        if (cmd == "storm") return storm(message.at("round").get<int>());
        if (cmd == "cut") {
            for (auto* a : attendees_) a->ws->drop();
            return reply("cut", json::object());
        }
        std::fprintf(stderr, "worker: unknown command %s\n", cmd.c_str());
    }

    void on_open(Attendee& a) {
        a.ws->send_text(json{{"type", "hello"}, {"token", a.token}, {"protocol", 1}}.dump());
    }

    // A frame may hold several messages, one per line (protocol.md).
    void on_text(Attendee& a, std::string_view text, std::int64_t at) {
        for (std::size_t start = 0; start < text.size();) {
            auto end = std::min(text.find('\n', start), text.size());
            if (end > start) on_message(a, text.substr(start, end - start), at);
            start = end + 1;
        }
        if (a.states > 0) settle(a, true);
    }

    void on_closed(Attendee& a, const std::string& why, bool error) {
        if (error)
            a.failure = why;
        else if (a.states == 0 && a.failure.empty())
            a.failure = why;
        settle(a, false);
    }

  private:
    enum class Phase { none, round, chat, storm };

    // A message is only parsed when its type needs it: the load generator must not starve the server.
    void on_message(Attendee& a, std::string_view text, std::int64_t at) {
        if (contains(text, R"("type":"state")")) {
            Incoming m;
            if (!read_incoming(text, m)) return unreadable(text);
            a.states++;
            bool seated = m.phase == "round" && m.has_table;
            if (seated && !a.seats.contains(m.round)) {
                if (!m.people_listed)
                    m.people.push_back(a.id);  // the old server's `mates` leaves out oneself
                a.seats[m.round] = {at, m.table_number, std::move(m.people)};
            }
            if (a.cut && !a.back && !a.gave_up) {  // the first state after the cut
                a.back = at;
                a.back_table = seated && m.round == a.storm_round ? m.table_number : json();
            }
        } else if (contains(text, R"("type":"chat")")) {
            Incoming m;
            if (!read_incoming(text, m)) return unreadable(text);
            if (m.from != a.id && m.text.starts_with("bench "))
                a.chat.push_back(at - std::strtoll(m.text.c_str() + 6, nullptr, 10));
        } else if (contains(text, R"("type":"error")")) {
            if (errors_++ < 5)
                std::fprintf(stderr, "attendee %s got %.*s\n", id_text(a.id).c_str(), int(text.size()),
                             text.data());
        } else {
            return;
        }
        if (phase_ != Phase::none && !a.done && passes(a)) {
            a.done = true;
            if (--pending_ == 0) finish_wait();
        }
    }

    void unreadable(std::string_view text) {
        std::fprintf(stderr, "worker: not JSON: %.*s\n", int(std::min<std::size_t>(text.size(), 200)),
                     text.data());
    }

    // Opens the attendee's socket; settles true at its first `state`, false if refused or closed before.
    void connect(Attendee& a) {
        if (a.ws) a.ws->drop(), loop_.retire(std::move(a.ws));
        a.ws = std::make_unique<WebSocketClient>(loop_, a);
        a.states = 0;
        a.failure.clear();
        a.settled = false;
        auto attempt = ++a.attempt;
        if (auto why = a.ws->start(config_.server, "/ws?event=" + config_.event_id); !why.empty()) {
            a.failure = why;
            return loop_.after(0, [this, &a, attempt] {
                if (a.attempt == attempt) settle(a, false);
            });
        }
        loop_.after(config_.timeout_ms, [this, &a, attempt] {
            if (a.attempt != attempt || a.settled) return;
            a.failure = "timeout";
            a.ws->drop();
            settle(a, false);
        });
    }

    void settle(Attendee& a, bool ok) {
        if (std::exchange(a.settled, true)) return;
        if (a.lane >= 0) {
            auto lane = std::exchange(a.lane, -1);
            if (ok)
                attendees_.push_back(&a);
            else
                join_failed(a.join_index, "WebSocket " + a.failure);
            return next_join(lane);
        }
        if (!ok && a.cut && !a.back && !a.gave_up) retry(a);
    }

    // Join over REST then connect, `concurrency` attendees in flight, so the server sets the pace.
    void join() {
        lanes_.clear();
        next_ = failed_joins_ = 0;  // each join counts its own
        for (int i = 0; i < config_.concurrency; ++i)
            lanes_.push_back(std::make_unique<HttpClient>(loop_, config_.server));
        lanes_busy_ = config_.concurrency;
        for (int i = 0; i < config_.concurrency; ++i) next_join(i);
    }

    void next_join(int lane) {
        if (next_ >= config_.count) {
            if (--lanes_busy_ > 0) return;
            for (auto& client : lanes_) loop_.retire(std::move(client));
            return reply("join", {{"connected", attendees_.size()}, {"failed", failed_joins_}});
        }
        int i = config_.first + next_++;
        json body{{"name", "Bench " + std::to_string(i)},
                  {"organisation", "Organisation " + std::to_string(i % 97)},
                  {"role", ""}};
        lanes_[lane]->post("/api/events/" + config_.event_id + "/attendees", body.dump(),
                           [this, lane, i](int status, std::string text) {
                               if (status != 201) {
                                   join_failed(i, std::to_string(status) + " " + text);
                                   return next_join(lane);
                               }
                               auto created = json::parse(text);
                               auto& a = *everyone_.emplace_back(std::make_unique<Attendee>(
                                   *this, created.at("attendee_id"), created.at("token").get<std::string>()));
                               a.lane = lane;
                               a.join_index = i;
                               connect(a);
                           });
    }

    void join_failed(int i, const std::string& why) {
        if (failed_joins_++ < 3) std::fprintf(stderr, "join %d: %s\n", i, why.c_str());
    }

    // Everyone sends one message at once; the text carries its send time so any process can time its arrival.
    void chat(int round) {
        for (auto* a : attendees_)
            if (a->ws->ready())
                a->ws->send_text(
                    json{{"type", "chat"}, {"text", "bench " + std::to_string(now_ms())}}.dump());
        start_wait(Phase::chat, round);
    }

    // A network cut: every socket dropped without a close handshake, then reconnected with the same token
    // after the web client's own back-off (jittered, doubling), as 10,000 browsers would.
    void storm(int round) {
        for (auto* a : attendees_) {
            a->cut = true;
            a->storm_round = round;
            auto seat = a->seats.find(round);
            a->storm_table = seat == a->seats.end() ? json() : seat->second.table;
            a->back.reset();
            a->ws->drop();
        }
        start_wait(Phase::storm, round);
        for (auto* a : attendees_) a->retries = 0, retry(*a);
    }

    void retry(Attendee& a) {
        loop_.after(backoff_delay(a.retries++), [this, &a] {
            if (!a.back && !a.gave_up) connect(a);
        });
    }

    std::size_t expected_chats(const Attendee& a) const {
        auto seat = a.seats.find(wait_round_);
        return seat == a.seats.end() ? 0 : seat->second.people.size() - 1;
    }

    bool passes(const Attendee& a) const {
        switch (phase_) {
            case Phase::round:
                return a.seats.contains(wait_round_);
            case Phase::chat:
                return a.chat.size() >= expected_chats(a);
            case Phase::storm:
                return a.back.has_value();
            case Phase::none:
                return true;
        }
        return true;
    }

    // Ends once every attendee passes the phase's test (checked again on each message it gets), or after
    // the timeout.
    void start_wait(Phase phase, int round) {
        phase_ = phase;
        wait_round_ = round;
        pending_ = 0;
        for (auto* a : attendees_) {
            a->done = passes(*a);
            if (!a->done) pending_++;
        }
        if (pending_ == 0) return finish_wait();
        loop_.after(config_.timeout_ms, [this, wait = ++waits_] {
            if (waits_ == wait && phase_ != Phase::none) finish_wait();
        });
    }

    void finish_wait() {
        auto phase = std::exchange(phase_, Phase::none);
        ++waits_;
        if (phase == Phase::round) return finish_round();
        if (phase == Phase::chat) return finish_chat();
        if (phase == Phase::storm) return finish_storm();
    }

    // Each attendee's first seat of the round: [id, received at, table, people at the table].
    void finish_round() {
        json seats = json::array();
        for (auto* a : attendees_)
            if (auto seat = a->seats.find(wait_round_); seat != a->seats.end())
                seats.push_back({a->id, seat->second.at, seat->second.table, seat->second.people});
        reply("round", {{"seats", seats}, {"missing", attendees_.size() - seats.size()}});
    }

    void finish_chat() {
        json latencies = json::array();
        std::size_t missing = 0;
        for (auto* a : attendees_) {
            for (auto latency : a->chat) latencies.push_back(latency);
            missing += a->chat.size() < expected_chats(*a) ? expected_chats(*a) - a->chat.size() : 0;
        }
        reply("chat", {{"latencies", latencies}, {"missing", missing}});
    }

    void finish_storm() {
        std::size_t back = 0, other_table = 0;
        std::int64_t last_back = 0;
        std::vector<std::pair<std::string, int>> failures;  // in order of first appearance, as a Map
        for (auto* a : attendees_) {
            if (!a->back) {
                a->gave_up = true;  // stop retrying
                auto same = std::find_if(failures.begin(), failures.end(),
                                         [&](auto& f) { return f.first == a->failure; });
                if (same == failures.end())
                    failures.emplace_back(a->failure, 1);
                else
                    same->second++;
                continue;
            }
            if (!a->back_table.is_null() && a->back_table == a->storm_table)
                back++;
            else
                other_table++;
            last_back = std::max(last_back, *a->back);
        }
        if (!failures.empty())
            std::fprintf(stderr, "storm: not back, last failure: %s\n", json(failures).dump().c_str());
        reply("storm", {{"back", back},
                        {"otherTable", other_table},
                        {"missing", attendees_.size() - back - other_table},
                        {"lastBack", last_back}});
    }

    void reply(const std::string& cmd, json fields) { channel_.reply(cmd, std::move(fields)); }

    Loop loop_;
    bool stopped_ = false;
    Channel channel_{loop_, [this](const json& message) { command(message); }, [this] { stopped_ = true; }};
    Config config_;
    std::vector<std::unique_ptr<Attendee>> everyone_;  // owns them all, joined or not
    std::vector<Attendee*> attendees_;                 // those who joined
    std::vector<std::unique_ptr<HttpClient>> lanes_;
    int lanes_busy_ = 0, next_ = 0, failed_joins_ = 0, errors_ = 0;
    Phase phase_ = Phase::none;
    int wait_round_ = 0;
    int pending_ = 0;
    std::uint64_t waits_ = 0;
};

void Attendee::on_open() { worker.on_open(*this); }
void Attendee::on_text(std::string_view text, std::int64_t at) { worker.on_text(*this, text, at); }
void Attendee::on_closed(const std::string& why, bool error) { worker.on_closed(*this, why, error); }

}  // namespace
}  // namespace bench_live

int main() {
    // Up to 2,500 sockets and their reconnections: the soft limit on descriptors raised to the hard one.
    ensemble::net::raise_descriptor_limit();
    static bench_live::Worker worker;
    worker.run();
}
