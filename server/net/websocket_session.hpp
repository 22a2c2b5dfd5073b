#pragma once
// One browser's WebSocket: its frames read and written over the plain socket (websocket_frames.hpp), on
// the socket's strand, one write in flight, a bounded queue.

#include <chrono>
#include <memory>
#include <mutex>
#include <vector>

#include "app/client.hpp"
#include "app/event_room.hpp"
#include "app/rate_limiter.hpp"
#include "app/registry.hpp"
#include "net/beast.hpp"
#include "net/websocket_frames.hpp"

namespace ensemble::net {

class WebsocketSession : public app::Client, public std::enable_shared_from_this<WebsocketSession> {
  public:
    WebsocketSession(tcp::socket&& socket, app::Registry& registry, std::string event_id);
    ~WebsocketSession() override;

    // `request` is an upgrade the router accepted (net/router.cpp checks its key and version).
    void run(const Request& request);
    bool send(app::SharedMessage message) override;
    bool close(std::uint16_t code, std::string reason) override;
    void flush() override;

    static std::size_t live_count();

  private:
    using Clock = std::chrono::steady_clock;

    void wait_readable();
    void on_readable(beast::error_code ec);
    void read_frames();
    void on_message(std::string text);
    void on_hello(const std::string& text);
    void refuse(const app::Problem& problem);
    void tell(std::string message);
    Clock::time_point deadline() const;
    void arm_timer();
    void on_timer(beast::error_code ec);
    void take_inbox();
    bool backlog_full() const;
    bool do_write();
    void on_write(beast::error_code ec, std::size_t bytes);
    void write_next();
    void send_close(std::uint16_t code, std::string_view reason);
    void stop_listening(std::uint16_t code, std::string reason);
    void shut();
    void ended();

    tcp::socket socket_;
    // One timer for the hello's deadline, the heartbeat and the close handshake's end.
    asio::steady_timer timer_;
    Clock::time_point last_heard_;
    Clock::time_point closing_since_{};  // when a close was decided (none yet: the epoch)
    ws::FrameReader reader_;
    app::Registry& registry_;
    std::string event_id_;
    std::shared_ptr<app::EventRoom> room_;  // once the hello's token is accepted
    domain::Actor actor_;
    // Filled from any thread, emptied on the strand.
    std::mutex inbox_mutex_;
    std::vector<app::SharedMessage> inbox_;
    // Closes are rare and connections many: its reason on the heap.
    std::unique_ptr<std::pair<std::uint16_t, std::string>> inbox_close_;
    bool inbox_waiting_ = false;
    std::vector<app::SharedMessage> queue_;  // waiting for the next write
    std::size_t queued_bytes_ = 0;
    std::string control_;                          // whole control frames for the next write (pongs, a ping)
    std::vector<app::SharedMessage> writing_now_;  // kept alive while the write runs
    std::string writing_control_;
    ws::FrameHead head_{};
    std::vector<asio::const_buffer> frame_;
    std::unique_ptr<std::pair<std::uint16_t, std::string>> close_pending_;
    bool reading_paused_ = false;  // while the hello's token is checked
    bool ping_sent_ = false;       // since the client was last heard
    bool writing_ = false;
    bool closing_ = false;  // nothing more the client says is taken
    bool close_sent_ = false;
    bool shut_after_close_ = false;  // the client's close came, or it broke the protocol: none is waited for
    bool shut_ = false;
    bool attached_ = false;
    app::RateLimiter messages_{30, 30};
};

}  // namespace ensemble::net
