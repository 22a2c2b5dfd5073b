// The kernel's floor under `make bench-live`'s rounds: what one message to each of N loopback TCP sockets
// costs the sender, with nothing of ensemble around it (no WebSocket library, no domain, no database).
// A child process holds the N receiving ends, as bench-live's workers do; on loopback the receiving side
// of TCP runs inside the sender's system call, so the sender's system time is what the server pays.
//
//   send_floor [N=10000] [BYTES=600] [ROUNDS=5]
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

#include "net/limits.hpp"

namespace {

using Clock = std::chrono::steady_clock;

void check(bool ok, const char* what) {
    if (!ok) throw std::runtime_error(std::string(what) + " failed");
}

double cpu_ms(const timeval& t) { return t.tv_sec * 1e3 + t.tv_usec / 1e3; }

struct Cpu {
    double user = 0, system = 0;
    static Cpu self() {
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        return {cpu_ms(usage.ru_utime), cpu_ms(usage.ru_stime)};
    }
};

// The receiving ends: connect n sockets, then read everything, telling the parent through `done` each time
// another `round_bytes` have arrived, until the parent closes its end.
[[noreturn]] void receive(int port, int n, long round_bytes, int done) {
    int epoll = epoll_create1(0);
    sockaddr_in address{AF_INET, htons(port), {htonl(INADDR_LOOPBACK)}, {}};
    for (int i = 0; i < n; ++i) {
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        check(fd >= 0 && connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0, "connect");
        fcntl(fd, F_SETFL, O_NONBLOCK);
        epoll_event interest{EPOLLIN, {.fd = fd}};
        epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &interest);
    }
    std::vector<epoll_event> ready(1024);
    std::vector<char> buffer(1 << 16);
    long received = 0;
    for (;;) {
        int count = epoll_wait(epoll, ready.data(), static_cast<int>(ready.size()), -1);
        for (int i = 0; i < count; ++i) {
            ssize_t got = read(ready[i].data.fd, buffer.data(), buffer.size());
            if (got == 0) _exit(0);  // the parent is gone
            if (got > 0) received += got;
        }
        while (received >= round_bytes) {
            received -= round_bytes;
            char byte = 1;
            check(write(done, &byte, 1) == 1, "write to parent");
        }
    }
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    const int n = argc > 1 ? std::atoi(argv[1]) : 10000;
    const int bytes = argc > 2 ? std::atoi(argv[2]) : 600;
    const int rounds = argc > 3 ? std::atoi(argv[3]) : 5;
    ensemble::net::raise_descriptor_limit();  // before the fork: the receiving child has it too

    int listener = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{AF_INET, 0, {htonl(INADDR_LOOPBACK)}, {}};
    socklen_t length = sizeof address;
    check(bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0, "bind");
    check(listen(listener, SOMAXCONN) == 0, "listen");
    getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length);

    int pipe_ends[2];
    check(pipe(pipe_ends) == 0, "pipe");
    pid_t child = fork();
    if (child == 0) {
        close(pipe_ends[0]);
        receive(ntohs(address.sin_port), n, static_cast<long>(n) * bytes, pipe_ends[1]);
    }
    close(pipe_ends[1]);

    std::vector<int> sockets;
    sockets.reserve(n);
    while (static_cast<int>(sockets.size()) < n) {
        int fd = accept(listener, nullptr, nullptr);
        check(fd >= 0, "accept");
        int on = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        sockets.push_back(fd);
    }

    // A WebSocket text frame as a server sends it: no mask, a 16-bit length when over 125 bytes.
    std::string frame = bytes > 125 ? std::string{'\x81', '\x7e', static_cast<char>(bytes >> 8),
                                                  static_cast<char>(bytes & 0xff)}
                                    : std::string{'\x81', static_cast<char>(bytes)};
    frame.resize(bytes, 'x');

    std::vector<double> walls, users, systems;
    for (int round = 0; round < rounds; ++round) {
        Cpu before = Cpu::self();
        auto began = Clock::now();
        for (int fd : sockets)
            check(write(fd, frame.data(), frame.size()) == static_cast<ssize_t>(frame.size()), "write");
        char byte;
        check(read(pipe_ends[0], &byte, 1) == 1, "read from child");
        walls.push_back(std::chrono::duration<double, std::milli>(Clock::now() - began).count());
        Cpu after = Cpu::self();
        users.push_back(after.user - before.user);
        systems.push_back(after.system - before.system);
    }
    for (int fd : sockets) close(fd);
    waitpid(child, nullptr, 0);
    rusage receiver{};
    getrusage(RUSAGE_CHILDREN, &receiver);

    std::printf("| one %d-byte frame to each of %d loopback sockets, median of %d | value |\n", bytes, n,
                rounds);
    std::printf("|---|---:|\n");
    std::printf("| sender CPU per round (ms), of it in the kernel | %.0f (%.0f) |\n",
                median(users) + median(systems), median(systems));
    std::printf("| first write → last byte received (ms) | %.0f |\n", median(walls));
    std::printf("| receiver CPU over the whole run (ms) | %.0f |\n",
                cpu_ms(receiver.ru_utime) + cpu_ms(receiver.ru_stime));
}
