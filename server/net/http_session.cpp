#include "net/http_session.hpp"

#include <atomic>

#include "app/clock.hpp"
#include "app/protocol.hpp"
#include "net/host.hpp"
#include "net/limits.hpp"
#include "net/responses.hpp"
#include "net/rest_api.hpp"
#include "net/router.hpp"
#include "net/websocket_session.hpp"

namespace ensemble::net {
namespace {

std::atomic<std::size_t> live_sessions{0};

// The start line of a request refused before its end (what there is of it), marked to close.
Request head_of(const http::request_parser<http::string_body>& parser) {
    Request head{parser.get().method(), parser.get().target(), parser.get().version()};
    head.keep_alive(false);
    return head;
}

}  // namespace

HttpSession::HttpSession(tcp::socket&& socket, app::Registry& registry, const ServerConfig& config)
    : stream_(std::move(socket)),
      registry_(registry),
      config_(config),
      retire_at_(std::chrono::steady_clock::now() + config.http_lifetime) {
    ++live_sessions;
}

HttpSession::~HttpSession() { --live_sessions; }

std::size_t HttpSession::live_count() { return live_sessions.load(); }

void HttpSession::run() {
    asio::dispatch(stream_.get_executor(),
                   beast::bind_front_handler(&HttpSession::do_read, shared_from_this()));
}

void HttpSession::do_read() {
    auto now = std::chrono::steady_clock::now();
    if (now >= retire_at_) return linger();
    parser_.emplace();
    parser_->header_limit(max_request_head_bytes);
    parser_->body_limit(app::max_message_bytes);
    // Idle or slow, a connection waits no longer than its idle limit, nor past its lifetime.
    stream_.expires_after(std::min<std::chrono::steady_clock::duration>(http_idle_timeout, retire_at_ - now));
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&HttpSession::on_read, shared_from_this()));
}

void HttpSession::on_read(beast::error_code ec, std::size_t) {
    if (ec == http::error::end_of_stream)
        return (void)stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec == http::error::body_limit)
        return reply(
            error_response(head_of(*parser_), {domain::ErrorCode::too_large, "the body is over 64 KiB", ""}));
    if (ec == http::error::header_limit) {
        // The parser keeps the start line once it is whole: no target yet means the line itself was too long.
        bool line_read = !parser_->get().target().empty();
        return reply(error_response(
            head_of(*parser_),
            line_read ? http::status::request_header_fields_too_large : http::status::uri_too_long,
            {domain::ErrorCode::too_large,
             line_read ? "the header fields are over 8 KiB" : "the request line is over 8 KiB", ""}));
    }
    if (ec) return;
    Request request = parser_->release();
    // Past its lifetime, a connection answers this request, says it closes, and closes.
    if (std::chrono::steady_clock::now() >= retire_at_ && !websocket::is_upgrade(request))
        request.keep_alive(false);
    auto routed =
        route(request, config_.static_dir, config_.public_url, [this] { return may_create_event(); });
    switch (routed.to) {
        case Routed::To::websocket:
            stream_.expires_never();
            return std::make_shared<WebsocketSession>(stream_.release_socket(), registry_, routed.event_id)
                ->run(request);
        case Routed::To::api:
            return handle_api(registry_, request, own_authority(),
                              [self = shared_from_this()](Response response) {
                                  asio::post(self->stream_.get_executor(),
                                             [self, response = std::move(response)]() mutable {
                                                 self->reply(std::move(response));
                                             });
                              });
        case Routed::To::health:
        case Routed::To::file:
        case Routed::To::refused:
            return reply(std::move(*routed.answer));
    }
}

bool HttpSession::may_create_event() {
    beast::error_code ec;
    auto peer = stream_.socket().remote_endpoint(ec);
    return !ec && config_.creation_limit->allow(peer.address().to_string(), app::now_ms());
}

void HttpSession::reply(http::message_generator message) {
    bool keep_alive = message.keep_alive();
    beast::async_write(stream_, std::move(message),
                       beast::bind_front_handler(&HttpSession::on_write, shared_from_this(), keep_alive));
}

void HttpSession::on_write(bool keep_alive, beast::error_code ec, std::size_t) {
    if (ec) return;
    if (!keep_alive) return linger();
    do_read();
}

// Says no more, then reads and drops what the client still sends until it closes too: closing with
// unread bytes would reset the connection, and the client could lose the answer it was sent.
void HttpSession::linger() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return;
    stream_.expires_after(http_linger_timeout);
    on_linger({}, 0);
}

void HttpSession::on_linger(beast::error_code ec, std::size_t bytes) {
    lingered_bytes_ += bytes;
    if (ec || lingered_bytes_ > http_linger_bytes) return;
    buffer_.clear();
    stream_.async_read_some(buffer_.prepare(16 * 1024),
                            beast::bind_front_handler(&HttpSession::on_linger, shared_from_this()));
}

// The address this connection came to, for links when its Host header cannot be used.
std::string HttpSession::own_authority() {
    beast::error_code ec;
    auto endpoint = stream_.socket().local_endpoint(ec);
    return ec ? "localhost" : authority_of(endpoint);
}

}  // namespace ensemble::net
