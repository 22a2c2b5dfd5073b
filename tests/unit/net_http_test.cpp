// HTTP answers the fuzz targets (fuzz/) found wrong: each case is a request that once broke the server.
#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "net/responses.hpp"
#include "net/static_files.hpp"

namespace ensemble::net {
namespace {

using nlohmann::json;

// Everything written for `message`, as a client would receive it; fails if it cannot all be written.
std::string written(http::message_generator message) {
    std::string bytes;
    beast::error_code ec;
    while (!message.is_done()) {
        auto buffers = message.prepare(ec);
        REQUIRE_FALSE(ec);
        for (auto buffer : buffers) bytes.append(static_cast<const char*>(buffer.data()), buffer.size());
        message.consume(beast::buffer_bytes(buffers));
    }
    return bytes;
}

TEST_CASE("http: a JSON answer holding bytes that are not UTF-8 is still written") {
    // POST /api/events with "Host: \xff" put the header in join_url: json::dump threw on the room's
    // strand, and the uncaught exception ended the whole server.
    Request request{http::verb::post, "/api/events", 11};
    Response response;
    CHECK_NOTHROW(response = json_response(request, http::status::created,
                                           {{"join_url", "http://\xff\x9b/join.html?event=abc"}}));
    CHECK(response.result() == http::status::created);
    CHECK(json::accept(response.body()));
}

TEST_CASE("http: an error answering HEAD has the length of the GET's and no body") {
    // A body after a HEAD answer is read by the client as the start of the next response.
    Request get{http::verb::get, "/api/events/nothing", 11};
    Request head{http::verb::head, "/api/events/nothing", 11};
    app::Problem problem{domain::ErrorCode::not_found, "no such event", ""};
    auto to_get = error_response(get, problem);
    auto to_head = error_response(head, problem);
    CHECK(to_head.result() == http::status::not_found);
    CHECK(to_head.body().empty());
    CHECK(to_head[http::field::content_length] == std::to_string(to_get.body().size()));
}

TEST_CASE("http: a folder of the static root is never a 200, and its answer is written whole") {
    // A folder opened like a file: a 200 whose body failed to read, so the client got no answer at all.
    std::string pattern = (std::filesystem::temp_directory_path() / "ensemble-static-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    std::filesystem::path root = pattern;
    std::filesystem::create_directories(root / "js" / "lib");
    std::ofstream(root / "js" / "app.js") << "export {};\n";
    for (std::string target : {"/js", "/js?x=1", "/js/lib", "/js/"}) {
        CAPTURE(target);
        auto bytes = written(serve_static(root.string(), Request{http::verb::get, target, 11}));
        CHECK(bytes.rfind("HTTP/1.1 200 ", 0) != 0);
    }
    auto bytes = written(serve_static(root.string(), Request{http::verb::get, "/js/app.js", 11}));
    CHECK(bytes.rfind("HTTP/1.1 200 ", 0) == 0);
    CHECK(bytes.find("export {};") != std::string::npos);
    std::filesystem::remove_all(root);
}

}  // namespace
}  // namespace ensemble::net
