#include "wire.hpp"

#include <netdb.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <random>
#include <stdexcept>
#include <utility>

namespace bench_live {
namespace {

std::int64_t steady_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

std::mt19937_64& random_bits() {
    static std::mt19937_64 bits{std::random_device{}()};
    return bits;
}

bool later(const auto& a, const auto& b) { return a.at != b.at ? a.at > b.at : a.order > b.order; }

std::string base64(const unsigned char* bytes, std::size_t size) {
    static constexpr char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (std::size_t i = 0; i < size; i += 3) {
        std::uint32_t group = bytes[i] << 16;
        if (i + 1 < size) group |= bytes[i + 1] << 8;
        if (i + 2 < size) group |= bytes[i + 2];
        out += digits[(group >> 18) & 63];
        out += digits[(group >> 12) & 63];
        out += i + 1 < size ? digits[(group >> 6) & 63] : '=';
        out += i + 2 < size ? digits[group & 63] : '=';
    }
    return out;
}

std::string lowercase(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

constexpr std::size_t max_head_bytes = 16 * 1024;

// A response's head, read by both clients: its size (the blank line included; 0 while it has not all
// arrived) and its status.
struct Head {
    std::size_t size = 0;
    int status = 0;
    bool too_large = false;  // still incomplete past max_head_bytes
};

Head read_head(const std::string& in) {
    auto end = in.find("\r\n\r\n");
    if (end == std::string::npos) return {0, 0, in.size() > max_head_bytes};
    return {end + 4, in.starts_with("HTTP/1.") && in.size() > 12 ? std::atoi(in.c_str() + 9) : 0, false};
}

}  // namespace

std::int64_t now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

Endpoint parse_base(const std::string& base) {
    auto authority = base.substr(base.find("://") + 3);
    authority = authority.substr(0, authority.find('/'));
    auto colon = authority.rfind(':');
    auto host = authority.substr(0, colon);
    auto port = colon == std::string::npos ? std::string("80") : authority.substr(colon + 1);
    addrinfo hints{};
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (getaddrinfo(host.c_str(), port.c_str(), &hints, &found) != 0 || !found)
        throw std::runtime_error("cannot resolve " + base);
    Endpoint endpoint;
    std::memcpy(&endpoint.address, found->ai_addr, sizeof endpoint.address);
    endpoint.host = authority;
    freeaddrinfo(found);
    return endpoint;
}

// The same formula as the web client's: doubling from 0.5 s, capped at 10 s, jittered between half and all
// of it (Math.round: halves up).
std::int64_t backoff_delay(int attempt) {
    double ceiling = std::min(10000.0, 500.0 * std::pow(2.0, attempt));
    double random = std::uniform_real_distribution<double>(0.0, 1.0)(random_bits());
    return static_cast<std::int64_t>(std::floor(ceiling / 2 + random * (ceiling / 2) + 0.5));
}

Loop::Loop() : epoll_(epoll_create1(EPOLL_CLOEXEC)) {
    if (epoll_ < 0) throw std::runtime_error("epoll_create1 failed");
}

Loop::~Loop() { close(epoll_); }

void Loop::add(int fd, Pollable& who, std::uint32_t events) {
    epoll_event event{events, {.ptr = &who}};
    epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &event);
}

void Loop::change(int fd, Pollable& who, std::uint32_t events) {
    epoll_event event{events, {.ptr = &who}};
    epoll_ctl(epoll_, EPOLL_CTL_MOD, fd, &event);
}

void Loop::after(std::int64_t ms, std::function<void()> then) {
    timers_.push_back({steady_ms() + ms, next_order_++, std::move(then)});
    std::push_heap(timers_.begin(), timers_.end(), later<Timer, Timer>);
}

void Loop::retire(std::unique_ptr<Pollable> gone) { graveyard_.push_back(std::move(gone)); }

void Loop::run_once() {
    int wait =
        timers_.empty() ? -1 : static_cast<int>(std::max<std::int64_t>(0, timers_.front().at - steady_ms()));
    std::array<epoll_event, 256> events;
    int count = epoll_wait(epoll_, events.data(), events.size(), wait);
    for (int i = 0; i < count; ++i) static_cast<Pollable*>(events[i].data.ptr)->on_ready(events[i].events);
    graveyard_.clear();
    auto now = steady_ms();
    while (!timers_.empty() && timers_.front().at <= now) {
        std::pop_heap(timers_.begin(), timers_.end(), later<Timer, Timer>);
        auto then = std::move(timers_.back().then);
        timers_.pop_back();
        then();
    }
}

std::string TcpClient::open(const Endpoint& endpoint) {
    drop();
    fd_ = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd_ < 0) return std::string("socket: ") + std::strerror(errno);
    int on = 1;
    setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);  // as ws and Node's http do
    if (connect(fd_, reinterpret_cast<const sockaddr*>(&endpoint.address), sizeof endpoint.address) < 0 &&
        errno != EINPROGRESS) {
        std::string why = std::string("connect: ") + std::strerror(errno);
        drop();
        return why;
    }
    connecting_ = true;
    events_ = EPOLLOUT;
    loop_.add(fd_, *this, events_);
    return {};
}

