#pragma once
// One HTTP connection: static files, the REST API, and the door to the WebSocket.

#include "app/registry.hpp"
#include "net/beast.hpp"
#include "net/creation_limit.hpp"

namespace ensemble::net {

struct ServerConfig {
    std::string static_dir;
    std::string public_url;  // --public-url: its origin may act on this server too
    std::shared_ptr<CreationLimit> creation_limit;
};

class HttpSession : public std::enable_shared_from_this<HttpSession> {
  public:
    HttpSession(tcp::socket&& socket, app::Registry& registry, const ServerConfig& config);
    void run();

  private:
    void do_read();
    void on_read(beast::error_code ec, std::size_t bytes);
    void upgrade(Request request);
    bool may_create_event();
    void reply(http::message_generator message);
    void on_write(bool keep_alive, beast::error_code ec, std::size_t bytes);

    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    app::Registry& registry_;
    const ServerConfig& config_;
};

}  // namespace ensemble::net
