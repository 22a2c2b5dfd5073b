#include "net/http_session.hpp"

#include "app/protocol.hpp"
#include "net/query.hpp"
#include "net/responses.hpp"
#include "net/rest_api.hpp"
#include "net/static_files.hpp"
#include "net/websocket_session.hpp"

namespace ensemble::net {
namespace {

constexpr auto read_timeout = std::chrono::seconds(30);

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

}  // namespace

HttpSession::HttpSession(tcp::socket&& socket, app::Registry& registry, const ServerConfig& config)
    : stream_(std::move(socket)), registry_(registry), config_(config) {}

void HttpSession::run() {
    asio::dispatch(stream_.get_executor(),
                   beast::bind_front_handler(&HttpSession::do_read, shared_from_this()));
}

void HttpSession::do_read() {
    parser_.emplace();
    parser_->body_limit(app::max_message_bytes);
    stream_.expires_after(read_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&HttpSession::on_read, shared_from_this()));
}

void HttpSession::on_read(beast::error_code ec, std::size_t) {
    if (ec == http::error::end_of_stream)
        return (void)stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec == http::error::body_limit) {
        Request head{parser_->get().method(), parser_->get().target(), parser_->get().version()};
        head.keep_alive(false);
        return reply(error_response(head, {domain::ErrorCode::too_large, "the body is over 64 KiB", ""}));
    }
    if (ec) return;
    Request request = parser_->release();
    std::string_view target = request.target();

    if (websocket::is_upgrade(request)) return upgrade(std::move(request));
    if (starts_with(target, "/api/")) {
        return handle_api(registry_, request, [self = shared_from_this()](Response response) {
            asio::post(self->stream_.get_executor(), [self, response = std::move(response)]() mutable {
                self->reply(std::move(response));
            });
        });
    }
    if (target == "/healthz") {
        Response response{http::status::ok, request.version()};
        response.set(http::field::content_type, "text/plain");
        response.keep_alive(request.keep_alive());
        response.body() = "ok";
        response.prepare_payload();
        return reply(std::move(response));
    }
    if (request.method() != http::verb::get && request.method() != http::verb::head)
        return reply(error_response(request, http::status::method_not_allowed,
                                    {domain::ErrorCode::not_found, "use GET", ""}));
    reply(serve_static(config_.static_dir, request));
}

// Authorise before the upgrade: a wrong token never gets a WebSocket.
void HttpSession::upgrade(Request request) {
    if (!starts_with(request.target(), "/ws?") && request.target() != "/ws")
        return reply(error_response(request, {domain::ErrorCode::not_found, "no such endpoint", ""}));
    auto query = parse_query(request.target());
    registry_.authenticate(
        query["event"], query["token"],
        [self = shared_from_this(), request = std::move(request)](auto who) mutable {
            // Back to this connection's strand, whatever the answer.
            asio::post(self->stream_.get_executor(),
                       [self, request = std::move(request), who = std::move(who)]() mutable {
                           if (auto* problem = std::get_if<app::Problem>(&who))
                               return self->reply(error_response(request, *problem));
                           auto [room, actor] = std::get<0>(who);
                           self->stream_.expires_never();
                           std::make_shared<WebsocketSession>(self->stream_.release_socket(), room, actor)
                               ->run(std::move(request));
                       });
        });
}

void HttpSession::reply(http::message_generator message) {
    bool keep_alive = message.keep_alive();
    beast::async_write(stream_, std::move(message),
                       beast::bind_front_handler(&HttpSession::on_write, shared_from_this(), keep_alive));
}

void HttpSession::on_write(bool keep_alive, beast::error_code ec, std::size_t) {
    if (ec) return;
    if (!keep_alive) return (void)stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    do_read();
}

}  // namespace ensemble::net