void TcpClient::drop() {
    if (fd_ < 0) return;
    close(fd_);
    fd_ = -1;
    connecting_ = false;
    out_.clear();
}

void TcpClient::end(const std::string& why) {
    drop();
    on_ended(why);
}

void TcpClient::write(std::string_view bytes) {
    if (fd_ < 0) return;
    if (out_.empty() && !connecting_) {
        auto sent = send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (sent == static_cast<ssize_t>(bytes.size())) return;
        // A hard error is left for the read side, which sees it too and ends the connection.
        if (sent < 0 && errno != EAGAIN) return;
        bytes.remove_prefix(std::max<ssize_t>(sent, 0));
    }
    out_.append(bytes);
    watch_events();
}

void TcpClient::flush() {
    while (!out_.empty()) {
        auto sent = send(fd_, out_.data(), out_.size(), MSG_NOSIGNAL);
        if (sent < 0) {
            if (errno != EAGAIN) out_.clear();
            break;
        }
        out_.erase(0, sent);
    }
    watch_events();
}

void TcpClient::watch_events() {
    std::uint32_t wanted = connecting_ ? EPOLLOUT : out_.empty() ? EPOLLIN : EPOLLIN | EPOLLOUT;
    if (wanted == events_) return;
    events_ = wanted;
    loop_.change(fd_, *this, events_);
}

void TcpClient::on_ready(std::uint32_t events) {
    if (fd_ < 0) return;  // closed earlier in this batch of events
    if (connecting_) {
        int error = 0;
        socklen_t size = sizeof error;
        getsockopt(fd_, SOL_SOCKET, SO_ERROR, &error, &size);
        if (error) return end(std::string("connect: ") + std::strerror(error));
        connecting_ = false;
        flush();
        return;
    }
    if (events & EPOLLOUT) flush();
    if (!(events & (EPOLLIN | EPOLLHUP | EPOLLERR))) return;
    static std::array<char, 64 * 1024> buffer;
    for (;;) {
        auto got = recv(fd_, buffer.data(), buffer.size(), 0);
        if (got > 0) {
            on_bytes({buffer.data(), static_cast<std::size_t>(got)}, now_ms());
            if (fd_ < 0 || got < static_cast<ssize_t>(buffer.size())) return;  // a short read drained it
        } else if (got == 0) {
            return end({});
        } else if (errno == EAGAIN) {
            return;
        } else if (errno != EINTR) {
            return end(std::strerror(errno));
        }
    }
}

void HttpClient::post(const std::string& target, const std::string& json, Reply reply) {
    reply_ = std::move(reply);
    in_.clear();
    if (!is_open()) {
        if (auto why = open(endpoint_); !why.empty()) {
            loop().after(0, [this, why] { finish(0, why); });
            return;
        }
    }
    write("POST " + target + " HTTP/1.1\r\nHost: " + endpoint_.host +
          "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(json.size()) +
          "\r\nConnection: keep-alive\r\n\r\n" + json);
}

void HttpClient::on_bytes(std::string_view bytes, std::int64_t) {
    if (!reply_) return;
    in_.append(bytes);
    auto response = read_head(in_);
    if (!response.size) {
        if (response.too_large) drop(), finish(0, "response head too large");
        return;
    }
    auto head = lowercase(std::string_view(in_).substr(0, response.size));
    std::size_t length = 0;
    if (auto field = head.find("\r\ncontent-length:"); field != std::string::npos)
        length = std::strtoull(head.c_str() + field + 17, nullptr, 10);
    if (in_.size() < response.size + length) return;
    if (head.find("\r\nconnection: close") != std::string::npos) drop();  // the server retires it
    finish(response.status, in_.substr(response.size, length));
}

void HttpClient::on_ended(const std::string& why) {
    if (reply_) finish(0, why.empty() ? "socket hang up" : why);
}

void HttpClient::finish(int status, std::string body) {
    auto reply = std::move(reply_);
    reply_ = nullptr;
    in_.clear();
    reply(status, std::move(body));
}

