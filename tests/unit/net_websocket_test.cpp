// The WebSocket as the server speaks it (RFC 6455), without sockets: frames read, frames written, the
// handshake's checks.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app/protocol.hpp"
#include "net/router.hpp"
#include "net/websocket_frames.hpp"

namespace ensemble::net::ws {
namespace {

using Kind = Inbound::Kind;

// A frame as a browser sends it: masked, with the shortest length that fits.
std::string client_frame(std::uint8_t opcode, std::string_view payload, bool fin = true,
                         std::uint8_t rsv = 0) {
    const char mask[4] = {'\x37', '\xfa', '\x21', '\x3d'};
    std::string frame{static_cast<char>((fin ? 0x80 : 0) | rsv | opcode)};
    std::size_t n = payload.size();
    if (n < 126) {
        frame += static_cast<char>(0x80 | n);
    } else if (n <= 0xFFFF) {
        frame += static_cast<char>(0x80 | 126);
        frame += static_cast<char>(n >> 8);
        frame += static_cast<char>(n & 0xFF);
    } else {
        frame += static_cast<char>(0x80 | 127);
        for (int shift = 56; shift >= 0; shift -= 8) frame += static_cast<char>((n >> shift) & 0xFF);
    }
    frame.append(mask, 4);
    for (std::size_t i = 0; i < n; ++i) frame += static_cast<char>(payload[i] ^ mask[i % 4]);
    return frame;
}

std::vector<Inbound> read_all(FrameReader& reader) {
    std::vector<Inbound> read;
    while (auto inbound = reader.next()) read.push_back(std::move(*inbound));
    return read;
}

Inbound only(FrameReader& reader, const std::string& bytes) {
    reader.append(bytes);
    auto read = read_all(reader);
    REQUIRE(read.size() == 1);
    return read[0];
}

TEST_CASE("websocket: a masked text frame is a message, whole or in single bytes, one after another") {
    auto frames = client_frame(1, R"({"type":"hello"})") + client_frame(1, "é" + std::string(300, 'x'));
    FrameReader whole(app::max_message_bytes);
    whole.append(frames);
    auto read = read_all(whole);
    REQUIRE(read.size() == 2);
    CHECK(read[0].kind == Kind::message);
    CHECK(read[0].text == R"({"type":"hello"})");
    CHECK(read[1].text == "é" + std::string(300, 'x'));

    FrameReader bytewise(app::max_message_bytes);
    std::vector<std::string> texts;
    for (char byte : frames) {
        bytewise.append(std::string(1, byte));
        for (auto& inbound : read_all(bytewise)) texts.push_back(inbound.text);
    }
    CHECK(texts == std::vector<std::string>{read[0].text, read[1].text});
}

TEST_CASE("websocket: a message in fragments, a ping between them, a character cut between two") {
    FrameReader reader(app::max_message_bytes);
    std::string cafe = "café";  // é is two bytes: the first ends one fragment, the second starts the next
    reader.append(client_frame(1, cafe.substr(0, 4), false) + client_frame(9, "are you there", true) +
                  client_frame(0, cafe.substr(4), false) + client_frame(0, " !", true));
    auto read = read_all(reader);
    REQUIRE(read.size() == 2);
    CHECK(read[0].kind == Kind::ping);
    CHECK(read[0].text == "are you there");
    CHECK(read[1].kind == Kind::message);
    CHECK(read[1].text == "café !");
}

TEST_CASE("websocket: a client's close, with or without its code") {
    FrameReader reader(app::max_message_bytes);
    auto with_code = only(reader, client_frame(8, std::string("\x0f\xa0", 2) + "au revoir"));
    CHECK(with_code.kind == Kind::close);
    CHECK(with_code.code == 4000);
    CHECK(with_code.text == "au revoir");
    FrameReader bare(app::max_message_bytes);
    auto without = only(bare, client_frame(8, ""));
    CHECK(without.kind == Kind::close);
    CHECK(without.code == no_status_received);
}

TEST_CASE("websocket: a breach of the protocol says its code, and nothing is read after it") {
    struct Case {
        std::string bytes;
        std::uint16_t code;
    };
    std::string unmasked = std::string("\x81\x02", 2) + "hi";
    std::vector<Case> cases{
        {unmasked, app::close_code::protocol_error},
        {client_frame(1, "hi", true, 0x40), app::close_code::protocol_error},  // RSV1: nothing was negotiated
        {client_frame(2, "\x01\x02"), app::close_code::unsupported_data},
        {client_frame(0, "hi"), app::close_code::protocol_error},  // no message began
        {client_frame(1, "a", false) + client_frame(1, "b"),
         app::close_code::protocol_error},                              // a new one began
        {client_frame(9, "", false), app::close_code::protocol_error},  // a ping in fragments
        {client_frame(9, std::string(126, 'p')), app::close_code::protocol_error},
        {client_frame(3, "hi"), app::close_code::protocol_error},
        {client_frame(11, ""), app::close_code::protocol_error},
        {client_frame(1, "\xc3\x28"), app::close_code::invalid_text},
        {client_frame(1, "\xed\xa0\x80"), app::close_code::invalid_text},  // a surrogate
        {client_frame(8, "\x03"), app::close_code::protocol_error},        // a code cut short
        {client_frame(8, "\x03\xed"), app::close_code::protocol_error},    // 1005 is never sent
        {client_frame(8, "\x03\xe8\xff"), app::close_code::invalid_text},  // a reason that is not UTF-8
    };
    for (const auto& breach : cases) {
        CAPTURE(breach.bytes);
        FrameReader reader(app::max_message_bytes);
        auto read = only(reader, breach.bytes + client_frame(1, "after"));
        CHECK(read.kind == Kind::breach);
        CHECK(read.code == breach.code);
        reader.append(client_frame(1, "later"));
        CHECK_FALSE(reader.next());
    }
}

TEST_CASE("websocket: a message over the limit is refused from its head, before its bytes arrive") {
    FrameReader reader(1000);
    auto frame = client_frame(1, std::string(1001, 'x'));
    auto refused = only(reader, frame.substr(0, 8));  // head and mask only
    CHECK(refused.kind == Kind::breach);
    CHECK(refused.code == app::close_code::too_big);

    FrameReader fragments(1000);
    auto last = only(fragments,
                     client_frame(1, std::string(600, 'x'), false) + client_frame(0, std::string(401, 'x')));
    CHECK(last.code == app::close_code::too_big);
    FrameReader at_limit(1000);
    CHECK(
        only(at_limit, client_frame(1, std::string(600, 'x'), false) + client_frame(0, std::string(400, 'x')))
            .text.size() == 1000);
}

TEST_CASE("websocket: the server's frame heads, with each length's size") {
    auto small = frame_head(Opcode::text, 125);
    CHECK(std::string(small.bytes.data(), small.size) == std::string("\x81\x7d", 2));
    auto medium = frame_head(Opcode::text, 300);
    CHECK(std::string(medium.bytes.data(), medium.size) == std::string("\x81\x7e\x01\x2c", 4));
    auto large = frame_head(Opcode::text, 70000);
    CHECK(std::string(large.bytes.data(), large.size) == std::string("\x81\x7f\0\0\0\0\0\x01\x11\x70", 10));
    CHECK(control_frame(Opcode::pong, "x") == std::string("\x8a\x01x", 3));
}

TEST_CASE("websocket: a close's reason is cut to its frame, between two characters") {
    std::string reason(70, 'a');
    for (int i = 0; i < 40; ++i) reason += "é";
    auto frame = close_frame(4001, reason);
    REQUIRE(frame.size() <= 2 + 125);
    CHECK(frame.substr(0, 4) == std::string("\x88", 1) + static_cast<char>(frame.size() - 2) + "\x0f\xa1");
    // Read back as a client would: its reason is still UTF-8 (the reader checks it).
    std::string masked = frame;
    masked[1] = static_cast<char>(masked[1] | 0x80);
    masked.insert(2, std::string(4, '\0'));
    FrameReader reader(app::max_message_bytes);
    auto read = only(reader, masked);
    CHECK(read.kind == Kind::close);
    CHECK(read.text.size() == 122);  // 70 + 26 characters of two bytes; the 27th would not fit in 123
}

TEST_CASE("websocket: the handshake's accept key (RFC 6455's own example)") {
    CHECK(accept_key("dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
}

TEST_CASE("websocket: an upgrade without version 13 or a proper key is refused before any socket is kept") {
    auto upgrade = [](std::string_view version, std::string_view key) {
        Request request{http::verb::get, "/ws?event=abc", 11};
        request.set(http::field::host, "localhost");
        request.set(http::field::connection, "Upgrade");
        request.set(http::field::upgrade, "websocket");
        request.set(http::field::sec_websocket_version, version);
        request.set(http::field::sec_websocket_key, key);
        return route(request, "/nowhere", "", [] { return false; });
    };
    CHECK(upgrade("13", "dGhlIHNhbXBsZSBub25jZQ==").to == Routed::To::websocket);
    auto old = upgrade("8", "dGhlIHNhbXBsZSBub25jZQ==");
    REQUIRE(old.to == Routed::To::refused);
    CHECK(upgrade("13", "short").to == Routed::To::refused);
    CHECK(upgrade("13", "dGhlIHNhbXBsZSBub25jZQ=!").to == Routed::To::refused);
    CHECK(upgrade("13", "").to == Routed::To::refused);
}

}  // namespace
}  // namespace ensemble::net::ws
