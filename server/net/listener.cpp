#include "net/listener.hpp"

#include "app/log.hpp"

namespace ensemble::net {

Listener::Listener(asio::io_context& ioc, const tcp::endpoint& endpoint)
    : ioc_(ioc), acceptor_(asio::make_strand(ioc)) {
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(asio::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(asio::socket_base::max_listen_connections);
    port_ = acceptor_.local_endpoint().port();
}

void Listener::run(app::Registry& registry, ServerConfig config) {
    registry_ = &registry;
    config_ = std::move(config);
    do_accept();
}

void Listener::stop() {
    asio::post(acceptor_.get_executor(), [self = shared_from_this()] {
        beast::error_code ec;
        self->acceptor_.close(ec);
    });
}

void Listener::do_accept() {
    acceptor_.async_accept(asio::make_strand(ioc_),
                           beast::bind_front_handler(&Listener::on_accept, shared_from_this()));
}

void Listener::on_accept(beast::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted) return;
    if (ec) {
        // Out of file descriptors, say: keep serving the connections already open.
        app::log_event("accept_failed", {{"error", ec.message()}});
    } else {
        std::make_shared<HttpSession>(std::move(socket), *registry_, config_)->run();
    }
    do_accept();
}

}  // namespace ensemble::net
