#include "net/http_session.hpp"

#include "app/clock.hpp"
#include "app/protocol.hpp"
#include "net/origin.hpp"
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

const app::Problem cross_origin{domain::ErrorCode::forbidden,
                                "requests from another site's pages are refused", ""};

// "application/json", maybe with parameters such as "; charset=utf-8".
bool is_json(const Request& request) {
    std::string_view type = request[http::field::content_type];
    type = type.substr(0, type.find(';'));
    while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
    return beast::iequals(type, "application/json");
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
        bool changes = request.method() != http::verb::get && request.method() != http::verb::head;
        if (changes && !same_origin(request, config_.public_url))
            return reply(error_response(request, cross_origin));
        if (changes && !request.body().empty() && !is_json(request))
            return reply(error_response(request, {domain::ErrorCode::unsupported_media_type,
                                                  "send the body as application/json", ""}));
        if (request.method() == http::verb::post && target == "/api/events" && !may_create_event())
            return reply(error_response(
                request, {domain::ErrorCode::rate_limited, "too many events created from this address", ""}));
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

// Anyone may open the socket from this server's pages; who they are comes in their first message.
void HttpSession::upgrade(Request request) {
    if (!starts_with(request.target(), "/ws?") && request.target() != "/ws")
        return reply(error_response(request, {domain::ErrorCode::not_found, "no such endpoint", ""}));
    if (!same_origin(request, config_.public_url)) return reply(error_response(request, cross_origin));
    auto query = parse_query(request.target());
    stream_.expires_never();
    std::make_shared<WebsocketSession>(stream_.release_socket(), registry_, query["event"])
        ->run(std::move(request));
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
    if (!keep_alive) return (void)stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    do_read();
}

}  // namespace ensemble::net
