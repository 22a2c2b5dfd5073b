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
// Read at most this much from one connection before others get their turn.
constexpr std::size_t max_read_per_turn = 64 * 1024;
// Until its hello, a connection has a few seconds to speak: an unknown socket holds nothing for long.
constexpr auto hello_timeout = std::chrono::seconds(10);
// Then the heartbeat: a ping after 15 s of silence, the connection dropped after 30 s (protocol.md).
constexpr auto ping_after = std::chrono::seconds(15);
constexpr auto drop_after = std::chrono::seconds(30);
// A close decided, the client has this long to read what is left and answer it before the socket is closed.
constexpr auto close_timeout = std::chrono::seconds(5);

std::atomic<std::size_t> live_sessions{0};

}  // namespace

WebsocketSession::WebsocketSession(tcp::socket&& socket, app::Registry& registry, std::string event_id)
    : socket_(std::move(socket)),
      timer_(socket_.get_executor()),
      reader_(app::max_message_bytes),
      registry_(registry),
      event_id_(std::move(event_id)) {
    ++live_sessions;
}

WebsocketSession::~WebsocketSession() { --live_sessions; }

std::size_t WebsocketSession::live_count() { return live_sessions.load(); }

void WebsocketSession::run(const Request& request) {
    beast::error_code ec;
    socket_.non_blocking(true, ec);
    if (ec) return;
    last_heard_ = Clock::now();
    auto answer = std::make_shared<std::string>(
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Accept: " +
        ws::accept_key(request[http::field::sec_websocket_key]) + "\r\nServer: ensemble\r\n\r\n");
    asio::async_write(socket_, asio::buffer(*answer),
                      [self = shared_from_this(), answer](beast::error_code ec, std::size_t) {
                          if (ec) return self->shut();
                          self->arm_timer();
                          self->wait_readable();
                      });
}

// An idle connection waits with no buffer: its bytes are read only once they are there.
void WebsocketSession::wait_readable() {
    socket_.async_wait(tcp::socket::wait_read,
                       beast::bind_front_handler(&WebsocketSession::on_readable, shared_from_this()));
}

void WebsocketSession::on_readable(beast::error_code ec) {
    if (ec || shut_) return shut();
    char bytes[16 * 1024];
    std::size_t total = 0;
    bool gone = false;
    while (total < max_read_per_turn) {
        auto read = socket_.read_some(asio::buffer(bytes), ec);
        if (ec == asio::error::would_block || ec == asio::error::try_again) break;
        if (ec) {
            gone = true;  // what came before the end is still read
            break;
        }
        reader_.append({bytes, read});
        total += read;
        if (read < sizeof bytes) break;
    }
    if (attached_ && !close_sent_) {
        last_heard_ = Clock::now();
        ping_sent_ = false;
    }
    if (gone) {
        read_frames();
        return shut();
    }
    read_frames();
    if (reading_paused_ || shut_) return;
    // Readiness is told once per arrival (edge-triggered): bytes left for fairness are read after the others.
    if (total >= max_read_per_turn)
        asio::post(socket_.get_executor(),
                   beast::bind_front_handler(&WebsocketSession::on_readable, shared_from_this(),
                                             beast::error_code{}));
    else
        wait_readable();
}

void WebsocketSession::read_frames() {
    using Kind = ws::Inbound::Kind;
    while (!reading_paused_ && !shut_) {
        auto inbound = reader_.next();
        if (!inbound) return;
        switch (inbound->kind) {
            case Kind::message:
                if (!closing_) on_message(std::move(inbound->text));
                break;
            case Kind::ping:
                control_ += ws::control_frame(ws::Opcode::pong, inbound->text);
                write_next();
                break;
            case Kind::pong:
                break;
            case Kind::close:
                shut_after_close_ = true;
                if (close_sent_) return shut();
                closing_ = true;
                ended();
                send_close(inbound->code == ws::no_status_received ? app::close_code::normal : inbound->code,
                           "");
                break;
            case Kind::breach:
                shut_after_close_ = true;
                stop_listening(inbound->code, std::move(inbound->text));
                break;
        }
    }
}

