#pragma once
// Accepts connections and hands each to its own HTTP session, up to the connection cap.

#include "app/throttled_log.hpp"
#include "net/http_session.hpp"

namespace ensemble::net {

class Listener : public std::enable_shared_from_this<Listener> {
  public:
    // Binds at once: throws with a clear message when the address is taken.
    Listener(asio::io_context& ioc, const tcp::endpoint& endpoint);
    // The registry needs the bound port for its links, hence comes after construction.
    void run(app::Registry& registry, ServerConfig config);
    void stop();
    unsigned short port() const { return port_; }

  private:
    void do_accept();
    void on_accept(beast::error_code ec, tcp::socket socket);
    // Waits, longer each time in a row, then accepts again: never a loop on a failing accept.
    void pause();

    asio::io_context& ioc_;
    tcp::acceptor acceptor_;
    asio::steady_timer pause_timer_;
    std::chrono::steady_clock::duration pause_for_;
    app::ThrottledLog failed_log_;
    app::ThrottledLog full_log_;
    app::Registry* registry_ = nullptr;
    ServerConfig config_;
    unsigned short port_ = 0;
};

}  // namespace ensemble::net
