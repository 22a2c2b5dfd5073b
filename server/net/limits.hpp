#pragma once
// The limits of the HTTP side and of connections, each in one place; shared/protocol.md's limits table
// describes them. (The body limit is app::max_message_bytes; the lifetime's default is in cli/options.hpp.)

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace ensemble::net {

// How long an HTTP connection waits for its next request, and for the whole of one request.
inline constexpr auto http_idle_timeout = std::chrono::seconds(30);
// Bytes of the request line (else 414), and separately of all header fields (else 431).
inline constexpr std::uint32_t max_request_head_bytes = 8 * 1024;
// After a last answer the connection reads and drops what the client still sends, for at most this long
// (and this many bytes), so that closing does not reset the connection before the answer is read.
inline constexpr auto http_linger_timeout = std::chrono::seconds(2);
inline constexpr std::size_t http_linger_bytes = 1024 * 1024;

// Accepting pauses when out of descriptors or at the connection cap: first this long, doubling to the
// most, back to the first after a connection is accepted.
inline constexpr auto accept_pause_first = std::chrono::milliseconds(50);
inline constexpr auto accept_pause_most = std::chrono::seconds(1);
// At most one log line of each kind of accept trouble this often; the next one counts the lines left out.
inline constexpr auto accept_log_interval = std::chrono::seconds(1);

// Open connections (HTTP and WebSocket) at most, for a descriptor limit (RLIMIT_NOFILE): the limit less
// 32 and a tenth, kept for the database, the log, the files being served and the listener itself.
std::size_t connection_cap(std::size_t descriptor_limit);

// Raises this process's soft descriptor limit to its hard limit (when it can) and returns the limit.
std::size_t raise_descriptor_limit();

}  // namespace ensemble::net
