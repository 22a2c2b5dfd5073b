#include "net/websocket_frames.hpp"

// Beast's own SHA-1 handshake key and UTF-8 check, as its stream used them (Boost 1.81, Debian's).
#include <boost/beast/websocket/detail/hybi13.hpp>
#include <boost/beast/websocket/detail/utf8_checker.hpp>
#include <utility>

namespace ensemble::net::ws {
namespace {

constexpr std::size_t max_control_payload = 125;

std::uint64_t big_endian(std::string_view bytes) {
    std::uint64_t value = 0;
    for (char byte : bytes) value = (value << 8) | static_cast<std::uint8_t>(byte);
    return value;
}

bool valid_utf8(std::string_view text) {
    return boost::beast::websocket::detail::check_utf8(text.data(), text.size());
}

// Codes a peer may put in a close frame (RFC 6455 7.4; 1012 to 1014 registered since).
bool sendable_close_code(std::uint16_t code) {
    return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
}

}  // namespace

void FrameReader::append(std::string_view bytes) {
    if (broken_) return;  // nothing more is read: what follows is not kept either
    unread_.erase(0, std::exchange(offset_, 0));
    unread_.append(bytes);
}

std::optional<Inbound> FrameReader::breach(std::uint16_t code, std::string what) {
    broken_ = true;
    return Inbound{Inbound::Kind::breach, std::move(what), code};
}

std::optional<Inbound> FrameReader::next() {
    using app::close_code::protocol_error;
    while (!broken_) {
        std::string_view in(unread_);
        in.remove_prefix(offset_);
        if (in.empty()) {
            std::string().swap(unread_);  // all read: an idle connection keeps no buffer
            offset_ = 0;
        }
        if (in.size() < 2) return std::nullopt;
        auto first = static_cast<std::uint8_t>(in[0]), second = static_cast<std::uint8_t>(in[1]);
        bool fin = (first & 0x80) != 0;
        auto opcode = static_cast<Opcode>(first & 0x0F);
        if ((first & 0x70) != 0) return breach(protocol_error, "a reserved bit is set");
        if ((second & 0x80) == 0) return breach(protocol_error, "a client's frame must be masked");
        std::uint64_t length = second & 0x7F;
        std::size_t head = 2;
        if (length == 126 || length == 127) {
            head = length == 126 ? 4 : 10;
            if (in.size() < head) return std::nullopt;
            length = big_endian(in.substr(2, head - 2));
        }
        bool control = (first & 0x08) != 0;
        if (control) {
            if (opcode != Opcode::close && opcode != Opcode::ping && opcode != Opcode::pong)
                return breach(protocol_error, "an unknown opcode");
            if (!fin) return breach(protocol_error, "a control frame in fragments");
            if (length > max_control_payload) return breach(protocol_error, "a control frame over 125 bytes");
        } else {
            if (opcode == Opcode::binary)
                return breach(app::close_code::unsupported_data,
                              "binary messages are not part of the protocol");
            if (opcode != Opcode::text && opcode != Opcode::continuation)
                return breach(protocol_error, "an unknown opcode");
            if ((opcode == Opcode::continuation) != in_message_)
                return breach(protocol_error, in_message_ ? "a new message before the last one ended"
                                                          : "a continuation without a message");
            if (length > max_message_ - message_.size())
                return breach(app::close_code::too_big,
                              "a message over " + std::to_string(max_message_) + " bytes");
        }
        if (in.size() - head < 4 + length) return std::nullopt;
        auto mask = in.substr(head, 4);
        auto masked = in.substr(head + 4, static_cast<std::size_t>(length));
        offset_ += head + 4 + masked.size();
        std::string payload;
        std::string& into = control ? payload : message_;
        std::size_t at = into.size();
        into.resize(at + masked.size());
        for (std::size_t i = 0; i < masked.size(); ++i)
            into[at + i] = static_cast<char>(masked[i] ^ mask[i % 4]);

        switch (opcode) {
            case Opcode::ping:
                return Inbound{Inbound::Kind::ping, std::move(payload)};
            case Opcode::pong:
                return Inbound{Inbound::Kind::pong, std::move(payload)};
            case Opcode::close: {
                if (payload.empty()) return Inbound{Inbound::Kind::close, "", no_status_received};
                if (payload.size() == 1) return breach(protocol_error, "a close frame's code is cut");
                auto code = static_cast<std::uint16_t>(big_endian(std::string_view(payload).substr(0, 2)));
                if (!sendable_close_code(code))
                    return breach(protocol_error, "a close code no peer may send");
                if (!valid_utf8(std::string_view(payload).substr(2)))
                    return breach(app::close_code::invalid_text, "a close reason that is not UTF-8");
                return Inbound{Inbound::Kind::close, payload.substr(2), code};
            }
            default:
                in_message_ = !fin;
                if (in_message_) continue;
                if (!valid_utf8(message_))
                    return breach(app::close_code::invalid_text, "a text that is not UTF-8");
                return Inbound{Inbound::Kind::message, std::exchange(message_, {})};
        }
    }
    return std::nullopt;
}

FrameHead frame_head(Opcode opcode, std::size_t payload_bytes) {
    FrameHead head{};
    head.bytes[0] = static_cast<char>(0x80 | static_cast<std::uint8_t>(opcode));
    std::size_t length_bytes = 0;
    if (payload_bytes < 126) {
        head.bytes[1] = static_cast<char>(payload_bytes);
    } else if (payload_bytes <= 0xFFFF) {
        head.bytes[1] = 126;
        length_bytes = 2;
    } else {
        head.bytes[1] = 127;
        length_bytes = 8;
    }
    for (std::size_t i = 0; i < length_bytes; ++i)
        head.bytes[2 + i] = static_cast<char>(payload_bytes >> (8 * (length_bytes - 1 - i)));
    head.size = 2 + length_bytes;
    return head;
}

std::string control_frame(Opcode opcode, std::string_view payload) {
    payload = payload.substr(0, max_control_payload);
    auto head = frame_head(opcode, payload.size());
    return std::string(head.bytes.data(), head.size).append(payload);
}

std::string close_frame(std::uint16_t code, std::string_view reason) {
    std::size_t room = max_control_payload - 2;
    if (reason.size() > room) {
        // Cut before a character's continuation bytes, so that the reason stays UTF-8.
        while (room > 0 && (static_cast<std::uint8_t>(reason[room]) & 0xC0) == 0x80) --room;
        reason = reason.substr(0, room);
    }
    std::string payload{static_cast<char>(code >> 8), static_cast<char>(code & 0xFF)};
    return control_frame(Opcode::close, payload.append(reason));
}

std::string accept_key(std::string_view client_key) {
    boost::beast::websocket::detail::sec_ws_accept_type accept;
    boost::beast::websocket::detail::make_sec_ws_accept(accept, client_key);
    return std::string(accept.data(), accept.size());
}

}  // namespace ensemble::net::ws
