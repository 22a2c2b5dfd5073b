#include "net/static_files.hpp"

#include <filesystem>

#include "domain/reference_data.hpp"
#include "net/responses.hpp"

namespace ensemble::net {
namespace {

namespace fs = std::filesystem;

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

// Only plain relative paths: no "..", no hidden files, no backslashes, no empty segment (so that a
// redirect to it can never read as "//other.host/").
bool safe_path(std::string_view path) {
    if (path.empty() || path[0] != '/' || path.find('\\') != std::string_view::npos) return false;
    return path.find("/.") == std::string_view::npos && path.find("//") == std::string_view::npos &&
           path.find('\0') == std::string_view::npos;
}

// `real` (symlinks resolved) lies under `root` (also resolved), by a safe path.
bool inside(const fs::path& real, const fs::path& root) {
    auto relative = real.lexically_relative(root);
    if (relative.empty() || relative == "." || *relative.begin() == "..") return false;
    return safe_path("/" + relative.generic_string());
}

Response not_found(const Request& request) {
    return error_response(request, {domain::ErrorCode::not_found, "no such page", ""});
}

// A folder asked for without its slash: where a static server sends browsers, so relative links work.
Response redirect(const Request& request, std::string location) {
    Response response{http::status::moved_permanently, request.version()};
    response.set(http::field::location, location);
    response.set(http::field::cache_control, "no-cache");
    add_security_headers(response.base());
    response.keep_alive(request.keep_alive());
    response.prepare_payload();
    return response;
}

}  // namespace

http::message_generator serve_static(const std::string& root, const Request& request) {
    std::string_view target = request.target();
    auto query_at = target.find_first_of("?#");
    std::string_view path = target.substr(0, query_at);
    if (!safe_path(path)) return not_found(request);
    fs::path wanted = fs::path(root) / fs::path(path.substr(1));
    if (path.back() == '/') wanted /= "index.html";

    // Symlinks are followed only while they stay inside the folder.
    std::error_code error;
    fs::path real = fs::canonical(wanted, error);
    if (error || !inside(real, root)) return not_found(request);
    auto status = fs::status(real, error);
    if (fs::is_directory(status) && path.back() != '/')
        return redirect(request,
                        std::string(path) + "/" +
                            std::string(query_at == std::string_view::npos ? "" : target.substr(query_at)));
    // Only a file: a folder opens like one, then fails when read, and the client would get no answer.
    if (error || !fs::is_regular_file(status)) return not_found(request);

    beast::error_code ec;
    http::file_body::value_type body;
    body.open(real.c_str(), beast::file_mode::scan, ec);
    if (ec == beast::errc::too_many_files_open || ec == beast::errc::too_many_files_open_in_system) {
        auto busy = error_response(request, http::status::service_unavailable,
                                   {domain::ErrorCode::internal, "too busy, try again", ""});
        busy.set(http::field::retry_after, "1");
        return busy;
    }
    if (ec) return not_found(request);
    auto size = body.size();

    http::response<http::file_body> response{std::piecewise_construct, std::make_tuple(std::move(body)),
                                             std::make_tuple(http::status::ok, request.version())};
    response.set(http::field::content_type, mime_type(wanted.native()));
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

http::message_generator serve_reference_data(const Request& request) {
    std::string_view path = request.target();
    path = path.substr(0, path.find_first_of("?#"));
    path.remove_prefix(std::string_view("/data/").size());
    std::string_view name = path.substr(0, path.size() - std::min<std::size_t>(path.size(), 5));
    auto text = path.ends_with(".json") ? domain::reference_file(name) : std::string_view{};
    if (text.empty()) return not_found(request);
    Response response{http::status::ok, request.version()};
    response.set(http::field::content_type, "application/json");
    add_security_headers(response.base());
    response.set(http::field::cache_control, "no-cache");
    response.keep_alive(request.keep_alive());
    response.body() = std::string(text);
    response.prepare_payload();
    if (request.method() == http::verb::head) response.body().clear();  // the length, not the body
    return response;
}

}  // namespace ensemble::net
