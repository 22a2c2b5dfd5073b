// The room's host consoles: several people, each on their own host link, and one link on several devices,
// all hearing the same. A revoked link's consoles are closed, and it is refused from then on.
#include <algorithm>
#include <atomic>

#include "app/event_room.hpp"
#include "app/tokens.hpp"
#include "app/views.hpp"

namespace ensemble::app {
namespace {

// Consoles open at once on one host link (one person's devices); a newer one closes the oldest.
constexpr std::size_t max_consoles_per_link = 10;

}  // namespace

std::uint64_t next_version() {
    static std::atomic<std::uint64_t> last{0};
    return ++last;
}

void EventRoom::review_basis(domain::Actor actor,
                             std::function<void(std::variant<ReviewBasis, Problem>)> done) {
    asio::post(strand_, [self = shared_from_this(), actor, done = std::move(done)] {
        if (self->released_)
            return done(Problem{domain::ErrorCode::internal, "the event is being reopened: try again", ""});
        using Kind = domain::Actor::Kind;
        if (actor.kind != Kind::host && actor.kind != Kind::staff)
            return done(
                Problem{domain::ErrorCode::forbidden, "only a host or staff link may read the review", ""});
        const auto& links = self->event_.state().host_links;
        auto link = links.find(actor.link);
        if (link == links.end() || !link->second.active())
            return done(Problem{domain::ErrorCode::unauthorized, "this link was revoked", ""});
        // Never zero, so that an unchanged room still has a version of its own.
        if (self->version_ == 0) self->version_ = next_version();
        done(ReviewBasis{domain::to_string(self->event_.state().phase), self->version_});
    });
}

std::shared_ptr<Client> EventRoom::current(const domain::Actor& actor, const Client* client) const {
    if (actor.kind == domain::Actor::Kind::host) {
        for (const auto& h : hosts_)
            if (h.client.get() == client) return h.client;
        return nullptr;
    }
    auto it = attendees_.find(actor.attendee);
    return it == attendees_.end() || it->second.get() != client ? nullptr : it->second;
}

void EventRoom::send_to_hosts(const SharedMessage& message) {
    for (const auto& h : hosts_) send_to(h.client, message);
}

void EventRoom::close_hosts(domain::HostLinkId link, std::uint16_t code, const std::string& reason) {
    std::erase_if(hosts_, [&](const HostConsole& h) {
        if (link != 0 && h.link != link) return false;
        close_client(h.client, code, reason);
        return true;
    });
}

bool EventRoom::add_host(const std::shared_ptr<Client>& client, domain::HostLinkId link) {
    const auto& links = event_.state().host_links;
    if (auto it = links.find(link); it != links.end() && !it->second.active()) {
        close_client(client, close_code::link_revoked, "this host link was revoked");
        return false;
    }
    auto same_link = [&](const HostConsole& h) { return h.link == link; };
    if (static_cast<std::size_t>(std::count_if(hosts_.begin(), hosts_.end(), same_link)) >=
        max_consoles_per_link) {
        auto oldest = std::find_if(hosts_.begin(), hosts_.end(), same_link);
        close_client(oldest->client, close_code::replaced, "replaced by a newer connection");
        hosts_.erase(oldest);
    }
    hosts_.push_back({link, client});
    return true;
}

// The token is made here and told once, to the console that asked, when the link is saved; the
// other consoles see the link, not its token.
void EventRoom::create_host_link(const Client* client, const domain::Actor& actor,
                                 domain::CreateHostLink command, const nlohmann::json& ref, Batch batch,
                                 const Refused& refused) {
    auto token = new_token();
    command.credential_hash = token_hash(token);
    auto link = std::make_shared<domain::HostLinkId>(0);
    batch.done = [self = shared_from_this(), actor, client, token, link, ref,
                  not_saved = std::move(batch.done)](bool saved) {
        if (!saved) return not_saved(false);
        const auto& links = self->event_.state().host_links;
        auto connected = self->current(actor, client);
        auto it = links.find(*link);
        if (!connected || it == links.end()) return;
        if (it->second.role == domain::LinkRole::host)
            return self->send_to(connected, share(host_link_created_message(it->second, token, ref)));
        // The review page sits beside the join page, under --public-url when there is one.
        auto base = self->join_url_.substr(0, self->join_url_.rfind("/join.html"));
        auto url = base + "/review.html?event=" + self->id_ + "#key=" + token;
        self->send_to(connected, share(staff_link_created_message(it->second, token, url, ref)));
    };
    if (auto id = execute(actor, command, std::move(batch), refused)) *link = *id;
}

}  // namespace ensemble::app
