#pragma once
// One HTTP connection: static files, the REST API, and the door to the WebSocket.

#include <chrono>

#include "app/registry.hpp"
#include "net/beast.hpp"
#include "net/creation_limit.hpp"

namespace ensemble::net {

struct ServerConfig {
    std::string static_dir;  // absolute, symlinks resolved
    std::string public_url;  // --public-url: its origin may act on this server too
    std::shared_ptr<CreationLimit> creation_limit;
    std::chrono::steady_clock::duration http_lifetime{};  // a keep-alive connection's whole life
    std::size_t max_connections = 0;                      // HTTP and WebSocket together
};

class HttpSession : public std::enable_shared_from_this<HttpSession> {
  public:
    HttpSession(tcp::socket&& socket, app::Registry& registry, const ServerConfig& config);
    ~HttpSession();
    void run();

    // HTTP connections open now (those upgraded to a WebSocket are counted there).
    static std::size_t live_count();

  private:
    void do_read();
    void on_read(beast::error_code ec, std::size_t bytes);
    bool may_create_event();
    void reply(http::message_generator message);
    void on_write(bool keep_alive, beast::error_code ec, std::size_t bytes);
    void linger();
    void on_linger(beast::error_code ec, std::size_t bytes);
    std::string own_authority();

    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    app::Registry& registry_;
    const ServerConfig& config_;
    std::chrono::steady_clock::time_point retire_at_;  // no request is read after it
    std::size_t lingered_bytes_ = 0;
};

}  // namespace ensemble::net
