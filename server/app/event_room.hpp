#pragma once
// One event's live room, on one strand: apply a command, hand its records to the store, and publish what
// it rendered once the store says they are durable. Publication follows the order commands were applied.

#include <atomic>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <unordered_map>

#include "app/client.hpp"
#include "app/protocol.hpp"
#include "app/rate_limiter.hpp"
#include "app/render.hpp"
#include "app/throttled_log.hpp"
#include "app/topic_tables_json.hpp"
#include "domain/event.hpp"
#include "storage/event_store.hpp"

namespace ensemble::app {

namespace asio = boost::asio;

// How long a room waits before trying the storage again after a failure: `first`, then twice as long
// after each failure in a row, at most `most`.
struct StorageRetry {
    std::chrono::milliseconds first{500};
    std::chrono::milliseconds most{30'000};
};

// Where a room's heavy or slow work goes: the store commits, the pool runs the matcher.
struct RoomServices {
    storage::EventStore& store;
    asio::thread_pool& compute;
    StorageRetry retry{};
    // A connection is written at most this often (event_room_delivery.cpp): at 10,000 chatting at once, 30 ms
    // slices cut the writes, and the server's CPU, by a fifth (README.md, "Under a crowd").
    std::chrono::milliseconds write_every{30};
};

// A number no commit of any event in this process had before (EventRoom::review_basis).
std::uint64_t next_version();
// What an attendee reports about their round (answers to the cards, presence): each one is written.
bool is_report(const domain::Command& command);

// What a credential opens: the live event (socket), or an attendee's own page over REST, which someone who
// left of their own accord keeps (the people they met, their mutual contacts); a removed one does not.
enum class Access { live, own_page };

class EventRoom : public std::enable_shared_from_this<EventRoom> {
  public:
    using Executor = asio::strand<asio::any_io_executor>;
    using JoinDone = std::function<void(std::variant<domain::AttendeeId, Problem>)>;
    using Authenticated = std::function<void(std::variant<domain::Actor, Problem>)>;

    EventRoom(asio::any_io_executor executor, RoomServices services, storage::StoredEvent stored,
              std::string join_url);

    // Every public call may come from any thread: it runs on the room's strand, and so do the callbacks.
    void start();
    void authenticate(std::string credential_hash, Authenticated done, Access access = Access::live);
    void join(Profile profile, std::string credential_hash, JoinDone done);
    void public_info(std::function<void(nlohmann::json)> done);
    // For the staff review: a host or staff link that works may read it (an attendee is forbidden, a
    // revoked link unauthorized); with the event's phase and its version, which every commit changes
    // (unique in the process, so a cache can tell one state of the event from another).
    struct ReviewBasis {
        std::string phase;
        std::uint64_t version = 0;
    };
    void review_basis(domain::Actor actor, std::function<void(std::variant<ReviewBasis, Problem>)> done);
    void attach(std::shared_ptr<Client> client, domain::Actor actor);
    void detach(const Client* client, domain::Actor actor);
    void handle(const Client* client, domain::Actor actor, ClientMessage message);
    // An attendee's own page (GET /me), and an answer to a card over REST (after the end, or from another
    // device): the same commands as over the socket, answered with the page once the answer is durable.
    using MeDone = std::function<void(std::variant<nlohmann::json, Problem>)>;
    void me(domain::Actor actor, MeDone done);
    void answer(domain::Actor actor, domain::Command command, MeDone done);
    void shutdown();
    // Calls back true, and refuses all work from then on, when nothing needs this room in memory: nobody
    // connected and nothing pending, and the event ended or in its lobby untouched for 10 minutes. A
    // lobby older than its lifetime (protocol.md) has been ended first.
    void release_if_idle(std::function<void(bool released)> done);
    // Data protection (event_room_erase.cpp). The event is being deleted by a host link (0: the server,
    // for its retention): every connection is closed (event_deleted), all work is refused from then on, and
    // `done` gets nullopt once nothing more will be committed; a revoked link is refused.
    void close_for_deletion(domain::HostLinkId by, std::function<void(std::optional<Problem>)> done);
    // An attendee erases themself with their own credential (their personal link), whatever their status:
    // `done` gets nullopt once the erasure is durable.
    void erase_self(std::string credential_hash, std::function<void(std::optional<Problem>)> done);

    const std::string& id() const { return id_; }

  private:
    static const Problem unavailable;  // the database cannot save now
    static const Problem released;     // a newer room serves the event

    // What one applied command (or a read) delivers once everything before it is durable.
    struct Batch {
        bool durable = false;
        std::vector<std::pair<std::shared_ptr<Client>, SharedMessage>> first;  // to one connection, first
        Rendered rendered;
        std::function<void(bool saved)> done;
        std::chrono::steady_clock::time_point applied{};  // for the slow-batch log
        double apply_ms = 0;
    };
    using Refused = std::function<void(const Problem&)>;

