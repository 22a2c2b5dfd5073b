#include "net/websocket_session.hpp"

#include <algorithm>
#include <atomic>

#include "app/clock.hpp"
#include "app/log.hpp"
#include "app/views.hpp"

namespace ensemble::net {
namespace {

// A client this far behind is not reading: it is closed rather than allowed to grow memory.
constexpr std::size_t max_queued_bytes = 1024 * 1024;
// Messages queued meanwhile go out together, one per line of one frame (protocol.md), up to this much.
constexpr std::size_t max_frame_bytes = 256 * 1024;
std::atomic<std::size_t> live_sessions{0};

}  // namespace

WebsocketSession::WebsocketSession(tcp::socket&& socket, app::Registry& registry, std::string event_id)
    : ws_(std::move(socket)), registry_(registry), event_id_(std::move(event_id)) {
    ++live_sessions;
}

WebsocketSession::~WebsocketSession() { --live_sessions; }

std::size_t WebsocketSession::live_count() { return live_sessions.load(); }

void WebsocketSession::run(Request request) {
    ws_.set_option(hello_timeout());
    ws_.set_option(websocket::stream_base::decorator(
        [](websocket::response_type& response) { response.set(http::field::server, "ensemble"); }));
    ws_.read_message_max(app::max_message_bytes);
    // One frame per write: a batch of messages leaves in a single system call.
    ws_.auto_fragment(false);
    ws_.async_accept(request, beast::bind_front_handler(&WebsocketSession::on_accept, shared_from_this()));
}

// Until its hello, a connection has a few seconds to speak: an unknown socket holds nothing for long.
websocket::stream_base::timeout WebsocketSession::hello_timeout() {
    return {std::chrono::seconds(10), std::chrono::seconds(10), false};
}

// Then the heartbeat: a ping after 15 s of silence, the connection dropped after 30 s.
websocket::stream_base::timeout WebsocketSession::heartbeat_timeout() {
    return {std::chrono::seconds(10), std::chrono::seconds(30), true};
}

void WebsocketSession::on_accept(beast::error_code ec) {
    if (ec) return;
    do_read();
}

void WebsocketSession::do_read() {
    ws_.async_read(buffer_, beast::bind_front_handler(&WebsocketSession::on_read, shared_from_this()));
}

void WebsocketSession::on_read(beast::error_code ec, std::size_t) {
    if (ec) return ended();
    std::string text = beast::buffers_to_string(buffer_.data());
    // An idle connection keeps no read buffer: messages are small and rare, connections many.
    buffer_.clear();
    buffer_.shrink_to_fit();
    auto now = app::now_ms();
    if (!messages_.allow(now)) {
        close(app::close_code::policy, "too many messages");
        flush();
        return ended();
    }
    if (!room_) return on_hello(text);
    auto message = app::parse_client_message(text);
    if (std::holds_alternative<app::Ping>(message.body)) {
        tell(app::pong_message());
    } else {
        room_->handle(this, actor_, std::move(message));
    }
    do_read();
}

// The token comes in the first message, never in a URL (protocol.md): a refusal is a close code the
// browser can read, so a network failure is never mistaken for one.
void WebsocketSession::on_hello(const std::string& text) {
    auto token = app::parse_hello(text);
    if (auto* problem = std::get_if<app::Problem>(&token)) return refuse(*problem);
    registry_.authenticate(event_id_, std::get<std::string>(token), [self = shared_from_this()](auto who) {
        asio::post(self->ws_.get_executor(), [self, who = std::move(who)] {
            if (auto* problem = std::get_if<app::Problem>(&who)) return self->refuse(*problem);
            // A staff link opens the review only, never a console.
            if (std::get<0>(who).second.kind == domain::Actor::Kind::staff)
                return self->refuse({domain::ErrorCode::unauthorized, "a staff link opens no console", ""});
            std::tie(self->room_, self->actor_) = std::get<0>(who);
            self->ws_.set_option(heartbeat_timeout());
            self->attached_ = true;
            self->room_->attach(self->shared_from_this(), self->actor_);
            self->do_read();
        });
    });
}

void WebsocketSession::refuse(const app::Problem& problem) {
    using Code = domain::ErrorCode;
    auto code = problem.code == Code::unauthorized ? app::close_code::token_refused
                : problem.code == Code::forbidden  ? app::close_code::removed
                : problem.code == Code::not_found  ? app::close_code::event_not_found
                                                   : app::close_code::try_again_later;
    close(code, problem.message);
    flush();
}

// A message of the connection's own, outside any room: it goes out at once.
void WebsocketSession::tell(std::string message) {
    send(app::share(std::move(message)));
    flush();
}

// Whatever ended the connection, the room hears of it once.
void WebsocketSession::ended() {
    if (!attached_) return;
    attached_ = false;
    room_->detach(this, actor_);
}

bool WebsocketSession::send(app::SharedMessage message) {
    std::lock_guard lock(inbox_mutex_);
    inbox_.push_back(std::move(message));
    return !std::exchange(inbox_waiting_, true);
}

bool WebsocketSession::close(std::uint16_t code, std::string reason) {
    std::lock_guard lock(inbox_mutex_);
    if (!inbox_close_)
        inbox_close_ =
            std::make_unique<websocket::close_reason>(static_cast<websocket::close_code>(code), reason);
    return !std::exchange(inbox_waiting_, true);
}

void WebsocketSession::flush() {
    asio::post(ws_.get_executor(), [self = shared_from_this()] { self->take_inbox(); });
}

// The backlog without its largest message: one message alone may be over the limit (the host console's
// snapshot of 10,000 attendees is over 1 MiB), and a client that reads nothing still reaches it soon.
bool WebsocketSession::backlog_full() const {
    if (queued_bytes_ < max_queued_bytes) return false;
    std::size_t largest = 0;
    for (const auto& message : queue_) largest = std::max(largest, message->size());
    return queued_bytes_ - largest >= max_queued_bytes;
}

void WebsocketSession::take_inbox() {
    std::vector<app::SharedMessage> messages;
    std::unique_ptr<websocket::close_reason> close;
    {
        std::lock_guard lock(inbox_mutex_);
        messages.swap(inbox_);
        close.swap(inbox_close_);
        inbox_waiting_ = false;
    }
    for (auto& message : messages) {
        if (closing_ || close_pending_) break;
        if (backlog_full()) {
            app::log_event("slow_client_closed", {{"event_id", room_->id()}});
            close = std::make_unique<websocket::close_reason>(
                static_cast<websocket::close_code>(app::close_code::policy), "not reading fast enough");
            break;
        }
        queued_bytes_ += message->size();
        queue_.push_back(std::move(message));
    }
    if (close && !closing_ && !close_pending_) {
        close_pending_ = std::move(close);
        // A flooding or stalled client gets no more than the write already under way.
        if (close_pending_->code == app::close_code::policy) {
            queue_.clear();
            queued_bytes_ = 0;
        }
    }
    if (writing_) return;
    if (!queue_.empty())
        do_write();
    else if (close_pending_ && !closing_)
        do_close();
}

// Everything queued, up to a frame's worth, as lines of one frame: buffers are shared, never copied.
void WebsocketSession::do_write() {
    static const char newline = '\n';
    writing_ = true;
    std::size_t count = 0, bytes = 0;
    frame_.clear();
    for (; count < queue_.size() && (count == 0 || bytes + queue_[count]->size() <= max_frame_bytes);
         ++count) {
        if (count > 0) frame_.emplace_back(&newline, 1);
        frame_.emplace_back(asio::buffer(*queue_[count]));
        bytes += queue_[count]->size();
    }
    writing_now_.assign(std::make_move_iterator(queue_.begin()),
                        std::make_move_iterator(queue_.begin() + count));
    queue_.erase(queue_.begin(), queue_.begin() + count);
    queued_bytes_ -= bytes;
    ws_.text(true);
    ws_.async_write(frame_, beast::bind_front_handler(&WebsocketSession::on_write, shared_from_this()));
}

void WebsocketSession::on_write(beast::error_code ec, std::size_t) {
    writing_ = false;
    writing_now_.clear();
    if (ec) return;
    if (!queue_.empty()) return do_write();
    if (close_pending_) do_close();
}

void WebsocketSession::do_close() {
    closing_ = true;
    ws_.async_close(*close_pending_, [self = shared_from_this()](beast::error_code) { self->ended(); });
}

}  // namespace ensemble::net
