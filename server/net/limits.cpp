#include "net/limits.hpp"

#include <sys/resource.h>

#include <algorithm>

namespace ensemble::net {

std::size_t connection_cap(std::size_t descriptor_limit) {
    std::size_t reserve = 32 + descriptor_limit / 10;
    return descriptor_limit > reserve + 1 ? descriptor_limit - reserve : 1;
}

std::size_t raise_descriptor_limit() {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return 1024;
    // Linux refuses more than fs.nr_open (1,048,576 by default), whatever the hard limit says.
    rlim_t wanted = std::min<rlim_t>(limit.rlim_max, 1 << 20);
    if (limit.rlim_cur < wanted) {
        rlimit raised{wanted, limit.rlim_max};
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0) limit.rlim_cur = wanted;
    }
    return static_cast<std::size_t>(std::min<rlim_t>(limit.rlim_cur, 1 << 20));
}

}  // namespace ensemble::net
