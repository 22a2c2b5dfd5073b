#pragma once
// The load generator's plumbing (README.md): one epoll loop with timers, a keep-alive HTTP/1.1 client for
// POSTs and an RFC 6455 WebSocket client, non-blocking on a single thread. It shares the machine with the
// server under test, so it does as little as it can: no threads, no TLS, no compression, no UTF-8 checks.

#include <netinet/in.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace bench_live {

// Wall-clock milliseconds since the epoch, as Date.now(): comparable with run.js and the other workers.
std::int64_t now_ms();

// The server's address and its Host header, from a base URL such as http://127.0.0.1:8080.
struct Endpoint {
    sockaddr_in address{};
    std::string host;
};
Endpoint parse_base(const std::string& base);

class Pollable {
  public:
    virtual ~Pollable() = default;
    virtual void on_ready(std::uint32_t events) = 0;
};

class Loop {
  public:
    Loop();
    ~Loop();
    Loop(const Loop&) = delete;
    Loop& operator=(const Loop&) = delete;

    void add(int fd, Pollable& who, std::uint32_t events);
    void change(int fd, Pollable& who, std::uint32_t events);
    // Runs `then` after `ms`; timers are never cancelled, their callbacks check whether they still apply.
    void after(std::int64_t ms, std::function<void()> then);
    // Destroyed after the current batch of events, which may still name it.
    void retire(std::unique_ptr<Pollable> gone);
    void run_once();

  private:
    struct Timer {
        std::int64_t at;
        std::uint64_t order;
        std::function<void()> then;
    };
    int epoll_;
    std::vector<Timer> timers_;  // a min-heap by (at, order)
    std::uint64_t next_order_ = 0;
    std::vector<std::unique_ptr<Pollable>> graveyard_;
};

// One non-blocking TCP connection: writes go out at once, or wait for EPOLLOUT when the kernel is full.
class TcpClient : public Pollable {
  public:
    explicit TcpClient(Loop& loop) : loop_(loop) {}
    ~TcpClient() override { drop(); }
    bool is_open() const { return fd_ >= 0; }
    // Closes the descriptor at once, without any handshake (a network cut); no callback follows.
    void drop();
    void on_ready(std::uint32_t events) final;

  protected:
    std::string open(const Endpoint& endpoint);  // empty, or why not
    void write(std::string_view bytes);
    Loop& loop() { return loop_; }
    // `at`: when the bytes were read (now_ms). The callee may drop() the connection.
    virtual void on_bytes(std::string_view bytes, std::int64_t at) = 0;
    // The connection ended by itself, its descriptor already closed; `why` is empty at a clean end of stream.
    virtual void on_ended(const std::string& why) = 0;

  private:
    void end(const std::string& why);
    void flush();
    void watch_events();
    Loop& loop_;
    int fd_ = -1;
    bool connecting_ = false;
    std::uint32_t events_ = 0;
    std::string out_;
};

// POST with a JSON body on one keep-alive connection, one request at a time, reconnecting when the server
// closed it. The reply gets status 0 and the error text when the connection fails.
class HttpClient final : public TcpClient {
  public:
    using Reply = std::function<void(int status, std::string body)>;
    HttpClient(Loop& loop, Endpoint endpoint) : TcpClient(loop), endpoint_(std::move(endpoint)) {}
    void post(const std::string& target, const std::string& json, Reply reply);

  private:
    void on_bytes(std::string_view bytes, std::int64_t at) override;
    void on_ended(const std::string& why) override;
    void finish(int status, std::string body);
    Endpoint endpoint_;
    Reply reply_;
    std::string in_;
};

// A client WebSocket: the upgrade, masked text frames out, text frames in, pongs to pings, close frames.
class WebSocketClient final : public TcpClient {
  public:
    class Handler {
      public:
        virtual void on_open() = 0;
        virtual void on_text(std::string_view text, std::int64_t at) = 0;
        // `error`: a failure (connect refused, upgrade refused) rather than a close.
        virtual void on_closed(const std::string& why, bool error) = 0;

      protected:
        ~Handler() = default;
    };
    WebSocketClient(Loop& loop, Handler& handler) : TcpClient(loop), handler_(handler) {}
    std::string start(const Endpoint& endpoint, const std::string& target);  // empty, or why not
    bool ready() const { return upgraded_ && is_open(); }
    void send_text(std::string_view text) { send_frame(0x1, text); }

  private:
    void on_bytes(std::string_view bytes, std::int64_t at) override;
    void on_ended(const std::string& why) override;
    bool read_upgrade();
    void read_frames(std::int64_t at);
    void on_frame(int opcode, bool final, std::string_view payload, std::int64_t at);
    void send_frame(int opcode, std::string_view payload);
    Handler& handler_;
    bool upgraded_ = false;
    std::string in_;
    std::string fragments_;  // a fragmented message so far
    int fragmented_opcode_ = 0;
};

// The web client's reconnection delay (backoffDelay of client-web/js/protocol.js), the same formula.
std::int64_t backoff_delay(int attempt);

}  // namespace bench_live
