#include "net/listener.hpp"

#include "net/limits.hpp"
#include "net/websocket_session.hpp"

namespace ensemble::net {

Listener::Listener(asio::io_context& ioc, const tcp::endpoint& endpoint)
    : ioc_(ioc),
      acceptor_(asio::make_strand(ioc)),
      pause_timer_(acceptor_.get_executor()),
      pause_for_(accept_pause_first),
      failed_log_("accept_failed", accept_log_interval),
      full_log_("connection_cap_reached", accept_log_interval) {
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(asio::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(asio::socket_base::max_listen_connections);
    port_ = acceptor_.local_endpoint().port();
}

void Listener::run(app::Registry& registry, ServerConfig config) {
    registry_ = &registry;
    config_ = std::move(config);
    asio::dispatch(acceptor_.get_executor(),
                   beast::bind_front_handler(&Listener::do_accept, shared_from_this()));
}

void Listener::stop() {
    asio::post(acceptor_.get_executor(), [self = shared_from_this()] {
        beast::error_code ec;
        self->acceptor_.close(ec);
        self->pause_timer_.cancel();
    });
}

void Listener::do_accept() {
    // Over the cap the next connections wait in the kernel's backlog, and those open keep their descriptors.
    std::size_t open = HttpSession::live_count() + WebsocketSession::live_count();
    if (open >= config_.max_connections) {
        full_log_.log({{"connections", open}, {"cap", config_.max_connections}});
        return pause();
    }
    acceptor_.async_accept(asio::make_strand(ioc_),
                           beast::bind_front_handler(&Listener::on_accept, shared_from_this()));
}

void Listener::on_accept(beast::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted || !acceptor_.is_open()) return;
    if (ec) {
        // Out of file descriptors, say: keep serving the connections already open, and retry later.
        failed_log_.log({{"error", ec.message()}});
        return pause();
    }
    pause_for_ = accept_pause_first;
    // Messages are small and each one is news: none waits for the previous one's acknowledgement (Nagle).
    socket.set_option(tcp::no_delay(true), ec);
    std::make_shared<HttpSession>(std::move(socket), *registry_, config_)->run();
    do_accept();
}

void Listener::pause() {
    pause_timer_.expires_after(pause_for_);
    pause_for_ = std::min<std::chrono::steady_clock::duration>(pause_for_ * 2, accept_pause_most);
    pause_timer_.async_wait([self = shared_from_this()](beast::error_code ec) {
        if (!ec && self->acceptor_.is_open()) self->do_accept();
    });
}

}  // namespace ensemble::net
