#pragma once
// One browser's WebSocket: reads on its own strand, one write in flight, a bounded queue.

#include <memory>
#include <mutex>
#include <vector>

#include "app/client.hpp"
#include "app/event_room.hpp"
#include "app/rate_limiter.hpp"
#include "app/registry.hpp"
#include "net/beast.hpp"

namespace ensemble::net {

// A read buffer that Beast fills in steps: before a message arrives it prepares max_size() − size() bytes,
// up to 1,536, and an idle connection (most of 10,000) would hold them all the while. The limit on a
// message's size is the stream's read_message_max, not this.
class SteppedReadBuffer : public beast::flat_buffer {
  public:
    std::size_t max_size() const noexcept { return size() + 256; }
};

class WebsocketSession : public app::Client, public std::enable_shared_from_this<WebsocketSession> {
  public:
    WebsocketSession(tcp::socket&& socket, app::Registry& registry, std::string event_id);
    ~WebsocketSession() override;

    void run(Request request);
    bool send(app::SharedMessage message) override;
    bool close(std::uint16_t code, std::string reason) override;
    void flush() override;

    static std::size_t live_count();

  private:
    void on_accept(beast::error_code ec);
    void do_read();
    void on_read(beast::error_code ec, std::size_t bytes);
    void on_hello(const std::string& text);
    void refuse(const app::Problem& problem);
    void tell(std::string message);
    static websocket::stream_base::timeout hello_timeout();
    static websocket::stream_base::timeout heartbeat_timeout();
    void take_inbox();
    bool backlog_full() const;
    void do_write();
    void on_write(beast::error_code ec, std::size_t bytes);
    void do_close();
    void ended();

    // A plain socket underneath: the WebSocket's own timer covers timeouts, and 10,000 idle connections
    // then cost no second pair of timers each.
    websocket::stream<tcp::socket> ws_;
    SteppedReadBuffer buffer_;
    app::Registry& registry_;
    std::string event_id_;
    std::shared_ptr<app::EventRoom> room_;  // once the hello's token is accepted
    domain::Actor actor_;
    // Filled from any thread, emptied on the strand.
    std::mutex inbox_mutex_;
    std::vector<app::SharedMessage> inbox_;
    // A close_reason holds its text inline (123 bytes): closes are rare and connections many, so on the heap.
    std::unique_ptr<websocket::close_reason> inbox_close_;
    bool inbox_waiting_ = false;
    std::vector<app::SharedMessage> queue_;  // waiting for the next write
    std::size_t queued_bytes_ = 0;
    std::vector<app::SharedMessage> writing_now_;  // kept alive while the write runs
    std::vector<asio::const_buffer> frame_;
    std::unique_ptr<websocket::close_reason> close_pending_;
    bool writing_ = false;
    bool closing_ = false;
    bool attached_ = false;
    app::RateLimiter messages_{30, 30};
};

}  // namespace ensemble::net