// The client is no longer heard: its close goes out after what is queued, and the room forgets it now.
void WebsocketSession::stop_listening(std::uint16_t code, std::string reason) {
    closing_ = true;
    close(code, std::move(reason));
    flush();
    ended();
}

void WebsocketSession::on_message(std::string text) {
    if (!messages_.allow(app::now_ms())) return stop_listening(app::close_code::policy, "too many messages");
    if (!room_) return on_hello(text);
    auto message = app::parse_client_message(text);
    if (std::holds_alternative<app::Ping>(message.body)) {
        tell(app::pong_message());
    } else {
        room_->handle(this, actor_, std::move(message));
    }
}

// The token comes in the first message, never in a URL (protocol.md): a refusal is a close code the
// browser can read, so a network failure is never mistaken for one. Nothing more is read meanwhile.
void WebsocketSession::on_hello(const std::string& text) {
    auto token = app::parse_hello(text);
    if (auto* problem = std::get_if<app::Problem>(&token)) return refuse(*problem);
    reading_paused_ = true;
    registry_.authenticate(event_id_, std::get<std::string>(token), [self = shared_from_this()](auto who) {
        asio::post(self->socket_.get_executor(), [self, who = std::move(who)] {
            self->reading_paused_ = false;
            if (self->shut_) return;
            if (auto* problem = std::get_if<app::Problem>(&who)) {
                self->refuse(*problem);
            } else if (std::get<0>(who).second.kind == domain::Actor::Kind::staff) {
                // A staff link opens the review only, never a console.
                self->refuse({domain::ErrorCode::unauthorized, "a staff link opens no console", ""});
            } else {
                std::tie(self->room_, self->actor_) = std::get<0>(who);
                self->attached_ = true;
                self->last_heard_ = Clock::now();
                self->room_->attach(self->shared_from_this(), self->actor_);
            }
            // What came meanwhile is read first: it may have been told already.
            self->on_readable({});
        });
    });
}

