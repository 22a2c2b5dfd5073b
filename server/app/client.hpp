#pragma once
// One connected browser, as the room sees it: somewhere to send messages, something to close.

#include <cstdint>
#include <memory>
#include <string>

namespace ensemble::app {

using SharedMessage = std::shared_ptr<const std::string>;

inline SharedMessage share(std::string message) {
    return std::make_shared<const std::string>(std::move(message));
}

// WebSocket close codes of shared/protocol.md.
namespace close_code {
constexpr std::uint16_t normal = 1000;
constexpr std::uint16_t going_away = 1001;
constexpr std::uint16_t protocol_error = 1002;    // a frame that breaks RFC 6455
constexpr std::uint16_t unsupported_data = 1003;  // a binary message
constexpr std::uint16_t invalid_text = 1007;      // a text that is not UTF-8
constexpr std::uint16_t policy = 1008;
constexpr std::uint16_t too_big = 1009;
constexpr std::uint16_t try_again_later = 1013;
constexpr std::uint16_t replaced = 4000;
constexpr std::uint16_t removed = 4001;
constexpr std::uint16_t token_refused = 4003;
constexpr std::uint16_t event_not_found = 4004;
constexpr std::uint16_t link_revoked = 4005;
constexpr std::uint16_t event_deleted = 4006;
constexpr std::uint16_t erased = 4007;
}  // namespace close_code

class Client {
  public:
    virtual ~Client() = default;
    // Messages and a close wait, in order, for the next flush(), which hands them over together: they leave
    // as one frame. Each returns true when nothing was waiting before, that is when a flush is now owed.
    // Any thread may call them.
    virtual bool send(SharedMessage message) = 0;
    virtual bool close(std::uint16_t code, std::string reason) = 0;
    virtual void flush() = 0;
};

}  // namespace ensemble::app
