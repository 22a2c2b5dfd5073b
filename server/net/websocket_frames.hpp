#pragma once
// RFC 6455 as a server speaks it, without sockets: the frames a client sends read into messages, and the
// frames a server sends. No extension is negotiated, so every RSV bit must be zero.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/client.hpp"

namespace ensemble::net::ws {

enum class Opcode : std::uint8_t { continuation = 0, text = 1, binary = 2, close = 8, ping = 9, pong = 10 };

// A close frame without a code reads as this (RFC 6455 7.1.5); it is never sent. The codes sent are
// app::close_code's.
constexpr std::uint16_t no_status_received = 1005;

// What the client said: a whole text message, a control frame, or a breach of the protocol (after which
// the server closes with `code` and reads nothing more).
struct Inbound {
    enum class Kind { message, ping, pong, close, breach };
    Kind kind;
    std::string text;        // the message, a ping's payload, a close's reason, what the breach was
    std::uint16_t code = 0;  // close and breach
};

class FrameReader {
  public:
    explicit FrameReader(std::size_t max_message_bytes) : max_message_(max_message_bytes) {}

    void append(std::string_view bytes);
    // The next message or control frame whole in what was appended, if any.
    std::optional<Inbound> next();

  private:
    std::optional<Inbound> breach(std::uint16_t code, std::string what);

    std::size_t max_message_;
    std::string unread_;      // bytes appended, the first `offset_` of them read
    std::size_t offset_ = 0;  // dropped from unread_ when it is read to its end, or before appending
    std::string message_;     // a fragmented message's frames so far
    bool in_message_ = false;
    bool broken_ = false;
};

// The head of an unmasked frame from the server, FIN set: 2 to 10 bytes.
struct FrameHead {
    std::array<char, 10> bytes;
    std::size_t size;
};
FrameHead frame_head(Opcode opcode, std::size_t payload_bytes);

// A whole control frame from the server; a close's reason is cut to fit the 125 bytes of its payload.
std::string control_frame(Opcode opcode, std::string_view payload);
std::string close_frame(std::uint16_t code, std::string_view reason);

// Sec-WebSocket-Accept for a client's Sec-WebSocket-Key.
std::string accept_key(std::string_view client_key);

}  // namespace ensemble::net::ws
