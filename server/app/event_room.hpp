#pragma once
// One event's live room: owns its state on one strand, commits every change, then tells the clients.

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <functional>
#include <map>
#include <memory>

#include "app/client.hpp"
#include "app/protocol.hpp"
#include "domain/event.hpp"
#include "storage/event_repository.hpp"

namespace ensemble::app {

namespace asio = boost::asio;

class EventRoom : public std::enable_shared_from_this<EventRoom> {
public:
    using Executor = asio::strand<asio::any_io_executor>;
    using JoinDone = std::function<void(std::variant<domain::AttendeeId, Problem>)>;

    EventRoom(asio::any_io_executor executor, storage::EventRepository& repository, domain::Event event,
              std::string join_url);

    // Every public call may come from any thread: it runs on the room's strand.
    void start();
    void join(Profile profile, std::string credential_hash, JoinDone done);
    void public_info(std::function<void(nlohmann::json)> done);
    void attach(std::shared_ptr<Client> client, domain::Actor actor);
    void detach(const Client* client, domain::Actor actor);
    void handle(const Client* client, domain::Actor actor, ClientMessage message);
    void shutdown();

    const std::string& id() const { return id_; }

private:
    domain::Effects run(const domain::Actor& actor, const domain::Command& command, const Client* from,
                        const nlohmann::json& ref);
    void tell(const domain::Effects& fx);
    void send_to(domain::AttendeeId attendee, const SharedMessage& message);
    void send_everyone(const SharedMessage& message);
    void mark_dirty(bool host, bool presence);
    void flush();
    void arm_deadline();
    void reload_after_failed_commit();
    Client* client_of(const domain::Actor& actor) const;

    Executor strand_;
    storage::EventRepository& repository_;
    domain::Event event_;
    std::string id_;
    std::string join_url_;
    std::map<domain::AttendeeId, std::shared_ptr<Client>> attendees_;
    std::shared_ptr<Client> host_;
    asio::steady_timer deadline_timer_;
    asio::steady_timer flush_timer_;
    bool flush_scheduled_ = false;
    bool host_dirty_ = false;
    bool presence_dirty_ = false;
    bool closed_ = false;
};

}  // namespace ensemble::app