    // The id a Join or a CreateHostLink created, when the command was accepted.
    std::optional<std::int64_t> execute(const domain::Actor& actor, const domain::Command& command,
                                        Batch batch, const Refused& refused);
    void show_round_tables(const Client* client, const domain::Actor& actor, int round,
                           const Refused& refused);
    // Queues the batch behind the others, commits its records, then renders `changes` into it: the store
    // writes while the messages are made (none is told before the commit's answer, which comes on the
    // strand).
    void enqueue(Batch batch, std::vector<domain::Record> records, const domain::Outbox* changes = nullptr);
    void on_durable(std::uint64_t through);
    void publish_ready();
    void publish(Batch& batch);
    void deliver(const Delivery& delivery);
    void close_clients(const Closing& closing);
    // When the database fails (event_room_storage.cpp).
    void commit_failed(const std::string& error);
    void storage_failed(const char* what, const std::string& error);
    void storage_recovered();
    bool storage_waits() const;
    void reload();
    void reloaded(storage::StoredEvent stored);
    void form_tables(domain::SeatingJob job);
    void seat_off_strand(domain::SeatingJob job);  // the matcher on the compute pool, then SeatRound
    void schedule_host_flush();
    std::string host_update_message();  // the pending host delta as sent, its needs computed now
    void schedule_paced(const Rendered& rendered);
    void schedule_presence();
    void schedule_connections(const std::set<int>& tables);
    void schedule_topic_tables();  // event_room_topic_tables.cpp
    std::optional<std::string> topic_tables_on_attach(domain::AttendeeId attendee);  // the same file
    void arm_deadline();
    // Host consoles (event_room_hosts.cpp).
    // The actor's connection when `client` is still one of theirs (not replaced, removed or revoked).
    std::shared_ptr<Client> current(const domain::Actor& actor, const Client* client) const;
    // False, having closed it, when its link was revoked.
    bool add_host(const std::shared_ptr<Client>& client, domain::HostLinkId link);
    void create_host_link(const Client* client, const domain::Actor& actor, domain::CreateHostLink command,
                          const nlohmann::json& ref, Batch batch, const Refused& refused);
    void send_to_hosts(const SharedMessage& message);
    void close_hosts(domain::HostLinkId link, std::uint16_t code, const std::string& reason);  // 0: all
    void send_to(const std::shared_ptr<Client>& client, SharedMessage message);
    void close_client(const std::shared_ptr<Client>& client, std::uint16_t code, std::string reason);
    // Erasure (event_room_erase.cpp): a new credential nobody knows in the command, and in credentials_.
    void erase_attendee(const domain::Actor& actor, domain::EraseAttendee command, Batch batch,
                        const Refused& refused);
    void owe_flush(const std::shared_ptr<Client>& client);

    Executor strand_;
    RoomServices services_;
    domain::Event event_;
    std::string id_;
    std::string join_url_;
    std::unordered_map<std::string, domain::AttendeeId> credentials_;  // hash -> attendee

    std::deque<Batch> pending_;  // applied, not yet published; the front is the oldest
    std::uint64_t first_seq_ = 0;
    // Written by the store's thread: the batches before it are durable; an answer is on its way to the
    // strand.
    std::atomic<std::uint64_t> durable_through_{0};
    std::atomic<bool> durable_posted_{false};
    std::uint64_t version_ = 0;  // see review_basis()
    bool reloading_ = false;     // after a failed commit, until the database's truth is back
    // Storage failures since the last commit that succeeded; while any, nothing that may write is applied
    // before retry_at_.
    int storage_failures_ = 0;
    std::chrono::steady_clock::time_point retry_at_{};

    std::unordered_map<domain::AttendeeId, std::shared_ptr<Client>> attendees_;
    // Every host console: several people, each on their own link, and a link on several devices.
    struct HostConsole {
        domain::HostLinkId link = 0;
        std::shared_ptr<Client> client;
    };
    std::vector<HostConsole> hosts_;
    std::vector<std::shared_ptr<Client>> unflushed_;  // sent to since the last flush
    asio::steady_timer flush_timer_;
    std::chrono::steady_clock::time_point last_flush_{};
    // Limits that follow a person, not a connection, so that reconnecting does not reset them (protocol.md).
    struct PersonLimits {
        RateLimiter chat{5, 0.5};
        RateLimiter connects{10, 10.0 / 60};
        RateLimiter reports{30, 2};  // answers to the cards and presence reports, each written
    };
    std::unordered_map<domain::AttendeeId, PersonLimits> limits_;  // host links under minus their id

    std::optional<HostDelta> host_delta_;  // published, not yet sent
    asio::steady_timer deadline_timer_;
    std::optional<domain::TimeMs> armed_for_;
    asio::steady_timer host_timer_;
    bool host_timer_set_ = false;
    asio::steady_timer presence_timer_;
    bool presence_timer_set_ = false;
    std::optional<int> present_told_;  // the head count every attendee was last told
    asio::steady_timer topic_tables_timer_;
    bool topic_tables_timer_set_ = false;
    // The coming topic round's list as of topic_list_version_ (nullopt inside: no topic round is coming).
    std::optional<std::optional<TopicTablesList>> topic_list_;
    std::uint64_t topic_list_version_ = 0;
    asio::steady_timer connections_timer_;
    bool connections_timer_set_ = false;
    std::set<int> connection_tables_;  // tables whose people have not heard who came or went
    asio::steady_timer retry_timer_;
    std::atomic<bool> stopping_{false};  // set from the signal's thread, read on the strand
    bool released_ = false;              // the registry let go of this room: a newer one serves its event
    domain::TimeMs quiet_since_ = 0;     // when the last connection went, or the room opened
    // In an overload every batch is slow: one line a second says so, with how many were left out.
    ThrottledLog slow_log_{"slow_batch", std::chrono::seconds(1)};
};

}  // namespace ensemble::app
