#pragma once
// Secrets and public ids: random tokens handed out once, stored only as hashes.

#include <string>

namespace ensemble::app {

// 256 random bits, base64url without padding (43 characters).
std::string new_token();

// A short public id for an event's links: 10 characters from an unambiguous alphabet (50 bits).
std::string new_event_id();

// SHA-256 of the token, lowercase hex: what storage keeps.
std::string token_hash(const std::string& token);

}  // namespace ensemble::app