std::string WebSocketClient::start(const Endpoint& endpoint, const std::string& target) {
    if (auto why = open(endpoint); !why.empty()) return why;
    std::array<unsigned char, 16> key;
    for (auto& byte : key) byte = static_cast<unsigned char>(random_bits()());
    write("GET " + target + " HTTP/1.1\r\nHost: " + endpoint.host +
          "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " +
          base64(key.data(), key.size()) + "\r\nSec-WebSocket-Version: 13\r\n\r\n");
    return {};
}

void WebSocketClient::on_bytes(std::string_view bytes, std::int64_t at) {
    in_.append(bytes);
    if (!upgraded_ && !read_upgrade()) return;
    read_frames(at);
}

// The 101 (its Sec-WebSocket-Accept is not checked: the server is known); bytes after it are frames.
bool WebSocketClient::read_upgrade() {
    auto response = read_head(in_);
    if (!response.size) {
        if (response.too_large) drop(), handler_.on_closed("upgrade response too large", true);
        return false;
    }
    if (response.status != 101) {
        drop();
        handler_.on_closed("Unexpected server response: " + std::to_string(response.status), true);
        return false;
    }
    upgraded_ = true;
    in_.erase(0, response.size);
    handler_.on_open();
    return is_open();
}

void WebSocketClient::read_frames(std::int64_t at) {
    std::size_t done = 0;
    while (is_open()) {
        auto* bytes = reinterpret_cast<const unsigned char*>(in_.data()) + done;
        std::size_t available = in_.size() - done;
        if (available < 2) break;
        std::size_t head = 2;
        std::uint64_t length = bytes[1] & 0x7f;
        if (length == 126) head = 4;
        if (length == 127) head = 10;
        bool masked = bytes[1] & 0x80;  // servers do not mask, but a masked frame is still read right
        if (masked) head += 4;
        if (available < head) break;
        if (length == 126) length = bytes[2] << 8 | bytes[3];
        if (length == 127) {
            length = 0;
            for (std::size_t i = 2; i < 10; ++i) length = length << 8 | bytes[i];
        }
        if (available - head < length) break;
        char* payload = in_.data() + done + head;
        if (masked)
            for (std::uint64_t i = 0; i < length; ++i) payload[i] ^= bytes[head - 4 + i % 4];
        done += head + length;
        on_frame(bytes[0] & 0x0f, bytes[0] & 0x80, {payload, static_cast<std::size_t>(length)}, at);
    }
    if (is_open()) in_.erase(0, done);
}

void WebSocketClient::on_frame(int opcode, bool final, std::string_view payload, std::int64_t at) {
    switch (opcode) {
        case 0x0:  // continuation
            fragments_.append(payload);
            if (!final || !fragmented_opcode_) return;
            fragmented_opcode_ = 0;
            return handler_.on_text(std::exchange(fragments_, {}), at);
        case 0x1:
        case 0x2:
            if (final) return handler_.on_text(payload, at);
            fragments_.assign(payload);
            fragmented_opcode_ = opcode;
            return;
        case 0x8: {  // close: answered, then the connection ends at once
            int code = payload.size() >= 2 ? static_cast<unsigned char>(payload[0]) << 8 |
                                                 static_cast<unsigned char>(payload[1])
                                           : 1005;
            send_frame(0x8, payload.substr(0, std::min<std::size_t>(payload.size(), 2)));
            drop();
            return handler_.on_closed("closed " + std::to_string(code), false);
        }
        case 0x9:  // the server's heartbeat: without a pong it drops the connection after 30 s
            return send_frame(0xA, payload);
        default:
            return;
    }
}

void WebSocketClient::on_ended(const std::string& why) {
    if (why.empty()) return handler_.on_closed("closed 1006", false);  // ended with no close frame
    handler_.on_closed(why, true);
}

void WebSocketClient::send_frame(int opcode, std::string_view payload) {
    std::string frame;
    frame.reserve(payload.size() + 14);
    frame += static_cast<char>(0x80 | opcode);
    if (payload.size() < 126) {
        frame += static_cast<char>(0x80 | payload.size());
    } else if (payload.size() <= 0xffff) {
        frame += static_cast<char>(0x80 | 126);
        for (int shift = 8; shift >= 0; shift -= 8) frame += static_cast<char>(payload.size() >> shift);
    } else {
        frame += static_cast<char>(0x80 | 127);
        for (int shift = 56; shift >= 0; shift -= 8)
            frame += static_cast<char>(static_cast<std::uint64_t>(payload.size()) >> shift);
    }
    auto mask = static_cast<std::uint32_t>(random_bits()());
    char key[4] = {char(mask >> 24), char(mask >> 16), char(mask >> 8), char(mask)};
    frame.append(key, 4);
    for (std::size_t i = 0; i < payload.size(); ++i) frame += static_cast<char>(payload[i] ^ key[i % 4]);
    write(frame);
}

}  // namespace bench_live
