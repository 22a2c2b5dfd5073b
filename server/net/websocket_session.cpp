#include "net/websocket_session.hpp"

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

WebsocketSession::WebsocketSession(tcp::socket&& socket, std::shared_ptr<app::EventRoom> room,
                                   domain::Actor actor)
    : ws_(std::move(socket)), room_(std::move(room)), actor_(actor) {
    ++live_sessions;
}

WebsocketSession::~WebsocketSession() { --live_sessions; }

std::size_t WebsocketSession::live_count() { return live_sessions.load(); }

void WebsocketSession::run(Request request) {
    ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
    ws_.set_option(websocket::stream_base::decorator(
        [](websocket::response_type& response) { response.set(http::field::server, "ensemble"); }));
    ws_.read_message_max(app::max_message_bytes);
    // One frame per write: a batch of messages leaves in a single system call.
    ws_.auto_fragment(false);
    ws_.async_accept(request, beast::bind_front_handler(&WebsocketSession::on_accept, shared_from_this()));
}

void WebsocketSession::on_accept(beast::error_code ec) {
    if (ec) return;
    attached_ = true;
    room_->attach(shared_from_this(), actor_);
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
    auto message = app::parse_client_message(text);
    if (message.is_chat && !chats_.allow(now)) {
        send(app::share(app::error_message(
            {domain::ErrorCode::rate_limited, "too many chat messages: wait a little", ""}, message.ref)));
        flush();
    } else {
        room_->handle(this, actor_, std::move(message));
    }
    do_read();
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
        inbox_close_ = websocket::close_reason(static_cast<websocket::close_code>(code), reason);
    return !std::exchange(inbox_waiting_, true);
}

void WebsocketSession::flush() {
    asio::post(ws_.get_executor(), [self = shared_from_this()] { self->take_inbox(); });
}

void WebsocketSession::take_inbox() {
    std::vector<app::SharedMessage> messages;
    std::optional<websocket::close_reason> close;
    {
        std::lock_guard lock(inbox_mutex_);
        messages.swap(inbox_);
        close.swap(inbox_close_);
        inbox_waiting_ = false;
    }
    for (auto& message : messages) {
        if (closing_ || close_pending_) break;
        if (queued_bytes_ + message->size() > max_queued_bytes) {
            app::log_event("slow_client_closed", {{"event_id", room_->id()}});
            close = websocket::close_reason(static_cast<websocket::close_code>(app::close_code::policy),
                                            "not reading fast enough");
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
