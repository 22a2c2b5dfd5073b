#include "channel.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

namespace bench_live {
namespace {

constexpr int ipc_fd = 3;

// User and system time, as Node's process.cpuUsage() counts them.
double own_cpu_ms() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto ms = [](timeval t) { return t.tv_sec * 1000.0 + t.tv_usec / 1000.0; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

}  // namespace

Channel::Channel(Loop& loop, Command on_command, std::function<void()> on_gone)
    : on_command_(std::move(on_command)), on_gone_(std::move(on_gone)) {
    fcntl(ipc_fd, F_SETFL, fcntl(ipc_fd, F_GETFL) | O_NONBLOCK);
    loop.add(ipc_fd, *this, EPOLLIN);
}

void Channel::on_ready(std::uint32_t) {
    char buffer[64 * 1024];
    auto got = ::read(ipc_fd, buffer, sizeof buffer);
    if (got < 0 && (errno == EAGAIN || errno == EINTR)) return;
    if (got <= 0) return on_gone_();
    in_.append(buffer, got);
    for (std::size_t end; (end = in_.find('\n')) != std::string::npos;) {
        auto line = in_.substr(0, end);
        in_.erase(0, end + 1);
        if (!line.empty()) on_command_(nlohmann::json::parse(line));
    }
}

void Channel::reply(const std::string& cmd, nlohmann::json fields) {
    fields["cmd"] = cmd;
    fields["cpuMs"] = own_cpu_ms();
    auto line = fields.dump() + "\n";
    std::string_view rest = line;
    while (!rest.empty()) {
        auto sent = ::write(ipc_fd, rest.data(), rest.size());
        if (sent > 0) {
            rest.remove_prefix(sent);
        } else if (errno == EAGAIN) {
            pollfd out{ipc_fd, POLLOUT, 0};
            poll(&out, 1, -1);
        } else if (errno != EINTR) {
            std::_Exit(1);  // run.js is gone
        }
    }
}

}  // namespace bench_live
