#include "net/static_files.hpp"

#include <filesystem>

#include "net/responses.hpp"

namespace ensemble::net {
namespace {

std::string_view mime_type(std::string_view path) {
    auto dot = path.rfind('.');
    std::string_view ext = dot == std::string_view::npos ? "" : path.substr(dot);
    if (ext == ".html") return "text/html; charset=utf-8";
    if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
    if (ext == ".css") return "text/css; charset=utf-8";
    if (ext == ".json") return "application/json";
    if (ext == ".svg") return "image/svg+xml";
    if (ext == ".png") return "image/png";
    if (ext == ".ico") return "image/x-icon";
    if (ext == ".woff2") return "font/woff2";
    if (ext == ".txt") return "text/plain; charset=utf-8";
    return "application/octet-stream";
}

// Only plain relative paths: no "..", no hidden files, no backslashes.
bool safe_path(std::string_view path) {
    if (path.empty() || path[0] != '/' || path.find('\\') != std::string_view::npos) return false;
    return path.find("/.") == std::string_view::npos && path.find('\0') == std::string_view::npos;
}

}  // namespace

http::message_generator serve_static(const std::string& root, const Request& request) {
    std::string_view target = request.target();
    target = target.substr(0, target.find_first_of("?#"));
    if (!safe_path(target))
        return error_response(request, {domain::ErrorCode::not_found, "no such page", ""});
    std::string path = root + std::string(target);
    if (path.back() == '/') path += "index.html";

    // A folder opens like a file, then fails when read: the client would get no answer at all.
    std::error_code kind;
    if (!std::filesystem::is_regular_file(path, kind))
        return error_response(request, {domain::ErrorCode::not_found, "no such page", ""});
    beast::error_code ec;
    http::file_body::value_type body;
    body.open(path.c_str(), beast::file_mode::scan, ec);
    if (ec) return error_response(request, {domain::ErrorCode::not_found, "no such page", ""});
    auto size = body.size();

    http::response<http::file_body> response{std::piecewise_construct, std::make_tuple(std::move(body)),
                                             std::make_tuple(http::status::ok, request.version())};
    response.set(http::field::content_type, mime_type(path));
    add_security_headers(response);
    response.set(http::field::cache_control, "no-cache");
    response.content_length(size);
    response.keep_alive(request.keep_alive());
    if (request.method() == http::verb::head) {
        http::response<http::empty_body> head{http::status::ok, request.version()};
        head.base() = response.base();
        return head;
    }
    return response;
}

}  // namespace ensemble::net