void WebsocketSession::refuse(const app::Problem& problem) {
    using Code = domain::ErrorCode;
    auto code = problem.code == Code::unauthorized ? app::close_code::token_refused
                : problem.code == Code::forbidden  ? app::close_code::removed
                : problem.code == Code::not_found  ? app::close_code::event_not_found
                                                   : app::close_code::try_again_later;
    stop_listening(code, problem.message);
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

WebsocketSession::Clock::time_point WebsocketSession::deadline() const {
    if (closing_since_ != Clock::time_point{}) return closing_since_ + close_timeout;
    if (!attached_) return last_heard_ + hello_timeout;
    return last_heard_ + (ping_sent_ ? drop_after : ping_after);
}

void WebsocketSession::arm_timer() {
    timer_.expires_at(deadline());
    timer_.async_wait(beast::bind_front_handler(&WebsocketSession::on_timer, shared_from_this()));
}

// Silence is measured when the timer rings: reading a message costs no timer change.
void WebsocketSession::on_timer(beast::error_code ec) {
    if (ec || shut_) return;
    if (Clock::now() < deadline()) return arm_timer();
    if (closing_since_ != Clock::time_point{} || !attached_ || ping_sent_) return shut();
    ping_sent_ = true;
    control_ += ws::control_frame(ws::Opcode::ping, "");
    write_next();
    arm_timer();
}

bool WebsocketSession::send(app::SharedMessage message) {
    std::lock_guard lock(inbox_mutex_);
    inbox_.push_back(std::move(message));
    return !std::exchange(inbox_waiting_, true);
}

bool WebsocketSession::close(std::uint16_t code, std::string reason) {
    std::lock_guard lock(inbox_mutex_);
    if (!inbox_close_)
        inbox_close_ = std::make_unique<std::pair<std::uint16_t, std::string>>(code, std::move(reason));
    return !std::exchange(inbox_waiting_, true);
}

void WebsocketSession::flush() {
    asio::post(socket_.get_executor(), [self = shared_from_this()] { self->take_inbox(); });
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
    std::unique_ptr<std::pair<std::uint16_t, std::string>> close;
    {
        std::lock_guard lock(inbox_mutex_);
        messages.swap(inbox_);
        close.swap(inbox_close_);
        inbox_waiting_ = false;
    }
    for (auto& message : messages) {
        if (close_sent_ || close_pending_) break;
        if (backlog_full()) {
            app::log_event("slow_client_closed", {{"event_id", room_->id()}});
            close = std::make_unique<std::pair<std::uint16_t, std::string>>(app::close_code::policy,
                                                                            "not reading fast enough");
            break;
        }
        queued_bytes_ += message->size();
        queue_.push_back(std::move(message));
    }
    if (close && !close_sent_ && !close_pending_) {
        close_pending_ = std::move(close);
        // From now on the close has its few seconds, even behind a write that a client never reads.
        closing_since_ = Clock::now();
        arm_timer();
        // A flooding or stalled client gets no more than the write already under way.
        if (close_pending_->first == app::close_code::policy) {
            queue_.clear();
            queued_bytes_ = 0;
        }
    }
    write_next();
}

void WebsocketSession::write_next() {
    while (!writing_ && !shut_) {
        if (queue_.empty() && control_.empty()) {
            if (close_pending_ && !close_sent_)
                return send_close(close_pending_->first, close_pending_->second);
            return;
        }
        if (!do_write()) return;
        if (close_sent_ && shut_after_close_ && control_.empty()) return shut();
    }
}

// Control frames, then everything queued up to a frame's worth as lines of one text frame: one system call,
// and the messages' buffers are shared, never copied. The socket nearly always takes it all at once: then
// the write is done here (true), with no operation to allocate and no completion to wait for; otherwise
// the rest is written when the socket can take it.
bool WebsocketSession::do_write() {
    static const char newline = '\n';
    frame_.clear();
    writing_control_ = std::exchange(control_, {});
    if (!writing_control_.empty()) frame_.emplace_back(asio::buffer(writing_control_));
    std::size_t count = 0, bytes = 0;
    for (; count < queue_.size() && (count == 0 || bytes + queue_[count]->size() <= max_frame_bytes); ++count)
        bytes += queue_[count]->size();
    if (count > 0) {
        head_ = ws::frame_head(ws::Opcode::text, bytes + count - 1);
        frame_.emplace_back(head_.bytes.data(), head_.size);
        for (std::size_t i = 0; i < count; ++i) {
            if (i > 0) frame_.emplace_back(&newline, 1);
            frame_.emplace_back(asio::buffer(*queue_[i]));
        }
    }
    writing_now_.assign(std::make_move_iterator(queue_.begin()),
                        std::make_move_iterator(queue_.begin() + count));
    queue_.erase(queue_.begin(), queue_.begin() + count);
    queued_bytes_ -= bytes;
    beast::error_code ec;
    std::size_t written = socket_.write_some(frame_, ec);
    if (ec && ec != asio::error::would_block && ec != asio::error::try_again) {
        shut();
        return false;
    }
    if (written == asio::buffer_size(frame_)) {
        writing_now_.clear();
        writing_control_.clear();
        return true;
    }
    while (written >= frame_.front().size()) {
        written -= frame_.front().size();
        frame_.erase(frame_.begin());
    }
    frame_.front() += written;
    writing_ = true;
    asio::async_write(socket_, frame_,
                      beast::bind_front_handler(&WebsocketSession::on_write, shared_from_this()));
    return false;
}

void WebsocketSession::on_write(beast::error_code ec, std::size_t) {
    writing_ = false;
    writing_now_.clear();
    writing_control_.clear();
    if (ec) return shut();
    if (close_sent_ && shut_after_close_ && control_.empty()) return shut();
    write_next();
}

// After its close, a connection sends nothing more, reads only to see the client's close, and waits for it a
// few seconds.
void WebsocketSession::send_close(std::uint16_t code, std::string_view reason) {
    closing_ = true;
    close_sent_ = true;
    queue_.clear();
    queued_bytes_ = 0;
    control_ += ws::close_frame(code, reason);
    if (closing_since_ == Clock::time_point{}) {
        closing_since_ = Clock::now();
        arm_timer();
    }
    write_next();
}

void WebsocketSession::shut() {
    if (shut_) return;
    shut_ = true;
    beast::error_code ec;
    socket_.shutdown(tcp::socket::shutdown_both, ec);
    socket_.close(ec);
    timer_.cancel();
    ended();
}

}  // namespace ensemble::net
