// libFuzzer target: ws::FrameReader on arbitrary bytes, as a client's socket would deliver them. The first
// byte chooses how the rest is cut into reads: what is read must not depend on it. Messages stay within
// their limit, control frames within 125 bytes, and nothing is read after a breach.
#include "net/websocket_frames.hpp"

#include <cstdint>
#include <string>
#include <vector>

#include "check.hpp"

namespace {

using namespace ensemble::net::ws;
namespace app = ensemble::app;

constexpr std::size_t max_message = 1024;  // small, so that fuzzing reaches the limit soon

std::vector<Inbound> read_all(FrameReader& reader) {
    std::vector<Inbound> read;
    while (auto inbound = reader.next()) read.push_back(std::move(*inbound));
    return read;
}

bool same(const Inbound& a, const Inbound& b) {
    return a.kind == b.kind && a.text == b.text && a.code == b.code;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    std::size_t step = data[0] % 17 + 1;
    std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);

    FrameReader whole(max_message);
    whole.append(bytes);
    auto at_once = read_all(whole);
    FrameReader pieces(max_message);
    std::vector<Inbound> in_steps;
    for (std::size_t at = 0; at < bytes.size(); at += step) {
        pieces.append(bytes.substr(at, step));
        for (auto& inbound : read_all(pieces)) in_steps.push_back(std::move(inbound));
    }
    FUZZ_CHECK(at_once.size() == in_steps.size(), "as many frames read whatever the reads' sizes");
    for (std::size_t i = 0; i < at_once.size(); ++i) {
        FUZZ_CHECK(same(at_once[i], in_steps[i]), "the same frames read whatever the reads' sizes");
        const auto& inbound = at_once[i];
        bool last = i + 1 == at_once.size();
        switch (inbound.kind) {
            case Inbound::Kind::message:
                FUZZ_CHECK(inbound.text.size() <= max_message, "a message within its limit");
                break;
            case Inbound::Kind::ping:
            case Inbound::Kind::pong:
                FUZZ_CHECK(inbound.text.size() <= 125, "a control frame within 125 bytes");
                break;
            case Inbound::Kind::close:
                FUZZ_CHECK(inbound.text.size() <= 123, "a close reason within its frame");
                FUZZ_CHECK(inbound.code >= 1000 && inbound.code <= 4999, "a close code in range");
                break;
            case Inbound::Kind::breach:
                FUZZ_CHECK(last, "nothing read after a breach");
                FUZZ_CHECK(inbound.code == app::close_code::protocol_error ||
                               inbound.code == app::close_code::unsupported_data ||
                               inbound.code == app::close_code::invalid_text ||
                               inbound.code == app::close_code::too_big,
                           "a breach closes with one of RFC 6455's codes");
                FUZZ_CHECK(!inbound.text.empty(), "a breach says what it was");
                break;
        }
    }
    return 0;
}
