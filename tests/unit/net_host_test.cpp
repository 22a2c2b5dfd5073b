// The Host header as links may use it, and the connection cap a descriptor limit gives.
#include <doctest/doctest.h>

#include "net/host.hpp"
#include "net/limits.hpp"

using namespace ensemble::net;

TEST_CASE("a Host header is used only when it is a plain host[:port]") {
    for (const char* host : {"localhost", "localhost:8080", "ensemble.example.org",
                             "ensemble.example.org:443", "192.168.1.20:8080", "xn--bcher-kva.example",
                             "[::1]", "[::1]:8080", "[2001:db8::7]:65535", "a-b.c"})
        CHECK_MESSAGE(valid_host(host), host);
    for (const char* host : {"",
                             ":8080",
                             "evil.example/phish",
                             "user@evil.example",
                             "a b",
                             "\"><script>",
                             "evil.example:",
                             "evil.example:0",
                             "evil.example:65536",
                             "evil.example:99999",
                             "evil.example:80:80",
                             "-evil.example",
                             "evil-.example",
                             "evil..example",
                             ".example",
                             "[::1",
                             "[::1]x",
                             "[::1]:",
                             "[evil.example]",
                             "[fe80::1%eth0]",
                             "évil.example",
                             "evil.example\r\nX: y",
                             "evil.example?x",
                             "evil.example#x"})
        CHECK_MESSAGE(!valid_host(host), host);
}

TEST_CASE("our own address is written as a link's authority") {
    CHECK(authority_of({asio::ip::make_address("127.0.0.1"), 8080}) == "127.0.0.1:8080");
    CHECK(authority_of({asio::ip::make_address("::1"), 443}) == "[::1]:443");
}

TEST_CASE("the connection cap keeps 32 descriptors and a tenth of the limit in reserve") {
    CHECK(connection_cap(64) == 26);
    CHECK(connection_cap(1024) == 890);
    CHECK(connection_cap(20000) == 17968);
    CHECK(connection_cap(10) == 1);
}
